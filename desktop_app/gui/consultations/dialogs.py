"""The dialog that records a held consultation (art. 3.2): date, period, the moment its figures
are frozen as of, the participants of both services, decisions and action points. It collects
the form only (one participant or action point a line); the rules are the domain's, run by the
service, and a refusal points at its field."""

from __future__ import annotations

import datetime as dt
import itertools
from dataclasses import dataclass

from PySide6.QtCore import QSize
from PySide6.QtWidgets import (
    QCheckBox,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QWidget,
)

from desktop_app.domain.consultations import Service
from desktop_app.domain.statistics import end_of_day
from desktop_app.gui.dates import date_edit, pydate, qdate
from desktop_app.gui.drafts import reopen_on_page
from desktop_app.gui.requests.dialogs import ServiceFormDialog


@dataclass(frozen=True)
class NewConsultation:
    held_on: dt.date
    period_from: dt.date
    period_to: dt.date
    as_of: dt.datetime | None  # None: the end of the day it was held (the service's default)
    participants: tuple[tuple[Service, str, str | None], ...]
    decisions: str
    actions: tuple[tuple[str, str, dt.date], ...]


class _LinesEdit(QPlainTextEdit):
    """A few lines of text whose size hint is its minimum height: Qt's own hint (about 190
    pixels each) made the dialog 1100 pixels tall when a refusal let it grow to its hint."""

    def sizeHint(self) -> QSize:
        return QSize(super().sizeHint().width(), self.minimumHeight())


def _due_date(text: str) -> dt.date | None:
    """A due date as typed: JJJJ-MM-DD, or D-M-JJJJ the way the window shows dates."""
    text = text.strip()
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        pass
    parts = text.split("-")
    if len(parts) != 3 or len(parts[2]) != 4 or not all(part.isdigit() for part in parts):
        return None
    day, month, year = parts
    try:
        return dt.date(int(year), int(month), int(day))
    except ValueError:
        return None


