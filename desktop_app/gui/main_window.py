"""The main window: a section list on the left, the pages in a stack, the user in the status
bar. It shows one signed-in session and is thrown away when that session locks."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import (
    QByteArray,
    QDataStream,
    QIODevice,
    QRect,
    QSettings,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.drafts import Draft
from desktop_app.gui.actions import fit_all_combos, page_shortcuts
from desktop_app.gui.admin.retention import RetentionDialog
from desktop_app.gui.dialogs import ChangePasswordDialog, PasswordChange, run_on_submit
from desktop_app.gui.drafts import KeepsDrafts, OpenDialogs
from desktop_app.gui.help import HelpDialog, about_dialog, guide_dialog, shortcuts_dialog
from desktop_app.gui.idle_monitor import LOCK_SHORTCUT
from desktop_app.gui.labels import clearance_label, location_label, roles_label
from desktop_app.gui.printing import VerifyPdfDialog, open_verify_dialog
from desktop_app.gui.sections import Section, sections_for
from desktop_app.gui.style import app_icon
from desktop_app.gui.tasks import TaskRunner
from desktop_app.gui.wiring import connect_pages
from desktop_app.services import drafts, users
from desktop_app.services.permissions import user_actions
from desktop_app.services.retention import RetentionStep, retention_actions
from desktop_app.services.session import Session

GEOMETRY_KEY = "main_window/geometry"
STATE_KEY = "main_window/state"
DEFAULT_SIZE = QSize(1180, 760)
FILL_SLACK = 48  # pixels short of the screen that still count as filling it (panels, frame)
_GEOMETRY_MAGIC = 0x1D9D0CB


@dataclass(frozen=True)
class SavedGeometry:
    """What Qt's saveGeometry() kept beside the position: the window's size with its frame,
    the width of the screen it was on, and whether it was maximised."""

    frame: QSize
    screen_width: int
    maximized: bool

    def filled_smaller_screen(self, room: QSize) -> bool:
        """Maximised, or as wide as its screen, on a screen narrower than ``room``: such a
        size is the old screen's, not a choice (QA: 1024x700 kept on a 1400x900 screen)."""
        wide = self.frame.width() >= self.screen_width - FILL_SLACK
        return room.width() > self.screen_width and (self.maximized or wide)


def read_saved_geometry(geometry: QByteArray) -> SavedGeometry | None:
    """Qt's geometry format 3 (Qt 6): magic, version, frame and normal rectangles, screen
    number, maximised, full screen, screen width. None for any other format."""
    stream = QDataStream(geometry, QIODevice.OpenModeFlag.ReadOnly)
    if stream.readUInt32() != _GEOMETRY_MAGIC or stream.readUInt16() != 3:
        return None
    stream.readUInt16()
    frame, normal = QRect(), QRect()
    stream >> frame
    stream >> normal
    stream.readInt32()
    maximized = bool(stream.readUInt8())
    stream.readUInt8()
    screen_width = stream.readInt32()
    if stream.status() != QDataStream.Status.Ok or screen_width <= 0:
        return None
    return SavedGeometry(frame.size(), screen_width, maximized)


