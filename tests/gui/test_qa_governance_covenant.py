"""QA walk of Convenant (art. 3.3, 4.1, 4.2, 5) at 1024x700 and 1400x900: the annex line is read
in full, the notice (which cannot be undone) is not recorded by Enter, and the amendment just
requested or decided stays in view with its outcome."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QLabel, QWidget

from desktop_app.domain.classification import Classification
from desktop_app.gui.covenant.dialogs import TextViewer
from desktop_app.services import covenant as svc
from tests.gui import test_covenant_page as covenant_tests
from tests.gui.gui_support import PASSWORDS

# The Convenant tests' page fixture and submit step, shared rather than copied (the people
# are gui/conftest.py's ``staff``).
page_of = covenant_tests.page_of
_submit = covenant_tests._submit

# The main window's page area at 1024x700 (the section list and the bars take the rest).
SMALL = (1024 - 214, 700 - 90)


@pytest.mark.parametrize("size", [SMALL, (1400 - 214, 900 - 90)])
def test_the_annex_line_is_not_cut_off(
    page_of: Any, staff: Any, qtbot: Any, size: tuple[int, int]
) -> None:
    """QA: at 1024x700 'versie 1, STG. GEHEIM (rubricering tot en met 31 december 2031),
    vastgelegd door Teun Tekenaar' lost its first and last line beside the two buttons."""
    with staff.session("tekenaar", PASSWORDS["tekenaar"]) as signer:
        svc.annex_set(signer, text="Bijlage.", classification=Classification.STG_GEHEIM)
    page = page_of("tekenaar", size)
    qtbot.wait(10)
    label = page.annex_label
    assert "vastgelegd door" in label.text()
    assert label.height() >= label.heightForWidth(label.width())
    for button in (page.annex_show_button, page.annex_set_button):
        assert button.isVisible()


def test_the_notice_is_not_recorded_by_enter(page_of: Any, qtbot: Any) -> None:
    """A notice cannot be undone (the dialog says so): 'Annuleren' is the default, as in the
    window's other irreversible steps, and Enter in the date field records nothing."""
    page = page_of("tekenaar", SMALL)
    dialog = page.open_termination_dialog()
    qtbot.waitExposed(dialog)
    assert dialog.cancel_button.isDefault() and not dialog.ok_button.isDefault()
    qtbot.keyClick(dialog.date_edit, Qt.Key.Key_Return)
    QApplication.processEvents()
    assert page.view is not None and page.view.termination is None


def test_the_requested_and_the_decided_amendment_stay_in_view(page_of: Any) -> None:
    """QA: after 'Vastleggen' the list came back with nothing chosen ('Kies een wijziging…'),
    so the outcome of the step just taken was out of sight."""
    page = page_of("liaison", SMALL)
    dialog = page.open_amendment_dialog()
    dialog.change_edit.setPlainText("Art. 2.3: vijftien werkdagen.")
    _submit(dialog)
    assert "vijftien werkdagen" in page.amendment_detail.toPlainText()
    decision = page.open_decision_dialog()
    assert decision is not None
    decision.ref_edit.setText("HD-IND 2026/7")
    _submit(decision)
    assert "Hoofddirecteur IND: ingestemd" in page.amendment_detail.toPlainText()


def test_a_new_plan_is_chosen_and_in_sight(page_of: Any, staff: Any) -> None:
    """QA: at 1024x700 the plan list shows a row or two; the plan just drawn up was chosen
    below them, out of sight."""
    with staff.session("tekenaar", PASSWORDS["tekenaar"]) as signer:
        for n in range(4):
            svc.add_plan(signer, subject=f"Plan {n}", text="Tekst.")
    page = page_of("tekenaar", (1024 - 214, 600))
    page.tabs.setCurrentIndex(1)
    dialog = page.open_plan_dialog()
    dialog.subject_edit.setText("Terugkoppeling over gebruik van ambtsberichten")
    dialog.text_edit.setPlainText("1. De IND meldt elk kwartaal hoe ambtsberichten zijn gebruikt.")
    _submit(dialog)
    QApplication.processEvents()
    # The detail filling in under the list takes its height (the plan loads on the worker).
    page.resize(page.width(), page.height() - 40)
    QApplication.processEvents()
    table = page.plan_table
    rows = table.selectionModel().selectedRows()
    assert rows and page.plan_model.record_at(rows[0]).subject.startswith("Terugkoppeling")
    assert table.viewport().rect().intersects(table.visualRect(rows[0]))


def test_a_new_annex_version_starts_at_the_marking_on_record(page_of: Any, staff: Any) -> None:
    """QA: 'Bijlage vastleggen…' over a Stg. Geheim annex offered Stg. Confidentieel: a step
    down by default for a text that is typed again in full."""
    with staff.session("tekenaar", PASSWORDS["tekenaar"]) as signer:
        svc.annex_set(signer, text="Bijlage.", classification=Classification.STG_GEHEIM)
    page = page_of("tekenaar", SMALL)
    dialog = page.open_annex_dialog()
    assert dialog.level_combo.currentData() == Classification.STG_GEHEIM
    dialog.reject()


