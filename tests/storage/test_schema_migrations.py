"""Schema migrations: databases at every older version upgrade with their data; a database from
a newer version is refused; a failing step leaves the previous version intact."""

from __future__ import annotations

import datetime as dt
import secrets
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from desktop_app.domain.classification import Classification
from desktop_app.domain.errors import IntegrityFailure
from desktop_app.domain.requests import RequestStatus
from desktop_app.domain.roles import Role
from desktop_app.domain.search_text import index_form
from desktop_app.storage import audit, migrations
from desktop_app.storage import users as repo
from desktop_app.storage.db import Connection, Database

T0 = dt.datetime(2026, 11, 2, 9, 0, tzinfo=dt.UTC)


# Data written with the schema *of that version* (never with later repositories); a seeder
# serves every version from its own up to the next seeder. Add one when a migration changes
# what older data looks like.
def _seed_v1(conn: Connection) -> None:
    conn.execute("INSERT INTO settings (key, value) VALUES ('location', 'aivd')")
    conn.execute(
        "INSERT INTO users (id, name, full_name, clearance, active, created_at)"
        " VALUES (1, 'beheer', 'B. Beheerder', 0, 1, '2026-11-02T09:00:00+00:00')"
    )
    conn.execute(
        "INSERT INTO users (id, name, full_name, clearance, active, created_at)"
        " VALUES (2, 'inspecteur', 'I. Inspecteur', 3, 1, '2026-11-02T09:00:00+00:00')"
    )
    conn.execute("INSERT INTO user_roles (user_id, role) VALUES (1, 'admin'), (2, 'ind_inspector')")
    conn.execute(
        "INSERT INTO designations (user_id, decision_ref, valid_from, valid_until,"
        " recorded_by, recorded_at) VALUES (2, 'HD 2026/1', '2026-11-01', NULL, 1,"
        " '2026-11-02T09:00:00+00:00')"
    )
    audit.append(conn, when=T0, actor="beheer", action="workspace.init", obj="workspace:x")
    audit.append(conn, when=T0, actor="beheer", action="user.add", obj="user:inspecteur")


SEEDERS: dict[int, Callable[[Connection], None]] = {1: _seed_v1}


def _check_v1_data(db: Database) -> None:
    """The v1 data, read through today's repositories."""
    with db.reading() as conn:
        assert repo.get_setting(conn, "location") == "aivd"
        inspector = repo.by_name(conn, "inspecteur")
        assert inspector is not None
        assert inspector.roles == frozenset({Role.IND_INSPECTOR})
        assert inspector.clearance == Classification.STG_GEHEIM
        assert [d.decision_ref for d in repo.designations(conn)] == ["HD 2026/1"]
        chain = audit.verify(conn)
        assert chain.ok and chain.entries >= 2


CHECKS: dict[int, Callable[[Database], None]] = {1: _check_v1_data}


def _new_db(tmp_path: Path, name: str = "m.db") -> Database:
    return Database.create(tmp_path / name, secrets.token_bytes(32))


def test_versions_are_consecutive() -> None:
    versions = [m.version for m in migrations.MIGRATIONS]
    assert versions == list(range(1, len(versions) + 1))
    assert versions[-1] == migrations.LATEST


@pytest.mark.parametrize("version", range(migrations.LATEST))
def test_every_older_version_upgrades_with_its_data(tmp_path: Path, version: int) -> None:
    db = _new_db(tmp_path)
    try:
        assert migrations.migrate(db, target=version) == version
        assert migrations.current_version(db) == version
        seeder_version = max((v for v in SEEDERS if v <= version), default=None)
        if seeder_version is not None:
            with db.transaction() as conn:
                SEEDERS[seeder_version](conn)
        assert migrations.migrate(db) == migrations.LATEST
        assert migrations.current_version(db) == migrations.LATEST
        if seeder_version is not None:
            CHECKS[seeder_version](db)
        assert db.integrity_problems() == []
        # And the upgraded schema is fully usable by today's code.
        with db.transaction() as conn:
            uid = repo.insert(
                conn,
                "nieuw",
                "N. Nieuw",
                frozenset({Role.AIVD_OFFICER}),
                Classification.STG_GEHEIM,
                audit.format_ts(T0),
            )
            audit.append(conn, when=T0, actor="beheer", action="user.add", obj="user:nieuw")
        with db.reading() as conn:
            assert repo.by_id(conn, uid) is not None
            assert audit.verify(conn).ok
    finally:
        db.close()


