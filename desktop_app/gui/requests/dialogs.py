"""Dialogs of the requests views: register a request (with its deadline shown at once), record
the delay notice, close without an ambtsbericht, add a provision, add a calendar day.

As in desktop_app.gui.dialogs: a dialog only collects input and emits ``submitted``; the page
runs the service in the background and calls ``succeed()`` or ``fail(exc)``. The rules live in
the services and the domain; a dialog checks only what the form itself asks.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from desktop_app.domain.calendar import REQUEST_TERM_WORKING_DAYS, AtwCalendar
from desktop_app.domain.errors import AppError, InvalidInput
from desktop_app.domain.requests import (
    REASON_MAX_LENGTH,
    SUBJECT_NAME_MAX_LENGTH,
    DelayNotice,
    Purpose,
    parse_date,
)
from desktop_app.gui.dates import date_edit, pydate, qdate
from desktop_app.gui.dialogs import FormDialog
from desktop_app.gui.drafts import DialogKey, Opened, cannot_reopen, reopen_on_page
from desktop_app.gui.errors import message_for
from desktop_app.gui.pages import wrapped_label
from desktop_app.gui.requests import api
from desktop_app.gui.requests.api import NewProvision, NewRequest
from desktop_app.gui.requests.labels import (
    day_kind_label,
    direction_label,
    field_label,
    long_day_text,
    purpose_label,
)
from desktop_app.gui.requests.models import working_days_late, working_days_left
from desktop_app.services.provisions import DEFAULT_LEGAL_BASIS


class ServiceFormDialog(FormDialog):
    """A FormDialog that points at the field a service refused (InvalidInput.field)."""

    fields: dict[str, QWidget]

    def fail(self, exc: BaseException) -> None:
        field = exc.field if isinstance(exc, AppError) else None
        widget = getattr(self, "fields", {}).get(field or "")
        message = message_for(exc)
        if widget is not None:
            widget.setFocus()
            label = field_label(field)
            if label and label.lower() not in message.lower():
                message = f"{label[:1].upper()}{label[1:]}: {message}"
        self.show_error(message)


class RegisterRequestDialog(ServiceFormDialog):
    """A new request; the deadline (ten working days after receipt, Atw calendar) is shown as
    soon as the received date is known, and follows every change of it."""

    draft_name = "register-request"
    reopen = reopen_on_page("requests", "open_register_dialog")

    def __init__(
        self, today: dt.date, calendar: AtwCalendar | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(self.tr("Verzoek registreren"), self.tr("&Registreren"), parent)
        self.setObjectName("registerRequestDialog")
        self.today = today
        self.calendar = calendar
        self.name_edit = QLineEdit(self)
        self.name_edit.setMaxLength(SUBJECT_NAME_MAX_LENGTH)
        self.name_edit.setPlaceholderText(self.tr("volledige naam, in elk schrift"))
        self.add_row(self.tr("&Naam betrokkene"), self.name_edit)
        self.v_number_edit = QLineEdit(self)
        self.v_number_edit.setMaxLength(14)
        self.v_number_edit.setPlaceholderText(self.tr("10 cijfers"))
        self.add_row(self.tr("&V-nummer"), self.v_number_edit)
        self.purpose_combo = QComboBox(self)
        for purpose in Purpose:
            self.purpose_combo.addItem(purpose_label(purpose), purpose)
        self.add_row(self.tr("&Doel"), self.purpose_combo)
        self.basis_label = QLabel(self)
        self.basis_label.setObjectName("hintLabel")
        self.form.addRow(self.tr("Grondslag"), self.basis_label)
        self.birth_edit = QLineEdit(self)
        self.birth_edit.setPlaceholderText(self.tr("DD-MM-JJJJ (optioneel)"))
        self.add_row(self.tr("&Geboortedatum"), self.birth_edit)
        self.nationality_edit = QLineEdit(self)
        self.nationality_edit.setMaxLength(3)
        self.nationality_edit.setPlaceholderText(self.tr("landcode, bijvoorbeeld TUR (optioneel)"))
        self.add_row(self.tr("Nationa&liteit"), self.nationality_edit)
        self.received_edit = date_edit(self, today, maximum=today)
        self.add_row(self.tr("&Ontvangen op"), self.received_edit)
        self.ind_reference_edit = QLineEdit(self)
        self.ind_reference_edit.setMaxLength(64)
        self.ind_reference_edit.setPlaceholderText(self.tr("optioneel"))
        self.add_row(self.tr("&IND-kenmerk"), self.ind_reference_edit)
        self.deadline_label = wrapped_label("", self, "deadlineLabel", selectable=True)
        self.deadline_label.setStyleSheet(
            "QLabel#deadlineLabel { font-weight: bold; color: #1f3a5f; }"
        )
        self.form.addRow(self.tr("Termijn"), self.deadline_label)
        self.fields = {
            "subject_name": self.name_edit,
            "v_number": self.v_number_edit,
            "purpose": self.purpose_combo,
            "birth_date": self.birth_edit,
            "nationality": self.nationality_edit,
            "received": self.received_edit,
            "ind_reference": self.ind_reference_edit,
        }
        self.received_edit.dateChanged.connect(lambda _d: self.update_deadline())
        self.purpose_combo.currentIndexChanged.connect(lambda _i: self._update_basis())
        # The V-number the person confirmed after the warning that open requests have it.
        self.confirmed_v_number: str | None = None
        self._ok_text = self.ok_button.text()
        self.v_number_edit.textChanged.connect(lambda _t: self._forget_confirmation())
        self._update_basis()
        self.update_deadline()
        self.setMinimumWidth(500)
        self.name_edit.setFocus()

    def warn_open_requests(self, v_number: str, message: str) -> None:
        """The service found open requests with this V-number: say which, and let a second
        click register anyway (nothing is saved until then)."""
        self.show_error(message)
        self.confirmed_v_number = v_number
        self.ok_button.setText(self.tr("Toch &registreren"))
        self.v_number_edit.setFocus()

    def _forget_confirmation(self) -> None:
        if self.confirmed_v_number is not None:
            self.confirmed_v_number = None
            self.ok_button.setText(self._ok_text)

    def set_calendar(self, calendar: AtwCalendar) -> None:
        self.calendar = calendar
        self.update_deadline()
        # The deadline's sentence arrives after the dialog was laid out (opened before the
        # calendar had loaded, e.g. reopened after a lock): make room instead of clipping it.
        if self.height() < self.sizeHint().height():
            self.resize(self.width(), self.sizeHint().height())

    def _update_basis(self) -> None:
        purpose = self.purpose_combo.currentData()
        self.basis_label.setText(Purpose(purpose).legal_basis if purpose else "")

    def deadline(self) -> dt.date | None:
        if self.calendar is None:
            return None
        return self.calendar.deadline_for(pydate(self.received_edit.date()))

    def update_deadline(self) -> None:
        deadline = self.deadline()
        if deadline is None or self.calendar is None:
            self.deadline_label.setText(self.tr("wordt berekend…"))
            return
        text = (
            self.tr("%1 — %2 werkdagen na ontvangst (Algemene termijnenwet)")
            .replace("%1", long_day_text(deadline))
            .replace("%2", str(REQUEST_TERM_WORKING_DAYS))
        )
        remaining = self.calendar.remaining_working_days(deadline, self.today)
        if remaining < 0:
            text += "\n⚠ " + self.tr("De termijn is al verstreken (%1).").replace(
                "%1", working_days_late(-remaining)
            )
        elif remaining < REQUEST_TERM_WORKING_DAYS:
            text += "\n" + self.tr("Vandaag resteert: %1.").replace(
                "%1", working_days_left(remaining) if remaining else self.tr("laatste dag")
            )
        self.deadline_label.setText(text)

    def value(self) -> NewRequest:
        birth_text = self.birth_edit.text().strip()
        try:
            birth = parse_date(birth_text, field="birth_date") if birth_text else None
        except InvalidInput as exc:
            self.birth_edit.setFocus()
            raise ValueError(exc.message) from None
        return NewRequest(
            subject_name=self.name_edit.text(),
            v_number=self.v_number_edit.text(),
            purpose=Purpose(self.purpose_combo.currentData()),
            received=pydate(self.received_edit.date()),
            birth_date=birth,
            nationality=self.nationality_edit.text().strip() or None,
            ind_reference=self.ind_reference_edit.text().strip() or None,
        )

    def wipe(self) -> None:
        for edit in (
            self.name_edit,
            self.v_number_edit,
            self.birth_edit,
            self.nationality_edit,
            self.ind_reference_edit,
        ):
            edit.clear()


class ReasonDialog(ServiceFormDialog):
    """A reason (required), for the delay notice and for closing without an ambtsbericht."""

    def __init__(
        self,
        title: str,
        ok_text: str,
        intro: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(title, ok_text, parent)
        self.intro_label = self.add_text(intro)
        self.reason_edit = QPlainTextEdit(self)
        self.reason_edit.setTabChangesFocus(True)
        self.reason_edit.setMinimumHeight(90)
        self.fields = {"reason": self.reason_edit}
        self.setMinimumWidth(480)

    def reason(self) -> str:
        text = self.reason_edit.toPlainText().strip()
        # Explicit context: this base class's texts are looked up under its own name.
        if not text:
            self.reason_edit.setFocus()
            raise ValueError(QCoreApplication.translate("ReasonDialog", "Geef een reden op."))
        if len(text) > REASON_MAX_LENGTH:
            raise ValueError(
                QCoreApplication.translate(
                    "ReasonDialog", "De reden is langer dan %1 tekens."
                ).replace("%1", str(REASON_MAX_LENGTH))
            )
        return text

    def wipe(self) -> None:
        self.reason_edit.clear()


class DelayNoticeDialog(ReasonDialog):
    """The liaison was told the ambtsbericht will not make the deadline: when, why and whom (a
    liaison account, filled in by ``set_liaisons`` once the page has fetched them). Who told
    them is the signed-in officer."""

    draft_name = "delay-notice"  # draft_object: the request's id

    @classmethod
    def reopen(cls, window: Any, key: DialogKey, opened: Opened) -> None:
        _reopen_on_request(window, key.object_id, opened, "open_delay_notice_dialog")

    def __init__(
        self,
        reference: str,
        deadline: dt.date,
        today: dt.date,
        received: dt.date,
        officer: str,
        parent: QWidget | None = None,
        *,
        now: dt.datetime | None = None,
    ) -> None:
        intro = self.tr(
            "Leg vast dat de IND-liaison is geïnformeerd dat het ambtsbericht bij "
            "verzoek %1 niet binnen de termijn (%2) kan worden uitgebracht."
        )
        super().__init__(
            self.tr("Uitstel melden aan de liaison"),
            self.tr("&Vastleggen"),
            intro.replace("%1", reference).replace("%2", long_day_text(deadline)),
            parent,
        )
        self.setObjectName("delayNoticeDialog")
        self.deadline = deadline
        self.now = now
        self.by_label = QLabel(officer, self)
        self.form.addRow(self.tr("Gemeld door"), self.by_label)
        self.liaison_combo = QComboBox(self)
        self.liaison_combo.setObjectName("liaisonCombo")
        self.liaison_combo.addItem(self.tr("Bezig met laden…"), None)
        self.liaison_combo.setEnabled(False)
        self.add_row(self.tr("&Liaison geïnformeerd"), self.liaison_combo)
        self.date_edit = date_edit(self, today, maximum=today)
        self.date_edit.setMinimumDate(qdate(received))
        self.add_row(self.tr("&Datum van de melding"), self.date_edit)
        self.add_row(self.tr("&Reden van de vertraging"), self.reason_edit)
        self.late_label = self.add_text("", "hintLabel")
        self.fields["date"] = self.date_edit
        self.fields["liaison"] = self.liaison_combo
        self.date_edit.dateChanged.connect(lambda _d: self._update_late())
        self._update_late()
        # The visual order: the reason field was made (by ReasonDialog) before the rows above it.
        chain = [self.liaison_combo, self.date_edit, self.reason_edit, self.ok_button]
        chain.append(self.buttons.button(QDialogButtonBox.StandardButton.Cancel))
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)
        self.reason_edit.setFocus()

    def set_liaisons(self, liaisons: Sequence[tuple[str, str]]) -> None:
        """The active liaison accounts as (login name, full name)."""
        self.liaison_combo.clear()
        for name, full_name in liaisons:
            shown = full_name if full_name == name else f"{full_name} ({name})"
            self.liaison_combo.addItem(shown, name)
        if not liaisons:
            self.liaison_combo.addItem(self.tr("geen liaison-account: niet vastgelegd"), None)
        self.liaison_combo.setEnabled(bool(liaisons))
        self.liaison_combo.adjustSize()
        self.draft_baseline(self.liaison_combo)  # filled by the dialog, not typed

    def _update_late(self) -> None:
        day = pydate(self.date_edit.date())
        notice = DelayNotice(day, "", "", recorded_at=self.now)
        if notice.recorded_afterwards(self.deadline):
            self.late_label.setText(
                "⚠ "
                + self.tr(
                    "De termijn is al verstreken: de melding telt als tijdig, maar wordt "
                    "gemarkeerd als achteraf vastgelegd."
                )
            )
        elif not notice.is_on_time(self.deadline):
            self.late_label.setText(
                "⚠ "
                + self.tr(
                    "Deze datum ligt na de termijn: de melding wordt vastgelegd, maar telt niet als "  # noqa: E501 (translation key)
                    "tijdig."
                )
            )
        else:
            self.late_label.setText("")

    def value(self) -> tuple[dt.date, str, str | None]:
        liaison = self.liaison_combo.currentData()
        return pydate(self.date_edit.date()), self.reason(), liaison if liaison else None


class CloseRequestDialog(ReasonDialog):
    """Closing without an ambtsbericht: the oversight committee asks for the reason."""

    draft_name = "close-request"  # draft_object: the request's id

    @classmethod
    def reopen(cls, window: Any, key: DialogKey, opened: Opened) -> None:
        _reopen_on_request(window, key.object_id, opened, "open_close_dialog")

    def __init__(self, reference: str, parent: QWidget | None = None) -> None:
        intro = self.tr(
            "Verzoek %1 wordt afgesloten zonder ambtsbericht. Vermeld waarom "
            "(de toezichthouder vraagt hierom)."
        ).replace("%1", reference)
        super().__init__(
            self.tr("Afsluiten zonder ambtsbericht"), self.tr("&Afsluiten"), intro, parent
        )
        self.setObjectName("closeRequestDialog")
        self.add_row(self.tr("&Reden"), self.reason_edit)
        self.reason_edit.setPlaceholderText(
            self.tr("bijvoorbeeld: geen gegevens over betrokkene bekend")
        )
        self.reason_edit.setFocus()

    def value(self) -> str:
        return self.reason()


DIRECTIONS = ("aivd_to_ind", "ind_to_aivd")


def _reopen_on_request(window: Any, request_id: int | None, opened: Opened, opener: str) -> None:
    """Show the request again (loaded afresh) and open the step's dialog over it, if the step
    is still possible (the request may have been closed meanwhile)."""
    from desktop_app.gui.requests.page import RequestsPage

    page = window.show_section("requests")
    assert isinstance(page, RequestsPage) and request_id is not None
    detail, session = page.detail, page.session

    def loaded(record: Any) -> None:
        detail.show_record(record)
        delay = opener == "open_delay_notice_dialog"
        button = detail.delay_button if delay else detail.close_button
        if not button.isEnabled():  # the step's permission, as the detail shows it
            opened(cannot_reopen(button.toolTip() or record.reference))
            return
        dialog = getattr(detail, opener)()
        opened(dialog if dialog is not None else cannot_reopen(record.reference))

    page.runner.run(
        lambda: api.get_request(session, request_id),
        loaded,
        lambda exc: opened(cannot_reopen(message_for(exc))),
        owner=detail,
    )


class AddProvisionDialog(ServiceFormDialog):
    """A provision in either direction, linked to a request or spontaneous."""

    draft_name = "add-provision"
    reopen = reopen_on_page("provisions", "open_add_dialog")

    def __init__(self, today: dt.date, user_name: str, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Verstrekking vastleggen"), self.tr("&Vastleggen"), parent)
        self.setObjectName("addProvisionDialog")
        self.user_name = user_name
        self.direction_combo = QComboBox(self)
        for direction in DIRECTIONS:
            self.direction_combo.addItem(direction_label(direction), direction)
        self.add_row(self.tr("&Richting"), self.direction_combo)
        self.date_edit = date_edit(self, today, maximum=today)
        self.add_row(self.tr("&Datum"), self.date_edit)
        self.description_edit = QLineEdit(self)
        self.description_edit.setMaxLength(500)
        self.description_edit.setPlaceholderText(
            self.tr("kenmerk van het ambtsbericht of een omschrijving")
        )
        self.add_row(self.tr("&Wat"), self.description_edit)
        self.basis_combo = QComboBox(self)
        self.basis_combo.setEditable(True)
        bases = [*DEFAULT_LEGAL_BASIS.values(), *(p.legal_basis for p in Purpose)]
        for basis in dict.fromkeys(bases):
            self.basis_combo.addItem(basis)
        self.add_row(self.tr("&Grondslag"), self.basis_combo)
        self.provided_by_edit = QLineEdit(self)
        self.add_row(self.tr("V&erstrekt door"), self.provided_by_edit)
        self.received_by_edit = QLineEdit(self)
        self.add_row(self.tr("&Ontvangen door"), self.received_by_edit)
        self.request_edit = QLineEdit(self)
        self.request_edit.setPlaceholderText(
            self.tr("NV-JJJJ-000000; leeg bij een spontane verstrekking")
        )
        self.add_row(self.tr("&Bij verzoek"), self.request_edit)
        self.fields = {
            "direction": self.direction_combo,
            "date": self.date_edit,
            "description": self.description_edit,
            "legal_basis": self.basis_combo,
            "provided_by": self.provided_by_edit,
            "received_by": self.received_by_edit,
            "request": self.request_edit,
            "reference": self.request_edit,
        }
        self.direction_combo.currentIndexChanged.connect(lambda _i: self._defaults())
        self._defaults()
        self.setMinimumWidth(520)
        self.description_edit.setFocus()

    def _defaults(self) -> None:
        direction = str(self.direction_combo.currentData())
        aivd_to_ind = direction == "aivd_to_ind"
        self.basis_combo.setCurrentText(DEFAULT_LEGAL_BASIS.get(direction, ""))
        self.provided_by_edit.setText(self.user_name if aivd_to_ind else "IND")
        self.received_by_edit.setText("IND" if aivd_to_ind else self.user_name)

    def wipe(self) -> None:
        """The lock: the description typed in is cleared before the dialog closes."""
        self.description_edit.clear()

    def value(self) -> NewProvision:
        description = self.description_edit.text().strip()
        if not description:
            self.description_edit.setFocus()
            raise ValueError(self.tr("Omschrijf wat er is verstrekt."))
        return NewProvision(
            direction=str(self.direction_combo.currentData()),
            provided_on=pydate(self.date_edit.date()),
            description=description,
            legal_basis=self.basis_combo.currentText().strip() or None,
            provided_by=self.provided_by_edit.text().strip() or None,
            received_by=self.received_by_edit.text().strip() or None,
            request_reference=self.request_edit.text().strip() or None,
        )


class AddCalendarDayDialog(ServiceFormDialog):
    """A decree day (art. 3 lid 3 Atw) or a local closure day."""

    draft_name = "calendar-day"
    reopen = reopen_on_page("admin", "calendar_page.open_add_dialog")

    def __init__(self, today: dt.date, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Dag toevoegen aan de kalender"), self.tr("&Toevoegen"), parent)
        self.setObjectName("addCalendarDayDialog")
        self.add_text(
            self.tr(
                "Een bij besluit met een feestdag gelijkgestelde dag (Staatscourant, art. 3 lid 3 "
                "Algemene termijnenwet) of een sluitingsdag telt niet als werkdag. Open verzoeken "
                "krijgen zo nodig een nieuwe termijn."
            )
        )
        self.date_edit = date_edit(self, today)
        self.add_row(self.tr("&Datum"), self.date_edit)
        self.kind_combo = QComboBox(self)
        for kind in ("decree", "closure"):
            self.kind_combo.addItem(day_kind_label(kind), kind)
        self.add_row(self.tr("&Soort"), self.kind_combo)
        self.description_edit = QLineEdit(self)
        self.description_edit.setMaxLength(200)
        self.description_edit.setPlaceholderText(
            self.tr("bijvoorbeeld: Besluit gelijkstelling 2029, Stcrt. 2026, 12345")
        )
        self.add_row(self.tr("&Omschrijving"), self.description_edit)
        self.fields = {
            "date": self.date_edit,
            "day": self.date_edit,
            "kind": self.kind_combo,
            "description": self.description_edit,
        }
        self.setMinimumWidth(480)

    def value(self) -> tuple[dt.date, str, str]:
        return (
            pydate(self.date_edit.date()),
            str(self.kind_combo.currentData()),
            self.description_edit.text().strip(),
        )


def import_error_text(exc: BaseException) -> str:
    """The import was refused: the sentence, and the row and field it names."""
    message = message_for(exc)
    row = getattr(exc, "row", None)
    field = getattr(exc, "field", None)
    parts: list[str] = []
    if row is not None:
        parts.append(QCoreApplication.translate("requests", "rij %1").replace("%1", str(row)))
    if field:
        parts.append(
            QCoreApplication.translate("requests", "veld ‘%1’").replace("%1", field_label(field))
        )
    where = (", ".join(parts) + ": ") if parts else ""
    return (
        QCoreApplication.translate(
            "requests", "De lijst is niet ingelezen; er is niets vastgelegd."
        )
        + "\n"
        + where
        + message
    )
