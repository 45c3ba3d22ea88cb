"""The watermark over everything in the inspection window: the inspector's full name, the date
and the time, repeated diagonally and semi-transparent, so a photo of the screen names who
looked and when. It lets every mouse event through to the widgets below."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPaintEvent
from PySide6.QtWidgets import QWidget

from desktop_app.domain.timefmt import shown_prose_datetime

ANGLE = -30.0
ALPHA = 46  # of 255: readable through, impossible to miss


def watermark_text(full_name: str, when: dt.datetime) -> str:
    """'Ivo Inspecteur · 2 november 2026, 10:00' in Amsterdam time, the date in the window's
    language like everything else on the screen ('2 November 2026' in English)."""
    return f"{full_name} · {shown_prose_datetime(when)}"


class WatermarkOverlay(QWidget):
    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("watermark")
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setAttribute(Qt.WidgetAttribute.WA_NoSystemBackground)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self._text = ""

    @property
    def text(self) -> str:
        return self._text

    def set_text(self, text: str) -> None:
        if text != self._text:
            self._text = text
            self.setAccessibleName(text)
            self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        if not self._text:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        font = QFont(self.font())
        font.setPointSizeF(max(14.0, self.font().pointSizeF() * 1.6))
        font.setBold(True)
        painter.setFont(font)
        painter.setPen(QColor(90, 20, 20, ALPHA))
        metrics = QFontMetricsF(font)
        step_x = metrics.horizontalAdvance(self._text) + 90.0
        step_y = metrics.height() * 4.5
        width, height = float(self.width()), float(self.height())
        # Rotate about the centre and tile a square that covers the window at any angle.
        diagonal = (width**2 + height**2) ** 0.5
        painter.translate(QPointF(width / 2, height / 2))
        painter.rotate(ANGLE)
        row = 0
        y = -diagonal / 2
        while y < diagonal / 2:
            x = -diagonal / 2 - (step_x / 2 if row % 2 else 0.0)
            while x < diagonal / 2:
                painter.drawText(
                    QRectF(x, y, step_x, metrics.height()),
                    int(Qt.AlignmentFlag.AlignLeft),
                    self._text,
                )
                x += step_x
            y += step_y
            row += 1
        painter.end()
