"""The gettext catalogues (functions/locale/): every key in every catalogue that needs it, the same
placeholders as the English text, compiled without errors into the .mo files runtime reads, and Arabic's
six plural forms."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.mofile import read_mo, write_mo
from babel.messages.pofile import read_po

from functions.domain.citizen import Language
from functions.domain.error_codes import ErrorCode
from functions.domain.error_messages import ERRORS_DOMAIN, message_in
from functions.domain.message_catalogues import LOCALE_DIRECTORY, MissingTranslation, catalogue, text
from functions.domain.sms import SMS_DOMAIN, SmsTemplate
from functions.local.message_keys import extract_enum_members

ROOT = Path(__file__).resolve().parents[2]
ERROR_LANGUAGES = (Language.AR, Language.EN)
"""Problems carry Arabic and English; other languages fall back to English (docs/sms.md)."""
REQUIRED = {SMS_DOMAIN: (SmsTemplate, tuple(Language)), ERRORS_DOMAIN: (ErrorCode, ERROR_LANGUAGES)}
CATALOGUES = sorted(LOCALE_DIRECTORY.glob("*/LC_MESSAGES/*.po"))
PLACEHOLDER = re.compile(r"\{(\w+)\}")


def po(domain: str, language: str) -> Catalog:
    with (LOCALE_DIRECTORY / language / "LC_MESSAGES" / f"{domain}.po").open("rb") as source:
        return read_po(source, locale=language, domain=domain)


def translated(catalog: Catalog) -> dict[str, str]:
    """The texts the compiler keeps: no header, nothing empty, nothing fuzzy."""
    return {m.id: m.string for m in catalog if m.id and m.string and not m.fuzzy}


@pytest.mark.parametrize(
    ("domain", "language"),
    [(domain, language) for domain, (_, languages) in REQUIRED.items() for language in languages],
)
def test_every_key_has_a_text_in_every_catalogue_that_needs_it(domain: str, language: Language) -> None:
    keys, _ = REQUIRED[domain]
    missing = {key.value for key in keys} - set(translated(po(domain, language.value)))
    assert missing == set()


@pytest.mark.parametrize("path", CATALOGUES, ids=lambda path: str(path.relative_to(LOCALE_DIRECTORY)))
def test_every_catalogue_compiles_and_is_compiled(path: Path) -> None:
    """Babel's checks (format strings, plural forms) pass, and the .mo the build made says the same."""
    language, domain = path.parts[-3], path.stem
    catalog = po(domain, language)
    assert [(m.id, errors) for m, errors in catalog.check()] == []
    compiled = io.BytesIO()
    write_mo(compiled, catalog)
    compiled.seek(0)
    built = path.with_suffix(".mo")
    assert built.exists(), "make catalogues"
    with built.open("rb") as mo:
        assert translated(read_mo(mo)) == translated(read_mo(compiled)), "stale .mo: make catalogues"


@pytest.mark.parametrize("language", [language for language in Language if language is not Language.EN])
def test_translations_use_only_the_placeholders_the_english_text_has(language: Language) -> None:
    """The code fills what the English text names; another name would fail at send time. (A translation
    may leave one out to fit its segment budget: the Arabic REJECTED says "the centre" without its name.)"""
    english = translated(po(SMS_DOMAIN, Language.EN.value))
    for key, sms in translated(po(SMS_DOMAIN, language.value)).items():
        assert set(PLACEHOLDER.findall(sms)) <= set(PLACEHOLDER.findall(english[key])), key


@pytest.mark.parametrize(("domain", "keys"), [(SMS_DOMAIN, SmsTemplate), (ERRORS_DOMAIN, ErrorCode)])
def test_the_templates_list_exactly_the_keys_of_the_code(domain: str, keys: type[SmsTemplate | ErrorCode]) -> None:
    """``make messages`` was run after the last key was added or removed."""
    with (LOCALE_DIRECTORY / f"{domain}.pot").open("rb") as template:
        assert {m.id for m in read_po(template) if m.id} == {key.value for key in keys}


def test_the_extractor_finds_each_member_of_the_enum_it_is_given() -> None:
    source = (ROOT / "functions/domain/sms.py").read_bytes()
    found = extract_enum_members(io.BytesIO(source), (), (), {"enum": "SmsTemplate", "note": "keep {x}"})
    assert [(message, comments) for _, _, message, comments in found] == [(t.value, ["keep {x}"]) for t in SmsTemplate]


@pytest.mark.parametrize(("count", "form"), [(0, 0), (1, 1), (2, 2), (3, 3), (11, 4), (100, 5)])
def test_arabic_has_six_plural_forms(count: int, form: int) -> None:
    for domain in REQUIRED:
        assert catalogue(domain, ("ar",)).plural(count) == form


def test_a_key_no_catalogue_has_is_an_error_not_a_text() -> None:
    with pytest.raises(MissingTranslation):
        text(SMS_DOMAIN, "NO_SUCH_TEMPLATE", (Language.AR.value,))


def test_a_language_without_error_messages_falls_back_to_english() -> None:
    assert message_in(ErrorCode.NOT_FOUND, Language.UR) == message_in(ErrorCode.NOT_FOUND, Language.EN)
    assert message_in(ErrorCode.NOT_FOUND, Language.AR) != message_in(ErrorCode.NOT_FOUND, Language.EN)
