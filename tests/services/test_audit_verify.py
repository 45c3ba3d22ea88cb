"""`audit verify` against what a key holder can do with the database key (issue 15 §4):
stored texts and items checked against their recorded hashes and those against the chain;
the chain checked against the heads kept outside the database (the keyring head moved at
sign-out, backup, print and verification; the heads on printed copies); ``report show``
refusing a text that no longer matches its hash."""

from __future__ import annotations

import contextlib
import hashlib
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from support.helpers import ADMIN_PW, keys_path, raw_db

from desktop_app.domain.errors import IntegrityFailure
from desktop_app.domain.reports import text_sha256
from desktop_app.security.keyfile import KeyFile
from desktop_app.security.workstation import (
    AnchoredHead,
    MemorySecretProvider,
    new_secret,
    open_head,
    seal_head,
)
from desktop_app.services import admin, evidence, printing, reports
from desktop_app.services.audit import AuditReport, record_head, verify_audit
from desktop_app.services.session import Environment
from desktop_app.services.workspace import DB_NAME, open_session
from desktop_app.storage import audit
from desktop_app.storage.db import Database
from tests.services.test_printing_support import (
    make_report,
    password,
    ws_with_print_staff,  # noqa: F401
)


def _verify(ws: Any, env: Environment | None = None, anchor: str | None = None) -> AuditReport:
    with open_session(env or ws.env, ws.root, "beheer", ADMIN_PW) as s:
        return verify_audit(s, anchor)


def _keyfile(ws: Any) -> KeyFile:
    return KeyFile.load(keys_path(ws.root))


def _keyring_head(ws: Any) -> AnchoredHead | None:
    kf = _keyfile(ws)
    text = ws.env.provider.load_head(kf.binding_id)
    if text is None:
        return None
    secret = ws.env.provider.load(kf.binding_id)
    return open_head(secret, text, workspace_id=kf.workspace_id, binding_id=kf.binding_id)


def _chain_head(ws: Any) -> tuple[int, str]:
    with raw_db(ws.root, ws.recovery_key) as db, db.reading() as conn:
        return audit.head(conn)


def _drop_triggers(db: Database) -> None:
    """What a key holder does first (e.g. in the sqlcipher shell)."""
    with db.transaction() as conn:
        names = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='trigger'")]
        for name in names:
            conn.execute(f'DROP TRIGGER "{name}"')


@contextlib.contextmanager
def _as_key_holder(ws: Any) -> Iterator[Database]:
    """The database as someone holding its key can change it: opened directly, triggers gone."""
    with raw_db(ws.root, ws.recovery_key) as db:
        _drop_triggers(db)
        yield db


def _key_holder_executes(ws: Any, sql: str, params: tuple[Any, ...]) -> None:
    """One statement run ``_as_key_holder`` and committed."""
    with _as_key_holder(ws) as db, db.transaction() as conn:
        conn.execute(sql, params)


def _recompute_chain(db: Database, from_seq: int) -> None:
    """Re-hash every entry from ``from_seq`` on, so the chain is consistent again."""
    with db.transaction() as conn:
        prev = audit.hash_at(conn, from_seq - 1)
        rows = conn.execute(
            "SELECT seq, ts_utc, actor, action, object, result, origin, details FROM audit"
            " WHERE seq >= ? ORDER BY seq",
            (from_seq,),
        ).fetchall()
        for seq, ts, actor, action, obj, result, origin, details in rows:
            digest = audit.entry_hash(seq, ts, actor, action, obj, result, origin, details, prev)
            conn.execute(
                "UPDATE audit SET prev_hash = ?, hash = ? WHERE seq = ?", (prev, digest, seq)
            )
            prev = digest


def _fresh_env_with_secret(ws: Any) -> Environment:
    """A keyring holding W but no audit head: what a key holder who also controls the
    keyring can make (or the keyring after the head entry was deleted)."""
    binding = _keyfile(ws).binding_id
    provider = MemorySecretProvider()
    secret = ws.env.provider.load(binding)
    assert secret is not None
    provider.store(binding, secret)
    return Environment(provider=provider, clock=ws.env.clock, origin="test")


