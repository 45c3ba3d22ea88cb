"""Verzoeken: the request list (lazy, smooth at a million requests) with its detail and
dialogs. Also the pieces the other register sections share: the service facade (``api``),
labels, table models and the page style."""

from desktop_app.gui.requests.page import RequestsPage

__all__ = ["RequestsPage"]
