"""Dialogs of the covenant register: request an amendment, record a party's decision, record the
written notice, set the annex, draw up, revise, approve and withdraw an implementation plan;
and the read-only views of the annex and of a plan.

A form dialog only collects input and emits ``submitted``; the page runs the service in the
background (services.covenant) and calls ``succeed()`` or ``fail(exc)``. Every rule lives in
the domain and the services. The notice dialog shows the day the termination takes effect as
the domain computes it, so the person sees it before recording.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QFont, QIcon
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.classification import Classification, ClassificationDuration
from desktop_app.domain.covenant import Party, termination_effective
from desktop_app.domain.errors import AppError
from desktop_app.domain.timefmt import shown_prose_date
from desktop_app.gui.covenant.labels import head_label, party_label
from desktop_app.gui.dates import date_edit, pydate
from desktop_app.gui.dialogs import FormDialog
from desktop_app.gui.drafts import DialogKey, Opened, cannot_reopen, reopen_on_page
from desktop_app.gui.errors import message_for
from desktop_app.gui.labels import clearance_label
from desktop_app.gui.marking import DurationField
from desktop_app.gui.pages import button_row


class CovenantFormDialog(FormDialog):
    """Points at the field a service refused (InvalidInput.field)."""

    fields: dict[str, QWidget]

    def fail(self, exc: BaseException) -> None:
        field = exc.field if isinstance(exc, AppError) else None
        widget = getattr(self, "fields", {}).get(field or "")
        if widget is not None:
            widget.setFocus()
        self.show_error(message_for(exc))


def _reopen_on_plan(window: Any, key: DialogKey, opened: Opened, button: str, opener: str) -> None:
    """The plan loaded afresh and shown, then its step's dialog, if the step is still open."""
    from desktop_app.gui.covenant.page import CovenantPage
    from desktop_app.services import covenant

    page = window.show_section("covenant")
    assert isinstance(page, CovenantPage) and key.object_id is not None
    session, plan_id = page.session, key.object_id

    def loaded(view: Any) -> None:
        page._show_plan(view)
        step = getattr(page, button)
        if not step.isEnabled():
            opened(cannot_reopen(step.toolTip()))
            return
        opened(getattr(page, opener)() or cannot_reopen(""))

    page.runner.run(
        lambda: covenant.get_plan(session, plan_id, None),
        loaded,
        lambda exc: opened(cannot_reopen(message_for(exc))),
        owner=page,
    )


def _acting(dialog: FormDialog, party: Party | None) -> None:
    if party is None:
        return
    dialog.add_text(
        QCoreApplication.translate("CovenantDialogs", "U legt dit vast namens de %1 (%2).")
        .replace("%1", party_label(party))
        .replace("%2", head_label(party)),
        "hintLabel",
    )


def _text_edit(parent: QWidget, name: str) -> QPlainTextEdit:
    edit = QPlainTextEdit(parent)
    edit.setObjectName(name)
    edit.setTabChangesFocus(True)
    edit.setMinimumHeight(140)
    return edit


def _level_combo(parent: QWidget, current: Classification, *, public: bool) -> QComboBox:
    combo = QComboBox(parent)
    for level in Classification:
        if public or level is not Classification.ONGERUBRICEERD:
            combo.addItem(clearance_label(level), level)
    combo.setCurrentIndex(max(combo.findData(current), 0))
    return combo


def _duration_field(parent: QWidget, today: dt.date) -> DurationField:
    """The marking's duration field with an example of the covenant's own and its start at
    the same day ten years on (the 28th at most, so that 29 February has one)."""
    return DurationField(
        today,
        parent,
        until=today.replace(year=today.year + 10, day=min(today.day, 28)),
        example=QCoreApplication.translate(
            "DurationField", "bijvoorbeeld: beëindiging van het convenant"
        ),
    )


@dataclass(frozen=True)
class NewAmendment:
    change: str
    requested_on: dt.date
    effective: dt.date | None