def _edit_signed_text(ws: Any, rid: int, *, rehash: bool) -> None:
    with _as_key_holder(ws) as db, db.transaction() as conn:
        (version,) = conn.execute(
            "SELECT signed_version FROM reports WHERE id = ?", (rid,)
        ).fetchone()
        (text,) = conn.execute(
            "SELECT text FROM report_versions WHERE report_id = ? AND version = ?",
            (rid, version),
        ).fetchone()
        changed = text.replace("aanleiding geven tot zorg", "geen aanleiding geven tot zorg")
        assert changed != text
        conn.execute(
            "UPDATE report_versions SET text = ?, text_length = ? WHERE report_id = ?"
            " AND version = ?",
            (changed, len(changed), rid, version),
        )
        if rehash:
            new = text_sha256(changed)
            conn.execute(
                "UPDATE report_versions SET text_sha256 = ? WHERE report_id = ? AND version = ?",
                (new, rid, version),
            )
            conn.execute("UPDATE reports SET text_sha256 = ? WHERE id = ?", (new, rid))


def _reference(ws: Any, rid: int) -> str:
    with raw_db(ws.root, ws.recovery_key) as db, db.reading() as conn:
        return str(conn.execute("SELECT reference FROM reports WHERE id = ?", (rid,)).fetchone()[0])


# --- signed texts -------------------------------------------------------------------------------


def test_signed_text_changed_in_the_database_fails_verify_and_is_not_shown(ws: Any) -> None:
    rid = make_report(ws, upto="issued")
    assert _verify(ws).ok
    _edit_signed_text(ws, rid, rehash=False)

    report = _verify(ws)
    assert report.chain.ok  # the chain itself is untouched
    assert not report.ok
    reference = _reference(ws, rid)
    assert reference in report.content_problems[0]
    assert "klopt niet met de vastgelegde hash" in report.content_problems[0]
    assert report.problem is not None and report.problem.startswith("Gewijzigde inhoud")

    for name in ("officier", "tekenaar", "liaison"):
        with (
            ws.session(name, password(name)) as s,
            pytest.raises(IntegrityFailure, match="vastgelegde hash"),
        ):
            reports.get_report(s, rid)
    # Each refusal is on record (result=denied, code integrity), nothing was shown.
    with raw_db(ws.root, ws.recovery_key) as db, db.reading() as conn:
        views = conn.execute(
            "SELECT actor, result, details FROM audit WHERE action = 'report.view'"
            " AND seq > (SELECT max(seq) FROM audit WHERE action = 'audit.verify')"
        ).fetchall()
    assert [(a, r, json.loads(d)["code"]) for a, r, d in views] == [
        ("officier", "denied", "integrity"),
        ("tekenaar", "denied", "integrity"),
        ("liaison", "denied", "integrity"),
    ]


def test_signed_text_rewritten_with_every_hash_beside_it_fails_against_the_chain(
    ws: Any,
) -> None:
    rid = make_report(ws, upto="signed")
    _edit_signed_text(ws, rid, rehash=True)
    report = _verify(ws)
    assert report.chain.ok and not report.ok
    assert any(
        _reference(ws, rid) in p and "wijkt af van wat de audittrail vastlegde" in p
        for p in report.content_problems
    )


def test_unsigning_a_report_in_the_database_is_found(ws: Any) -> None:
    """Resetting a signed report to draft (to change its text) leaves the chain's signing."""
    rid = make_report(ws, upto="signed")
    _key_holder_executes(
        ws,
        "UPDATE reports SET status = 'draft', signed_version = NULL, text_sha256 = NULL,"
        " signed_by = NULL, signed_at = NULL WHERE id = ?",
        (rid,),
    )
    report = _verify(ws)
    assert not report.ok
    assert any("ondertekening wijkt af" in p for p in report.content_problems)


def test_signed_report_without_its_signing_in_the_chain_is_found(ws: Any) -> None:
    rid = make_report(ws, upto="usable")
    with _as_key_holder(ws) as db, db.transaction() as conn:
        (version,) = conn.execute(
            "SELECT current_version FROM reports WHERE id = ?", (rid,)
        ).fetchone()
        (sha,) = conn.execute(
            "SELECT text_sha256 FROM report_versions WHERE report_id = ? AND version = ?",
            (rid, version),
        ).fetchone()
        conn.execute(
            "UPDATE reports SET status = 'signed', signed_version = ?, text_sha256 = ?"
            " WHERE id = ?",
            (version, sha, rid),
        )
    report = _verify(ws)
    assert not report.ok
    assert any("staat niet in de audittrail" in p for p in report.content_problems)


