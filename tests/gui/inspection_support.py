"""The inspector's session and the open inspection window, for the window and viewer tests
(test_inspection_window.py, test_inspection_viewer.py): each module's fixtures yield from these
on its own ``scene`` (the workspace, the issued report's id, its items)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from desktop_app.gui.inspection import InspectionWindow
from desktop_app.services import inspections
from tests.gui.gui_support import flush_deletes
from tests.services.test_inspection_service_support import as_user


def inspector_session(workspace: Any) -> Iterator[Any]:
    """The designated inspector signed in, signed out afterwards."""
    session = as_user(workspace, "inspecteur")
    yield session
    session.close()


def shown_inspection(
    qtbot: Any, inspector: Any, report_id: int, runner: Any
) -> Iterator[InspectionWindow]:
    """An inspection of ``report_id`` started and its window shown; ended afterwards if the
    test did not end it."""
    win = InspectionWindow(
        inspector, inspections.start_inspection(inspector, report_id), runner=runner
    )
    qtbot.addWidget(win)
    win.resize(1200, 800)
    win.show()
    yield win
    if not win.is_ended:
        win.end_inspection()
    flush_deletes()
