"""storage.requests: the packed bulk insert round-trips every field, references per year, FTS
stays in sync, the lazy list's slices and orders, counts, and the dashboard's SQL buckets agree
with the pure ``dashboard_bucket`` (property-style over a few hundred random requests)."""

from __future__ import annotations

import contextlib
import datetime as dt
import random
import sqlite3
from collections import Counter
from collections.abc import Iterator
from typing import Any

import pytest

from desktop_app.domain.calendar import AtwCalendar
from desktop_app.domain.errors import InvalidInput
from desktop_app.domain.queries import RequestQuery, RequestRecord, SortColumn
from desktop_app.domain.requests import (
    DashboardBucket,
    DelayNotice,
    Purpose,
    RequestDraft,
    RequestStatus,
    dashboard_bucket,
    dashboard_thresholds,
)
from desktop_app.domain.search_text import fold, index_form
from desktop_app.domain.statistics import RequestFacts
from desktop_app.storage import migrations
from desktop_app.storage import requests as repo
from desktop_app.storage.db import Database
from desktop_app.storage.requests import bulk, planner

TODAY = dt.date(2026, 11, 2)
CAL = AtwCalendar()
NAMES = (
    "Ayşe Çelik",
    "Hans Müller",
    "Иван Петров",
    "محمد الحسن",
    "Jan de Vries",
    "Søren Ørsted",
    "Zoë Łukasz",
    "Nguyễn Văn An",
    "王小明",
    "Ana  García",
)


def _drafts(n: int, seed: int = 1, *, days: int = 120) -> list[RequestDraft]:
    rng = random.Random(seed)
    out = []
    for i in range(n):
        received = TODAY - dt.timedelta(days=rng.randrange(days))
        out.append(
            RequestDraft(
                subject_name=" ".join(f"{rng.choice(NAMES)} {i}".split()),
                v_number=f"{rng.randrange(10**10):010d}",
                purpose=rng.choice(list(Purpose)),
                received=received,
                birth_date=rng.choice((None, dt.date(1980, 5, 17))),
                nationality=rng.choice((None, "TR", "NLD")),
                ind_reference=rng.choice((None, f"IND-{i}", "Ä-ref ü")),
            )
        )
    return out


def _insert(db: Database, drafts: list[RequestDraft]) -> repo.InsertedRange:
    with db.transaction() as conn:
        return repo.insert_many(
            conn,
            drafts,
            calendar=CAL,
            created_by="officier",
            created_at="2026-11-02T09:00:00+00:00",
        )


@pytest.mark.parametrize("n", [3, repo.BULK_MIN_ROWS + 17])
def test_bulk_and_small_insert_round_trip_every_field(store: Database, n: int) -> None:
    drafts = _drafts(n)
    inserted = _insert(store, drafts)
    assert inserted.count == n
    with store.reading() as conn:
        records = repo.records_by_ids(conn, list(range(inserted.first_id, inserted.last_id + 1)))
    assert len(records) == n
    # Numbered in order of receipt; every draft is stored exactly once, unchanged.
    assert [r.received for r in records] == sorted(d.received for d in drafts)
    stored = Counter(
        (
            r.subject_name,
            r.v_number,
            r.purpose,
            r.received,
            r.birth_date,
            r.nationality,
            r.ind_reference,
        )
        for r in records
    )
    given = Counter(
        (
            d.subject_name,
            d.v_number,
            d.purpose,
            d.received,
            d.birth_date,
            d.nationality,
            d.ind_reference,
        )
        for d in drafts
    )
    assert stored == given
    for r in records:
        assert r.deadline == CAL.deadline_for(r.received)
        assert r.calendar_version == CAL.version
        assert r.status is RequestStatus.RECEIVED and r.delay_notice is None
    with store.reading() as conn:
        folds = dict(conn.execute("SELECT id, name_fold FROM requests"))
        assert all(folds[r.id] == index_form(r.subject_name) for r in records)
        assert repo.fts_integrity_ok(conn)
        assert repo.status_counts(conn)[RequestStatus.RECEIVED] == n


