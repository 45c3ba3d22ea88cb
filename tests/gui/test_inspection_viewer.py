"""The inspection viewer (issue 12): page number and zoom for PDFs, a warning a minute before
idle time ends the session, a confirmation before ending whose default is to go on, the
inspector's designation in the window, and the inspector's notes in the officer's history."""

from __future__ import annotations

import datetime as dt
import io
from typing import Any

import pytest
from PySide6.QtCore import Qt
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from desktop_app.domain.inspection import EndReason
from desktop_app.gui.inspection import InspectionWindow
from desktop_app.gui.inspection.page import record_details
from desktop_app.gui.inspection.window import EndInspectionDialog
from desktop_app.services import evidence, inspections, reports
from tests.gui.gui_support import flush_deletes
from tests.gui.inspection_support import (  # noqa: F401
    inspector_of_the_scene,
    window_of_the_scene,
)
from tests.services.test_inspection_service_support import as_user, make_report, setup_staff


def _pdf(pages: int) -> bytes:
    out = io.BytesIO()
    sheet = canvas.Canvas(out, pagesize=A4)
    for number in range(1, pages + 1):
        sheet.drawString(72, 760, f"Pagina {number} van het proces-verbaal")
        sheet.showPage()
    sheet.save()
    return out.getvalue()


@pytest.fixture
def scene(workspace: Any) -> tuple[Any, int, int]:
    setup_staff(workspace)
    rid = make_report(workspace, until="signed")
    with as_user(workspace, "officier") as s:
        pdf = int(evidence.add_evidence(s, rid, source=_pdf(3), title="Proces-verbaal").id)
    with as_user(workspace, "tekenaar") as s:
        reports.issue_report(s, rid, proof=s.sign_in_proof())
    return workspace, int(rid), pdf


def test_pdf_page_number_and_zoom(window: InspectionWindow, scene: Any, qtbot: Any) -> None:
    window.select_item(scene[2])
    pane = window.viewer.pdf
    assert window.viewer.currentWidget() is pane
    assert pane.page_count() == 3 and pane.page() == 1
    assert pane.count_label.text() == "van 3" and pane.page_spin.value() == 1
    assert not pane.previous_button.isEnabled() and pane.next_button.isEnabled()
    qtbot.mouseClick(pane.next_button, Qt.MouseButton.LeftButton)
    assert pane.page() == 2 and pane.page_spin.value() == 2
    pane.page_spin.setValue(3)  # typed into the field
    assert pane.page() == 3 and not pane.next_button.isEnabled()
    # Zoom: from the page width to steps, shown as a percentage; back to the page width.
    assert pane.fits_width() and pane.zoom_label.text() == "paginabreedte"
    pane.zoom_factor_before = pane.zoom_factor()
    qtbot.mouseClick(pane.zoom_in_button, Qt.MouseButton.LeftButton)
    assert not pane.fits_width()
    assert pane.zoom_label.text() == f"{round(pane.zoom_factor() * 100)} %"
    larger = pane.zoom_factor()
    qtbot.mouseClick(pane.zoom_out_button, Qt.MouseButton.LeftButton)
    assert pane.zoom_factor() < larger
    qtbot.mouseClick(pane.fit_button, Qt.MouseButton.LeftButton)
    assert pane.fits_width() and not pane.fit_button.isEnabled()
    # Nothing on the bar is a way out: no copy, print or save button.
    texts = {b.text() for b in pane.findChildren(type(pane.next_button))}
    assert not any(word in t.lower() for t in texts for word in ("kopi", "druk", "opsla"))


def test_warning_a_minute_before_the_idle_end(window: InspectionWindow, scene: Any) -> None:
    clock = scene[0].env.clock
    minutes = window.started.idle_minutes
    window.tick()
    assert not window.idle_warning_shown
    clock.advance(dt.timedelta(minutes=minutes) - dt.timedelta(seconds=61))
    window.tick()
    assert not window.idle_warning_shown
    clock.advance(dt.timedelta(seconds=2))
    window.tick()
    assert window.idle_warning_shown and "59 seconden" in window.idle_warning.text()
    window.register_activity()  # a key or the mouse: the warning goes, the time starts again
    assert not window.idle_warning_shown and not window.is_ended
    clock.advance(dt.timedelta(minutes=minutes))
    window.tick()
    assert window.is_ended and window.record is not None
    assert window.record.end_reason is EndReason.IDLE


def test_ending_is_asked_and_not_the_default(
    window: InspectionWindow, qtbot: Any, inspector: Any
) -> None:
    qtbot.mouseClick(window.end_button, Qt.MouseButton.LeftButton)
    dialog = window.findChild(EndInspectionDialog)
    assert dialog is not None and dialog.isVisible()
    assert dialog.cancel_button.isDefault() and not dialog.ok_button.isDefault()
    qtbot.keyClick(dialog, Qt.Key.Key_Return)  # Enter: the default, which is to go on
    flush_deletes()
    assert not window.is_ended
    record = inspections.get_record(inspector, window.started.id)
    assert not record.closed
    again = window.open_end_dialog()
    assert again is not None
    qtbot.mouseClick(again.ok_button, Qt.MouseButton.LeftButton)
    assert window.is_ended


def test_the_designation_is_shown(window: InspectionWindow) -> None:
    text = window.designation_label.text()
    assert "HD-IND 2026/inspecteur" in text and "zonder einddatum" in text


@pytest.fixture
def staff(scene: Any) -> Any:
    """The scene's people are the window's (``window_of`` signs them in)."""
    return scene[0]


def test_notes_are_in_the_officers_history(
    window: InspectionWindow, scene: Any, window_of: Any
) -> None:
    window.notes.setPlainText("Alles gezien.\nGeen vragen.")
    window.end_inspection()
    with as_user(scene[0], "officier") as off:
        (record,) = inspections.list_inspections(off, scene[1])
    assert "Geen vragen." in record_details(record)
    # In the window: the report's Onderliggende gegevens, the inspection chosen in its history.
    page = window_of("officier").show_section("reports")
    page.open_report(scene[1])
    tab = page.detail.evidence
    page.detail.tabs.setCurrentWidget(tab)
    tab.refresh()
    tab.history_table.selectRow(0)
    shown = tab.history_details.text()
    assert "Aantekeningen van de inzage:" in shown and "Alles gezien." in shown