def _quarter_before(day: dt.date) -> tuple[dt.date, dt.date]:
    start = dt.date(day.year, 3 * ((day.month - 1) // 3) + 1, 1)
    end = start - dt.timedelta(days=1)
    return dt.date(end.year, 3 * ((end.month - 1) // 3) + 1, 1), end


class AddConsultationDialog(ServiceFormDialog):
    draft_name = "add-consultation"
    reopen = reopen_on_page("consultations", "open_add_dialog")

    def __init__(self, today: dt.date, now: dt.datetime, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Overleg vastleggen"), self.tr("Vast&leggen"), parent)
        self.setObjectName("addConsultationDialog")
        self.now = now
        self.add_text(
            self.tr(
                "Een gehouden overleg (art. 3.2). De cijfers over de periode worden berekend zoals "
                "ze op het peilmoment stonden en bewaard; latere registraties veranderen ze niet."
            )
        )
        self.held_edit = date_edit(self, today, maximum=today)
        self.held_edit.setObjectName("heldOnEdit")
        held_row = QHBoxLayout()
        held_row.addWidget(self.held_edit)
        held_row.addStretch(1)
        held_caption = QLabel(self.tr("&Datum van het overleg"), self)
        held_caption.setBuddy(self.held_edit)
        self.held_edit.setAccessibleName(self.tr("Datum van het overleg"))
        self.form.addRow(held_caption, held_row)
        start, end = _quarter_before(today)
        period = QHBoxLayout()
        self.from_edit = date_edit(self, start)
        self.to_edit = date_edit(self, end)
        self.from_edit.setAccessibleName(self.tr("Periode van"))
        self.to_edit.setAccessibleName(self.tr("Periode tot en met"))
        to_caption = QLabel(self.tr("&tot en met"), self)
        to_caption.setBuddy(self.to_edit)
        period.addWidget(self.from_edit)
        period.addWidget(to_caption)
        period.addWidget(self.to_edit)
        period.addStretch(1)
        from_caption = QLabel(self.tr("Periode &van"), self)
        from_caption.setBuddy(self.from_edit)
        self.form.addRow(from_caption, period)
        as_of_row = QHBoxLayout()
        self.as_of_check = QCheckBox(self.tr("&Stand per einde van"), self)
        self.as_of_check.setObjectName("consultationAsOfCheck")
        self.as_of_edit = date_edit(self, today, maximum=today)
        self.as_of_edit.setAccessibleName(self.tr("Stand per einde van"))
        self.as_of_edit.setEnabled(False)
        self.as_of_check.toggled.connect(self.as_of_edit.setEnabled)
        self.as_of_check.setToolTip(
            self.tr("Niet aangevinkt: de stand aan het einde van de dag van het overleg.")
        )
        as_of_row.addWidget(self.as_of_check)
        as_of_row.addWidget(self.as_of_edit)
        as_of_row.addStretch(1)
        self.form.addRow(self.tr("Cijfers"), as_of_row)
        hint = self.tr("één per regel: naam, of naam | functie")
        self.aivd_edit = self._text(hint, 44, "aivdParticipants")
        self.add_row(self.tr("Deelnemers &AIVD"), self.aivd_edit)
        self.ind_edit = self._text(hint, 44, "indParticipants")
        self.add_row(self.tr("Deelnemers &IND"), self.ind_edit)
        self.decisions_edit = self._text(self.tr("de besluiten, elk op een regel"), 56, "decisions")
        self.add_row(self.tr("&Besluiten"), self.decisions_edit)
        self.actions_edit = self._text(
            self.tr("één per regel: omschrijving | eigenaar | JJJJ-MM-DD"), 56, "actions"
        )
        self.add_row(self.tr("Actie&punten"), self.actions_edit)
        self.fields = {
            "held_on": self.held_edit,
            "from": self.from_edit,
            "to": self.to_edit,
            "as_of": self.as_of_edit,
            "participant": self.aivd_edit,
            "service": self.aivd_edit,
            "decisions": self.decisions_edit,
            "action": self.actions_edit,
        }
        chain: list[QWidget] = [
            self.held_edit,
            self.from_edit,
            self.to_edit,
            self.as_of_check,
            self.as_of_edit,
            self.aivd_edit,
            self.ind_edit,
            self.decisions_edit,
            self.actions_edit,
            self.ok_button,
            self.buttons.button(QDialogButtonBox.StandardButton.Cancel),
        ]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)
        self.setMinimumWidth(600)
        self.aivd_edit.setFocus()

    def _text(self, placeholder: str, height: int, name: str) -> QPlainTextEdit:
        edit = _LinesEdit(self)
        edit.setObjectName(name)
        edit.setPlaceholderText(placeholder)
        edit.setTabChangesFocus(True)
        edit.setMinimumHeight(height)
        return edit

    def set_period(self, start: dt.date, end: dt.date) -> None:
        self.from_edit.setDate(qdate(start))
        self.to_edit.setDate(qdate(end))

    def _people(
        self, edit: QPlainTextEdit, service: Service
    ) -> list[tuple[Service, str, str | None]]:
        people: list[tuple[Service, str, str | None]] = []
        for line in edit.toPlainText().splitlines():
            if not line.strip():
                continue
            name, sep, function = line.partition("|")
            people.append((service, name, function if sep else None))
        return people

    def _actions(self) -> list[tuple[str, str, dt.date]]:
        actions = []
        for number, line in enumerate(self.actions_edit.toPlainText().splitlines(), start=1):
            if not line.strip():
                continue
            parts = [part.strip() for part in line.rsplit("|", 2)]
            due = _due_date(parts[2]) if len(parts) == 3 else None
            if due is None:
                self.actions_edit.setFocus()
                raise ValueError(
                    self.tr(
                        "Actiepunt op regel %1 heeft niet de vorm omschrijving | eigenaar | "
                        "JJJJ-MM-DD."
                    ).replace("%1", str(number))
                )
            actions.append((parts[0], parts[1], due))
        return actions

    def value(self) -> NewConsultation:
        held_on = pydate(self.held_edit.date())
        as_of = (
            end_of_day(pydate(self.as_of_edit.date()), self.now)
            if self.as_of_check.isChecked()
            else None
        )
        people = self._people(self.aivd_edit, Service.AIVD) + self._people(
            self.ind_edit, Service.IND
        )
        return NewConsultation(
            held_on=held_on,
            period_from=pydate(self.from_edit.date()),
            period_to=pydate(self.to_edit.date()),
            as_of=as_of,
            participants=tuple(people),
            decisions=self.decisions_edit.toPlainText(),
            actions=tuple(self._actions()),
        )

    def wipe(self) -> None:
        for edit in (self.aivd_edit, self.ind_edit, self.decisions_edit, self.actions_edit):
            edit.clear()
