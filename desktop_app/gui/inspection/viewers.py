"""Read-only viewers for the inspection window: text (no selection at all), PDF (QtPdf from
memory: a QBuffer over the bytes, never a file; with the page number and zoom, issue 12) and
images. A broken item gives a message in the viewer, never a crash."""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPaintEvent
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

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


ZOOM_STEPS = (0.5, 0.67, 0.8, 1.0, 1.25, 1.5, 2.0, 3.0)


class PdfPane(QWidget):
    """The PDF with a bar above it: previous/next page, the page number (typed or stepped)
    "van N", and zoom out/in with the factor shown, or the page width. Reading aids only:
    nothing here copies, prints or saves."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("pdfPane")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        bar = QHBoxLayout()
        bar.setSpacing(6)
        self.previous_button = QPushButton("◀", self)
        self.previous_button.setObjectName("pdfPreviousPage")
        self.previous_button.setAccessibleName(self.tr("Vorige pagina"))
        self.previous_button.setToolTip(self.tr("Vorige pagina"))
        self.page_label = QLabel(self.tr("Pagina"), self)
        self.page_spin = QSpinBox(self)
        self.page_spin.setObjectName("pdfPageNumber")
        self.page_spin.setAccessibleName(self.tr("Paginanummer"))
        self.page_spin.setKeyboardTracking(False)
        self.page_spin.setMinimum(1)
        self.page_label.setBuddy(self.page_spin)
        self.count_label = QLabel(self)
        self.count_label.setObjectName("pdfPageCount")
        self.next_button = QPushButton("▶", self)
        self.next_button.setObjectName("pdfNextPage")
        self.next_button.setAccessibleName(self.tr("Volgende pagina"))
        self.next_button.setToolTip(self.tr("Volgende pagina"))
        self.zoom_out_button = QPushButton("−", self)
        self.zoom_out_button.setObjectName("pdfZoomOut")
        self.zoom_out_button.setAccessibleName(self.tr("Verkleinen"))
        self.zoom_out_button.setToolTip(self.tr("Verkleinen"))
        self.zoom_label = QLabel(self)
        self.zoom_label.setObjectName("pdfZoom")
        self.zoom_label.setMinimumWidth(90)
        self.zoom_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.zoom_in_button = QPushButton("+", self)
        self.zoom_in_button.setObjectName("pdfZoomIn")
        self.zoom_in_button.setAccessibleName(self.tr("Vergroten"))
        self.zoom_in_button.setToolTip(self.tr("Vergroten"))
        self.fit_button = QPushButton(self.tr("Paginabreedte"), self)
        self.fit_button.setObjectName("pdfFitWidth")
        for widget in (self.previous_button, self.next_button, self.zoom_out_button):
            widget.setFixedWidth(36)
        self.zoom_in_button.setFixedWidth(36)
        bar.addWidget(self.previous_button)
        bar.addWidget(self.page_label)
        bar.addWidget(self.page_spin)
        bar.addWidget(self.count_label)
        bar.addWidget(self.next_button)
        bar.addStretch(1)
        bar.addWidget(self.zoom_out_button)
        bar.addWidget(self.zoom_label)
        bar.addWidget(self.zoom_in_button)
        bar.addWidget(self.fit_button)
        layout.addLayout(bar)
        self.view = QPdfView(self)
        self.view.setObjectName("pdfViewer")
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        layout.addWidget(self.view, 1)
        for label in (self.page_label, self.count_label, self.zoom_label):
            label.setTextFormat(Qt.TextFormat.PlainText)

        navigator = self.view.pageNavigator()
        navigator.currentPageChanged.connect(lambda _page: self._show_state())
        self.view.zoomFactorChanged.connect(lambda _factor: self._show_state())
        self.view.zoomModeChanged.connect(lambda _mode: self._show_state())
        self.previous_button.clicked.connect(lambda _=False: self.go_to(self.page() - 1))
        self.next_button.clicked.connect(lambda _=False: self.go_to(self.page() + 1))
        self.page_spin.valueChanged.connect(lambda value: self.go_to(value))
        self.zoom_in_button.clicked.connect(lambda _=False: self.zoom(+1))
        self.zoom_out_button.clicked.connect(lambda _=False: self.zoom(-1))
        self.fit_button.clicked.connect(lambda _=False: self.fit_width())
        self._show_state()

    # --- what the bar shows and does ------------------------------------------------------------

    def page_count(self) -> int:
        document = self.view.document()
        return 0 if document is None else int(document.pageCount())

    def page(self) -> int:
        """The page on screen, counted from 1 (0 without a document)."""
        if self.page_count() < 1:
            return 0
        return int(self.view.pageNavigator().currentPage()) + 1

    def go_to(self, page: int) -> None:
        count = self.page_count()
        if count < 1:
            return
        page = max(1, min(count, page))
        if page != self.page():
            self.view.pageNavigator().jump(page - 1, QPointF(), self.view.zoomFactor())
        self._show_state()

    def zoom_factor(self) -> float:
        return float(self.view.zoomFactor())

    def fits_width(self) -> bool:
        return self.view.zoomMode() is QPdfView.ZoomMode.FitToWidth

    def zoom(self, direction: int) -> None:
        """One step larger (+1) or smaller (-1) than what is shown now."""
        current = self.zoom_factor()
        if direction > 0:
            target = next((z for z in ZOOM_STEPS if z > current + 0.01), ZOOM_STEPS[-1])
        else:
            target = next((z for z in reversed(ZOOM_STEPS) if z < current - 0.01), ZOOM_STEPS[0])
        self.view.setZoomMode(QPdfView.ZoomMode.Custom)
        self.view.setZoomFactor(target)
        self._show_state()

    def fit_width(self) -> None:
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self._show_state()

    def _show_state(self) -> None:
        count = self.page_count()
        page = self.page()
        self.page_spin.blockSignals(True)
        self.page_spin.setMaximum(max(1, count))
        self.page_spin.setValue(max(1, page))
        self.page_spin.blockSignals(False)
        self.count_label.setText(self.tr("van %1").replace("%1", str(count)))
        self.previous_button.setEnabled(page > 1)
        self.next_button.setEnabled(0 < page < count)
        for widget in (self.page_spin, self.zoom_in_button, self.zoom_out_button):
            widget.setEnabled(count > 0)
        if self.fits_width():
            self.zoom_label.setText(self.tr("paginabreedte"))
        else:
            self.zoom_label.setText(f"{round(self.zoom_factor() * 100)} %")
        self.fit_button.setEnabled(count > 0 and not self.fits_width())
        self.zoom_in_button.setEnabled(count > 0 and self.zoom_factor() < ZOOM_STEPS[-1] - 0.01)
        self.zoom_out_button.setEnabled(count > 0 and self.zoom_factor() > ZOOM_STEPS[0] + 0.01)

    def set_document(self, document: QPdfDocument | None) -> None:
        self.view.setDocument(document)  # type: ignore[arg-type]  # Qt takes nullptr; the stub says no
        if document is not None:
            self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
            self.view.pageNavigator().jump(0, QPointF(), self.view.zoomFactor())
        self._show_state()


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
        self.pdf = PdfPane(self)
        self.pdf_view = self.pdf.view
        self.pdf_document = QPdfDocument(self)
        self._pdf_buffer: QBuffer | None = None
        self.image = ImageView(self)
        for page in (self.message, self.text, self.pdf, self.image):
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
        self.pdf.set_document(self.pdf_document)
        self.setCurrentWidget(self.pdf)
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
        self.pdf.set_document(None)
        self.pdf_document.close()
        if self._pdf_buffer is not None:
            self._pdf_buffer.close()
            self._pdf_buffer.deleteLater()
            self._pdf_buffer = None

    def clear(self) -> None:
        self.show_message("")
