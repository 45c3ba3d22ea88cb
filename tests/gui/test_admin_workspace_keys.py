"""Beheer › Back-up (issue 13): checking a backup, replacing the database key and issuing a new
recovery key from the window, through the same services as the CLI."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox
from support.helpers import recover_dek

from desktop_app.domain.errors import AuthFailed
from desktop_app.gui.admin.page import AdminPage
from desktop_app.gui.admin.workspace import RecoveryKeyDialog
from desktop_app.security import recovery
from tests.gui.gui_support import PASSWORDS, section


@pytest.fixture
def page(controller: Any, sign_in: Any) -> AdminPage:
    window = sign_in(controller, "beheer")
    return section(window, "admin", AdminPage)


def _boxes() -> list[str]:
    return [
        w.text()
        for w in QApplication.topLevelWidgets()
        if isinstance(w, QMessageBox) and w.isVisible()
    ]


def test_verify_a_backup_and_a_damaged_one(page: AdminPage, tmp_path: Path) -> None:
    target = tmp_path / "w.backup"
    page.start_backup(str(target))
    box = page.keys_box
    box.start_verify(str(target))
    assert "✔ Back-up in orde: 1 accounts" in box.result_label.text()
    assert "audittrail vermeldt" in box.result_label.text()
    assert "SHA-256" not in box.result_label.text()  # on a line of its own, selectable
    assert len(box.hash_row.text()) == 64 and box.hash_row.isVisibleTo(box)
    broken = tmp_path / "kapot.backup"
    broken.write_bytes(target.read_bytes()[:-7])
    box.start_verify(str(broken))
    assert box.result_label.text() == ""
    assert box.hash_row.text() == "" and not box.hash_row.isVisibleTo(box)
    assert any("beschadigd" in t for t in _boxes())


def test_rekey_through_the_dialog(workspace: Any, page: AdminPage) -> None:
    old = recover_dek(workspace.root, workspace.recovery_key)
    dialog = page.keys_box.open_rekey_dialog()
    dialog.password_edit.setText("onjuist-wachtwoord")
    dialog.ok_button.click()
    assert dialog.isVisible() and "onjuist" in dialog.error_label.text()
    assert recover_dek(workspace.root, workspace.recovery_key) == old
    dialog.password_edit.setText(PASSWORDS["beheer"])
    dialog.ok_button.click()
    assert not dialog.isVisible()
    assert "vervangen" in page.keys_box.result_label.text()
    assert recover_dek(workspace.root, workspace.recovery_key) != old
    # The window's session works on under the new key.
    page.refresh_all()
    assert page.user_model.rowCount() == 1


def test_a_reused_proof_is_refused_in_the_dialog(
    workspace: Any, page: AdminPage, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The window asks for the password at every step, so each is a proof of its own; a proof
    handed in a second time (here: reauthenticate returning the first one again) is refused
    with the sentence, in the dialog, and the key stays as it was."""
    session = page.keys_box.session
    real = session.reauthenticate
    proofs: list[Any] = []

    def first_proof_again(password: str) -> Any:
        fresh = real(password)
        proofs.append(fresh)
        return proofs[0]

    monkeypatch.setattr(session, "reauthenticate", first_proof_again)
    first = page.keys_box.open_rekey_dialog()
    first.password_edit.setText(PASSWORDS["beheer"])
    first.ok_button.click()
    assert not first.isVisible() and "vervangen" in page.keys_box.result_label.text()
    rotated = recover_dek(workspace.root, workspace.recovery_key)
    for again in (page.keys_box.open_rekey_dialog(), page.keys_box.open_recovery_dialog()):
        again.password_edit.setText(PASSWORDS["beheer"])
        again.ok_button.click()
        assert again.isVisible() and "al gebruikt" in again.error_label.text()
        again.reject()
    assert recover_dek(workspace.root, workspace.recovery_key) == rotated
    # The window's own way (a new proof each time) goes on working.
    monkeypatch.undo()
    second = page.keys_box.open_rekey_dialog()
    second.password_edit.setText(PASSWORDS["beheer"])
    second.ok_button.click()
    assert not second.isVisible()
    assert recover_dek(workspace.root, workspace.recovery_key) != rotated


