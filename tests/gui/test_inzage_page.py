"""The Inzage section (IND inspector): issued reports with the service's allowed/refused reason,
"Inzage starten" opening the inspection window, "Mijn inzagen" after the window ends, the
record as a PDF, the lock ending a running inspection, and Werkplek → PDF controleren…."""

from __future__ import annotations

import dataclasses
import datetime as dt
import stat
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox

from desktop_app.domain.classification import Classification
from desktop_app.gui.inspection import InspectionWindow
from desktop_app.gui.inspection.page import InspectableReportTableModel, InspectionPage
from desktop_app.gui.main_window import MainWindow
from desktop_app.gui.printing import VerifyPdfDialog
from desktop_app.services import evidence, inspections, reports
from tests.gui.gui_support import all_texts, flush_deletes, section
from tests.services.test_inspection_service_support import (
    as_user,
    make_report,
    setup_staff,
)

NOTE = b"Notitie van de behandelaar: bron A meldde op 3 oktober een bezoek."
SECRET_TITLE = "Geheim ambtsbericht Zeta"


def _issued_with_items(
    workspace: Any,
    *,
    title: str,
    liaison: str,
    classification: Classification = Classification.STG_CONFIDENTIEEL,
) -> int:
    rid = make_report(
        workspace, title=title, liaison=liaison, until="signed", classification=classification
    )
    with as_user(workspace, "officier") as s:
        evidence.add_evidence(
            s,
            rid,
            source=NOTE,
            title="Notitie bron A",
            classification=Classification.DEP_VERTROUWELIJK,
            source_note="Eigen onderzoek",
        )
        evidence.add_evidence(
            s,
            rid,
            source=b"Tweede notitie.",
            title="Notitie bron B",
            classification=Classification.DEP_VERTROUWELIJK,
        )
    with as_user(workspace, "tekenaar") as s:
        reports.issue_report(s, rid, proof=s.sign_in_proof())
    return int(rid)


@pytest.fixture
def scene(workspace: Any) -> tuple[Any, dict[str, int]]:
    """Report A was annotated by "liaison" (a liaison who is also a designated inspector),
    report B by another liaison; report C is above the inspector's clearance."""
    setup_staff(workspace)
    ids = {
        "A": _issued_with_items(workspace, title="Ambtsbericht Alfa", liaison="liaison"),
        "B": _issued_with_items(workspace, title="Ambtsbericht Bravo", liaison="tweede"),
        "C": _issued_with_items(
            workspace,
            title=SECRET_TITLE,
            liaison="tweede",
            classification=Classification.STG_GEHEIM,
        ),
    }
    return workspace, ids


@pytest.fixture
def open_page(
    controller: Any, sign_in: Any, scene: Any
) -> Iterator[Callable[[str], tuple[MainWindow, InspectionPage]]]:
    def open_as(name: str) -> tuple[MainWindow, InspectionPage]:
        window = sign_in(controller, name)
        assert window is not None, f"{name} could not sign in"
        page = section(window, "inspection", InspectionPage)
        return window, page

    yield open_as
    flush_deletes()


def _row(page: InspectionPage, reference: str) -> tuple[int, Any]:
    for row, record in enumerate(page.reports_model.rows):
        if record.reference == reference:
            return row, record
    raise AssertionError(f"{reference} not listed")


def _reference(workspace: Any, rid: int) -> str:
    with as_user(workspace, "officier") as s:
        return reports.get_report(s, rid).report.reference


def _cell(page: InspectionPage, row: int, column: int) -> str:
    model = page.reports_model
    return str(model.data(model.index(row, column)))


def _boxes() -> list[QMessageBox]:
    return [w for w in QApplication.allWidgets() if isinstance(w, QMessageBox) and w.isVisible()]


def test_liaison_inspector_sees_refused_with_reason_and_allowed(open_page: Any, scene: Any) -> None:
    workspace, ids = scene
    _window, page = open_page("liaison")
    ref_a, ref_b = _reference(workspace, ids["A"]), _reference(workspace, ids["B"])
    assert {r.reference for r in page.reports_model.rows} == {
        ref_a,
        ref_b,
        _reference(workspace, ids["C"]),
    }

    row_a, a = _row(page, ref_a)
    assert not a.allowed
    assert "betrokken" in a.reason
    assert _cell(page, row_a, InspectableReportTableModel.COL_ALLOWED) == "✖ niet mogelijk"
    assert _cell(page, row_a, InspectableReportTableModel.COL_REASON) == a.reason
    page.select_report(ids["A"])
    assert not page.start_button.isEnabled()
    assert page.reason_label.isVisibleTo(page)
    assert a.reason in page.reason_label.text()
    assert ref_a in page.reason_label.text()

    row_b, b = _row(page, ref_b)
    assert b.allowed and b.reason == ""
    assert _cell(page, row_b, InspectableReportTableModel.COL_ALLOWED) == "✔ mogelijk"
    assert _cell(page, row_b, InspectableReportTableModel.COL_TITLE) == "Ambtsbericht Bravo"
    page.select_report(ids["B"])
    assert page.start_button.isEnabled()
    assert "2 items" in page.reason_label.text()
    # One item is "1 item" (QA: the page said "1 items").
    one = dataclasses.replace(b, items=1)
    page.reports_model.set_rows([one])
    page.select_report(ids["B"])
    assert "(1 item binnen uw rubricering)" in page.reason_label.text()