def test_latest_schema_matches_a_fresh_database(tmp_path: Path) -> None:
    """Upgrading step by step yields the same schema as migrating in one go."""

    def schema(db: Database) -> list[tuple[Any, ...]]:
        with db.reading() as conn:
            return sorted(conn.execute("SELECT type, name, tbl_name, sql FROM sqlite_master"))

    fresh = _new_db(tmp_path, "fresh.db")
    stepped = _new_db(tmp_path, "stepped.db")
    try:
        migrations.migrate(fresh)
        for v in range(1, migrations.LATEST + 1):
            migrations.migrate(stepped, target=v)
        assert schema(fresh) == schema(stepped)
    finally:
        fresh.close()
        stepped.close()


def test_migrate_is_idempotent(store: Database) -> None:
    with store.reading() as conn:
        before = sorted(conn.execute("SELECT name FROM sqlite_master"))
    assert migrations.migrate(store) == migrations.LATEST
    with store.reading() as conn:
        assert sorted(conn.execute("SELECT name FROM sqlite_master")) == before


def test_newer_database_is_refused_and_left_alone(tmp_path: Path) -> None:
    key = secrets.token_bytes(32)
    path = tmp_path / "future.db"
    db = Database.create(path, key)
    migrations.migrate(db)
    with db.transaction() as conn:
        conn.execute(f"PRAGMA user_version = {migrations.LATEST + 1}")
    db.close()
    db = Database.open(path, key)
    try:
        with pytest.raises(IntegrityFailure, match="nieuwere versie"):
            migrations.migrate(db)
        assert migrations.current_version(db) == migrations.LATEST + 1
    finally:
        db.close()


