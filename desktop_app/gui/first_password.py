"""The first sign-in with an initial password (a new account, a reset by the administrator):
the user chooses their own before the main window opens. Cancelling signs out again."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QWidget

from desktop_app.gui.dialogs import NewPasswordDialog, first_password_dialog, run_on_submit
from desktop_app.gui.tasks import TaskRunner
from desktop_app.services import users
from desktop_app.services.session import Session


def ask_first_password(
    parent: QWidget | None,
    runner: TaskRunner,
    session: Session,
    current: str,
    *,
    on_done: Callable[[], None],
    on_cancel: Callable[[], None],
) -> NewPasswordDialog:
    """``current``: the password just typed at the sign-in; the change asks for it like every
    password change does (services.users.change_password)."""
    dialog = first_password_dialog(session.user.full_name, parent)

    dialog.rejected.connect(on_cancel)
    run_on_submit(
        dialog,
        runner,
        lambda new: users.change_password(session, current, new),
        lambda _: on_done(),
    )
    return dialog
