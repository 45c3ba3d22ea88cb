"""AUD-2..7 and AUD-9: the hash-chained, append-only audit log and its verifier."""

from __future__ import annotations

import datetime as dt
import json
import time
from typing import Any

import pytest
import sqlcipher3
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from support.helpers import AUDIT_COLUMNS

from desktop_app.storage import audit
from desktop_app.storage.db import Database

T0 = dt.datetime(2026, 11, 2, 9, 0, tzinfo=dt.UTC)
COLUMNS = list(AUDIT_COLUMNS[1:])  # all but seq, the key


def fill(db: Database, n: int, start: int = 0) -> None:
    with db.transaction() as conn:
        for i in range(start, start + n):
            audit.append(
                conn,
                when=T0 + dt.timedelta(seconds=i),
                actor=f"gebruiker{i % 7}",
                action="test.action",
                obj=f"item:{i}",
                origin="test@00000000",
                details={"i": i},
            )


def drop_triggers(db: Database) -> None:
    """What an attacker holding the DEK does first (e.g. with the sqlcipher shell)."""
    with db.transaction() as conn:
        conn.execute("DROP TRIGGER audit_append_only_update")
        conn.execute("DROP TRIGGER audit_append_only_delete")


def verdict(db: Database, anchor: tuple[int, str] | None = None) -> audit.ChainVerdict:
    with db.reading() as conn:
        return audit.verify(conn, anchor)


def row(db: Database, seq: int) -> tuple[Any, ...]:
    with db.reading() as conn:
        return tuple(
            conn.execute(f"SELECT {', '.join(COLUMNS)} FROM audit WHERE seq = ?", (seq,)).fetchone()
        )


# --- AUD-2 -------------------------------------------------------------------------------------


def test_aud2_ten_thousand_entries_verify(store: Database, record_property: Any) -> None:
    start = time.perf_counter()
    fill(store, 10_000)
    written = time.perf_counter() - start
    start = time.perf_counter()
    result = verdict(store)
    checked = time.perf_counter() - start
    record_property("aud2_write_s", round(written, 3))
    record_property("aud2_verify_s", round(checked, 3))
    print(f"\nAUD-2: wrote 10000 entries in {written:.2f} s, verified in {checked:.2f} s")
    assert result.ok and result.entries == 10_000 and result.head_seq == 10_000
    assert result.head == f"10000:{row(store, 10_000)[-1]}"
    assert checked < 5


def test_empty_log_verifies(store: Database) -> None:
    result = verdict(store)
    assert result.ok and result.entries == 0 and result.head_hash == audit.GENESIS


# --- AUD-3: edit one field of row k -----------------------------------------------------------


@pytest.mark.parametrize("column", COLUMNS)
def test_aud3_edited_field_fails_at_that_seq(store: Database, column: str) -> None:
    fill(store, 30)
    drop_triggers(store)
    k = 17
    old = row(store, k)[COLUMNS.index(column)]
    new = {
        "ts_utc": "2026-11-02T09:00:17.000001+00:00",
        "details": json.dumps({"i": 999}),
        "prev_hash": "f" * 64,
        "hash": "e" * 64,
    }.get(column, f"{old}x")
    with store.transaction() as conn:
        conn.execute(f"UPDATE audit SET {column} = ? WHERE seq = ?", (new, k))
    result = verdict(store)
    assert not result.ok
    assert result.bad_seq == k
    assert result.entries == k - 1


# --- AUD-4: delete a middle row -------------------------------------------------------------


def test_aud4_deleted_middle_row_fails_at_the_gap(store: Database) -> None:
    fill(store, 30)
    drop_triggers(store)
    with store.transaction() as conn:
        conn.execute("DELETE FROM audit WHERE seq = 12")
    result = verdict(store)
    assert not result.ok and result.bad_seq == 12 and "ontbreekt" in result.reason


def test_aud4_deleted_and_renumbered_fails(store: Database) -> None:
    fill(store, 30)
    drop_triggers(store)
    with store.transaction() as conn:
        conn.execute("DELETE FROM audit WHERE seq = 12")
        conn.execute("UPDATE audit SET seq = seq - 1 WHERE seq > 12")
    result = verdict(store)
    assert not result.ok and result.bad_seq == 12


