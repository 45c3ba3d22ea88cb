"""One report: its header (reference, classification, status, version, signature), the
actions this person can take now, and three tabs: the text (editor, or the read-only text with
the liaison's annotations), the comparison of two versions, and the history.

Every service call runs on the TaskRunner; refusals come back as sentences (show_error, or
inside the dialog that asked). Buttons show the permissions the service put in the view
(``ReportView.actions``: offered, allowed or refused with the reason) and the hint its
``step``; the widget decides nothing itself, and a stale button only leads to the service's
sentence."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any, TypeVar, cast

import shiboken6
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.actions import Permission, refused
from desktop_app.domain.classification import duration_required, parse_duration
from desktop_app.domain.drafts import NEW_REPORT, Draft, new_report_key, report_key
from desktop_app.domain.errors import AppError, InvalidInput
from desktop_app.domain.messages import translate
from desktop_app.domain.report_content import render
from desktop_app.domain.reports import ReportAction, ReportStep
from desktop_app.gui.actions import show_permission
from desktop_app.gui.dialogs import FormDialog, run_on_submit
from desktop_app.gui.errors import show_error, show_info
from desktop_app.gui.labels import clearance_label
from desktop_app.gui.marking import DurationDialog, DurationEntry, SubjectDialog, SubjectInput
from desktop_app.gui.pages import push_button, wrapped_label
from desktop_app.gui.printing import open_print_preview
from desktop_app.gui.reports.dialogs import CommentDialog, ConfirmDialog, SignDialog, SignInput
from desktop_app.gui.reports.diff import CompareView
from desktop_app.gui.reports.editor import PlainEditor, StructuredEditor, cursor_of, put_cursor
from desktop_app.gui.reports.evidence import EvidenceTab
from desktop_app.gui.reports.labels import (
    event_label,
    short_time,
    status_label,
    verdict_label,
    version_state_label,
)
from desktop_app.gui.reports.review import AnnotationPanel, ReportReader
from desktop_app.gui.tasks import TaskRunner
from desktop_app.services import drafts, marking, reports
from desktop_app.services.permissions import Step, user_actions
from desktop_app.services.reports import (
    DEFAULT_CLASSIFICATION,
    AnnotationRecord,
    AnnotationView,
    IssueResult,
    ReportDiff,
    ReportSummary,
    ReportView,
    VersionSaved,
)
from desktop_app.services.session import Session

log = logging.getLogger(__name__)

T = TypeVar("T")
_A = ReportAction
# Draft keys of the comment dialogs (domain.drafts: "dialog:<name>:<report id>").
_ANNOTATE = "dialog:annotate"
_VERDICT_USABLE = "dialog:verdict-usable"
_VERDICT_CHANGE = "dialog:verdict-change"
_WITHDRAW = "dialog:withdraw-submission"
_SEND_BACK = "dialog:send-back"
# A remark's dialogs: the report's id in the key (destruction takes them along), the remark's
# in the draft.
_EDIT_REMARK = "dialog:edit-remark"
_HANDLE_REMARK = "dialog:handle-remark"
_DIALOGS = tuple(
    f"{name}:"
    for name in (
        _ANNOTATE,
        _VERDICT_USABLE,
        _VERDICT_CHANGE,
        _WITHDRAW,
        _SEND_BACK,
        _EDIT_REMARK,
        _HANDLE_REMARK,
    )
)
_NO_REPORT = refused("Kies eerst een ambtsbericht.", offered=False)


class ReportDetail(QWidget):
    changed = Signal(int)  # a report changed (its id): the page refreshes the work lists
    shown = Signal(object)  # a ReportView was put on screen: the page's lists follow it

    TAB_TEXT, TAB_COMPARE, TAB_HISTORY = range(3)

    def __init__(self, session: Session, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.runner = runner
        self.new_actions = reports.new_report_actions(session)
        self.creating = False  # the editor holds a report not saved yet
        self.view: ReportView | None = None
        self.request_id: int | None = None
        self.dirty = False
        self.last_saved: VersionSaved | None = None
        # The open comment dialog (annotation, verdict, remark, reason): its draft key, what it
        # was about, and the text it opened with (not kept unless changed).
        self._open_dialog: tuple[str, CommentDialog, dict[str, Any], str] | None = None
        self._restoring: list[Draft] = []  # drafts put back once their report has loaded

        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.pages = QStackedWidget(self)
        outer.addWidget(self.pages)
        self.empty_label = wrapped_label("", self, "placeholderText")
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignTop)
        if self.may_create:
            self.empty_label.setText(
                self.tr(
                    "Kies een ambtsbericht in een van de lijsten hierboven, of begin een nieuw "
                    "ambtsbericht."
                )
            )
        else:
            self.empty_label.setText(
                self.tr("Kies een ambtsbericht in een van de lijsten hierboven.")
            )
        self.pages.addWidget(self.empty_label)
        self.content = QWidget(self)
        self.pages.addWidget(self.content)
        layout = QVBoxLayout(self.content)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)

        head = QHBoxLayout()
        self.title_label = QLabel(self.content)
        self.title_label.setObjectName("reportTitle")
        self.title_label.setTextFormat(Qt.TextFormat.PlainText)
        self.title_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        # A long title wraps beside the version picker instead of being cut by it (1024x700).
        self.title_label.setWordWrap(True)
        head.addWidget(self.title_label, 1)
        version_label = QLabel(self.tr("&Versie"), self.content)
        self.version_combo = QComboBox(self.content)
        self.version_combo.setObjectName("versionCombo")
        self.version_combo.setAccessibleName(self.tr("Versie"))
        # Follow the entries: first shown empty (a new report), it would stay a stub.
        self.version_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        version_label.setBuddy(self.version_combo)
        self.version_combo.activated.connect(self._on_version_picked)
        picker = QHBoxLayout()
        picker.addWidget(version_label)
        picker.addWidget(self.version_combo)
        head.addLayout(picker)
        head.setAlignment(picker, Qt.AlignmentFlag.AlignTop)  # beside the title's first line
        layout.addLayout(head)
        self.info_label = wrapped_label("", self.content, "reportInfo")
        layout.addWidget(self.info_label)
        self.signature_label = wrapped_label("", self.content, "signatureLabel", selectable=True)
        layout.addWidget(self.signature_label)
        self.hint_label = wrapped_label("", self.content, "stepHint")
        layout.addWidget(self.hint_label)

        actions = QHBoxLayout()
        actions.setSpacing(6)
        self.save_button = self._button(
            self.tr("&Opslaan als nieuwe versie"), "saveButton", self.save, actions
        )
        self.submit_button = self._button(
            self.tr("&Indienen bij liaison"), "submitButton", self.submit, actions
        )
        self.withdraw_button = self._button(
            self.tr("In&diening intrekken…"), "withdrawButton", self.open_withdraw_dialog, actions
        )
        self.annotate_button = self._button(
            self.tr("&Opmerking toevoegen…"), "annotateButton", self.open_annotate_dialog, actions
        )
        self.annotate_button.setToolTip(self.tr("Selecteer eerst een passage in de tekst."))
        self.usable_button = self._button(
            self.tr("&Bruikbaar…"), "usableButton", lambda: self.open_verdict_dialog(True), actions
        )
        self.changes_button = self._button(
            self.tr("&Aanpassing wenselijk…"),
            "changesButton",
            lambda: self.open_verdict_dialog(False),
            actions,
        )
        self.sign_button = self._button(
            self.tr("O&ndertekenen…"), "signButton", self.open_sign_dialog, actions
        )
        self.send_back_button = self._button(
            self.tr("Te&rugsturen…"), "sendBackButton", self.open_send_back_dialog, actions
        )
        self.issue_button = self._button(
            self.tr("&Uitbrengen…"), "issueButton", self.open_issue_dialog, actions
        )
        self.correct_button = self._button(
            self.tr("&Correctie vastleggen…"), "correctButton", self.open_correction_dialog, actions
        )
        self.print_button = self._button(
            self.tr("Af&drukvoorbeeld…"), "printButton", self.open_print_preview, actions
        )
        # The marking (issue 14): shown only when the service says this person may.
        self.subject_button = self._button(
            self.tr("Betrokkene vastleggen…"), "subjectButton", self.open_subject_dialog, actions
        )
        self.duration_button = self._button(
            self.tr("Rubriceringsduur vastleggen…"),
            "durationButton",
            self.open_duration_dialog,
            actions,
        )
        actions.addStretch(1)
        layout.addLayout(actions)

        self.tabs = QTabWidget(self.content)
        self.tabs.setObjectName("reportTabs")
        layout.addWidget(self.tabs, 1)
        text_tab = QSplitter(Qt.Orientation.Horizontal, self.tabs)
        text_tab.setObjectName("textSplitter")
        text_tab.setChildrenCollapsible(False)
        self.text_stack = QStackedWidget(text_tab)
        self.editor = StructuredEditor(session.clock.today, self.text_stack)
        self.plain_editor = PlainEditor(self.text_stack)
        self.reader = ReportReader(self.text_stack)
        for w in (self.editor, self.plain_editor, self.reader):
            self.text_stack.addWidget(w)
        self.annotations = AnnotationPanel(text_tab)
        text_tab.addWidget(self.text_stack)
        text_tab.addWidget(self.annotations)
        text_tab.setStretchFactor(0, 3)
        text_tab.setStretchFactor(1, 1)
        text_tab.setSizes([760, 300])
        self.compare = CompareView(self.tabs)
        self.history = QListWidget(self.tabs)
        self.history.setObjectName("historyList")
        self.history.setAccessibleName(self.tr("Geschiedenis"))
        self.history.setWordWrap(True)
        # The remarks beside the text fold away (issue 12): at 1024x700 the editor needs the
        # width. Shown by itself when the version has remarks, hidden when it has none.
        self.remarks_toggle = QToolButton(self.tabs)
        self.remarks_toggle.setObjectName("remarksToggle")
        self.remarks_toggle.setCheckable(True)
        self.remarks_toggle.setAutoRaise(True)
        self.remarks_toggle.toggled.connect(self._show_remarks)
        self.tabs.setCornerWidget(self.remarks_toggle, Qt.Corner.TopRightCorner)
        self._show_remarks(True)
        self.tabs.addTab(text_tab, self.tr("&Tekst"))
        self.tabs.addTab(self.compare, self.tr("Versies vergelij&ken"))
        self.tabs.addTab(self.history, self.tr("Ge&schiedenis"))
        self.evidence: EvidenceTab | None = None
        if user_actions(session).may(Step.LIST_EVIDENCE):
            self.evidence = EvidenceTab(session, runner, self.tabs)
            self.tabs.addTab(self.evidence, self.tr("Onder&liggende gegevens"))

        self.editor.changed.connect(self._on_edited)
        self.plain_editor.changed.connect(self._on_edited)
        self.reader.selection_changed_py.connect(self._update_buttons)
        self.reader.annotation_clicked.connect(self.annotations.select)
        self.annotations.annotation_selected.connect(self.show_remark)
        self.annotations.edit_requested.connect(self.open_edit_remark_dialog)
        self.annotations.withdraw_requested.connect(self.open_withdraw_remark_dialog)
        self.annotations.handle_requested.connect(self.open_handle_remark_dialog)
        self.compare.compare_requested.connect(self.compare_versions)
        self.show_empty()

    def _button(
        self, text: str, name: str, slot: Callable[[], object], row: QHBoxLayout
    ) -> QPushButton:
        button = push_button(text, self.content, slot, name)
        row.addWidget(button)
        return button

    # --- what this person may do (from the view the service returned) ----------------------

    @property
    def may_create(self) -> bool:
        return self.new_actions[_A.CREATE].allowed

    def permission(self, action: ReportAction) -> Permission:
        """The step as the service judged it for what is shown: the report in the editor not
        saved yet (saving it is ``create``), the loaded version, or nothing."""
        if self.creating:
            return self.new_actions[_A.CREATE if action is _A.REVISE else action]
        if self.view is None:
            return _NO_REPORT
        return self.view.actions[action]

    def allowed(self, action: ReportAction) -> bool:
        return self.permission(action).allowed

    @property
    def report_id(self) -> int | None:
        if self.view is None or self.creating:
            return None
        return int(self.view.report.id)

    @property
    def editing(self) -> bool:
        return self.allowed(_A.REVISE)

    # --- showing ----------------------------------------------------------------------------

    def show_empty(self) -> None:
        self.creating = False
        self.view = None
        self.dirty = False
        if self.evidence is not None:
            self.evidence.clear_report()
        self.pages.setCurrentWidget(self.empty_label)

    def _show_remarks(self, shown: bool) -> None:
        self.annotations.setVisible(shown)
        self.remarks_toggle.blockSignals(True)
        self.remarks_toggle.setChecked(shown)
        self.remarks_toggle.blockSignals(False)
        self.remarks_toggle.setText(
            self.tr("Opmerkingen verbergen ▸") if shown else self.tr("◂ Opmerkingen tonen")
        )
        self.remarks_toggle.setToolTip(self.tr("Het paneel met de opmerkingen van de liaison"))

    @property
    def remarks_shown(self) -> bool:
        return not self.annotations.isHidden()

    def start_new(self, request_id: int | None = None) -> None:
        """An empty editor for a new report (linked to ``request_id``, or spontaneous)."""
        self.creating = True
        self.view = None
        self.request_id = request_id
        self.pages.setCurrentWidget(self.content)
        self.title_label.setText(self.tr("Nieuw ambtsbericht"))
        if request_id is None:
            self.info_label.setText(self.tr("Nog niet opgeslagen · spontaan ambtsbericht"))
        else:
            self.info_label.setText(
                self.tr("Nog niet opgeslagen · bij verzoek %1").replace("%1", str(request_id))
            )
        self.signature_label.hide()
        self.hint_label.setText(self._hint(ReportStep.NEW, None))
        self.version_combo.clear()
        self.version_combo.setEnabled(False)
        clearance = self.session.user.clearance
        level = min(DEFAULT_CLASSIFICATION, clearance)
        self.editor.set_classification(level, clearance, editable=True)
        self.editor.set_duration(None, level, editable=True)
        self.editor.set_content(None)
        self.text_stack.setCurrentWidget(self.editor)
        self.annotations.set_annotations((), 1)
        self._show_remarks(False)
        self.compare.wipe()
        self.compare.set_versions(())
        self.history.clear()
        if self.evidence is not None:
            self.evidence.clear_report()
        self.tabs.setCurrentIndex(self.TAB_TEXT)
        self.dirty = False
        self._update_buttons()
        self.editor.subject_edit.setFocus()

    def load(
        self,
        report_id: int,
        version: int | None = None,
        then: Callable[[ReportView], None] | None = None,
    ) -> None:
        session = self.session

        def done(view: ReportView) -> None:
            self.show_view(view)
            if then is not None:
                then(view)

        self.runner.run(lambda: reports.get_report(session, report_id, version), done, owner=self)

    def reload(self, then: Callable[[ReportView], None] | None = None) -> None:
        if self.view is not None:
            self.load(int(self.view.report.id), None, then)

    def show_view(self, view: ReportView) -> None:
        self.creating = False
        self.view = view
        self.request_id = None
        self.pages.setCurrentWidget(self.content)
        r = view.report
        self.title_label.setText(f"{r.reference} — {r.title}")
        info = self.tr("Rubricering: %1 · Status: %2 · Versie %3 van %4 · bijgewerkt %5")
        self.info_label.setText(
            info.replace("%1", clearance_label(r.classification))
            .replace("%2", status_label(r.status))
            .replace("%3", str(view.version))
            .replace("%4", str(r.version))
            .replace("%5", short_time(r.updated_at))
        )
        if view.marking is not None:
            # The core's Dutch duration ("tot en met 31 december 2036"), as the JSON keeps it.
            duration = translate(view.marking.duration_label)
            extra = self.tr(" · Rubriceringsduur: %1").replace("%1", duration)
            subject = view.marking.subject
            if subject is not None:
                extra += (
                    self.tr(" · Betrokkene: %1 (V-nummer %2)")
                    .replace("%1", subject.name)
                    .replace("%2", subject.v_number)
                )
            elif view.marking.spontaneous:
                extra += self.tr(" · Betrokkene: niet vastgelegd")
            self.info_label.setText(self.info_label.text() + extra)
        self._show_signature(r)
        self.hint_label.setText(self._hint(view.step, view))
        self.version_combo.clear()
        for v in view.versions:
            text = (
                self.tr("%1 — %2, %3")
                .replace("%1", str(v.version))
                .replace("%2", v.author_name or v.author)
                .replace("%3", short_time(v.created_at))
            )
            if v.state is not None:
                text += f" ({version_state_label(v.state)})"
            self.version_combo.addItem(text, v.version)
        self.version_combo.setCurrentIndex(self.version_combo.findData(view.version))
        self.version_combo.setEnabled(len(view.versions) > 1)

        if self.allowed(_A.REVISE):
            if view.content is not None:
                self.editor.set_classification(
                    r.classification,
                    self.session.user.clearance,
                    editable=self.allowed(_A.SET_CLASSIFICATION),
                )
                self.editor.set_duration(
                    None if view.marking is None else view.marking.duration,
                    r.classification,
                    editable=self.allowed(_A.SET_CLASSIFICATION),
                )
                self.editor.set_content(view.content)
                self.text_stack.setCurrentWidget(self.editor)
            else:
                self.plain_editor.set_text(view.text)
                self.text_stack.setCurrentWidget(self.plain_editor)
            self.reader.wipe()
        else:
            self.reader.set_text(view.text)
            self.reader.set_annotations(view.annotations)
            self.text_stack.setCurrentWidget(self.reader)
            self.editor.wipe()
            self.plain_editor.wipe()
        self.annotations.set_annotations(view.annotations, view.version)
        self._show_remarks(bool(view.annotations))
        self.compare.wipe()
        self.compare.set_versions(view.versions)
        self._fill_history(view)
        if self.evidence is not None:
            self.evidence.show_report(view)
        self.dirty = False
        self._update_buttons()
        self.shown.emit(view)

    def _show_signature(self, r: ReportSummary) -> None:
        lines = []
        if r.text_sha256 and r.signed_at:
            lines.append(
                self.tr(
                    "✔ Ondertekend door %1 op %2 (versie %3). SHA-256 van de ondertekende tekst: %4"
                )
                .replace("%1", r.signed_by_name or r.signed_by or "")
                .replace("%2", short_time(r.signed_at))
                .replace("%3", str(r.signed_version))
                .replace("%4", r.text_sha256)
            )
        if r.issued_at:
            lines.append(
                self.tr("✔ Uitgebracht door %1 op %2.")
                .replace("%1", r.issued_by_name or r.issued_by or "")
                .replace("%2", short_time(r.issued_at))
            )
        self.signature_label.setText("\n".join(lines))
        self.signature_label.setVisible(bool(lines))

    def _hint(self, step: ReportStep, view: ReportView | None) -> str:
        if step is ReportStep.NEW:
            return self.tr(
                "Vul het ambtsbericht in en sla het op als versie 1. Daarna kunt u het indienen bij "  # noqa: E501 (translation key)
                "de IND-liaison."
            )
        if step is ReportStep.CHANGES_WANTED:
            text = self.tr(
                "De IND-liaison vond aanpassing wenselijk. Leg een herziene versie vast "
                "en dien die opnieuw in."
            )
            verdicts = () if view is None else view.verdicts
            last = next((v for v in reversed(verdicts) if v.comment), None)
            if last is not None and last.comment:
                text += "\n" + self.tr("Toelichting van %1: %2").replace(
                    "%1", last.author_name or last.author
                ).replace("%2", last.comment)
            return text
        if step is ReportStep.USABLE_FOUR_EYES:
            return self.permission(_A.SIGN).reason or ""
        if step in (ReportStep.SENT_BACK, ReportStep.WITHDRAWN) and view is not None:
            back = view.returns[-1] if view.returns else None
            if step is ReportStep.SENT_BACK:
                text = self.tr(
                    "De ondertekenaar heeft het ambtsbericht teruggestuurd. Leg een herziene "
                    "versie vast en dien die opnieuw in."
                )
            else:
                text = self.tr(
                    "U heeft de indiening ingetrokken; het ambtsbericht is weer een concept. Dien "
                    "het opnieuw in, eventueel na herziening."
                )
            if back is not None and back.reason:
                text += "\n" + self.tr("Reden van %1: %2").replace(
                    "%1", back.actor_name or back.actor
                ).replace("%2", back.reason)
            return text
        if step in (ReportStep.SENT_BACK, ReportStep.WITHDRAWN):
            return self._step_texts()[ReportStep.DRAFT_SUBMIT]
        return self._step_texts()[step]

    def _step_texts(self) -> dict[ReportStep, str]:
        return {
            ReportStep.EARLIER_VERSION: self.tr(
                "U bekijkt een eerdere versie; die is alleen te lezen."
            ),
            ReportStep.DRAFT_SUBMIT: self.tr(
                "Concept. Sla wijzigingen op als nieuwe versie en dien het "
                "ambtsbericht in bij de IND-liaison."
            ),
            ReportStep.DRAFT: self.tr("Concept; nog niet ter beoordeling aangeboden."),
            ReportStep.REVIEW_JUDGE: self.tr(
                "Selecteer een passage en kies 'Opmerking toevoegen…'. Geef daarna "
                "uw oordeel: bruikbaar of aanpassing wenselijk."
            ),
            ReportStep.IN_REVIEW: self.tr(
                "Ter beoordeling bij de IND-liaison; de tekst is bevroren tot het oordeel."
            ),
            ReportStep.USABLE_REVISE: self.tr(
                "De IND-liaison heeft deze tekst bruikbaar geoordeeld; hij wacht "
                "op ondertekening. Een nieuwe versie stuurt het ambtsbericht "
                "terug naar concept."
            ),
            ReportStep.USABLE: self.tr("De IND-liaison heeft deze tekst bruikbaar geoordeeld."),
            ReportStep.SIGNED: self.tr(
                "Ondertekend; de tekst ligt voorgoed vast. Het ambtsbericht kan worden uitgebracht."
            ),
            ReportStep.ISSUED: self.tr("Uitgebracht aan de IND."),
        }

    def _fill_history(self, view: ReportView) -> None:
        self.history.clear()
        for e in view.history:
            QListWidgetItem(
                self.tr("%1 · %2 · versie %3 %4")
                .replace("%1", short_time(e.at))
                .replace("%2", e.actor_name or e.actor)
                .replace("%3", str(e.version))
                .replace("%4", event_label(e.kind)),
                self.history,
            )
        for v in view.verdicts:
            text = (
                self.tr("Oordeel over versie %1: %2 (%3, %4)")
                .replace("%1", str(v.version))
                .replace("%2", verdict_label(v.verdict))
                .replace("%3", v.author_name or v.author)
                .replace("%4", short_time(v.created_at))
            )
            if v.comment:
                text += "\n" + v.comment
            QListWidgetItem(text, self.history)
        for b in view.returns:
            text = (
                self.tr("Versie %1 teruggestuurd door %2 (%3)")
                if b.kind == "send_back"
                else self.tr("Indiening van versie %1 ingetrokken door %2 (%3)")
            )
            text = (
                text.replace("%1", str(b.version))
                .replace("%2", b.actor_name or b.actor)
                .replace("%3", short_time(b.at))
            )
            if b.reason:
                text += "\n" + b.reason
            QListWidgetItem(text, self.history)
        if view.special_case is not None:
            QListWidgetItem(
                self.tr("%1 (%2, %3)")
                .replace("%1", view.special_case.summary_nl)
                .replace("%2", view.special_case.decided_by_name or view.special_case.decided_by)
                .replace("%3", short_time(view.special_case.decided_at)),
                self.history,
            )
        for c in view.corrections:
            QListWidgetItem(
                self.tr("⚠ Correctie (%1, %2): %3")
                .replace("%1", c.author_name or c.author)
                .replace("%2", short_time(c.created_at))
                .replace("%3", c.text),
                self.history,
            )

    def _update_buttons(self) -> None:
        """Each button shows its step's permission; the editor adds what only it knows
        (unsaved changes, a selected passage)."""
        p = self.permission
        show_permission(self.save_button, p(_A.REVISE), ready=self.creating or self.dirty)
        show_permission(self.submit_button, p(_A.SUBMIT), ready=not self.dirty)
        show_permission(self.withdraw_button, p(_A.WITHDRAW))
        show_permission(self.send_back_button, p(_A.SEND_BACK))
        show_permission(
            self.annotate_button,
            p(_A.ANNOTATE),
            ready=self.reader.selected_quote() is not None,
            hint=self.tr("Selecteer eerst een passage in de tekst."),
        )
        show_permission(self.usable_button, p(_A.VERDICT_USABLE))
        show_permission(self.changes_button, p(_A.VERDICT_CHANGES_WANTED))
        show_permission(self.sign_button, p(_A.SIGN))
        show_permission(self.issue_button, p(_A.ISSUE))
        show_permission(self.correct_button, p(_A.CORRECT))
        show_permission(self.print_button, p(_A.PRINT))
        marking_view = None if self.view is None or self.creating else self.view.marking
        self.subject_button.setVisible(marking_view is not None and marking_view.may_set_subject)
        self.duration_button.setVisible(
            marking_view is not None and marking_view.may_record_duration
        )

    def _on_edited(self) -> None:
        self.dirty = True
        self._update_buttons()

    def _on_version_picked(self, index: int) -> None:
        version = self.version_combo.itemData(index)
        if self.view is None or version is None or int(version) == self.view.version:
            return
        self.load(int(self.view.report.id), int(version))

    # --- drafting ---------------------------------------------------------------------------

    def _editor_text(self) -> str:
        """The text to store; InvalidInput (with the field) when the form is not complete."""
        if self.text_stack.currentWidget() is self.plain_editor:
            return self.plain_editor.text()
        self.editor.revalidate()
        if self.editor.problem:
            # The domain's own check gives the sentence and the field.
            from desktop_app.domain.report_content import validate

            validate(self.editor.content(), today=self.session.clock.today())
        return render(self.editor.content())

    def save(self, then: Callable[[], None] | None = None) -> None:
        """'Opslaan als nieuwe versie': a new report, or the next version and/or the changed
        classification of this one (one use case, ``reports.save_version``). ``then`` runs
        once it is saved (or there was nothing to save): sign-out's and quit's "Opslaan"."""
        if not self.editing:
            if then is not None:
                then()
            return
        try:
            text = self._editor_text()
        except InvalidInput as exc:
            self.editor.focus_field(exc.field)
            show_error(self, exc)
            return
        session = self.session
        structured = self.text_stack.currentWidget() is self.editor
        entry = self.editor.duration_entry()
        try:
            duration = (
                parse_duration(until=entry.until, event=entry.event, today=session.clock.today())
                if structured
                else None
            )
        except InvalidInput as exc:
            show_error(self, exc)
            return
        if self.creating:
            level = self.editor.classification()
            request_id = self.request_id

            def draft() -> VersionSaved:
                return reports.draft_report(
                    session,
                    text=text,
                    request_id=request_id,
                    classification=level,
                    duration=duration if duration_required(level) else None,
                )

            self.runner.run(
                draft, lambda r: self._on_saved(r, then), self._on_save_failed, owner=self
            )
            return
        view = self.view
        assert view is not None
        report_id = int(view.report.id)
        level = (
            self.editor.classification()
            if self.text_stack.currentWidget() is self.editor
            else view.report.classification
        )
        text_changed = text != view.text
        level_changed = level != view.report.classification
        recorded = None if view.marking is None else view.marking.duration
        duration_changed = (
            duration is not None and duration != recorded and duration_required(level)
        )
        if not text_changed and not level_changed and not duration_changed:
            if then is not None:
                self.dirty = False
                then()
                return
            show_info(
                self,
                self.tr("Er is niets gewijzigd ten opzichte van versie %1.").replace(
                    "%1", str(view.version)
                ),
            )
            return

        def save() -> VersionSaved:
            return reports.save_version(
                session,
                report_id,
                text=text,
                classification=level if level_changed else None,
                duration=duration if duration_changed else None,
            )

        self.runner.run(save, lambda r: self._on_saved(r, then), self._on_save_failed, owner=self)

    def _on_saved(self, result: VersionSaved, then: Callable[[], None] | None = None) -> None:
        self.last_saved = result
        self.dirty = False
        # The saved version is loaded afresh (its rights, its number); the author stays where
        # they were typing, field, cursor and scroll position (QA: a save made the form jump).
        editor = self.text_stack.currentWidget()
        kept = editor.place() if isinstance(editor, StructuredEditor | PlainEditor) else None
        self.changed.emit(int(result.report.id))
        if then is not None:
            then()
            return

        def back(_view: ReportView) -> None:
            if kept is not None and self.text_stack.currentWidget() is editor:
                cast(StructuredEditor | PlainEditor, editor).restore_place(kept)

        self.load(int(result.report.id), None, back)

    def _on_save_failed(self, exc: BaseException) -> None:
        # One use case: a refusal leaves the report as it was (nothing half saved).
        if isinstance(exc, InvalidInput):
            self.editor.focus_field(exc.field)
        show_error(self, exc)

    def submit(self) -> None:
        view = self.view
        if view is None:
            return
        if self.dirty:
            show_info(
                self,
                self.tr(
                    "Sla eerst uw wijzigingen op als nieuwe versie; daarna kunt "
                    "u het ambtsbericht indienen."
                ),
            )
            return
        session, report_id = self.session, int(view.report.id)
        self.runner.run(
            lambda: reports.submit_report(session, report_id), self._after_step, owner=self
        )

    def _after_step(self, summary: ReportSummary) -> None:
        self.changed.emit(int(summary.id))
        self.load(int(summary.id))

    # --- review -----------------------------------------------------------------------------

    def open_annotate_dialog(self) -> CommentDialog | None:
        view = self.view
        picked = self.reader.selected_quote()
        if view is None or picked is None:
            show_info(self, self.tr("Selecteer eerst een passage in de tekst."))
            return None
        quote, start = picked
        dialog = CommentDialog(
            self.tr("Opmerking toevoegen"),
            self.tr("&Toevoegen"),
            self.tr("Uw opmerking wordt verankerd aan deze passage van versie %1.").replace(
                "%1", str(view.version)
            ),
            quote=quote,
            parent=self,
        )
        report_id, session = int(view.report.id), self.session

        def work(comment: object) -> AnnotationRecord:
            return reports.annotate(
                session, report_id, quote=quote, comment=str(comment), start=start
            )

        def done(record: AnnotationRecord) -> None:
            self.changed.emit(report_id)
            self.load(report_id, then=lambda _v: self._focus_annotation(record.id))

        about = {"quote": quote, "start": start, "version": view.version}
        return self._run_tracked(dialog, f"{_ANNOTATE}:{report_id}", about, work, done)

    def _focus_annotation(self, annotation_id: int) -> None:
        self.annotations.select(annotation_id)
        self.reader.set_active(annotation_id)

    def open_verdict_dialog(self, usable: bool) -> CommentDialog | None:
        view = self.view
        if view is None:
            return None
        if usable:
            title, ok, intro = (
                self.tr("Oordeel: bruikbaar"),
                self.tr("&Bruikbaar"),
                self.tr(
                    "U oordeelt versie %1 bruikbaar (art. 2.4). Daarna kan het ambtsbericht "
                    "worden ondertekend."
                ),
            )
        else:
            title, ok, intro = (
                self.tr("Oordeel: aanpassing wenselijk"),
                self.tr("&Aanpassing wenselijk"),
                self.tr(
                    "U vindt aanpassing van versie %1 wenselijk (art. 2.4). De AIVD legt "
                    "dan een herziene versie vast."
                ),
            )
        dialog = CommentDialog(
            title, ok, intro.replace("%1", str(view.version)), required=False, parent=self
        )
        report_id, session = int(view.report.id), self.session
        name = _VERDICT_USABLE if usable else _VERDICT_CHANGE

        def work(comment: object) -> ReportSummary:
            text = None if comment is None else str(comment)
            return reports.give_verdict(session, report_id, usable=usable, comment=text)

        about = {"version": view.version}
        return self._run_tracked(dialog, f"{name}:{report_id}", about, work, self._after_step)

    # --- signing and issuing ----------------------------------------------------------------

    def open_sign_dialog(self) -> SignDialog | None:
        view = self.view
        if view is None:
            return None
        r = view.report
        dialog = SignDialog(
            r.reference,
            r.version,
            r.classification,
            self.session.user.clearance,
            self,
            grounds=[w.message for w in view.special_case_grounds],
        )
        dialog.draft_object = int(r.id)  # its draft is this report's
        return self._sign_with(dialog)

    def _sign_with(self, dialog: SignDialog) -> SignDialog:
        view = self.view
        assert view is not None
        report_id, session = int(view.report.id), self.session
        current = view.report.classification

        def submitted(value: object) -> None:
            given = cast(SignInput, value)
            chosen = given.classification
            keep = None if chosen == current else chosen
            password, reason = given.password, given.special_case_reason

            def work() -> ReportSummary:
                # The password first: a wrong one is refused (and counted) before anything else.
                proof = session.reauthenticate(password)
                return reports.sign_report(
                    session,
                    report_id,
                    proof=proof,
                    classification=keep,
                    special_case_reason=reason,
                )

            def done(summary: ReportSummary) -> None:
                dialog.succeed()
                self._after_step(summary)
                # A short sentence; the digest (64 hex digits) is there under "Details".
                box = show_info(
                    self,
                    self.tr("Het ambtsbericht %1 is ondertekend.").replace("%1", summary.reference),
                )
                if summary.text_sha256:
                    box.setDetailedText(
                        self.tr("SHA-256 van de ondertekende tekst:\n%1").replace(
                            "%1", summary.text_sha256
                        )
                    )

            self.runner.run(work, done, self._reauth_failed(dialog), owner=dialog)

        dialog.submitted.connect(submitted)
        dialog.open()
        return dialog

    def open_issue_dialog(self) -> ConfirmDialog | None:
        view = self.view
        if view is None:
            return None
        dialog = ConfirmDialog(
            self.tr("Ambtsbericht uitbrengen"),
            self.tr("&Uitbrengen"),
            self.tr(
                "Het ondertekende ambtsbericht %1 wordt uitgebracht aan de IND en als "
                "verstrekking vastgelegd. Dit kan niet ongedaan worden gemaakt."
            ).replace("%1", view.report.reference),
            self,
            password=True,
        )
        report_id, session = int(view.report.id), self.session

        def work(password: object) -> IssueResult:
            proof = session.reauthenticate(str(password))
            return reports.issue_report(session, report_id, proof=proof)

        def submitted(password: object) -> None:
            def finished(result: IssueResult) -> None:
                dialog.succeed()
                self._after_step(result.report)

            self.runner.run(
                lambda: work(password), finished, self._reauth_failed(dialog), owner=dialog
            )

        dialog.submitted.connect(submitted)
        dialog.open()
        return dialog

    def _reauth_failed(self, dialog: FormDialog) -> Callable[[BaseException], None]:
        """A refusal shows in the dialog. When the password asked again was wrong once too
        often, the account is locked like after failed sign-ins; the window then locks through
        the task runner (``TaskRunner.account_locked``), as for every task that meets it."""
        return dialog.fail

    # --- going back (issue 12) --------------------------------------------------------------

    def open_withdraw_dialog(self) -> CommentDialog | None:
        view = self.view
        if view is None:
            return None
        dialog = CommentDialog(
            self.tr("Indiening intrekken"),
            self.tr("&Intrekken"),
            self.tr(
                "U haalt versie %1 terug bij de IND-liaison; het ambtsbericht wordt weer een "
                "concept. U kunt het daarna opnieuw indienen, eventueel na herziening."
            ).replace("%1", str(view.version)),
            required=False,
            parent=self,
            caption=self.tr("&Reden (optioneel)"),
        )
        report_id, session = int(view.report.id), self.session

        def work(reason: object) -> ReportSummary:
            return reports.withdraw_submission(
                session, report_id, reason=None if reason is None else str(reason)
            )

        about = {"version": view.version}
        return self._run_tracked(dialog, f"{_WITHDRAW}:{report_id}", about, work, self._after_step)

    def open_send_back_dialog(self) -> CommentDialog | None:
        view = self.view
        if view is None:
            return None
        dialog = CommentDialog(
            self.tr("Terugsturen in plaats van ondertekenen"),
            self.tr("&Terugsturen"),
            self.tr(
                "U ondertekent versie %1 niet en stuurt het ambtsbericht terug naar de "
                "behandelaar. Geef aan wat er moet gebeuren; het wordt daarna opnieuw "
                "beoordeeld door de IND-liaison."
            ).replace("%1", str(view.version)),
            parent=self,
            caption=self.tr("&Reden"),
        )
        dialog.comment_edit.setObjectName("reasonEdit")
        report_id, session = int(view.report.id), self.session
        return self._run_tracked(
            dialog,
            f"{_SEND_BACK}:{report_id}",
            {"version": view.version},
            lambda reason: reports.send_back(session, report_id, reason=str(reason)),
            self._after_step,
        )

    # --- remarks after they are placed (issue 12) -------------------------------------------

    def show_remark(self, annotation_id: int) -> None:
        """A remark picked in the list: its passage highlighted and scrolled into view, in the
        officer's editor when that is shown, else in the reader."""
        self.annotations.show_actions(annotation_id)
        view = self.view
        note = None
        if view is not None:
            note = next((a for a in view.annotations if a.id == annotation_id), None)
        current = self.text_stack.currentWidget()
        if note is not None and current is self.editor:
            self.editor.highlight_passage(view.text if view else "", note)
        elif note is not None and current is self.plain_editor:
            self.plain_editor.highlight_passage(note)
        else:
            self.reader.set_active(annotation_id)

    def _remark(self, annotation_id: int) -> AnnotationView | None:
        if self.view is None:
            return None
        return next((a for a in self.view.annotations if a.id == annotation_id), None)

    def open_edit_remark_dialog(self, annotation_id: int) -> CommentDialog | None:
        note, view = self._remark(annotation_id), self.view
        if note is None or view is None:
            return None
        dialog = CommentDialog(
            self.tr("Opmerking wijzigen"),
            self.tr("&Wijzigen"),
            self.tr("U wijzigt uw opmerking bij versie %1; dat kan tot uw oordeel.").replace(
                "%1", str(note.version)
            ),
            quote=note.quote,
            parent=self,
        )
        dialog.comment_edit.setPlainText(note.comment)
        report_id, session = int(view.report.id), self.session
        return self._run_tracked(
            dialog,
            f"{_EDIT_REMARK}:{report_id}",
            {"annotation": annotation_id},
            lambda text: reports.edit_remark(session, report_id, annotation_id, comment=str(text)),
            self._after_remark,
            initial=note.comment,
        )

    def open_withdraw_remark_dialog(self, annotation_id: int) -> ConfirmDialog | None:
        note, view = self._remark(annotation_id), self.view
        if note is None or view is None:
            return None
        dialog = ConfirmDialog(
            self.tr("Opmerking intrekken"),
            self.tr("&Intrekken"),
            self.tr(
                "U trekt uw opmerking bij “%1” in. Zij blijft in de geschiedenis staan, als "
                "ingetrokken."
            ).replace("%1", " ".join(note.quote.split())[:80]),
            self,
        )
        report_id, session = int(view.report.id), self.session
        run_on_submit(
            dialog,
            self.runner,
            lambda _: reports.withdraw_remark(session, report_id, annotation_id),
            self._after_remark,
        )
        return dialog

    def open_handle_remark_dialog(self, annotation_id: int) -> CommentDialog | None:
        note, view = self._remark(annotation_id), self.view
        if note is None or view is None:
            return None
        dialog = CommentDialog(
            self.tr("Opmerking afhandelen"),
            self.tr("&Afgehandeld"),
            self.tr(
                "Schrijf voor de IND-liaison hoe u deze opmerking heeft afgehandeld; de "
                "liaison ziet uw toelichting bij de opmerking."
            ),
            quote=note.quote,
            parent=self,
            caption=self.tr("&Toelichting voor de liaison"),
        )
        report_id, session = int(view.report.id), self.session
        return self._run_tracked(
            dialog,
            f"{_HANDLE_REMARK}:{report_id}",
            {"annotation": annotation_id},
            lambda text: reports.handle_remark(session, report_id, annotation_id, note=str(text)),
            self._after_remark,
        )

    def _after_remark(self, record: AnnotationRecord) -> None:
        """Reload keeping the unsaved text of the editor: answering a remark is not saving."""
        view = self.view
        if view is None:
            return
        if self.has_unsaved:
            # Only the remarks change: refresh them without touching what is being typed.
            def refreshed(fresh: ReportView) -> None:
                self.view = fresh
                self.annotations.set_annotations(fresh.annotations, fresh.version)
                self._fill_history(fresh)
                self.annotations.select(record.id)

            session, rid = self.session, int(view.report.id)
            self.runner.run(lambda: reports.get_report(session, rid), refreshed, owner=self)
            return
        self.load(int(view.report.id), None, lambda _v: self.annotations.select(record.id))

    def open_correction_dialog(self) -> CommentDialog | None:
        view = self.view
        if view is None:
            return None
        dialog = CommentDialog(
            self.tr("Correctie vastleggen"),
            self.tr("&Vastleggen"),
            self.tr(
                "Beschrijf welke verstrekte gegevens onjuist bleken. De correctie wordt bij "
                "het ambtsbericht en in het verstrekkingenregister vastgelegd, zodat elke "
                "ontvanger wordt ingelicht."
            ),
            parent=self,
        )
        report_id, session = int(view.report.id), self.session

        def done(_: object) -> None:
            self.changed.emit(report_id)
            self.load(report_id)

        run_on_submit(
            dialog,
            self.runner,
            lambda text: reports.record_correction(session, report_id, str(text)),
            done,
        )
        return dialog

    def open_subject_dialog(self) -> SubjectDialog | None:
        """Name, date of birth and V-number of a spontaneous report's subject."""
        view = self.view
        if view is None:
            return None
        session, report_id = self.session, int(view.report.id)
        dialog = SubjectDialog(session.clock.today(), self)
        dialog.draft_object = report_id  # its draft is this report's
        if view.marking is not None and view.marking.subject is not None:
            dialog.name_edit.setText(view.marking.subject.name)
            dialog.v_edit.setText(view.marking.subject.v_number)

        def work(value: object) -> object:
            assert isinstance(value, SubjectInput)
            entered = marking.validate_subject(
                name=value.name,
                birth_date=value.birth_date,
                v_number=value.v_number,
                today=session.clock.today(),
            )
            return marking.set_subject(session, report_id, entered)

        run_on_submit(dialog, self.runner, work, lambda _v: self.reload())
        return dialog

    def open_duration_dialog(self) -> DurationDialog | None:
        """Record the missing duration of a report from before durations were asked."""
        view = self.view
        if view is None:
            return None
        session, report_id = self.session, int(view.report.id)
        dialog = DurationDialog(session.clock.today(), view.report.classification, self)
        dialog.draft_object = report_id  # its draft is this report's

        def work(value: object) -> object:
            assert isinstance(value, DurationEntry)
            duration = marking.duration_entered(session, until=value.until, event=value.event)
            assert duration is not None  # the dialog asks for one
            return marking.record_duration(session, report_id, duration)

        run_on_submit(dialog, self.runner, work, lambda _v: self.reload())
        return dialog

    def open_print_preview(self) -> QWidget | None:
        """The print preview of the signed text (the print helper registers every copy)."""
        view = self.view
        if view is None:
            return None
        try:
            return open_print_preview(self, self.session, int(view.report.id), runner=self.runner)
        except AppError as exc:
            show_error(self, exc)
            return None

    # --- comparing --------------------------------------------------------------------------

    def compare_versions(self, old: int, new: int) -> None:
        view = self.view
        if view is None:
            return
        report_id, session = int(view.report.id), self.session

        def done(diff: ReportDiff) -> None:
            self.compare.show_diff(diff)

        self.runner.run(lambda: reports.diff_report(session, report_id, old, new), done, owner=self)

    # --- drafts kept at the lock (issue 12) -------------------------------------------------

    @property
    def has_unsaved(self) -> bool:
        return self.dirty and self.editing

    def _run_tracked(
        self,
        dialog: CommentDialog,
        key: str,
        about: dict[str, Any],
        work: Callable[[Any], T],
        done: Callable[[T], None],
        *,
        initial: str = "",
    ) -> CommentDialog:
        """Open ``dialog`` as ``run_on_submit`` does, its comment kept as a draft at the lock
        (under ``key``, with ``about`` to reopen it) while it is open."""
        self._open_dialog = (key, dialog, about, initial)

        def closed(_result: int = 0) -> None:
            if self._open_dialog is not None and self._open_dialog[1] is dialog:
                self._open_dialog = None

        dialog.finished.connect(closed)
        run_on_submit(dialog, self.runner, work, done)
        return dialog

    def _dialog_draft(self) -> Draft | None:
        if self._open_dialog is None:
            return None
        key, dialog, about, initial = self._open_dialog
        if not shiboken6.isValid(dialog) or not dialog.isVisible():
            return None
        edit = dialog.comment_edit
        if edit.toPlainText().strip() in ("", initial.strip()):
            return None
        return Draft(key, {"comment": edit.toPlainText(), **cursor_of(edit), **about})

    def unsaved_drafts(self) -> list[Draft]:
        """The text in the editor that is not saved yet, with its cursor, and the comment
        typed in an open dialog (for the lock)."""
        waiting = list(self._restoring)  # still loading their report: not in a widget yet
        dialog = self._dialog_draft()
        if dialog is not None:
            waiting.append(dialog)
        if not self.has_unsaved:
            return waiting
        if self.creating:
            key = new_report_key(self.request_id)
            base: int | None = None
        else:
            assert self.view is not None
            key, base = report_key(int(self.view.report.id)), self.view.version
        editor: StructuredEditor | PlainEditor = (
            self.plain_editor
            if self.text_stack.currentWidget() is self.plain_editor
            else self.editor
        )
        state: dict[str, Any] = editor.draft_state()
        state["base_version"] = base
        state["tab"] = self.tabs.currentIndex()
        return [Draft(key, state), *waiting]

    def restore_draft(self, draft: Draft) -> bool:
        """Put a kept draft back in the editor: the new report, or the report loaded afresh
        (its rights as they are now). False when it is not this editor's, or the editor already
        holds unsaved text."""
        key = draft.belongs_to
        if key.startswith(_DIALOGS) and self._beside_editor(key):
            return self._restore_dialog(draft)
        if self.has_unsaved or self._restoring:
            return False
        if key == NEW_REPORT or key.startswith(NEW_REPORT + ":request:"):
            if not self.may_create:
                return False
            request = key.rsplit(":", 1)[1] if ":" in key else None
            self.start_new(int(request) if request else None)
            self._apply_draft(draft)
            return True
        if key.startswith(_DIALOGS):
            return self._restore_dialog(draft)
        if not key.startswith("report:"):
            return False

        def loaded(view: ReportView) -> None:
            self.show_view(view)
            if not self.editing:
                # No longer this person's to edit (submitted, signed): the text waits on.
                self._keep_again(draft)
                return
            self._apply_draft(draft)

        return self._load_for(draft, int(key.split(":", 1)[1]), loaded)

    def _load_for(self, draft: Draft, report_id: int, loaded: Callable[[ReportView], None]) -> bool:
        """Load the draft's report afresh (its rights as they are now), then ``loaded``; until
        then the draft waits in ``_restoring`` (a lock meanwhile keeps it again)."""
        session = self.session

        def done(view: ReportView) -> None:
            self._restoring = [d for d in self._restoring if d is not draft]
            loaded(view)

        self._restoring.append(draft)
        self.runner.run(
            lambda: reports.get_report(session, report_id),
            done,
            lambda exc: self._not_restored(draft, exc),
            owner=self,
        )
        return True

    def _beside_editor(self, key: str) -> bool:
        """A comment dialog's draft may come back over the editor text of its own report (the
        officer answers a remark while revising): nothing else is, or is being, put back."""
        report_id = int(key.rpartition(":")[2])
        if any(d.belongs_to != report_key(report_id) for d in self._restoring):
            return False
        return not self.has_unsaved or self.report_id == report_id

    def _not_restored(self, draft: Draft, exc: BaseException) -> None:
        self._restoring = [d for d in self._restoring if d is not draft]
        self._keep_again(draft, exc)

    def _restore_dialog(self, draft: Draft) -> bool:
        """Reopen the comment dialog over the report, its passage selected again, with the
        comment and cursor as they were; if the step is no longer possible (another version,
        a verdict given meanwhile) the comment waits on."""
        name, _, number = draft.belongs_to.rpartition(":")
        report_id, state = int(number), draft.content

        def loaded(view: ReportView) -> None:
            if not (self.has_unsaved and self.report_id == report_id):
                self.show_view(view)  # else the editor's text just put back stays, as it is
            dialog: CommentDialog | None = None
            same_version = state.get("version") == view.version
            if name == _ANNOTATE and same_version and self.allowed(_A.ANNOTATE):
                quote, start = state.get("quote"), state.get("start")
                if (
                    isinstance(quote, str)
                    and isinstance(start, int)
                    and view.text[start : start + len(quote)] == quote
                ):
                    self.reader.select_py(start, start + len(quote))
                    dialog = self.open_annotate_dialog()
            elif name in (_VERDICT_USABLE, _VERDICT_CHANGE) and same_version:
                usable = name == _VERDICT_USABLE
                step = _A.VERDICT_USABLE if usable else _A.VERDICT_CHANGES_WANTED
                if self.allowed(step):
                    dialog = self.open_verdict_dialog(usable)
            elif name == _WITHDRAW and same_version and self.allowed(_A.WITHDRAW):
                dialog = self.open_withdraw_dialog()
            elif name == _SEND_BACK and same_version and self.allowed(_A.SEND_BACK):
                dialog = self.open_send_back_dialog()
            elif name in (_EDIT_REMARK, _HANDLE_REMARK):
                dialog = self._reopen_remark_dialog(name, state.get("annotation"))
            if dialog is None:
                self._keep_again(draft)
                return
            edit = dialog.comment_edit
            edit.setPlainText(str(state.get("comment", "")))
            put_cursor(edit, state)
            edit.setFocus()

        return self._load_for(draft, report_id, loaded)

    def _reopen_remark_dialog(self, name: str, annotation_id: object) -> CommentDialog | None:
        """The remark's dialog again, if the remark is still there and the step still this
        person's (not handled, withdrawn or judged meanwhile)."""
        if not isinstance(annotation_id, int):
            return None
        note = self._remark(annotation_id)
        edit = name == _EDIT_REMARK
        step = _A.EDIT_REMARK if edit else _A.HANDLE_REMARK
        if note is None or not note.may(step).allowed:
            return None
        self.annotations.select(annotation_id)
        if edit:
            return self.open_edit_remark_dialog(annotation_id)
        return self.open_handle_remark_dialog(annotation_id)

    def _apply_draft(self, draft: Draft) -> None:
        state = draft.content
        if state.get("kind") == "plain":
            self.text_stack.setCurrentWidget(self.plain_editor)
            self.plain_editor.restore_state(state)
        else:
            level = state.get("classification")
            if isinstance(level, int) and self.allowed(_A.SET_CLASSIFICATION):
                index = self.editor.classification_combo.findData(level)
                if index >= 0:
                    self.editor.classification_combo.setCurrentIndex(index)
            self.text_stack.setCurrentWidget(self.editor)
            self.editor.restore_state(state)
        tab = state.get("tab")
        if isinstance(tab, int) and tab == self.TAB_TEXT:
            self.tabs.setCurrentIndex(tab)
        base = state.get("base_version")
        note = self.tr("Uw niet-opgeslagen tekst is teruggezet.")
        if self.view is not None and isinstance(base, int) and base != self.view.version:
            note = (
                self.tr(
                    "Uw niet-opgeslagen tekst is teruggezet; hij was gebaseerd op versie %1, "
                    "intussen is versie %2 de laatste."
                )
                .replace("%1", str(base))
                .replace("%2", str(self.view.version))
            )
        self.info_label.setText(f"{self.info_label.text()} · {note}")
        self.dirty = True
        self._update_buttons()

    def _keep_again(self, draft: Draft, exc: BaseException | None = None) -> None:
        session = self.session
        self.runner.run(lambda: drafts.keep_draft(session, draft), owner=self)
        if exc is not None:
            show_error(self, exc)
        else:
            show_info(
                self,
                self.tr(
                    "U kunt dit ambtsbericht niet meer bewerken; uw niet-opgeslagen tekst is "
                    "daarom niet teruggezet. Hij blijft versleuteld bewaard."
                ),
            )

    # --- lock -------------------------------------------------------------------------------

    def wipe(self) -> None:
        """The lock: no report text, title or comment stays in any widget."""
        self.view = None
        self.last_saved = None
        self._open_dialog = None
        self._restoring = []
        self.creating = False
        self.dirty = False
        self.editor.wipe()
        self.plain_editor.wipe()
        self.reader.wipe()
        self.annotations.wipe()
        self.compare.wipe()
        self.history.clear()
        if self.evidence is not None:
            self.evidence.wipe()
        self.version_combo.clear()
        for label in (self.title_label, self.info_label, self.signature_label, self.hint_label):
            label.clear()
        self.pages.setCurrentWidget(self.empty_label)