def test_references_run_per_year_of_receipt(store: Database) -> None:
    base = _drafts(1)[0]
    drafts = [
        base.__class__(**{**_as_kwargs(base), "received": d})
        for d in (dt.date(2025, 12, 30), dt.date(2026, 1, 5), dt.date(2025, 12, 31))
    ]
    _insert(store, drafts)
    _insert(store, drafts[:1])
    with store.reading() as conn:
        refs = sorted(r.reference for r in repo.records_by_ids(conn, [1, 2, 3, 4]))
    assert refs == ["NV-2025-000001", "NV-2025-000002", "NV-2025-000003", "NV-2026-000001"]
    with store.reading() as conn:
        assert repo.id_by_reference(conn, "nv-2026-000001") is not None
        assert repo.id_by_reference(conn, "NV-2026-000002") is None


def _as_kwargs(d: RequestDraft) -> dict[str, Any]:
    return {
        f: getattr(d, f)
        for f in (
            "subject_name",
            "v_number",
            "purpose",
            "received",
            "birth_date",
            "nationality",
            "ind_reference",
        )
    }


@pytest.fixture
def filled(store: Database) -> Iterator[Database]:
    """300 requests with random statuses, closing dates and delay notices."""
    rng = random.Random(3)
    _insert(store, _drafts(300, seed=2, days=60))
    with store.transaction() as conn:
        for rid in range(1, 301):
            status = rng.choice(list(RequestStatus))
            received = repo.by_id(conn, rid).received  # type: ignore[union-attr]
            closed = received + dt.timedelta(days=rng.randrange(25)) if status.is_closed else None
            repo.set_status(
                conn,
                rid,
                status,
                closed_on=closed and min(closed, TODAY),
                close_reason="r" if status is RequestStatus.CLOSED_NO_DATA else None,
            )
            if rng.random() < 0.3:
                day = received + dt.timedelta(days=rng.randrange(20))
                repo.set_delay_notice(conn, rid, DelayNotice(min(day, TODAY), "later", "o"), "t")
    yield store


def test_status_counts_follow_updates(filled: Database) -> None:
    with filled.reading() as conn:
        actual = Counter(
            repo.STATUS_BY_CODE[s] for (s,) in conn.execute("SELECT status FROM requests")
        )
        assert repo.status_counts(conn) == {s: actual.get(s, 0) for s in RequestStatus}


@pytest.mark.parametrize("warn_from_day", [1, 8, 10])
@pytest.mark.parametrize("today", [TODAY, dt.date(2026, 10, 23), dt.date(2026, 10, 30)])
def test_dashboard_counts_agree_with_the_pure_bucket(
    filled: Database, today: dt.date, warn_from_day: int
) -> None:
    th = dashboard_thresholds(today, CAL, warn_from_day)
    with filled.reading() as conn:
        records = repo.records_by_ids(conn, list(range(1, 301)))
        counts = repo.dashboard_counts(conn, th)
        expected = Counter(_bucket(r, today, warn_from_day) for r in records)
        assert counts == {b: expected.get(b, 0) for b in DashboardBucket}
        for bucket in DashboardBucket:
            ids = repo.select_ids(conn, RequestQuery(bucket=bucket), th)
            assert len(ids) == counts[bucket] == repo.count(conn, RequestQuery(bucket=bucket), th)
            assert {r.id for r in records if _bucket(r, today, warn_from_day) is bucket} == set(ids)
        overdue = repo.select_ids(conn, RequestQuery(overdue=True), th)
        assert len(overdue) == counts[DashboardBucket.OVERDUE]


def _bucket(r: RequestRecord, today: dt.date, warn: int) -> DashboardBucket:
    return dashboard_bucket(
        deadline=r.deadline,
        status=r.status,
        notice_date=None if r.delay_notice is None else r.delay_notice.date,
        today=today,
        calendar=CAL,
        warn_from_day=warn,
    )


_KEYS = {
    SortColumn.REFERENCE: lambda r: (int(r.reference[3:7]), int(r.reference[8:])),
    SortColumn.RECEIVED: lambda r: (r.received, r.id),
    SortColumn.DEADLINE: lambda r: (r.deadline, r.id),
    SortColumn.STATUS: lambda r: (repo.STATUS_CODE[r.status], r.received, r.id),
    SortColumn.SUBJECT_NAME: lambda r: (fold(r.subject_name), r.id),
}


