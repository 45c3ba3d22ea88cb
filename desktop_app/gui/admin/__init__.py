"""Beheer: accounts, designations, the audit trail, backups and the calendar days."""

from desktop_app.gui.admin.page import AdminPage

__all__ = ["AdminPage"]
