"""Beheer › Archief and the signer's Werkplek › Vernietigingslijsten…: a list drawn up, approved
by the administrator and by the signer, carried out; a hold placed and lifted (issue 14)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from desktop_app.gui.admin.retention import RetentionDialog, RetentionPage
from desktop_app.services import retention
from desktop_app.services.audit import verify_audit
from tests.gui.gui_support import admin_tab
from tests.services.retention_support import run_round
from tests.services.test_inspection_service_support import PASSWORDS

DUE = dt.datetime(2037, 1, 1, 9, 0, tzinfo=dt.UTC)


@pytest.fixture
def staff(workspace: Any, tmp_path: Path) -> Any:
    """The whole round's workspace (officer, signer, liaisons, inspector), ten years on."""
    run_round(workspace, tmp_path / "afdrukken")
    workspace.env.clock.set(DUE)
    return workspace


def test_a_list_is_approved_by_both_and_carried_out(staff: Any, window_of: Any, qtbot: Any) -> None:
    page = admin_tab(window_of("beheer"), "Archief", RetentionPage)
    assert "3 archiefstukken, waarvan" in page.due_label.text()
    assert page.period_table.rowCount() == 5
    assert page.draw_up_button.isVisible() and page.draw_up_button.isEnabled()
    assert not page.approve_button.isEnabled()  # no list chosen yet
    qtbot.mouseClick(page.draw_up_button, Qt.MouseButton.LeftButton)
    assert "Vernietigingslijst 1 is opgesteld (2 stukken)" in page.result_label.text()
    assert page.list_table.rowCount() == 1
    page.list_table.selectRow(0)
    assert page.item_table.rowCount() == 2
    assert page.approve_button.isEnabled()
    assert not page.destroy_button.isEnabled()  # no approvals yet
    assert "ondertekenaar" in page.destroy_button.toolTip()
    qtbot.mouseClick(page.approve_button, Qt.MouseButton.LeftButton)
    assert page.list_table.item(0, 3).text() == "beheer"
    page.list_table.selectRow(0)
    # Given once: the administrator's own approval is done, the signer's is still missing.
    assert not page.approve_button.isEnabled()
    assert "al gegeven" in page.approve_button.toolTip()
    assert not page.destroy_button.isEnabled()

    window = window_of("tekenaar")
    assert window.retention_action.isVisible()
    dialog = window.open_retention_dialog()
    assert isinstance(dialog, RetentionDialog)
    signer_page = dialog.page
    # The signer approves; the administrator's steps are not offered.
    assert not signer_page.draw_up_button.isVisibleTo(signer_page)
    assert not signer_page.destroy_button.isVisibleTo(signer_page)
    assert not signer_page.period_button.isVisibleTo(signer_page)
    signer_page.list_table.selectRow(0)
    qtbot.mouseClick(signer_page.approve_button, Qt.MouseButton.LeftButton)
    assert signer_page.list_table.item(0, 4).text() == "tekenaar"
    dialog.reject()

    page = admin_tab(window_of("beheer"), "Archief", RetentionPage)
    page.list_table.selectRow(0)
    assert page.destroy_button.isEnabled()
    box = page.confirm_destroy()
    assert box is not None
    assert box.defaultButton() is box.button(box.StandardButton.No)
    qtbot.mouseClick(box.button(box.StandardButton.Yes), Qt.MouseButton.LeftButton)
    assert "2 archiefstukken vernietigd" in page.result_label.text()
    assert page.list_table.item(0, 5).text().endswith("beheer")
    with staff.session("beheer") as s:
        assert len(retention.destruction_records(s)) == 2
        assert verify_audit(s).ok


def test_a_hold_is_placed_and_lifted_in_the_window(staff: Any, window_of: Any, qtbot: Any) -> None:
    page = admin_tab(window_of("beheer"), "Archief", RetentionPage)
    page.tabs.setCurrentIndex(1)
    dialog = page.open_hold_dialog()
    dialog.object_edit.setText("bogus")
    dialog.reason_edit.setText("Beroep")
    dialog.reference_edit.setText("AWB 37/1")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and "soort:nummer" in dialog.error_label.text()
    dialog.object_edit.setText("request:1")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert page.hold_table.rowCount() == 1
    assert "onder bewaarplicht" in page.due_label.text()
    assert "2 onder bewaarplicht" in page.due_label.text()  # the dossier and its inspection
    page.hold_table.selectRow(0)
    assert page.release_button.isEnabled()
    release = page.open_release_dialog()
    assert release is not None
    release.reason_edit.setText("Uitspraak onherroepelijk")
    qtbot.mouseClick(release.ok_button, Qt.MouseButton.LeftButton)
    assert page.hold_table.item(0, 5).text().endswith("beheer")


def test_a_liaison_has_no_way_to_the_lists(staff: Any, window_of: Any) -> None:
    window = window_of("tweede", PASSWORDS["tweede"])
    assert not window.retention_action.isVisible()


def test_the_administrator_sets_a_period_in_the_window(
    staff: Any, window_of: Any, qtbot: Any
) -> None:
    page = admin_tab(window_of("beheer"), "Archief", RetentionPage)
    page.tabs.setCurrentIndex(2)
    dialog = page.open_period_dialog()
    dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData("inspection"))
    assert dialog.years_spin.value() == 5
    dialog.years_spin.setValue(8)
    dialog.basis_edit.setText("Selectielijst (fictief)")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert "inzagesessie is 8 jaar" in page.result_label.text()
