"""Report storage: versions, history, annotations, verdicts and corrections are immutable by
trigger (also against direct SQL); a signed report is frozen; bulk loading for work lists."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
import sqlcipher3

from desktop_app.domain.classification import Classification
from desktop_app.domain.ids import ReportId, UserId
from desktop_app.domain.reports import ReportAction, ReportEvent, ReportStatus, text_sha256
from desktop_app.domain.roles import Role
from desktop_app.storage import reports as repo
from desktop_app.storage import users
from desktop_app.storage.db import Database

T0 = dt.datetime(2026, 11, 2, 9, 0, tzinfo=dt.UTC)


@pytest.fixture
def people(store: Database) -> dict[str, UserId]:
    with store.transaction() as conn:
        return {
            name: users.insert(
                conn,
                name,
                name.title(),
                frozenset({role}),
                Classification.STG_GEHEIM,
                T0.isoformat(),
            )
            for name, role in (
                ("officier", Role.AIVD_OFFICER),
                ("tekenaar", Role.AIVD_SIGNER),
                ("liaison", Role.IND_LIAISON),
            )
        }


def _new_report(
    store: Database,
    author: UserId,
    *,
    text: str = "Tekst versie 1.\n",
    classification: Classification = Classification.STG_CONFIDENTIEEL,
) -> ReportId:
    with store.transaction() as conn:
        rid = repo.insert_report(
            conn,
            reference=repo.next_reference(conn, 2026),
            request_id=None,
            title="Titel",
            classification=classification,
            created_by=author,
            at=T0,
        )
        repo.insert_version(
            conn, rid, version=1, text=text, text_sha256=text_sha256(text), author_id=author, at=T0
        )
        repo.append_event(conn, rid, ReportEvent(ReportAction.CREATE, author, 1, T0))
        repo.set_state(conn, rid, status=ReportStatus.DRAFT, current_version=1, at=T0)
    return rid


def _refused(store: Database, sql: str, *params: Any) -> None:
    with pytest.raises(sqlcipher3.IntegrityError), store.transaction() as conn:
        conn.execute(sql, params)


def test_versions_are_immutable(store: Database, people: dict[str, UserId]) -> None:
    rid = _new_report(store, people["officier"])
    _refused(store, "UPDATE report_versions SET text = 'anders' WHERE report_id = ?", rid)
    _refused(store, "UPDATE report_versions SET text_sha256 = 'x' WHERE report_id = ?", rid)
    _refused(
        store,
        "UPDATE report_versions SET author_id = ? WHERE report_id = ?",
        people["liaison"],
        rid,
    )
    _refused(store, "UPDATE report_versions SET version = 2 WHERE report_id = ?", rid)
    _refused(store, "DELETE FROM report_versions WHERE report_id = ?", rid)
    _refused(
        store,
        "INSERT OR REPLACE INTO report_versions (report_id, version, text,"
        " text_sha256, text_length, author_id, created_at) VALUES (?, 1, 'x', 'x', 1, ?,"
        " 'x')",
        rid,
        people["officier"],
    )
    _refused(store, "UPDATE report_versions SET text_length = 3 WHERE report_id = ?", rid)
    with store.reading() as conn:
        assert repo.version_text(conn, rid, 1) == "Tekst versie 1.\n"
    # Submitting stamps the version once; a second stamp is refused.
    with store.transaction() as conn:
        repo.mark_submitted(conn, rid, 1, T0)
    _refused(store, "UPDATE report_versions SET submitted_at = 'later' WHERE report_id = ?", rid)


def test_history_annotations_verdicts_corrections_are_append_only(
    store: Database, people: dict[str, UserId]
) -> None:
    rid = _new_report(store, people["officier"])
    with store.transaction() as conn:
        repo.insert_annotation(
            conn,
            rid,
            version=1,
            start=0,
            end=5,
            quote="Tekst",
            comment="Opmerking",
            author_id=people["liaison"],
            at=T0,
        )
        repo.insert_verdict(
            conn, rid, version=1, verdict="usable", comment=None, author_id=people["liaison"], at=T0
        )
        repo.insert_correction(
            conn, rid, text="Onjuist.", author_id=people["officier"], at=T0, provision_id=None
        )
    for table in ("report_events", "report_annotations", "report_verdicts", "report_corrections"):
        _refused(store, f"UPDATE {table} SET report_id = report_id WHERE report_id = ?", rid)
        _refused(store, f"DELETE FROM {table} WHERE report_id = ?", rid)
    _refused(store, "DELETE FROM reports WHERE id = ?", rid)
    # An annotation must point at an existing version, a verdict must be a known one.
    _refused(
        store,
        "INSERT INTO report_annotations (report_id, version, start_pos, end_pos,"
        " quote, comment, author_id, created_at) VALUES (?, 9, 0, 1, 'T', 'c', ?, 'x')",
        rid,
        people["liaison"],
    )
    _refused(
        store,
        "INSERT INTO report_verdicts (report_id, version, verdict, author_id,"
        " created_at) VALUES (?, 1, 'misschien', ?, 'x')",
        rid,
        people["liaison"],
    )


def test_a_signed_report_is_frozen(store: Database, people: dict[str, UserId]) -> None:
    rid = _new_report(store, people["officier"])
    text = "Tekst versie 1.\n"
    with store.transaction() as conn:
        repo.mark_signed(
            conn,
            rid,
            version=1,
            text_sha256=text_sha256(text),
            classification=Classification.STG_GEHEIM,
            signed_by=people["tekenaar"],
            at=T0,
        )
    for column, value in (
        ("text_sha256", "0" * 64),
        ("signed_version", 2),
        ("classification", 4),
        ("title", "Nieuw"),
        ("current_version", 2),
        ("signed_by", people["officier"]),
        ("signed_at", "nu"),
    ):
        _refused(store, f"UPDATE reports SET {column} = ? WHERE id = ?", value, rid)
    insert_v2 = (
        "INSERT INTO report_versions (report_id, version, text, text_sha256,"
        " text_length, author_id, created_at) VALUES (?, 2, 'x', 'x', 1, ?, 'x')"
    )
    _refused(store, insert_v2, rid, people["officier"])
    # (The same insert is fine on a report that is not signed: the trigger refused it above.)
    other = _new_report(store, people["officier"])
    with store.transaction() as conn:
        conn.execute(insert_v2, (other, people["officier"]))
    # Issuing still works.
    with store.transaction() as conn:
        repo.mark_issued(conn, rid, issued_by=people["officier"], at=T0)
        row = repo.get(conn, rid)
    assert row is not None and row.status is ReportStatus.ISSUED
    assert row.text_sha256 == text_sha256(text) and row.signed_by == people["tekenaar"]


def test_references_history_and_involvement(store: Database, people: dict[str, UserId]) -> None:
    a = _new_report(store, people["officier"])
    b = _new_report(store, people["officier"])
    with store.transaction() as conn:
        assert [repo.get(conn, x).reference for x in (a, b)] == [  # type: ignore[union-attr]
            "AB-2026-000001",
            "AB-2026-000002",
        ]
        assert repo.next_reference(conn, 2027) == "AB-2027-000001"
        later = T0 + dt.timedelta(hours=1)
        repo.append_event(conn, a, ReportEvent(ReportAction.SUBMIT, people["officier"], 1, later))
        repo.append_event(conn, a, ReportEvent(ReportAction.ANNOTATE, people["liaison"], 1, later))
    with store.reading() as conn:
        history = repo.history(conn, a)
        assert [e.kind for e in history] == [
            ReportAction.CREATE,
            ReportAction.SUBMIT,
            ReportAction.ANNOTATE,
        ]
        assert history[1].at == later
        assert repo.involved_users(conn, a) == {people["officier"], people["liaison"]}
        assert repo.involved_users(conn, b) == {people["officier"]}
        assert repo.involved_users(conn, 999) == frozenset()


def test_candidates_load_reports_and_histories_in_bulk(
    store: Database, people: dict[str, UserId]
) -> None:
    low = _new_report(store, people["officier"])
    high = _new_report(store, people["officier"], classification=Classification.STG_GEHEIM)
    with store.reading() as conn:
        rows, histories = repo.candidates(
            conn, max_classification=Classification.STG_CONFIDENTIEEL, statuses=[ReportStatus.DRAFT]
        )
        assert [r.id for r in rows] == [low]
        assert [e.kind for e in histories[low]] == [ReportAction.CREATE]
        rows, histories = repo.candidates(
            conn, max_classification=Classification.STG_GEHEIM, statuses=[ReportStatus.DRAFT]
        )
        assert {r.id for r in rows} == {low, high} and set(histories) == {low, high}
        rows, _ = repo.candidates(
            conn, max_classification=Classification.STG_GEHEIM, statuses=[ReportStatus.ISSUED]
        )
        assert rows == []
        rows, _ = repo.candidates(conn, max_classification=Classification.STG_GEHEIM, statuses=[])
        assert rows == []


def test_count_issued_between_counts_by_the_day_of_issue(
    store: Database, people: dict[str, UserId]
) -> None:
    issued = [T0, T0 + dt.timedelta(days=1), T0 + dt.timedelta(days=40)]
    for when in issued:
        rid = _new_report(store, people["officier"])
        with store.transaction() as conn:
            repo.mark_issued(conn, rid, issued_by=people["tekenaar"], at=when)
    _new_report(store, people["officier"])  # never issued
    with store.reading() as conn:
        day = T0.date()
        assert repo.count_issued_between(conn, day, day) == 1
        assert repo.count_issued_between(conn, day, day + dt.timedelta(days=1)) == 2
        assert repo.count_issued_between(conn, day, day + dt.timedelta(days=40)) == 3
        assert (
            repo.count_issued_between(conn, day - dt.timedelta(days=9), day - dt.timedelta(1)) == 0
        )
