"""English mode in the window: a date inside a sentence reads "2 November 2026" (the window's
own sentences through timefmt.shown_prose_date, the core's through messages.translate), while
the Dutch window keeps "2 november 2026"."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication

from desktop_app.domain import messages
from desktop_app.domain.classification import ClassificationDuration
from desktop_app.gui.admin.retention import RetentionPage
from desktop_app.gui.i18n import install_translators, remove_translators
from desktop_app.gui.inspection.watermark import watermark_text
from desktop_app.gui.requests.labels import long_day_text, prose_day_text
from desktop_app.gui.tasks import TaskRunner
from desktop_app.services import reports
from tests.gui import test_reports_workflow
from tests.gui.gui_support import PASSWORDS

as_user = test_reports_workflow.as_user


@pytest.fixture
def english(qapp: QApplication) -> Iterator[None]:
    translators = install_translators(qapp, "en")
    try:
        assert messages.language() == "en"
        yield
    finally:
        remove_translators(qapp, translators)
    assert messages.language() == "nl"


def test_the_requests_sentences_name_the_date_in_english(english: None) -> None:
    day = dt.date(2027, 5, 13)
    assert long_day_text(day) == "Thursday 13 May 2027"
    assert prose_day_text(day) == "13 May 2027"


def test_the_archive_reference_date_in_english(workspace: Any, english: None) -> None:
    # The tests' clock: 2 November 2026; an empty workspace has nothing due.
    with workspace.session() as session:
        page = RetentionPage(session, TaskRunner(synchronous=True))
        assert page.due_label.text() == (
            "No archive record has reached the end of its retention period "
            "(reference date 2 November 2026)."
        )
        page.deleteLater()


def test_the_archive_reference_date_in_dutch(workspace: Any, qapp: QApplication) -> None:
    with workspace.session() as session:
        page = RetentionPage(session, TaskRunner(synchronous=True))
        assert "(peildatum 2 november 2026)" in page.due_label.text()
        page.deleteLater()


def test_the_report_header_gives_the_duration_in_english(
    staff: Any, english: None, as_user: Any
) -> None:
    with staff.session("officier", PASSWORDS["officier"]) as s:
        rid = int(
            reports.draft_report(
                s,
                text=test_reports_workflow.TEXT,
                duration=ClassificationDuration(until=dt.date(2040, 12, 31)),
            ).report.id
        )
        # What the JSON gives stays Dutch in English mode.
        shown = reports.get_report(s, rid).as_dict()
        assert shown["classification_duration_text"] == "tot en met 31 december 2040"
    page = as_user("officier")
    page.detail.load(rid)
    text = page.detail.info_label.text()
    assert "Classification period: up to and including 31 December 2040" in text, text
    assert "december" not in text


def test_the_inspection_watermark_in_english(english: None) -> None:
    # The screen follows the chosen language (a photo of it names the moment in English too).
    when = dt.datetime(2026, 11, 2, 9, 0, tzinfo=dt.UTC)  # 10:00 in Amsterdam
    assert watermark_text("Ivo Inspecteur", when) == "Ivo Inspecteur · 2 November 2026, 10:00"


def test_the_inspection_watermark_in_dutch(qapp: QApplication) -> None:
    when = dt.datetime(2026, 11, 2, 9, 0, tzinfo=dt.UTC)
    assert watermark_text("Ivo Inspecteur", when) == "Ivo Inspecteur · 2 november 2026, 10:00"
