"""Beheer › Kalender: the days the Algemene termijnenwet calendar takes from the administrator
(decree days of art. 3 lid 3 Atw, local closure days): list, add, remove. The statutory holidays
are computed by the domain and shown for the chosen year beside them."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QMessageBox,
    QSpinBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.calendar import AtwCalendar, decree_years_checked
from desktop_app.gui.dialogs import ask_to_confirm
from desktop_app.gui.errors import show_error, show_info
from desktop_app.gui.pages import button_row, push_button, wrapped_label
from desktop_app.gui.requests import api
from desktop_app.gui.requests.dialogs import AddCalendarDayDialog
from desktop_app.gui.requests.labels import day_text, prose_day_text, weekday_label
from desktop_app.gui.requests.models import CalendarDayTableModel
from desktop_app.gui.tables import read_only_view
from desktop_app.gui.tasks import TaskRunner
from desktop_app.services.calendar import missing_decree_years
from desktop_app.services.session import Session


class CalendarDaysPage(QWidget):
    def __init__(self, session: Session, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("calendarDaysPage")
        self.session = session
        self.runner = runner
        self.calendar: AtwCalendar | None = None
        self.last_dialog: AddCalendarDayDialog | None = None
        today = session.clock.today()

        layout = QVBoxLayout(self)
        intro = wrapped_label(
            self.tr(
                "De termijn van een verzoek is tien werkdagen volgens de Algemene termijnenwet. "
                "De wettelijke feestdagen rekent de werkplek zelf uit; dagen die bij besluit met een "  # noqa: E501 (translation key)
                "feestdag zijn gelijkgesteld (Staatscourant) en eigen sluitingsdagen legt u hier "
                "vast."
            ),
            self,
        )
        layout.addWidget(intro)
        # Which years have no decree day: a decree not yet entered would make deadlines early.
        self.decree_label = wrapped_label("", self, "decreeGapsLabel")
        layout.addWidget(self.decree_label)
        self.add_button = push_button(
            self.tr("Dag &toevoegen…"), self, self.open_add_dialog, "addCalendarDayButton"
        )
        self.remove_button = push_button(
            self.tr("Dag &verwijderen"), self, self.confirm_remove, "removeCalendarDayButton"
        )
        self.remove_button.setEnabled(False)
        refresh = push_button(self.tr("Vernieuwen"), self, self.refresh)
        layout.addLayout(button_row(self.add_button, self.remove_button, refresh))
        self.result_label = wrapped_label("", self, "hintLabel")
        layout.addWidget(self.result_label)

        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.setChildrenCollapsible(False)
        self.model = CalendarDayTableModel(self)
        self.view = read_only_view(self.model, splitter, "calendarDayTable")
        self.view.setAccessibleName(self.tr("Vastgelegde dagen"))
        self.view.setWordWrap(True)  # a day's description may be long
        header = self.view.horizontalHeader()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for column, width in enumerate((100, 90, 210, 300)):
            header.resizeSection(column, width)
        self.view.selectionModel().selectionChanged.connect(
            lambda *_: self.remove_button.setEnabled(self.selected_day() is not None)
        )
        splitter.addWidget(self.view)

        year_box = QWidget(splitter)
        year_layout = QVBoxLayout(year_box)
        year_layout.setContentsMargins(8, 0, 0, 0)
        year_row = QHBoxLayout()
        year_caption = QLabel(self.tr("Vrije werkdagen in &jaar"), year_box)
        self.year_spin = QSpinBox(year_box)
        self.year_spin.setRange(2000, 2100)
        self.year_spin.setValue(today.year)
        year_caption.setBuddy(self.year_spin)
        year_row.addWidget(year_caption)
        year_row.addWidget(self.year_spin)
        year_row.addStretch(1)
        year_layout.addLayout(year_row)
        self.year_list = QListWidget(year_box)
        self.year_list.setObjectName("nonWorkingDays")
        self.year_list.setAccessibleName(self.tr("Vrije werkdagen"))
        year_layout.addWidget(self.year_list, 1)
        self.year_spin.valueChanged.connect(lambda _v: self._show_year())
        splitter.addWidget(year_box)
        splitter.setSizes([700, 340])
        layout.addWidget(splitter, 1)
        self.refresh()

    def refresh(self) -> None:
        session = self.session

        def work() -> tuple[Sequence[Any], AtwCalendar]:
            return api.calendar_days(session), api.load_calendar(session)

        def done(result: tuple[Sequence[Any], AtwCalendar]) -> None:
            days, calendar = result
            self.model.set_rows(days)
            self.calendar = calendar
            self._show_decree_gaps(days)
            self._show_year()
            self.remove_button.setEnabled(False)

        self.runner.run(work, done, lambda exc: show_error(self, exc), owner=self)

    def _show_decree_gaps(self, days: Sequence[Any]) -> None:
        missing = missing_decree_years(days, self.session.clock.today())
        if not missing:
            last = decree_years_checked(self.session.clock.today())[1]
            text = self.tr("Voor elk jaar tot en met %1 zijn gelijkgestelde dagen vastgelegd.")
            self.decree_label.setText(text.replace("%1", str(last)))
            return
        self.decree_label.setText(
            "⚠ "
            + self.tr(
                "Geen gelijkgestelde dagen vastgelegd voor: %1. Termijnen in die jaren tellen "
                "zo'n dag als werkdag; voeg de dagen toe zodra het besluit in de Staatscourant "
                "staat (of bekend is)."
            ).replace("%1", ", ".join(str(y) for y in missing))
        )

    def _show_year(self) -> None:
        self.year_list.clear()
        if self.calendar is None:
            return
        for day, reason in self.calendar.non_working_days(self.year_spin.value()).items():
            self.year_list.addItem(f"{day_text(day)} ({weekday_label(day)}) — {reason}")

    def days(self) -> list[Any]:
        return self.model.rows

    def selected_day(self) -> Any | None:
        return self.model.selected_in(self.view)

    def open_add_dialog(self) -> AddCalendarDayDialog:
        dialog = AddCalendarDayDialog(self.session.clock.today(), self)
        session = self.session

        def submitted(value: tuple[Any, str, str]) -> None:
            day, kind, description = value

            def done(result: Any) -> None:
                dialog.succeed()
                added = self.tr("%1 is toegevoegd.").replace("%1", prose_day_text(day))
                self._report(result, added)
                self.refresh()

            self.runner.run(
                lambda: api.add_calendar_day(session, day, kind, description),
                done,
                dialog.fail,
                owner=dialog,
            )

        dialog.submitted.connect(submitted)
        self.last_dialog = dialog
        dialog.open()
        return dialog

    def confirm_remove(self) -> QMessageBox | None:
        record = self.selected_day()
        if record is None:
            return None
        day = record.day
        return ask_to_confirm(
            self,
            self.tr("Dag verwijderen"),
            self.tr(
                "%1 weer als werkdag tellen? Open verzoeken krijgen zo nodig een nieuwe termijn."
            ).replace("%1", prose_day_text(record.day)),
            self.tr("&Verwijderen"),
            "confirmRemoveDay",
            lambda: self.remove(day),
        )

    def remove(self, day: Any) -> None:
        session = self.session

        def done(result: Any) -> None:
            self._report(result, self.tr("%1 is verwijderd.").replace("%1", prose_day_text(day)))
            self.refresh()

        self.runner.run(
            lambda: api.remove_calendar_day(session, day),
            done,
            lambda exc: show_error(self, exc),
            owner=self,
        )

    def _report(self, result: Any, text: str) -> None:
        changed = getattr(result, "deadlines_changed", None)
        if isinstance(changed, int) and changed:
            text += " " + self.tr("Nieuwe termijn voor %1 open verzoeken.").replace(
                "%1", str(changed)
            )
        self.result_label.setText("✔ " + text)
        if isinstance(changed, int) and changed:
            show_info(self, text)

    def wipe(self) -> None:
        self.model.clear()
        self.year_list.clear()
        self.result_label.clear()
        self.decree_label.clear()
        self.calendar = None
