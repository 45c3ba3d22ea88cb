"""storage.marking and the marking columns (schema part V7_MARKING): a duration is a date or an
event, never both; rows from before read as not recorded; a copy's recipient stays as printed
(the register is append-only); an upgraded v6 workspace reads as "niet vastgelegd"."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import sqlcipher3

from desktop_app.domain.classification import ClassificationDuration
from desktop_app.domain.ids import ReportId, UserId
from desktop_app.storage import evidence, marking, migrations, printing
from desktop_app.storage.db import Database

FIXTURES = Path(__file__).resolve().parent / "fixtures"
T0 = dt.datetime(2026, 11, 2, 9, 0, tzinfo=dt.UTC)


def _report(db: Database) -> int:
    with db.transaction() as conn:
        conn.execute(
            "INSERT INTO users (name, full_name, clearance, created_at) VALUES"
            " ('officier', 'O. Officier', 4, '2026-11-02T09:00:00+00:00')"
        )
        cur = conn.execute(
            "INSERT INTO reports (reference, title, classification, status, created_by,"
            " created_at, updated_at) VALUES ('AB-2026-000001', 't', 3, 'draft', 1, 'x', 'x')"
        )
        return int(cur.lastrowid)


def test_a_duration_is_a_date_or_an_event_and_can_be_replaced(store: Database) -> None:
    rid = _report(store)
    with store.transaction() as conn:
        assert marking.report_duration(conn, rid) is None
        marking.set_report_duration(conn, rid, ClassificationDuration(until=dt.date(2036, 1, 1)))
        marking.set_report_duration(conn, rid, ClassificationDuration(event="einde onderzoek"))
        assert marking.report_duration(conn, rid) == ClassificationDuration(event="einde onderzoek")
        with pytest.raises(sqlcipher3.IntegrityError):
            conn.execute(
                "UPDATE report_markings SET classified_until = '2036-01-01' WHERE report_id = ?",
                (rid,),
            )
        marking.set_report_duration(conn, rid, None)
        assert marking.report_duration(conn, rid) is None


def test_the_subject_of_a_report(store: Database) -> None:
    rid = _report(store)
    with store.transaction() as conn:
        assert marking.report_subject(conn, rid) is None
        marking.set_report_subject(
            conn,
            rid,
            name="Olga Иванова",
            birth_date=dt.date(1984, 6, 12),
            v_number="1234567890",
            by=UserId(1),
            at=T0,
        )
        row = marking.report_subject(conn, rid)
    assert row == marking.SubjectRow("Olga Иванова", dt.date(1984, 6, 12), "1234567890")


def test_a_recipient_is_kept_as_printed(store: Database) -> None:
    rid = _report(store)
    with store.transaction() as conn:
        job = printing.insert_job(
            conn,
            report_id=ReportId(rid),
            reference="AB-2026-000001",
            version=1,
            draft=True,
            copies=1,
            destination="file",
            printed_by=UserId(1),
            at=T0,
            audit_head="1:ab",
            signing_key_id=None,
        )
        printing.insert_copy(
            conn, job, copy_number=None, sha256="ab" * 32, file_name=None, recipient="IND"
        )
        (copy,) = printing.copies_for_report(conn, rid)
        assert copy.recipient == "IND"
        with pytest.raises(sqlcipher3.DatabaseError, match="append-only"):
            conn.execute("UPDATE print_copies SET recipient = 'iemand anders'")


def test_an_upgraded_workspace_reads_not_recorded(tmp_path: Path) -> None:
    src = FIXTURES / "schema_v6.db"
    key = bytes.fromhex((FIXTURES / "schema_v6.key").read_text().strip())
    path = tmp_path / src.name
    path.write_bytes(src.read_bytes())
    db = Database.open(path, key)
    try:
        migrations.migrate(db)
        with db.reading() as conn:
            (item,) = evidence.for_report(conn, 1)
            (copy,) = printing.copies_for_report(conn, 1)
            assert item.classification_duration is None
            assert copy.recipient is None
            assert marking.report_duration(conn, 1) is None
            assert marking.report_subject(conn, 1) is None
    finally:
        db.close()