def test_an_unsigned_version_changed_in_place_is_found(ws: Any) -> None:
    rid = make_report(ws, upto="draft")
    _key_holder_executes(
        ws,
        "UPDATE report_versions SET text = text || 'x', text_length = text_length + 1"
        " WHERE report_id = ?",
        (rid,),
    )
    report = _verify(ws)
    assert not report.ok and "versie 1" in report.content_problems[0]
    with ws.session("officier", password("officier")) as s:
        with pytest.raises(IntegrityFailure):
            reports.get_report(s, rid)
        reports.revise_report(s, rid, text="Versie twee.")
        assert reports.get_report(s, rid).version == 2  # the intact version is shown
        with pytest.raises(IntegrityFailure):
            reports.diff_report(s, rid, 1, 2)


# --- underlying data --------------------------------------------------------------------------


@pytest.mark.parametrize("rehash", [False, True])
def test_evidence_changed_in_the_database_fails_verify(ws: Any, rehash: bool) -> None:
    rid = make_report(ws, upto="draft")
    with ws.session("officier", password("officier")) as s:
        item = evidence.add_evidence(
            s, rid, source=b"Notitie: bron A is betrouwbaar.\n", title="Notitie"
        )
    assert _verify(ws).ok
    forged = b"Notitie: bron A is onbetrouwbaar\n"
    with _as_key_holder(ws) as db, db.transaction() as conn:
        conn.execute(
            "UPDATE evidence_chunks SET data = ? WHERE item_id = ?", (forged, int(item.id))
        )
        if rehash:
            conn.execute(
                "UPDATE evidence_items SET sha256 = ?, size_bytes = ? WHERE id = ?",
                (hashlib.sha256(forged).hexdigest(), len(forged), int(item.id)),
            )
    report = _verify(ws)
    assert report.chain.ok and not report.ok
    expected = "wijkt af van wat de audittrail" if rehash else "klopt niet met de vastgelegde"
    assert len(report.content_problems) == 1
    assert f"onderliggend gegeven {int(item.id)}" in report.content_problems[0]
    assert expected in report.content_problems[0]


def test_untouched_workspace_with_texts_items_and_prints_verifies(ws: Any) -> None:
    rid = make_report(ws, upto="signed")
    with ws.session("officier", password("officier")) as s:
        evidence.add_evidence(s, rid, source=b"x" * 3_000_000, title="Groot")
    with ws.session("tekenaar", password("tekenaar")) as s:
        printing.print_report(s, rid, copies=2)
    report = _verify(ws)
    assert report.ok, report.problem
    assert report.content_problems == () and report.printed_heads == 1
    assert report.keyring_head is not None


# --- the head kept in the keyring ------------------------------------------------------------


def test_sign_out_anchors_the_head_in_the_keyring_after_commit(ws: Any) -> None:
    seen: list[tuple[int, str | None]] = []
    provider = ws.env.provider
    real_store = provider.store_head

    def spy(binding: str, value: str) -> None:
        head = json.loads(value)
        # Another connection sees the entry already: the head is written after COMMIT.
        with raw_db(ws.root, ws.recovery_key) as db, db.reading() as conn:
            seen.append((head["seq"], audit.hash_at(conn, head["seq"])))
        assert seen[-1][1] == head["hash"]
        real_store(binding, value)

    provider.store_head = spy
    with ws.session("officier", password("officier")):
        pass
    assert len(seen) == 1
    head = _keyring_head(ws)
    assert head is not None and (head.seq, head.hash) == _chain_head(ws)


def test_a_keyring_that_cannot_store_the_head_does_not_stop_the_sign_out(ws: Any) -> None:
    from desktop_app.domain.errors import WrongWorkstation

    before = _keyring_head(ws)

    def broken(binding: str, value: str) -> None:
        raise WrongWorkstation("kapot")

    ws.env.provider.store_head = broken
    with ws.session("officier", password("officier")) as s:
        reports.draft_report(s, text="Een tekst.")
    assert _keyring_head(ws) == before
    seq, _ = _chain_head(ws)
    assert before is None or seq > before.seq  # committed all the same


def test_chain_rewritten_after_an_edit_fails_against_the_keyring_head(ws: Any) -> None:
    make_report(ws, upto="signed")
    assert _verify(ws).ok
    head = _keyring_head(ws)
    assert head is not None and (head.seq, head.hash) == _chain_head(ws)
    with _as_key_holder(ws) as db:
        with db.transaction() as conn:
            conn.execute("UPDATE audit SET actor = 'iemand-anders' WHERE seq = 5")
        _recompute_chain(db, 5)
    # Without anything kept outside, the rewritten chain is consistent ...
    assert _verify(ws, _fresh_env_with_secret(ws)).chain.ok
    # ... but not with the head anchored in the keyring.
    report = _verify(ws)
    assert not report.ok and report.chain.bad_seq == head.seq
    assert report.chain.reason == f"vermelding {head.seq} wijkt af van de kop in de sleutelring"
    # A later sign-out does not anchor the rewritten chain over the evidence.
    with ws.session("officier", password("officier")):
        pass
    assert _keyring_head(ws) == head