@pytest.mark.parametrize("sort", list(_KEYS))
@pytest.mark.parametrize("descending", [False, True])
def test_every_order_and_its_slices(filled: Database, sort: SortColumn, descending: bool) -> None:
    th = dashboard_thresholds(TODAY, CAL)
    with filled.reading() as conn:
        for status in (None, RequestStatus.IN_PROGRESS):
            query = RequestQuery(status=status, sort=sort, descending=descending)
            ids = list(repo.select_ids(conn, query, th))
            records = repo.records_by_ids(conn, ids)
            assert [r.id for r in records] == ids
            expected = sorted((r for r in records), key=_KEYS[sort], reverse=descending)
            assert [r.id for r in expected] == ids
            assert all(status is None or r.status is status for r in records)
            assert repo.count(conn, query, th) == len(ids)
            for offset, limit in ((0, 7), (13, 50), (len(ids) - 3, 10), (len(ids) + 5, 5)):
                assert (
                    list(repo.select_ids(conn, query, th, offset=offset, limit=limit))
                    == ids[offset : offset + limit]
                )
        newest = list(repo.select_ids(conn, RequestQuery(), th))
        recs = repo.records_by_ids(conn, newest)
        assert [r.id for r in recs] == [
            r.id for r in sorted(recs, key=lambda r: (r.received, r.id), reverse=True)
        ]


def test_records_by_ids_keeps_order_and_skips_unknown(filled: Database) -> None:
    with filled.reading() as conn:
        ids = [250, 3, 999_999, 77, *range(100, 1300)]
        got = [int(r.id) for r in repo.records_by_ids(conn, ids)]
    assert got == [250, 3, 77, *range(100, 301)]


def test_search_names_vnumbers_and_references(store: Database) -> None:
    drafts = [
        RequestDraft("Ayşe Çelik", "1111111111", Purpose.ASYLUM, TODAY, ind_reference="IND-A1"),
        RequestDraft("Hans Müller", "1111122222", Purpose.ASYLUM, TODAY),
        RequestDraft("Иван Петров", "2222222222", Purpose.OTHER, TODAY),
        RequestDraft("Çelikkaya Demir", "3333333333", Purpose.RESIDENCE, TODAY),
        RequestDraft("Celik Celik", "4444444444", Purpose.RESIDENCE, TODAY),
    ]
    _insert(store, drafts)
    th = dashboard_thresholds(TODAY, CAL)

    def names(text: str) -> list[str]:
        with store.reading() as conn:
            ids = repo.select_ids(conn, RequestQuery(search=text), th)
            assert repo.count(conn, RequestQuery(search=text), th) == len(ids)
            return [r.subject_name for r in repo.records_by_ids(conn, ids)]

    assert set(names("celik")) == {"Ayşe Çelik", "Çelikkaya Demir", "Celik Celik"}
    assert next(iter(names("celik"))) == "Celik Celik"  # bm25: the name that is celik twice first
    assert names("MULLER") == ["Hans Müller"]
    assert names("иван") == ["Иван Петров"]
    assert names("ayse celik") == ["Ayşe Çelik"]
    assert names("1111111111") == ["Ayşe Çelik"]
    assert set(names("11111")) == {"Ayşe Çelik", "Hans Müller"}
    assert names("NV-2026-000003") == ["Иван Петров"]
    assert names("ivan petrov") == ["Иван Петров"]  # ICAO Latin spelling
    assert names("ind-a1") == ["Ayşe Çelik"]
    assert names('" OR * NEAR(') == []
    assert names("nobody") == []
    # Search with a filter and another order.
    with store.reading() as conn:
        q = RequestQuery(search="celik", sort=SortColumn.SUBJECT_NAME)
        got = [r.subject_name for r in repo.records_by_ids(conn, repo.select_ids(conn, q, th))]
    assert got == sorted(got, key=fold)


