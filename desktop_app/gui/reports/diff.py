"""Two versions side by side: old on the left, new on the right, one row of the comparison
per line, wrapped to the panes' width with padding so both sides stay level, and scrolled
together. Changed words are marked by colour and by form: deletions struck through (red-ish),
insertions underlined (green-ish), and a − / + in the gutter of every changed line."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontDatabase,
    QFontMetricsF,
    QResizeEvent,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
)
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.textdiff import DiffRow, OpTag, Span
from desktop_app.gui.pages import push_button, wrapped_label
from desktop_app.gui.reports.labels import short_time
from desktop_app.services.reports import ReportDiff, VersionView

MIN_WIDTH = 20

_DELETE_BG = QColor("#f6c6c6")
_DELETE_FG = QColor("#6f1414")
_INSERT_BG = QColor("#bfe9cb")
_INSERT_FG = QColor("#0f4a27")
_OLD_ROW_BG = QColor("#fdf1f1")
_NEW_ROW_BG = QColor("#eefaf2")
_PAD_BG = QColor("#e9edf2")
_GUTTER_FG = QColor("#6b7684")


def wrap_spans(spans: Sequence[Span], width: int) -> list[tuple[Span, ...]]:
    """One line's spans cut into pieces of at most ``width`` characters (plus the space a piece
    was broken after), at a space where possible. Joining the pieces gives the line back; an
    empty line is one empty piece."""
    if width < 1:
        raise ValueError("width must be positive")
    text = "".join(s.text for s in spans)
    if len(text) <= width:
        return [tuple(s for s in spans if s.text)]
    bounds: list[tuple[int, int]] = []
    pos = 0
    while len(text) - pos > width:
        space = text.rfind(" ", pos, pos + width + 1)
        end = space + 1 if space > pos else pos + width
        bounds.append((pos, end))
        pos = end
    bounds.append((pos, len(text)))
    pieces: list[tuple[Span, ...]] = []
    for a, b in bounds:
        piece: list[Span] = []
        offset = 0
        for span in spans:
            s0, s1 = offset, offset + len(span.text)
            offset = s1
            lo, hi = max(a, s0), min(b, s1)
            if lo < hi:
                piece.append(Span(span.kind, span.text[lo - s0 : hi - s0]))
        pieces.append(tuple(piece))
    return pieces


def _mono_font() -> QFont:
    font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
    font.setStyleHint(QFont.StyleHint.Monospace)
    font.setPointSize(10)
    return font


class DiffPane(QTextEdit):
    """One side of the comparison (read-only; lines already wrapped by the view)."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setReadOnly(True)
        self.setLineWrapMode(QTextEdit.LineWrapMode.NoWrap)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.document().setDefaultFont(_mono_font())
        self.setFont(_mono_font())

    def chars_per_line(self) -> int:
        metrics = QFontMetricsF(self.document().defaultFont())
        usable = self.viewport().width() - 2 * self.document().documentMargin() - 6
        # One character to spare: a wrapped piece may end in the space it was broken after.
        return max(MIN_WIDTH, int(usable // max(metrics.horizontalAdvance("0"), 1.0)) - 1)


def _formats() -> dict[str, QTextCharFormat]:
    plain = QTextCharFormat()
    gutter = QTextCharFormat()
    gutter.setForeground(_GUTTER_FG)
    deleted = QTextCharFormat()
    deleted.setBackground(_DELETE_BG)
    deleted.setForeground(_DELETE_FG)
    deleted.setFontStrikeOut(True)
    inserted = QTextCharFormat()
    inserted.setBackground(_INSERT_BG)
    inserted.setForeground(_INSERT_FG)
    inserted.setFontUnderline(True)
    return {"plain": plain, "gutter": gutter, "delete": deleted, "insert": inserted}


class CompareView(QWidget):
    """Pick two versions, see them side by side. ``compare_requested(old, new)`` asks the
    owner to fetch the comparison; ``show_diff`` shows it."""

    compare_requested = Signal(int, int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: tuple[DiffRow, ...] = ()
        self._row_blocks: list[int] = []  # the first block of each row (both panes alike)
        self._rendered_width = 0
        self._formats = _formats()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.setSpacing(6)
        pick = QHBoxLayout()
        from_label = QLabel(self.tr("Van versie"), self)
        self.from_combo = QComboBox(self)
        self.from_combo.setObjectName("diffFromCombo")
        self.from_combo.setAccessibleName(self.tr("Van versie"))
        from_label.setBuddy(self.from_combo)
        to_label = QLabel(self.tr("naar versie"), self)
        self.to_combo = QComboBox(self)
        self.to_combo.setObjectName("diffToCombo")
        self.to_combo.setAccessibleName(self.tr("Naar versie"))
        to_label.setBuddy(self.to_combo)
        self.compare_button = push_button(
            self.tr("Vergeli&jken"), self, self._on_compare, "compareButton"
        )
        for w in (from_label, self.from_combo, to_label, self.to_combo, self.compare_button):
            pick.addWidget(w)
        pick.addStretch(1)
        layout.addLayout(pick)
        self.legend = wrapped_label(
            self.tr(
                "Links de oude, rechts de nieuwe versie. − doorgehaald: verwijderd; "
                "+ onderstreept: toegevoegd."
            ),
            self,
            "hintLabel",
        )
        layout.addWidget(self.legend)
        self.summary = QLabel(self)
        self.summary.setObjectName("diffSummary")
        layout.addWidget(self.summary)
        heads = QHBoxLayout()
        self.old_head = QLabel(self)
        self.old_head.setObjectName("diffOldHead")
        self.new_head = QLabel(self)
        self.new_head.setObjectName("diffNewHead")
        heads.addWidget(self.old_head, 1)
        heads.addWidget(self.new_head, 1)
        layout.addLayout(heads)
        panes = QHBoxLayout()
        panes.setSpacing(6)
        self.old_pane = DiffPane("diffOld", self)
        self.old_pane.setAccessibleName(self.tr("Oude versie"))
        self.new_pane = DiffPane("diffNew", self)
        self.new_pane.setAccessibleName(self.tr("Nieuwe versie"))
        panes.addWidget(self.old_pane, 1)
        panes.addWidget(self.new_pane, 1)
        layout.addLayout(panes, 1)
        # Scroll together: equal line counts and one font make equal heights.
        for a, b in ((self.old_pane, self.new_pane), (self.new_pane, self.old_pane)):
            a.verticalScrollBar().valueChanged.connect(b.verticalScrollBar().setValue)
            a.horizontalScrollBar().valueChanged.connect(b.horizontalScrollBar().setValue)
        self._relayout = QTimer(self)
        self._relayout.setSingleShot(True)
        self._relayout.setInterval(120)
        self._relayout.timeout.connect(self._render_if_width_changed)
        self.set_versions(())

    # --- versions ---------------------------------------------------------------------------

    def set_versions(self, versions: Sequence[VersionView]) -> None:
        """The versions one may compare; the default pair is the last two."""
        for combo in (self.from_combo, self.to_combo):
            combo.clear()
            for v in versions:
                combo.addItem(
                    self.tr("Versie %1 — %2, %3")
                    .replace("%1", str(v.version))
                    .replace("%2", v.author_name or v.author)
                    .replace("%3", short_time(v.created_at)),
                    v.version,
                )
        if len(versions) >= 2:
            self.from_combo.setCurrentIndex(len(versions) - 2)
            self.to_combo.setCurrentIndex(len(versions) - 1)
            self.compare_button.setEnabled(True)
            self.summary.setText("")
        else:
            self.compare_button.setEnabled(False)
            self.summary.setText(
                self.tr("Er is nog maar één versie; er valt niets te vergelijken.")
                if versions
                else ""
            )

    def select(self, old: int, new: int) -> None:
        self.from_combo.setCurrentIndex(self.from_combo.findData(old))
        self.to_combo.setCurrentIndex(self.to_combo.findData(new))

    def _on_compare(self) -> None:
        old, new = self.from_combo.currentData(), self.to_combo.currentData()
        if old is None or new is None:
            return
        self.compare_requested.emit(int(old), int(new))

    # --- showing ----------------------------------------------------------------------------

    @property
    def rows(self) -> tuple[DiffRow, ...]:
        return self._rows

    def show_diff(self, diff: ReportDiff) -> None:
        self._rows = diff.side_by_side()
        self.old_head.setText(self.tr("Versie %1 (oud)").replace("%1", str(diff.from_version)))
        self.new_head.setText(self.tr("Versie %1 (nieuw)").replace("%1", str(diff.to_version)))
        changed = sum(1 for r in self._rows if r.kind is OpTag.REPLACE)
        added = sum(1 for r in self._rows if r.kind is OpTag.INSERT)
        removed = sum(1 for r in self._rows if r.kind is OpTag.DELETE)
        if not changed and not added and not removed:
            self.summary.setText(self.tr("De twee versies zijn gelijk."))
        else:
            self.summary.setText(
                self.tr("Gewijzigd: %1 regels · toegevoegd: %2 · verwijderd: %3")
                .replace("%1", str(changed))
                .replace("%2", str(added))
                .replace("%3", str(removed))
            )
        self.render()
        self.scroll_to_first_change()

    def scroll_to_first_change(self) -> None:
        """Bring the first changed line into view, with a little context above it."""
        first = next((n for n, r in enumerate(self._rows) if r.kind is not OpTag.EQUAL), None)
        if first is None:
            return
        number = max(0, self._row_blocks[first] - 3)
        block = self.old_pane.document().findBlockByNumber(number)
        top = self.old_pane.document().documentLayout().blockBoundingRect(block).top()
        self.old_pane.verticalScrollBar().setValue(int(top))

    def render(self, width: int | None = None) -> None:  # type: ignore[override]  # not QWidget.render: lays out the rows
        """Lay the rows out at ``width`` characters per line (default: what fits)."""
        chars = width or min(self.old_pane.chars_per_line(), self.new_pane.chars_per_line())
        self._rendered_width = chars
        last = max((max(r.old_lineno or 0, r.new_lineno or 0) for r in self._rows), default=0)
        digits = len(str(last))
        text_width = max(MIN_WIDTH - digits - 3, chars - digits - 3)
        self._fill(self.old_pane, digits, text_width, old=True)
        self._fill(self.new_pane, digits, text_width, old=False)

    def _fill(self, pane: DiffPane, digits: int, width: int, *, old: bool) -> None:
        value = pane.verticalScrollBar().value()
        doc = pane.document()
        doc.clear()
        cursor = QTextCursor(doc)
        cursor.beginEditBlock()
        f = self._formats
        changed_kinds = {OpTag.DELETE, OpTag.REPLACE} if old else {OpTag.INSERT, OpTag.REPLACE}
        marker = "−" if old else "+"
        row_bg = _OLD_ROW_BG if old else _NEW_ROW_BG
        first = True
        blocks: list[int] = []
        for row in self._rows:
            blocks.append(cursor.blockNumber() + (0 if first else 1))
            lineno = row.old_lineno if old else row.new_lineno
            spans = row.old_spans if old else row.new_spans
            other = row.new_spans if old else row.old_spans
            other_no = row.new_lineno if old else row.old_lineno
            mine = wrap_spans(spans, width) if lineno is not None else []
            theirs = wrap_spans(other, width) if other_no is not None else []
            changed = row.kind in changed_kinds and lineno is not None
            for n in range(max(len(mine), len(theirs), 1)):
                block = QTextBlockFormat()
                if n >= len(mine):
                    block.setBackground(QBrush(_PAD_BG, Qt.BrushStyle.Dense6Pattern))
                elif changed:
                    block.setBackground(row_bg)
                if first:
                    cursor.setBlockFormat(block)
                    first = False
                else:
                    cursor.insertBlock(block, f["plain"])
                if n >= len(mine):
                    continue
                if n == 0:
                    gutter = f"{lineno:>{digits}} {marker if changed else ' '} "
                else:
                    gutter = " " * (digits + 3)
                cursor.insertText(gutter, f["gutter"])
                for span in mine[n]:
                    if span.kind is OpTag.EQUAL:
                        fmt = f["plain"]
                    else:
                        fmt = f["delete"] if old else f["insert"]
                    cursor.insertText(span.text, fmt)
        cursor.endEditBlock()
        self._row_blocks = blocks
        pane.verticalScrollBar().setValue(value)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self._rows:
            self._relayout.start()

    def _render_if_width_changed(self) -> None:
        chars = min(self.old_pane.chars_per_line(), self.new_pane.chars_per_line())
        if self._rows and chars != self._rendered_width:
            self.render()

    def wipe(self) -> None:
        self._rows = ()
        self._row_blocks = []
        self._relayout.stop()
        for pane in (self.old_pane, self.new_pane):
            pane.clear()
        for label in (self.old_head, self.new_head, self.summary):
            label.clear()
        for combo in (self.from_combo, self.to_combo):
            combo.clear()