def test_a_new_annex_version_starts_at_the_duration_on_record(page_of: Any, staff: Any) -> None:
    """QA: over an annex held until 31-12-2031 'Rubricering geldt' started at 'niet
    vastgelegd': the new version quietly lost how long its marking holds."""
    until = dt.date(2031, 12, 31)
    with staff.session("tekenaar", PASSWORDS["tekenaar"]) as signer:
        svc.annex_set(
            signer,
            text="Bijlage.",
            classification=Classification.STG_GEHEIM,
            classified_until=until,
        )
    page = page_of("tekenaar", SMALL)
    dialog = page.open_annex_dialog()
    assert dialog.duration.entry().until == until
    dialog.reject()


def test_the_annex_viewer_marks_the_text_above_and_below(page_of: Any, staff: Any) -> None:
    """QA: the annex showed its marking above the text only, and 'Sluiten' with a stock icon
    the window's other dialogs leave out."""
    with staff.session("tekenaar", PASSWORDS["tekenaar"]) as signer:
        svc.annex_set(signer, text="Bijlage.", classification=Classification.STG_GEHEIM)
    page = page_of("tekenaar", SMALL)
    page.show_annex()
    viewer = page.findChild(TextViewer)
    assert viewer is not None
    markings = [label for label in viewer.findChildren(QLabel) if "STG. GEHEIM" in label.text()]
    assert len(markings) == 2
    top, bottom = sorted(markings, key=lambda label: label.y())
    assert top.y() < viewer.text_view.y() < bottom.y()
    close = viewer.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Close)
    assert close.icon().isNull()
    viewer.wipe()


def _rows_shown(table: Any) -> float:
    return table.viewport().height() / table.verticalHeader().defaultSectionSize()


def test_the_lists_show_three_rows_at_1024x700(page_of: Any, staff: Any, styled: Any) -> None:
    """QA: the amendments' and the plans' lists showed one or two rows at 1024x700 (a plan
    chosen, its detail took the height); now three, the plan's detail scrolling under them
    and never drawn over by the list."""
    with staff.session("liaison", PASSWORDS["liaison"]) as liaison:
        svc.request_amendment(liaison, change="Artikel 6 anders.", requested_on=None)
        for n in range(2):
            svc.add_plan(
                liaison,
                subject=f"Plan {n}",
                text="1. Eerste punt.\n2. Tweede punt.",
                classification=Classification.STG_CONFIDENTIEEL,
            )
    page = page_of("liaison", SMALL)
    page.amendment_table.selectRow(0)
    QApplication.processEvents()
    assert _rows_shown(page.amendment_table) >= 3
    page.tabs.setCurrentIndex(1)
    page.plan_table.selectRow(1)
    QApplication.processEvents()
    table = page.plan_table
    assert _rows_shown(table) >= 3
    area = page.findChild(QWidget, "planDetailArea")
    assert area is not None and area.geometry().top() >= table.geometry().bottom()


def test_a_new_annex_version_starts_from_the_text_on_record(
    page_of: Any, staff: Any, qtbot: Any
) -> None:
    """QA: 'Bijlage vastleggen…' opened empty: the whole annex had to be typed again to change
    a line. It starts from the current text (read as 'Bijlage inzien' reads it, audited), which
    is not a change of the person's until they edit it."""
    with staff.session("tekenaar", PASSWORDS["tekenaar"]) as signer:
        svc.annex_set(
            signer, text="Artikel 1.\nArtikel 2.", classification=Classification.STG_GEHEIM
        )
    page = page_of("tekenaar", SMALL)
    dialog = page.open_annex_dialog()
    qtbot.waitUntil(lambda: dialog.text_edit.toPlainText() == "Artikel 1.\nArtikel 2.")
    assert not dialog.text_edit.isReadOnly()
    assert not dialog.has_unsaved()
    dialog.text_edit.appendPlainText("Artikel 3.")
    assert dialog.has_unsaved()
    dialog.text_edit.clear()
    dialog.text_edit.setPlainText("Artikel 1.\nArtikel 2.\nArtikel 3.")
    _submit(dialog)
    with staff.session("tekenaar", PASSWORDS["tekenaar"]) as signer:
        shown = svc.annex_show(signer)
    assert shown.summary.version == 2 and shown.text.endswith("Artikel 3.")


def test_a_new_annex_starts_empty_for_who_may_not_read_it(page_of: Any, staff: Any) -> None:
    with staff.session("tekenaar", PASSWORDS["tekenaar"]) as signer:
        svc.annex_set(signer, text="Geheim.", classification=Classification.STG_GEHEIM)
    page = page_of("tekenaar", SMALL)
    assert page.view is not None
    dialog = page.open_annex_dialog()
    dialog.text_edit.clear()
    page._start_from_current(dialog, readable=False)
    assert dialog.text_edit.toPlainText() == "" and not dialog.text_edit.isReadOnly()
    dialog.reject()
