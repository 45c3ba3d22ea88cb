"""Classification durations (VIR-BI) and the print settings' text type (domain only)."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop_app.domain.classification import (
    NOT_RECORDED,
    Classification,
    ClassificationDuration,
    check_duration_for,
    duration_text,
    marking_lines,
    parse_duration,
)
from desktop_app.domain.errors import InvalidInput, NotFound
from desktop_app.domain.roles import Role
from desktop_app.domain.settings import (
    DEFAULT_COPIES,
    IND_ADDRESSEE,
    MAX_COPIES,
    SENDER_BLOCK,
    SETTINGS,
    SIGNER_FUNCTION,
    TextSetting,
    setting,
    split_key,
)

TODAY = dt.date(2026, 12, 2)


def test_a_date_or_an_event_never_both_and_never_neither() -> None:
    with pytest.raises(ValueError):
        ClassificationDuration()
    with pytest.raises(ValueError):
        ClassificationDuration(until=TODAY, event="x")
    assert parse_duration(until=None, event=None, today=TODAY) is None
    assert parse_duration(until=" ", event="", today=TODAY) is None
    with pytest.raises(InvalidInput, match="niet allebei"):
        parse_duration(until="2030-01-01", event="einde onderzoek", today=TODAY)


def test_a_date_lies_after_today_and_within_75_years() -> None:
    d = parse_duration(until="2036-12-31", event=None, today=TODAY)
    assert d == ClassificationDuration(until=dt.date(2036, 12, 31))
    assert d is not None and d.text == "tot en met 31 december 2036"
    with pytest.raises(InvalidInput, match="na vandaag"):
        parse_duration(until=TODAY.isoformat(), event=None, today=TODAY)
    with pytest.raises(InvalidInput, match="75 jaar"):
        parse_duration(until="2102-01-01", event=None, today=TODAY)
    with pytest.raises(InvalidInput, match="geen datum"):
        parse_duration(until="31-12-2036", event=None, today=TODAY)


def test_an_event_is_one_clean_line() -> None:
    d = parse_duration(until=None, event="  afronding   van het onderzoek ", today=TODAY)
    assert d is not None and d.event == "afronding van het onderzoek"
    assert d.text == "tot: afronding van het onderzoek"
    for bad in ("ab", "x" * 161, "einde\u202eonderzoek", "einde\x1b[8m"):
        with pytest.raises(InvalidInput):
            parse_duration(until=None, event=bad, today=TODAY)


@given(st.dates(min_value=dt.date(2026, 12, 3), max_value=dt.date(2101, 12, 31)))
def test_a_stored_date_reads_back_as_entered(day: dt.date) -> None:
    d = parse_duration(until=day.isoformat(), event=None, today=TODAY)
    assert d is not None
    assert ClassificationDuration.from_stored(*d.stored()) == d


def test_not_recorded_reads_as_none_and_prints_so() -> None:
    assert ClassificationDuration.from_stored(None, None) is None
    assert ClassificationDuration.from_stored("not a date", None) is None
    assert duration_text(None) == NOT_RECORDED == "niet vastgelegd"
    level, note = marking_lines(Classification.STG_GEHEIM, None)
    assert (level, note) == ("STG. GEHEIM", "Rubriceringsduur: niet vastgelegd")
    # Unclassified: no duration to print, and none may be given.
    assert marking_lines(Classification.ONGERUBRICEERD, None) == ("ONGERUBRICEERD", None)
    with pytest.raises(InvalidInput, match="ongerubriceerd"):
        check_duration_for(
            Classification.ONGERUBRICEERD, ClassificationDuration(event="einde onderzoek")
        )


def test_the_print_settings_are_declared_once() -> None:
    keys = {s.key for s in SETTINGS}
    assert {"default_copies", "sender_block", "ind_addressee", "signer_function"} <= keys
    assert (DEFAULT_COPIES.default, DEFAULT_COPIES.minimum, DEFAULT_COPIES.maximum) == (
        1,
        1,
        MAX_COPIES,
    )
    assert SIGNER_FUNCTION.per_account is Role.AIVD_SIGNER and SIGNER_FUNCTION.default == ""
    assert setting("sender_block") is SENDER_BLOCK
    assert split_key("signer_function:olga") == ("signer_function", "olga")
    with pytest.raises(NotFound):
        setting("afzender")


def test_a_text_setting_takes_lines_by_break_or_bar_within_its_bounds() -> None:
    assert SENDER_BLOCK.parse("Postbus 1 | 2500 AA  Den Haag") == "Postbus 1\n2500 AA Den Haag"
    assert IND_ADDRESSEE.parse("IND\r\nPostbus 17\n\n") == "IND\nPostbus 17"
    with pytest.raises(InvalidInput, match="1 tot en met 6 regels"):
        SENDER_BLOCK.parse("")
    with pytest.raises(InvalidInput):
        SENDER_BLOCK.parse("|".join(["regel"] * 7))
    with pytest.raises(InvalidInput):
        SENDER_BLOCK.parse("x" * 61)
    with pytest.raises(InvalidInput):
        SENDER_BLOCK.parse("Postbus\u200b 1")
    assert SIGNER_FUNCTION.parse("") == ""
    with pytest.raises(InvalidInput, match="één regel"):
        SIGNER_FUNCTION.parse("directeur | plaatsvervanger")


def test_a_stored_text_that_no_longer_fits_reads_as_the_default() -> None:
    spec = TextSetting(key="t", label="T", default="standaard", max_length=5)
    assert spec.read(None) == "standaard"
    assert spec.read("kort") == "kort"
    assert spec.read("veel te lang") == "standaard"
