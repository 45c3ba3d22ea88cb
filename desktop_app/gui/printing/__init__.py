"""Printing in the window: the print preview (with printing and saving signed copies) and the
dialog that checks a printed PDF, and a report's print register. The shell opens them through
these functions."""

from __future__ import annotations

from desktop_app.gui.printing.preview import PrintPreviewDialog, open_print_preview
from desktop_app.gui.printing.register import PrintRegisterDialog, open_print_register
from desktop_app.gui.printing.verify import VerifyPdfDialog, open_verify_dialog

__all__ = [
    "PrintPreviewDialog",
    "PrintRegisterDialog",
    "VerifyPdfDialog",
    "open_print_preview",
    "open_print_register",
    "open_verify_dialog",
]
