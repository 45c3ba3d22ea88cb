"""Beheer › Archief: retention periods, destruction lists with their two approvals, legal holds
(Archiefwet). The same page, in a dialog, is the signer's way to approve a list (Werkplek ›
Vernietigingslijsten…). Every step goes through services.retention on the background runner;
which buttons are offered comes from ``retention_actions``."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLineEdit,
    QMessageBox,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.retention import MAX_YEARS, MIN_YEARS, RecordKind, object_label
from desktop_app.domain.timefmt import shown_prose_date
from desktop_app.gui.actions import show_permission
from desktop_app.gui.dates import shown_date, shown_stamp_date
from desktop_app.gui.dialogs import FormDialog, ask_to_confirm, run_on_submit
from desktop_app.gui.drafts import DialogKey, Opened, cannot_reopen
from desktop_app.gui.errors import message_for, show_error
from desktop_app.gui.pages import button_row, push_button, wrapped_label
from desktop_app.gui.tasks import TaskRunner
from desktop_app.services import retention
from desktop_app.services.retention import RetentionStep, list_actions, retention_actions
from desktop_app.services.session import Session


def _table(
    parent: QWidget, name: str, headers: Sequence[str], *, stretch: int | None = None
) -> QTableWidget:
    """A read-only table; ``stretch``: the one column that takes the width left (the others
    as wide as their content), so a table fits the page at 1024 pixels without scrolling."""
    table = QTableWidget(0, len(headers), parent)
    table.setObjectName(name)
    table.setHorizontalHeaderLabels(list(headers))
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setWordWrap(False)
    table.verticalHeader().hide()
    header = table.horizontalHeader()
    if stretch is None:
        header.setStretchLastSection(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    else:
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    return table


def _fill(table: QTableWidget, rows: Sequence[Sequence[str]]) -> None:
    table.setRowCount(len(rows))
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            item = QTableWidgetItem(text)
            item.setToolTip(text)  # a stretched column may elide it
            table.setItem(r, c, item)
    if table.horizontalHeader().stretchLastSection():
        table.resizeColumnsToContents()


def _selected(table: QTableWidget) -> int | None:
    rows = table.selectionModel().selectedRows()
    return rows[0].row() if rows else None


def _day(timestamp: str | None) -> str:
    """The Amsterdam date of a stored moment, '02-12-2026' (not the UTC date of the stamp)."""
    return shown_stamp_date(timestamp)


class SetPeriodDialog(FormDialog):
    draft_name = "retention-period"

    @classmethod
    def reopen(cls, window: Any, key: DialogKey, opened: Opened) -> None:
        _reopen_on_archive(window, opened, lambda page: page.open_period_dialog())

    def __init__(self, current: dict[str, tuple[int, str]], parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Bewaartermijn vaststellen"), self.tr("&Opslaan"), parent)
        self.setObjectName("setPeriodDialog")
        self.current = current
        self.kind_combo = QComboBox(self)
        for kind in RecordKind:
            self.kind_combo.addItem(kind.label_nl, kind.value)
        self.years_spin = QSpinBox(self)
        self.years_spin.setRange(MIN_YEARS, MAX_YEARS)
        self.years_spin.setSuffix(self.tr(" jaar"))
        self.basis_edit = QLineEdit(self)
        self.basis_edit.setPlaceholderText(self.tr("bijvoorbeeld de selectielijst of het besluit"))
        self.add_row(self.tr("&Soort"), self.kind_combo)
        self.add_row(self.tr("&Termijn"), self.years_spin)
        self.add_row(self.tr("&Grondslag"), self.basis_edit)
        self.kind_combo.currentIndexChanged.connect(lambda _i: self._show_current())
        self._show_current()

    def _show_current(self) -> None:
        years, basis = self.current.get(str(self.kind_combo.currentData()), (MIN_YEARS, ""))
        self.years_spin.setValue(years)
        self.basis_edit.setText(basis)

    def value(self) -> tuple[str, int, str]:
        return str(self.kind_combo.currentData()), self.years_spin.value(), self.basis_edit.text()


class HoldDialog(FormDialog):
    draft_name = "retention-hold"

    @classmethod
    def reopen(cls, window: Any, key: DialogKey, opened: Opened) -> None:
        _reopen_on_archive(window, opened, lambda page: page.open_hold_dialog())

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Bewaarplicht vastleggen"), self.tr("&Vastleggen"), parent)
        self.setObjectName("holdDialog")
        self.object_edit = QLineEdit(self)
        self.object_edit.setPlaceholderText("request:12, report:5, provision:3, inspection:2")
        self.reason_edit = QLineEdit(self)
        self.reference_edit = QLineEdit(self)
        self.reference_edit.setPlaceholderText(self.tr("zaaknummer of kenmerk van het besluit"))
        self.add_row(self.tr("&Archiefstuk"), self.object_edit)
        self.add_row(self.tr("&Reden"), self.reason_edit)
        self.add_row(self.tr("&Kenmerk"), self.reference_edit)

    def value(self) -> tuple[str, str, str]:
        return self.object_edit.text(), self.reason_edit.text(), self.reference_edit.text()


class ReleaseDialog(FormDialog):
    draft_name = "retention-release"  # draft_object: the hold's id

    @classmethod
    def reopen(cls, window: Any, key: DialogKey, opened: Opened) -> None:
        def release(page: RetentionPage) -> QDialog | str:
            open_ids = [int(h.id) for h in page.holds if not h.released_at]
            if key.object_id not in open_ids:
                return cannot_reopen(
                    QCoreApplication.translate(
                        "ReleaseDialog", "Deze bewaarplicht is intussen opgeheven."
                    )
                )
            ids = [int(h.id) for h in page.holds]
            page.hold_table.selectRow(ids.index(key.object_id))
            dialog = page.open_release_dialog()
            return dialog if dialog is not None else cannot_reopen("")

        _reopen_on_archive(window, opened, release)

    def __init__(self, hold_id: int, parent: QWidget | None = None) -> None:
        super().__init__(
            self.tr("Bewaarplicht %1 opheffen").replace("%1", str(hold_id)),
            self.tr("&Opheffen"),
            parent,
        )
        self.setObjectName("releaseDialog")
        self.hold_id = hold_id
        self.draft_object = hold_id
        self.reason_edit = QLineEdit(self)
        self.add_row(self.tr("&Reden"), self.reason_edit)

    def value(self) -> tuple[int, str]:
        return self.hold_id, self.reason_edit.text()


_Lists = tuple[list[Any], list[Any], list[Any], list[Any]]


def _fetch(session: Session) -> _Lists:
    """What the page shows: the periods, what is due, the lists and the holds."""
    return (
        retention.periods(session),
        retention.due(session),
        retention.lists(session),
        retention.holds(session),
    )


def _reopen_on_archive(
    window: Any, opened: Opened, open_on: Callable[[RetentionPage], QDialog | str]
) -> None:
    """Beheer › Archief with its lists loaded afresh, then ``open_on(page)`` (a kept dialog)."""
    admin = window.show_section("admin")
    page = admin.retention_page
    admin.tabs.setCurrentWidget(page)
    session = page.session

    def done(result: _Lists) -> None:
        page.show_lists(result)
        opened(open_on(page))

    page.runner.run(
        lambda: _fetch(session),
        done,
        lambda exc: opened(cannot_reopen(message_for(exc))),
        owner=page,
    )


class RetentionPage(QWidget):
    """Three tabs: the lists (what is due, the lists and their approvals), the holds, the
    periods. A signer sees the same page without the administrator's steps."""

    def __init__(self, session: Session, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("retentionPage")
        self.session = session
        self.runner = runner
        self.permissions = retention_actions(session)
        self.periods: list[Any] = []
        self.due: list[Any] = []
        self.lists: list[Any] = []
        self.holds: list[Any] = []
        self.free_count = 0
        self.last_dialog: FormDialog | None = None
        layout = QVBoxLayout(self)
        intro = wrapped_label(
            self.tr(
                "Archiefwet: na de bewaartermijn worden archiefstukken vernietigd, op een lijst "
                "die een functioneel beheerder en een ondertekenaar beiden goedkeuren. Een "
                "bewaarplicht houdt een stuk (en alles wat erbij hoort) buiten elke vernietiging. "
                "Van wat vernietigd is blijft een verklaring: kenmerken, soort, termijn, wie en "
                "wanneer."
            ),
            self,
        )
        layout.addWidget(intro)
        self.result_label = wrapped_label("", self, "hintLabel")
        self.result_label.hide()  # shown with the outcome of a step
        layout.addWidget(self.result_label)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self._lists_tab(), self.tr("Vernietigingsli&jsten"))
        self.tabs.addTab(self._holds_tab(), self.tr("Bewaar&plichten"))
        self.tabs.addTab(self._periods_tab(), self.tr("Bewaart&ermijnen"))
        layout.addWidget(self.tabs, 1)
        self.refresh()

    # -- building ------------------------------------------------------------------------------

    def _lists_tab(self) -> QWidget:
        tab = QWidget(self)
        layout = QVBoxLayout(tab)
        self.due_label = wrapped_label("", tab, "dueLabel")
        layout.addWidget(self.due_label)
        self.draw_up_button = push_button(
            self.tr("Lijst &opstellen"), tab, self.draw_up, "drawUpButton"
        )
        self.approve_button = push_button(
            self.tr("Goedkeu&ren"), tab, self.approve_selected, "approveButton"
        )
        self.destroy_button = push_button(
            self.tr("Ver&nietigen…"), tab, self.confirm_destroy, "destroyButton"
        )
        refresh = push_button(self.tr("Vernieuwen"), tab, self.refresh, "refreshRetention")
        layout.addLayout(
            button_row(self.draw_up_button, self.approve_button, self.destroy_button, refresh)
        )
        self.list_table = _table(
            tab,
            "destructionLists",
            [
                self.tr("Lijst"),
                self.tr("Peildatum"),
                self.tr("Stukken"),
                self.tr("Beheerder"),
                self.tr("Ondertekenaar"),
                self.tr("Vernietigd"),
            ],
            stretch=5,
        )
        self.list_table.itemSelectionChanged.connect(self._on_list_selected)
        layout.addWidget(self.list_table, 1)
        self.item_table = _table(
            tab,
            "destructionItems",
            [
                self.tr("Archiefstuk"),
                self.tr("Kenmerk"),
                self.tr("Soort"),
                self.tr("Termijn vanaf"),
                self.tr("Vernietigbaar per"),
                self.tr("Bewaarplicht"),
            ],
            stretch=2,
        )
        layout.addWidget(self.item_table, 1)
        return tab

    def _holds_tab(self) -> QWidget:
        tab = QWidget(self)
        layout = QVBoxLayout(tab)
        self.hold_button = push_button(
            self.tr("Bewaarplicht &vastleggen…"), tab, self.open_hold_dialog, "holdButton"
        )
        self.release_button = push_button(
            self.tr("Opheffe&n…"), tab, self.open_release_dialog, "releaseButton"
        )
        layout.addLayout(button_row(self.hold_button, self.release_button))
        self.hold_table = _table(
            tab,
            "holdTable",
            [
                self.tr("Nr."),
                self.tr("Archiefstuk"),
                self.tr("Kenmerk"),
                self.tr("Reden"),
                self.tr("Vastgelegd"),
                self.tr("Opgeheven"),
            ],
            stretch=3,
        )
        self.hold_table.itemSelectionChanged.connect(self._show_permissions)
        layout.addWidget(self.hold_table, 1)
        return tab

    def _periods_tab(self) -> QWidget:
        tab = QWidget(self)
        layout = QVBoxLayout(tab)
        self.period_button = push_button(
            self.tr("Termijn &vaststellen…"), tab, self.open_period_dialog, "setPeriodButton"
        )
        layout.addLayout(button_row(self.period_button))
        self.period_table = _table(
            tab,
            "periodTable",
            [
                self.tr("Soort archiefstuk"),
                self.tr("Termijn"),
                self.tr("Loopt vanaf 1 januari na"),
                self.tr("Grondslag"),
                self.tr("Gewijzigd"),
            ],
            stretch=3,
        )
        layout.addWidget(self.period_table, 1)
        return tab

    # -- data ----------------------------------------------------------------------------------

    def refresh(self) -> None:
        session = self.session
        self.runner.run(
            lambda: _fetch(session), self.show_lists, lambda exc: show_error(self, exc), owner=self
        )

    def show_lists(self, result: _Lists) -> None:
        self.periods, self.due, self.lists, self.holds = result
        self._show()

    def _show(self) -> None:
        _fill(
            self.period_table,
            [
                (
                    p.kind.label_nl,
                    self.tr("%1 jaar").replace("%1", str(p.years)),
                    p.kind.starts_nl,
                    p.basis,
                    f"{_day(p.changed_at)} {p.changed_by}",
                )
                for p in self.periods
            ],
        )
        free = [c for c in self.due if not c.held_by and c.on_list is None]
        held = [c for c in self.due if c.held_by]
        self.free_count = len(free)
        if not self.due:
            self.due_label.setText(
                self.tr(
                    "Geen archiefstuk heeft zijn bewaartermijn uitgediend (peildatum %1)."
                ).replace("%1", shown_prose_date(self.session.clock.today()))
            )
        else:
            # Dutch has no catalogue of its own, so the singular is a source of its own.
            if len(self.due) == 1:
                text = self.tr(
                    "Bewaartermijn verstreken: 1 archiefstuk, waarvan %2 vrij voor een nieuwe "
                    "lijst en %3 onder bewaarplicht."
                )
            else:
                text = self.tr(
                    "Bewaartermijn verstreken: %n archiefstukken, waarvan %2 vrij voor een "
                    "nieuwe lijst en %3 onder bewaarplicht.",
                    "",
                    len(self.due),
                )
            self.due_label.setText(text.replace("%2", str(len(free))).replace("%3", str(len(held))))
        _fill(
            self.list_table,
            [
                (
                    str(d.id),
                    shown_date(d.as_of),
                    str(len(d.items)),
                    d.admin_approved_by or "—",
                    d.signer_approved_by or "—",
                    f"{_day(d.destroyed_at)} {d.destroyed_by or ''}".strip() or "—",
                )
                for d in self.lists
            ],
        )
        _fill(
            self.hold_table,
            [
                (
                    str(h.id),
                    object_label(h.object),
                    h.reference,
                    h.reason,
                    f"{_day(h.placed_at)} {h.placed_by}",
                    f"{_day(h.released_at)} {h.released_by}" if h.released_at else "—",
                )
                for h in self.holds
            ],
        )
        self._on_list_selected()

    def selected_list(self) -> Any | None:
        row = _selected(self.list_table)
        return None if row is None or row >= len(self.lists) else self.lists[row]

    def selected_hold(self) -> Any | None:
        row = _selected(self.hold_table)
        return None if row is None or row >= len(self.holds) else self.holds[row]

    def _on_list_selected(self) -> None:
        chosen = self.selected_list()
        items = [] if chosen is None else chosen.items
        # A hold placed after the list was drawn up blocks it: say so beside the record.
        held = {c.object: c.held_by for c in self.due}
        _fill(
            self.item_table,
            [
                (
                    object_label(i.object),
                    i.reference,
                    i.kind.label_nl,
                    shown_date(i.starts_on),
                    shown_date(i.due_on),
                    ", ".join(f"nr. {h}" for h in held.get(i.object, ())) or "—",
                )
                for i in items
            ],
        )
        self._show_permissions()

    def _show_permissions(self) -> None:
        chosen = self.selected_list()
        # A chosen list's own state (approved already, by whom) decides; the use case checks too.
        p = self.permissions if chosen is None else list_actions(self.session, chosen)
        open_list = chosen is not None
        hold = self.selected_hold()
        pick = self.tr("Kies eerst een lijst.")
        show_permission(
            self.draw_up_button,
            p[RetentionStep.DRAW_UP],
            ready=self.free_count > 0,
            hint=self.tr("Er is niets dat op een nieuwe lijst kan."),
        )
        show_permission(self.approve_button, p[RetentionStep.APPROVE], ready=open_list, hint=pick)
        show_permission(self.destroy_button, p[RetentionStep.DESTROY], ready=open_list, hint=pick)
        show_permission(self.hold_button, p[RetentionStep.HOLD])
        show_permission(
            self.release_button,
            p[RetentionStep.RELEASE],
            ready=hold is not None and hold.active,
            hint=self.tr("Kies een bewaarplicht die nog geldt."),
        )
        show_permission(self.period_button, p[RetentionStep.SET_PERIOD])

    # -- steps ---------------------------------------------------------------------------------

    def _run(self, work: Callable[[], Any], message: Callable[[Any], str]) -> None:
        def done(result: Any) -> None:
            self.say(message(result))
            self.refresh()

        self.runner.run(work, done, lambda exc: show_error(self, exc), owner=self)

    def say(self, text: str) -> None:
        self.result_label.setText("✔ " + text)
        self.result_label.show()

    def draw_up(self) -> None:
        session = self.session
        self._run(
            lambda: retention.draw_up_list(session),
            lambda d: (
                self.tr("Vernietigingslijst %1 is opgesteld (1 stuk).")
                if len(d.items) == 1
                else self.tr("Vernietigingslijst %1 is opgesteld (%n stukken).", "", len(d.items))
            ).replace("%1", str(d.id)),
        )

    def approve_selected(self) -> None:
        chosen = self.selected_list()
        if chosen is None:
            return
        session, list_id = self.session, chosen.id
        self._run(
            lambda: retention.approve(session, list_id),
            lambda d: self.tr("U hebt vernietigingslijst %1 goedgekeurd.").replace("%1", str(d.id)),
        )

    def confirm_destroy(self) -> QMessageBox | None:
        chosen = self.selected_list()
        if chosen is None:
            return None
        list_id = chosen.id
        return ask_to_confirm(
            self,
            self.tr("Vernietigen"),
            self.tr(
                "De %1 archiefstukken van lijst %2 en alles wat erbij hoort definitief "
                "vernietigen? Dit kan niet ongedaan worden gemaakt; alleen de verklaring van "
                "vernietiging blijft. Afgedrukte exemplaren moeten apart worden vernietigd."
            )
            .replace("%1", str(len(chosen.items)))
            .replace("%2", str(chosen.id)),
            self.tr("&Vernietigen"),
            "confirmDestroy",
            lambda: self.destroy_list(list_id),
            icon=QMessageBox.Icon.Warning,
        )

    def destroy_list(self, list_id: int) -> None:
        session = self.session
        self._run(
            lambda: retention.destroy(session, list_id),
            lambda d: (
                self.tr("Lijst %1 is uitgevoerd: %2 archiefstukken vernietigd.")
                .replace("%1", str(d.list.id))
                .replace("%2", str(len(d.records)))
            ),
        )

    def open_hold_dialog(self) -> HoldDialog:
        dialog = HoldDialog(self)
        session = self.session

        def done(hold: Any) -> None:
            self.say(self.tr("Bewaarplicht %1 is vastgelegd.").replace("%1", str(hold.id)))
            self.refresh()

        run_on_submit(
            dialog,
            self.runner,
            lambda v: retention.place_hold(session, v[0], v[1], v[2]),
            done,
        )
        self.last_dialog = dialog
        return dialog

    def open_release_dialog(self) -> ReleaseDialog | None:
        hold = self.selected_hold()
        if hold is None:
            return None
        dialog = ReleaseDialog(hold.id, self)
        session = self.session

        def done(result: Any) -> None:
            self.say(self.tr("Bewaarplicht %1 is opgeheven.").replace("%1", str(result.id)))
            self.refresh()

        run_on_submit(
            dialog, self.runner, lambda v: retention.release_hold(session, v[0], v[1]), done
        )
        self.last_dialog = dialog
        return dialog

    def open_period_dialog(self) -> SetPeriodDialog:
        current = {p.kind.value: (p.years, p.basis) for p in self.periods}
        dialog = SetPeriodDialog(current, self)
        session = self.session

        def done(period: Any) -> None:
            self.say(
                self.tr("De bewaartermijn voor %1 is %2 jaar.")
                .replace("%1", period.kind.label_nl)
                .replace("%2", str(period.years))
            )
            self.refresh()

        run_on_submit(
            dialog,
            self.runner,
            lambda v: retention.set_period(session, v[0], v[1], v[2]),
            done,
        )
        self.last_dialog = dialog
        return dialog

    def wipe(self) -> None:
        for table in (self.period_table, self.list_table, self.item_table, self.hold_table):
            table.setRowCount(0)
        self.periods, self.due, self.lists, self.holds = [], [], [], []
        self.result_label.clear()
        self.result_label.hide()
        self.due_label.clear()


class RetentionDialog(QDialog):
    """The page in a window of its own: how a signer reaches the lists to approve them."""

    def __init__(self, session: Session, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("retentionDialog")
        self.setWindowTitle(self.tr("Vernietigingslijsten"))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.resize(900, 560)
        layout = QVBoxLayout(self)
        self.page = RetentionPage(session, runner, self)
        layout.addWidget(self.page, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close = buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setText(self.tr("Sl&uiten"))
        close.setIcon(QIcon())  # some styles add stock icons; the word is enough
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