def test_new_recovery_key_is_shown_once_and_a_group_typed_back(
    workspace: Any, page: AdminPage, qtbot: Any
) -> None:
    dialog = page.keys_box.open_recovery_dialog()
    dialog.password_edit.setText(PASSWORDS["beheer"])
    dialog.ok_button.click()
    shown = page.keys_box.recovery_dialog
    assert isinstance(shown, RecoveryKeyDialog) and shown.isVisible()
    key = shown.key_label.text()
    recovery.parse(key)
    with pytest.raises(AuthFailed):
        recover_dek(workspace.root, workspace.recovery_key)
    recover_dek(workspace.root, key)
    wrong = "ZZZZ" if recovery.groups(key)[shown.ask] != "ZZZZ" else "AAAA"
    shown.group_edit.setText(wrong)
    shown.ok_button.click()
    assert shown.isVisible() and "niet groep" in shown.error_label.text()
    shown.group_edit.setText(recovery.groups(key)[shown.ask].lower())
    shown.ok_button.click()
    assert not shown.isVisible() and shown.key_label.text() == ""


def test_recovery_group_check() -> None:
    key = recovery.generate()
    parts = recovery.groups(key)
    assert len(parts) == 8
    assert recovery.group_matches(key, 3, parts[3].lower())
    assert not recovery.group_matches(key, 3, parts[4] if parts[4] != parts[3] else "0000")
    assert not recovery.group_matches(key, 9, parts[0])


def test_the_backup_time_is_amsterdam_time_whatever_the_os_zone(
    new_york: None, page: AdminPage, clock: Any, tmp_path: Path
) -> None:
    clock.set(dt.datetime(2026, 12, 2, 13, 5, tzinfo=dt.UTC))  # 14:05 in Amsterdam, 08:05 NY
    target = tmp_path / "w.backup"
    page.start_backup(str(target))
    box = page.keys_box
    box.start_verify(str(target))
    assert "gemaakt 02-12-2026 14:05." in box.result_label.text()
    assert "08:05" not in box.result_label.text()


def test_the_backup_intro_no_longer_says_the_key_of_the_first_start(page: AdminPage) -> None:
    texts = [label.text() for label in page.findChildren(QLabel)]
    first = next(i for i, t in enumerate(texts) if t.startswith("Een back-up is versleuteld"))
    # A short intro and the recovery key's hint under it (QA: one long paragraph was hard to
    # read at 1024x700).
    intro = " ".join(texts[first : first + 2])
    assert all(len(t) < 200 for t in texts[first : first + 2])
    assert "bij het aanmaken" not in intro
    assert "die gold toen de back-up werd gemaakt" in intro and "nieuwe herstelsleutel" in intro


def test_the_new_key_leaves_the_screen_while_a_group_is_typed_back(
    page: AdminPage, qtbot: Any
) -> None:
    """As in the first-start wizard (one widget, RecoveryKeyCheck): a group copied from the
    screen would prove nothing, so the first key typed hides the key; shown again, the group
    starts afresh; a wrong group keeps it hidden."""
    dialog = page.keys_box.open_recovery_dialog()
    dialog.password_edit.setText(PASSWORDS["beheer"])
    dialog.ok_button.click()
    shown = page.keys_box.recovery_dialog
    assert isinstance(shown, RecoveryKeyDialog)
    key = shown.key_label.text()
    assert shown.key_label.isVisible() and not shown.check.show_key_button.isVisible()
    QTest.keyClicks(shown.group_edit, "AB")
    assert not shown.key_label.isVisible() and shown.check.show_key_button.isVisible()
    shown.check.show_key_button.click()
    assert shown.key_label.isVisible() and shown.key_label.text() == key
    assert shown.group_edit.text() == ""
    right = recovery.groups(key)[shown.ask]
    QTest.keyClicks(shown.group_edit, "ZZZZ" if right != "ZZZZ" else "YYYY")
    shown.ok_button.click()
    assert shown.isVisible() and not shown.key_label.isVisible()
    assert "van de herstelsleutel" in shown.error_label.text()
    assert shown.group_edit.selectedText() == shown.group_edit.text()
    QTest.keyClicks(shown.group_edit, right)
    shown.ok_button.click()
    assert not shown.isVisible() and shown.key_label.text() == ""


def test_hiding_the_key_squeezes_nothing(styled: QApplication) -> None:
    """The key's and the show-again button's room stay when they swap (seen at 1024x700: the
    button appearing squeezed the hint and the field, the dialog does not grow by itself)."""
    shown = RecoveryKeyDialog(recovery.generate(), None, ask=2)
    shown.show()
    QApplication.processEvents()
    hint = shown.check.findChild(QLabel, "hintLabel")
    assert hint is not None
    before = {w: w.geometry() for w in (shown.group_edit, hint, shown.ok_button)}
    QTest.keyClicks(shown.group_edit, "AB")
    QApplication.processEvents()
    assert shown.check.show_key_button.isVisible() and not shown.key_label.isVisible()
    assert {w: w.geometry() for w in before} == before  # nothing moved, nothing squeezed
    button = shown.check.show_key_button
    assert button.height() >= button.sizeHint().height()
    assert hint.height() >= hint.heightForWidth(hint.width())
    shown.close()
