"""Sign-in dialog and role-based main window."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QApplication

from desktop_app.gui.admin.page import AdminPage
from desktop_app.gui.reports import ReportsPage
from tests.gui.gui_support import PASSWORDS, add_users, section


def test_admin_signs_in_and_sees_beheer_not_ambtsberichten(controller: Any, sign_in: Any) -> None:
    dialog = controller.login_dialog
    assert dialog.windowTitle() == "Aanmelden — Convenantwerkplek"
    assert str(controller.data_dir) in dialog.ui.folderValue.text()
    window = sign_in(controller, "beheer")
    assert window is not None and window.isVisible()
    assert controller.login_dialog is None
    keys = window.section_keys()
    assert "admin" in keys and "statistics" in keys
    assert "reports" not in keys and "requests" not in keys
    assert "Beheer" in window.section_titles()
    assert "Ambtsberichten" not in window.section_titles()
    assert isinstance(window.pages["admin"], AdminPage)
    assert window.user_label.text() == "Gebruiker: B. Beheerder"
    assert "Functioneel beheerder" in window.roles_label.text()
    assert window.location_label.text() == "Werkplek: AIVD-kantoor"


def test_officer_sees_ambtsberichten_not_beheer(
    workspace: Any, controller: Any, sign_in: Any
) -> None:
    add_users(workspace, "officier")
    window = sign_in(controller, "officier")
    keys = window.section_keys()
    assert keys[:4] == ["dashboard", "requests", "reports", "provisions"]
    assert "admin" not in keys and "inspection" not in keys and "statistics" not in keys
    assert "Ambtsberichten" in window.section_titles()
    page = section(window, "reports", ReportsPage)
    assert window.stack.currentWidget() is page
    assert page.list_tabs.tabText(0) == "Mijn concepten (0)"
    assert "AIVD-behandelaar" in window.roles_label.text()
    assert "STG. GEHEIM" in window.clearance_label.text()


def test_inspector_sees_only_inzage(workspace: Any, controller: Any, sign_in: Any) -> None:
    add_users(workspace, "inspecteur")
    window = sign_in(controller, "inspecteur")
    # The dashboard shows the inspector's own queues (issue 12), no requests.
    assert window.section_keys() == ["dashboard", "inspection"]


def test_wrong_password_shows_sentence_and_stays(controller: Any, sign_in: Any) -> None:
    window = sign_in(controller, "beheer", "verkeerd-wachtwoord")
    assert window is None and controller.session is None
    dialog = controller.login_dialog
    assert dialog is not None and dialog.isVisible()
    assert "Naam of wachtwoord onjuist." in dialog.error_text()
    assert dialog.ui.passwordEdit.text() == ""
    assert dialog.ui.nameEdit.isEnabled() and dialog.ui.signInButton.isEnabled()
    # And the right password still works afterwards.
    assert sign_in(controller, "beheer") is not None


def test_unknown_user_gets_the_same_sentence(controller: Any, sign_in: Any) -> None:
    sign_in(controller, "niemand", "een-wachtwoord-1")
    assert "Naam of wachtwoord onjuist." in controller.login_dialog.error_text()


def test_empty_fields_are_asked_for(controller: Any, sign_in: Any) -> None:
    sign_in(controller, "beheer", "")
    assert "Vul uw naam en wachtwoord in." in controller.login_dialog.error_text()


def test_three_failures_lock_the_account(workspace: Any, controller: Any, sign_in: Any) -> None:
    add_users(workspace, "officier")
    for _ in range(3):
        sign_in(controller, "officier", "fout-fout-fout")
    assert "geblokkeerd" in controller.login_dialog.error_text()
    sign_in(controller, "officier", PASSWORDS["officier"])
    assert controller.session is None
    assert "geblokkeerd" in controller.login_dialog.error_text()


def test_demo_banner_only_in_demo(make_controller: Any, sign_in: Any) -> None:
    plain = make_controller()
    assert not plain.login_dialog.ui.demoBanner.isVisible()
    plain.quit()
    demo = make_controller(demo=True, demo_accounts={"beheer": PASSWORDS["beheer"]})
    dialog = demo.login_dialog
    assert dialog.ui.demoBanner.isVisible()
    assert dialog.ui.demoBanner.text() == "DEMO — oefenwerkplek, geen echte gegevens"
    assert "beheer" in dialog.ui.demoHint.text()
    window = sign_in(demo, "beheer")
    assert window.banner is not None and window.banner.isVisible()
    assert "DEMO" in window.windowTitle()


def test_startup_error_disables_sign_in(make_controller: Any) -> None:
    from desktop_app.domain.errors import WrongWorkstation

    controller = make_controller(env=None, startup_error=WrongWorkstation("Geen sleutelring."))
    dialog = controller.login_dialog
    assert "Geen sleutelring." in dialog.error_text()
    assert not dialog.ui.signInButton.isEnabled()


def test_closing_the_dialog_quits(controller: Any, quits: list[int]) -> None:
    controller.login_dialog.ui.quitButton.click()
    assert quits == [1]


def test_geometry_only_in_qsettings(
    workspace: Any, controller: Any, sign_in: Any, gui_settings: Any
) -> None:
    add_users(workspace, zzcanary="ZZ-CANARY-QSETTINGS")
    window = sign_in(controller, "beheer")
    window.show_section("admin")
    controller.lock()
    gui_settings.sync()
    assert gui_settings.allKeys() == ["main_window/geometry"]
    text = Path(gui_settings.fileName()).read_bytes()
    assert b"ZZ-CANARY" not in text and b"beheer" not in text
    QApplication.processEvents()


def test_a_folder_without_workspace_is_explained(make_controller: Any, tmp_path: Path) -> None:
    controller = make_controller(data_dir=tmp_path / "leeg")
    dialog = controller.login_dialog
    assert "geen werkplek" in dialog.error_text()
    assert "werkplek init" in dialog.error_text()
    assert not dialog.ui.signInButton.isEnabled()
