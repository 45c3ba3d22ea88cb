"""Printing in the window: the print preview (with printing and saving signed copies) and the
dialog that checks a printed PDF. The shell opens them through these two functions."""

from __future__ import annotations

from desktop_app.gui.printing.preview import PrintPreviewDialog, open_print_preview
from desktop_app.gui.printing.verify import VerifyPdfDialog, open_verify_dialog

__all__ = [
    "PrintPreviewDialog",
    "VerifyPdfDialog",
    "open_print_preview",
    "open_verify_dialog",
]
