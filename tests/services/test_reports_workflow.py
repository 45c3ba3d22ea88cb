"""Ambtsberichten through the services: every workflow path, roles, four eyes, clearance, one
audit entry per use case (views included), refusals audited as denied, nothing changed on a
refusal."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from support.helpers import fresh_proof
from support.sample_text import TWO_FINDINGS_TEXT

from desktop_app.domain import reports as report_rules
from desktop_app.domain.classification import Classification
from desktop_app.domain.errors import (
    Forbidden,
    FourEyes,
    InvalidInput,
    InvalidState,
    NotFound,
)
from desktop_app.domain.reports import ReportAction, ReportStatus, WorkList
from desktop_app.domain.roles import Role
from desktop_app.services import reports
from desktop_app.services.session import Session
from desktop_app.services.users import add_user
from desktop_app.storage import audit

PASSWORDS = {
    "officier": "officier-wachtwoord",
    "officier2": "officier2-wachtwoord",
    "tekenaar": "tekenaar-wachtwoord",
    "liaison": "liaison-wachtwoord",
    "inspecteur": "inspecteur-wachtwoord",
    "dubbel": "dubbel-wachtwoord",
    "laag": "laag-wachtwoord1",
}
STAFF: dict[str, tuple[tuple[Role, ...], Classification]] = {
    "officier": ((Role.AIVD_OFFICER,), Classification.STG_GEHEIM),
    "officier2": ((Role.AIVD_OFFICER,), Classification.STG_GEHEIM),
    "tekenaar": ((Role.AIVD_SIGNER,), Classification.STG_ZEER_GEHEIM),
    "liaison": ((Role.IND_LIAISON,), Classification.STG_CONFIDENTIEEL),
    "inspecteur": ((Role.IND_INSPECTOR,), Classification.STG_GEHEIM),
    # Officer and signer at once: four eyes must still stop them signing their own text.
    "dubbel": ((Role.AIVD_OFFICER, Role.AIVD_SIGNER), Classification.STG_GEHEIM),
    # A signer cleared below the usual level of a report.
    "laag": ((Role.AIVD_SIGNER,), Classification.DEP_VERTROUWELIJK),
}

TEXT_V1 = TWO_FINDINGS_TEXT
TEXT_V2 = TEXT_V1.replace("Geen bezwaar bekend.", "Er zijn aanwijzingen voor een bezwaar.")


class Staff:
    """One open session per person for the whole test."""

    def __init__(self, workspace: Any) -> None:
        self._ws = workspace
        self._open: dict[str, Session] = {}

    def __getitem__(self, name: str) -> Session:
        if name not in self._open:
            self._open[name] = self._ws.session(name, PASSWORDS.get(name))
        return self._open[name]

    def close(self) -> None:
        for s in self._open.values():
            s.close()


@pytest.fixture
def staff(workspace: Any) -> Iterator[Staff]:
    with workspace.session() as admin:
        for name, (roles, clearance) in STAFF.items():
            add_user(
                admin,
                name=name,
                password=PASSWORDS[name],
                roles=roles,
                clearance=clearance,
                full_name=f"{name.title()} Test",
            )
    people = Staff(workspace)
    yield people
    people.close()


def _entries(s: Session) -> list[audit.AuditEntry]:
    with s.reading() as conn:
        return list(reversed(audit.recent(conn, 100_000)))


TABLES = (
    "reports",
    "report_versions",
    "report_events",
    "report_annotations",
    "report_verdicts",
    "report_corrections",
)


def _snapshot(s: Session) -> dict[str, Any]:
    with s.reading() as conn:
        counts = {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES}
        rows = conn.execute(
            "SELECT id, status, current_version, classification, title,"
            " updated_at FROM reports ORDER BY id"
        ).fetchall()
    return {"counts": counts, "reports": rows}


def one_entry(s: Session, act: Callable[[], Any], action: str, result: str = "ok") -> Any:
    """Run ``act``; exactly one new audit entry (this action, this result, by this user)."""
    before = len(_entries(s))
    out = act()
    new = _entries(s)[before:]
    assert [(e.action, e.result, e.actor) for e in new] == [(action, result, s.user.name)], new
    return out


def refused(
    s: Session, act: Callable[[], Any], error: type[Exception], *, audited_as: str | None = None
) -> Exception:
    """``act`` fails with ``error``; no report data changed; with ``audited_as`` exactly one
    denied entry for that action, else no entry at all."""
    before_rows = _snapshot(s)
    before = len(_entries(s))
    with pytest.raises(error) as info:
        act()
    assert _snapshot(s) == before_rows
    new = _entries(s)[before:]
    if audited_as is None:
        assert new == []
    else:
        assert [(e.action, e.result) for e in new] == [(audited_as, "denied")]
        assert json.loads(new[0].details) == {"code": info.value.code}  # type: ignore[attr-defined]
    return info.value


def review_refused(s: Session, report_id: int) -> None:
    """Neither a remark nor a verdict from ``s``: both ``Forbidden``, each audited as denied."""
    refused(
        s,
        lambda: reports.annotate(s, report_id, quote="Aanleiding", comment="x"),
        Forbidden,
        audited_as="report.annotate",
    )
    refused(
        s,
        lambda: reports.give_verdict(s, report_id, usable=True),
        Forbidden,
        audited_as="report.verdict",
    )


def draft(staff: Staff, text: str = TEXT_V1, **kw: Any) -> reports.ReportSummary:
    return reports.draft_report(staff["officier"], text=text, **kw).report


def to_usable(staff: Staff, text: str = TEXT_V1, **kw: Any) -> reports.ReportSummary:
    r = draft(staff, text, **kw)
    reports.submit_report(staff["officier"], r.id)
    return reports.give_verdict(staff["liaison"], r.id, usable=True)


# --- the whole path ---------------------------------------------------------------------------


def test_full_path_with_one_audit_entry_per_step(staff: Staff) -> None:
    off, lia, sig = staff["officier"], staff["liaison"], staff["tekenaar"]
    saved = one_entry(
        off, lambda: reports.draft_report(off, text=TEXT_V1, title="Betrokkene A"), "report.draft"
    )
    r = saved.report
    assert (r.version, r.status, r.classification) == (
        1,
        ReportStatus.DRAFT,
        Classification.STG_CONFIDENTIEEL,
    )
    assert r.reference == "AB-2026-000001" and r.title == "Betrokkene A"
    assert r.request_id is None and r.created_by == "officier"
    assert saved.warnings == ()
    entry = _entries(off)[-1]
    assert entry.object == f"report:{r.id}"
    assert json.loads(entry.details)["reference"] == r.reference
    assert "Betrokkene" not in entry.details  # no content in the audit log

    s = one_entry(off, lambda: reports.submit_report(off, r.id), "report.submit")
    assert s.status is ReportStatus.IN_REVIEW
    note = one_entry(
        lia,
        lambda: reports.annotate(lia, r.id, quote="Geen bezwaar bekend.", comment="Onderbouw dit."),
        "report.annotate",
    )
    assert (note.version, TEXT_V1[note.start : note.end]) == (1, "Geen bezwaar bekend.")
    s = one_entry(
        lia,
        lambda: reports.give_verdict(lia, r.id, usable=False, comment="Zie annotatie."),
        "report.verdict",
    )
    assert s.status is ReportStatus.CHANGES_WANTED
    s = one_entry(
        off, lambda: reports.revise_report(off, r.id, text=TEXT_V2).report, "report.revise"
    )
    assert (s.version, s.status) == (2, ReportStatus.DRAFT)
    one_entry(off, lambda: reports.submit_report(off, r.id), "report.submit")
    s = one_entry(lia, lambda: reports.give_verdict(lia, r.id, usable=True), "report.verdict")
    assert s.status is ReportStatus.USABLE
    s = one_entry(
        sig, lambda: reports.sign_report(sig, r.id, proof=fresh_proof(sig)), "report.sign"
    )
    assert s.status is ReportStatus.SIGNED and s.signed_by == "tekenaar"
    assert s.signed_version == 2
    assert s.text_sha256 == hashlib.sha256(TEXT_V2.encode()).hexdigest()
    result = one_entry(
        off, lambda: reports.issue_report(off, r.id, proof=fresh_proof(off)), "report.issue"
    )
    assert result.report.status is ReportStatus.ISSUED and result.report.issued_by == "officier"
    assert result.request_status is None

    view = one_entry(lia, lambda: reports.get_report(lia, r.id), "report.view")
    assert (view.version, view.text, view.report.status) == (2, TEXT_V2, ReportStatus.ISSUED)
    assert [v.verdict for v in view.verdicts] == ["changes_wanted", "usable"]
    # The annotation on v1 is still shown on v2, marked outdated (the sentence is gone).
    (a,) = view.annotations
    assert a.version == 1 and a.outdated and a.shown_start is None
    assert view.work_lists == frozenset({WorkList.ISSUED})
    assert reports.involved_users(off, r.id) == frozenset({off.user.id, lia.user.id, sig.user.id})


def test_issuing_is_open_to_the_signer_too_and_correction_follows(staff: Staff) -> None:
    r = to_usable(staff)
    sig, off = staff["tekenaar"], staff["officier"]
    reports.sign_report(sig, r.id, proof=fresh_proof(sig))
    refused(
        off, lambda: reports.record_correction(off, r.id, "Bevinding 1 is onjuist."), InvalidState
    )
    reports.issue_report(sig, r.id, proof=fresh_proof(sig))
    refused(sig, lambda: reports.issue_report(sig, r.id, proof=fresh_proof(sig)), InvalidState)
    refused(off, lambda: reports.record_correction(off, r.id, "  "), InvalidInput)
    c = one_entry(
        off,
        lambda: reports.record_correction(off, r.id, "Bevinding 1 is onjuist."),
        "report.correct",
    )
    assert c.report_id == r.id and c.reference == r.reference
    view = reports.get_report(off, r.id)
    assert [(x.text, x.author) for x in view.corrections] == [
        ("Bevinding 1 is onjuist.", "officier")
    ]
    assert view.report.status is ReportStatus.ISSUED
    # Corrections never reach the liaison's role: recording one is AIVD work.
    refused(
        staff["liaison"],
        lambda: reports.record_correction(staff["liaison"], r.id, "x"),
        Forbidden,
        audited_as="report.correct",
    )


# --- refusals ---------------------------------------------------------------------------------


def test_wrong_roles_are_refused_and_audited(staff: Staff) -> None:
    lia, sig, ins = staff["liaison"], staff["tekenaar"], staff["inspecteur"]
    refused(
        lia, lambda: reports.draft_report(lia, text=TEXT_V1), Forbidden, audited_as="report.draft"
    )
    r = draft(staff)
    refused(
        sig,
        lambda: reports.revise_report(sig, r.id, text=TEXT_V2),
        Forbidden,
        audited_as="report.revise",
    )
    refused(lia, lambda: reports.submit_report(lia, r.id), Forbidden, audited_as="report.submit")
    reports.submit_report(staff["officier"], r.id)
    off = staff["officier"]
    review_refused(off, r.id)
    reports.give_verdict(lia, r.id, usable=True)
    refused(
        off,
        lambda: reports.sign_report(off, r.id, proof=fresh_proof(off)),
        Forbidden,
        audited_as="report.sign",
    )
    refused(
        lia,
        lambda: reports.sign_report(lia, r.id, proof=fresh_proof(lia)),
        Forbidden,
        audited_as="report.sign",
    )
    reports.sign_report(sig, r.id, proof=fresh_proof(sig))
    refused(
        lia,
        lambda: reports.issue_report(lia, r.id, proof=fresh_proof(lia)),
        Forbidden,
        audited_as="report.issue",
    )
    # Neither the inspector nor the administrator reads report texts.
    refused(ins, lambda: reports.get_report(ins, r.id), Forbidden, audited_as="report.view")
    refused(ins, lambda: reports.diff_report(ins, r.id, 1, 1), Forbidden, audited_as="report.diff")
    refused(ins, lambda: reports.my_work_lists(ins), Forbidden, audited_as="report.list")


def test_administrator_has_no_access_to_report_texts(staff: Staff, workspace: Any) -> None:
    r = draft(staff)
    with workspace.session() as admin:
        refused(admin, lambda: reports.get_report(admin, r.id), Forbidden, audited_as="report.view")
        refused(admin, lambda: reports.my_work_lists(admin), Forbidden, audited_as="report.list")


def test_workflow_states_are_enforced_without_change(staff: Staff) -> None:
    off, lia, sig = staff["officier"], staff["liaison"], staff["tekenaar"]
    r = draft(staff)
    # Sign without a usable verdict, issue unsigned, verdict on a draft.
    refused(sig, lambda: reports.sign_report(sig, r.id, proof=fresh_proof(sig)), InvalidState)
    refused(off, lambda: reports.issue_report(off, r.id, proof=fresh_proof(off)), InvalidState)
    refused(lia, lambda: reports.give_verdict(lia, r.id, usable=True), InvalidState)
    refused(lia, lambda: reports.annotate(lia, r.id, quote="Aanleiding", comment="x"), InvalidState)
    reports.submit_report(off, r.id)
    # Revise while in review: the text is frozen.
    err = refused(off, lambda: reports.revise_report(off, r.id, text=TEXT_V2), InvalidState)
    assert "bevroren" in str(err)
    refused(off, lambda: reports.submit_report(off, r.id), InvalidState)
    refused(sig, lambda: reports.sign_report(sig, r.id, proof=fresh_proof(sig)), InvalidState)
    reports.give_verdict(lia, r.id, usable=False)
    # changes_wanted: first a new version, then submit again.
    refused(off, lambda: reports.submit_report(off, r.id), InvalidState)
    refused(sig, lambda: reports.sign_report(sig, r.id, proof=fresh_proof(sig)), InvalidState)
    reports.revise_report(off, r.id, text=TEXT_V2)
    reports.submit_report(off, r.id)
    reports.give_verdict(lia, r.id, usable=True)
    refused(off, lambda: reports.issue_report(off, r.id, proof=fresh_proof(off)), InvalidState)
    reports.sign_report(sig, r.id, proof=fresh_proof(sig))
    # Signed: the text is frozen for ever.
    refused(off, lambda: reports.revise_report(off, r.id, text=TEXT_V1), InvalidState)
    refused(sig, lambda: reports.sign_report(sig, r.id, proof=fresh_proof(sig)), InvalidState)
    refused(
        off, lambda: reports.set_classification(off, r.id, Classification.STG_GEHEIM), InvalidState
    )


def test_a_new_version_after_usable_goes_back_to_draft(staff: Staff) -> None:
    off, sig = staff["officier"], staff["tekenaar"]
    r = to_usable(staff)
    s = reports.revise_report(off, r.id, text=TEXT_V2).report
    assert (s.status, s.version) == (ReportStatus.DRAFT, 2)
    refused(sig, lambda: reports.sign_report(sig, r.id, proof=fresh_proof(sig)), InvalidState)


def test_four_eyes(staff: Staff) -> None:
    dub = staff["dubbel"]
    r = reports.draft_report(dub, text=TEXT_V1).report
    reports.submit_report(dub, r.id)
    reports.give_verdict(staff["liaison"], r.id, usable=True)
    err = refused(
        dub,
        lambda: reports.sign_report(dub, r.id, proof=fresh_proof(dub)),
        FourEyes,
        audited_as="report.sign",
    )
    assert "Vier-ogen" in str(err)
    # Someone who only revised is an author too.
    r2 = draft(staff)
    reports.revise_report(dub, r2.id, text=TEXT_V2)
    reports.submit_report(staff["officier"], r2.id)
    reports.give_verdict(staff["liaison"], r2.id, usable=True)
    refused(
        dub,
        lambda: reports.sign_report(dub, r2.id, proof=fresh_proof(dub)),
        FourEyes,
        audited_as="report.sign",
    )
    # Another signer may.
    assert (
        reports.sign_report(staff["tekenaar"], r2.id, proof=fresh_proof(staff["tekenaar"])).status
        is ReportStatus.SIGNED
    )


def test_bad_input_changes_nothing_and_is_not_audited(staff: Staff) -> None:
    off, lia = staff["officier"], staff["liaison"]
    refused(off, lambda: reports.draft_report(off, text="  \n \r\n"), InvalidInput)
    refused(off, lambda: reports.draft_report(off, text=TEXT_V1, title="   "), InvalidInput)
    r = draft(staff)
    refused(off, lambda: reports.revise_report(off, r.id, text=""), InvalidInput)
    # The same text again is no revision (line breaks are normalised first).
    refused(
        off,
        lambda: reports.revise_report(off, r.id, text=TEXT_V1.replace("\n", "\r\n")),
        InvalidInput,
    )
    reports.submit_report(off, r.id)
    err = refused(
        lia, lambda: reports.annotate(lia, r.id, quote="staat er niet", comment="x"), InvalidInput
    )
    assert getattr(err, "field", None) == "quote"
    refused(
        lia, lambda: reports.annotate(lia, r.id, quote="Aanleiding", comment="  "), InvalidInput
    )
    refused(lia, lambda: reports.annotate(lia, r.id, quote="", comment="x"), InvalidInput)
    refused(
        lia,
        lambda: reports.annotate(lia, r.id, quote="Aanleiding", comment="x", start=5),
        InvalidInput,
    )
    refused(lia, lambda: reports.give_verdict(lia, r.id, usable=True, comment=" "), InvalidInput)
    refused(off, lambda: reports.get_report(off, 999), NotFound)
    refused(off, lambda: reports.get_report(off, r.id, version=7), NotFound)
    refused(off, lambda: reports.diff_report(off, r.id, 1, 2), NotFound)


def test_annotation_start_picks_the_occurrence(staff: Staff) -> None:
    text = TEXT_V1.replace("Geen bezwaar bekend.", "Betrokkene is bekend. Betrokkene is bekend.")
    r = draft(staff, text)
    reports.submit_report(staff["officier"], r.id)
    lia = staff["liaison"]
    first = reports.annotate(lia, r.id, quote="Betrokkene is bekend.", comment="een")
    second_at = text.rindex("Betrokkene is bekend.")
    second = reports.annotate(
        lia, r.id, quote="Betrokkene is bekend.", comment="twee", start=second_at
    )
    assert first.start == text.index("Betrokkene is bekend.")
    assert (second.start, second.end) == (second_at, second_at + len("Betrokkene is bekend."))


# --- classification and clearance -----------------------------------------------------------


def test_clearance_hides_reports_without_leaking_the_title(staff: Staff) -> None:
    off, lia = staff["officier"], staff["liaison"]
    secret = draft(staff, title="Geheime titel", classification=Classification.STG_GEHEIM)
    reports.submit_report(off, secret.id)
    err = refused(
        lia, lambda: reports.get_report(lia, secret.id), Forbidden, audited_as="report.view"
    )
    assert "Geheime titel" not in str(err) and secret.reference not in str(err)
    review_refused(lia, secret.id)
    lists = reports.my_work_lists(lia)
    assert lists[WorkList.AWAITING_MY_REVIEW] == ()
    # Above one's own clearance nobody classifies.
    refused(
        off,
        lambda: reports.draft_report(
            off, text=TEXT_V1, classification=Classification.STG_ZEER_GEHEIM
        ),
        Forbidden,
        audited_as="report.draft",
    )


def test_classification_is_set_by_author_and_fixed_by_signer(staff: Staff) -> None:
    off, sig = staff["officier"], staff["tekenaar"]
    r = draft(staff)
    s = one_entry(
        off,
        lambda: reports.set_classification(off, r.id, Classification.DEP_VERTROUWELIJK),
        "report.classify",
    )
    assert s.classification is Classification.DEP_VERTROUWELIJK
    reports.submit_report(off, r.id)
    refused(
        off, lambda: reports.set_classification(off, r.id, Classification.STG_GEHEIM), InvalidState
    )
    reports.give_verdict(staff["liaison"], r.id, usable=True)
    # A signer cannot fix a level above their own clearance, nor sign above it.
    laag = staff["laag"]
    refused(
        laag,
        lambda: reports.sign_report(
            laag, r.id, proof=laag.sign_in_proof(), classification=Classification.STG_GEHEIM
        ),
        Forbidden,
        audited_as="report.sign",
    )
    signed = reports.sign_report(
        sig, r.id, proof=fresh_proof(sig), classification=Classification.STG_GEHEIM
    )
    assert signed.classification is Classification.STG_GEHEIM
    # Now above the liaison's clearance (stg_confidentieel): hidden from them.
    refused(
        staff["liaison"],
        lambda: reports.get_report(staff["liaison"], r.id),
        Forbidden,
        audited_as="report.view",
    )
    refused(laag, lambda: reports.get_report(laag, r.id), Forbidden, audited_as="report.view")


# --- what the liaison sees --------------------------------------------------------------------


def test_liaison_sees_submitted_versions_only(staff: Staff) -> None:
    off, lia = staff["officier"], staff["liaison"]
    r = draft(staff)
    # Nothing submitted yet: nothing to see.
    refused(lia, lambda: reports.get_report(lia, r.id), Forbidden, audited_as="report.view")
    reports.submit_report(off, r.id)
    reports.give_verdict(lia, r.id, usable=False)
    reports.revise_report(off, r.id, text=TEXT_V2)
    view = reports.get_report(lia, r.id)
    assert (view.version, view.text, view.report.version) == (1, TEXT_V1, 1)
    assert [v.version for v in view.versions] == [1]
    assert all(e.version == 1 for e in view.history)
    refused(
        lia, lambda: reports.get_report(lia, r.id, version=2), Forbidden, audited_as="report.view"
    )
    refused(lia, lambda: reports.diff_report(lia, r.id, 1, 2), Forbidden, audited_as="report.diff")
    officer_view = reports.get_report(off, r.id)
    assert (officer_view.version, officer_view.text) == (2, TEXT_V2)
    assert [v.version for v in officer_view.versions] == [1, 2]
    reports.submit_report(off, r.id)
    d = one_entry(lia, lambda: reports.diff_report(lia, r.id, 1, 2), "report.diff")
    assert d.unified.startswith(f"--- {r.reference} versie 1\n+++ {r.reference} versie 2\n")
    assert "-Geen bezwaar bekend." in d.unified
    assert "+Er zijn aanwijzingen voor een bezwaar." in d.unified
    assert reports.diff_report(off, r.id, 2, 2).unified == ""
    assert any(row.kind.value == "replace" for row in d.side_by_side())


def test_annotations_are_re_anchored_on_later_versions(staff: Staff) -> None:
    off, lia = staff["officier"], staff["liaison"]
    r = draft(staff)
    reports.submit_report(off, r.id)
    kept = reports.annotate(lia, r.id, quote="contacten met een organisatie", comment="Welke?")
    gone = reports.annotate(lia, r.id, quote="Geen bezwaar bekend.", comment="Waarom niet?")
    reports.give_verdict(lia, r.id, usable=False)
    v2 = TEXT_V2.replace("Aanleiding\n", "Aanleiding\nEen nieuwe inleidende alinea.\n")
    reports.revise_report(off, r.id, text=v2)
    view = reports.get_report(off, r.id)
    assert view.version == 2
    by_id = {a.id: a for a in view.annotations}
    k = by_id[kept.id]
    assert not k.outdated and (k.version, k.start) == (1, kept.start)
    assert k.shown_start is not None and k.shown_end is not None
    assert v2[k.shown_start : k.shown_end] == "contacten met een organisatie"
    assert k.shown_start != kept.start  # it moved
    assert by_id[gone.id].outdated
    # On its own version an annotation sits where it was made.
    old = reports.get_report(off, r.id, version=1)
    assert {(a.id, a.shown_start) for a in old.annotations} == {
        (kept.id, kept.start),
        (gone.id, gone.start),
    }
    # Annotations made later are not shown on earlier versions.
    reports.submit_report(off, r.id)
    reports.annotate(lia, r.id, quote="nieuwe inleidende", comment="Mooi.")
    assert len(reports.get_report(off, r.id, version=1).annotations) == 2
    assert len(reports.get_report(off, r.id, version=2).annotations) == 3


# --- work lists -------------------------------------------------------------------------------


def _ids(lists: dict[WorkList, tuple[reports.ReportSummary, ...]], w: WorkList) -> list[int]:
    return [int(s.id) for s in lists[w]]


def test_work_lists_per_role(staff: Staff) -> None:
    off, lia, sig, dub = (staff[n] for n in ("officier", "liaison", "tekenaar", "dubbel"))
    a = draft(staff, title="A")  # draft
    b = draft(staff, title="B")
    reports.submit_report(off, b.id)  # in review
    c = to_usable(staff, title="C")  # usable
    d = to_usable(staff, title="D")
    reports.sign_report(sig, d.id, proof=fresh_proof(sig))  # signed
    e = to_usable(staff, title="E")
    reports.sign_report(sig, e.id, proof=fresh_proof(sig))
    reports.issue_report(off, e.id, proof=fresh_proof(off))  # issued
    mine = reports.draft_report(dub, text=TEXT_V1, title="F").report
    reports.submit_report(dub, mine.id)
    reports.give_verdict(lia, mine.id, usable=True)  # usable, written by dub

    lists = one_entry(off, lambda: reports.my_work_lists(off), "report.list")
    assert _ids(lists, WorkList.MY_DRAFTS) == [a.id]  # a submitted report leaves it
    assert sorted(_ids(lists, WorkList.SUBMITTED_BY_ME)) == sorted([b.id, c.id])
    assert _ids(lists, WorkList.READY_TO_ISSUE) == [d.id]
    assert _ids(lists, WorkList.ISSUED) == [e.id]
    assert lists[WorkList.AWAITING_MY_SIGNATURE] == ()
    officer2 = reports.my_work_lists(staff["officier2"])
    assert officer2[WorkList.MY_DRAFTS] == ()  # only what one wrote oneself

    lists = reports.my_work_lists(lia)
    assert _ids(lists, WorkList.AWAITING_MY_REVIEW) == [b.id]
    assert _ids(lists, WorkList.ISSUED) == [e.id]
    assert lists[WorkList.MY_DRAFTS] == () and lists[WorkList.READY_TO_ISSUE] == ()
    # What the liaison judged stays findable until it is issued (c, d, mine; e is issued).
    assert sorted(_ids(lists, WorkList.JUDGED_BY_ME)) == sorted([c.id, d.id, mine.id])

    lists = reports.my_work_lists(sig)
    assert sorted(_ids(lists, WorkList.AWAITING_MY_SIGNATURE)) == sorted([c.id, mine.id])
    lists = reports.my_work_lists(dub)
    assert _ids(lists, WorkList.AWAITING_MY_SIGNATURE) == [c.id]  # not its own (four eyes)
    assert _ids(lists, WorkList.SUBMITTED_BY_ME) == [mine.id]
    # Issued list bounded to the most recent ones.
    assert reports.my_work_lists(off, issued_limit=0)[WorkList.ISSUED] == ()


def test_view_tells_what_the_viewer_can_do_next(staff: Staff) -> None:
    off, lia, sig = staff["officier"], staff["liaison"], staff["tekenaar"]
    r = draft(staff)
    assert {ReportAction.REVISE, ReportAction.SUBMIT} <= reports.get_report(
        off, r.id
    ).allowed_actions
    reports.submit_report(off, r.id)
    view = reports.get_report(lia, r.id)
    assert {ReportAction.ANNOTATE, ReportAction.VERDICT_USABLE} <= view.allowed_actions
    assert view.work_lists == frozenset({WorkList.AWAITING_MY_REVIEW})
    reports.give_verdict(lia, r.id, usable=True)
    view = reports.get_report(sig, r.id)
    assert ReportAction.SIGN in view.allowed_actions
    assert view.work_lists == frozenset({WorkList.AWAITING_MY_SIGNATURE})
    assert view.content is not None and view.content.subject == "betrokkene A"


def test_content_warnings_come_back_with_the_version(staff: Staff) -> None:
    old = TEXT_V1.replace(
        "   Betrouwbaarheid: betrouwbaar\n",
        "   Betrouwbaarheid: betrouwbaar\n   Datum gegevens: 2010-01-01\n",
    )
    saved = reports.draft_report(staff["officier"], text=old)
    assert [w.finding for w in saved.warnings] == [1]
    assert "ouder dan 10 jaar" in saved.warnings[0].message
    # Free text has no structure to check, and parses to no content.
    free = reports.draft_report(staff["officier"], text="Vrije tekst zonder opbouw.\n")
    assert free.warnings == () and free.report.title == "Vrije tekst zonder opbouw."
    assert reports.get_report(staff["officier"], free.report.id).content is None


def test_references_count_per_year(staff: Staff, clock: Any) -> None:
    import datetime as dt

    assert draft(staff).reference == "AB-2026-000001"
    assert draft(staff).reference == "AB-2026-000002"
    clock.set(dt.datetime(2027, 1, 4, 9, 0, tzinfo=dt.UTC))
    assert draft(staff).reference == "AB-2027-000001"


def test_tampered_status_is_an_integrity_failure(staff: Staff, workspace: Any) -> None:
    from desktop_app.domain.errors import IntegrityFailure
    from desktop_app.security import recovery
    from desktop_app.security.keyfile import KeyFile
    from desktop_app.storage.db import Database

    r = draft(staff)
    dek = KeyFile.load(workspace.root / "keys.json").recover_dek(
        recovery.parse(workspace.recovery_key)
    )
    db = Database.open(workspace.root / "workspace.db", dek)
    try:
        with db.transaction() as conn:
            conn.execute("UPDATE reports SET status = 'usable' WHERE id = ?", (r.id,))
    finally:
        db.close()
    with pytest.raises(IntegrityFailure):
        reports.sign_report(staff["tekenaar"], r.id, proof=fresh_proof(staff["tekenaar"]))


def test_a_usable_free_text_is_not_signed(staff: Staff, monkeypatch: pytest.MonkeyPatch) -> None:
    """A free text judged usable before the rule (an older workspace) can no longer be signed:
    the signer is told what is missing, and the window's permission says the same."""
    off, lia, sig = staff["officier"], staff["liaison"], staff["tekenaar"]
    with monkeypatch.context() as before_the_rule:
        before_the_rule.setattr(report_rules, "missing_for_issue", lambda text: None)
        r = draft(staff, text="Vrije tekst zonder opbouw.\n")
        reports.submit_report(off, r.id)
        reports.give_verdict(lia, r.id, usable=True)
    err = refused(sig, lambda: reports.sign_report(sig, r.id, proof=fresh_proof(sig)), InvalidState)
    assert str(err).startswith("Het ambtsbericht kan niet worden ondertekend: ")
    assert "niet in de vaste vorm" in str(err)
    view = reports.get_report(sig, r.id)
    assert not view.actions[ReportAction.SIGN].allowed
    assert view.actions[ReportAction.SIGN].reason == str(err)
    assert view.report.status is ReportStatus.USABLE