def test_exact_v_number_hit_ranks_before_name_hits(store: Database) -> None:
    _insert(
        store,
        [
            RequestDraft("Jan 1234567890", "9999999999", Purpose.ASYLUM, TODAY),
            RequestDraft("Piet Jansen", "1234567890", Purpose.ASYLUM, TODAY),
        ],
    )
    th = dashboard_thresholds(TODAY, CAL)
    with store.reading() as conn:
        ids = repo.select_ids(conn, RequestQuery(search="1234567890"), th)
        assert next(r.subject_name for r in repo.records_by_ids(conn, ids)) == "Piet Jansen"


def test_recompute_moves_open_deadlines_only(filled: Database) -> None:
    th = dashboard_thresholds(TODAY, CAL)
    day = dt.date(2026, 10, 28)
    new_cal = CAL.with_extra_days(closure_days=[day])
    with filled.transaction() as conn:
        before = {r.id: r for r in repo.records_by_ids(conn, list(range(1, 301)))}
        changed = repo.recompute_open_deadlines(conn, day, new_cal)
        after = {r.id: r for r in repo.records_by_ids(conn, list(range(1, 301)))}
    moved = [i for i in before if before[i].deadline != after[i].deadline]
    assert len(moved) == changed > 0
    for i in moved:
        assert not before[i].status.is_closed
        assert before[i].received < day <= before[i].deadline
        assert after[i].deadline == new_cal.deadline_for(before[i].received)
        assert after[i].calendar_version == new_cal.version
    for i in before:
        if before[i].status.is_closed:
            assert after[i] == before[i]
    assert th.today == TODAY


def test_statistics_facts_are_every_request_of_the_period(filled: Database) -> None:
    start, end = TODAY - dt.timedelta(days=30), TODAY - dt.timedelta(days=5)
    with filled.reading() as conn:
        facts = Counter(repo.statistics_facts(conn, start, end))
        records = repo.records_by_ids(conn, list(range(1, 301)))
    expected = Counter(
        RequestFacts(
            r.received,
            r.deadline,
            r.status,
            r.closed_on,
            None if r.delay_notice is None else r.delay_notice.date,
        )
        for r in records
        if start <= r.received <= end
    )
    assert facts == expected


def test_same_results_on_plain_sqlite(filled: Database, tmp_path: Any) -> None:
    """The bench compares against a plain sqlite3 copy: the SQL must behave the same there."""
    plain = sqlite3.connect(
        str(tmp_path / "plain.db"), isolation_level=None, check_same_thread=False
    )
    for step in migrations.MIGRATIONS:
        step.apply(plain)
    plain.execute("BEGIN")
    repo.insert_many(
        plain,
        _drafts(300, seed=2, days=60),
        calendar=CAL,
        created_by="officier",
        created_at="2026-11-02T09:00:00+00:00",
    )
    plain.execute("COMMIT")
    th = dashboard_thresholds(TODAY, CAL)
    with filled.reading() as conn:
        for query in (
            RequestQuery(search="celik"),
            RequestQuery(sort=SortColumn.SUBJECT_NAME),
            RequestQuery(search="12"),
        ):
            enc = [
                (r.reference, r.subject_name)
                for r in repo.records_by_ids(conn, repo.select_ids(conn, query, th))
            ]
            pln = [
                (r.reference, r.subject_name)
                for r in repo.records_by_ids(plain, repo.select_ids(plain, query, th))
            ]
            if query.search:
                assert sorted(enc) == sorted(pln)
            else:
                assert enc == pln
    assert repo.fts_integrity_ok(plain)
    plain.close()