# --- AUD-5: truncation --------------------------------------------------------------------------


@pytest.mark.parametrize("m", [1, 5, 29])
def test_aud5_truncation_passes_alone_but_fails_against_anchor(store: Database, m: int) -> None:
    fill(store, 30)
    anchor_verdict = verdict(store)
    anchor = (anchor_verdict.head_seq, anchor_verdict.head_hash)
    assert verdict(store, anchor).ok
    drop_triggers(store)
    with store.transaction() as conn:
        conn.execute("DELETE FROM audit WHERE seq > ?", (30 - m,))
    alone = verdict(store)
    assert alone.ok and alone.entries == 30 - m
    anchored = verdict(store, anchor)
    assert not anchored.ok and "korter" in anchored.reason
    # Regrowing the log past the anchor does not help: the entry at the anchor differs.
    fill(store, m + 3, start=1000)
    regrown = verdict(store, anchor)
    assert not regrown.ok and regrown.bad_seq == 30


def test_aud5_anchor_parsing() -> None:
    assert audit.parse_anchor("12:" + "a" * 64) == (12, "a" * 64)
    for bad in [
        "",
        "12",
        "12:",
        "x:" + "a" * 64,
        "12:" + "A" * 64,
        "12:" + "a" * 63,
        "-1:" + "a" * 64,
    ]:
        with pytest.raises(ValueError):
            audit.parse_anchor(bad)


def test_aud5_every_anchor_is_checked_and_the_failing_one_is_named(store: Database) -> None:
    fill(store, 30)
    h10, h20 = row(store, 10)[-1], row(store, 20)[-1]
    anchors = [
        audit.Anchor(10, h10, "het anker op afdruk 1 (AB-1)"),
        audit.Anchor(20, h20, "de kop in de sleutelring"),
        audit.Anchor(0, audit.GENESIS, "het begin"),
    ]
    with store.reading() as conn:
        assert audit.verify(conn, anchors=anchors).ok
        wrong = audit.verify(conn, anchors=[*anchors, audit.Anchor(25, "f" * 64, "papier")])
        assert not wrong.ok and wrong.bad_seq == 25
        assert wrong.reason == "vermelding 25 wijkt af van papier"
        genesis = audit.verify(conn, anchors=[audit.Anchor(0, "f" * 64, "papier")])
        assert not genesis.ok and "wijkt af van papier" in genesis.reason
    drop_triggers(store)
    with store.transaction() as conn:
        conn.execute("DELETE FROM audit WHERE seq > 15")
    with store.reading() as conn:
        short = audit.verify(conn, anchors=anchors)
    # The furthest anchor beyond the end is named.
    assert not short.ok and short.reason == (
        "het logboek is korter dan de kop in de sleutelring (20)"
    )


def test_recorded_hashes_come_only_from_entries_before_a_break(store: Database) -> None:
    with store.transaction() as conn:
        for i, action in enumerate(["report.sign", "evidence.add", "report.sign"], start=1):
            audit.append(
                conn,
                when=T0,
                actor="x",
                action=action,
                obj=f"{'evidence' if action == 'evidence.add' else 'report'}:{i}",
                details={
                    "version": 2,
                    "text_sha256": "a" * 64,
                    "sha256": "b" * 64,
                    "size_bytes": 7,
                    "classification": "stg_geheim",
                },
            )
        audit.append(
            conn, when=T0, actor="x", action="report.sign", obj="report:9", result="denied"
        )
    recorded = audit.RecordedHashes()
    with store.reading() as conn:
        assert audit.verify(conn, recorded=recorded).ok
    assert set(recorded.signed) == {1, 3} and recorded.signed[1].version == 2
    assert recorded.signed[1].classification == "stg_geheim"
    assert recorded.evidence == {2: audit.Recorded("b" * 64, size=7, classification="stg_geheim")}
    assert recorded.versions == {(1, 2): "a" * 64, (3, 2): "a" * 64}
    drop_triggers(store)
    with store.transaction() as conn:
        conn.execute("UPDATE audit SET actor = 'y' WHERE seq = 2")
    after_break = audit.RecordedHashes()
    with store.reading() as conn:
        assert audit.verify(conn, recorded=after_break).bad_seq == 2
    assert set(after_break.signed) == {1} and after_break.evidence == {}


