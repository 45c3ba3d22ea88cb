"""The officer's editor, shaped like an ambtsbericht: subject, occasion, numbered findings
(each with its reliability or source reference and the date of its data), conclusion.

The structure is rendered to the version text by ``desktop_app.domain.report_content.render``
on saving; what the author may consciously keep (data older than ten years, unknown
reliability) shows as a warning beside the finding while typing, with a sign and words, not
colour alone. A text that is not in the rendered form is edited as free text instead."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QColor, QResizeEvent, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QSizePolicy,
    QStyle,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.classification import Classification, ClassificationDuration
from desktop_app.domain.errors import InvalidInput
from desktop_app.domain.report_content import Finding, Reliability, ReportContent, validate
from desktop_app.gui.dates import date_edit, pydate, qdate
from desktop_app.gui.labels import clearance_label
from desktop_app.gui.marking import DurationEntry, DurationField
from desktop_app.gui.pages import button_row, keep_focus_in_view, push_button, wrapped_label
from desktop_app.gui.reports.labels import reliability_label
from desktop_app.gui.reports.offsets import Utf16Map, locate_in_fields
from desktop_app.services.reports import AnnotationView

# The subject's room beside the classification before they go one a row.
SUBJECT_MIN_WIDTH = 240
_FILLER = Finding(text="-", reliability=Reliability.RELIABLE)


def live_check(content: ReportContent, today: dt.date) -> tuple[dict[int, list[str]], str | None]:
    """Warnings per finding (1-based) and the first reason the content cannot be saved yet.

    The domain's ``validate`` stops at the first error; while typing, a finding's warning must
    not wait for the rest of the form, so each finding is then checked on its own, next to
    neutral fillers (which keeps its number, and so the domain's message, right)."""
    try:
        warnings = validate(content, today=today)
    except InvalidInput as exc:
        problem: str | None = exc.message
    else:
        grouped: dict[int, list[str]] = {}
        for w in warnings:
            grouped.setdefault(w.finding, []).append(w.message)
        return grouped, None
    per: dict[int, list[str]] = {}
    for n, finding in enumerate(content.findings, start=1):
        probe = replace(
            finding,
            text=finding.text if finding.text.strip() else "-",
            reliability=finding.reliability or Reliability.RELIABLE,
        )
        findings = tuple(probe if k == n else _FILLER for k in range(1, len(content.findings) + 1))
        try:
            found = validate(ReportContent("-", "", findings, ""), today=today)
        except InvalidInput:
            continue
        messages = [w.message for w in found if w.finding == n]
        if messages:
            per[n] = messages
    return per, problem


def content_to_json(content: ReportContent) -> dict[str, Any]:
    """The form as typed, for a draft kept at the lock (services.drafts)."""
    return {
        "subject": content.subject,
        "occasion": content.occasion,
        "findings": [
            {
                "text": f.text,
                "reliability": None if f.reliability is None else f.reliability.value,
                "source_reference": f.source_reference,
                "data_date": None if f.data_date is None else f.data_date.isoformat(),
            }
            for f in content.findings
        ],
        "conclusion": content.conclusion,
    }


def _str(value: object) -> str:
    return value if isinstance(value, str) else ""


def content_from_json(data: Mapping[str, Any]) -> ReportContent:
    """Back from a draft; what does not fit (a damaged or older draft) becomes empty, so the
    rest of the text still comes back."""
    findings = []
    raw = data.get("findings")
    for item in raw if isinstance(raw, list) else []:
        if not isinstance(item, Mapping):
            continue
        reliability: Reliability | None
        try:
            reliability = Reliability(_str(item.get("reliability")))
        except ValueError:
            reliability = None
        try:
            day: dt.date | None = dt.date.fromisoformat(_str(item.get("data_date")))
        except ValueError:
            day = None
        findings.append(
            Finding(
                text=_str(item.get("text")),
                reliability=reliability,
                source_reference=_str(item.get("source_reference")) or None,
                data_date=day,
            )
        )
    return ReportContent(
        subject=_str(data.get("subject")),
        occasion=_str(data.get("occasion")),
        findings=tuple(findings) or (Finding(text=""),),
        conclusion=_str(data.get("conclusion")),
    )


def cursor_of(widget: QWidget) -> dict[str, int]:
    """Where the cursor (and selection) of a text field is, and a box's scroll position: kept
    in drafts and across a save."""
    if isinstance(widget, QPlainTextEdit):
        cursor = widget.textCursor()
        return {
            "cursor": cursor.position(),
            "anchor": cursor.anchor(),
            "scroll": widget.verticalScrollBar().value(),
        }
    if isinstance(widget, QLineEdit):
        return {"cursor": widget.cursorPosition(), "anchor": widget.cursorPosition()}
    return {}


def put_cursor(widget: QWidget, state: Mapping[str, Any]) -> None:
    """Back to what ``cursor_of`` recorded (held to the text as it is now)."""
    position = state.get("cursor")
    if not isinstance(position, int):
        return
    if isinstance(widget, QPlainTextEdit):
        length = len(widget.toPlainText())
        anchor = state.get("anchor")
        cursor = widget.textCursor()
        cursor.setPosition(max(0, min(anchor if isinstance(anchor, int) else position, length)))
        cursor.setPosition(max(0, min(position, length)), cursor.MoveMode.KeepAnchor)
        widget.setTextCursor(cursor)
        scroll = state.get("scroll")
        if isinstance(scroll, int):
            bar = widget.verticalScrollBar()
            # After the layout has given the box its height (the range is not known before).
            QTimer.singleShot(0, widget, lambda: bar.setValue(scroll))
    elif isinstance(widget, QLineEdit):
        widget.setCursorPosition(max(0, min(position, len(widget.text()))))


_PASSAGE_BG = QColor("#ffc94d")


def clear_highlights(root: QWidget) -> None:
    for edit in root.findChildren(QPlainTextEdit):
        edit.setExtraSelections([])


def mark_passage(widget: QWidget, start: int, end: int, quote: str) -> bool:
    """Select and highlight ``[start, end)`` (Python offsets) of a text field, or the nearest
    occurrence of ``quote`` when the field no longer has it there; the cursor goes to it so the
    field scrolls to it. A field without text (a combo, a date) only gets the focus."""
    if isinstance(widget, QPlainTextEdit):
        text = widget.toPlainText()
    elif isinstance(widget, QLineEdit):
        text = widget.text()
    else:
        widget.setFocus()
        return True
    if text[start:end] != quote:
        found = [i for i in range(len(text)) if text.startswith(quote, i)] if quote else []
        if not found:
            widget.setFocus()
            return False
        start = min(found, key=lambda i: abs(i - start))
        end = start + len(quote)
    utf16 = Utf16Map(text)
    a, b = utf16.to_qt(start), utf16.to_qt(end)
    if isinstance(widget, QLineEdit):
        widget.setFocus()
        widget.setSelection(a, b - a)
        return True
    cursor = QTextCursor(widget.document())
    cursor.setPosition(a)
    cursor.setPosition(b, QTextCursor.MoveMode.KeepAnchor)
    fmt = QTextCharFormat()
    fmt.setBackground(_PASSAGE_BG)
    fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
    selection = QTextEdit.ExtraSelection()
    selection.cursor = cursor
    selection.format = fmt
    widget.setExtraSelections([selection])
    place = QTextCursor(widget.document())
    place.setPosition(a)
    widget.setTextCursor(place)
    widget.ensureCursorVisible()
    widget.setFocus()
    return True


def _text_box(parent: QWidget, lines: int, name: str) -> QPlainTextEdit:
    edit = QPlainTextEdit(parent)
    edit.setObjectName(name)
    edit.setTabChangesFocus(True)  # keyboard users leave the box with Tab
    height = edit.fontMetrics().lineSpacing() * lines + 14
    edit.setMinimumHeight(height)
    edit.setMaximumHeight(height + edit.fontMetrics().lineSpacing() * 3)
    return edit


class WarningLine(QWidget):
    """A warning sign and a sentence (never colour alone)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("warningLine")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.setSpacing(8)
        self.icon = QLabel(self)
        self.icon.setPixmap(
            self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning).pixmap(18, 18)
        )
        self.icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.label = wrapped_label("", self, "warningText", selectable=True)
        layout.addWidget(self.icon)
        layout.addWidget(self.label, 1)
        self.hide()

    def set_messages(self, messages: Sequence[str]) -> None:
        text = "\n".join(f"⚠ {m}" for m in messages)
        self.label.setText(text)
        self.setAccessibleDescription(text)
        self.setVisible(bool(messages))

    def text(self) -> str:
        parent = self.parentWidget()
        shown = self.isVisibleTo(parent) if parent is not None else self.isVisible()
        return self.label.text() if shown else ""


class FindingEditor(QFrame):
    changed = Signal()
    remove_requested = Signal(object)

    def __init__(self, today: Callable[[], dt.date], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("findingFrame")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self._today = today
        grid = QGridLayout(self)
        grid.setContentsMargins(10, 8, 10, 8)
        grid.setHorizontalSpacing(8)
        grid.setVerticalSpacing(6)
        self.number_label = QLabel(self)
        self.number_label.setObjectName("findingNumber")
        self.remove_button = push_button(
            self.tr("Bevinding verwijderen"),
            self,
            lambda: self.remove_requested.emit(self),
            "removeFinding",
        )
        top = QHBoxLayout()
        top.addWidget(self.number_label)
        top.addStretch(1)
        top.addWidget(self.remove_button)
        grid.addLayout(top, 0, 0, 1, 6)
        self.text_edit = _text_box(self, 3, "findingText")
        self.text_edit.setPlaceholderText(self.tr("Wat is gebleken (één bevinding)."))
        grid.addWidget(self.text_edit, 1, 0, 1, 6)

        reliability_label_w = QLabel(self.tr("&Betrouwbaarheid"), self)
        self.reliability_combo = QComboBox(self)
        self.reliability_combo.setObjectName("reliabilityCombo")
        self.reliability_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.reliability_combo.setMinimumContentsLength(16)
        self.reliability_combo.addItem(self.tr("— niet opgegeven —"), None)
        for r in Reliability:
            self.reliability_combo.addItem(reliability_label(r), r.value)
        reliability_label_w.setBuddy(self.reliability_combo)
        source_label = QLabel(self.tr("o&f bronverwijzing"), self)
        self.source_edit = QLineEdit(self)
        self.source_edit.setObjectName("sourceEdit")
        self.source_edit.setPlaceholderText(self.tr("kenmerk brondocument"))
        self.source_edit.setMaxLength(200)
        source_label.setBuddy(self.source_edit)
        self.date_check = QCheckBox(self.tr("&Datum gegevens"), self)
        self.date_check.setObjectName("dateCheck")
        self.date_edit = date_edit(self, today())
        self.date_edit.setObjectName("dateEdit")
        self.date_edit.setEnabled(False)
        self.date_edit.setAccessibleName(self.tr("Datum gegevens"))
        self.date_check.toggled.connect(self.date_edit.setEnabled)
        date_row = QHBoxLayout()
        date_row.setSpacing(6)
        date_row.addWidget(self.date_check)
        date_row.addWidget(self.date_edit)
        date_row.addStretch(1)
        # One attribute a row (in the Tab order): beside the remarks panel at 1024x700 the
        # date next to the reliability made the frame wider than the view (QA).
        grid.addWidget(reliability_label_w, 2, 0)
        grid.addWidget(self.reliability_combo, 2, 1)
        grid.addWidget(source_label, 3, 0)
        grid.addWidget(self.source_edit, 3, 1)
        grid.addLayout(date_row, 4, 0, 1, 2)
        grid.setColumnStretch(1, 1)
        self.warning = WarningLine(self)
        grid.addWidget(self.warning, 5, 0, 1, 6)
        self.reliability_combo.setAccessibleName(self.tr("Betrouwbaarheid"))
        self.source_edit.setAccessibleName(self.tr("Bronverwijzing"))

        self.text_edit.textChanged.connect(self.changed)
        self.reliability_combo.currentIndexChanged.connect(lambda _i: self.changed.emit())
        self.source_edit.textChanged.connect(lambda _t: self.changed.emit())
        self.date_check.toggled.connect(lambda _c: self.changed.emit())
        self.date_edit.dateChanged.connect(lambda _d: self.changed.emit())

    def set_number(self, number: int) -> None:
        self.number_label.setText(self.tr("Bevinding %1").replace("%1", str(number)))
        self.text_edit.setAccessibleName(
            self.tr("Tekst van bevinding %1").replace("%1", str(number))
        )

    def set_finding(self, finding: Finding) -> None:
        self.text_edit.setPlainText(finding.text)
        index = self.reliability_combo.findData(
            None if finding.reliability is None else finding.reliability.value
        )
        self.reliability_combo.setCurrentIndex(max(index, 0))
        self.source_edit.setText(finding.source_reference or "")
        self.date_check.setChecked(finding.data_date is not None)
        if finding.data_date is not None:
            self.date_edit.setDate(qdate(finding.data_date))

    def finding(self) -> Finding:
        code = self.reliability_combo.currentData()
        source = self.source_edit.text().strip()
        return Finding(
            text=self.text_edit.toPlainText(),
            reliability=None if code is None else Reliability(str(code)),
            source_reference=source or None,
            data_date=pydate(self.date_edit.date()) if self.date_check.isChecked() else None,
        )

    def set_reliability(self, reliability: Reliability | None) -> None:
        self.reliability_combo.setCurrentIndex(
            max(
                0,
                self.reliability_combo.findData(None if reliability is None else reliability.value),
            )
        )

    def set_data_date(self, day: dt.date | None) -> None:
        self.date_check.setChecked(day is not None)
        if day is not None:
            self.date_edit.setDate(qdate(day))

    def focus_attribute(self, attribute: str) -> None:
        widget: QWidget = {
            "reliability": self.reliability_combo,
            "source_reference": self.source_edit,
            "data_date": self.date_edit,
        }.get(attribute, self.text_edit)
        widget.setFocus()

    def wipe(self) -> None:
        self.text_edit.clear()
        self.source_edit.clear()
        self.warning.set_messages(())


class StructuredEditor(QScrollArea):
    """The form. ``changed`` on every edit; ``content()`` the structure as typed."""

    changed = Signal()

    def __init__(self, today: Callable[[], dt.date], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("structuredEditor")
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        # Beside the open remarks panel at 1024x700 the form can be wider than the view: it
        # scrolls sideways then rather than cutting off its right edge (QA, issue 12).
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        keep_focus_in_view(self)  # Alt+A (Aanleiding) with the form scrolled down
        self._today = today
        self._loading = False
        self.warnings: dict[int, list[str]] = {}
        self.problem: str | None = None
        body = QWidget(self)
        body.setObjectName("editorBody")
        self.setWidget(body)
        layout = QVBoxLayout(body)
        # The body is never made narrower than its fields need (the scroll bar takes over).
        layout.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)
        layout.setContentsMargins(4, 4, 12, 4)
        layout.setSpacing(8)

        head = QGridLayout()
        head.setHorizontalSpacing(8)
        subject_label = QLabel(self.tr("Onderwer&p"), body)
        subject_label.setObjectName("fieldLabel")
        self.subject_edit = QLineEdit(body)
        self.subject_edit.setObjectName("subjectEdit")
        self.subject_edit.setAccessibleName(self.tr("Onderwerp"))
        self.subject_edit.setMaxLength(200)
        subject_label.setBuddy(self.subject_edit)
        class_label = QLabel(self.tr("&Rubricering"), body)
        class_label.setObjectName("fieldLabel")
        self.classification_combo = QComboBox(body)
        self.classification_combo.setObjectName("classificationCombo")
        self.classification_combo.setAccessibleName(self.tr("Rubricering"))
        # The whole marking must be readable ("STG. CONFIDENTIEEL"), not cut to "STG. CON".
        self.classification_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        class_label.setBuddy(self.classification_combo)
        head.addWidget(subject_label, 0, 0)
        self._head, self._subject_label, self._class_label = head, subject_label, class_label
        self._head_wide: bool | None = None
        self._arrange_head(wide=False)
        # How long the classification holds: part of the marking (VIR-BI), saved with it.
        duration_label = QLabel(self.tr("Rubriceringsd&uur"), body)
        duration_label.setObjectName("fieldLabel")
        self.duration_field = DurationField(today(), body)
        duration_label.setBuddy(self.duration_field.kind_combo)
        head.addWidget(duration_label, 2, 0)
        head.addWidget(self.duration_field, 2, 1, 1, 4)
        head.setColumnStretch(2, 1)
        layout.addLayout(head)

        occasion_label = QLabel(self.tr("&Aanleiding"), body)
        occasion_label.setObjectName("fieldLabel")
        self.occasion_edit = _text_box(body, 2, "occasionEdit")
        self.occasion_edit.setAccessibleName(self.tr("Aanleiding"))
        occasion_label.setBuddy(self.occasion_edit)
        layout.addWidget(occasion_label)
        layout.addWidget(self.occasion_edit)

        findings_label = QLabel(self.tr("Bevindingen"), body)
        findings_label.setObjectName("fieldLabel")
        layout.addWidget(findings_label)
        hint = wrapped_label(
            self.tr(
                "Vermeld bij elke bevinding de betrouwbaarheid of een verwijzing "
                "naar het brondocument, en de datum van de gegevens als die "
                "bekend is."
            ),
            body,
            "hintLabel",
        )
        layout.addWidget(hint)
        self.findings_box = QVBoxLayout()
        self.findings_box.setSpacing(8)
        layout.addLayout(self.findings_box)
        self.add_button = push_button(
            self.tr("+ Bevinding toevoegen"), body, self._on_add, "addFinding"
        )
        layout.addLayout(button_row(self.add_button))

        conclusion_label = QLabel(self.tr("&Conclusie"), body)
        conclusion_label.setObjectName("fieldLabel")
        self.conclusion_edit = _text_box(body, 3, "conclusionEdit")
        self.conclusion_edit.setAccessibleName(self.tr("Conclusie"))
        conclusion_label.setBuddy(self.conclusion_edit)
        layout.addWidget(conclusion_label)
        layout.addWidget(self.conclusion_edit)
        self.problem_label = wrapped_label("", body, "problemLabel")
        self.problem_label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        layout.addWidget(self.problem_label)
        layout.addStretch(1)
        self.findings: list[FindingEditor] = []

        self.subject_edit.textChanged.connect(lambda _t: self._on_changed())
        self.occasion_edit.textChanged.connect(self._on_changed)
        self.conclusion_edit.textChanged.connect(self._on_changed)
        self.classification_combo.currentIndexChanged.connect(lambda _i: self._on_level())
        self.duration_field.changed.connect(self._on_changed)

    # --- the head's arrangement (1024x700) ----------------------------------------------------

    def _arrange_head(self, *, wide: bool) -> None:
        """Subject and classification side by side when the view has the width, else one
        field a row, so beside the open remarks panel nothing is cut off or squeezed."""
        if wide == self._head_wide:
            return
        self._head_wide = wide
        head = self._head
        for widget in (self.subject_edit, self._class_label, self.classification_combo):
            head.removeWidget(widget)
        if wide:
            head.addWidget(self.subject_edit, 0, 1, 1, 2)
            head.addWidget(self._class_label, 0, 3)
            head.addWidget(self.classification_combo, 0, 4)
        else:
            head.addWidget(self.subject_edit, 0, 1, 1, 4)
            head.addWidget(self._class_label, 1, 0)
            head.addWidget(self.classification_combo, 1, 1)

    def _fit_head(self) -> None:
        spacing = self._head.horizontalSpacing()
        needed = (
            self._subject_label.sizeHint().width()
            + SUBJECT_MIN_WIDTH
            + self._class_label.sizeHint().width()
            + self.classification_combo.sizeHint().width()
            + 3 * spacing
            + 24  # the body's margins
        )
        width = self.viewport().width()
        # A margin between the two ways keeps a scroll bar coming or going from flipping them.
        if width >= needed + 20:
            self._arrange_head(wide=True)
        elif width < needed:
            self._arrange_head(wide=False)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_head()

    # --- classification ---------------------------------------------------------------------

    def set_classification(
        self, level: Classification, highest: Classification, *, editable: bool
    ) -> None:
        """Levels up to ``highest`` (the author's clearance); ``editable`` per workflow."""
        self._loading = True
        self.classification_combo.clear()
        for option in Classification:
            if option <= max(highest, level):
                self.classification_combo.addItem(clearance_label(option), int(option))
        self.classification_combo.setCurrentIndex(self.classification_combo.findData(int(level)))
        self.classification_combo.setEnabled(editable)
        self._loading = False
        self._fit_head()  # the longest level offered sets the combo's width

    def classification(self) -> Classification:
        return Classification(int(self.classification_combo.currentData()))

    def _on_level(self) -> None:
        if self.classification_combo.currentData() is not None:
            self.duration_field.set_level(
                self.classification(), editable=self.classification_combo.isEnabled()
            )
        self._on_changed()

    def set_duration(
        self, duration: ClassificationDuration | None, level: Classification, *, editable: bool
    ) -> None:
        self._loading = True
        self.duration_field.set_duration(duration, level, editable=editable)
        self._loading = False

    def duration_entry(self) -> DurationEntry:
        return self.duration_field.entry()

    # --- content ----------------------------------------------------------------------------

    def set_content(self, content: ReportContent | None) -> None:
        """Fill the form (an empty one with one finding for ``None``)."""
        self._loading = True
        try:
            for editor in list(self.findings):
                self._remove(editor)
            if content is None:
                self.subject_edit.clear()
                self.occasion_edit.clear()
                self.conclusion_edit.clear()
                self.add_finding()
            else:
                self.subject_edit.setText(content.subject)
                self.subject_edit.setCursorPosition(0)  # show its beginning, not its end
                self.occasion_edit.setPlainText(content.occasion)
                self.conclusion_edit.setPlainText(content.conclusion)
                for finding in content.findings:
                    self.add_finding(finding)
        finally:
            self._loading = False
        self.revalidate()

    def content(self) -> ReportContent:
        return ReportContent(
            subject=self.subject_edit.text(),
            occasion=self.occasion_edit.toPlainText(),
            findings=tuple(editor.finding() for editor in self.findings),
            conclusion=self.conclusion_edit.toPlainText(),
        )

    def add_finding(self, finding: Finding | None = None) -> FindingEditor:
        editor = FindingEditor(self._today, self.widget())
        if finding is not None:
            editor.set_finding(finding)
        editor.changed.connect(self._on_changed)
        editor.remove_requested.connect(self._on_remove_requested)
        self.findings_box.addWidget(editor)
        self.findings.append(editor)
        self._renumber()
        return editor

    def _on_add(self) -> None:
        editor = self.add_finding()
        self._on_changed()
        editor.text_edit.setFocus()
        self.ensureWidgetVisible(editor)

    def _remove(self, editor: FindingEditor) -> None:
        self.findings.remove(editor)
        self.findings_box.removeWidget(editor)
        editor.blockSignals(True)
        editor.wipe()
        editor.hide()
        editor.deleteLater()

    def _on_remove_requested(self, editor: object) -> None:
        if isinstance(editor, FindingEditor) and len(self.findings) > 1:
            self._remove(editor)
            self._renumber()
            self._on_changed()

    def _renumber(self) -> None:
        for number, editor in enumerate(self.findings, start=1):
            editor.set_number(number)
            editor.remove_button.setEnabled(len(self.findings) > 1)

    def _on_changed(self) -> None:
        if self._loading:
            return
        self.revalidate()
        self.changed.emit()

    def revalidate(self) -> None:
        """Warnings beside the findings and the reason it cannot be saved yet (if any)."""
        self.warnings, self.problem = live_check(self.content(), self._today())
        for number, editor in enumerate(self.findings, start=1):
            editor.warning.set_messages(self.warnings.get(number, []))
        if self.problem:
            self.problem_label.setText(
                self.tr("ℹ Nog niet compleet: %1").replace("%1", self.problem)
            )
        else:
            self.problem_label.clear()
        self.problem_label.setVisible(bool(self.problem))

    def focus_field(self, field: str | None) -> None:
        """Put the cursor where an InvalidInput's ``field`` points."""
        if not field:
            return
        parts = field.split(".")
        if parts[0] == "subject" or parts[0] == "title":
            self.subject_edit.setFocus()
        elif parts[0] == "occasion":
            self.occasion_edit.setFocus()
        elif parts[0] == "conclusion":
            self.conclusion_edit.setFocus()
        elif parts[0] == "findings" and len(parts) >= 2 and parts[1].isdigit():
            n = int(parts[1])
            if 1 <= n <= len(self.findings):
                self.ensureWidgetVisible(self.findings[n - 1])
                self.findings[n - 1].focus_attribute(parts[2] if len(parts) > 2 else "text")

    # --- a liaison's remark shown in place (issue 12) ----------------------------------------

    def highlight_passage(self, version_text: str, note: AnnotationView) -> QWidget | None:
        """Highlight the remark's passage in the field it lies in and scroll it into view.
        ``version_text`` is the version the note's offsets are on (the one loaded); what has
        been typed since is searched for the quote instead. The field, or None when the passage
        is not in the form any more."""
        clear_highlights(self)
        if note.shown_start is None or note.shown_end is None:
            return None
        span = locate_in_fields(version_text, note.shown_start, note.shown_end)
        if span is None:
            return None
        parts = span.field.split(".")
        widget: QWidget | None = self._fields().get(span.field)
        frame: QWidget | None = None
        if parts[0] == "findings":
            n = int(parts[1])
            if not 1 <= n <= len(self.findings):
                return None
            frame = self.findings[n - 1]
            if widget is None:
                widget = frame.reliability_combo if parts[2] == "reliability" else frame.date_edit
        if widget is None:
            return None
        self.ensureWidgetVisible(frame or widget)
        # Only up or down: a frame wider than the view would otherwise hide its left edge.
        self.horizontalScrollBar().setValue(0)
        mark_passage(widget, span.start, span.end, version_text[span.text_start : span.text_end])
        return widget

    # --- drafts (issue 12) -------------------------------------------------------------------

    def _fields(self) -> dict[str, QWidget]:
        fields: dict[str, QWidget] = {
            "subject": self.subject_edit,
            "occasion": self.occasion_edit,
            "conclusion": self.conclusion_edit,
        }
        for n, editor in enumerate(self.findings, start=1):
            fields[f"findings.{n}.text"] = editor.text_edit
            fields[f"findings.{n}.source_reference"] = editor.source_edit
        return fields

    def place(self) -> dict[str, Any]:
        """Where the author is: the field the cursor is in and where, and the scroll position."""
        state: dict[str, Any] = {"scroll": self.verticalScrollBar().value()}
        focused = self.window().focusWidget()
        for name, widget in self._fields().items():
            if widget is focused:
                state["focus"] = name
                state["field"] = cursor_of(widget)
        return state

    def restore_place(self, state: Mapping[str, Any]) -> None:
        """Back to ``place()``'s field, cursor and scroll position (after a save or a draft)."""
        widget = self._fields().get(_str(state.get("focus")))
        if widget is not None:
            field = state.get("field")
            put_cursor(widget, field if isinstance(field, Mapping) else {})
            widget.setFocus()
        scroll = state.get("scroll")
        if isinstance(scroll, int):
            bar = self.verticalScrollBar()
            body = self.widget()
            layout = None if body is None else body.layout()
            if layout is not None:
                layout.activate()  # the form's height, so the range holds the position now
            bar.setValue(scroll)
            # And once more after the layout has settled (rows added or refilled just now).
            QTimer.singleShot(0, self, lambda: bar.setValue(scroll))

    def draft_state(self) -> dict[str, Any]:
        """What is typed, the field the cursor is in and where, and the scroll position."""
        return {
            "kind": "structured",
            "classification": int(self.classification()),
            "content": content_to_json(self.content()),
            **self.place(),
        }

    def restore_state(self, state: Mapping[str, Any]) -> None:
        """Put a draft back (the classification is set by the caller, who knows the bounds)."""
        content = state.get("content")
        self.set_content(content_from_json(content if isinstance(content, Mapping) else {}))
        self.restore_place(state)

    def wipe(self) -> None:
        self._loading = True
        for editor in list(self.findings):
            self._remove(editor)
        self.subject_edit.clear()
        self.occasion_edit.clear()
        self.conclusion_edit.clear()
        self.problem_label.clear()
        self.warnings = {}
        self.problem = None
        self._loading = False


class PlainEditor(QWidget):
    """Free text (a version not in the rendered form, e.g. drafted on the command line)."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        note = wrapped_label(
            self.tr(
                "Deze versie is vrije tekst (niet in de vaste opbouw van een "
                "ambtsbericht); u bewerkt haar als tekst. Vermeld zelf bij elke "
                "bevinding de betrouwbaarheid of de bron."
            ),
            self,
            "hintLabel",
        )
        layout.addWidget(note)
        self.edit = QPlainTextEdit(self)
        self.edit.setObjectName("plainEditor")
        self.edit.setAccessibleName(self.tr("Tekst van het ambtsbericht"))
        self.edit.textChanged.connect(self.changed)
        layout.addWidget(self.edit, 1)

    def set_text(self, text: str) -> None:
        self.edit.blockSignals(True)
        self.edit.setPlainText(text)
        self.edit.blockSignals(False)

    def text(self) -> str:
        return self.edit.toPlainText()

    def place(self) -> dict[str, Any]:
        return {"field": cursor_of(self.edit)}

    def restore_place(self, state: Mapping[str, Any]) -> None:
        field = state.get("field")
        put_cursor(self.edit, field if isinstance(field, Mapping) else {})
        self.edit.setFocus()

    def draft_state(self) -> dict[str, Any]:
        return {"kind": "plain", "text": self.text(), **self.place()}

    def highlight_passage(self, note: AnnotationView) -> bool:
        """The remark's passage highlighted and scrolled into view (found by its quote when the
        text was edited since). False when it is not in the text any more."""
        clear_highlights(self)
        if note.shown_start is None or note.shown_end is None:
            return False
        return mark_passage(self.edit, note.shown_start, note.shown_end, note.quote)

    def restore_state(self, state: Mapping[str, Any]) -> None:
        self.set_text(_str(state.get("text")))
        self.restore_place(state)

    def wipe(self) -> None:
        self.edit.blockSignals(True)
        self.edit.clear()
        self.edit.blockSignals(False)
