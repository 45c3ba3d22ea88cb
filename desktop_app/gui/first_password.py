"""The first sign-in with an initial password (a new account, a reset by the administrator):
the user chooses their own before the main window opens. Cancelling signs out again."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QWidget

from desktop_app.gui.dialogs import NewPasswordDialog, first_password_dialog
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

    def submitted(new: str) -> None:
        def done(_: object) -> None:
            dialog.succeed()
            on_done()

        runner.run(
            lambda: users.change_password(session, current, new), done, dialog.fail, owner=dialog
        )

    dialog.submitted.connect(submitted)
    dialog.rejected.connect(on_cancel)
    dialog.open()
    return dialog