def test_truncation_fails_against_the_keyring_head_and_the_head_stays(ws: Any) -> None:
    make_report(ws, upto="usable")
    with ws.session("beheer"):
        pass
    head = _keyring_head(ws)
    assert head is not None
    _key_holder_executes(ws, "DELETE FROM audit WHERE seq > ?", (head.seq - 3,))
    report = _verify(ws)
    assert not report.ok and report.chain.ok is False
    assert f"korter dan de kop in de sleutelring ({head.seq})" in report.chain.reason
    # The log grows again past the old head: the entry at the head's seq differs now.
    for _ in range(3):
        with ws.session("officier", password("officier")):
            pass
    again = _verify(ws)
    assert not again.ok and "wijkt af van de kop in de sleutelring" in again.chain.reason
    assert _keyring_head(ws) == head


def test_a_whole_older_database_copied_back_is_found(ws: Any, tmp_path: Path) -> None:
    """Rolling the database file back to an older copy (with its -wal) also cuts the log."""
    import shutil

    old = tmp_path / "old"
    old.mkdir()
    with ws.session("beheer"):
        pass
    for p in ws.root.iterdir():
        if p.name.startswith(DB_NAME):  # the database with its -wal and -shm
            shutil.copy2(p, old / p.name)
    assert (old / DB_NAME).exists()
    make_report(ws, upto="usable")
    for p in old.iterdir():
        shutil.copy2(p, ws.root / p.name)
    report = _verify(ws)
    assert not report.ok and "kop in de sleutelring" in report.chain.reason


@pytest.mark.parametrize("forged", ["not json", "w-other"])
def test_a_forged_keyring_head_is_refused_and_left_alone(ws: Any, forged: str) -> None:
    kf = _keyfile(ws)
    if forged == "w-other":
        # Made without W: a key holder who can write the keyring entry but not read W.
        seq, digest = 1, "a" * 64
        value = seal_head(
            new_secret(),
            workspace_id=kf.workspace_id,
            binding_id=kf.binding_id,
            head=AnchoredHead(seq, digest, "2026-11-02T09:00:00+00:00"),
        )
    else:
        value = forged
    ws.env.provider.store_head(kf.binding_id, value)
    report = _verify(ws)
    assert not report.ok and report.keyring_problem is not None
    assert "vervalst of beschadigd" in (report.problem or "")
    assert ws.env.provider.load_head(kf.binding_id) == value  # kept as evidence


def test_a_head_from_another_workspace_does_not_verify(ws: Any) -> None:
    kf = _keyfile(ws)
    secret = ws.env.provider.load(kf.binding_id)
    head = AnchoredHead(1, "b" * 64, "2026-11-02T09:00:00+00:00")
    value = seal_head(secret, workspace_id="ander", binding_id=kf.binding_id, head=head)
    ws.env.provider.store_head(kf.binding_id, value)
    assert _verify(ws).keyring_problem is not None


def test_backup_and_print_move_the_keyring_head(ws: Any, tmp_path: Path) -> None:
    rid = make_report(ws, upto="signed")
    with ws.session("beheer") as s:
        admin.make_backup(s, tmp_path / "a.backup")
        after_backup = _keyring_head(ws)
        assert after_backup is not None
        assert (after_backup.seq, after_backup.hash) == _chain_head(ws)
    with ws.session("tekenaar", password("tekenaar")) as s:
        printing.print_report(s, rid, copies=1)
        after_print = _keyring_head(ws)
        assert after_print is not None and after_print.seq > after_backup.seq
        assert (after_print.seq, after_print.hash) == _chain_head(ws)


def test_record_head_never_moves_backwards(ws: Any) -> None:
    with ws.session("beheer") as s:
        first = record_head(s)
        assert first is not None
        assert record_head(s) == first  # nothing new: the stored head stays as it is


# --- heads on printed copies -----------------------------------------------------------------


