"""services.covenant: the register of the 2019 covenant, amendments with both parties' consent,
termination, the non-public annex and implementation plans. One audit entry per change and per
view of classified content; refusals of role, party and clearance audited as denied and storing
nothing; the administrator sees the public facts only."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

import pytest
from support.helpers import populate

from desktop_app.domain.classification import Classification
from desktop_app.domain.covenant import AmendmentStatus, CovenantStatus, Party
from desktop_app.domain.errors import Forbidden, InvalidInput, InvalidState, NotFound
from desktop_app.domain.implementation_plans import PlanStatus, PlanStep
from desktop_app.services import covenant as svc
from desktop_app.storage import audit

SECRET = "GEHEIME-BIJLAGE: afspraken over de liaisons"


@pytest.fixture
def ws(workspace: Any) -> Iterator[Any]:
    populate(workspace)
    yield workspace


def _entries(session: Any) -> list[Any]:
    with session.reading() as conn:
        return list(reversed(audit.recent(conn, 10_000)))


def _new_entries(session: Any, before: int) -> list[tuple[str, str, str]]:
    return [(e.action, e.object, e.result) for e in _entries(session)[before:]]


def _at(ws: Any, day: dt.date) -> None:
    ws.env.clock.set(dt.datetime(day.year, day.month, day.day, 10, 0, tzinfo=dt.UTC))


def test_the_register_holds_the_2019_covenant(ws: Any) -> None:
    with ws.session("tekenaar") as signer:
        (view,) = svc.register(signer)
    assert view.reference == "AIVD-IND 2019"
    assert view.signed == {Party.AIVD: dt.date(2019, 3, 7), Party.IND: dt.date(2019, 3, 7)}
    assert view.in_force_from == dt.date(2019, 3, 8)
    assert view.status is CovenantStatus.IN_FORCE
    assert view.status_text == "in werking sinds 8 maart 2019"
    assert view.replaces == "het convenant uit 2013"
    assert view.annex is None and not view.annex_recorded
    assert view.steps[svc.CovenantStep.REQUEST_AMENDMENT].allowed
    assert view.as_dict()["in_force_from"] == "2019-03-08"


def test_an_amendment_needs_the_consent_of_both(ws: Any) -> None:
    _at(ws, dt.date(2026, 11, 2))
    with ws.session("liaison") as liaison:
        before = len(_entries(liaison))
        a = svc.request_amendment(liaison, change="Art. 2.3: vijftien werkdagen.")
        assert (a.party, a.status) == (Party.IND, AmendmentStatus.REQUESTED)
        a = svc.decide_amendment(liaison, a.id, decision_ref="HD-IND 2026/7")
        assert a.status is AmendmentStatus.CONSENTED_BY_ONE
        # The IND's account cannot consent for the AIVD: refused, audited, nothing stored.
        with pytest.raises(Forbidden, match="namens de AIVD"):
            svc.decide_amendment(liaison, a.id, decision_ref="DG 1", party=Party.AIVD)
        with pytest.raises(InvalidState, match="al vastgelegd"):
            svc.decide_amendment(liaison, a.id, decision_ref="HD-IND 2026/8")
        assert _new_entries(liaison, before) == [
            ("covenant.amend", f"amendment:{a.id}", "ok"),
            ("covenant.consent", f"amendment:{a.id}", "ok"),
            ("covenant.consent", f"amendment:{a.id}", "denied"),
        ]
    _at(ws, dt.date(2026, 11, 4))
    with ws.session("tekenaar") as signer:
        a = svc.decide_amendment(
            signer, a.id, decision_ref="DG-AIVD 2026/30", decided_on=dt.date(2026, 11, 3)
        )
        assert a.status is AmendmentStatus.IN_FORCE
        assert a.effective_on == dt.date(2026, 11, 4)
        assert {d.party for d in a.decisions} == set(Party)
        assert a.status_text == "in werking sinds 4 november 2026"
        entry = _entries(signer)[-1]
        assert SECRET not in entry.details and "vijftien" not in entry.details
    with ws.session("beheer") as admin:
        (amendment,) = svc.show_covenant(admin).amendments
        assert amendment.proposed_change is None  # public facts only
        assert amendment.status is AmendmentStatus.IN_FORCE


def test_a_refusal_ends_an_amendment(ws: Any) -> None:
    with ws.session("tekenaar") as signer:
        a = svc.request_amendment(
            signer, change="Art. 2.5: inzage ook digitaal.", effective=dt.date(2027, 1, 1)
        )
    with ws.session("liaison") as liaison:
        a = svc.decide_amendment(liaison, a.id, decision_ref="HD-IND 2026/9", refuse=True)
        assert a.status is AmendmentStatus.REFUSED and a.effective_on is None
    with ws.session("tekenaar") as signer, pytest.raises(InvalidState, match="niet aangenomen"):
        svc.decide_amendment(signer, a.id, decision_ref="DG 2")


def test_who_may_not_record(ws: Any) -> None:
    for name in ("officier", "beheer", "inspecteur"):
        with ws.session(name) as session:
            before = len(_entries(session))
            with pytest.raises(Forbidden):
                svc.request_amendment(session, change="iets")
            with pytest.raises(Forbidden):
                svc.terminate(session, notice_on=dt.date(2026, 11, 2))
            with pytest.raises(Forbidden):
                svc.add_plan(session, subject="x", text="y")
            assert [r for _, _, r in _new_entries(session, before)] == ["denied"] * 3
    with ws.session("tekenaar") as signer:
        assert svc.show_covenant(signer).amendments == ()
        assert svc.list_plans(signer) == []


def test_bad_input_stores_nothing(ws: Any) -> None:
    with ws.session("liaison") as liaison:
        for kwargs in (
            {"change": ""},
            {"change": "a\x00b"},
            {"change": "x", "requested_on": dt.date(2026, 12, 1)},
            {"change": "x", "effective": dt.date(2026, 11, 1)},
        ):
            with pytest.raises(InvalidInput):
                svc.request_amendment(liaison, **kwargs)
        with pytest.raises(NotFound):
            svc.decide_amendment(liaison, 99, decision_ref="X 1")
        with pytest.raises(InvalidInput):
            svc.terminate(liaison, notice_on=dt.date(2026, 11, 3))
        assert svc.show_covenant(liaison).amendments == ()
        assert svc.show_covenant(liaison).termination is None


def test_termination_three_months_after_the_notice(ws: Any) -> None:
    _at(ws, dt.date(2026, 11, 30))
    with ws.session("liaison") as liaison:
        view = svc.terminate(liaison, notice_on=dt.date(2026, 11, 30))
        assert view.termination is not None
        assert view.termination.party is Party.IND
        assert view.termination.effective_on == dt.date(2027, 2, 28)
        assert view.status is CovenantStatus.NOTICE_GIVEN
        assert view.status_text == "opgezegd per 28 februari 2027"
        assert not view.steps[svc.CovenantStep.TERMINATE].allowed
        with pytest.raises(InvalidState, match="al opgezegd"):
            svc.terminate(liaison, notice_on=dt.date(2026, 11, 30))
        assert _entries(liaison)[-1].action == "covenant.terminate"  # InvalidState: no entry
    with ws.session("beheer") as admin:
        assert svc.show_covenant(admin).status_text == "opgezegd per 28 februari 2027"
    _at(ws, dt.date(2027, 2, 28))
    with ws.session("tekenaar") as signer:
        view = svc.show_covenant(signer)
        assert view.status is CovenantStatus.ENDED
        with pytest.raises(InvalidState, match="beëindigd"):
            svc.request_amendment(signer, change="te laat")
        with pytest.raises(InvalidState, match="beëindigd"):
            svc.add_plan(signer, subject="Nieuw", text="tekst")


def test_the_annex_by_clearance_and_need_to_know(ws: Any) -> None:
    with ws.session("tekenaar") as signer:
        summary = svc.annex_set(signer, text=SECRET, classification=Classification.STG_GEHEIM)
        assert (summary.version, summary.classification) == (1, Classification.STG_GEHEIM)
        before = len(_entries(signer))
        content = svc.annex_show(signer)
        assert content.text == SECRET
        assert _new_entries(signer, before) == [("covenant.annex_view", "covenant:1", "ok")]
        assert SECRET not in _entries(signer)[-1].details
        with pytest.raises(InvalidInput, match="niet openbaar"):
            svc.annex_set(signer, text="x", classification=Classification.ONGERUBRICEERD)
        assert svc.show_covenant(signer).annex == summary
    # The liaison is cleared for Stg. Confidentieel only.
    for name in ("liaison", "beheer", "officier"):
        with ws.session(name) as other:
            before = len(_entries(other))
            with pytest.raises(Forbidden):
                svc.annex_show(other)
            assert _new_entries(other, before) == [("covenant.annex_view", "covenant:1", "denied")]
    with ws.session("liaison") as liaison:
        view = svc.show_covenant(liaison)
        assert view.annex_recorded and not view.steps[svc.CovenantStep.VIEW_ANNEX].allowed
        with pytest.raises(Forbidden):  # not above the own clearance, nor over one above it
            svc.annex_set(liaison, text="x", classification=Classification.STG_CONFIDENTIEEL)
    with ws.session("beheer") as admin:
        view = svc.show_covenant(admin)
        assert view.annex is None and view.annex_recorded
        assert "annex" in view.as_dict() and SECRET not in str(view.as_dict())
    with ws.session("tekenaar") as signer:
        svc.annex_set(signer, text=SECRET + " (herzien)", classification=Classification.STG_GEHEIM)
        assert svc.annex_show(signer).summary.version == 2
        assert svc.annex_show(signer, version=1).text == SECRET
        with pytest.raises(NotFound):
            svc.annex_show(signer, version=3)


def test_a_plan_needs_both_heads_and_a_new_version_starts_again(ws: Any) -> None:
    with ws.session("tekenaar") as signer:
        before = len(_entries(signer))
        plan = svc.add_plan(signer, subject="Spoedverzoeken", text="Binnen twee werkdagen.")
        pid = plan.plan.id
        assert (plan.plan.status, plan.plan.version) == (PlanStatus.CONCEPT, 1)
        plan = svc.approve_plan(signer, pid, decision_ref="DG-AIVD 2026/40")
        assert plan.plan.status is PlanStatus.APPROVED_BY_ONE
        assert not plan.steps[PlanStep.APPROVE].allowed
        assert _new_entries(signer, before) == [
            ("plan.add", f"plan:{pid}", "ok"),
            ("plan.approve", f"plan:{pid}", "ok"),
        ]
    with ws.session("liaison") as liaison:
        with pytest.raises(Forbidden, match="namens de AIVD"):
            svc.approve_plan(liaison, pid, decision_ref="X 1", party=Party.AIVD)
        plan = svc.revise_plan(liaison, pid, text="Binnen drie werkdagen.")
        assert (plan.plan.status, plan.plan.version, plan.approvals_reset) == (
            PlanStatus.CONCEPT,
            2,
            1,
        )
        with pytest.raises(InvalidState, match="huidige versie is 2"):
            svc.approve_plan(liaison, pid, decision_ref="HD-IND 1", version=1)
        with pytest.raises(InvalidInput, match="gelijk"):
            svc.revise_plan(liaison, pid, text="Binnen drie werkdagen.")
        plan = svc.approve_plan(liaison, pid, decision_ref="HD-IND 2026/12")
    with ws.session("tekenaar") as signer:
        plan = svc.approve_plan(signer, pid, decision_ref="DG-AIVD 2026/41", version=2)
        assert plan.plan.status is PlanStatus.IN_FORCE
        assert {a.party for a in plan.plan.approvals} == set(Party)
        assert len(plan.all_approvals) == 3
        with pytest.raises(InvalidState, match="niet herzien"):
            svc.revise_plan(signer, pid, text="Anders.")
        assert svc.get_plan(signer, pid, version=1).text == "Binnen twee werkdagen."
        plan = svc.withdraw_plan(signer, pid, reason="Vervangen door een nieuw plan.")
        assert plan.plan.status is PlanStatus.WITHDRAWN
        assert not any(p.offered for p in plan.steps.values())
        with pytest.raises(InvalidState, match="al ingetrokken"):
            svc.withdraw_plan(signer, pid, reason="nogmaals")
        assert "drie werkdagen" not in "".join(e.details for e in _entries(signer))


def test_plans_by_clearance_and_the_administrator_sees_no_subject(ws: Any) -> None:
    with ws.session("tekenaar") as signer:
        high = svc.add_plan(
            signer,
            subject="Bronbescherming",
            text="Geheim.",
            classification=Classification.STG_GEHEIM,
        ).plan.id
        low = svc.add_plan(signer, subject="Overleg", text="Elk kwartaal.").plan.id
    with ws.session("liaison") as liaison:
        with pytest.raises(Forbidden, match="hoger rubriceren"):
            svc.add_plan(liaison, subject="x", text="y", classification=Classification.STG_GEHEIM)
        subjects = {p.id: p.subject for p in svc.list_plans(liaison)}
        assert subjects == {high: None, low: "Overleg"}
        before = len(_entries(liaison))
        with pytest.raises(Forbidden):
            svc.get_plan(liaison, high)
        assert svc.get_plan(liaison, low).text == "Elk kwartaal."
        assert _new_entries(liaison, before) == [
            ("plan.view", f"plan:{high}", "denied"),
            ("plan.view", f"plan:{low}", "ok"),
        ]
    with ws.session("beheer") as admin:
        assert {p.subject for p in svc.list_plans(admin)} == {None}
        assert {p.subject for p in svc.show_covenant(admin).plans} == {None}
        with pytest.raises(Forbidden):
            svc.get_plan(admin, low)


def test_a_text_changed_in_place_by_a_key_holder_is_found_and_not_shown(ws: Any) -> None:
    from support.helpers import ADMIN_PW, raw_db

    from desktop_app.domain.errors import IntegrityFailure
    from desktop_app.services.audit import verify_audit

    with ws.session("tekenaar") as signer:
        svc.annex_set(signer, text=SECRET, classification=Classification.STG_GEHEIM)
        pid = svc.add_plan(signer, subject="Spoed", text="Binnen twee werkdagen.").plan.id
    with raw_db(ws.root, ws.recovery_key) as db, db.transaction() as conn:
        for name in (
            "covenant_annex_versions_immutable_update",
            "implementation_plan_versions_immutable_update",
        ):
            conn.execute(f"DROP TRIGGER {name}")
        conn.execute("UPDATE covenant_annex_versions SET content = content || ' (gewijzigd)'")
        conn.execute("UPDATE implementation_plan_versions SET text = 'Binnen tien werkdagen.'")
    with ws.session("beheer", ADMIN_PW) as admin:
        report = verify_audit(admin, None)
    assert not report.ok
    problems = " | ".join(report.content_problems)
    assert "niet-openbare bijlage, versie 1" in problems
    assert f"uitvoeringsplan {pid}, versie 1" in problems
    assert SECRET not in problems and "werkdagen" not in problems
    with ws.session("tekenaar") as signer:
        with pytest.raises(IntegrityFailure):
            svc.annex_show(signer)
        with pytest.raises(IntegrityFailure):
            svc.get_plan(signer, pid)
        incidents = [(e.action, e.result) for e in _entries(signer)[-2:]]
        assert incidents == [("covenant.annex_view", "denied"), ("plan.view", "denied")]


def test_how_long_the_classification_holds(ws: Any) -> None:
    with ws.session("tekenaar") as signer:
        plan = svc.add_plan(
            signer, subject="Spoed", text="Tekst.", classified_until="2036-12-31"
        ).plan
        assert plan.duration is not None and plan.duration.until == dt.date(2036, 12, 31)
        assert plan.as_dict()["classification_duration"] == {
            "kind": "date",
            "until": "2036-12-31",
            "event": None,
            "text": "tot en met 31 december 2036",
        }
        annex = svc.annex_set(
            signer,
            text=SECRET,
            classification=Classification.STG_GEHEIM,
            classified_event="beëindiging van het convenant",
        )
        assert (
            annex.duration is not None and annex.duration.event == "beëindiging van het convenant"
        )
        assert svc.annex_show(signer).summary.duration == annex.duration
        for kwargs in (
            {"classified_until": "2020-01-01"},  # already past
            {"classified_until": "2036-12-31", "classified_event": "ook"},
            {"classified_until": "morgen"},
        ):
            with pytest.raises(InvalidInput):
                svc.add_plan(signer, subject="x", text="y", **kwargs)  # type: ignore[arg-type]
        with pytest.raises(InvalidInput, match="ongerubriceerd"):
            svc.add_plan(
                signer,
                subject="x",
                text="y",
                classification=Classification.ONGERUBRICEERD,
                classified_until="2036-12-31",
            )
        assert len(svc.list_plans(signer)) == 1
