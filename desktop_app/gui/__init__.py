"""The window: the only package that imports PySide6."""

from desktop_app.gui._pyside_compat import guard_bool_refcounts

guard_bool_refcounts()
