"""One shown time: Europe/Amsterdam from tzdata whatever the OS zone, in one style per use.

The screen once said 21:22 and the PDF 22:23 for the same signing: the window used the OS
zone, the PDF a fixed offset. These tests move the process to another zone (TZ + tzset) and
hold the window's formatter, the CLI's and the PDF's to the same Amsterdam wall clock."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from support.helpers import os_zone

from desktop_app.domain import timefmt
from desktop_app.domain.clock import FixedClock

SUMMER = dt.datetime(2026, 7, 1, 12, 5, 9, tzinfo=dt.UTC)  # CEST, +02:00
WINTER = dt.datetime(2026, 12, 2, 13, 5, tzinfo=dt.UTC)  # CET, +01:00


@pytest.fixture
def new_york() -> Iterator[None]:
    """The process's own zone is New York for the test (the bug lived in astimezone())."""
    with os_zone("America/New_York"):
        assert dt.datetime(2026, 7, 1, 12, tzinfo=dt.UTC).astimezone().strftime("%H") == "08"
        yield


def test_the_zone_is_amsterdam_from_the_tzdata_package() -> None:
    assert timefmt.ZONE.key == "Europe/Amsterdam"  # type: ignore[attr-defined]
    assert SUMMER.astimezone(timefmt.ZONE).utcoffset() == dt.timedelta(hours=2)
    assert WINTER.astimezone(timefmt.ZONE).utcoffset() == dt.timedelta(hours=1)
    # From the package, not a fixed offset nor only the system's files.
    import tzdata  # noqa: F401  (the dependency is installed as the lock file says)


def test_the_two_styles(new_york: None) -> None:
    assert timefmt.prose_datetime(WINTER) == "2 december 2026, 14:05"
    assert timefmt.table_datetime(WINTER) == "02-12-2026 14:05"
    assert timefmt.prose_datetime(SUMMER) == "1 juli 2026, 14:05"
    assert timefmt.table_datetime(SUMMER) == "01-07-2026 14:05"
    assert timefmt.table_datetime_seconds(SUMMER) == "01-07-2026 14:05:09"
    assert timefmt.prose_date(dt.date(2026, 3, 9)) == "9 maart 2026"
    assert timefmt.table_date(dt.date(2026, 3, 9)) == "09-03-2026"
    assert timefmt.iso_local(WINTER) == "2026-12-02T14:05:00+01:00"


def test_stored_stamps_naive_is_utc_and_garbage_stays_visible(new_york: None) -> None:
    assert timefmt.stored_table_datetime("2026-12-02T13:05:00.000000+00:00") == "02-12-2026 14:05"
    assert timefmt.stored_table_datetime("2026-12-02T13:05:00") == "02-12-2026 14:05"
    assert timefmt.stored_prose_datetime("2026-12-02T13:05:00") == "2 december 2026, 14:05"
    assert timefmt.stored_table_datetime("gisteren") == "gisteren"
    assert timefmt.stored_table_datetime(None) == ""


def test_dst_edges_and_the_civil_date(new_york: None) -> None:
    # 31 March 2024 02:00 CET the clocks jump to 03:00; 27 October 2024 03:00 back to 02:00.
    before = dt.datetime(2024, 3, 31, 0, 59, tzinfo=dt.UTC)
    after = dt.datetime(2024, 3, 31, 1, 0, tzinfo=dt.UTC)
    assert timefmt.table_datetime(before) == "31-03-2024 01:59"
    assert timefmt.table_datetime(after) == "31-03-2024 03:00"
    # 23:30 UTC on 1 July is already 2 July in Amsterdam (but still 1 July in New York).
    late = dt.datetime(2026, 7, 1, 23, 30, tzinfo=dt.UTC)
    assert timefmt.local_date(late) == dt.date(2026, 7, 2)
    assert FixedClock(late).today() == dt.date(2026, 7, 2)


def test_screen_and_pdf_agree_in_another_os_zone(new_york: None) -> None:
    """The window's helpers and the PDF's (footer, signature stamp) name one wall-clock time."""
    from desktop_app.gui.dates import shown_stamp
    from desktop_app.gui.reports.labels import short_time
    from desktop_app.reporting.layout import local_datetime
    from desktop_app.reporting.signing import stamp_lines

    stored = WINTER.isoformat(timespec="microseconds")
    screen = short_time(stored)
    assert screen == shown_stamp(stored) == "02-12-2026 14:05"
    pdf_footer = local_datetime(WINTER)
    stamp = stamp_lines("mr. J. de Vries", "WS-01", WINTER)
    assert pdf_footer == "2 december 2026, 14:05"
    assert stamp[2] == "op 2 december 2026, 14:05"
    assert screen.endswith(pdf_footer.rsplit(" ", 1)[1])


def test_a_rendered_pdf_footer_says_amsterdam_time(new_york: None) -> None:
    from desktop_app.reporting import CopyInfo, render_report_pdf
    from desktop_app.reporting.models import PrintContext
    from tests.reporting.helpers import AUDIT_HEAD, page_texts, report

    pdf = render_report_pdf(report(findings=1), CopyInfo(1, 1), PrintContext(AUDIT_HEAD, WINTER))
    text = " ".join(page_texts(pdf))
    assert "afgedrukt 2 december 2026, 14:05" in text
    assert "09:05" not in text and "13:05" not in text


def test_prose_on_the_screen_follows_the_language_print_stays_dutch(new_york: None) -> None:
    """prose_date is for print and storage (always Dutch); shown_prose_date for a sentence a
    person reads, English in English mode. Same Amsterdam wall clock either way."""
    from desktop_app.domain import messages

    day = dt.date(2026, 12, 2)
    assert timefmt.shown_prose_date(day) == "2 december 2026"
    assert timefmt.shown_prose_datetime(WINTER) == "2 december 2026, 14:05"
    messages.set_language("en")
    try:
        assert timefmt.shown_prose_date(day) == "2 December 2026"
        assert timefmt.shown_prose_datetime(WINTER) == "2 December 2026, 14:05"
        assert timefmt.shown_prose_datetime(SUMMER) == "1 July 2026, 14:05"
        assert timefmt.prose_date(day) == "2 december 2026"
        assert timefmt.prose_datetime(WINTER) == "2 december 2026, 14:05"
    finally:
        messages.set_language("nl")


def test_a_dutch_prose_date_read_back_in_english() -> None:
    every_month = [dt.date(2027, month, 1 + month) for month in range(1, 13)]
    for day in every_month:
        assert timefmt.english_prose(timefmt.prose_date(day)) == timefmt.english_date(day)
    assert timefmt.english_prose("31 mei 2027, 09:30") == "31 May 2027, 09:30"
    # Only exactly a date: not one inside other text, not a table date, not English.
    for text in ("tot 2 december 2026", "02-12-2026", "2 December 2026", "2 decembre 2026", ""):
        assert timefmt.english_prose(text) is None
