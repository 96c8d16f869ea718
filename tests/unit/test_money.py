from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from functions.domain.errors import ErrorCode, ValidationFailed
from functions.domain.money import Money


@pytest.mark.parametrize(
    ("text", "halalas"), [("150", 15000), ("150.5", 15050), ("0.01", 1), ("0", 0), ("1000.00", 100000)]
)
def test_riyal_amounts_become_whole_halalas(text: str, halalas: int) -> None:
    assert Money.sar(text).halalas == halalas


@pytest.mark.parametrize("text", ["0.001", "abc", "NaN", "Infinity", "", "1e-3"])
def test_amounts_finer_than_a_halala_or_not_numbers_are_refused(text: str) -> None:
    with pytest.raises(ValidationFailed) as raised:
        Money.sar(text)
    assert raised.value.code is ErrorCode.FEE_INVALID


@given(st.integers(min_value=0, max_value=10**9))
def test_halalas_round_trip_through_riyals(halalas: int) -> None:
    money = Money(halalas)
    assert Money.sar(money.riyals) == money
    assert money.riyals == Decimal(halalas) / 100


def test_amounts_add_and_print_in_sar() -> None:
    assert str(Money.sar("100") + Money.sar("15.50")) == "115.50 SAR"
