"""Statistiek: the figures for the periodic consultation (art. 3.2), on screen and exported."""

from desktop_app.gui.statistics.page import StatisticsPage

__all__ = ["StatisticsPage"]
