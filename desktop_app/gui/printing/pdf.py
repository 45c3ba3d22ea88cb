"""PDF bytes on screen and on paper with QtPdf, without a file: the document reads from a
QBuffer over the bytes (decrypted content never lands in a temporary file)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QObject, QRectF, QSize
from PySide6.QtGui import QImage, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter

# Pages go to the printer as images of at most this resolution: a 1200 dpi A4 page would be a
# 550 MB image, and a printed letter gains nothing above 300 dpi.
MAX_PRINT_DPI = 300


class InMemoryPdf(QObject):
    """A QPdfDocument over bytes held in memory; keeps the buffer alive as long as itself."""

    def __init__(self, data: bytes, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._bytes = QByteArray(data)
        self.buffer = QBuffer(self)
        self.buffer.setData(self._bytes)
        self.buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document = QPdfDocument(self)
        self.document.load(self.buffer)

    @property
    def ok(self) -> bool:
        return self.document.status() == QPdfDocument.Status.Ready and self.document.pageCount() > 0

    def page_count(self) -> int:
        return self.document.pageCount()

    def close(self) -> None:
        self.document.close()
        self.buffer.close()
        self._bytes = QByteArray()


def paint_pdfs(printer: QPrinter, pdfs: Sequence[bytes]) -> int:
    """Every page of every PDF, in order, on ``printer`` (one print job). Returns the number of
    pages sent; raises RuntimeError when the printer cannot be opened or a PDF not read."""
    painter = QPainter()
    if not painter.begin(printer):
        raise RuntimeError("printer could not be opened")
    pages = 0
    try:
        dpi = min(printer.resolution(), MAX_PRINT_DPI)
        for data in pdfs:
            pdf = InMemoryPdf(data)
            try:
                if not pdf.ok:
                    raise RuntimeError("a printed copy could not be read back")
                for index in range(pdf.page_count()):
                    if pages:
                        printer.newPage()
                    _paint_page(painter, pdf.document, index, dpi)
                    pages += 1
            finally:
                pdf.close()
                pdf.deleteLater()
    finally:
        painter.end()
    return pages


def _paint_page(painter: QPainter, document: QPdfDocument, index: int, dpi: int) -> None:
    points = document.pagePointSize(index)
    size = QSize(
        max(1, round(points.width() / 72 * dpi)), max(1, round(points.height() / 72 * dpi))
    )
    image: QImage = document.render(index, size)
    target = QRectF(painter.viewport())
    scale = min(target.width() / size.width(), target.height() / size.height())
    width, height = size.width() * scale, size.height() * scale
    painter.drawImage(
        QRectF(target.x() + (target.width() - width) / 2, target.y(), width, height), image
    )
