"""Issue 14 in the window: the Overleg section (record a consultation in one dialog, its frozen
figures, an action point done), the statistics "stand per" and the delay notice naming the
liaison and marked when recorded afterwards."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QMessageBox

from desktop_app.domain.requests import Purpose, RequestDraft
from desktop_app.gui.consultations import ConsultationsPage
from desktop_app.gui.requests import api
from desktop_app.gui.requests.page import RequestsPage
from desktop_app.gui.statistics.page import StatisticsPage
from desktop_app.services import consultations as consultation_service
from desktop_app.storage import calendar_days
from desktop_app.storage import requests as requests_repo
from tests.gui.gui_support import PASSWORDS, flush_deletes, section


def seed(workspace: Any, name: str, received: dt.date, created_at: str) -> int:
    with (
        workspace.session("officier", PASSWORDS["officier"]) as session,
        session.db.transaction() as conn,
    ):
        inserted = requests_repo.insert_many(
            conn,
            [RequestDraft(name, "1000000001", Purpose.ASYLUM, received)],
            calendar=calendar_days.load_calendar(conn),
            created_by="officier",
            created_at=created_at,
        )
    return inserted.first_id


def consultations_page(window: Any) -> ConsultationsPage:
    return section(window, "consultations", ConsultationsPage)


def test_only_the_governance_roles_see_overleg(staff: Any, window_of: Any) -> None:
    assert "consultations" in window_of("tekenaar").pages
    assert "consultations" in window_of("liaison").pages
    assert "consultations" not in window_of("officier").pages
    assert "consultations" not in window_of("beheer").pages


def test_record_a_consultation_with_frozen_figures_and_mark_an_action_done(
    staff: Any, window_of: Any, qtbot: Any, clock: Any
) -> None:
    seed(staff, "Jan de Vries", dt.date(2026, 10, 1), "2026-11-02T08:00:00.000000+00:00")
    page = consultations_page(window_of("liaison"))
    assert page.list_table.rowCount() == 0 and not page.pdf_button.isEnabled()
    dialog = page.open_add_dialog()
    dialog.set_period(dt.date(2026, 10, 1), dt.date(2026, 10, 31))
    dialog.aivd_edit.setPlainText("J. de Vries | directeur-generaal")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    # Refused by the domain: the sentence stays in the dialog, nothing is stored.
    assert dialog.isVisible() and "IND" in dialog.error_label.text()
    dialog.ind_edit.setPlainText("A. Bakker")
    dialog.actions_edit.setPlainText("Werkinstructie bijwerken | M. Jansen")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and "regel 1" in dialog.error_label.text()
    dialog.actions_edit.setPlainText(
        "Werkinstructie bijwerken | M. Jansen | 2026-12-01\nCijfers Q4 | A. Bakker | 2027-01-15"
    )
    dialog.decisions_edit.setPlainText("Uitstelberichten met de liaison erbij.")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert page.list_table.rowCount() == 1
    current = page.current
    assert current is not None and current.figures["requests_received"] == 1
    assert "J. de Vries (directeur-generaal)" in page.meta_label.text()
    assert "A. Bakker" in page.meta_label.text()
    assert "liaison erbij" in page.decisions_label.text()
    shown = {
        page.figures_table.item(r, 0).text(): page.figures_table.item(r, 1).text()
        for r in range(page.figures_table.rowCount())
    }
    assert shown["Verzoeken ontvangen"] == "1"
    assert page.actions_table.rowCount() == 2
    assert not page.done_button.isEnabled()  # nothing chosen yet
    page.actions_table.selectRow(0)
    assert page.done_button.isEnabled()
    # Done is for good (no undo in the service): asked first, Annuleren the default.
    qtbot.mouseClick(page.done_button, Qt.MouseButton.LeftButton)
    box = page.findChild(QMessageBox, "confirmActionDone")
    assert isinstance(box, QMessageBox) and box.isVisible()
    assert "Werkinstructie bijwerken" in box.text() and "2 november 2026" in box.text()
    assert "niet ongedaan" in box.text()
    assert box.defaultButton() is box.button(QMessageBox.StandardButton.No)
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.No), Qt.MouseButton.LeftButton)
    assert page.actions_table.item(0, 4).text() == "open"
    flush_deletes()
    page.actions_table.selectRow(0)
    box = page.confirm_done()
    assert box is not None
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.Yes), Qt.MouseButton.LeftButton)
    assert page.actions_table.item(0, 4).text() == "02-11-2026"  # the day it was done
    assert page.actions_table.item(1, 4).text() == "open"
    page.actions_table.selectRow(0)
    assert not page.done_button.isEnabled() and "al afgerond" in page.done_button.toolTip()
    # Recorded later: the stored figures stay what they were.
    clock.advance(dt.timedelta(hours=2))
    seed(staff, "Ayşe Çelik", dt.date(2026, 10, 2), "2026-11-02T10:30:00.000000+00:00")
    page.refresh()
    page.open_consultation(current.id)
    assert page.current is not None and page.current.figures["requests_received"] == 1
    with staff.session("tekenaar", PASSWORDS["tekenaar"]) as session:
        (one,), _total = consultation_service.list_consultations(session)
        assert one.open_actions() == 1


def test_the_lock_wipes_the_page(staff: Any, window_of: Any, clock: Any) -> None:
    with staff.session("tekenaar", PASSWORDS["tekenaar"]) as session:
        consultation_service.record_consultation(
            session,
            held_on=clock.today(),
            period_from=dt.date(2026, 10, 1),
            period_to=dt.date(2026, 10, 31),
            participants=[("aivd", "J. de Vries", None), ("ind", "A. Bakker", None)],
            decisions="Geheim besluit Zwaluwstaart.",
        )
    page = consultations_page(window_of("tekenaar"))
    page.list_table.selectRow(0)
    assert "Zwaluwstaart" in page.decisions_label.text()
    page.wipe()
    assert page.decisions_label.text() == "" and page.list_table.rowCount() == 0
    assert page.current is None and page.figures_table.rowCount() == 0


def test_statistics_page_shows_the_moment_and_computes_as_of_a_day(
    staff: Any, window_of: Any
) -> None:
    seed(staff, "Jan de Vries", dt.date(2026, 10, 1), "2026-10-20T08:00:00.000000+00:00")
    seed(staff, "Ayşe Çelik", dt.date(2026, 10, 2), "2026-11-02T08:00:00.000000+00:00")
    page = section(window_of("tekenaar"), "statistics", StatisticsPage)
    page.set_period(dt.date(2026, 10, 1), dt.date(2026, 10, 31))
    assert page.figures is not None and page.figures["requests_received"] == 2
    assert "Stand per 02-11-2026 10:00" in page.status_label.text()  # Amsterdam time
    page.set_as_of(dt.date(2026, 10, 25))
    assert page.figures["requests_received"] == 1
    assert "Stand per 25-10-2026 23:59" in page.status_label.text()
    assert page.value_labels["late_with_notice_recorded_afterwards"].text() == "0"
    # The period fields and quick buttons are not squeezed below their size (1024x700).
    page.resize(800, 600)
    for edit in (page.from_edit, page.to_edit, page.as_of_edit):
        assert edit.minimumWidth() >= edit.sizeHint().width()
    for button in page.quick_buttons:
        assert button.minimumWidth() >= button.sizeHint().width()


def test_delay_notice_dialog_names_the_liaison_and_marks_afterwards(
    staff: Any, window_of: Any, qtbot: Any
) -> None:
    rid = seed(staff, "Jan de Vries", dt.date(2026, 10, 1), "2026-10-01T08:00:00.000000+00:00")
    page = section(window_of("officier"), "requests", RequestsPage)
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=3000)
    page.view.selectRow(0)
    dialog = page.detail.open_delay_notice_dialog()
    assert dialog is not None
    combo = dialog.liaison_combo
    assert combo.isEnabled() and combo.count() == 1
    assert combo.itemText(0) == "Lotte Liaison (liaison)" and combo.currentData() == "liaison"
    # Deadline 15 October; dated the 14th but entered on 2 November: recorded afterwards.
    dialog.date_edit.setDate(QDate(2026, 10, 14))
    assert "achteraf vastgelegd" in dialog.late_label.text()
    dialog.reason_edit.setPlainText("Navraag bij een buitenlandse dienst.")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    with staff.session("officier", PASSWORDS["officier"]) as session:
        notice = api.get_request(session, rid).delay_notice
    assert notice is not None and notice.liaison == "liaison"
    assert notice.liaison_name == "Lotte Liaison"
    text = page.detail.values["delay_notice"].text()
    assert "aan Lotte Liaison" in text and "achteraf vastgelegd op 2 november 2026" in text
    assert text.startswith("14 oktober 2026 door Olga Officier aan Lotte Liaison: ")


def test_action_headings_are_not_cut_off_at_1024x700(
    staff: Any, window_of: Any, styled: Any
) -> None:
    """QA: with no consultation chosen the empty table showed "Streefdatur"."""
    window = window_of("liaison")
    window.resize(1024, 700)
    window.show()
    page = consultations_page(window)
    header = page.actions_table.horizontalHeader()
    for column in (0, 2, 3, 4):  # the description stretches
        assert header.sectionSize(column) >= header.sectionSizeHint(column), column
