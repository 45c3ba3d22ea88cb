"""The 2016 decree days in new and upgraded workspaces (issue 14)."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path
from typing import Any

from desktop_app.domain.calendar import DECREES_2016
from desktop_app.services import calendar as calendar_service
from desktop_app.storage import calendar_days, migrations
from desktop_app.storage.db import Database

FIXTURES = Path(__file__).resolve().parents[1] / "storage" / "fixtures"


def test_a_new_workspace_has_the_2016_decree_days(workspace: Any) -> None:
    with workspace.session() as s:
        days = calendar_service.list_days(s)
        decree = {d.day for d in days if d.kind is calendar_days.DayKind.DECREE}
        assert decree >= DECREES_2016
        assert calendar_service.missing_decree_years(days, dt.date(2026, 11, 2)) == (
            2020,
            2021,
            2022,
            2029,
        )
        # Deadlines use them: received Friday 24 May 2019, 31 May is a decree day.
        assert calendar_service.load_calendar(s).deadline_for(dt.date(2019, 5, 24)) == dt.date(
            2019, 6, 12
        )


def test_an_upgraded_workspace_gets_them_and_keeps_its_own_days(tmp_path: Path) -> None:
    src = FIXTURES / "schema_v6.db"
    key = bytes.fromhex((FIXTURES / "schema_v6.key").read_text().strip())
    path = tmp_path / src.name
    shutil.copyfile(src, path)
    db = Database.open(path, key)
    try:
        with db.reading() as conn:
            before = {d.day: d for d in calendar_days.all_days(conn)}
        assert not DECREES_2016 & set(before)
        migrations.migrate(db)
        with db.reading() as conn:
            after = {d.day: d for d in calendar_days.all_days(conn)}
            calendar = calendar_days.load_calendar(conn)
        assert set(after) >= DECREES_2016
        assert all(after[d].kind is calendar_days.DayKind.DECREE for d in DECREES_2016)
        for day, record in before.items():
            assert after[day] == record
        assert not calendar.is_working_day(dt.date(2019, 5, 31))
    finally:
        db.close()


def test_an_administrator_s_own_entry_of_such_a_day_is_kept(tmp_path: Path) -> None:
    db = Database.create(tmp_path / "m.db", b"k" * 32)
    try:
        migrations.migrate(db, target=6)
        with db.transaction() as conn:
            calendar_days.insert_day(
                conn,
                calendar_days.CalendarDay(
                    dt.date(2019, 5, 31),
                    calendar_days.DayKind.CLOSURE,
                    "eigen sluiting",
                    "beheer",
                    "2019-01-01T00:00:00+00:00",
                ),
            )
        migrations.migrate(db)
        with db.reading() as conn:
            day = calendar_days.get_day(conn, dt.date(2019, 5, 31))
        assert day is not None and day.description == "eigen sluiting"
    finally:
        db.close()