def test_a_title_above_the_clearance_is_not_shown(open_page: Any, scene: Any) -> None:
    workspace, ids = scene
    _window, page = open_page("inspecteur")  # cleared up to Stg. Confidentieel
    row_c, c = _row(page, _reference(workspace, ids["C"]))
    assert c.title == ""
    assert (
        _cell(page, row_c, InspectableReportTableModel.COL_TITLE) == "(titel boven uw rubricering)"
    )
    assert SECRET_TITLE not in all_texts()


def test_start_opens_the_window_and_the_record_appears_under_my_inspections(
    open_page: Any, scene: Any, clock: Any, qtbot: Any, tmp_path: Path
) -> None:
    _workspace, ids = scene
    main, page = open_page("inspecteur")
    assert page.records_model.rowCount() == 0
    page.select_report(ids["B"])
    window = page.start_inspection()
    assert isinstance(window, InspectionWindow)
    assert window.isVisible() and window.started.report_id == ids["B"]
    assert window.parent() is main
    # Asking again brings the running inspection back instead of a second session.
    assert page.start_inspection() is window

    window.select_item(window.started.items[0].id)
    clock.advance(dt.timedelta(seconds=95))
    with qtbot.waitSignal(window.ended, timeout=2000):
        window.end_inspection()
    flush_deletes()

    assert page.inspection_window is None
    assert page.records_model.rowCount() == 1
    record = page.selected_record()
    assert record is not None and record.report_id == ids["B"]
    assert record.end_reason is not None
    assert [v.title for v in record.viewed] == ["Notitie bron A"]
    assert record.viewed[0].seconds == 95
    assert "1 min 35 s" in page.record_details.text()
    assert "Notitie bron A" in page.record_details.text()
    assert "beëindigd" in page.status_line.text()
    assert page.save_pdf_button.isEnabled()

    target = tmp_path / "verslag.pdf"
    page.save_record_pdf(int(record.id), target)
    assert target.read_bytes().startswith(b"%PDF")
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert str(target) in page.status_line.text()
    # Through the button: a window-modal dialog (no nested event loop), its default name,
    # and a name typed without ".pdf" gets it.
    dialog = page.records_panel.ask_and_save()
    assert dialog is not None and dialog.isVisible() and dialog.isModal()
    assert dialog.selectedFiles()[0].endswith(
        f"verslag-van-inzage-{record.report_reference}-{record.id}.pdf"
    )
    dialog.fileSelected.emit(str(tmp_path / "kopie"))
    assert (tmp_path / "kopie.pdf").read_bytes().startswith(b"%PDF")
    dialog.reject()


def test_a_refusal_on_start_shows_the_services_sentence(open_page: Any, scene: Any) -> None:
    _workspace, ids = scene
    _window, page = open_page("liaison")
    # The button is disabled for A; a stale click (or the keyboard) still asks the service.
    assert page.start_inspection(ids["A"]) is None
    assert page.inspection_window is None
    texts = [b.text() for b in _boxes()]
    assert any("betrokken" in t for t in texts), texts
    for box in _boxes():
        box.close()


def test_the_lock_ends_a_running_inspection(
    open_page: Any, scene: Any, controller: Any, workspace: Any
) -> None:
    _ws, ids = scene
    _window, page = open_page("inspecteur")
    window = page.start_inspection(ids["B"])
    assert window is not None
    session_id = int(window.started.id)
    controller.lock()
    flush_deletes()
    with as_user(workspace, "inspecteur") as s:
        record = inspections.get_record(s, session_id)
    assert record.ended_at is not None
    assert record.closed


def test_verify_pdf_menu_entry_opens_the_dialog(open_page: Any) -> None:
    main, _page = open_page("inspecteur")
    action = main.verify_pdf_action
    werkplek = main.menuBar().actions()[0].menu()
    assert action in werkplek.actions()
    assert action.text().replace("&", "") == "PDF controleren…"
    action.trigger()
    dialogs = [
        w
        for w in QApplication.topLevelWidgets()
        if isinstance(w, VerifyPdfDialog) and w.isVisible()
    ]
    assert len(dialogs) == 1
    assert dialogs[0].session is main.session
    dialogs[0].close()
