"""Keyboard (issue 12): Ctrl+S saves a version in the report editor, Ctrl+F focuses the search
field (requests, reports), F5 refreshes the current page; the primary button stays the default
after a refusal; an irreversible step (issuing, deactivating) is never the default button."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from support.helpers import report_at

from desktop_app.domain.queues import Queue
from desktop_app.domain.reports import ReportStatus
from desktop_app.gui.admin.page import AdminPage
from desktop_app.gui.reports.page import ReportsPage
from desktop_app.services import reports
from tests.gui.gui_support import PASSWORDS, flush_deletes, section, signed_report
from tests.gui.test_reports_workflow import _fill_new_report
from tests.services.test_inspection_service_support import REPORT_TEXT


def _press(
    qtbot: Any, window: Any, key: Qt.Key, modifier: Any = Qt.KeyboardModifier.NoModifier
) -> None:
    """A key typed into the window as a person would: the window active, the key sent to it."""
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)
    QTest.keyClick(window.windowHandle(), key, modifier)


def test_ctrl_s_saves_a_version_in_the_editor(window_of: Any, qtbot: Any) -> None:
    window = window_of("officier")
    window.show()
    page = section(window, "reports", ReportsPage)
    page.start_new_report()
    _fill_new_report(page.detail)
    _press(qtbot, window, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert page.detail.view is not None
    assert page.detail.view.report.version == 1
    # Nothing to save: Ctrl+S does nothing (the button is not enabled), no second version.
    _press(qtbot, window, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert page.detail.view.report.version == 1


def test_ctrl_f_focuses_the_search_field(window_of: Any, qtbot: Any) -> None:
    window = window_of("officier")
    window.show()
    requests = window.show_section("requests")
    requests.search_edit.setText("jansen")
    _press(qtbot, window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.focusWidget() is requests.search_edit
    assert requests.search_edit.selectedText() == "jansen"  # typing replaces it
    page = window.show_section("reports")
    _press(qtbot, window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.focusWidget() is page.search_edit


def test_report_search_narrows_the_lists(window_of: Any, staff: Any) -> None:
    with staff.session("officier", PASSWORDS["officier"]) as off:
        for title in ("Alfa Anders", "Bravo Bakker"):
            reports.draft_report(off, text=REPORT_TEXT, title=title)
    page = window_of("officier").show_section("reports")
    table = page.tables[page.work_lists[0]]
    page.search_edit.setText("bakker")
    shown = [
        page.rows_of(page.work_lists[0])[r].title for r in range(2) if not table.isRowHidden(r)
    ]
    assert shown == ["Bravo Bakker"]
    page.search_edit.clear()
    assert not any(table.isRowHidden(r) for r in range(2))


def test_f5_refreshes_the_current_page(window_of: Any, staff: Any, qtbot: Any) -> None:
    window = window_of("officier")
    window.show()
    dashboard = window.show_section("dashboard")
    assert dashboard.queue_counts()[Queue.RETURNED_TO_ME] == 0
    report_at(
        staff,
        ReportStatus.CHANGES_WANTED,
        text=REPORT_TEXT,
        passwords=PASSWORDS,
        verdict_comment="Aanpassen.",
        title="Terug",
    )
    assert dashboard.queue_counts()[Queue.RETURNED_TO_ME] == 0  # not yet looked again
    _press(qtbot, window, Qt.Key.Key_F5)
    assert dashboard.queue_counts()[Queue.RETURNED_TO_ME] == 1


def test_primary_button_stays_default_after_a_refusal(window_of: Any, qtbot: Any) -> None:
    page = section(window_of("beheer"), "admin", AdminPage)
    dialog = page.open_add_user_dialog()
    assert dialog.ok_button.isDefault()
    # The form's own check (the passwords differ) ...
    dialog.name_edit.setText("nieuw")
    dialog.password_edit.setText("een-lang-wachtwoord-1")
    dialog.repeat_edit.setText("een-ander-wachtwoord-2")
    qtbot.keyClick(dialog.repeat_edit, Qt.Key.Key_Return)
    assert dialog.error_label.isVisible()
    assert dialog.ok_button.isDefault() and not dialog.cancel_button.isDefault()
    # ... and the service's refusal (no role chosen) leave OK the default.
    dialog.repeat_edit.setText("een-lang-wachtwoord-1")
    qtbot.keyClick(dialog.repeat_edit, Qt.Key.Key_Return)
    assert dialog.isVisible() and dialog.error_label.isVisible()
    assert dialog.ok_button.isDefault() and dialog.ok_button.isEnabled()
    dialog.reject()
    flush_deletes()


def test_issuing_is_never_the_default_button(window_of: Any, staff: Any, qtbot: Any) -> None:
    rid = signed_report(staff, "Uit")
    page = window_of("tekenaar").show_section("reports")
    page.open_report(rid)
    dialog = page.detail.open_issue_dialog()
    assert dialog is not None
    assert not dialog.ok_button.isDefault() and not dialog.ok_button.autoDefault()
    assert dialog.cancel_button.isDefault()
    # Enter in the dialog does not issue.
    if dialog.password_edit is not None:
        dialog.password_edit.setText(PASSWORDS["tekenaar"])
        qtbot.keyClick(dialog.password_edit, Qt.Key.Key_Return)
    else:
        qtbot.keyClick(dialog, Qt.Key.Key_Return)
    flush_deletes()
    with staff.session("tekenaar", PASSWORDS["tekenaar"]) as sig:
        assert reports.get_report(sig, rid).report.status.value == "signed"


def test_signing_is_never_the_default_button(window_of: Any, staff: Any, qtbot: Any) -> None:
    """Signing freezes the text for ever: Enter after the password does not sign."""
    rid = report_at(
        staff, ReportStatus.USABLE, text=REPORT_TEXT, passwords=PASSWORDS, title="Teken"
    )
    page = window_of("tekenaar").show_section("reports")
    page.open_report(rid)
    dialog = page.detail.open_sign_dialog()
    assert dialog is not None
    assert dialog.cancel_button.isDefault() and not dialog.ok_button.autoDefault()
    dialog.password_edit.setText(PASSWORDS["tekenaar"])
    qtbot.keyClick(dialog.password_edit, Qt.Key.Key_Return)
    flush_deletes()
    with staff.session("tekenaar", PASSWORDS["tekenaar"]) as sig:
        assert reports.get_report(sig, rid).report.status.value == "usable"  # not signed


def test_deactivating_is_never_the_default_button(window_of: Any) -> None:
    page = window_of("beheer").show_section("admin")
    rows = page.user_model.rows
    page.user_view.selectRow(next(i for i, v in enumerate(rows) if v.record.name == "officier"))
    dialog = page.open_deactivate_dialog()
    assert dialog is not None
    assert dialog.cancel_button.isDefault() and not dialog.ok_button.isDefault()
    dialog.show_error("Een weigering.")
    assert dialog.cancel_button.isDefault() and not dialog.ok_button.isDefault()
    dialog.reject()


@pytest.mark.parametrize("key", ["save", "find", "refresh"])
def test_page_shortcuts_are_window_actions(window_of: Any, key: str) -> None:
    window = window_of("officier")
    action = window.page_shortcuts[key]
    assert action.shortcutContext() is Qt.ShortcutContext.WindowShortcut
    assert not action.shortcut().isEmpty()