def test_failing_step_rolls_back_completely(
    store: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(conn: Connection) -> None:
        conn.execute("CREATE TABLE half_done (x)")
        conn.execute("INSERT INTO settings (key, value) VALUES ('half', 'done')")
        raise RuntimeError("step fails midway")

    nxt = migrations.LATEST + 1
    monkeypatch.setattr(
        migrations,
        "MIGRATIONS",
        [*migrations.MIGRATIONS, migrations.Migration(nxt, "broken", broken)],
    )
    monkeypatch.setattr(migrations, "LATEST", nxt)
    with pytest.raises(RuntimeError):
        migrations.migrate(store)
    assert migrations.current_version(store) == nxt - 1
    with store.reading() as conn:
        assert (
            conn.execute("SELECT count(*) FROM sqlite_master WHERE name = 'half_done'").fetchone()[
                0
            ]
            == 0
        )
        assert repo.get_setting(conn, "half") is None


def test_script_splitter_keeps_trigger_bodies_whole() -> None:
    parts = migrations._split(
        "CREATE TABLE a (x);\n-- comment;\nCREATE TRIGGER t BEFORE DELETE ON a\nBEGIN\n"
        "    SELECT RAISE(ABORT, 'no');\nEND;\nCREATE INDEX i ON a(x);\n"
    )
    assert len(parts) == 3
    assert parts[1].startswith("CREATE TRIGGER") and parts[1].rstrip().endswith("END;")


# --- checked-in databases of every older version (tests/storage/fixtures) --------------------

FIXTURES = Path(__file__).resolve().parent / "fixtures"


def _open_copy(directory: Path, tmp_path: Path, version: int) -> Database:
    """A copy of ``schema_v{version}.db`` in ``directory``, opened with its key (opening a
    database writes beside it: the checked-in file itself is never written)."""
    key = bytes.fromhex((directory / f"schema_v{version}.key").read_text().strip())
    path = tmp_path / f"copy-{directory.name}-v{version}.db"
    path.write_bytes((directory / f"schema_v{version}.db").read_bytes())
    return Database.open(path, key)


def _fixture_versions() -> list[int]:
    return sorted(int(p.stem.removeprefix("schema_v")) for p in FIXTURES.glob("schema_v*.db"))


def _schema(db: Database) -> list[tuple[Any, ...]]:
    with db.reading() as conn:
        return sorted(conn.execute("SELECT type, name, tbl_name, sql FROM sqlite_master"))


# Columns computed from others, which a later step may recompute when the rule behind them
# changes (step 7: the name index learnt transliterations); checked against the rule instead.
DERIVED = {("requests", "name_fold")}


def _rows_by_table(
    db: Database, columns: dict[str, list[str]] | None = None
) -> dict[str, list[tuple[Any, ...]]]:
    """Every stored row of every ordinary table (FTS shadow tables are checked by FTS itself).

    With ``columns``, only those columns of those tables: a later step may add a column (ALTER
    TABLE ... ADD COLUMN), and what must survive is every value that was there before.
    """
    with db.reading() as conn:
        if columns is None:
            columns = _columns_by_table(conn)
        rows = {}
        for table, cols in columns.items():
            names = ", ".join(f'"{c}"' for c in cols)
            rows[table] = sorted(conn.execute(f'SELECT {names} FROM "{table}"').fetchall())
        return rows


def _columns_by_table(conn: Connection) -> dict[str, list[str]]:
    tables = [
        str(r[0])
        for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table'"
            " AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'requests_fts%'"
        )
    ]
    return {
        t: [str(r[1]) for r in conn.execute(f"PRAGMA table_info({t!r})").fetchall()] for t in tables
    }


def _check_fixture_data(conn: Connection, version: int) -> None:
    """What make_fixture.py wrote for each step up to ``version``, read through today's code."""
    from desktop_app.storage import evidence, inspections, printing, provisions, reports
    from desktop_app.storage import requests as requests_repo

    inspector = repo.by_name(conn, "inspecteur")
    assert inspector is not None and inspector.roles == frozenset({Role.IND_INSPECTOR})
    assert [d.decision_ref for d in repo.designations(conn, inspector.id)] == ["HD-IND 2026/017"]
    assert repo.get_setting(conn, "location") == "aivd"
    if version >= 2:
        records = {
            ref: requests_repo.by_id(conn, requests_repo.id_by_reference(conn, ref) or 0)
            for ref in ("NV-2025-000001", "NV-2026-000001", "NV-2026-000002")
        }
        assert records["NV-2026-000001"].subject_name == "Ayşe Çelik"  # type: ignore[union-attr]
        assert records["NV-2026-000002"].delay_notice is not None  # type: ignore[union-attr]
        closed = records["NV-2025-000001"]
        assert closed is not None and closed.status is RequestStatus.CLOSED_NO_DATA
        assert sum(requests_repo.status_counts(conn).values()) == 3
        assert requests_repo.fts_integrity_ok(conn)
        assert [p.description for p in provisions.select(conn)] == ["kopie dossier"]
    if version >= 3:
        report = reports.get(conn, 1)
        assert report is not None and report.title == "Ambtsbericht Çelik"
        assert (
            reports.version_text(conn, 1, 1) == "Ambtsbericht over Ayşe Çelik.\nBevindingen: geen."
        )
        assert [a.comment for a in reports.list_annotations(conn, 1)] == ["bron noemen"]
    if version >= 4:
        (item,) = evidence.for_report(conn, 1)
        assert evidence.read_content(conn, item).startswith(b"Onderliggend gegeven")
        (session,) = inspections.for_report(conn, 1)
        assert session.closed and session.notes == "ingezien"
    if version >= 5:
        assert len(printing.copies_for_report(conn, 1)) == 1
    if version >= 6:
        from desktop_app.storage import drafts

        officer = repo.by_name(conn, "officier")
        assert officer is not None
        assert [d.belongs_to for d in drafts.for_owner(conn, officer.id)] == ["report:1"]


