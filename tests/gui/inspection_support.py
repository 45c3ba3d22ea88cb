"""The ``inspector`` and ``window`` fixtures of the inspection window and viewer tests
(test_inspection_window.py, test_inspection_viewer.py), on each module's own ``scene`` (the
workspace, the issued report's id, its items). A module takes them by importing
``inspector_of_the_scene`` and ``window_of_the_scene``."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from desktop_app.gui.inspection import InspectionWindow
from desktop_app.services import inspections
from tests.gui.gui_support import flush_deletes
from tests.services.test_inspection_service_support import as_user


@pytest.fixture(name="inspector")
def inspector_of_the_scene(scene: Any) -> Iterator[Any]:
    """The designated inspector signed in, signed out afterwards."""
    session = as_user(scene[0], "inspecteur")
    yield session
    session.close()


@pytest.fixture(name="window")
def window_of_the_scene(
    qtbot: Any, scene: Any, inspector: Any, runner: Any
) -> Iterator[InspectionWindow]:
    """An inspection of the scene's report started and its window shown; ended afterwards if
    the test did not end it."""
    win = InspectionWindow(
        inspector, inspections.start_inspection(inspector, scene[1]), runner=runner
    )
    qtbot.addWidget(win)
    win.resize(1200, 800)
    win.show()
    yield win
    if not win.is_ended:
        win.end_inspection()
    flush_deletes()
