"""Who is signed in, and the lock: sign-in dialog -> main window -> (idle, Ctrl+L) -> locked.

Locking closes the session (database closed, key wiped), wipes and deletes every page and the
main window, and shows the sign-in dialog again. Unlocking is a full sign-in; it builds a new
main window that starts at its first section, so nothing of the previous view comes back.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QSettings, Qt, Signal
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from desktop_app.domain.clock import SystemClock
from desktop_app.domain.drafts import Draft
from desktop_app.domain.errors import AppError
from desktop_app.domain.settings import IDLE_MINUTES, SESSION_MAX_HOURS
from desktop_app.gui.dialogs import NewPasswordDialog, run_on_submit
from desktop_app.gui.drafts import Unsaved, ask_unsaved, clear_own_clipboard
from desktop_app.gui.errors import message_for
from desktop_app.gui.first_password import ask_first_password
from desktop_app.gui.idle_monitor import IdleMonitor
from desktop_app.gui.login import LoginDialog
from desktop_app.gui.main_window import MainWindow
from desktop_app.gui.os_lock import ScreenLockSource
from desktop_app.gui.tasks import TaskRunner
from desktop_app.gui.wheel_guard import install_wheel_guard
from desktop_app.gui.wizard.restore import (
    RebindDialog,
    RestoreDialog,
    RestoreInput,
    rebind,
    restore,
)
from desktop_app.gui.wizard.view import FirstStartDialog
from desktop_app.services import drafts, settings, users
from desktop_app.services.first_start import FirstStartWizard, WizardResult
from desktop_app.services.session import Environment, Session
from desktop_app.services.workspace import WorkspacePaths, open_session

log = logging.getLogger(__name__)


@dataclass
class SignedIn:
    session: Session
    idle_minutes: int
    initial_password: bool = False  # the window asks for the user's own first
    max_hours: int = SESSION_MAX_HOURS.default
    # What this person left unsaved at the lock, taken in the same task as the sign-in, so no
    # lock can fall between taking them and the window holding them.
    drafts: list[Draft] = field(default_factory=list)

    def close(self) -> None:
        """Nobody took this sign-in after all: the drafts go back, then the session closes."""
        _close(self.session, self.drafts)
        self.drafts = []


def sign_in(env: Environment, data_dir: Path, name: str, password: str) -> SignedIn:
    """Runs on the worker: open the session (Argon2, ~0.5-1 s), read the idle setting and
    take the person's drafts (not before their own password is chosen)."""
    session = open_session(env, data_dir, name, password)
    try:
        minutes = settings.value(session, IDLE_MINUTES)
        max_hours = settings.value(session, SESSION_MAX_HOURS)
        initial = users.must_change_password(session)
        kept = [] if initial else drafts.take_drafts(session)
    except BaseException:
        session.close()
        raise
    return SignedIn(session, minutes, initial, drafts=kept, max_hours=max_hours)


def _close(session: Session, kept: list[Draft] | None = None) -> None:
    """Keep the unsaved drafts (one transaction), then close. A draft that cannot be kept
    (e.g. the disk is full) must not keep the session open: the lock comes first."""
    if kept:
        try:
            drafts.keep_drafts(session, kept)
        except AppError:
            log.exception("keeping the unsaved drafts failed")
    try:
        session.close()
    except AppError:
        log.exception("closing the session failed")


