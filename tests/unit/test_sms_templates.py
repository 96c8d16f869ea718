"""Every citizen SMS fits one segment, in Arabic and English, with the longest values it can carry."""

from __future__ import annotations

import pytest

from functions.domain.citizen import Language
from functions.domain.sms import MAX_VALUE_LENGTHS, TEMPLATES, SmsTemplate, encoding_of, render, segments
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


@pytest.mark.parametrize("template", list(SmsTemplate))
@pytest.mark.parametrize("language", list(Language))
def test_every_template_fits_one_segment_at_the_longest_values(template: SmsTemplate, language: Language) -> None:
    filler = "ش" if language is Language.AR else "W"
    values = {name: filler * length for name, length in MAX_VALUE_LENGTHS.items()}
    assert segments(render(template, language, values)) == 1


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
        }
        assert len(values["centre"]) <= MAX_VALUE_LENGTHS["centre"]
        assert len(values["agency"]) <= MAX_VALUE_LENGTHS["agency"]
        assert segments(render(template, language, values)) == 1


def test_templates_exist_in_both_languages() -> None:
    assert all(set(texts) == set(Language) for texts in TEMPLATES.values())
