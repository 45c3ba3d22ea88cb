"""Show a permission on a widget: the one place a button learns whether it is offered (shown),
allowed (enabled) and, if refused, why (its tooltip). The permissions come from the services;
nothing here decides who may do what. Also the window's page shortcuts (Ctrl+S, Ctrl+F, F5),
which press what the page itself offers."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QComboBox, QLineEdit, QPushButton, QSizePolicy, QWidget

from desktop_app.domain.actions import Permission

W = TypeVar("W", bound=QWidget)


def show_permission(
    widget: QWidget, permission: Permission, *, ready: bool = True, hint: str = ""
) -> None:
    """``ready``: what the widget itself still waits for (unsaved changes, a selection);
    ``hint``: the tooltip while allowed (or while only ``ready`` holds it back)."""
    widget.setVisible(permission.offered)
    widget.setEnabled(permission.allowed and ready)
    widget.setToolTip(hint if permission.allowed else permission.reason or hint)


# --- the window's keyboard shortcuts (issue 12) -----------------------------------------------
# What each one does is the page's own button or field, found by name, so a shortcut can never
# do what the page would not offer: Ctrl+S clicks the page's visible, enabled "saveButton"
# (the report editor's "Opslaan als nieuwe versie"), Ctrl+F focuses its search field (an edit
# whose object name ends in "Search"), F5 runs its refresh.

# Standard keys (Ctrl+S, Ctrl+F, F5 here); a QKeySequence is made only once Qt runs.
SAVE_KEYS = QKeySequence.StandardKey.Save
FIND_KEYS = QKeySequence.StandardKey.Find
REFRESH_KEYS = QKeySequence.StandardKey.Refresh


def _visible_child(page: QWidget, kind: type[W], match: Callable[[W], bool]) -> W | None:
    for child in page.findChildren(kind):
        if child.isVisibleTo(page) and child.isEnabled() and match(child):
            return child
    return None


def save_current(page: QWidget | None) -> bool:
    """Ctrl+S: the page's save button, when it is there and may be pressed now."""
    if page is None:
        return False
    button = _visible_child(page, QPushButton, lambda b: b.objectName() == "saveButton")
    if button is None:
        return False
    button.click()
    return True


def find_in(page: QWidget | None) -> bool:
    """Ctrl+F: focus the page's search field and select what is in it."""
    if page is None:
        return False
    edit = _visible_child(page, QLineEdit, lambda e: e.objectName().endswith("Search"))
    if edit is None:
        return False
    edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
    edit.selectAll()
    return True


def refresh_page(page: QWidget | None) -> bool:
    """F5: the page's refresh (``refresh`` or, for Beheer, ``refresh_all``)."""
    for name in ("refresh", "refresh_all"):
        action = getattr(page, name, None)
        if callable(action):
            action()
            return True
    return False


def page_shortcuts(window: QWidget, current: Callable[[], QWidget | None]) -> dict[str, QAction]:
    """The three page shortcuts as window actions (not reachable behind a modal dialog, and
    never in the inspection window, which is a window of its own)."""
    made: dict[str, QAction] = {}
    for key, keys, handler in (
        ("save", SAVE_KEYS, save_current),
        ("find", FIND_KEYS, find_in),
        ("refresh", REFRESH_KEYS, refresh_page),
    ):
        action = QAction(window)
        action.setObjectName(f"{key}Shortcut")
        action.setShortcut(QKeySequence(keys))
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.triggered.connect(lambda _=False, h=handler: h(current()))
        window.addAction(action)
        made[key] = action
    return made


# --- combo boxes as wide as their longest item (issue 12) -------------------------------------


class ComboFitter(QObject):
    """An application-wide filter: every combo box, when Qt first polishes it, keeps the width
    of its longest item (and follows it when its items change), so a layout short of room
    (1024x700) never cuts a choice such as a classification off."""

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Polish and isinstance(obj, QComboBox):
            fit_combo(obj)
        return False


def fit_combo(combo: QComboBox) -> None:
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
    policy = combo.sizePolicy()
    if policy.horizontalPolicy() in (
        QSizePolicy.Policy.Preferred,
        QSizePolicy.Policy.Maximum,
        QSizePolicy.Policy.Ignored,
    ):
        # Preferred may shrink below the hint; Minimum may not (and may still grow).
        policy.setHorizontalPolicy(QSizePolicy.Policy.Minimum)
        combo.setSizePolicy(policy)


_FITTER: ComboFitter | None = None


def fit_all_combos() -> None:
    """Install the filter once for the application."""
    global _FITTER
    app = QCoreApplication.instance()
    if _FITTER is None and app is not None:
        _FITTER = ComboFitter(app)
        app.installEventFilter(_FITTER)