class MainWindow(QMainWindow):
    lock_requested = Signal()
    sign_out_requested = Signal()
    quit_requested = Signal()

    def __init__(
        self,
        session: Session,
        runner: TaskRunner,
        settings: QSettings,
        *,
        demo: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.runner = runner
        self.settings = settings
        self.demo = demo
        self._tearing_down = False
        self._unclaimed: list[Draft] = []  # taken at sign-in, claimed by no page, not yet kept
        self.open_dialogs = OpenDialogs(self)  # their input is kept like a page's
        title = self.tr("Convenantwerkplek")
        if demo:
            title = self.tr("Convenantwerkplek — DEMO")
        self.setWindowTitle(title)
        self.setWindowIcon(app_icon())
        self.setMinimumSize(900, 560)

        central = QWidget(self)
        outer = QVBoxLayout(central)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        if demo:
            self.banner: QLabel | None = QLabel(
                self.tr("DEMO — oefenwerkplek, geen echte gegevens"), central
            )
            self.banner.setObjectName("demoBanner")
            self.banner.setAlignment(Qt.AlignmentFlag.AlignCenter)
            outer.addWidget(self.banner)
        else:
            self.banner = None
        body = QHBoxLayout()
        body.setContentsMargins(0, 0, 0, 0)
        body.setSpacing(0)
        outer.addLayout(body, 1)

        self.nav = QListWidget(central)
        self.nav.setObjectName("navList")
        self.nav.setAccessibleName(self.tr("Onderdelen"))
        self.nav.setFixedWidth(210)
        self.stack = QStackedWidget(central)
        self.stack.setObjectName("pageStack")
        body.addWidget(self.nav)
        body.addWidget(self.stack, 1)
        self.setCentralWidget(central)

        fit_all_combos()  # before the pages are built (issue 12)
        self.permissions = user_actions(session)
        self.sections: list[Section] = sections_for(self.permissions)
        self.pages: dict[str, QWidget] = {}
        for number, section in enumerate(self.sections, start=1):
            page = section.make_page(self.session, self.runner, self.stack)
            self.pages[section.key] = page
            self.stack.addWidget(page)
            item = QListWidgetItem(section.title_text, self.nav)
            item.setData(Qt.ItemDataRole.UserRole, section.key)
            if number <= 9:
                item.setToolTip(self.tr("Ctrl+%1").replace("%1", str(number)))
        connect_pages(self)
        self.nav.currentRowChanged.connect(self.stack.setCurrentIndex)
        if self.sections:
            self.nav.setCurrentRow(0)

        self._build_menus()
        self.page_shortcuts = page_shortcuts(self, self.stack.currentWidget)
        self._build_status_bar()
        self._restore_geometry()
        self.nav.setFocus()

    # --- building ---------------------------------------------------------------------------

    def _build_menus(self) -> None:
        menu = self.menuBar().addMenu(self.tr("&Werkplek"))
        self.passwd_action = QAction(self.tr("&Wachtwoord wijzigen…"), self)
        self.passwd_action.triggered.connect(self.open_change_password_dialog)
        menu.addAction(self.passwd_action)
        self.verify_pdf_action = QAction(self.tr("PDF &controleren…"), self)
        self.verify_pdf_action.setObjectName("verifyPdfAction")
        self.verify_pdf_action.triggered.connect(lambda _=False: self.open_verify_pdf_dialog())
        menu.addAction(self.verify_pdf_action)
        # The signer's way to the destruction lists (the administrator also has Beheer › Archief).
        self.retention_action = QAction(self.tr("Vernietigings&lijsten…"), self)
        self.retention_action.setObjectName("retentionAction")
        self.retention_action.triggered.connect(lambda _=False: self.open_retention_dialog())
        self.retention_action.setVisible(
            retention_actions(self.session)[RetentionStep.APPROVE].offered
        )
        menu.addAction(self.retention_action)
        menu.addSeparator()
        self.lock_action = QAction(self.tr("&Vergrendelen"), self)
        self.lock_action.setShortcut(QKeySequence(LOCK_SHORTCUT))
        # Any window of the application; behind a modal dialog the idle monitor's event filter
        # catches the key instead (Qt blocks shortcuts there).
        self.lock_action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        self.lock_action.triggered.connect(self.lock_requested)
        menu.addAction(self.lock_action)
        self.sign_out_action = QAction(self.tr("&Afmelden"), self)
        self.sign_out_action.triggered.connect(self.sign_out_requested)
        menu.addAction(self.sign_out_action)
        menu.addSeparator()
        self.quit_action = QAction(self.tr("A&fsluiten"), self)
        self.quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        self.quit_action.triggered.connect(self.close)
        menu.addAction(self.quit_action)

        go = self.menuBar().addMenu(self.tr("&Ga naar"))
        for number, section in enumerate(self.sections, start=1):
            action = QAction(section.title_text, self)
            if number <= 9:
                action.setShortcut(QKeySequence(f"Ctrl+{number}"))
            action.triggered.connect(lambda _=False, row=number - 1: self.nav.setCurrentRow(row))
            go.addAction(action)
            self.addAction(action)

        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        self.guide_action = QAction(self.tr("&Handleiding…"), self)
        self.guide_action.setShortcut(QKeySequence(QKeySequence.StandardKey.HelpContents))
        self.guide_action.triggered.connect(lambda _=False: self.open_guide_dialog())
        help_menu.addAction(self.guide_action)
        self.shortcuts_action = QAction(self.tr("&Sneltoetsen…"), self)
        self.shortcuts_action.triggered.connect(lambda _=False: self.open_shortcuts_dialog())
        help_menu.addAction(self.shortcuts_action)
        help_menu.addSeparator()
        self.about_action = QAction(self.tr("&Over Convenantwerkplek"), self)
        self.about_action.triggered.connect(lambda _=False: self.open_about_dialog())
        help_menu.addAction(self.about_action)

    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        user = self.session.user
        self.user_label = QLabel(self.tr("Gebruiker: %1").replace("%1", user.full_name), self)
        self.user_label.setObjectName("statusUser")
        self.roles_label = QLabel(self.tr("Rol: %1").replace("%1", roles_label(user.roles)), self)
        self.clearance_label = QLabel(
            self.tr("Bevoegd t/m: %1").replace("%1", clearance_label(user.clearance)), self
        )
        self.location_label = QLabel(
            self.tr("Werkplek: %1").replace("%1", location_label(self.session.location)), self
        )
        for label in (self.user_label, self.roles_label, self.clearance_label, self.location_label):
            label.setObjectName(label.objectName() or "statusItem")
            bar.addPermanentWidget(label)
        if self.demo:
            demo = QLabel(self.tr("DEMO"), self)
            demo.setObjectName("statusDemo")
            bar.addWidget(demo)

    # --- help (issue 12) ---------------------------------------------------------------------

    def _show_help(self, dialog: HelpDialog) -> HelpDialog:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        return dialog

    def open_guide_dialog(self) -> HelpDialog:
        """F1: the guide for this person's roles."""
        return self._show_help(guide_dialog(self.session.user.roles, self))

    def open_shortcuts_dialog(self) -> HelpDialog:
        return self._show_help(shortcuts_dialog(self))

    def open_about_dialog(self) -> HelpDialog:
        """'Over': the version and the build."""
        return self._show_help(about_dialog(self))

    # --- navigation -------------------------------------------------------------------------

    def section_keys(self) -> list[str]:
        return [s.key for s in self.sections]

    def section_titles(self) -> list[str]:
        return [self.nav.item(i).text() for i in range(self.nav.count())]

    def current_section(self) -> str | None:
        item = self.nav.currentItem()
        return None if item is None else str(item.data(Qt.ItemDataRole.UserRole))

    def show_section(self, key: str) -> QWidget:
        self.nav.setCurrentRow(self.section_keys().index(key))
        return self.pages[key]

    # --- printed PDFs -----------------------------------------------------------------------

    def open_verify_pdf_dialog(self) -> VerifyPdfDialog:
        """'PDF controleren…': the signature of a printed report and the print register."""
        return open_verify_dialog(self, self.session, runner=self.runner)

    def open_retention_dialog(self) -> RetentionDialog:
        """'Vernietigingslijsten…': the lists to approve, the holds and the periods."""
        dialog = RetentionDialog(self.session, self.runner, self)
        dialog.open()
        return dialog

    # --- password ---------------------------------------------------------------------------

    def open_change_password_dialog(self) -> ChangePasswordDialog:
        dialog = ChangePasswordDialog(self)
        session = self.session

        def work(change: PasswordChange) -> None:
            users.change_password(session, change.current, change.new)

        def done(_: object) -> None:
            from desktop_app.gui.errors import show_info

            show_info(self, self.tr("Uw wachtwoord is gewijzigd."))

        run_on_submit(dialog, self.runner, work, done)
        return dialog

    # --- unsaved work (issue 12) ------------------------------------------------------------

    def _keepers(self) -> list[tuple[str, KeepsDrafts]]:
        pages = [(k, p) for k, p in self.pages.items() if isinstance(p, KeepsDrafts)]
        return [("", self.open_dialogs), *pages]  # "": the dialogs open their own section

    def has_unsaved(self) -> bool:
        return any(getattr(page, "has_unsaved", lambda: False)() for _, page in self._keepers())

    def save_unsaved(self, then: Callable[[], None]) -> None:
        """Save what is unsaved through each page's own save use case, then ``then``. A page
        whose save is refused shows why and stops the chain (sign-out or quit waits)."""
        pending = [
            page
            for _, page in self._keepers()
            if getattr(page, "has_unsaved", lambda: False)()
            and callable(getattr(page, "save_unsaved", None))
        ]

        def next_one() -> None:
            if not pending:
                then()
                return
            page = pending.pop(0)
            page.save_unsaved(next_one)  # type: ignore[attr-defined]

        next_one()

    def unsaved_drafts(self) -> list[Draft]:
        """Every page's unsaved state, for the lock to keep (before the pages are wiped), and
        the drafts no page took that are not kept again yet."""
        found: list[Draft] = list(self._unclaimed)
        for _, page in self._keepers():
            found.extend(page.unsaved_drafts())
        return found

    def restore_drafts(self, kept: list[Draft]) -> None:
        """After sign-in: hand each draft to the page it belongs to; one no page takes is kept
        again (nothing typed is lost), waiting for a later sign-in."""
        left: list[Draft] = []
        for draft in kept:
            for key, page in self._keepers():
                if page.restore_draft(draft):
                    if key:
                        self.show_section(key)
                    break
            else:
                left.append(draft)
        if left:
            session = self.session
            self._unclaimed = left

            def stored(_: object) -> None:
                self._unclaimed = []

            self.runner.run(lambda: drafts.keep_drafts(session, left), stored, owner=self)

    # --- geometry and teardown --------------------------------------------------------------

    def _restore_geometry(self) -> None:
        geometry = self.settings.value(GEOMETRY_KEY)
        saved = None
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
            saved = read_saved_geometry(geometry)
        else:
            self.resize(DEFAULT_SIZE)
        screen = self.screen()
        if screen is None:
            return
        room = screen.availableGeometry().size()
        if saved is not None and saved.filled_smaller_screen(room):
            # It filled the smaller screen it was saved on: it fills this one (and goes back
            # to the usual size, not the old screen's, when no longer maximised).
            self.resize(DEFAULT_SIZE)
            self.setWindowState(self.windowState() | Qt.WindowState.WindowMaximized)
        # Never larger than the screen (a 1024x700 workstation, or geometry saved on a bigger
        # monitor): what does not fit is cut off, buttons included.
        self.resize(min(self.width(), room.width()), min(self.height(), room.height()))

    def save_geometry(self) -> None:
        # Window state only: never anything from the workspace (QSettings is not encrypted).
        self.settings.setValue(GEOMETRY_KEY, self.saveGeometry())
        self.settings.sync()

    def teardown(self) -> None:
        """The lock: wipe every page, then delete the pages and the window itself."""
        if self._tearing_down:
            return
        self._tearing_down = True
        self.save_geometry()
        for page in list(self.pages.values()):
            wipe = getattr(page, "wipe", None)
            if callable(wipe):
                wipe()
            self.stack.removeWidget(page)
            page.hide()
            page.deleteLater()
        self.pages.clear()
        self.nav.clear()
        for label in (self.user_label, self.roles_label, self.clearance_label, self.location_label):
            label.clear()
        self.session = None  # type: ignore[assignment]
        self.hide()
        self.deleteLater()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._tearing_down:
            event.accept()
            return
        event.ignore()
        self.quit_requested.emit()
