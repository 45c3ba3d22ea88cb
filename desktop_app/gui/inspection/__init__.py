"""The inspection window (inzage in onderliggende gegevens, art. 2.5).

The main window's Inzage section calls ``open_inspection_window(parent, session, report_id)``.
"""

from __future__ import annotations

from desktop_app.gui.inspection.window import InspectionWindow, open_inspection_window

__all__ = ["InspectionWindow", "open_inspection_window"]