class AppController(QObject):
    signed_in = Signal()
    locked = Signal()

    def __init__(
        self,
        env: Environment | None,
        data_dir: Path,
        *,
        runner: TaskRunner,
        settings: QSettings,
        demo: bool = False,
        demo_accounts: dict[str, str] | None = None,
        user: str = "",
        startup_error: AppError | None = None,
        quit_app: Callable[[], None] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.env = env
        self.data_dir = data_dir
        self.runner = runner
        self.settings = settings
        self.demo = demo
        self.demo_accounts = demo_accounts or {}
        self.startup_error = startup_error
        self._quit_app = quit_app or QApplication.quit
        self._last_user = user
        self._ready = True
        self._ready_text: str | None = None
        self.session: Session | None = None
        self.main_window: MainWindow | None = None
        self.login_dialog: LoginDialog | None = None
        self.first_password_dialog: NewPasswordDialog | None = None
        self.idle = IdleMonitor(env.clock if env is not None else SystemClock(), self)
        self.idle.expired.connect(self._on_idle_expired)
        self.idle.session_expired.connect(self._on_session_expired)
        self.idle.lock_key_pressed.connect(self.lock)
        # A password asked again (signing, a password change, a key rotation) was wrong once
        # too often: the account is locked and the session ended; lock, keeping the drafts.
        runner.account_locked.connect(self._on_account_locked, Qt.ConnectionType.QueuedConnection)
        self._max_hours = SESSION_MAX_HOURS.default
        self.lock_source: ScreenLockSource | None = None
        self._idle_minutes = 0
        self._quitting = False
        self.question: QMessageBox | None = None  # the open "save, discard, cancel?"
        self.restore_dialog: RestoreDialog | None = None
        self.rebind_dialog: RebindDialog | None = None
        # Set by the start-up (gui/app.py): the recent-workspaces list and the wizard.
        self.remember_workspace: Callable[[Path], object] | None = None
        self.wizard_factory: Callable[[], FirstStartWizard] | None = None
        self.wizard_dialog: FirstStartDialog | None = None

    # --- signing in -------------------------------------------------------------------------

    def start(self) -> LoginDialog | FirstStartDialog:
        app = QApplication.instance()
        if isinstance(app, QApplication):
            install_wheel_guard(app)
        if (
            not self.demo
            and self.wizard_factory is not None
            and not WorkspacePaths(self.data_dir).exists()
        ):
            # No workspace here: the first-start wizard instead of a sign-in that cannot work.
            return self.open_wizard(from_login=False)
        return self._show_login(self._last_user, None)

    def open_wizard(self, *, from_login: bool = True) -> FirstStartDialog:
        assert self.wizard_factory is not None
        wizard = self.wizard_factory()
        dialog = FirstStartDialog(wizard, self.runner)
        self.wizard_dialog = dialog

        def completed(result: object) -> None:
            self.wizard_dialog = None
            assert isinstance(result, WizardResult)
            if wizard.env is not None:
                self.env, self.startup_error = wizard.env, None
            message = (
                QCoreApplication.translate(
                    "AppController",
                    "De werkplek is aangemaakt. Meld u aan als functioneel beheerder.",
                )
                if result.created
                else None
            )
            self._switch_to(result.data_dir, result.admin_name, message)

        def quit_requested() -> None:
            self.wizard_dialog = None
            if from_login:
                if self.login_dialog is not None:
                    self.login_dialog.show()
            else:
                self.quit()

        dialog.completed.connect(completed)
        dialog.quit_requested.connect(quit_requested)
        if from_login and self.login_dialog is not None:
            self.login_dialog.hide()
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()
        return dialog

    def prepare(self, work: Callable[[], dict[str, str]]) -> None:
        """Run ``work`` (creating the demo workspace) before sign-in is possible; the dialog is
        usable meanwhile (typing), only the sign-in button waits."""
        self._ready = False
        self._ready_text = QCoreApplication.translate(
            "AppController", "De oefenwerkplek wordt klaargezet…"
        )
        if self.login_dialog is not None:
            self.login_dialog.set_ready(False, self._ready_text)
        started = time.perf_counter()

        def done(accounts: dict[str, str]) -> None:
            log.info("workspace prepared in %.2f s", time.perf_counter() - started)
            self.demo_accounts = accounts
            self._ready = True
            if self.login_dialog is not None:
                self.login_dialog.set_ready(True)

        def failed(exc: BaseException) -> None:
            self.startup_error = exc if isinstance(exc, AppError) else None
            if self.login_dialog is not None:
                self.login_dialog.disable_sign_in(message_for(exc))

        self.runner.run(work, done, failed)

    def _show_login(self, name: str, locked_message: str | None) -> LoginDialog:
        dialog = LoginDialog(
            self.data_dir,
            demo=self.demo,
            demo_accounts=self.demo_accounts,
            name=name,
            locked_message=locked_message,
        )
        dialog.sign_in_requested.connect(self._on_sign_in_requested)
        dialog.quit_requested.connect(self.quit)
        dialog.restore_requested.connect(self.open_restore_dialog)
        dialog.rebind_requested.connect(self.open_rebind_dialog)
        dialog.other_workspace_requested.connect(self.open_other_workspace)
        self.login_dialog = dialog
        for button in (dialog.restore_button, dialog.rebind_button):
            button.setEnabled(self.env is not None)
        if self.env is None or self.startup_error is not None:
            error = self.startup_error or AppError(
                QCoreApplication.translate("AppController", "Er is geen sleutelring beschikbaar.")
            )
            dialog.disable_sign_in(message_for(error))
        elif not self._ready:
            dialog.set_ready(False, self._ready_text)
        elif not self.demo and not WorkspacePaths(self.data_dir).exists():
            dialog.disable_sign_in(
                QCoreApplication.translate(
                    "AppController",
                    "In deze map staat geen werkplek. Maak er een met 'werkplek init', of start met "  # noqa: E501 (translation key)
                    "--data-dir en de map van een bestaande werkplek.",
                )
            )
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()
        self._watch_window(dialog)
        return dialog

    def _on_sign_in_requested(self, name: str, password: str) -> None:
        env = self.env
        dialog = self.login_dialog
        if env is None or dialog is None:
            return
        root = self.data_dir
        started = time.perf_counter()

        def done(result: SignedIn) -> None:
            log.info("signed in after %.2f s", time.perf_counter() - started)
            if result.initial_password:
                self._ask_first_password(result, password)
            else:
                self._on_signed_in(result)

        def failed(exc: BaseException) -> None:
            dialog.show_failure(message_for(exc))

        self.runner.run(
            lambda: sign_in(env, root, name, password),
            done,
            failed,
            owner=dialog,
            on_discard=lambda result: result.close(),
        )

    def _ask_first_password(self, result: SignedIn, password: str) -> None:
        login = self.login_dialog

        def cancelled() -> None:
            self.first_password_dialog = None
            session = result.session
            self.runner.run_apart(lambda: _close(session), "werkplek-signout")
            if login is not None:
                login.show()
                login.show_failure(
                    self.tr("Afgemeld: kies bij de volgende aanmelding een eigen wachtwoord.")
                )

        def done() -> None:
            self.first_password_dialog = None
            self._on_signed_in(result)

        # Parentless: the sign-in dialog it replaces is deleted once the window opens.
        self.first_password_dialog = ask_first_password(
            None, self.runner, result.session, password, on_done=done, on_cancel=cancelled
        )
        if login is not None:
            login.hide()
        # The session is open while the person chooses: idle time ends it like any other.
        self._idle_minutes = result.idle_minutes
        self.idle.start(result.idle_minutes, result.max_hours)

    def _on_signed_in(self, result: SignedIn) -> None:
        if self._quitting:
            result.close()
            return
        session = result.session
        self.session = session
        self._last_user = session.user.name
        self._idle_minutes = result.idle_minutes
        if not self.demo:
            self._remember(self.data_dir)
        window = MainWindow(session, self.runner, self.settings, demo=self.demo)
        window.lock_requested.connect(self.lock)
        window.sign_out_requested.connect(self.request_sign_out)
        window.quit_requested.connect(self.request_quit)
        self.main_window = window
        window.show()
        window.raise_()
        window.activateWindow()
        self._watch_window(window)
        if self.login_dialog is not None:
            self.login_dialog.finish()
            self.login_dialog = None
        # After a first-password question the maximum keeps counting from the sign-in.
        self.idle.start(result.idle_minutes, result.max_hours if self.idle.limit is None else None)
        self._max_hours = result.max_hours
        # What this person left unsaved at the lock comes back; someone else's stays put.
        if result.initial_password:
            self.runner.run(
                lambda: drafts.take_drafts(session), window.restore_drafts, owner=window
            )
        else:
            kept, result.drafts = result.drafts, []
            window.restore_drafts(kept)
        self.signed_in.emit()

    # --- before a sign-in: restore, rebind, another workspace (gui/wizard) -----------------

    def _switch_to(self, data_dir: Path, name: str, message: str | None) -> LoginDialog:
        """A new sign-in dialog for ``data_dir`` (restored, re-bound or chosen)."""
        self.data_dir = data_dir
        old, self.login_dialog = self.login_dialog, None
        if old is not None:
            old.finish()
        return self._show_login(name, message)

    def open_restore_dialog(self) -> RestoreDialog | None:
        env = self.env
        if env is None:
            return None
        dialog = RestoreDialog(self.data_dir, self.login_dialog)
        given_name = [""]

        def done(result: dict[str, object]) -> None:
            self.restore_dialog = None
            self._remember(Path(str(result["data_dir"])))
            self._switch_to(
                Path(str(result["data_dir"])),
                given_name[0],
                QCoreApplication.translate(
                    "AppController",
                    "De back-up is teruggezet. Meld u aan met het nieuwe wachtwoord.",
                ),
            )

        def work(given: object) -> dict[str, object]:
            assert isinstance(given, RestoreInput)
            given_name[0] = given.admin_name
            return restore(env, given)

        run_on_submit(dialog, self.runner, work, done)
        self.restore_dialog = dialog
        return dialog

    def open_rebind_dialog(self) -> RebindDialog | None:
        env = self.env
        if env is None:
            return None
        dialog = RebindDialog(self.data_dir, self.login_dialog)
        root = self.data_dir

        def done(count: int) -> None:
            self.rebind_dialog = None
            self._switch_to(
                root,
                self._last_user,
                QCoreApplication.translate(
                    "AppController",
                    "De werkplek is opnieuw gekoppeld (%n accounts). Meld u aan zoals altijd.",
                    "",
                    count,
                ),
            )

        run_on_submit(dialog, self.runner, lambda key: rebind(env, root, str(key)), done)
        self.rebind_dialog = dialog
        return dialog

    def open_other_workspace(self) -> FirstStartDialog | None:
        """'Andere werkplek…': the wizard's first page (open a folder, a recent one, or make
        a new one); the sign-in dialog comes back for the one chosen."""
        if self.wizard_factory is None:
            return None
        return self.open_wizard(from_login=True)

    def _remember(self, data_dir: Path) -> None:
        if self.remember_workspace is not None:
            self.remember_workspace(data_dir)

    # --- locking ----------------------------------------------------------------------------

    @property
    def is_locked(self) -> bool:
        return self.session is None

    def _on_idle_expired(self) -> None:
        if self.first_password_dialog is not None:
            self.idle.end_session()
            self.first_password_dialog.reject()  # signs out again (see _ask_first_password)
            return
        message = QCoreApplication.translate(
            "AppController",
            "De werkplek is vergrendeld na %n minuten zonder activiteit. Meld u opnieuw aan om "
            "verder te werken.",
            "",
            self._idle_minutes,
        )
        self._lock(message, keep_name=True)

    def _on_session_expired(self) -> None:
        if self.first_password_dialog is not None:
            self.first_password_dialog.reject()  # signs out again (see _ask_first_password)
            return
        self._lock(
            QCoreApplication.translate(
                "AppController",
                "U bent %n uur aangemeld geweest, het maximum voor één sessie. Meld u opnieuw "
                "aan om verder te werken.",
                "",
                self._max_hours,
            ),
            keep_name=True,
        )

    def attach_lock_source(self, source: ScreenLockSource | None) -> None:
        """Follow the operating system's lock (gui/os_lock.py): its ``locked`` locks here."""
        self.lock_source = source
        if source is not None:
            source.locked.connect(self._on_os_locked)
            self._watch_window(self.login_dialog)

    def _watch_window(self, widget: QWidget | None) -> None:
        # Windows delivers session changes to a registered window only.
        watch = getattr(self.lock_source, "watch", None)
        if widget is not None and watch is not None:
            watch(int(widget.winId()))

    def _on_os_locked(self) -> None:
        if self.first_password_dialog is not None:
            self.idle.end_session()
            self.first_password_dialog.reject()
            return
        self._lock(
            QCoreApplication.translate(
                "AppController",
                "De werkplek is vergrendeld omdat het bureaublad werd vergrendeld. Meld u "
                "opnieuw aan om verder te werken.",
            ),
            keep_name=True,
        )

    def _on_account_locked(self) -> None:
        self._lock(
            QCoreApplication.translate(
                "AppController",
                "Uw account is geblokkeerd na te veel onjuiste wachtwoorden. Uw niet-opgeslagen "
                "werk is bewaard; de functioneel beheerder kan het account deblokkeren.",
            ),
            keep_name=True,
        )

    def lock(self) -> None:
        """Ctrl+L and the menu."""
        self._lock(
            QCoreApplication.translate(
                "AppController",
                "De werkplek is vergrendeld. Meld u opnieuw aan om verder te werken.",
            ),
            keep_name=True,
        )

    def sign_out(self, *, keep_drafts: bool = True) -> None:
        self._lock(None, keep_name=False, keep_drafts=keep_drafts)

    def request_sign_out(self) -> None:
        """'Afmelden' in the window: with unsaved changes, ask first (save, discard, cancel)."""
        self._ask_then(
            QCoreApplication.translate("AppController", "u zich afmeldt"),
            lambda keep: self.sign_out(keep_drafts=keep),
        )

    def request_quit(self) -> None:
        """Ctrl+Q, 'Afsluiten' and the window's close button: likewise."""
        self._ask_then(
            QCoreApplication.translate("AppController", "u afsluit"),
            lambda keep: self.quit(keep_drafts=keep),
        )

    def _ask_then(self, leaving: str, go: Callable[[bool], None]) -> None:
        window = self.main_window
        if window is None or not window.has_unsaved():
            go(True)
            return

        def answered(choice: Unsaved) -> None:
            if self.main_window is not window:
                return  # locked (idle) while the question was open: the draft was kept
            if choice is Unsaved.SAVE:
                # Through the page's own save use case; a refusal shows and nothing leaves.
                window.save_unsaved(lambda: go(True) if self.main_window is window else None)
            elif choice is Unsaved.DISCARD:
                go(False)

        self.question = ask_unsaved(window, leaving, answered)

    def _lock(self, message: str | None, *, keep_name: bool, keep_drafts: bool = True) -> None:
        if self.session is None:
            return
        self.idle.end_session()
        # Results of queued work must not land in a view after the lock.
        self.runner.discard_pending()
        session, self.session = self.session, None
        window, self.main_window = self.main_window, None
        name = session.user.name if keep_name else ""
        # Before the pages are wiped: nobody is asked (an idle lock has nobody to ask).
        kept = window.unsaved_drafts() if window is not None and keep_drafts else []
        clear_own_clipboard()
        # The dialog first, so the application never has no window at all.
        self._show_login(name, message)
        if window is not None:
            window.teardown()
        # Off the GUI thread (it writes the audit entries), not behind queued work: close sets
        # Session.closing first, so a running import stops instead of the lock waiting.
        self.runner.run_apart(lambda: _close(session, kept), "werkplek-lock")
        log.info("session locked")
        self.locked.emit()

    # --- quitting ---------------------------------------------------------------------------

    def quit(self, *, keep_drafts: bool = True) -> None:
        """End the application. Unsaved work not discarded on purpose is kept as a draft
        (a quit nobody was asked about, e.g. the desktop session ending)."""
        if self._quitting:
            return
        self._quitting = True
        self.idle.end_session()
        if self.first_password_dialog is not None:
            self.first_password_dialog.reject()  # closes the session it holds
        self.runner.discard_pending()
        kept: list[Draft] = []
        if self.main_window is not None:
            if keep_drafts:
                kept = self.main_window.unsaved_drafts()
            self.main_window.teardown()
            self.main_window = None
        clear_own_clipboard()
        if self.session is not None:
            session, self.session = self.session, None
            self.runner.run_apart(lambda: _close(session, kept), "werkplek-quit")
            self.runner.wait(30_000)  # the process ends next: let the session close first
        if self.login_dialog is not None:
            dialog, self.login_dialog = self.login_dialog, None
            dialog.finish()
        self._quit_app()