def test_every_older_schema_version_has_a_checked_in_database() -> None:
    """A new migration step needs the database of the version it leaves (make_fixture.py)."""
    assert _fixture_versions() == list(range(1, migrations.LATEST))


@pytest.mark.parametrize("version", _fixture_versions())
def test_checked_in_database_upgrades_to_a_fresh_schema(tmp_path: Path, version: int) -> None:
    db = _open_copy(FIXTURES, tmp_path, version)
    fresh = _new_db(tmp_path, "fresh.db")
    try:
        assert migrations.current_version(db) == version
        # The fixture's data are checked after the upgrade only: today's storage code reads
        # the columns a later step added (ALTER TABLE ... ADD COLUMN), which the old file lacks.
        with db.reading() as conn:
            old_columns = _columns_by_table(conn)
        for table, column in DERIVED:
            if column in old_columns.get(table, []):
                old_columns[table].remove(column)
        before = _rows_by_table(db, old_columns)
        assert migrations.migrate(db) == migrations.LATEST
        assert migrations.current_version(db) == migrations.LATEST
        # The data: every row of every table that existed is still there, unchanged.
        after = _rows_by_table(db, old_columns)
        for table, rows in before.items():
            assert set(rows) <= set(after[table]), table
        with db.reading() as conn:
            _check_fixture_data(conn, version)
            for name, indexed in conn.execute("SELECT subject_name, name_fold FROM requests"):
                assert indexed == index_form(name)  # derived columns recomputed
            chain = audit.verify(conn)
            assert chain.ok and chain.entries == len(before["audit"])
        assert db.integrity_problems() == []
        # The schema: exactly what a database created today has.
        migrations.migrate(fresh)
        assert _schema(db) == _schema(fresh)
    finally:
        db.close()
        fresh.close()


def _row_counts(db: Database) -> dict[str, int]:
    with db.reading() as conn:
        return {
            table: int(conn.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0])
            for table in _columns_by_table(conn)
        }


def test_make_fixture_makes_every_version_again(tmp_path: Path) -> None:
    """The script that made the checked-in databases still makes each of them with today's code
    (the same schema, as many rows in every table), and the next one: the one to check in
    before a new step."""
    from tests.storage.fixtures import make_fixture

    made = tmp_path / "made"
    made.mkdir()
    for version in range(1, migrations.LATEST + 1):
        make_fixture.make(version, made)
        db = _open_copy(made, tmp_path, version)
        if version < migrations.LATEST:
            expected = _open_copy(FIXTURES, tmp_path, version)
        else:
            expected = _new_db(tmp_path, "latest.db")
            migrations.migrate(expected)
        try:
            assert migrations.current_version(db) == version
            assert _schema(db) == _schema(expected), version
            if version < migrations.LATEST:
                assert _row_counts(db) == _row_counts(expected), version
        finally:
            db.close()
            expected.close()


def test_make_fixture_says_which_step_no_longer_fits(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A seeder that writes a column its version does not have yet (through a repository a
    later step changed) stops the script with a sentence naming the step, not a traceback."""
    from tests.storage.fixtures import make_fixture

    def later_shape(conn: Connection) -> None:
        conn.execute("INSERT INTO settings (key, value, added_later) VALUES ('a', 'b', 'c')")

    monkeypatch.setitem(make_fixture.SEEDERS, 1, later_shape)
    with pytest.raises(SystemExit, match="The data of step 1 no longer fit schema version 1"):
        make_fixture.make(1, tmp_path)
