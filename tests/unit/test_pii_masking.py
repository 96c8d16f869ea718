"""Personal data never reaches a log line in clear (RELIABILITY PII-02, PII-03)."""

from __future__ import annotations

import json
import logging

import pytest

from functions.domain.pii import mask_personal_data
from functions.handlers.observability import MaskingFormatter


@pytest.mark.parametrize(
    ("text", "masked"),
    [
        ("id 1999999996 here", "id 1******996 here"),
        ("KeyError('1012345672')", "KeyError('1******672')"),
        ("call +966512345612 now", "call +9665*****12 now"),
        ("0512345612", "+9665*****12"),
        ("00966512345612", "+9665*****12"),
        ("١٠٠٠٠٠٠٠٠٨", "١******٠٠٨"),
    ],
)
def test_ids_and_mobiles_are_masked(text: str, masked: str) -> None:
    assert mask_personal_data(text) == masked


@pytest.mark.parametrize("text", ["MED-2611-000123", "order 12345678901234", "status 200 in 35 ms", "3000000004"])
def test_other_numbers_are_left_alone(text: str) -> None:
    assert mask_personal_data(text) == text


def test_the_log_formatter_masks_messages_extras_and_tracebacks() -> None:
    formatter = MaskingFormatter()
    try:
        raise KeyError("1999999996")
    except KeyError:
        import sys

        record = logging.LogRecord(
            "shubbak", logging.ERROR, __file__, 1, "lookup of %s by +966512345699", ("1999999996",), sys.exc_info()
        )
    record.to = "0512345699"
    line = formatter.format(record)
    assert "1999999996" not in line
    assert "512345699" not in line
    assert "1******996" in line
    assert json.loads(line)["level"] == "ERROR"
