"""Every citizen SMS fits its segment budget with the longest values it can carry: one segment in Arabic
and English, two in Urdu, Bengali and Indonesian."""

from __future__ import annotations

import pytest

from functions.domain.citizen import Language
from functions.domain.sms import MAX_VALUE_LENGTHS, SmsTemplate, addressed, encoding_of, initials_of, render, segments
from functions.local.seeding import SeedCatalogue, SeedPeople
from tests.fakes.identity import TODAY


@pytest.mark.parametrize(
    ("text", "count"),
    [("a" * 160, 1), ("a" * 161, 2), ("ب" * 70, 1), ("ب" * 71, 2), ("ب" * 134, 2), ("€" * 80, 1), ("€" * 81, 2)],
)
def test_segment_arithmetic(text: str, count: int) -> None:
    assert segments(text) == count


def test_one_arabic_letter_makes_a_message_ucs2() -> None:
    assert encoding_of("Shubbak") == "GSM-7"
    assert encoding_of("Shubbak شبّاك") == "UCS-2"


SEGMENT_BUDGET = {Language.AR: 1, Language.EN: 1, Language.UR: 2, Language.BN: 2, Language.ID: 2}
ARABIC_LETTER, LATIN_LETTER = "ش", "W"


def longest_values(filler: str) -> dict[str, str]:
    return {name: filler * length for name, length in MAX_VALUE_LENGTHS.items()}


def test_every_language_has_a_segment_budget() -> None:
    assert set(SEGMENT_BUDGET) == set(Language)


@pytest.mark.parametrize("template", list(SmsTemplate))
@pytest.mark.parametrize(("language", "filler"), [(Language.AR, ARABIC_LETTER), (Language.EN, LATIN_LETTER)])
def test_arabic_and_english_fit_one_segment_at_the_longest_values(
    template: SmsTemplate, language: Language, filler: str
) -> None:
    assert segments(render(template, language, longest_values(filler))) == 1


@pytest.mark.parametrize("template", list(SmsTemplate))
@pytest.mark.parametrize("language", [Language.UR, Language.BN, Language.ID])
@pytest.mark.parametrize("filler", [ARABIC_LETTER, LATIN_LETTER], ids=["arabic-names", "latin-names"])
def test_the_residents_languages_fit_two_segments_at_the_longest_values_in_either_script(
    template: SmsTemplate, language: Language, filler: str
) -> None:
    """Either script: a request keeps the names of the language it was filed in, so a citizen who changes
    language meanwhile can get an Indonesian text with Arabic names (and UCS-2's shorter segments)."""
    assert segments(render(template, language, longest_values(filler))) <= 2


@pytest.mark.parametrize("template", list(SmsTemplate))
def test_every_template_fits_with_the_longest_seeded_names(template: SmsTemplate) -> None:
    """Real values: the longest seeded centre and agency SMS names, a real tracking number and time."""
    centres = SeedPeople.load(TODAY).centres
    agencies = SeedCatalogue.load().agencies
    for language in Language:
        values = {
            "centre": max((c.sms_name.in_language(language.value) for c in centres), key=len),
            "agency": max((a.short_name.in_language(language.value) for a in agencies), key=len),
            "tracking": "MED-2611-000123",
            "amount": "1025.00",
            "time": "28/11 13:45",
            "bill": "402917365518",
        }
        assert len(values["centre"]) <= MAX_VALUE_LENGTHS["centre"]
        assert len(values["agency"]) <= MAX_VALUE_LENGTHS["agency"]
        assert segments(render(template, language, values)) <= SEGMENT_BUDGET[language], language


@pytest.mark.parametrize("template", list(SmsTemplate))
@pytest.mark.parametrize("language", list(Language))
def test_naming_whose_message_it_is_never_costs_a_segment(template: SmsTemplate, language: Language) -> None:
    """On a shared phone the initials replace the brand: every template keeps its budget."""
    filler = ARABIC_LETTER if language in {Language.AR, Language.UR} else LATIN_LETTER
    text = render(template, language, longest_values(filler))
    initials = initials_of("محمد عبدالله") if encoding_of(text) == "UCS-2" else initials_of("Mohammed Abdullah")
    assert initials is not None
    named = addressed(text, initials)
    assert named.startswith(f"{initials}:")
    assert segments(named) <= segments(text)
