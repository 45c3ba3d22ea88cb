"""Requests and deadlines in the window: the deadline dashboard, the request list (lazy, smooth at
a million requests) with its detail and dialogs, the provisions register, the statistics for the
periodic consultation, and the administrator's calendar days."""

from desktop_app.gui.requests.wiring import attach_admin_tabs, connect_pages, make_page

__all__ = ["attach_admin_tabs", "connect_pages", "make_page"]
