"""Convenant: the register page on the same services as the CLI: the 2019 covenant's facts, an
amendment requested and consented through the dialogs, the notice with its computed date, plans
whose new version says the approvals start again, the administrator's public facts only, the
annex shown by clearance, and nothing left in the widgets at the lock."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication

from desktop_app.domain.classification import Classification
from desktop_app.gui.covenant import CovenantPage
from desktop_app.gui.covenant.dialogs import AnnexDialog, PlanDialog, TextViewer
from desktop_app.gui.marking import NOT_RECORDED, UNTIL_DATE, UNTIL_EVENT, DurationField
from desktop_app.gui.sections import sections_for
from desktop_app.services import covenant as svc
from desktop_app.services.permissions import user_actions
from desktop_app.storage import audit
from tests.gui.gui_support import PASSWORDS, flush_deletes

SECRET = "Niet-openbare bijlage: testtekst."


@pytest.fixture
def page_of(staff: Any, runner: Any, qtbot: Any) -> Iterator[Any]:
    sessions: list[Any] = []

    def make(name: str, size: tuple[int, int] = (1000, 680)) -> CovenantPage:
        session = staff.session(name, PASSWORDS[name])
        sessions.append(session)
        page = CovenantPage(session, runner)
        qtbot.addWidget(page)
        page.resize(*size)
        page.show()
        qtbot.waitExposed(page)
        return page

    yield make
    for session in sessions:
        session.close()
    flush_deletes()


def _submit(dialog: Any) -> None:
    dialog.ok_button.click()
    QApplication.processEvents()


def test_the_section_is_for_the_governance_roles_and_the_administrator(staff: Any) -> None:
    seen = {}
    for name in ("beheer", "officier", "tekenaar", "liaison"):
        with staff.session(name, PASSWORDS[name]) as session:
            seen[name] = "covenant" in {s.key for s in sections_for(user_actions(session))}
    assert seen == {"beheer": True, "officier": False, "tekenaar": True, "liaison": True}


def test_the_register_shows_the_2019_covenant(page_of: Any) -> None:
    page = page_of("tekenaar")
    assert page.status_label.text() == "in werking sinds 8 maart 2019"
    assert "8 maart 2019" in page.in_force_label.text()
    assert "7 maart 2019" in page.signed_label.text()
    assert page.replaces_label.text() == "het convenant uit 2013"
    assert page.annex_label.text() == "nog niet vastgelegd"
    assert page.amend_button.isVisible() and page.amend_button.isEnabled()
    assert not page.annex_show_button.isEnabled()  # nothing to read yet


def test_an_amendment_through_the_dialogs(page_of: Any, staff: Any) -> None:
    page = page_of("liaison")
    dialog = page.open_amendment_dialog()
    _submit(dialog)
    assert dialog.error_label.isVisible()  # empty: the form says so, nothing stored
    dialog.change_edit.setPlainText("Art. 2.3: vijftien werkdagen.")
    _submit(dialog)
    assert page.amendment_model.rowCount() == 1
    page.amendment_table.selectRow(0)
    assert "vijftien werkdagen" in page.amendment_detail.toPlainText()
    assert page.decide_button.isEnabled()
    decision = page.open_decision_dialog()
    assert decision is not None
    decision.ref_edit.setText("HD-IND 2026/7")
    _submit(decision)
    page.amendment_table.selectRow(0)
    assert "instemming van één partij" in page.amendment_detail.toPlainText()
    assert "Hoofddirecteur IND: ingestemd" in page.amendment_detail.toPlainText()
    # The sentence names the person who recorded it, not the account.
    assert "vastgelegd door Lotte Liaison)" in page.amendment_detail.toPlainText()
    assert not page.decide_button.isEnabled()
    assert "al vastgelegd" in page.decide_button.toolTip()
    with staff.session("liaison", PASSWORDS["liaison"]) as session:
        with session.reading() as conn:
            actions = [e.action for e in audit.recent(conn, 50)]
        assert actions.count("covenant.amend") == 1 and actions.count("covenant.consent") == 1


def test_the_notice_shows_its_computed_date(page_of: Any, staff: Any) -> None:
    staff.env.clock.set(dt.datetime(2026, 11, 30, 10, tzinfo=dt.UTC))
    page = page_of("tekenaar")
    dialog = page.open_termination_dialog()
    assert dialog.effective_label.text() == "28 februari 2027"
    dialog.date_edit.setDate(dialog.date_edit.date().addDays(-91))  # 31 August 2026
    assert dialog.effective_label.text() == "30 november 2026"
    dialog.date_edit.setDate(dialog.date_edit.date().addDays(91))
    _submit(dialog)
    assert page.status_label.text().startswith("opgezegd per 28 februari 2027")
    assert not page.terminate_button.isEnabled()


def test_a_new_plan_version_says_the_approvals_start_again(page_of: Any, staff: Any) -> None:
    with staff.session("tekenaar", PASSWORDS["tekenaar"]) as signer:
        plan = svc.add_plan(signer, subject="Spoed", text="Binnen twee werkdagen.")
        svc.approve_plan(signer, plan.plan.id, decision_ref="DG-AIVD 2026/40")
    page = page_of("liaison")
    page.tabs.setCurrentIndex(1)
    page.plan_table.selectRow(0)
    assert page.plan_text.toPlainText() == "Binnen twee werkdagen."
    assert "Directeur-generaal AIVD" in page.approvals_label.text()
    assert page.approve_button.isEnabled()
    dialog = page.open_revise_dialog()
    assert dialog is not None
    assert any("ongedaan" in w.text() for w in dialog.findChildren(type(page.reset_label)))
    dialog.text_edit.setPlainText("Binnen drie werkdagen.")
    _submit(dialog)
    assert page.plan is not None and page.plan.plan.version == 2
    assert page.reset_label.isVisible() and "vervallen" in page.reset_label.text()
    assert "nog door geen van beide" in page.approvals_label.text()
    page.version_combo.setCurrentIndex(0)
    page._on_version_chosen()
    assert page.plan_text.toPlainText() == "Binnen twee werkdagen."
    assert not page.approve_button.isEnabled()  # an earlier version is only read


def test_the_administrator_sees_the_public_facts_only(page_of: Any, staff: Any) -> None:
    with staff.session("tekenaar", PASSWORDS["tekenaar"]) as signer:
        svc.add_plan(signer, subject="Geheim onderwerp", text="Geheime tekst.")
        svc.annex_set(signer, text=SECRET, classification=Classification.STG_GEHEIM)
        svc.request_amendment(signer, change="Geheime wijziging.")
    page = page_of("beheer")
    assert page.status_label.text() == "in werking sinds 8 maart 2019"
    for button in (
        page.amend_button,
        page.terminate_button,
        page.annex_show_button,
        page.annex_set_button,
        page.add_plan_button,
        page.decide_button,
    ):
        assert not button.isVisible()
    page.amendment_table.selectRow(0)
    assert "Geheime wijziging" not in page.amendment_detail.toPlainText()
    page.tabs.setCurrentIndex(1)
    page.plan_table.selectRow(0)
    shown = page.plan_model.display(page.plan_model.row_at(0), 1)
    assert "Geheim" not in shown and "niet zichtbaar" in shown
    assert page.plan_text.toPlainText() == "" and not page.plan_text.isVisible()
    assert "alleen voor wie" in page.annex_label.text()


def test_the_annex_by_clearance_and_the_lock_wipes(page_of: Any, staff: Any) -> None:
    with staff.session("tekenaar", PASSWORDS["tekenaar"]) as signer:
        svc.annex_set(signer, text=SECRET, classification=Classification.STG_ZEER_GEHEIM)
    liaison = page_of("liaison")  # cleared for Stg. Geheim
    assert liaison.annex_show_button.isVisible() and not liaison.annex_show_button.isEnabled()
    assert "gemachtigd" in liaison.annex_show_button.toolTip()
    page = page_of("tekenaar")
    page.show_annex()
    viewers = [d for d in page.open_dialogs if isinstance(d, TextViewer)]
    assert len(viewers) == 1 and viewers[0].text_view.toPlainText() == SECRET
    assert viewers[0].marking_label.text() == "STG. ZEER GEHEIM (rubriceringsduur: niet vastgelegd)"
    page.amendment_table.selectRow(0)
    page.wipe()
    assert viewers[0].text_view.toPlainText() == ""
    assert page.amendment_model.rowCount() == 0 and page.title_label.text() == ""
    with staff.session("tekenaar", PASSWORDS["tekenaar"]) as signer:
        with signer.reading() as conn:
            views = [e for e in audit.recent(conn, 50) if e.action == "covenant.annex_view"]
        assert [e.result for e in views] == ["ok"]


@pytest.mark.parametrize("today", [dt.date(2026, 11, 2), dt.date(2028, 2, 29)])
def test_the_covenant_dialogs_keep_their_duration_texts_and_start_date(
    qapp: QApplication, today: dt.date
) -> None:
    """One duration widget with the report editor's (gui/marking.py); the covenant's annex
    and plan show what they did: their own example and the same day ten years on."""
    for dialog in (
        PlanDialog(Classification.STG_GEHEIM, today),
        AnnexDialog(Classification.STG_GEHEIM, today),
    ):
        field = dialog.duration
        assert isinstance(field, DurationField)
        assert field.kind_combo.currentData() == NOT_RECORDED
        assert [field.kind_combo.itemText(i) for i in range(3)] == [
            "niet vastgelegd",
            "tot en met datum",
            "tot gebeurtenis",
        ]
        assert field.event_edit.placeholderText() == "bijvoorbeeld: beëindiging van het convenant"
        start = field.date_edit.date()
        assert (start.year(), start.month(), start.day()) == (
            today.year + 10,
            today.month,
            min(today.day, 28),
        )
        assert field.event_edit.maxLength() == 160
        field.kind_combo.setCurrentIndex(UNTIL_DATE)
        assert (field.entry().until, field.entry().event) == (
            dt.date(today.year + 10, today.month, min(today.day, 28)),
            None,
        )
        dialog.deleteLater()
    flush_deletes()


def _plan_dialog(page_of: Any, subject: str, text: str) -> tuple[Any, Any]:
    """The signer's Uitvoeringsplannen tab and its new-plan dialog, filled in."""
    page = page_of("tekenaar")
    page.tabs.setCurrentIndex(1)
    dialog = page.open_plan_dialog()
    dialog.subject_edit.setText(subject)
    dialog.text_edit.setPlainText(text)
    return page, dialog


