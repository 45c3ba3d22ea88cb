"""Marking widgets shared by the report editor, the evidence dialog and the report detail: the
classification duration (until a date or until an event, or not recorded) and the subject of a
spontaneous report. What a value means and whether it is allowed is the domain's
(``domain.classification.parse_duration``, ``services.marking``); these only collect it."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLineEdit, QWidget

from desktop_app.domain.classification import (
    EVENT_MAX_LENGTH,
    Classification,
    ClassificationDuration,
    duration_required,
)
from desktop_app.gui.dates import date_edit, pydate, qdate
from desktop_app.gui.dialogs import FormDialog
from desktop_app.gui.drafts import DialogKey, Opened, reopen_on_report

NOT_RECORDED, UNTIL_DATE, UNTIL_EVENT = 0, 1, 2


@dataclass(frozen=True)
class DurationEntry:
    """What the field holds, as typed (judged by the domain when it is saved)."""

    until: dt.date | None
    event: str | None

    @property
    def empty(self) -> bool:
        return self.until is None and not (self.event or "").strip()


class DurationField(QWidget):
    """'niet vastgelegd' | 'tot en met [datum]' | 'tot de gebeurtenis [tekst]': the report
    editor, the evidence dialog and the covenant's annex and plan dialogs.

    ``until``: the date the date field starts at (ten years from ``today`` unless given);
    ``example``: the event field's placeholder, an event of the document's own kind."""

    changed = Signal()

    def __init__(
        self,
        today: dt.date,
        parent: QWidget | None = None,
        *,
        until: dt.date | None = None,
        example: str | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("durationField")
        self._today = today
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.kind_combo = QComboBox(self)
        self.kind_combo.setObjectName("durationKind")
        self.kind_combo.setAccessibleName(self.tr("Rubriceringsduur"))
        self.kind_combo.addItem(self.tr("niet vastgelegd"), NOT_RECORDED)
        self.kind_combo.addItem(self.tr("tot en met datum"), UNTIL_DATE)
        self.kind_combo.addItem(self.tr("tot gebeurtenis"), UNTIL_EVENT)
        self.date_edit = date_edit(self, until or today + dt.timedelta(days=365 * 10))
        self.date_edit.setObjectName("durationDate")
        self.date_edit.setAccessibleName(self.tr("Rubricering geldt tot en met"))
        self.event_edit = QLineEdit(self)
        self.event_edit.setObjectName("durationEvent")
        self.event_edit.setAccessibleName(self.tr("Rubricering geldt tot de gebeurtenis"))
        self.event_edit.setPlaceholderText(
            example or self.tr("bijvoorbeeld: afronding van het onderzoek")
        )
        self.event_edit.setMaxLength(EVENT_MAX_LENGTH)
        row.addWidget(self.kind_combo)
        row.addWidget(self.date_edit)
        row.addWidget(self.event_edit, 1)
        self.kind_combo.currentIndexChanged.connect(self._on_kind)
        self.date_edit.dateChanged.connect(lambda _d: self.changed.emit())
        self.event_edit.textEdited.connect(lambda _t: self.changed.emit())
        self._on_kind()

    def _on_kind(self) -> None:
        kind = self.kind_combo.currentData()
        self.date_edit.setVisible(kind == UNTIL_DATE)
        self.event_edit.setVisible(kind == UNTIL_EVENT)
        self.changed.emit()

    def set_duration(
        self, duration: ClassificationDuration | None, level: Classification, *, editable: bool
    ) -> None:
        for w in (self.kind_combo, self.date_edit, self.event_edit):
            w.blockSignals(True)
        if duration is None:
            self.kind_combo.setCurrentIndex(NOT_RECORDED)
        elif duration.until is not None:
            self.kind_combo.setCurrentIndex(UNTIL_DATE)
            self.date_edit.setDate(qdate(duration.until))
        else:
            self.kind_combo.setCurrentIndex(UNTIL_EVENT)
            self.event_edit.setText(duration.event or "")
        for w in (self.kind_combo, self.date_edit, self.event_edit):
            w.blockSignals(False)
        self._on_kind()
        self.set_level(level, editable=editable)

    def set_level(self, level: Classification, *, editable: bool = True) -> None:
        """An unclassified document has no duration: the field is off."""
        self.setEnabled(editable and duration_required(level))

    def follow(self, levels: QComboBox) -> None:
        """On and off with the level chosen in ``levels`` (its data: a Classification's int),
        from now on: a dialog never sends a duration for an unclassified document."""

        def chosen() -> None:
            if levels.currentData() is not None:
                self.set_level(Classification(int(levels.currentData())))

        levels.currentIndexChanged.connect(lambda _i: chosen())
        chosen()

    def entry(self) -> DurationEntry:
        kind = self.kind_combo.currentData()
        if not self.isEnabled() or kind == NOT_RECORDED:
            return DurationEntry(None, None)
        if kind == UNTIL_DATE:
            return DurationEntry(pydate(self.date_edit.date()), None)
        return DurationEntry(None, self.event_edit.text())


@dataclass(frozen=True)
class SubjectInput:
    name: str
    birth_date: dt.date
    v_number: str


class SubjectDialog(FormDialog):
    """Name, date of birth and V-number of the person a spontaneous report is about."""

    draft_name = "report-subject"  # draft_object: the report's id

    @classmethod
    def reopen(cls, window: Any, key: DialogKey, opened: Opened) -> None:
        reopen_on_report(window, key, opened, "subject_button", "open_subject_dialog")

    def __init__(self, today: dt.date, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Betrokkene vastleggen"), self.tr("Vastleggen"), parent)
        self.setObjectName("subjectDialog")
        self.name_edit = QLineEdit(self)
        self.name_edit.setObjectName("subjectNameEdit")
        self.name_edit.setMaxLength(200)
        self.birth_edit = date_edit(self, dt.date(1990, 1, 1), maximum=today)
        self.birth_edit.setObjectName("subjectBirthEdit")
        self.v_edit = QLineEdit(self)
        self.v_edit.setObjectName("subjectVNumberEdit")
        self.v_edit.setMaxLength(10)
        self.v_edit.setPlaceholderText("10 cijfers")
        self.add_row(self.tr("&Naam (elk schrift)"), self.name_edit)
        self.add_row(self.tr("&Geboortedatum"), self.birth_edit)
        self.add_row(self.tr("&V-nummer"), self.v_edit)

    def value(self) -> object:
        return SubjectInput(
            self.name_edit.text(), pydate(self.birth_edit.date()), self.v_edit.text()
        )


class DurationDialog(FormDialog):
    """Record how long a report's classification holds (``services.marking.record_duration``)."""

    draft_name = "report-duration"  # draft_object: the report's id

    @classmethod
    def reopen(cls, window: Any, key: DialogKey, opened: Opened) -> None:
        reopen_on_report(window, key, opened, "duration_button", "open_duration_dialog")

    def __init__(
        self, today: dt.date, level: Classification, parent: QWidget | None = None
    ) -> None:
        super().__init__(self.tr("Rubriceringsduur vastleggen"), self.tr("Vastleggen"), parent)
        self.setObjectName("durationDialog")
        self.field = DurationField(today, self)
        self.field.set_duration(None, level, editable=True)
        self.field.kind_combo.setCurrentIndex(UNTIL_DATE)
        self.add_row(self.tr("&Rubricering geldt"), self.field)

    def value(self) -> object:
        entry = self.field.entry()
        if entry.empty:
            raise ValueError(self.tr("Kies een datum of beschrijf de gebeurtenis."))
        return entry
