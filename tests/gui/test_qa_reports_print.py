"""The print preview at 1024x700 (QA): the status line no longer moves the distribution list,
and a copy without a named recipient is questioned before any copy is made (a gap is the
service's refusal, shown at its row; no names at all is asked)."""

from __future__ import annotations

from typing import Any

import pytest
import shiboken6
from PySide6.QtWidgets import QApplication, QMessageBox

from desktop_app.gui.printing import PrintPreviewDialog
from tests.services.test_printing_support import (
    make_report,
    password,
    raw_rows,
    ws_with_print_staff,  # noqa: F401
)


@pytest.fixture
def preview(runner: Any, qtbot: Any, ws: Any) -> Any:
    rid = make_report(ws, upto="signed")
    with ws.session("tekenaar", password("tekenaar")) as session:
        dialog = PrintPreviewDialog(None, session, rid, runner=runner)
        qtbot.addWidget(dialog)
        dialog.resize(760, 676)  # as at 1024x700
        dialog.show()
        qtbot.waitExposed(dialog)
        yield dialog
        if shiboken6.isValid(dialog):  # closing deletes it (WA_DeleteOnClose)
            dialog.close()


def _table_top(dialog: PrintPreviewDialog) -> int:
    QApplication.processEvents()
    table = dialog.recipients_table
    return table.mapTo(dialog, table.rect().topLeft()).y()


def test_the_status_line_does_not_move_the_recipient_table(preview: Any) -> None:
    preview.status_label.setText("")
    before = _table_top(preview)
    preview.status_label.setText("Voorbeeld wordt opgemaakt…")
    assert _table_top(preview) == before
    preview.status_label.setText(
        "2 ondertekende exemplaren van AB-2026-000001 gemaakt en in het afdrukregister "
        "vastgelegd. 4 pagina's naar de printer gestuurd. " * 2
    )
    assert _table_top(preview) == before


def _question() -> QMessageBox | None:
    return next(
        (
            w
            for w in QApplication.allWidgets()
            if isinstance(w, QMessageBox)
            and w.objectName() == "noRecipientsQuestion"
            and w.isVisible()
        ),
        None,
    )


def test_no_recipient_at_all_is_asked_before_printing(preview: Any, ws: Any) -> None:
    preview.copies_spin.setValue(2)
    preview._fit_recipient_rows(2)
    went: list[int] = []
    box = preview.check_recipients(lambda: went.append(1))
    assert box is not None and _question() is box and went == []
    assert "ontvanger" in box.text()
    # The default is to fill them in: the cursor goes to the first row, nothing is made.
    box.defaultButton().click()
    assert went == [] and preview.recipients_table.currentRow() == 0
    box = preview.check_recipients(lambda: went.append(1))
    assert box is not None
    next(b for b in box.buttons() if b is not box.defaultButton()).click()
    assert went == [1]
    assert raw_rows(ws, "SELECT id FROM print_copies") == []  # asking printed nothing


def test_a_gap_in_the_list_is_the_services_sentence_at_its_row(preview: Any) -> None:
    preview.set_recipients(["Hoofd IND, afdeling Asiel", "", "Archief"])
    went: list[int] = []
    assert preview.check_recipients(lambda: went.append(1)) is None
    assert went == [] and _question() is None
    assert "Ontvanger 2 is leeg" in preview.status_label.text()
    assert preview.recipients_table.currentRow() == 1


def test_a_full_list_goes_on_without_a_question(preview: Any) -> None:
    preview.set_recipients(["Hoofd IND, afdeling Asiel", "Archief"])
    went: list[int] = []
    assert preview.check_recipients(lambda: went.append(1)) is None
    assert went == [1] and _question() is None


@pytest.mark.parametrize("button", ["print_button", "save_button"])
def test_the_buttons_ask_before_the_printer_or_folder_dialog(preview: Any, button: str) -> None:
    getattr(preview, button).click()
    box = _question()
    assert box is not None  # asked before QPrintDialog / the folder dialog would open
    box.defaultButton().click()
    assert _question() is None and preview.recipients_table.currentRow() == 0
