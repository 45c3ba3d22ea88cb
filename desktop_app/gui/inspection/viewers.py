"""Read-only viewers for the inspection window: text (no selection at all), PDF (QtPdf from
memory: a QBuffer over the bytes, never a file) and images. A broken item gives a message in
the viewer, never a crash."""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPaintEvent
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import QLabel, QPlainTextEdit, QStackedWidget, QWidget

from desktop_app.domain.evidence import EvidenceKind


class TextView(QPlainTextEdit):
    """Shows a note; no caret, no selection, so nothing to copy."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("textViewer")
        self.setReadOnly(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
        self.setUndoRedoEnabled(False)
        self.setAcceptDrops(False)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)

    def createMimeDataFromSelection(self):  # type: ignore[no-untyped-def]
        return None  # belt and braces: never hand out the text as clipboard or drag data


class ImageView(QWidget):
    """Draws the image scaled to fit (aspect kept), centred."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("imageViewer")
        self._image = QImage()

    @property
    def image(self) -> QImage:
        return self._image

    def set_image(self, image: QImage) -> None:
        self._image = image
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(400, 300)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor(245, 245, 245))
        if not self._image.isNull():
            size = self._image.size().scaled(self.size(), Qt.AspectRatioMode.KeepAspectRatio)
            x = (self.width() - size.width()) / 2
            y = (self.height() - size.height()) / 2
            painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
            painter.drawImage(QRectF(x, y, size.width(), size.height()), self._image)
        painter.end()


class ItemViewer(QStackedWidget):
    """One page per kind, plus a message page (choose an item, cannot display, damaged)."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("itemViewer")
        self.message = QLabel(self)
        self.message.setObjectName("viewerMessage")
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.text = TextView(self)
        self.pdf_view = QPdfView(self)
        self.pdf_view.setObjectName("pdfViewer")
        self.pdf_view.setPageMode(QPdfView.PageMode.MultiPage)
        self.pdf_view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.pdf_document = QPdfDocument(self)
        self._pdf_buffer: QBuffer | None = None
        self.image = ImageView(self)
        for page in (self.message, self.text, self.pdf_view, self.image):
            self.addWidget(page)
        self.show_message(self.tr("Kies links een item om het in te zien."))

    # Each show_* returns True when the content is on screen.

    def show_message(self, text: str) -> bool:
        self._clear()
        self.message.setText(text)
        self.setCurrentWidget(self.message)
        return False

    def show_content(self, kind: EvidenceKind, data: bytes) -> bool:
        if kind is EvidenceKind.TEXT:
            return self._show_text(data)
        if kind is EvidenceKind.PDF:
            return self._show_pdf(data)
        if kind is EvidenceKind.IMAGE:
            return self._show_image(data)
        return self.show_message(self.tr("Dit bestand kan niet worden weergegeven."))

    def _show_text(self, data: bytes) -> bool:
        self._clear()
        self.text.setPlainText(data.decode("utf-8-sig", errors="replace"))
        self.setCurrentWidget(self.text)
        return True

    def _show_pdf(self, data: bytes) -> bool:
        self._clear()
        buffer = QBuffer(self)
        buffer.setData(QByteArray(data))
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.pdf_document.load(buffer)
        if (
            self.pdf_document.status() != QPdfDocument.Status.Ready
            or self.pdf_document.pageCount() < 1
        ):
            error = self.pdf_document.error()
            self.pdf_document.close()
            buffer.close()
            buffer.deleteLater()
            if error in (
                QPdfDocument.Error.IncorrectPassword,
                QPdfDocument.Error.UnsupportedSecurityScheme,
            ):
                return self.show_message(
                    self.tr(
                        "Dit PDF-document is beveiligd met een wachtwoord en kan niet worden "
                        "weergegeven."
                    )
                )
            return self.show_message(
                self.tr("Dit PDF-document is beschadigd en kan niet worden weergegeven.")
            )
        self._pdf_buffer = buffer
        self.pdf_view.setDocument(self.pdf_document)
        self.setCurrentWidget(self.pdf_view)
        return True

    def _show_image(self, data: bytes) -> bool:
        self._clear()
        image = QImage.fromData(data)
        if image.isNull():
            return self.show_message(
                self.tr("Deze afbeelding is beschadigd en kan niet worden weergegeven.")
            )
        self.image.set_image(image)
        self.setCurrentWidget(self.image)
        return True

    def _clear(self) -> None:
        """Drop whatever content is held (also when the window hides or ends)."""
        self.text.clear()
        self.image.set_image(QImage())
        self.pdf_view.setDocument(None)  # type: ignore[arg-type]  # Qt takes nullptr; the stub says no
        self.pdf_document.close()
        if self._pdf_buffer is not None:
            self._pdf_buffer.close()
            self._pdf_buffer.deleteLater()
            self._pdf_buffer = None

    def clear(self) -> None:
        self.show_message("")