def test_streamed_drafts_failing_midway_leave_nothing(
    store: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A generator that fails after several chunks went to the background writer: the error
    reaches the caller only after the running statement finished, and the rollback is clean."""
    monkeypatch.setattr(bulk, "BULK_CHUNK", repo.BULK_MIN_ROWS)
    drafts = _drafts(repo.BULK_MIN_ROWS * 3 + 7)

    def stream() -> Iterator[RequestDraft]:
        yield from drafts
        raise InvalidInput("rij kapot", row=len(drafts) + 1)

    with pytest.raises(InvalidInput), store.transaction() as conn:
        repo.insert_many(
            conn,
            stream(),
            calendar=CAL,
            created_by="officier",
            created_at="2026-11-02T09:00:00+00:00",
        )
    with store.reading() as conn:
        assert conn.execute("SELECT count(*) FROM requests").fetchone()[0] == 0
        assert sum(repo.status_counts(conn).values()) == 0
        assert conn.execute("SELECT count(*) FROM reference_counters").fetchone()[0] == 0
        assert repo.fts_integrity_ok(conn)
    # Afterwards the same connection inserts normally (the writer thread is gone).
    assert _insert(store, drafts).count == len(drafts)


def test_a_failing_bulk_statement_is_raised_in_the_caller(
    store: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(bulk, "_INSERT_PACKED", "INSERT INTO no_such_table VALUES (:n)")
    with pytest.raises(Exception, match="no_such_table"), store.transaction() as conn:
        repo.insert_many(
            conn,
            _drafts(repo.BULK_MIN_ROWS),
            calendar=CAL,
            created_by="officier",
            created_at="2026-11-02T09:00:00+00:00",
        )
    with store.reading() as conn:
        assert conn.execute("SELECT count(*) FROM requests").fetchone()[0] == 0


def test_chunks_across_years_continue_each_years_numbers(
    store: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(bulk, "BULK_CHUNK", repo.BULK_MIN_ROWS)
    base = _drafts(1)[0]
    days = [dt.date(2025, 12, 20) + dt.timedelta(days=i % 25) for i in range(450)]
    drafts = [base._replace(received=day, v_number=f"{i:010d}") for i, day in enumerate(days)]
    inserted = _insert(store, drafts)
    with store.reading() as conn:
        records = repo.records_by_ids(conn, list(range(inserted.first_id, inserted.last_id + 1)))
    by_year: dict[int, list[int]] = {}
    for r in records:
        year, seq = r.reference.split("-")[1:]
        assert int(year) == r.received.year
        by_year.setdefault(int(year), []).append(int(seq))
    assert {y: sorted(s) for y, s in by_year.items()} == {
        y: list(range(1, sum(1 for d in days if d.year == y) + 1)) for y in (2025, 2026)
    }


def _requests_index_sql(conn: Any) -> dict[str, str]:
    return dict(
        conn.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'index'"
            " AND tbl_name = 'requests' AND sql IS NOT NULL"
        )
    )


@contextlib.contextmanager
def _traced(conn: Any) -> Iterator[list[str]]:
    """The statements the connection runs inside the block."""
    statements: list[str] = []
    conn.set_trace_callback(statements.append)
    try:
        yield statements
    finally:
        conn.set_trace_callback(None)


def _traced_insert(
    db: Database, drafts: Iterator[RequestDraft] | list[RequestDraft], expected_rows: int
) -> tuple[repo.InsertedRange, list[str]]:
    with db.transaction() as conn, _traced(conn) as statements:
        inserted = repo.insert_many(
            conn,
            drafts,
            calendar=CAL,
            created_by="officier",
            created_at="2026-11-02T09:00:00+00:00",
            expected_rows=expected_rows,
        )
    return inserted, statements


@pytest.fixture
def deferring(store: Database, monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    """Imports of a few hundred rows count as large (chunks of BULK_MIN_ROWS); returns the
    schema's index SQL for the requests table before any import."""
    monkeypatch.setattr(bulk, "DEFER_MIN_ROWS", repo.BULK_MIN_ROWS)
    monkeypatch.setattr(bulk, "BULK_CHUNK", repo.BULK_MIN_ROWS)
    with store.reading() as conn:
        return _requests_index_sql(conn)


def test_a_large_import_into_a_small_table_builds_the_random_indexes_afterwards(
    store: Database, deferring: dict[str, str]
) -> None:
    before = deferring
    drafts = _drafts(repo.BULK_MIN_ROWS * 3 + 5, seed=4)
    inserted, statements = _traced_insert(store, drafts, expected_rows=len(drafts))
    assert inserted.count == len(drafts)
    dropped = [s for s in statements if s.startswith("DROP INDEX")]
    assert sorted(dropped) == sorted(f'DROP INDEX "{name}"' for name in repo.DEFERRED_INDEXES)
    # Built again after the rows, exactly as the schema defines them.
    created = [s for s in statements if s.startswith("CREATE INDEX")]
    assert created == [before[name] for name in repo.DEFERRED_INDEXES]
    assert statements.index(created[0]) > max(
        i for i, s in enumerate(statements) if s.startswith("INSERT INTO requests (")
    )
    assert store.integrity_problems() == []
    with store.reading() as conn:
        assert _requests_index_sql(conn) == before
        plan = " ".join(
            str(row)
            for row in conn.execute(
                "EXPLAIN QUERY PLAN SELECT id FROM requests WHERE v_number = ?", ("0",)
            )
        )
        assert "requests_v_number" in plan
        target = drafts[len(drafts) // 2]
        found = conn.execute(
            "SELECT subject_name FROM requests WHERE v_number = ?", (target.v_number,)
        ).fetchall()
        assert (target.subject_name,) in found
        assert conn.execute(
            "SELECT count(*) FROM requests INDEXED BY requests_name WHERE name_fold > ''"
        ).fetchone()[0] == len(drafts)


def test_an_import_small_beside_the_table_keeps_the_indexes(
    store: Database, deferring: dict[str, str]
) -> None:
    _insert(store, _drafts(300, seed=5))
    # 500 rows would not double a table of 300: inserting the keys one by one is cheaper.
    inserted, statements = _traced_insert(store, _drafts(500, seed=6), expected_rows=500)
    assert inserted.count == 500
    assert not [s for s in statements if s.startswith(("DROP INDEX", "CREATE INDEX"))]
    # And no estimate, or a small one, never defers.
    for expected in (repo.BULK_MIN_ROWS - 1, 0):
        _, statements = _traced_insert(store, _drafts(50, seed=7), expected_rows=expected)
        assert not [s for s in statements if s.startswith("DROP INDEX")]


def test_a_failing_deferred_import_rolls_back_to_the_full_set_of_indexes(
    store: Database, deferring: dict[str, str]
) -> None:
    before = deferring
    drafts = _drafts(repo.BULK_MIN_ROWS * 2 + 3)

    def stream() -> Iterator[RequestDraft]:
        yield from drafts
        raise InvalidInput("rij kapot", row=len(drafts) + 1)

    with pytest.raises(InvalidInput):
        _traced_insert(store, stream(), expected_rows=len(drafts) + 1)
    with store.reading() as conn:
        assert _requests_index_sql(conn) == before
        assert conn.execute("SELECT count(*) FROM requests").fetchone()[0] == 0
    assert store.integrity_problems() == []


def test_sorting_after_filtering_gives_the_same_order_as_the_index_walk(
    filled: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    th = dashboard_thresholds(TODAY, CAL)
    queries = [
        RequestQuery(bucket=bucket, sort=sort, descending=desc)
        for bucket in DashboardBucket
        for sort in SortColumn
        for desc in (False, True)
    ]
    queries += [
        RequestQuery(status=status, sort=sort, overdue=overdue)
        for status in RequestStatus
        for sort in SortColumn
        for overdue in (False, True)
    ]
    with filled.reading() as conn:
        for query in queries:
            orders = []
            for in_memory in (False, True):
                monkeypatch.setattr(planner, "_sort_in_memory", lambda *_a, _m=in_memory, **_k: _m)
                orders.append(list(repo.select_ids(conn, query, th)))
            assert orders[0] == orders[1], query


def test_a_selective_filter_is_sorted_after_filtering(store: Database) -> None:
    _insert(store, _drafts(300, seed=8, days=60))
    with store.transaction() as conn:
        for rid in range(1, 251):
            repo.set_status(
                conn, rid, RequestStatus.CLOSED_NO_DATA, closed_on=TODAY, close_reason="r"
            )
    th = dashboard_thresholds(TODAY, CAL)

    def select(query: RequestQuery, limit: int | None = None) -> str:
        with store.reading() as conn, _traced(conn) as statements:
            repo.select_ids(conn, query, th, limit=limit)
        found = [s for s in statements if s.startswith("SELECT r.id")]
        assert len(found) == 1
        return found[0]

    def sorted_in_memory(query: RequestQuery, limit: int | None = None) -> bool:
        return "ORDER BY +r." in select(query, limit)

    name = SortColumn.SUBJECT_NAME
    # 50 open of 300: any open filter keeps few rows.
    assert sorted_in_memory(RequestQuery(bucket=DashboardBucket.OVERDUE, sort=name))
    assert sorted_in_memory(RequestQuery(status=RequestStatus.RECEIVED, sort=SortColumn.DEADLINE))
    assert sorted_in_memory(RequestQuery(overdue=True, sort=SortColumn.REFERENCE))
    # No filter, or one that keeps most rows: the index order is read directly.
    assert not sorted_in_memory(RequestQuery(sort=name))
    assert not sorted_in_memory(
        RequestQuery(bucket=DashboardBucket.CLOSED, sort=SortColumn.DEADLINE)
    )
    # ... but not for the whole list by name (a random lookup per row), unless a page is asked.
    closed_no_data = RequestQuery(status=RequestStatus.CLOSED_NO_DATA, sort=name)
    assert sorted_in_memory(closed_no_data)
    assert not sorted_in_memory(closed_no_data, limit=50)
    # The closed bucket is "not open" then: the name index walk needs no table lookup.
    closed = RequestQuery(bucket=DashboardBucket.CLOSED, sort=name)
    assert not sorted_in_memory(closed)
    assert "r.id NOT IN (SELECT id FROM requests r WHERE r.status < 3)" in select(closed)
    with store.reading() as conn:
        plan = " ".join(str(row) for row in conn.execute("EXPLAIN QUERY PLAN " + select(closed)))
    assert "COVERING INDEX requests_name" in plan
    assert "r.status >= 3" in select(
        RequestQuery(bucket=DashboardBucket.CLOSED, status=RequestStatus.RECEIVED, sort=name)
    )


def test_upgrade_refolds_names_of_other_scripts(tmp_path: Any) -> None:
    """A workspace made before the index held Latin spellings finds ``petrova`` after the
    upgrade; ASCII names are not touched."""
    db = Database.create(tmp_path / "old.db", bytes(32))
    try:
        migrations.migrate(db, target=6)
        drafts = [
            RequestDraft("Анна Петрова", "5555555555", Purpose.ASYLUM, TODAY),
            RequestDraft("Anna Petrova", "6666666666", Purpose.ASYLUM, TODAY),
            RequestDraft("محمد الحسن", "7777777777", Purpose.ASYLUM, TODAY),
        ]
        _insert(db, drafts)
        with db.transaction() as conn:  # the index as the older code wrote it
            for rid, old, name in conn.execute(
                "SELECT id, name_fold, subject_name FROM requests"
            ).fetchall():
                conn.execute(
                    "INSERT INTO requests_fts (requests_fts, rowid, name_fold)"
                    " VALUES ('delete', ?, ?)",
                    (rid, old),
                )
                conn.execute("UPDATE requests SET name_fold = ? WHERE id = ?", (fold(name), rid))
                conn.execute(
                    "INSERT INTO requests_fts (rowid, name_fold) VALUES (?, ?)", (rid, fold(name))
                )
        th = dashboard_thresholds(TODAY, CAL)
        with db.reading() as conn:
            before = repo.select_ids(conn, RequestQuery(search="petrova"), th)
        assert list(before) == [2]
        migrations.migrate(db)
        with db.reading() as conn:
            assert sorted(repo.select_ids(conn, RequestQuery(search="petrova"), th)) == [1, 2]
            assert list(repo.select_ids(conn, RequestQuery(search="mohammed"), th)) == [3]
            folds = dict(conn.execute("SELECT subject_name, name_fold FROM requests"))
            assert folds == {d.subject_name: index_form(d.subject_name) for d in drafts}
            assert repo.fts_integrity_ok(conn)
    finally:
        db.close()
