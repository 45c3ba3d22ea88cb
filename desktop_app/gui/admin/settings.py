"""Beheer › Instellingen: the workspace's business settings. The rows come from the settings the
domain declares (services.settings), so a new setting appears here without a widget change; the
bounds of each spin box are the declaration's own."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.settings import IntSetting, TextSetting
from desktop_app.gui.errors import show_error
from desktop_app.gui.pages import button_row, push_button, wrapped_label
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
        # Text settings: one line edit, or a plain text box for several lines (addresses).
        self.texts: dict[str, QLineEdit | QPlainTextEdit] = {}
        layout = QVBoxLayout(self)
        intro = wrapped_label(
            self.tr(
                "Deze instellingen gelden voor iedereen op deze werkplek. Elke wijziging wordt in "
                "de audittrail vastgelegd, met de oude en de nieuwe waarde."
            ),
            self,
        )
        layout.addWidget(intro)
        # The address blocks make the form taller than the screen at 1024x700: it scrolls.
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        body = QWidget(scroll)
        self.form = QFormLayout(body)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        scroll.setWidget(body)
        layout.addWidget(scroll, 1)
        self.save_button = push_button(
            self.tr("Instellingen &opslaan"), self, self.save, "saveSettingsButton"
        )
        self.save_button.setEnabled(False)
        self.undo_button = push_button(self.tr("He&rstellen"), self, lambda: self._show(self.views))
        self.undo_button.setToolTip(self.tr("Zet de velden terug op de opgeslagen waarden."))
        self.undo_button.setEnabled(False)
        layout.addLayout(button_row(self.save_button, self.undo_button))
        self.result_label = wrapped_label("", self, "hintLabel")
        layout.addWidget(self.result_label)
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
            if isinstance(view.spec, IntSetting):
                self._show_int(view, view.spec)
            else:
                self._show_text(view, view.spec)
        self._on_edited()

    def _show_int(self, view: SettingView, spec: IntSetting) -> None:
        spin = self.spins.get(view.key)
        if spin is None:
            spin = QSpinBox(self)
            spin.setObjectName(f"setting_{view.key}")
            # No change by scrolling past it: only a focused box takes the wheel.
            spin.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            spin.setRange(spec.minimum, spec.maximum)
            spin.setSuffix(f" {spec.unit}")
            spin.setToolTip(
                self.tr("Van %1 tot en met %2; standaard %3.")
                .replace("%1", str(spec.minimum))
                .replace("%2", str(spec.maximum))
                .replace("%3", str(spec.default))
            )
            spin.valueChanged.connect(lambda _v: self._on_edited())
            label = QLabel(view.label, self)
            label.setBuddy(spin)
            self.form.addRow(label, spin)
            self.spins[view.key] = spin
        spin.blockSignals(True)
        spin.setValue(int(view.value))
        spin.blockSignals(False)

    def _show_text(self, view: SettingView, spec: TextSetting) -> None:
        box = self.texts.get(view.key)
        if box is None:
            hint = (
                self.tr("Hoogstens %1 tekens.").replace("%1", str(spec.max_length))
                if spec.maximum_lines == 1
                else self.tr("%1 tot en met %2 regels van hoogstens %3 tekens.")
                .replace("%1", str(spec.minimum_lines))
                .replace("%2", str(spec.maximum_lines))
                .replace("%3", str(spec.max_length))
            )
            if spec.maximum_lines == 1:
                line = QLineEdit(self)
                line.setMaxLength(spec.max_length)
                line.textEdited.connect(lambda _t: self._on_edited())
                box = line
            else:
                area = QPlainTextEdit(self)
                area.setTabChangesFocus(True)
                metrics = area.fontMetrics()
                area.setFixedHeight(metrics.lineSpacing() * min(spec.maximum_lines, 5) + 14)
                area.textChanged.connect(self._on_edited)
                box = area
            box.setObjectName(f"setting_{view.key}")
            box.setToolTip(hint)
            box.setAccessibleName(view.label)
            label = wrapped_label(view.label, self)
            label.setBuddy(box)
            self.form.addRow(label, box)
            self.texts[view.key] = box
        box.blockSignals(True)
        if isinstance(box, QLineEdit):
            box.setText(str(view.value))
        else:
            box.setPlainText(str(view.value))
        box.blockSignals(False)

    def _entered(self, view: SettingView) -> int | str:
        if view.key in self.spins:
            return self.spins[view.key].value()
        box = self.texts[view.key]
        return box.text() if isinstance(box, QLineEdit) else box.toPlainText()

    def changed(self) -> dict[str, int | str]:
        out: dict[str, int | str] = {}
        for v in self.views:
            entered = self._entered(v)
            same = (
                entered == v.value
                if isinstance(entered, int)
                else "\n".join(x.strip() for x in entered.strip().splitlines()) == str(v.value)
            )
            if not same:
                out[v.key] = entered
        return out

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
                    "%1", ", ".join(v.label for v in views if v.key in changes)
                )
            )

        def failed(exc: BaseException) -> None:
            show_error(self, exc)
            self.refresh()

        self.runner.run(work, done, failed, owner=self)

    def has_unsaved_changes(self) -> bool:
        return bool(self.changed())
