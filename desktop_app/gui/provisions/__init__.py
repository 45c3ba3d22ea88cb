"""Verstrekkingen: the provisions register (art. 1.1-1.2), both directions."""

from desktop_app.gui.provisions.page import ProvisionsPage

__all__ = ["ProvisionsPage"]
