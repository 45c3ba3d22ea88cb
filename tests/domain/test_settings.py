"""Each business setting is declared once, with its bounds (domain.settings)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop_app.domain.errors import InvalidInput, NotFound
from desktop_app.domain.settings import (
    IDLE_MINUTES,
    INSPECTION_IDLE_MINUTES,
    SETTINGS,
    WARN_FROM_DAY,
    IntSetting,
    setting,
)


def test_the_declared_settings_and_their_bounds() -> None:
    assert {"idle_minutes", "inspection_idle_minutes", "warn_from_day"} <= {s.key for s in SETTINGS}
    assert (IDLE_MINUTES.default, IDLE_MINUTES.minimum, IDLE_MINUTES.maximum) == (5, 1, 120)
    assert (INSPECTION_IDLE_MINUTES.default, INSPECTION_IDLE_MINUTES.maximum) == (10, 60)
    assert (WARN_FROM_DAY.default, WARN_FROM_DAY.minimum, WARN_FROM_DAY.maximum) == (8, 1, 10)
    for spec in SETTINGS:
        if isinstance(spec, IntSetting):
            assert spec.minimum <= spec.default <= spec.maximum
        else:
            assert spec.read(spec.default) == spec.default


@pytest.mark.parametrize(
    ("stored", "expected"),
    [
        (None, 8),
        ("3", 3),
        (" 10 ", 10),
        ("11", 10),
        ("0", 1),
        ("-4", 1),
        ("acht", 8),
        ("", 8),
        ("٣", 8),
        ("9" * 40, 8),
    ],
)
def test_a_stored_value_reads_as_the_default_or_within_bounds(
    stored: str | None, expected: int
) -> None:
    assert WARN_FROM_DAY.read(stored) == expected


@pytest.mark.parametrize("entered", ["0", "121", "-1", "vijf", "", "1e3", "²", "٥", "10" * 10, 500])
def test_an_entered_value_out_of_bounds_is_refused_naming_the_setting(entered: str | int) -> None:
    with pytest.raises(InvalidInput) as info:
        IDLE_MINUTES.parse(entered)
    assert info.value.field == "idle_minutes"
    assert "1 tot en met 120" in info.value.message


@given(st.integers(min_value=-1000, max_value=1000))
def test_parse_accepts_exactly_the_bounds(value: int) -> None:
    if IDLE_MINUTES.minimum <= value <= IDLE_MINUTES.maximum:
        assert IDLE_MINUTES.parse(value) == value
        assert IDLE_MINUTES.read(IDLE_MINUTES.store(value)) == value
    else:
        with pytest.raises(InvalidInput):
            IDLE_MINUTES.parse(value)


def test_an_unknown_setting_is_not_found() -> None:
    assert setting("warn_from_day") is WARN_FROM_DAY
    with pytest.raises(NotFound) as info:
        setting("bestaat_niet")
    assert "idle_minutes" in info.value.message