def test_chain_rewritten_before_a_print_fails_against_the_printed_head(ws: Any) -> None:
    rid = make_report(ws, upto="signed")
    with ws.session("tekenaar", password("tekenaar")) as s:
        job = printing.print_report(s, rid, copies=1)
    printed_seq = int(job.audit_head.split(":")[0])
    with _as_key_holder(ws) as db:
        with db.transaction() as conn:
            conn.execute("UPDATE audit SET origin = 'elders' WHERE seq = 3")
        _recompute_chain(db, 3)
    # Even with the keyring's head gone, the register's copy of the printed head catches it;
    report = _verify(ws, _fresh_env_with_secret(ws))
    assert not report.ok and report.chain.bad_seq == printed_seq
    assert f"het anker op afdruk {job.job_id}" in report.chain.reason
    # and so does the head read off the paper, given by hand.
    assert "het anker" in _verify(ws, _fresh_env_with_secret(ws), job.audit_head).chain.reason


def test_cli_audit_verify_reports_changed_content_with_exit_4(ws: Any, cli: Any) -> None:
    rid = make_report(ws, upto="signed")
    _edit_signed_text(ws, rid, rehash=False)
    args = ["--json", "--data-dir", str(ws.root), "--user", "beheer", "--password-stdin"]
    result = cli(*args, "audit", "verify", stdin=ADMIN_PW + "\n")
    assert result.code == 4
    payload = result.json
    assert payload["ok"] is False and payload["error"]["code"] == "integrity"
    assert payload["first_bad"] is None  # the chain is fine; the content is not
    assert _reference(ws, rid) in payload["reason"]
    assert payload["content_problems"] and payload["keyring_head"] is not None
    shown = cli(
        "--json",
        "--data-dir",
        str(ws.root),
        "--user",
        "officier",
        "--password-stdin",
        "report",
        "show",
        str(rid),
        stdin=password("officier") + "\n",
    )
    assert shown.code == 4 and shown.json["error"]["code"] == "integrity"


@pytest.mark.parametrize("table", ["reports", "evidence_items"])
def test_a_lowered_classification_is_found(ws: Any, table: str) -> None:
    """Signing fixes a report's level, adding fixes an item's; a lower level set in the
    database would open them to readers with less clearance."""
    rid = make_report(ws, upto="signed")
    with ws.session("officier", password("officier")) as s:
        item = evidence.add_evidence(s, rid, source=b"Notitie.\n", title="Notitie")
    ident = rid if table == "reports" else int(item.id)
    _key_holder_executes(ws, f"UPDATE {table} SET classification = 0 WHERE id = ?", (ident,))
    report = _verify(ws)
    assert not report.ok
    assert len(report.content_problems) == 1
    assert "rubricering wijkt af" in report.content_problems[0]
    assert "stg_geheim" in report.content_problems[0]


def test_an_unsigned_version_rewritten_with_its_hash_fails_against_the_chain(ws: Any) -> None:
    """Drafting and revising record each version's hash in the chain."""
    rid = make_report(ws, upto="draft")
    with ws.session("officier", password("officier")) as s:
        reports.revise_report(s, rid, text="Versie twee.")
    with _as_key_holder(ws) as db, db.transaction() as conn:
        for version, text in [(1, "Vervalst een."), (2, "Vervalst twee.")]:
            conn.execute(
                "UPDATE report_versions SET text = ?, text_length = ?, text_sha256 = ?"
                " WHERE report_id = ? AND version = ?",
                (text, len(text), text_sha256(text), rid, version),
            )
    report = _verify(ws)
    assert not report.ok
    assert [p.split(":")[0] for p in report.content_problems] == [
        f"ambtsbericht {_reference(ws, rid)}, versie 1",
        f"ambtsbericht {_reference(ws, rid)}, versie 2",
    ]
    assert all("wijkt af van wat de audittrail vastlegde" in p for p in report.content_problems)


def test_a_copy_added_to_the_print_register_is_found(ws: Any) -> None:
    """A key holder who registers a forged file (so that ``report verify`` calls it
    registered) disagrees with the print's audit entry."""
    rid = make_report(ws, upto="signed")
    with ws.session("tekenaar", password("tekenaar")) as s:
        job = printing.print_report(s, rid, copies=1)
    assert _verify(ws).ok
    _key_holder_executes(
        ws,
        "INSERT INTO print_copies (job_id, copy_number, sha256) VALUES (?, 2, ?)",
        (job.job_id, "c" * 64),
    )
    report = _verify(ws)
    assert not report.ok and report.chain.ok
    assert report.content_problems == (
        f"afdruk {job.job_id} van ambtsbericht {_reference(ws, rid)}: het afdrukregister wijkt "
        "af van wat de audittrail vastlegde",
    )
