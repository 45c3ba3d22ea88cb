"""A message names a date as a sentence does (issue 12: one date style): '13 mei 2027', not
the stored '2027-05-13'."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from desktop_app.domain.designations import validate_period
from desktop_app.domain.errors import InvalidInput, NotFound
from desktop_app.services import calendar as calendar_service


def test_calendar_messages_say_the_date_in_prose(workspace: Any) -> None:
    day = dt.date(2029, 5, 11)
    with workspace.session() as admin:
        calendar_service.add_day(admin, day, kind="decree", description="Besluit 2029 (fictief)")
        with pytest.raises(InvalidInput) as twice:
            calendar_service.add_day(admin, day, kind="decree", description="Nog eens")
        with pytest.raises(NotFound) as missing:
            calendar_service.remove_day(admin, dt.date(2029, 5, 14))
    assert str(twice.value) == "11 mei 2029 staat al in de kalender."
    assert str(missing.value) == "14 mei 2029 staat niet in de kalender."


def test_a_designation_period_names_its_dates_in_prose() -> None:
    with pytest.raises(InvalidInput) as reversed_period:
        validate_period(dt.date(2027, 3, 9), dt.date(2027, 1, 2))
    assert str(reversed_period.value) == (
        "De einddatum van de aanwijzing (2 januari 2027) ligt vóór de begindatum (9 maart 2027)."
    )
