"""Overleg: the periodic consultations of the heads (art. 3.2). A list of the recorded ones; for
the chosen one its participants, decisions, action points (marked done one at a time) and the
figures frozen as of the stated moment; recording one in a dialog, and the marked PDF for the
heads. Every service call runs on the TaskRunner; opening one is an audited view."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.consultations import ActionPoint, Consultation
from desktop_app.domain.statistics import DEFINITIONS
from desktop_app.domain.timefmt import shown_prose_date
from desktop_app.gui.actions import show_permission
from desktop_app.gui.consultations.dialogs import AddConsultationDialog, NewConsultation
from desktop_app.gui.dates import shown_date, shown_time
from desktop_app.gui.dialogs import ask_to_confirm, run_on_submit
from desktop_app.gui.filedialogs import save_file_dialog
from desktop_app.gui.pages import (
    SectionPage,
    push_button,
    titled_page_layout,
    wipe_dialog,
    wrapped_label,
)
from desktop_app.gui.requests.labels import figure_text, tr
from desktop_app.gui.statistics.page import FIGURES
from desktop_app.gui.tables import make_read_only
from desktop_app.gui.tasks import TaskRunner
from desktop_app.services import consultations as consultation_service
from desktop_app.services.permissions import Step, action_point_done, user_actions
from desktop_app.services.session import Session

LIST_MIN_WIDTH = 250


def _table(
    parent: QWidget, name: str, headers: list[str], stretch: int | None = None
) -> QTableWidget:
    table = QTableWidget(0, len(headers), parent)
    table.setObjectName(name)
    table.setHorizontalHeaderLabels(headers)
    make_read_only(table)
    header = table.horizontalHeader()
    if stretch is None:
        header.setStretchLastSection(True)
    else:
        # The other columns as wide as their heading and content, also while the table is
        # empty (the default width cut "Streefdatum" to "Streefdatur" at 1024x700).
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(False)
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    return table


def _item(text: str, data: Any = None) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    if data is not None:
        item.setData(Qt.ItemDataRole.UserRole, data)
    return item


class ConsultationsPage(SectionPage):
    def __init__(self, session: Session, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__("consultationsPage", session, runner, parent)
        self.items: list[Consultation] = []
        self.current: Consultation | None = None
        self.last_dialog: AddConsultationDialog | None = None
        actions = user_actions(session)

        layout, top = titled_page_layout(self, self.tr("Periodiek overleg (art. 3.2)"))
        self.add_button = push_button(
            self.tr("Overleg &vastleggen…"), self, self.open_add_dialog, "addConsultationButton"
        )
        show_permission(self.add_button, actions.steps[Step.RECORD_CONSULTATION])
        self.pdf_button = push_button(
            self.tr("Verslag als &PDF…"), self, self.choose_pdf, "consultationPdfButton"
        )
        self.pdf_button.setEnabled(False)
        self.refresh_button = push_button(self.tr("Ver&nieuwen"), self, self.refresh)
        for button in (self.add_button, self.pdf_button, self.refresh_button):
            top.addWidget(button)
        intro = wrapped_label(
            self.tr(
                "De overleggen van de hoofden van AIVD en IND: deelnemers, besluiten en "
                "actiepunten, met de cijfers over de besproken periode zoals ze op het "
                "peilmoment stonden (bewaard, niet opnieuw berekend)."
            ),
            self,
            "subTitle",
        )
        layout.addWidget(intro)

        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.list_table = _table(
            splitter,
            "consultationList",
            [self.tr("Datum"), self.tr("Periode"), self.tr("Open")],
            stretch=1,
        )
        open_header = self.list_table.horizontalHeaderItem(2)
        if open_header is not None:
            open_header.setToolTip(self.tr("Open actiepunten"))
        self.list_table.setAccessibleName(self.tr("Overleggen"))
        # The period wraps onto two lines, so the list takes less width: at 1024x700 a list of
        # 320 pixels left the action points' description a sliver ("Werki…").
        self.list_table.setWordWrap(True)
        self.list_table.verticalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents
        )
        self.list_table.setMinimumWidth(LIST_MIN_WIDTH)
        self.list_table.itemSelectionChanged.connect(self._on_selected)
        detail = QWidget(splitter)
        detail_layout = QVBoxLayout(detail)
        detail_layout.setContentsMargins(8, 0, 0, 0)
        self.title_label = wrapped_label(self.tr("Kies een overleg."), detail, "requestTitle")
        detail_layout.addWidget(self.title_label)
        self.meta_label = wrapped_label("", detail, "", selectable=True)
        detail_layout.addWidget(self.meta_label)
        self.decisions_label = wrapped_label("", detail, "decisionsLabel", selectable=True)
        detail_layout.addWidget(self.decisions_label)
        actions_row = QHBoxLayout()
        actions_caption = QLabel(self.tr("Actiepunten"), detail)
        actions_caption.setObjectName("fieldLabel")
        actions_row.addWidget(actions_caption)
        actions_row.addStretch(1)
        self.done_button = push_button(
            self.tr("Actiepunt &afronden"), detail, self.confirm_done, "actionDoneButton"
        )
        self.done_button.setEnabled(False)
        actions_row.addWidget(self.done_button)
        detail_layout.addLayout(actions_row)
        self.actions_table = _table(
            detail,
            "actionTable",
            [
                self.tr("Nr."),
                self.tr("Actiepunt"),
                self.tr("Eigenaar"),
                self.tr("Streefdatum"),
                self.tr("Afgerond"),
            ],
            stretch=1,
        )
        self.actions_table.setAccessibleName(self.tr("Actiepunten"))
        # The description wraps onto more lines: on one line it shrank to "Werki…" at 1024x700.
        self.actions_table.setWordWrap(True)
        self.actions_table.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.actions_table.verticalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents
        )
        self.actions_table.itemSelectionChanged.connect(self._update_done_button)
        detail_layout.addWidget(self.actions_table, 3)
        figures_caption = QLabel(self.tr("Cijfers (bevroren)"), detail)
        figures_caption.setObjectName("fieldLabel")
        detail_layout.addWidget(figures_caption)
        self.figures_table = _table(detail, "frozenFigures", [self.tr("Cijfer"), self.tr("Aantal")])
        self.figures_table.setAccessibleName(self.tr("Bevroren cijfers"))
        detail_layout.addWidget(self.figures_table, 3)
        splitter.addWidget(self.list_table)
        splitter.addWidget(detail)
        # Room beyond 1024 goes a quarter to the list, so its period is on one line again.
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([LIST_MIN_WIDTH, 640])
        layout.addWidget(splitter, 1)
        self.refresh()

    # --- list ---------------------------------------------------------------------------------

    def refresh(self, select: int | None = None) -> None:
        session = self.session
        keep = select if select is not None else (self.current.id if self.current else None)

        def done(result: tuple[list[Consultation], int]) -> None:
            self.show_list(result[0], keep)

        self.run_latest(lambda: consultation_service.list_consultations(session), done)

    def show_list(self, items: list[Consultation], select: int | None = None) -> None:
        self.items = list(items)
        table = self.list_table
        table.blockSignals(True)
        table.setRowCount(len(items))
        row_to_select = -1
        for row, c in enumerate(items):
            table.setItem(row, 0, _item(shown_date(c.held_on), c.id))
            table.setItem(row, 1, _item(f"{shown_date(c.period_from)} – {shown_date(c.period_to)}"))
            table.setItem(row, 2, _item(str(c.open_actions())))
            if c.id == select:
                row_to_select = row
        table.resizeColumnToContents(0)
        table.resizeColumnToContents(2)
        table.blockSignals(False)
        if row_to_select >= 0:
            table.selectRow(row_to_select)
        elif not items:
            self._clear_detail()

    def _on_selected(self) -> None:
        rows = self.list_table.selectionModel().selectedRows()
        if not rows:
            return
        self.open_consultation(self.items[rows[0].row()].id)

    def open_consultation(self, consultation_id: int) -> None:
        session = self.session
        self.run_latest(
            lambda: consultation_service.show_consultation(session, consultation_id),
            self.show_consultation,
        )

    # --- detail -------------------------------------------------------------------------------

    def show_consultation(self, c: Consultation) -> None:
        self.current = c
        self.title_label.setText(
            self.tr("Overleg van %1 (nr. %2)")
            .replace("%1", shown_date(c.held_on))
            .replace("%2", str(c.id))
        )
        people = "; ".join(
            f"{p.service.label_nl}: {p.name}" + (f" ({p.function})" if p.function else "")
            for p in c.participants
        )
        self.meta_label.setText(
            self.tr("Periode %1 – %2, cijfers stand per %3.\nDeelnemers: %4")
            .replace("%1", shown_date(c.period_from))
            .replace("%2", shown_date(c.period_to))
            .replace("%3", shown_time(c.as_of))
            .replace("%4", people)
        )
        self.decisions_label.setText(
            self.tr("Besluiten: %1").replace("%1", c.decisions)
            if c.decisions
            else self.tr("Besluiten: geen vastgelegd.")
        )
        self._show_actions(c.actions)
        rows = [(key, label) for key, label in FIGURES if key in c.figures]
        self.figures_table.setRowCount(len(rows))
        for row, (key, label) in enumerate(rows):
            caption = _item(tr(label))
            caption.setToolTip(DEFINITIONS.get(key, ""))
            self.figures_table.setItem(row, 0, caption)
            value = _item(figure_text(c.figures.get(key)))
            value.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.figures_table.setItem(row, 1, value)
        self.figures_table.resizeColumnToContents(0)
        self.pdf_button.setEnabled(True)

    def _show_actions(self, actions: tuple[ActionPoint, ...]) -> None:
        table = self.actions_table
        table.setRowCount(len(actions))
        today = self.session.clock.today()
        for row, a in enumerate(actions):
            state = (
                shown_date(a.done_on)
                if a.done_on is not None
                else self.tr("open, te laat")
                if a.is_overdue(today)
                else self.tr("open")
            )
            table.setItem(row, 0, _item(str(a.position), a.id))
            description = _item(a.description)
            description.setToolTip(a.description)
            table.setItem(row, 1, description)
            table.setItem(row, 2, _item(a.owner))
            table.setItem(row, 3, _item(shown_date(a.due)))
            table.setItem(row, 4, _item(state))
        for column in (0, 2, 3, 4):
            table.resizeColumnToContents(column)
        self._update_done_button()

    def selected_action(self) -> ActionPoint | None:
        if self.current is None:
            return None
        rows = self.actions_table.selectionModel().selectedRows()
        if not rows:
            return None
        return self.current.actions[rows[0].row()]

    def _update_done_button(self) -> None:
        action = self.selected_action()
        step = user_actions(self.session).steps[Step.RECORD_CONSULTATION]
        if action is None:
            show_permission(self.done_button, step, ready=False)
            return
        permission = step if not step.allowed else action_point_done(action)
        show_permission(self.done_button, permission)

    def confirm_done(self) -> QMessageBox | None:
        """Done is for good (the service marks an action point done once and has no undo),
        so the button asks first, Annuleren the default."""
        action = self.selected_action()
        if action is None or action.id is None:
            return None
        action_id = action.id
        return ask_to_confirm(
            self,
            self.tr("Actiepunt afronden"),
            self.tr(
                "Actiepunt %1 (%2) afronden per vandaag, %3? Dit kan niet ongedaan worden "
                "gemaakt: de datum van afronden en uw naam blijven vastgelegd."
            )
            .replace("%1", str(action.position))
            .replace("%2", action.description)
            .replace("%3", shown_prose_date(self.session.clock.today())),
            self.tr("&Afronden"),
            "confirmActionDone",
            lambda: self.mark_done(action_id),
        )

    def mark_done(self, action_id: int) -> None:
        session = self.session

        def done(result: tuple[Consultation, ActionPoint]) -> None:
            consultation, _action = result
            self.show_consultation(consultation)
            self.refresh(select=consultation.id)

        self.run_task(lambda: consultation_service.mark_action_done(session, action_id), done)

    def _clear_detail(self) -> None:
        self.current = None
        self.title_label.setText(self.tr("Kies een overleg."))
        self.meta_label.clear()
        self.decisions_label.clear()
        self.actions_table.setRowCount(0)
        self.figures_table.setRowCount(0)
        self.pdf_button.setEnabled(False)
        self.done_button.setEnabled(False)

    # --- record, print ------------------------------------------------------------------------

    def open_add_dialog(self) -> AddConsultationDialog:
        dialog = AddConsultationDialog(self.session.clock.today(), self.session.clock.now(), self)
        session = self.session
        self.last_dialog = dialog

        def work(new: NewConsultation) -> Consultation:
            return consultation_service.record_consultation(
                session,
                held_on=new.held_on,
                period_from=new.period_from,
                period_to=new.period_to,
                participants=new.participants,
                decisions=new.decisions,
                actions=new.actions,
                as_of=new.as_of,
            )

        def done(c: Consultation) -> None:
            self.show_consultation(c)
            self.refresh(select=c.id)

        run_on_submit(dialog, self.runner, work, done)
        return dialog

    def choose_pdf(self) -> QFileDialog | None:
        c = self.current
        if c is None:
            return None
        return save_file_dialog(
            self,
            self.tr("Verslag opslaan als PDF"),
            self.tr("PDF-bestand (*.pdf)"),
            "pdf",
            f"overleg-{c.held_on.isoformat()}-{c.id}.pdf",
            lambda name: self.export_pdf(Path(name)),
        )

    def export_pdf(self, target: Path) -> None:
        c = self.current
        if c is None:
            return
        session = self.session
        cid = c.id

        def done(path: Path) -> None:
            self.meta_label.setText(
                self.meta_label.text()
                + "\n"
                + self.tr("✔ Verslag opgeslagen als %1.").replace("%1", str(path))
            )

        self.run_task(lambda: consultation_service.export_pdf(session, cid, target), done)

    def wipe(self) -> None:
        """Consultation content is cleared at the lock like every page's."""
        self.drop_pending()
        self.items = []
        self.list_table.setRowCount(0)
        self._clear_detail()
        dialog, self.last_dialog = self.last_dialog, None
        wipe_dialog(dialog)