class AmendmentDialog(CovenantFormDialog):
    draft_name = "covenant-amendment"
    reopen = reopen_on_page("covenant", "open_amendment_dialog")

    def __init__(self, today: dt.date, party: Party | None, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Wijziging verzoeken (art. 4.1)"), self.tr("&Vastleggen"), parent)
        self.setObjectName("amendmentDialog")
        _acting(self, party)
        self.change_edit = _text_edit(self, "changeEdit")
        self.change_edit.setPlaceholderText(self.tr("welk onderdeel, en hoe het luidt"))
        self.add_row(self.tr("Voorgestelde &wijziging"), self.change_edit)
        self.date_edit = date_edit(self, today, maximum=today)
        self.add_row(self.tr("&Datum van het verzoek"), self.date_edit)
        self.effective_check = QCheckBox(self.tr("Voorgestelde datum van &inwerkingtreding"), self)
        self.effective_edit = date_edit(self, today + dt.timedelta(days=30))
        self.effective_edit.setEnabled(False)
        self.effective_check.toggled.connect(self.effective_edit.setEnabled)
        self.form.addRow(self.effective_check, self.effective_edit)
        self.add_text(
            self.tr(
                "De wijziging behoeft de instemming van beide partijen; zij treedt niet eerder "
                "in werking dan de dag na de tweede instemming."
            ),
            "hintLabel",
        )
        self.fields = {
            "change": self.change_edit,
            "date": self.date_edit,
            "effective": self.effective_edit,
        }
        self.setMinimumWidth(560)
        self.change_edit.setFocus()

    def value(self) -> NewAmendment:
        change = self.change_edit.toPlainText()
        if not change.strip():
            self.change_edit.setFocus()
            raise ValueError(self.tr("Beschrijf de voorgestelde wijziging."))
        return NewAmendment(
            change,
            pydate(self.date_edit.date()),
            pydate(self.effective_edit.date()) if self.effective_check.isChecked() else None,
        )


@dataclass(frozen=True)
class NewDecision:
    decision_ref: str
    decided_on: dt.date
    refuse: bool


class DecisionDialog(CovenantFormDialog):
    """One party's consent to (or refusal of) an amendment, under its head's decision."""

    draft_name = "covenant-decision"  # draft_object: the amendment's id

    @classmethod
    def reopen(cls, window: Any, key: DialogKey, opened: Opened) -> None:
        from desktop_app.gui.covenant.page import CovenantPage
        from desktop_app.services import covenant

        page = window.show_section("covenant")
        assert isinstance(page, CovenantPage)
        session = page.session

        def shown(view: Any) -> None:
            page.show_view(view)
            ids = [int(a.id) for a in page.amendment_model.rows]
            if key.object_id not in ids:
                gone = QCoreApplication.translate(
                    "DecisionDialog", "Deze wijziging bestaat niet meer."
                )
                opened(cannot_reopen(gone))
                return
            page.amendment_table.selectRow(ids.index(key.object_id))
            if not page.decide_button.isEnabled():
                opened(cannot_reopen(page.decide_button.toolTip()))
                return
            opened(page.open_decision_dialog() or cannot_reopen(""))

        page.runner.run(
            lambda: covenant.show_covenant(session),
            shown,
            lambda exc: opened(cannot_reopen(message_for(exc))),
            owner=page,
        )

    def __init__(
        self, amendment_id: int, today: dt.date, party: Party | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(
            self.tr("Besluit over wijziging %1").replace("%1", str(amendment_id)),
            self.tr("&Vastleggen"),
            parent,
        )
        self.setObjectName("decisionDialog")
        self.draft_object = amendment_id
        _acting(self, party)
        self.consent_radio = QRadioButton(self.tr("&Ingestemd"), self)
        self.consent_radio.setChecked(True)
        self.refuse_radio = QRadioButton(self.tr("&Niet ingestemd"), self)
        self.form.addRow(self.tr("Besluit"), button_row(self.consent_radio, self.refuse_radio))
        self.ref_edit = QLineEdit(self)
        self.ref_edit.setMaxLength(100)
        self.ref_edit.setPlaceholderText(self.tr("bijvoorbeeld DG-AIVD 2027/12"))
        self.add_row(self.tr("&Kenmerk van het besluit"), self.ref_edit)
        self.date_edit = date_edit(self, today, maximum=today)
        self.add_row(self.tr("&Datum van het besluit"), self.date_edit)
        self.fields = {"decision": self.ref_edit, "date": self.date_edit}
        self.setMinimumWidth(460)
        self.ref_edit.setFocus()

    def value(self) -> NewDecision:
        ref = self.ref_edit.text()
        if not ref.strip():
            self.ref_edit.setFocus()
            raise ValueError(self.tr("Vul het kenmerk van het besluit in."))
        return NewDecision(ref, pydate(self.date_edit.date()), self.refuse_radio.isChecked())


class TerminationDialog(CovenantFormDialog):
    draft_name = "covenant-termination"
    reopen = reopen_on_page("covenant", "open_termination_dialog")

    """The written notice (art. 4.2); the day it takes effect is shown as it is computed."""

    def __init__(self, today: dt.date, party: Party | None, parent: QWidget | None = None) -> None:
        # It cannot be undone: "Annuleren" is the default, so Enter records nothing.
        super().__init__(
            self.tr("Opzegging vastleggen (art. 4.2)"),
            self.tr("&Vastleggen"),
            parent,
            irreversible=True,
        )
        self.setObjectName("terminationDialog")
        _acting(self, party)
        self.date_edit = date_edit(self, today, maximum=today)
        self.add_row(self.tr("&Datum van de opzegbrief"), self.date_edit)
        self.effective_label = QLabel(self)
        self.effective_label.setObjectName("effectiveLabel")
        self.add_row(self.tr("Opgezegd per"), self.effective_label)
        self.add_text(
            self.tr(
                "Een opzegging kan niet worden teruggedraaid: het convenant eindigt drie "
                "kalendermaanden na de datum van de brief."
            ),
            "hintLabel",
        )
        self.fields = {"date": self.date_edit}
        self.date_edit.dateChanged.connect(lambda _d: self._update())
        self._update()
        self.setMinimumWidth(460)

    def _update(self) -> None:
        self.effective_label.setText(shown_prose_date(termination_effective(self.value())))

    def value(self) -> dt.date:
        return pydate(self.date_edit.date())


@dataclass(frozen=True)
class NewAnnex:
    text: str
    classification: Classification
    until: dt.date | None = None
    event: str | None = None


class AnnexDialog(CovenantFormDialog):
    draft_name = "covenant-annex"
    reopen = reopen_on_page("covenant", "open_annex_dialog")

    """A new version of the non-public annex: typed or pasted here, stored in the encrypted
    workspace only (never a file)."""

    def __init__(
        self,
        clearance: Classification,
        today: dt.date,
        parent: QWidget | None = None,
        *,
        current: Classification | None = None,
        current_duration: ClassificationDuration | None = None,
    ) -> None:
        """``current``, ``current_duration``: the marking of the version on record and how long
        it holds, the new version's starting point (it started at Stg. Confidentieel and "niet
        vastgelegd", a step down from a Stg. Geheim annex held until 2031)."""
        super().__init__(
            self.tr("Niet-openbare bijlage vastleggen"), self.tr("&Vastleggen"), parent
        )
        self.setObjectName("annexDialog")
        start = Classification.STG_CONFIDENTIEEL if current is None else current
        self.level_combo = _level_combo(self, min(start, clearance), public=False)
        self.add_row(self.tr("&Rubricering"), self.level_combo)
        self.duration = _duration_field(self, today)
        if current_duration is not None:
            self.duration.set_duration(
                current_duration, Classification(self.level_combo.currentData()), editable=True
            )
        self.duration.follow(self.level_combo)
        self.add_row(self.tr("Rubricering &geldt"), self.duration)
        self.text_edit = _text_edit(self, "annexEdit")
        self.text_edit.setMinimumHeight(220)
        self.add_row(self.tr("&Tekst"), self.text_edit)
        self.fields = {
            "classification": self.level_combo,
            "classification_until": self.duration,
            "classification_event": self.duration,
            "text": self.text_edit,
        }
        self.setMinimumWidth(620)
        self.text_edit.setFocus()

    def value(self) -> NewAnnex:
        text = self.text_edit.toPlainText()
        if not text.strip():
            raise ValueError(self.tr("De tekst van de bijlage is leeg."))
        duration = self.duration.entry()
        level = Classification(self.level_combo.currentData())
        return NewAnnex(text, level, duration.until, duration.event)


@dataclass(frozen=True)
class NewPlan:
    subject: str
    text: str
    classification: Classification
    until: dt.date | None = None
    event: str | None = None


class PlanDialog(CovenantFormDialog):
    draft_name = "covenant-plan"
    reopen = reopen_on_page("covenant", "open_plan_dialog")

    def __init__(
        self, clearance: Classification, today: dt.date, parent: QWidget | None = None
    ) -> None:
        super().__init__(
            self.tr("Uitvoeringsplan opstellen (art. 3.3)"), self.tr("&Opstellen"), parent
        )
        self.setObjectName("planDialog")
        self.subject_edit = QLineEdit(self)
        self.subject_edit.setMaxLength(200)
        self.add_row(self.tr("Onder&werp"), self.subject_edit)
        self.level_combo = _level_combo(
            self, min(Classification.STG_CONFIDENTIEEL, clearance), public=True
        )
        self.add_row(self.tr("&Rubricering"), self.level_combo)
        self.duration = _duration_field(self, today)
        self.duration.follow(self.level_combo)
        self.add_row(self.tr("Rubricering &geldt"), self.duration)
        self.text_edit = _text_edit(self, "planEdit")
        self.text_edit.setMinimumHeight(200)
        self.add_row(self.tr("&Tekst"), self.text_edit)
        self.fields = {
            "subject": self.subject_edit,
            "classification": self.level_combo,
            "classification_until": self.duration,
            "classification_event": self.duration,
            "text": self.text_edit,
        }
        self.setMinimumWidth(620)
        self.subject_edit.setFocus()

    def value(self) -> NewPlan:
        if not self.subject_edit.text().strip():
            self.subject_edit.setFocus()
            raise ValueError(self.tr("Vul het onderwerp van het uitvoeringsplan in."))
        duration = self.duration.entry()
        return NewPlan(
            self.subject_edit.text(),
            self.text_edit.toPlainText(),
            Classification(self.level_combo.currentData()),
            duration.until,
            duration.event,
        )


class ReviseDialog(CovenantFormDialog):
    draft_name = "covenant-revise"  # draft_object: the plan's id

    @classmethod
    def reopen(cls, window: Any, key: DialogKey, opened: Opened) -> None:
        _reopen_on_plan(window, key, opened, "revise_button", "open_revise_dialog")

    def __init__(
        self, plan_id: int, text: str, approvals: int, parent: QWidget | None = None
    ) -> None:
        super().__init__(
            self.tr("Uitvoeringsplan %1 herzien").replace("%1", str(plan_id)),
            self.tr("Nieuwe &versie vastleggen"),
            parent,
        )
        self.setObjectName("reviseDialog")
        self.draft_object = plan_id
        if approvals:
            self.add_text(
                self.tr(
                    "Let op: deze versie is al goedgekeurd door één hoofd. Een nieuwe versie "
                    "maakt die goedkeuring ongedaan; beide hoofden keuren de nieuwe versie "
                    "opnieuw goed."
                ),
                "warningLabel",
            )
        self.text_edit = _text_edit(self, "reviseEdit")
        self.text_edit.setPlainText(text)
        self.text_edit.setMinimumHeight(240)
        self.add_row(self.tr("&Tekst"), self.text_edit)
        self.fields = {"text": self.text_edit}
        self.setMinimumWidth(620)
        self.text_edit.setFocus()

    def value(self) -> str:
        return self.text_edit.toPlainText()


@dataclass(frozen=True)
class NewApproval:
    decision_ref: str
    approved_on: dt.date
    version: int


class ApproveDialog(CovenantFormDialog):
    draft_name = "covenant-approve"  # draft_object: the plan's id

    @classmethod
    def reopen(cls, window: Any, key: DialogKey, opened: Opened) -> None:
        _reopen_on_plan(window, key, opened, "approve_button", "open_approve_dialog")

    def __init__(
        self,
        plan_id: int,
        version: int,
        today: dt.date,
        party: Party | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            self.tr("Uitvoeringsplan %1, versie %2 goedkeuren")
            .replace("%1", str(plan_id))
            .replace("%2", str(version)),
            self.tr("&Goedkeuren"),
            parent,
        )
        self.setObjectName("approveDialog")
        self.draft_object = plan_id
        self.version = version
        _acting(self, party)
        self.ref_edit = QLineEdit(self)
        self.ref_edit.setMaxLength(100)
        self.add_row(self.tr("&Kenmerk van het besluit"), self.ref_edit)
        self.date_edit = date_edit(self, today, maximum=today)
        self.add_row(self.tr("&Datum van de goedkeuring"), self.date_edit)
        self.fields = {"decision": self.ref_edit, "date": self.date_edit}
        self.setMinimumWidth(460)
        self.ref_edit.setFocus()

    def value(self) -> NewApproval:
        if not self.ref_edit.text().strip():
            raise ValueError(self.tr("Vul het kenmerk van het besluit in."))
        return NewApproval(self.ref_edit.text(), pydate(self.date_edit.date()), self.version)


class WithdrawDialog(CovenantFormDialog):
    draft_name = "covenant-withdraw"  # draft_object: the plan's id

    @classmethod
    def reopen(cls, window: Any, key: DialogKey, opened: Opened) -> None:
        _reopen_on_plan(window, key, opened, "withdraw_button", "open_withdraw_dialog")

    def __init__(self, plan_id: int, parent: QWidget | None = None) -> None:
        super().__init__(
            self.tr("Uitvoeringsplan %1 intrekken").replace("%1", str(plan_id)),
            self.tr("&Intrekken"),
            parent,
        )
        self.setObjectName("withdrawDialog")
        self.draft_object = plan_id
        self.reason_edit = QLineEdit(self)
        self.reason_edit.setMaxLength(2000)
        self.add_row(self.tr("&Reden"), self.reason_edit)
        self.fields = {"reason": self.reason_edit}
        self.setMinimumWidth(460)
        self.reason_edit.setFocus()

    def value(self) -> str:
        if not self.reason_edit.text().strip():
            raise ValueError(self.tr("Geef de reden van de intrekking."))
        return self.reason_edit.text()


class TextViewer(QDialog):
    """Classified text shown read-only under its marking (the annex, a plan version). It holds
    the text only while open; the lock closes it (the page's ``wipe``)."""

    def __init__(self, title: str, marking: str, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("textViewer")
        self.setWindowTitle(title)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        layout = QVBoxLayout(self)
        self.marking_label = QLabel(marking, self)
        self.marking_label.setObjectName("markingLabel")
        self.marking_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.marking_label)
        self.text_view = QPlainTextEdit(self)
        self.text_view.setReadOnly(True)
        self.text_view.setPlainText(text)
        layout.addWidget(self.text_view, 1)
        # The marking under the text too, as on paper and in the inspection window.
        self.marking_bottom = QLabel(marking, self)
        self.marking_bottom.setObjectName("markingLabel")
        self.marking_bottom.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.marking_bottom)
        for label in (self.marking_label, self.marking_bottom):
            label.setTextFormat(Qt.TextFormat.PlainText)
            font = QFont(label.font())
            font.setBold(True)
            label.setFont(font)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close = buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setText(self.tr("&Sluiten"))
        close.setIcon(QIcon())  # some styles add a stock icon; the word is enough (FormDialog)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(680, 480)

    def wipe(self) -> None:
        self.text_view.clear()
        self.reject()
