"""Dashboard: the open requests by deadline bucket, and the first ones to look at."""

from desktop_app.gui.dashboard.page import DashboardPage

__all__ = ["DashboardPage"]
