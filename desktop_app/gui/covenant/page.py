"""Convenant: the register of the covenant (art. 5) with its amendments (art. 4.1), its
termination (art. 4.2), the non-public annex and the implementation plans (art. 3.3).

Everything shown comes from ``services.covenant`` on the background runner; which buttons are
offered and allowed comes from the views' ``Permission``s (the administrator gets the public
facts and no step). Reading the annex or a plan's text is a use case of its own (audited); the
page keeps such text only while it is shown and drops it at the lock (``wipe``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QScrollArea,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.actions import Permission
from desktop_app.domain.classification import (
    Classification,
    ClassificationDuration,
    marking_lines,
)
from desktop_app.domain.covenant import Party, party_of
from desktop_app.domain.implementation_plans import PlanStatus, PlanStep
from desktop_app.domain.messages import translate
from desktop_app.domain.timefmt import shown_prose_date
from desktop_app.gui.actions import show_permission
from desktop_app.gui.covenant.dialogs import (
    AmendmentDialog,
    AnnexDialog,
    ApproveDialog,
    DecisionDialog,
    NewAmendment,
    NewAnnex,
    NewApproval,
    NewDecision,
    NewPlan,
    PlanDialog,
    ReviseDialog,
    TerminationDialog,
    TextViewer,
    WithdrawDialog,
)
from desktop_app.gui.covenant.labels import (
    amendment_status_label,
    decision_label,
    head_label,
    party_label,
    plan_status_label,
)
from desktop_app.gui.dates import shown_date
from desktop_app.gui.dialogs import FormDialog, run_on_submit
from desktop_app.gui.errors import message_for
from desktop_app.gui.i18n import QT_TRANSLATE_NOOP
from desktop_app.gui.labels import clearance_label
from desktop_app.gui.models import IdentifiedTableModel
from desktop_app.gui.pages import (
    SectionPage,
    keep_focus_in_view,
    push_button,
    titled_page_layout,
    wrapped_label,
)
from desktop_app.gui.tables import make_table, table_height
from desktop_app.gui.tasks import TaskRunner
from desktop_app.services import covenant as svc
from desktop_app.services.session import Session

_Step = svc.CovenantStep
# Each list shows at least three rows, as the other work lists do (QA at 1024x700: one or two).
LIST_ROWS_AT_LEAST = 3


class AmendmentTableModel(IdentifiedTableModel[svc.AmendmentView]):
    CONTEXT = "AmendmentTableModel"
    COL_ID, COL_BY, COL_ON, COL_STATUS, COL_EFFECTIVE = range(5)
    HEADERS = (
        QT_TRANSLATE_NOOP("AmendmentTableModel", "Nr."),
        QT_TRANSLATE_NOOP("AmendmentTableModel", "Verzocht door"),
        QT_TRANSLATE_NOOP("AmendmentTableModel", "Datum verzoek"),
        QT_TRANSLATE_NOOP("AmendmentTableModel", "Status"),
        QT_TRANSLATE_NOOP("AmendmentTableModel", "In werking per"),
    )

    def cells(self, record: svc.AmendmentView) -> tuple[str, ...]:
        return (
            str(record.id),
            party_label(record.party),
            shown_date(record.requested_on),
            amendment_status_label(record.status),
            shown_date(record.effective_on),
        )


class PlanTableModel(IdentifiedTableModel[svc.PlanSummary]):
    CONTEXT = "PlanTableModel"
    COL_ID, COL_SUBJECT, COL_LEVEL, COL_VERSION, COL_STATUS = range(5)
    HEADERS = (
        QT_TRANSLATE_NOOP("PlanTableModel", "Nr."),
        QT_TRANSLATE_NOOP("PlanTableModel", "Onderwerp"),
        QT_TRANSLATE_NOOP("PlanTableModel", "Rubricering"),
        QT_TRANSLATE_NOOP("PlanTableModel", "Versie"),
        QT_TRANSLATE_NOOP("PlanTableModel", "Status"),
    )

    def cells(self, record: svc.PlanSummary) -> tuple[str, ...]:
        return (
            str(record.id),
            QCoreApplication.translate("PlanTableModel", "(niet zichtbaar voor u)")
            if record.subject is None
            else record.subject,
            clearance_label(record.classification),
            str(record.version),
            plan_status_label(record.status),
        )


def _marking(level: Classification, duration: ClassificationDuration | None) -> str:
    """The marking as printed (the level, and how long it holds): domain.classification."""
    first, second = marking_lines(level, duration)
    return first if second is None else f"{first} ({second[:1].lower()}{second[1:]})"


class _CurrentRowInSight(QObject):
    """Keeps a table's chosen row in sight when its viewport shrinks: at 1024x700 the lists
    are a row or two tall, and the detail filling in under them pushed the chosen row (the
    plan or amendment just recorded) out of sight."""

    def __init__(self, table: QAbstractItemView) -> None:
        super().__init__(table)
        self.table = table
        table.viewport().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            current = self.table.currentIndex()
            if current.isValid():
                self.table.scrollTo(current)
        return False


def _list_splitter(tab: QWidget, table: QTableView) -> QSplitter:
    """A vertical splitter with ``table`` on top, kept at ``LIST_ROWS_AT_LEAST`` rows; the
    detail added under it takes what a taller window adds."""
    splitter = QSplitter(Qt.Orientation.Vertical, tab)
    splitter.setChildrenCollapsible(False)
    splitter.addWidget(table)
    table.setMinimumHeight(table_height(table, LIST_ROWS_AT_LEAST))
    splitter.setStretchFactor(0, 1)
    splitter.setStretchFactor(1, 2)
    return splitter


class CovenantPage(SectionPage):
    def __init__(self, session: Session, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__("covenantPage", session, runner, parent)
        self.party: Party | None = party_of(session.user.roles)
        self.view: svc.CovenantView | None = None
        self.plan: svc.PlanView | None = None
        self.open_dialogs: list[QWidget] = []

        layout, top = titled_page_layout(self, self.tr("Convenantregister"))
        self.amend_button = push_button(
            self.tr("Wijziging &verzoeken…"), self, self.open_amendment_dialog, "amendButton"
        )
        self.terminate_button = push_button(
            self.tr("&Opzegging vastleggen…"), self, self.open_termination_dialog, "terminateButton"
        )
        self.refresh_button = push_button(self.tr("Ver&nieuwen"), self, self.refresh)
        for button in (self.amend_button, self.terminate_button, self.refresh_button):
            top.addWidget(button)

        self.facts_box = QGroupBox(self)
        facts = QFormLayout(self.facts_box)
        facts.setHorizontalSpacing(14)
        self.title_label = wrapped_label("", self.facts_box, "covenantTitle")
        self.signed_label = wrapped_label("", self.facts_box, "signedLabel")
        self.in_force_label = wrapped_label("", self.facts_box, "inForceLabel")
        self.replaces_label = wrapped_label("", self.facts_box, "replacesLabel")
        self.status_label = wrapped_label("", self.facts_box, "statusLabel")
        self.status_label.setStyleSheet("font-weight: 600;")
        facts.addRow(self.tr("Titel"), self.title_label)
        facts.addRow(self.tr("Ondertekend"), self.signed_label)
        facts.addRow(self.tr("In werking"), self.in_force_label)
        facts.addRow(self.tr("Vervangt"), self.replaces_label)
        facts.addRow(self.tr("Status"), self.status_label)
        # The sentence and its buttons in a widget of their own: as a bare layout in the form
        # row they kept the height of one line and cut the wrapped sentence at 1024x700.
        annex_field = QWidget(self.facts_box)
        annex_row = QHBoxLayout(annex_field)
        annex_row.setContentsMargins(0, 0, 0, 0)
        self.annex_label = wrapped_label("", self.facts_box, "annexLabel")
        self.annex_show_button = push_button(
            self.tr("Bijlage &inzien"), self.facts_box, self.show_annex, "annexShowButton"
        )
        self.annex_set_button = push_button(
            self.tr("Bijlage vast&leggen…"),
            self.facts_box,
            self.open_annex_dialog,
            "annexSetButton",
        )
        annex_row.addWidget(self.annex_label, 1)
        annex_row.addWidget(self.annex_show_button)
        annex_row.addWidget(self.annex_set_button)
        facts.addRow(self.tr("Niet-openbare bijlage"), annex_field)
        layout.addWidget(self.facts_box)

        self.tabs = QTabWidget(self)
        layout.addWidget(self.tabs, 1)
        self._build_amendments_tab()
        self._build_plans_tab()
        self._show_plan(None)
        self.refresh()

    # --- building ------------------------------------------------------------------------

    def _build_amendments_tab(self) -> None:
        tab = QWidget(self.tabs)
        box = QVBoxLayout(tab)
        self.amendment_model = AmendmentTableModel(tab)
        self.amendment_table = make_table(
            self.amendment_model, tab, "amendmentTable", AmendmentTableModel.COL_STATUS
        )
        self.amendment_table.selectionModel().selectionChanged.connect(
            lambda *_: self._show_amendment()
        )
        _CurrentRowInSight(self.amendment_table)
        self.amendment_detail = QPlainTextEdit(tab)
        self.amendment_detail.setObjectName("amendmentDetail")
        self.amendment_detail.setReadOnly(True)
        self.amendment_detail.setAccessibleName(self.tr("De wijziging"))
        row = QHBoxLayout()
        row.addStretch(1)
        self.decide_button = push_button(
            self.tr("&Besluit vastleggen…"), tab, self.open_decision_dialog, "decideButton"
        )
        row.addWidget(self.decide_button)
        splitter = _list_splitter(tab, self.amendment_table)
        splitter.addWidget(self.amendment_detail)
        box.addWidget(splitter, 1)
        box.addLayout(row)
        self.tabs.addTab(tab, self.tr("Wij&zigingen"))

    def _build_plans_tab(self) -> None:
        tab = QWidget(self.tabs)
        box = QVBoxLayout(tab)
        self.plan_model = PlanTableModel(tab)
        self.plan_table = make_table(self.plan_model, tab, "planTable", PlanTableModel.COL_SUBJECT)
        self.plan_table.selectionModel().selectionChanged.connect(lambda *_: self._load_plan())
        _CurrentRowInSight(self.plan_table)
        detail = QWidget(tab)
        dbox = QVBoxLayout(detail)
        dbox.setContentsMargins(0, 0, 0, 0)
        head = QHBoxLayout()
        self.plan_heading = wrapped_label("", detail, "planHeading")
        self.version_caption = version_caption = QLabel(self.tr("V&ersie"), detail)
        self.version_combo = QComboBox(detail)
        self.version_combo.setObjectName("versionCombo")
        version_caption.setBuddy(self.version_combo)
        self.version_combo.activated.connect(lambda _i: self._on_version_chosen())
        head.addWidget(self.plan_heading, 1)
        head.addWidget(version_caption)
        head.addWidget(self.version_combo)
        dbox.addLayout(head)
        self.approvals_label = wrapped_label("", detail, "approvalsLabel")
        dbox.addWidget(self.approvals_label)
        self.reset_label = wrapped_label("", detail, "resetLabel")
        self.reset_label.setStyleSheet("color: #8a5300;")
        dbox.addWidget(self.reset_label)
        self.plan_text = QPlainTextEdit(detail)
        self.plan_text.setObjectName("planText")
        self.plan_text.setReadOnly(True)
        self.plan_text.setAccessibleName(self.tr("Tekst van het uitvoeringsplan"))
        self.plan_text.setMinimumHeight(4 * self.plan_text.fontMetrics().lineSpacing() + 12)
        dbox.addWidget(self.plan_text, 1)
        splitter = _list_splitter(tab, self.plan_table)
        # The plan's lines and text scroll under the list's three rows at 1024x700 rather than
        # being drawn over by it.
        area = QScrollArea(splitter)
        area.setObjectName("planDetailArea")
        area.setWidgetResizable(True)
        area.setFrameShape(QFrame.Shape.NoFrame)
        area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        area.setWidget(detail)
        keep_focus_in_view(area)
        splitter.addWidget(area)
        box.addWidget(splitter, 1)
        row = QHBoxLayout()
        self.add_plan_button = push_button(
            self.tr("Plan op&stellen…"), tab, self.open_plan_dialog, "addPlanButton"
        )
        row.addWidget(self.add_plan_button)
        row.addStretch(1)
        self.revise_button = push_button(
            self.tr("He&rzien…"), tab, self.open_revise_dialog, "reviseButton"
        )
        self.approve_button = push_button(
            self.tr("Goed&keuren…"), tab, self.open_approve_dialog, "approveButton"
        )
        self.withdraw_button = push_button(
            self.tr("In&trekken…"), tab, self.open_withdraw_dialog, "withdrawButton"
        )
        for button in (self.revise_button, self.approve_button, self.withdraw_button):
            row.addWidget(button)
        box.addLayout(row)
        self.tabs.addTab(tab, self.tr("Uitvoerings&plannen"))

    # --- loading ---------------------------------------------------------------------------

    def refresh(
        self, select_plan: int | None = None, *, select_amendment: int | None = None
    ) -> None:
        session = self.session

        def done(view: svc.CovenantView) -> None:
            self.show_view(view, select_plan, select_amendment=select_amendment)

        self.run_latest(lambda: svc.show_covenant(session), done)

    def show_view(
        self,
        view: svc.CovenantView,
        select_plan: int | None = None,
        *,
        select_amendment: int | None = None,
    ) -> None:
        self.view = view
        self.facts_box.setTitle(self.tr("Convenant %1").replace("%1", view.reference))
        self.title_label.setText(view.title)
        self.signed_label.setText(
            self.tr("%1 door de %2 (%3) en %4 door de %5 (%6), te %7")
            .replace("%1", shown_prose_date(view.signed[Party.AIVD]))
            .replace("%2", head_label(Party.AIVD))
            .replace("%3", view.signatories[Party.AIVD].split(",")[0])
            .replace("%4", shown_prose_date(view.signed[Party.IND]))
            .replace("%5", head_label(Party.IND))
            .replace("%6", view.signatories[Party.IND].split(",")[0])
            .replace("%7", view.place)
        )
        self.in_force_label.setText(
            self.tr("met ingang van %1 (de dag nadat beide partijen ondertekenden)").replace(
                "%1", shown_prose_date(view.in_force_from)
            )
        )
        self.replaces_label.setText(view.replaces)
        status = translate(view.status_text)
        if view.termination is not None:
            t = view.termination
            status += (
                self.tr(" — opgezegd door de %1 bij brief van %2")
                .replace("%1", party_label(t.party))
                .replace("%2", shown_prose_date(t.notice_on))
            )
        self.status_label.setText(status)
        if view.annex is not None:
            self.annex_label.setText(
                self.tr("versie %1, %2, vastgelegd door %3")
                .replace("%1", str(view.annex.version))
                .replace("%2", _marking(view.annex.classification, view.annex.duration))
                .replace("%3", view.person(view.annex.recorded_by))
            )
        elif view.annex_recorded:
            self.annex_label.setText(self.tr("vastgelegd (alleen voor wie daartoe bevoegd is)"))
        else:
            self.annex_label.setText(self.tr("nog niet vastgelegd"))
        show_permission(self.amend_button, view.steps[_Step.REQUEST_AMENDMENT])
        show_permission(self.terminate_button, view.steps[_Step.TERMINATE])
        show_permission(self.annex_show_button, view.steps[_Step.VIEW_ANNEX])
        show_permission(self.annex_set_button, view.steps[_Step.SET_ANNEX])
        show_permission(self.add_plan_button, view.steps[_Step.ADD_PLAN])
        # The amendment in view stays in view (with the outcome of a step just taken).
        chosen = self._selected_amendment()
        keep = select_amendment
        if keep is None and chosen is not None:
            keep = int(chosen.id)
        self.amendment_model.set_rows(view.amendments)
        amendment_row = None if keep is None else self.amendment_model.row_of(int(keep))
        if amendment_row is not None:
            self.amendment_table.selectRow(amendment_row)
        self._show_amendment()
        current = select_plan if select_plan is not None else self._selected_plan_id()
        self.plan_model.set_rows(view.plans)
        row = None if current is None else self.plan_model.row_of(current)
        if row is not None:
            self.plan_table.selectRow(row)
        else:
            self._show_plan(None)

    def _selected_amendment(self) -> svc.AmendmentView | None:
        return self.amendment_model.selected_in(self.amendment_table)

    def _selected_plan_id(self) -> int | None:
        record = self.plan_model.selected_in(self.plan_table)
        return None if record is None else record.id

    def _show_amendment(self) -> None:
        a = self._selected_amendment()
        if a is None:
            self.amendment_detail.setPlainText(
                self.tr("Kies een wijziging om het verzoek en de besluiten te zien.")
                if self.amendment_model.rowCount()
                else self.tr("Er is nog geen wijziging van het convenant verzocht.")
            )
            show_permission(
                self.decide_button,
                Permission(False, self.tr("Kies eerst een wijziging."), self.party is not None),
            )
            return
        lines = [
            self.tr("Wijziging %1, verzocht door de %2 op %3: %4")
            .replace("%1", str(a.id))
            .replace("%2", party_label(a.party))
            .replace("%3", shown_prose_date(a.requested_on))
            .replace("%4", translate(a.status_text)),
            "",
            a.proposed_change
            if a.proposed_change is not None
            else self.tr("(De tekst van het verzoek is niet zichtbaar voor u.)"),
            "",
        ]
        if a.proposed_effective is not None:
            lines.append(
                self.tr("Voorgestelde datum van inwerkingtreding: %1").replace(
                    "%1", shown_prose_date(a.proposed_effective)
                )
            )
        for d in a.decisions:
            lines.append(
                self.tr("%1: %2 op %3 (besluit %4; vastgelegd door %5)")
                .replace("%1", head_label(d.party))
                .replace("%2", decision_label(d.decision))
                .replace("%3", shown_prose_date(d.decided_on))
                .replace("%4", d.decision_ref)
                .replace("%5", self.view.person(d.recorded_by) if self.view else d.recorded_by)
            )
        missing = [p for p in Party if p not in {d.party for d in a.decisions}]
        for p in missing:
            lines.append(self.tr("%1: nog geen besluit").replace("%1", head_label(p)))
        self.amendment_detail.setPlainText("\n".join(lines))
        show_permission(self.decide_button, a.decide)

    def _load_plan(self, version: int | None = None) -> None:
        plan_id = self._selected_plan_id()
        if plan_id is None:
            self._show_plan(None)
            return
        record = self.plan_model.selected_in(self.plan_table)
        if record is not None and record.subject is None:
            self._show_plan(None, withheld=True)
            return
        session = self.session
        self.run_latest(lambda: svc.get_plan(session, plan_id, version), self._show_plan)

    def _show_plan(self, view: svc.PlanView | None, *, withheld: bool = False) -> None:
        self.plan = view
        for widget in (self.plan_text, self.version_combo, self.version_caption):
            widget.setVisible(view is not None)
        none = Permission(False, self.tr("Kies eerst een uitvoeringsplan."), self.party is not None)
        if view is None:
            self.plan_heading.setText(
                self.tr("Dit uitvoeringsplan is niet zichtbaar voor u (rubricering of rol).")
                if withheld
                else self.tr("Kies een uitvoeringsplan.")
            )
            self.approvals_label.clear()
            self.reset_label.hide()
            self.plan_text.clear()
            self.version_combo.clear()
            self.version_combo.setEnabled(False)
            for button in (self.revise_button, self.approve_button, self.withdraw_button):
                show_permission(button, none)
            return
        p = view.plan
        self.plan_heading.setText(
            self.tr("Plan %1: %2 — %3, %4")
            .replace("%1", str(p.id))
            .replace("%2", p.subject or "")
            .replace("%3", _marking(p.classification, p.duration))
            .replace("%4", plan_status_label(p.status))
        )
        self.version_combo.clear()
        for v in view.versions:
            self.version_combo.addItem(str(v.version), v.version)
        self.version_combo.setCurrentIndex(self.version_combo.findData(view.shown_version))
        self.version_combo.setEnabled(len(view.versions) > 1)
        approvals = [
            self.tr("goedgekeurd door de %1 op %2 (%3)")
            .replace("%1", head_label(a.party))
            .replace("%2", shown_prose_date(a.approved_on))
            .replace("%3", a.decision_ref)
            for a in view.all_approvals
            if a.version == p.version
        ]
        text = (
            self.tr("Versie %1: ").replace("%1", str(p.version)) + "; ".join(approvals)
            if approvals
            else self.tr("Versie %1: nog door geen van beide hoofden goedgekeurd.").replace(
                "%1", str(p.version)
            )
        )
        earlier = [a for a in view.all_approvals if a.version < p.version]
        if earlier and p.status is not PlanStatus.WITHDRAWN:
            text += "\n" + self.tr(
                "Goedkeuringen van eerdere versies tellen niet meer: elke nieuwe versie vraagt "
                "de goedkeuring van beide hoofden."
            )
        if view.withdrawal_reason:
            text += "\n" + self.tr("Ingetrokken door %1: %2").replace(
                "%1", view.person(view.withdrawn_by) if view.withdrawn_by else ""
            ).replace("%2", view.withdrawal_reason)
        self.approvals_label.setText(text)
        self.reset_label.setVisible(view.approvals_reset > 0)
        self.reset_label.setText(
            self.tr(
                "De nieuwe versie is vastgelegd; de goedkeuring van de vorige versie is "
                "vervallen. Beide hoofden keuren deze versie opnieuw goed."
            )
        )
        self.plan_text.setPlainText(view.text)
        latest = view.shown_version == p.version
        for button, step in (
            (self.revise_button, PlanStep.REVISE),
            (self.approve_button, PlanStep.APPROVE),
            (self.withdraw_button, PlanStep.WITHDRAW),
        ):
            permission = view.steps[step]
            if permission.allowed and not latest:
                permission = Permission(
                    False, self.tr("U bekijkt een eerdere versie; die is alleen te lezen."), True
                )
            show_permission(button, permission)

    def _on_version_chosen(self) -> None:
        version = self.version_combo.currentData()
        if version is not None:
            self._load_plan(int(version))

    # --- steps -----------------------------------------------------------------------------

    def _open(
        self, dialog: FormDialog, work: Callable[[Any], Any], done: Callable[[Any], None]
    ) -> None:
        self.open_dialogs.append(dialog)
        run_on_submit(dialog, self.runner, work, done)

    def open_amendment_dialog(self) -> AmendmentDialog:
        dialog = AmendmentDialog(self.session.clock.today(), self.party, self)
        session = self.session

        def work(new: NewAmendment) -> svc.AmendmentView:
            return svc.request_amendment(
                session, change=new.change, requested_on=new.requested_on, effective=new.effective
            )

        self._open(dialog, work, lambda v: self.refresh(select_amendment=int(v.id)))
        return dialog

    def open_decision_dialog(self) -> DecisionDialog | None:
        a = self._selected_amendment()
        if a is None:
            return None
        dialog = DecisionDialog(a.id, self.session.clock.today(), self.party, self)
        session = self.session

        def work(new: NewDecision) -> svc.AmendmentView:
            return svc.decide_amendment(
                session,
                a.id,
                decision_ref=new.decision_ref,
                decided_on=new.decided_on,
                refuse=new.refuse,
            )

        self._open(dialog, work, lambda v: self.refresh(select_amendment=int(v.id)))
        return dialog

    def open_termination_dialog(self) -> TerminationDialog:
        dialog = TerminationDialog(self.session.clock.today(), self.party, self)
        session = self.session
        self._open(
            dialog,
            lambda day: svc.terminate(session, notice_on=day),
            lambda view: self.show_view(view),
        )
        return dialog

    def open_annex_dialog(self) -> AnnexDialog:
        annex = self.view.annex if self.view is not None else None
        dialog = AnnexDialog(
            self.session.user.clearance,
            self.session.clock.today(),
            self,
            current=None if annex is None else annex.classification,
            current_duration=None if annex is None else annex.duration,
        )
        session = self.session

        def work(new: NewAnnex) -> svc.AnnexSummary:
            return svc.annex_set(
                session,
                text=new.text,
                classification=new.classification,
                classified_until=new.until,
                classified_event=new.event,
            )

        self._open(dialog, work, lambda _v: self.refresh())
        if annex is not None and self.view is not None:
            self._start_from_current(dialog, self.view.steps[_Step.VIEW_ANNEX].allowed)
        return dialog

    def _start_from_current(self, dialog: AnnexDialog, readable: bool) -> None:
        """A new version starts from the text on record, to be edited rather than typed
        again (QA), when this person may read it (reading it is audited, as 'Bijlage
        inzien' is). What was typed or restored from a draft in the meantime is kept."""
        if not readable:
            return
        edit = dialog.text_edit
        edit.setPlaceholderText(self.tr("De huidige tekst wordt geladen…"))
        edit.setReadOnly(True)  # nothing typed now could be overwritten by the text on record
        session = self.session

        def loaded(content: svc.AnnexContent) -> None:
            edit.setReadOnly(False)
            edit.setPlaceholderText("")
            if not edit.toPlainText():
                edit.setPlainText(content.text)
                dialog.draft_baseline(edit)  # the text on record is no change of the person's
            edit.setFocus()

        def failed(exc: BaseException) -> None:
            edit.setReadOnly(False)
            edit.setPlaceholderText("")
            dialog.show_error(message_for(exc))

        self.runner.run(lambda: svc.annex_show(session), loaded, failed, owner=dialog)

    def show_annex(self) -> None:
        session = self.session

        def done(content: svc.AnnexContent) -> None:
            viewer = TextViewer(
                self.tr("Niet-openbare bijlage, versie %1").replace(
                    "%1", str(content.summary.version)
                ),
                _marking(content.summary.classification, content.summary.duration),
                content.text,
                self,
            )
            self.open_dialogs.append(viewer)
            viewer.open()

        self.run_task(lambda: svc.annex_show(session), done)

    def open_plan_dialog(self) -> PlanDialog:
        dialog = PlanDialog(self.session.user.clearance, self.session.clock.today(), self)
        session = self.session

        def work(new: NewPlan) -> svc.PlanView:
            return svc.add_plan(
                session,
                subject=new.subject,
                text=new.text,
                classification=new.classification,
                classified_until=new.until,
                classified_event=new.event,
            )

        self._open(dialog, work, lambda view: self.refresh(select_plan=view.plan.id))
        return dialog

    def _after_plan_step(self, view: svc.PlanView) -> None:
        self.refresh(select_plan=view.plan.id)
        self._show_plan(view)

    def open_revise_dialog(self) -> ReviseDialog | None:
        plan = self.plan
        if plan is None:
            return None
        dialog = ReviseDialog(plan.plan.id, plan.text, len(plan.plan.approvals), self)
        session = self.session
        self._open(
            dialog,
            lambda text: svc.revise_plan(session, plan.plan.id, text=text),
            self._after_plan_step,
        )
        return dialog

    def open_approve_dialog(self) -> ApproveDialog | None:
        plan = self.plan
        if plan is None:
            return None
        dialog = ApproveDialog(
            plan.plan.id, plan.plan.version, self.session.clock.today(), self.party, self
        )
        session = self.session

        def work(new: NewApproval) -> svc.PlanView:
            return svc.approve_plan(
                session,
                plan.plan.id,
                decision_ref=new.decision_ref,
                approved_on=new.approved_on,
                version=new.version,
            )

        self._open(dialog, work, self._after_plan_step)
        return dialog

    def open_withdraw_dialog(self) -> WithdrawDialog | None:
        plan = self.plan
        if plan is None:
            return None
        dialog = WithdrawDialog(plan.plan.id, self)
        session = self.session
        self._open(
            dialog,
            lambda reason: svc.withdraw_plan(session, plan.plan.id, reason=reason),
            self._after_plan_step,
        )
        return dialog

    def wipe(self) -> None:
        """The lock: no text of the annex, a plan or an amendment stays in a widget."""
        self.drop_pending()
        self.view = None
        self.plan = None
        self.amendment_model.clear()
        self.plan_model.clear()
        self.amendment_detail.clear()
        self.plan_text.clear()
        for label in (self.title_label, self.annex_label, self.approvals_label):
            label.clear()
        dialogs, self.open_dialogs = self.open_dialogs, []
        for dialog in dialogs:
            try:
                wipe = getattr(dialog, "wipe", None)
                if callable(wipe):
                    wipe()
                else:
                    for edit in dialog.findChildren(QPlainTextEdit):
                        edit.clear()
                    dialog.close()
            except RuntimeError:  # already deleted
                pass