def test_hash_at(store: Database) -> None:
    fill(store, 3)
    with store.reading() as conn:
        assert audit.hash_at(conn, 0) == audit.GENESIS
        assert audit.hash_at(conn, 2) == row(store, 2)[-1]
        assert audit.hash_at(conn, 4) is None


# --- AUD-6: reorder, time backwards ----------------------------------------------------------


def test_aud6_swapped_rows_fail_at_first(store: Database) -> None:
    fill(store, 20)
    drop_triggers(store)
    a, b = row(store, 8), row(store, 9)
    sets = ", ".join(f"{c} = ?" for c in COLUMNS)
    with store.transaction() as conn:
        conn.execute(f"UPDATE audit SET {sets} WHERE seq = 8", b)
        conn.execute(f"UPDATE audit SET {sets} WHERE seq = 9", a)
    result = verdict(store)
    assert not result.ok and result.bad_seq == 8


def _rebuild_from(db: Database, k: int, ts_k: str) -> None:
    """An attacker with the DEK rewrites row k's time and recomputes every hash after it."""
    with db.transaction() as conn:
        rows = conn.execute(
            "SELECT seq, ts_utc, actor, action, object, result, origin, details FROM audit"
            " WHERE seq >= ? ORDER BY seq",
            (k,),
        ).fetchall()
        prev = conn.execute("SELECT hash FROM audit WHERE seq = ?", (k - 1,)).fetchone()[0]
        for seq, ts, actor, action, obj, result, origin, details in rows:
            ts = ts_k if seq == k else ts
            digest = audit.entry_hash(seq, ts, actor, action, obj, result, origin, details, prev)
            conn.execute(
                "UPDATE audit SET ts_utc = ?, prev_hash = ?, hash = ? WHERE seq = ?",
                (ts, prev, digest, seq),
            )
            prev = digest


def test_aud6_time_set_backwards_fails_even_with_rebuilt_hashes(store: Database) -> None:
    fill(store, 20)
    drop_triggers(store)
    _rebuild_from(store, 11, "2026-11-01T09:00:00.000000+00:00")
    result = verdict(store)
    assert not result.ok and result.bad_seq == 11 and "tijd" in result.reason


def test_aud6_rebuilt_chain_is_caught_by_anchor(store: Database) -> None:
    fill(store, 20)
    head = verdict(store)
    drop_triggers(store)
    _rebuild_from(store, 5, row(store, 5)[0])  # same time, but ...
    with store.transaction() as conn:
        conn.execute("UPDATE audit SET actor = 'iemand-anders' WHERE seq = 5")
    _rebuild_from(store, 5, row(store, 5)[0])
    assert verdict(store).ok  # a full rewrite is internally consistent ...
    anchored = verdict(store, (head.head_seq, head.head_hash))
    assert not anchored.ok and anchored.bad_seq == 20  # ... but not with the anchor


def test_append_keeps_time_monotonic_when_the_clock_steps_back(store: Database) -> None:
    with store.transaction() as conn:
        audit.append(conn, when=T0, actor="a", action="x", obj="o")
        second = audit.append(conn, when=T0 - dt.timedelta(hours=1), actor="a", action="x", obj="o")
    assert second.ts_utc == audit.format_ts(T0)
    assert verdict(store).ok


# --- AUD-7: append-only through the app's connection ----------------------------------------


@pytest.mark.parametrize(
    "sql",
    [
        "UPDATE audit SET actor = 'x' WHERE seq = 3",
        "UPDATE audit SET hash = hash",
        "DELETE FROM audit WHERE seq = 3",
        "DELETE FROM audit",
        "INSERT OR REPLACE INTO audit SELECT * FROM audit WHERE seq = 3",
    ],
)
def test_aud7_update_and_delete_are_aborted(store: Database, sql: str) -> None:
    fill(store, 5)
    before = [row(store, s) for s in range(1, 6)]
    with pytest.raises(sqlcipher3.IntegrityError, match="append-only"), store.transaction() as conn:
        conn.execute(sql)
    assert [row(store, s) for s in range(1, 6)] == before
    assert verdict(store).ok


