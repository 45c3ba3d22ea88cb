"""Show a permission on a widget: the one place a button learns whether it is offered (shown),
allowed (enabled) and, if refused, why (its tooltip). The permissions come from the services;
nothing here decides who may do what."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from desktop_app.domain.actions import Permission


def show_permission(
    widget: QWidget, permission: Permission, *, ready: bool = True, hint: str = ""
) -> None:
    """``ready``: what the widget itself still waits for (unsaved changes, a selection);
    ``hint``: the tooltip while allowed (or while only ``ready`` holds it back)."""
    widget.setVisible(permission.offered)
    widget.setEnabled(permission.allowed and ready)
    widget.setToolTip(hint if permission.allowed else permission.reason or hint)
