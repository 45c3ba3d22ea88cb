"""Unique &-mnemonics in every window (issue 12): the main window of every role with every
section and every tab in front, every dialog a page can open (found by name, so new sections
and dialogs are walked too) with the reports in each stage of the workflow, the inspection
window and the sign-in dialog. A letter used twice at one moment in one window fails."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QDialog, QMessageBox, QWidget
from support.helpers import fresh_proof

from desktop_app.domain.requests import Purpose
from desktop_app.gui.i18n import install_translators, remove_translators
from desktop_app.services import reports, users
from desktop_app.services import requests as request_service
from tests.gui import keyboard_support
from tests.gui.gui_support import PASSWORDS, add_users
from tests.gui.keyboard_support import (
    dialogs_opened_by,
    select_first_rows,
    settle,
    visual_order_problems,
    window_problems,
)
from tests.services.test_inspection_service_support import REPORT_TEXT

ROLES = ("beheer", "officier", "tekenaar", "liaison", "inspecteur")


@pytest.fixture
def rich(staff: Any, workspace: Any) -> dict[str, int]:
    """A report in every stage, a request, a designated inspector."""
    add_users(workspace, "inspecteur")
    with workspace.session() as beheer:
        users.designate(
            beheer, name="inspecteur", decision_ref="HD-IND 2026/1", valid_from=dt.date(2026, 1, 1)
        )

    def session(name: str) -> Any:
        return workspace.session(name, PASSWORDS[name])

    ids: dict[str, int] = {}
    with session("officier") as off:
        request_service.add_request(
            off, subject_name="Piet Proef", v_number="1234567890", purpose=Purpose.ASYLUM
        )
        for stage in ("draft", "in_review", "changes_wanted", "usable", "signed", "issued"):
            ids[stage] = int(reports.draft_report(off, text=REPORT_TEXT, title=stage).report.id)
            if stage != "draft":
                reports.submit_report(off, ids[stage])
    with session("liaison") as lia:
        reports.annotate(lia, ids["in_review"], quote="buitenland", comment="Welk land?")
        reports.give_verdict(lia, ids["changes_wanted"], usable=False, comment="Aanpassen.")
        for stage in ("usable", "signed", "issued"):
            reports.give_verdict(lia, ids[stage], usable=True)
    with session("tekenaar") as sig:
        for stage in ("signed", "issued"):
            reports.sign_report(sig, ids[stage], proof=fresh_proof(sig, PASSWORDS["tekenaar"]))
        reports.issue_report(sig, ids["issued"], proof=fresh_proof(sig, PASSWORDS["tekenaar"]))
    return ids


@pytest.fixture
def no_blocking(monkeypatch: pytest.MonkeyPatch) -> None:
    """A dialog run with exec() (Qt's message boxes, the printer dialog) would wait for a
    person: answered 'Annuleren' at once."""
    monkeypatch.setattr(QDialog, "exec", lambda self: 0)
    monkeypatch.setattr(QMessageBox, "exec", lambda self: 0)


@pytest.fixture(params=["nl", "en"])
def language(request: pytest.FixtureRequest, qapp: Any) -> Any:
    """The walk in each language: the English letters come from the catalogue, and ~60 of
    them clashed once that no Dutch run could see."""
    if request.param == "nl":
        yield "nl"
        return
    translators = install_translators(qapp, "en")
    try:
        yield "en"
    finally:
        remove_translators(qapp, translators)


def _skip(name: str) -> bool:
    # Leaves the signed-in state (restore and rebind start over without a session).
    return name.split(".")[-1] in {"open_other_workspace", "open_restore_dialog"}


@pytest.mark.slow  # about 30 s: every role, section, tab and dialog
def test_every_window_and_dialog_has_unique_mnemonics(
    language: str, window_of: Any, controller: Any, rich: dict[str, int], no_blocking: None
) -> None:
    problems: list[str] = []
    opened: set[str] = set()
    report = os.environ.get("WERKPLEK_MNEMONIC_REPORT")
    if os.environ.get("WERKPLEK_MNEMONIC_REPORT"):
        keyboard_support.USED = []

    order: list[str] = []

    def check(window: QWidget, where: str) -> None:
        problems.extend(window_problems(window, where))
        if isinstance(window, QDialog):
            order.extend(visual_order_problems(window, where))

    # The sign-in dialog, before anyone is in.
    assert controller.login_dialog is not None
    check(controller.login_dialog, "Aanmelden")
    for role in ROLES:
        window = window_of(role)
        window.resize(1400, 900)
        window.show()
        settle()
        for key in window.section_keys():
            page = window.show_section(key)
            settle()
            check(window, f"{role} › {key}")
            select_first_rows(page)
            opened.update(dialogs_opened_by(page, check, skip=_skip))
            if key == "reports":
                for stage, report_id in rich.items():
                    page.open_report(report_id)
                    settle()
                    if page.detail.view is None:
                        continue  # not visible to this role (the liaison and a draft)
                    check(window, f"{role} › reports › {stage}")
                    opened.update(dialogs_opened_by(page.detail, check, skip=_skip))
            if key == "inspection" and role == "inspecteur":
                page.refresh()
                settle()
                inspection = page.start_inspection(rich["issued"])
                settle()
                assert inspection is not None
                check(inspection, "inzagevenster")
                opened.update(dialogs_opened_by(inspection, check, skip=_skip))
        opened.update(dialogs_opened_by(window, check, skip=_skip))
    # The walk reached the dialogs it is meant to keep honest (not an empty pass).
    assert {
        "AdminPage.open_add_user_dialog",
        "ReportDetail.open_issue_dialog",
        "ReportDetail.open_withdraw_dialog",
        "ReportDetail.open_send_back_dialog",
        "MainWindow.open_change_password_dialog",
    } <= opened, sorted(opened)
    if report:
        used = [f"USED {w} [{s}] {letters}" for w, s, letters in keyboard_support.USED or []]
        Path(report).write_text("\n".join([*problems, *used]), encoding="utf-8")
    assert problems == [], "\n".join(problems)
    # Tab follows what the eye reads: top to bottom, left to right on a line.
    if report:
        Path(report + ".order").write_text("\n".join(order), encoding="utf-8")
    assert order == [], "\n".join(order)