# --- AUD-9: injection ---------------------------------------------------------------------------

NASTY = [
    "a\nb",
    "a\r\nseq=5 result=ok",
    '{"actor": "beheer"}',
    '","ok","',
    "\x00\x01\x1b[31m",
    "\u202e\u200b",
    "é ç ş ğ 中文 العربية",
    "\\",
    "'; DROP TABLE audit; --",
    "a" * 5000,
]


@pytest.mark.parametrize("text", NASTY)
def test_aud9_injection_strings_are_stored_canonically(store: Database, text: str) -> None:
    with store.transaction() as conn:
        entry = audit.append(
            conn,
            when=T0,
            actor=text,
            action="test.inject",
            obj=text,
            origin=text,
            details={"value": text, text[:50]: [text]},
        )
    with store.reading() as conn:
        stored = audit.recent(conn, 1)[0]
    assert stored == entry
    assert stored.actor == text and stored.object == text and stored.origin == text
    assert stored.as_dict()["details"] == {"value": text, text[:50]: [text]}
    line = json.dumps(stored.as_dict(), ensure_ascii=False)
    assert "\n" not in line and json.loads(line)["actor"] == text
    assert verdict(store).ok


def test_aud9_field_boundaries_cannot_be_shifted() -> None:
    # Two entries whose naive concatenation is equal must hash differently.
    a = audit.entry_hash(1, "t", "ab", "c", "o", "ok", "", "{}", audit.GENESIS)
    b = audit.entry_hash(1, "t", "a", "bc", "o", "ok", "", "{}", audit.GENESIS)
    c = audit.entry_hash(1, "t", 'a","b', "c", "o", "ok", "", "{}", audit.GENESIS)
    assert len({a, b, c}) == 3


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    actor=st.text(st.characters(exclude_categories=("Cs",)), max_size=80),
    obj=st.text(st.characters(exclude_categories=("Cs",)), max_size=80),
    details=st.dictionaries(
        st.text(st.characters(exclude_categories=("Cs",)), max_size=10),
        st.text(st.characters(exclude_categories=("Cs",)), max_size=30),
        max_size=4,
    ),
)
def test_aud9_any_text_round_trips_and_verifies(
    store: Database, actor: str, obj: str, details: dict[str, str]
) -> None:
    with store.transaction() as conn:
        entry = audit.append(
            conn, when=T0, actor=actor, action="test.prop", obj=obj, details=details
        )
    with store.reading() as conn:
        assert audit.recent(conn, 1)[0] == entry
    assert entry.as_dict()["details"] == details
    assert verdict(store).ok


def test_aud7_replace_cannot_overwrite_an_entry(store: Database) -> None:
    fill(store, 5)
    forged = (3, "2026-11-02T09:00:03.000000+00:00", "x", "x", "x", "ok", "", "{}", "0", "0")
    with pytest.raises(sqlcipher3.IntegrityError, match="append-only"), store.transaction() as conn:
        conn.execute("INSERT OR REPLACE INTO audit VALUES (?,?,?,?,?,?,?,?,?,?)", forged)
    assert row(store, 3)[1] != "x"
    assert verdict(store).ok


def test_aud9_a_lone_surrogate_is_kept_visibly_instead_of_failing_the_entry(
    store: Database,
) -> None:
    # A name typed on the command line in another encoding arrives as a lone surrogate; the
    # refusal it causes must still be audited (sqlite cannot store the surrogate itself).
    name = "j\udce9ansen"
    with store.transaction() as conn:
        entry = audit.append(
            conn,
            when=T0,
            actor=name,
            action="user.add",
            obj=f"user:{name}",
            details={"name": name},
        )
    with store.reading() as conn:
        stored = audit.recent(conn, 1)[0]
    assert stored == entry
    assert stored.actor == "j\\udce9ansen" and stored.object == "user:j\\udce9ansen"
    assert stored.as_dict()["details"] == {"name": name}
    assert verdict(store).ok
