"""Ambtsberichten in the window: work lists, the structured editor, the liaison's review with
annotations, signing and issuing, and the side-by-side comparison of versions."""

from desktop_app.gui.reports.page import ReportsPage

__all__ = ["ReportsPage"]
