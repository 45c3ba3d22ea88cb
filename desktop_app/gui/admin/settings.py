"""Beheer › Instellingen: the workspace's business settings. The rows come from the settings the
domain declares (services.settings), so a new setting appears here without a widget change; the
bounds of each spin box are the declaration's own."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop_app.gui.errors import show_error
from desktop_app.gui.tasks import TaskRunner
from desktop_app.services import settings
from desktop_app.services.session import Session
from desktop_app.services.settings import SettingView


class SettingsTab(QWidget):
    def __init__(self, session: Session, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("settingsTab")
        self.session = session
        self.runner = runner
        self.views: list[SettingView] = []
        self.spins: dict[str, QSpinBox] = {}
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Deze instellingen gelden voor iedereen op deze werkplek. Elke wijziging wordt in "
                "de audittrail vastgelegd, met de oude en de nieuwe waarde."
            ),
            self,
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        layout.addLayout(self.form)
        row = QHBoxLayout()
        self.save_button = QPushButton(self.tr("Instellingen &opslaan"), self)
        self.save_button.setObjectName("saveSettingsButton")
        self.save_button.setEnabled(False)
        self.save_button.clicked.connect(lambda _=False: self.save())
        self.undo_button = QPushButton(self.tr("&Herstellen"), self)
        self.undo_button.setToolTip(self.tr("Zet de velden terug op de opgeslagen waarden."))
        self.undo_button.setEnabled(False)
        self.undo_button.clicked.connect(lambda _=False: self._show(self.views))
        row.addWidget(self.save_button)
        row.addWidget(self.undo_button)
        row.addStretch(1)
        layout.addLayout(row)
        self.result_label = QLabel(self)
        self.result_label.setObjectName("hintLabel")
        self.result_label.setWordWrap(True)
        layout.addWidget(self.result_label)
        layout.addStretch(1)
        self.refresh()

    def refresh(self) -> None:
        session = self.session
        self.runner.run(
            lambda: settings.list_settings(session),
            self._show,
            lambda exc: show_error(self, exc),
            owner=self,
        )

    def _show(self, views: Sequence[SettingView]) -> None:
        self.views = list(views)
        for view in self.views:
            spin = self.spins.get(view.spec.key)
            if spin is None:
                spin = QSpinBox(self)
                spin.setObjectName(f"setting_{view.spec.key}")
                # No change by scrolling past it: only a focused box takes the wheel.
                spin.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
                spin.setRange(view.spec.minimum, view.spec.maximum)
                spin.setSuffix(f" {view.spec.unit}")
                spin.setToolTip(
                    self.tr("Van %1 tot en met %2; standaard %3.")
                    .replace("%1", str(view.spec.minimum))
                    .replace("%2", str(view.spec.maximum))
                    .replace("%3", str(view.spec.default))
                )
                spin.valueChanged.connect(lambda _v: self._on_edited())
                label = QLabel(view.spec.label, self)
                label.setBuddy(spin)
                self.form.addRow(label, spin)
                self.spins[view.spec.key] = spin
            spin.blockSignals(True)
            spin.setValue(view.value)
            spin.blockSignals(False)
        self._on_edited()

    def changed(self) -> dict[str, int]:
        return {
            v.spec.key: self.spins[v.spec.key].value()
            for v in self.views
            if self.spins[v.spec.key].value() != v.value
        }

    def _on_edited(self) -> None:
        dirty = bool(self.changed())
        self.save_button.setEnabled(dirty)
        self.undo_button.setEnabled(dirty)

    def save(self) -> None:
        session = self.session
        changes = self.changed()
        if not changes:
            return

        def work() -> list[SettingView]:
            # One use case per setting: each change its own transaction and audit entry.
            for key, value in changes.items():
                settings.change(session, key, value)
            return settings.list_settings(session)

        def done(views: list[SettingView]) -> None:
            self._show(views)
            self.result_label.setText(
                self.tr("Opgeslagen: %1.").replace(
                    "%1", ", ".join(v.spec.label for v in views if v.spec.key in changes)
                )
            )

        def failed(exc: BaseException) -> None:
            show_error(self, exc)
            self.refresh()

        self.runner.run(work, done, failed, owner=self)

    def has_unsaved_changes(self) -> bool:
        return bool(self.changed())
