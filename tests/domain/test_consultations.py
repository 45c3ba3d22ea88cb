"""Rules of the periodic consultation (art. 3.2): both services present, dates that fit, the
figures' moment, action points done once."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop_app.domain.consultations import (
    ActionPoint,
    Service,
    default_as_of,
    mark_done,
    validate_consultation,
    validate_participants,
)
from desktop_app.domain.errors import InvalidInput, InvalidState

D = dt.date
NOW = dt.datetime(2026, 11, 2, 9, 0, tzinfo=dt.UTC)
BOTH = [("aivd", "J. de Vries", "directeur"), ("ind", "A. Bakker", None)]


def valid(**kw: object) -> dict[str, object]:
    return {
        "held_on": D(2026, 10, 30),
        "period_from": D(2026, 7, 1),
        "period_to": D(2026, 9, 30),
        "participants": BOTH,
        "decisions": "Werkafspraak over uitstelberichten.\nVolgend overleg in januari.",
        "actions": [("Werkinstructie bijwerken", "M. Jansen", D(2026, 12, 1))],
        "now": NOW,
    } | kw


def test_a_valid_consultation() -> None:
    draft = validate_consultation(**valid())  # type: ignore[arg-type]
    assert [p.service for p in draft.participants] == [Service.AIVD, Service.IND]
    assert draft.participants[0].function == "directeur"
    assert draft.actions[0].position == 1 and not draft.actions[0].done
    # Default: the figures as they stood at the end of the day of the consultation.
    assert draft.as_of == default_as_of(D(2026, 10, 30), NOW) < NOW
    assert draft.as_of.astimezone(dt.timezone(dt.timedelta(hours=1))).date() == D(2026, 10, 30)


@pytest.mark.parametrize(
    ("people", "missing"),
    [
        ([("aivd", "J. de Vries", None)], "IND"),
        ([("ind", "A. Bakker", None)], "AIVD"),
        ([], "AIVD en van de IND"),
    ],
)
def test_both_services_take_part(people: list[tuple[str, str, None]], missing: str) -> None:
    with pytest.raises(InvalidInput) as info:
        validate_participants(people)
    assert missing in info.value.message and info.value.field == "participant"


def test_participants_are_names_once_each() -> None:
    with pytest.raises(InvalidInput, match="twee keer"):
        validate_participants([*BOTH, ("aivd", "j. de  vries", None)])
    with pytest.raises(InvalidInput, match="Onbekende dienst"):
        validate_participants([("nctv", "X", None), *BOTH])
    with pytest.raises(InvalidInput, match="onzichtbaar"):
        validate_participants([("aivd", "J.\u202e de Vries", None), ("ind", "A", None)])
    with pytest.raises(InvalidInput, match="leeg"):
        validate_participants([("aivd", "   ", None), ("ind", "A", None)])
    # The same name for each service is two people (or one person noted twice by choice).
    assert len(validate_participants([("aivd", "A", None), ("ind", "A", None)])) == 2


@pytest.mark.parametrize(
    ("change", "field", "words"),
    [
        ({"held_on": D(2026, 11, 3)}, "held_on", "toekomst"),
        ({"period_to": D(2026, 6, 30)}, "to", "vóór de begindatum"),
        ({"period_from": D(2026, 11, 1), "period_to": D(2026, 11, 1)}, "from", "na het overleg"),
        ({"held_on": D(2012, 1, 1), "period_from": D(2011, 1, 1)}, "held_on", "convenant"),
        ({"as_of": NOW + dt.timedelta(seconds=1)}, "as_of", "toekomst"),
        ({"as_of": dt.datetime(2026, 6, 1, 12, tzinfo=dt.UTC)}, "as_of", "vóór het begin"),
        ({"as_of": dt.datetime(2026, 10, 1, 12)}, "as_of", "tijdzone"),
        ({"decisions": "a\x00b"}, "decisions", "stuurteken"),
        ({"actions": [("Iets", "M. Jansen", D(2026, 10, 29))]}, "action", "vóór het overleg"),
        ({"actions": [("  ", "M. Jansen", D(2026, 12, 1))]}, "action", "omschrijving"),
        ({"actions": [("Iets", "", D(2026, 12, 1))]}, "action", "leeg"),
    ],
)
def test_bad_input_is_a_sentence_naming_the_field(
    change: dict[str, object], field: str, words: str
) -> None:
    with pytest.raises(InvalidInput) as info:
        validate_consultation(**valid(**change))  # type: ignore[arg-type]
    assert info.value.field == field and words in info.value.message


def test_mark_done_once_and_not_in_the_future() -> None:
    action = ActionPoint("Iets", "M. Jansen", D(2026, 12, 1), id=4, position=1)
    today = D(2026, 11, 2)
    assert mark_done(action, on=today, held_on=D(2026, 10, 30), today=today) == today
    with pytest.raises(InvalidInput, match="toekomst"):
        mark_done(action, on=D(2026, 11, 3), held_on=D(2026, 10, 30), today=today)
    with pytest.raises(InvalidInput, match="vóór het overleg"):
        mark_done(action, on=D(2026, 10, 29), held_on=D(2026, 10, 30), today=today)
    done = ActionPoint("Iets", "M. Jansen", D(2026, 12, 1), id=4, position=1, done_on=today)
    with pytest.raises(InvalidState, match="al afgerond"):
        mark_done(done, on=today, held_on=D(2026, 10, 30), today=today)
    assert done.as_dict()["done"] is True and not done.is_overdue(D(2027, 1, 1))
    assert action.is_overdue(D(2026, 12, 2)) and not action.is_overdue(D(2026, 12, 1))


@given(
    st.dates(min_value=D(2019, 3, 8), max_value=D(2030, 12, 31)),
    st.datetimes(
        min_value=dt.datetime(2019, 3, 8),
        max_value=dt.datetime(2031, 1, 1),
        timezones=st.just(dt.UTC),
    ),
)
def test_default_as_of_is_never_in_the_future_nor_after_the_day(
    held_on: dt.date, now: dt.datetime
) -> None:
    moment = default_as_of(held_on, now)
    assert moment <= now
    local = moment.astimezone(dt.timezone(dt.timedelta(hours=2)))
    # Never past the end of the day held (in Amsterdam; +2 is the later of its two offsets).
    assert moment.astimezone(dt.UTC) < dt.datetime.combine(
        held_on + dt.timedelta(days=1), dt.time(), tzinfo=dt.timezone(dt.timedelta(hours=1))
    )
    assert local.tzinfo is not None
