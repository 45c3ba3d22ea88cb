"""QA walk of the inspector's round (art. 2.5) at 1024x700 and 1400x900: the inspection window
fits the screen (its end button and the notes are on it), the header wraps instead of widening
the window."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import QWidget

from desktop_app.gui.inspection import InspectionWindow
from desktop_app.services import evidence, inspections, reports
from tests.gui.gui_support import flush_deletes
from tests.services.test_inspection_service_support import (
    as_user,
    make_report,
    minimal_pdf,
    setup_staff,
)


@pytest.fixture
def started(workspace: Any) -> Iterator[tuple[Any, Any]]:
    setup_staff(workspace)
    rid = make_report(workspace, until="signed")
    with as_user(workspace, "officier") as s:
        evidence.add_evidence(
            s,
            rid,
            source=minimal_pdf("Proces-verbaal"),
            title="Proces-verbaal van een lang gesprek met een bron over de stichting",
            source_note="Verslag van een gesprek met een bron, opgesteld door de dienst",
        )
    with as_user(workspace, "tekenaar") as s:
        reports.issue_report(s, rid, proof=s.sign_in_proof())
    session = as_user(workspace, "inspecteur")
    yield session, inspections.start_inspection(session, rid)
    session.close()


def _on_screen(win: QWidget, widget: QWidget) -> bool:
    top_left = widget.mapTo(win, QPoint(0, 0))
    return win.rect().contains(QRect(top_left, widget.size()))


@pytest.mark.parametrize("size", [(1024, 700), (1400, 900)])
def test_the_window_fits_the_screen_with_its_end_button_and_notes(
    qtbot: Any, started: tuple[Any, Any], runner: Any, size: tuple[int, int]
) -> None:
    session, start = started
    win = InspectionWindow(session, start, runner=runner)
    qtbot.addWidget(win)
    try:
        assert win.minimumSizeHint().width() <= size[0]
        win.resize(*size)
        win.show()
        qtbot.waitExposed(win)
        assert win.width() == size[0]
        for widget in (win.end_button, win.notes, win.item_list, win.viewer, win.designation_label):
            assert widget.isVisible() and _on_screen(win, widget), widget.objectName()
        # The item gets the room it needs to be read, not a sliver between the side panes.
        assert win.viewer.width() >= size[0] // 2
        # The designation is read in full (wrapped, not cut).
        label = win.designation_label
        assert label.heightForWidth(label.width()) <= label.height()
    finally:
        win.end_inspection()
        flush_deletes()


def _details_readable(panel: Any) -> bool:
    """All of the chosen session's details can be read: shown in full, or scrollable."""
    label = panel.details
    if label.heightForWidth(label.width()) <= label.height():
        return True
    area = panel.details_area if hasattr(panel, "details_area") else None
    return area is not None and area.verticalScrollBar().maximum() > 0


@pytest.mark.parametrize("size", [(1024, 700), (1400, 900)])
def test_my_inspections_details_are_not_cut_off(
    qtbot: Any, controller: Any, sign_in: Any, started: tuple[Any, Any], size: tuple[int, int]
) -> None:
    """QA: after a session with notes of a few lines the details under "Mijn inzagen" lost
    their first and last lines at 1024x700 (the label squeezed between table and button)."""
    session, start = started
    notes = "\n".join(f"Regel {n} van de aantekeningen." for n in range(1, 9))
    inspections.end_inspection(session, start.id, notes)
    main = sign_in(controller, "inspecteur")
    main.resize(*size)
    main.show()
    qtbot.waitExposed(main)
    page = main.show_section("inspection")
    page.select_record(int(start.id))
    qtbot.wait(10)
    panel = page.records_panel
    assert "Regel 8" in page.record_details.text()
    assert panel.table.height() >= panel.table.verticalHeader().defaultSectionSize() * 2
    assert _details_readable(panel)
    flush_deletes()


def test_the_idle_warning_counts_down_to_one_seconde(
    qtbot: Any, started: tuple[Any, Any], runner: Any, clock: Any
) -> None:
    """QA: the last second of the idle warning read "over 1 seconden"."""
    session, start = started
    win = InspectionWindow(session, start, runner=runner)
    qtbot.addWidget(win)
    try:
        win.show()
        clock.advance(dt.timedelta(minutes=start.idle_minutes) - dt.timedelta(seconds=30))
        win.tick()
        assert win.idle_warning_shown and "over 30 seconden " in win.idle_warning.text()
        clock.advance(dt.timedelta(seconds=29))
        win.tick()
        assert "over 1 seconde " in win.idle_warning.text()
        assert "1 seconden" not in win.idle_warning.text()
    finally:
        win.end_inspection()
        flush_deletes()


def test_one_idle_minute_reads_as_one_minuut(
    qtbot: Any, started: tuple[Any, Any], runner: Any
) -> None:
    session, start = started
    win = InspectionWindow(session, dataclasses.replace(start, idle_minutes=1), runner=runner)
    qtbot.addWidget(win)
    try:
        assert "na 1 minuut zonder activiteit" in win.status.text()
    finally:
        win.end_inspection()
        flush_deletes()


def test_a_long_save_path_does_not_widen_the_page(
    qtbot: Any, controller: Any, sign_in: Any, started: tuple[Any, Any]
) -> None:
    """The line saying where the record went wraps: a deep folder made the Inzage page wider
    than the 1024 screen."""
    main = sign_in(controller, "inspecteur")
    main.resize(1024, 700)
    main.show()
    qtbot.waitExposed(main)
    page = main.show_section("inspection")
    folder = "/home/inspecteur/Documenten/Convenant/Inzagen/2026/december/AB-2026-000001"
    page.status_line.setText(
        f"Het verslag van inzage is opgeslagen als {folder}/verslag-van-inzage-1.pdf."
    )
    qtbot.wait(10)
    assert page.minimumSizeHint().width() <= page.width()
    assert main.minimumSizeHint().width() <= 1024
    flush_deletes()