def test_a_plan_with_its_classification_duration(page_of: Any) -> None:
    page, dialog = _plan_dialog(page_of, "Spoedverzoeken", "Binnen twee werkdagen.")
    dialog.duration.kind_combo.setCurrentIndex(UNTIL_EVENT)
    assert dialog.duration.event_edit.isVisibleTo(dialog)
    assert not dialog.duration.date_edit.isVisibleTo(dialog)
    dialog.duration.event_edit.setText("x")  # too short: the service's sentence, nothing stored
    _submit(dialog)
    assert dialog.error_label.isVisible() and "gebeurtenis" in dialog.error_label.text()
    assert page.plan_model.rowCount() == 0
    dialog.duration.event_edit.setText("beëindiging van het convenant")
    _submit(dialog)
    assert page.plan_model.rowCount() == 1
    assert "tot: beëindiging van het convenant" in page.plan_heading.text()
    assert "STG. CONFIDENTIEEL" in page.plan_heading.text()


def test_an_unclassified_plan_sends_no_duration(page_of: Any) -> None:
    """The duration field follows the level: chosen 'tot en met datum', then Ongerubriceerd,
    the dialog used to send that date with an unclassified plan (the service refused it)."""
    _page, dialog = _plan_dialog(page_of, "Openbare werkwijze", "Iedereen mag dit lezen.")
    dialog.duration.kind_combo.setCurrentIndex(UNTIL_DATE)
    combo = dialog.level_combo
    combo.setCurrentIndex(combo.findData(Classification.ONGERUBRICEERD))
    assert not dialog.duration.isEnabled()
    plan = dialog.value()
    assert plan.classification is Classification.ONGERUBRICEERD
    assert (plan.until, plan.event) == (None, None)
    combo.setCurrentIndex(combo.findData(Classification.STG_CONFIDENTIEEL))
    assert dialog.duration.isEnabled() and dialog.value().until is not None
    dialog.reject()


def test_a_withdrawn_plan_names_who_withdrew_it_by_full_name(page_of: Any, staff: Any) -> None:
    with staff.session("tekenaar", PASSWORDS["tekenaar"]) as signer:
        plan = svc.add_plan(signer, subject="Oud", text="Vervallen werkwijze.")
        svc.withdraw_plan(signer, plan.plan.id, reason="Vervangen door een nieuw plan.")
        full_name = signer.user.full_name
    page = page_of("liaison")
    page.tabs.setCurrentIndex(1)
    page.plan_table.selectRow(0)
    assert f"Ingetrokken door {full_name}: Vervangen" in page.approvals_label.text()
    assert full_name != "tekenaar"
