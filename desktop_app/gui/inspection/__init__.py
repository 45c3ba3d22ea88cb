"""Inzage (art. 2.5): the inspector's page (the reports open to them, their inspections) and
the inspection window it opens with ``open_inspection_window``."""

from __future__ import annotations

from desktop_app.gui.inspection.page import InspectionPage
from desktop_app.gui.inspection.window import InspectionWindow, open_inspection_window

__all__ = ["InspectionPage", "InspectionWindow", "open_inspection_window"]
