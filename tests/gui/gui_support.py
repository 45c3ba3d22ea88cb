"""Helpers for the GUI tests (imported by tests/gui/conftest.py and the test modules)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, TypeVar

from PySide6.QtCore import QCoreApplication, QEvent, QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)
from support import helpers
from support.sample_text import REPORT_TEXT

from desktop_app.domain.classification import Classification
from desktop_app.domain.reports import ReportStatus
from desktop_app.domain.roles import Role
from desktop_app.services import users

T = TypeVar("T", bound=QWidget)

# A copy: a test may add an account of its own to it.
PASSWORDS = dict(helpers.PASSWORDS)

USERS: dict[str, tuple[frozenset[Role], Classification, str]] = {
    "officier": (frozenset({Role.AIVD_OFFICER}), Classification.STG_GEHEIM, "Olga Officier"),
    "tekenaar": (frozenset({Role.AIVD_SIGNER}), Classification.STG_ZEER_GEHEIM, "Teun Tekenaar"),
    "liaison": (frozenset({Role.IND_LIAISON}), Classification.STG_GEHEIM, "Lotte Liaison"),
    "inspecteur": (frozenset({Role.IND_INSPECTOR}), Classification.STG_GEHEIM, "Ivo Inspecteur"),
}


def add_users(workspace: Any, *names: str, **extra: str) -> None:
    """Add users from USERS by name, and ``extra`` as name=full_name officers."""
    with workspace.session() as session:
        for name in names:
            roles, clearance, full_name = USERS[name]
            users.add_user(
                session,
                name=name,
                password=PASSWORDS[name],
                roles=roles,
                full_name=full_name,
                clearance=clearance,
                initial_password=False,  # the sign-in tests of that are in test_admin_users
            )
        for name, full_name in extra.items():
            users.add_user(
                session,
                name=name,
                password=f"{name}-wachtwoord",
                roles=[Role.AIVD_OFFICER],
                full_name=full_name,
                initial_password=False,
            )


def signed_report(workspace: Any, title: str) -> int:
    """A report (REPORT_TEXT) the officer drafted and submitted, the liaison found usable and
    the signer signed: its id."""
    return helpers.report_at(
        workspace, ReportStatus.SIGNED, text=REPORT_TEXT, title=title, passwords=PASSWORDS
    )


def sign_with_password(detail: Any, sign: Any, password: str) -> Any:
    """``password`` typed in the open sign dialog of ``detail`` and confirmed: the dialog
    closes on a signed report. Its view."""
    sign.password_edit.setText(password)
    sign.ok_button.click()
    assert not sign.isVisible()
    view = detail.view
    assert view is not None and view.report.status is ReportStatus.SIGNED
    return view


def flush_deletes() -> None:
    """deleteLater() takes effect when control returns to the event loop; do it now."""
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    QCoreApplication.processEvents()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def widget_texts(widget: QWidget) -> Iterator[str]:
    yield widget.windowTitle()
    yield widget.toolTip()
    yield widget.accessibleName()
    yield widget.accessibleDescription()
    if isinstance(widget, QLabel | QLineEdit | QAbstractButton):
        yield widget.text()
    if isinstance(widget, QTextEdit | QPlainTextEdit):
        yield widget.toPlainText()
    if isinstance(widget, QComboBox):
        for i in range(widget.count()):
            yield widget.itemText(i)
    if isinstance(widget, QAbstractItemView) and widget.model() is not None:
        model = widget.model()
        root = QModelIndex()
        try:
            columns = model.columnCount(root)
        except TypeError:  # list models keep columnCount private: one column
            columns = 1
        for row in range(model.rowCount(root)):
            for column in range(columns):
                value = model.data(model.index(row, column), Qt.ItemDataRole.DisplayRole)
                if value is not None:
                    yield str(value)


def all_texts() -> str:
    """Every text any live widget holds, joined (LOCK-1 looks for a canary in it)."""
    return "\n".join(t for w in QApplication.allWidgets() for t in widget_texts(w) if t)


def section(window: Any, key: str, cls: type[T]) -> T:
    """The window's section ``key`` shown: its page, of class ``cls``."""
    page = window.show_section(key)
    assert isinstance(page, cls)
    return page


def admin_tab(window: Any, title: str, cls: type[T]) -> T:
    """The Beheer section's tab ``title`` (its page of class ``cls``), shown as the current tab."""
    from desktop_app.gui.admin.page import AdminPage

    admin = section(window, "admin", AdminPage)
    page = admin.findChild(cls)
    assert page is not None
    assert admin.tabs.tabText(admin.tabs.indexOf(page)).replace("&", "") == title
    admin.tabs.setCurrentWidget(page)
    return page
