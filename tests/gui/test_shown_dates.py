"""The window's dates in the shared styles (issue 12), whatever the OS zone: the requests
section's table and prose forms, and the archive's dates of stored moments (once the UTC date
cut from the stamp)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from desktop_app.gui.admin import retention
from desktop_app.gui.requests.labels import (
    day_text,
    long_day_text,
    prose_day_text,
    short_day_text,
)


def test_requests_dates_in_table_and_prose_style(qapp: Any) -> None:
    day = dt.date(2027, 5, 13)
    assert day_text(day) == "13-05-2027"
    assert day_text(None) == ""
    assert long_day_text(day) == "donderdag 13 mei 2027"
    assert prose_day_text(day) == "13 mei 2027"
    assert short_day_text(day) == "donderdag 13-05-2027"


def test_the_archive_shows_the_amsterdam_date_of_a_stored_moment(new_york: None) -> None:
    # 23:30 UTC on 1 July is 2 July in Amsterdam (and still 1 July in New York).
    assert retention._day("2026-07-01T23:30:00.000000+00:00") == "02-07-2026"
    assert retention._day(None) == ""
