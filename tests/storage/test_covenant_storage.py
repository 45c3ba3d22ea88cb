"""storage.covenant: the 2019 covenant is in every workspace (a fresh one and every upgraded
checked-in one), and what is recorded stays as it was (triggers)."""

from __future__ import annotations

import datetime as dt
import secrets
from pathlib import Path

import pytest
import sqlcipher3

from desktop_app.domain.classification import Classification
from desktop_app.domain.covenant import Decision, Party, PartyDecision, in_force_from
from desktop_app.storage import covenant as repo
from desktop_app.storage import migrations
from desktop_app.storage.db import Database

FIXTURES = Path(__file__).resolve().parent / "fixtures"
TS = "2026-11-02T09:00:00+00:00"


def _check_2019(db: Database) -> None:
    with db.reading() as conn:
        (row,) = repo.covenants(conn)
    assert row.reference == "AIVD-IND 2019"
    assert row.signed == {Party.AIVD: dt.date(2019, 3, 7), Party.IND: dt.date(2019, 3, 7)}
    assert in_force_from(row.signed) == dt.date(2019, 3, 8)
    assert row.replaces == "het convenant uit 2013"
    assert "Schoof" in row.signatories[Party.AIVD]
    assert row.title.startswith("Convenant inzake de samenwerking")


def test_a_fresh_workspace_holds_the_2019_covenant(store: Database) -> None:
    _check_2019(store)


@pytest.mark.parametrize("version", [1, 6])
def test_an_upgraded_workspace_holds_it_too(tmp_path: Path, version: int) -> None:
    src = FIXTURES / f"schema_v{version}.db"
    key = bytes.fromhex((FIXTURES / f"schema_v{version}.key").read_text().strip())
    path = tmp_path / src.name
    path.write_bytes(src.read_bytes())
    db = Database.open(path, key)
    try:
        migrations.migrate(db)
        _check_2019(db)
    finally:
        db.close()


def test_records_are_immutable(store: Database) -> None:
    with store.transaction() as conn:
        aid = repo.insert_amendment(
            conn,
            1,
            party=Party.IND,
            requested_on=dt.date(2026, 11, 2),
            proposed_change="Art. 2.3",
            proposed_effective=None,
            recorded_by="liaison",
            recorded_at=TS,
        )
        repo.insert_decision(
            conn,
            aid,
            decision=PartyDecision(Party.IND, Decision.CONSENT, dt.date(2026, 11, 2), "X", "l"),
            recorded_at=TS,
        )
        pid = repo.insert_plan(
            conn,
            1,
            subject="Spoed",
            classification=Classification.STG_CONFIDENTIEEL,
            created_by="tekenaar",
            created_at=TS,
        )
        repo.insert_plan_version(
            conn, pid, version=1, text="tekst", sha256="0" * 64, author="tekenaar", created_at=TS
        )
        repo.insert_annex_version(
            conn,
            1,
            version=1,
            classification=Classification.STG_GEHEIM,
            content="bijlage",
            sha256="1" * 64,
            recorded_by="tekenaar",
            recorded_at=TS,
        )
    for sql in (
        "UPDATE covenants SET signed_ind = '2019-03-01'",
        "DELETE FROM covenants",
        "UPDATE covenant_amendments SET proposed_change = 'anders'",
        "UPDATE covenant_amendment_decisions SET decision = 'refuse'",
        "UPDATE covenant_annex_versions SET content = 'anders'",
        "DELETE FROM covenant_annex_versions",
        "UPDATE implementation_plan_versions SET text = 'anders'",
        "UPDATE implementation_plans SET subject = 'anders'",
        "DELETE FROM implementation_plans",
    ):
        with pytest.raises(sqlcipher3.DatabaseError), store.transaction() as conn:
            conn.execute(sql)
    with store.transaction() as conn:
        repo.withdraw_plan(conn, pid, on=dt.date(2026, 11, 3), by="liaison", reason="vervallen")
    with pytest.raises(sqlcipher3.DatabaseError), store.transaction() as conn:
        repo.withdraw_plan(conn, pid, on=dt.date(2026, 11, 4), by="x", reason="nogmaals")
    with pytest.raises(sqlcipher3.DatabaseError), store.transaction() as conn:
        repo.insert_plan_version(
            conn, pid, version=2, text="t", sha256="2" * 64, author="t", created_at=TS
        )
    with store.reading() as conn:
        (plan,) = repo.plans(conn, 1)
        assert plan.withdrawn_on == dt.date(2026, 11, 3) and plan.version == 1
        assert repo.plan_text(conn, pid, 1) == "tekst"
        (amendment,) = repo.amendments(conn, 1)
        assert amendment.decisions[0].decision is Decision.CONSENT
        assert repo.annex_content(conn, 1, 1) == "bijlage"


def test_a_new_database_key_opens_nothing_else(tmp_path: Path) -> None:
    """The annex lives in the encrypted database: its text is not in the file."""
    key = secrets.token_bytes(32)
    db = Database.create(tmp_path / "c.db", key)
    try:
        migrations.migrate(db)
        with db.transaction() as conn:
            repo.insert_annex_version(
                conn,
                1,
                version=1,
                classification=Classification.STG_GEHEIM,
                content="GEHEIME-BIJLAGE-TEKST " * 50,
                sha256="1" * 64,
                recorded_by="t",
                recorded_at=TS,
            )
    finally:
        db.close()
    data = b"".join(p.read_bytes() for p in tmp_path.iterdir() if p.is_file())
    assert b"GEHEIME-BIJLAGE" not in data
    assert b"Zoetermeer" not in data
