"""The inspection window (art. 2.5): no copy/print/save anywhere, the watermark names the
inspector, idle time ends the session, focus loss hides the content, broken items give a
message instead of a crash."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QAction, QContextMenuEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication, QWidget

from desktop_app.domain.classification import Classification
from desktop_app.domain.inspection import EndReason
from desktop_app.gui.inspection import InspectionWindow, open_inspection_window
from desktop_app.gui.inspection.guard import BLOCKED_SEQUENCES
from desktop_app.gui.inspection.window import EndInspectionDialog
from desktop_app.services import evidence, inspections, reports
from tests.gui.gui_support import flush_deletes
from tests.gui.inspection_support import (  # noqa: F401
    inspector_of_the_scene,
    window_of_the_scene,
)
from tests.services.test_inspection_service_support import (
    PNG_1X1,
    as_user,
    make_report,
    minimal_pdf,
    setup_staff,
)

NOTE = "Notitie van de behandelaar: bron A meldde op 3 oktober een bezoek."
ITEMS = {
    "note": (NOTE.encode(), "Notitie bron A"),
    "pdf": (minimal_pdf("Proces-verbaal"), "Proces-verbaal"),
    "broken": (b"%PDF-1.7\n1 0 obj << /Type /Catalog\ngarbage", "Kapot PDF"),
    "photo": (PNG_1X1, "Foto"),
    "blob": (b"\x00\x01\x02\x03binary\xff", "Export"),
}


@pytest.fixture
def scene(workspace: Any) -> tuple[Any, int, dict[str, int]]:
    setup_staff(workspace)
    rid = make_report(workspace, until="signed")
    ids: dict[str, int] = {}
    with as_user(workspace, "officier") as s:
        for key, (data, title) in ITEMS.items():
            ids[key] = int(
                evidence.add_evidence(
                    s, rid, source=data, title=title, source_note="Eigen onderzoek"
                ).id
            )
    with as_user(workspace, "tekenaar") as s:
        reports.issue_report(s, rid, proof=s.sign_in_proof())
    return workspace, int(rid), ids


def _all_widgets(win: QWidget) -> list[QWidget]:
    return [win, *win.findChildren(QWidget)]


# --- nothing leaves ---------------------------------------------------------------------------


def test_opened_full_screen_and_frameless(
    qtbot: Any, scene: Any, inspector: Any, runner: Any
) -> None:
    _ws, rid, _ids = scene
    opened: list[InspectionWindow] = []
    open_inspection_window(None, inspector, rid, runner=runner, on_opened=opened.append)
    (win,) = opened
    try:
        assert win.isFullScreen()
        assert win.windowFlags() & Qt.WindowType.FramelessWindowHint
        assert [i.title for i in win.started.items] == [t for _d, t in ITEMS.values()]
    finally:
        win.end_inspection()
        flush_deletes()


def test_no_copy_print_or_save_action_or_menu_exists(window: InspectionWindow) -> None:
    window.select_item(window.started.items[0].id)
    blocked = {QKeySequence(k).toString() for k in BLOCKED_SEQUENCES} | {
        "Ctrl+C",
        "Ctrl+Ins",
        "Ctrl+P",
        "Ctrl+S",
        "Print",
    }
    for action in window.findChildren(QAction):
        keys = {s.toString() for s in action.shortcuts()}
        assert not keys & blocked, action.text()
        assert not any(
            word in action.text().lower()
            for word in ("kopi", "copy", "afdruk", "print", "opslaan", "save")
        )
    for shortcut in window.findChildren(QShortcut):
        assert shortcut.key().toString() not in blocked
    for widget in _all_widgets(window):
        assert widget.contextMenuPolicy() == Qt.ContextMenuPolicy.NoContextMenu, widget
        assert not widget.acceptDrops(), widget
    assert window.viewer.text.textInteractionFlags() == Qt.TextInteractionFlag.NoTextInteraction


def test_ctrl_c_never_reaches_the_clipboard(
    qtbot: Any, window: InspectionWindow, scene: Any
) -> None:
    _ws, _rid, ids = scene
    clipboard = QApplication.clipboard()
    clipboard.setText("schoon")
    window.select_item(ids["note"])
    assert window.viewer.text.toPlainText() == NOTE
    viewer = window.viewer.text
    viewer.setFocus()
    for key, mods in (
        (Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier),
        (Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier),
        (Qt.Key.Key_Insert, Qt.KeyboardModifier.ControlModifier),
    ):
        qtbot.keyClick(viewer, key, mods)
    assert clipboard.text() == "schoon"
    # The notes field can select text: the guard must stop Ctrl+C and Ctrl+X there as well.
    notes = window.notes
    notes.setFocus()
    qtbot.keyClicks(notes, "mijn aantekening")
    cursor = notes.textCursor()
    cursor.select(cursor.SelectionType.Document)
    notes.setTextCursor(cursor)
    assert notes.textCursor().selectedText() == "mijn aantekening"
    before = window.guard.blocked
    qtbot.keyClick(notes, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(notes, Qt.Key.Key_X, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(notes, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(notes, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert clipboard.text() == "schoon"
    assert notes.toPlainText() == "mijn aantekening"  # cut did nothing either
    assert window.guard.blocked > before


def test_context_menu_and_drag_events_are_swallowed(window: InspectionWindow) -> None:
    window.select_item(window.started.items[0].id)
    before = window.guard.blocked
    event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, QPoint(5, 5), QPoint(5, 5))
    QApplication.sendEvent(window.viewer.text.viewport(), event)
    assert window.guard.blocked == before + 1
    assert QApplication.activePopupWidget() is None


# --- watermark --------------------------------------------------------------------------------


def test_watermark_names_the_inspector_and_the_time(window: InspectionWindow, clock: Any) -> None:
    # 09:00 UTC on 2 November is 10:00 in Amsterdam.
    assert window.watermark.text == "Ivo Inspecteur · 2 november 2026, 10:00"
    assert window.watermark.isVisible()
    assert window.watermark.geometry() == window.rect()
    clock.advance(dt.timedelta(minutes=1))
    window.tick()
    assert window.watermark.text.endswith("10:01")
    # It is painted over the content: the picture differs with and without it.
    with_mark = window.grab().toImage()
    text = window.watermark.text
    window.watermark.set_text("")
    without = window.grab().toImage()
    window.watermark.set_text(text)
    assert with_mark != without


# --- idle, focus, the end ---------------------------------------------------------------------


def test_idle_time_ends_the_session(
    window: InspectionWindow, scene: Any, clock: Any, qtbot: Any, inspector: Any
) -> None:
    _ws, _rid, ids = scene
    window.select_item(ids["note"])
    clock.advance(dt.timedelta(minutes=9))
    qtbot.keyClick(window.notes, Qt.Key.Key_A)  # activity restarts the idle time
    clock.advance(dt.timedelta(minutes=9))
    window.tick()
    assert not window.is_ended
    with qtbot.waitSignal(window.ended, timeout=1000) as signal:
        clock.advance(dt.timedelta(minutes=1, seconds=1))
        window.tick()
    assert window.is_ended and not window.isVisible()
    assert window.viewer.text.toPlainText() == ""
    record = signal.args[0]
    assert record is not None and record.end_reason is EndReason.IDLE
    assert record.notes == "a"
    stored = inspections.get_record(inspector, window.started.id)
    assert stored.closed and stored.viewed[0].item_id == ids["note"]


def test_focus_loss_hides_the_content(window: InspectionWindow, scene: Any) -> None:
    _ws, _rid, ids = scene
    window.select_item(ids["note"])
    QApplication.sendEvent(window, QEvent(QEvent.Type.WindowDeactivate))
    assert window.content_hidden
    assert not window.content.isVisible() and not window.viewer.text.isVisible()
    assert window.cover.isVisible() and "Inhoud verborgen" in window.cover.text()
    QApplication.sendEvent(window, QEvent(QEvent.Type.WindowActivate))
    assert not window.content_hidden and window.viewer.text.isVisible()
    window._on_app_state_changed(Qt.ApplicationState.ApplicationInactive)
    assert window.content_hidden


def test_end_button_records_the_notes(
    window: InspectionWindow, qtbot: Any, inspector: Any, scene: Any
) -> None:
    _ws, _rid, ids = scene
    window.select_item(ids["pdf"])
    window.notes.setPlainText("Proces-verbaal gezien.")
    qtbot.mouseClick(window.end_button, Qt.MouseButton.LeftButton)
    dialog = window.findChild(EndInspectionDialog)
    assert dialog is not None and dialog.isVisible()  # asked first (issue 12)
    with qtbot.waitSignal(window.ended, timeout=1000):
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    record = inspections.get_record(inspector, window.started.id)
    assert record.closed and record.end_reason is EndReason.ENDED
    assert record.notes == "Proces-verbaal gezien."
    assert [v.item_id for v in record.viewed] == [ids["pdf"]]


def test_a_locked_workstation_closes_the_window(
    window: InspectionWindow, scene: Any, inspector: Any
) -> None:
    window.select_item(scene[2]["note"])
    inspector.close()
    window.tick()
    assert window.is_ended and window.viewer.text.toPlainText() == ""


# --- the viewers ------------------------------------------------------------------------------


def test_each_kind_is_shown_or_explained(window: InspectionWindow, scene: Any) -> None:
    _ws, _rid, ids = scene
    viewer = window.viewer
    window.select_item(ids["pdf"])
    assert viewer.currentWidget() is viewer.pdf
    assert viewer.pdf_document.pageCount() == 1
    window.select_item(ids["broken"])
    assert viewer.currentWidget() is viewer.message
    assert "beschadigd" in viewer.message.text()
    window.select_item(ids["photo"])
    assert viewer.currentWidget() is viewer.image
    assert viewer.image.image.width() == 1
    window.select_item(ids["blob"])
    assert viewer.message.text() == "Dit bestand kan niet worden weergegeven."
    assert "STG. CONFIDENTIEEL" in window.marking_top.text()
    assert not window.is_ended


def test_a_refusal_while_viewing_stops_further_items(
    window: InspectionWindow, scene: Any, workspace: Any
) -> None:
    _ws, _rid, ids = scene
    from tests.services.test_inspection_service_support import set_location

    window.select_item(ids["note"])
    set_location(workspace, "ind")
    window.select_item(ids["pdf"])
    assert "ten kantore van de AIVD" in window.viewer.message.text()
    assert not window.item_list.isEnabled()


def test_higher_items_are_not_listed(qtbot: Any, workspace: Any, runner: Any) -> None:
    setup_staff(workspace)
    rid = make_report(workspace, until="signed")
    with as_user(workspace, "officier") as s:
        evidence.add_evidence(
            s, rid, source=b"geheim", title="Geheim", classification=Classification.STG_GEHEIM
        )
        evidence.add_evidence(s, rid, source=b"gewoon", title="Gewoon")
    with as_user(workspace, "tekenaar") as s:
        reports.issue_report(s, rid, proof=s.sign_in_proof())
    with as_user(workspace, "inspecteur") as s:
        win = InspectionWindow(s, inspections.start_inspection(s, rid), runner=runner)
        qtbot.addWidget(win)
        labels = [win.item_list.item(r).text() for r in range(win.item_list.count())]
        assert len(labels) == 1 and labels[0].startswith("Gewoon")
        win.end_inspection()


def test_background_opening_and_moving_on_meanwhile(
    qtbot: Any, scene: Any, inspector: Any, clock: Any
) -> None:
    from desktop_app.gui.tasks import TaskRunner

    _ws, rid, ids = scene
    runner = TaskRunner()  # a real worker thread
    win = InspectionWindow(inspector, inspections.start_inspection(inspector, rid), runner=runner)
    qtbot.addWidget(win)
    win.show()
    try:
        win.select_item(ids["note"])
        qtbot.waitUntil(lambda: win.viewer.text.toPlainText() == NOTE, timeout=3000)
        win.select_item(ids["photo"])
        win.select_item(ids["blob"])  # before the photo arrived
        runner.wait(3000)
        qtbot.wait(100)  # deliver the late result to the GUI thread
        assert win.current_item is None
        assert win.viewer.message.text() == "Dit bestand kan niet worden weergegeven."
        clock.advance(dt.timedelta(minutes=5))
        with qtbot.waitSignal(win.ended, timeout=3000) as ended:
            win.end_inspection()  # recorded on the worker
        record = ended.args[0]
    finally:
        runner.wait(3000)
    assert record is not None
    # The photo's clock was stopped when it arrived late: the 5 minutes count for nothing.
    assert {v.item_id: v.seconds for v in record.viewed} == {ids["note"]: 0, ids["photo"]: 0}
