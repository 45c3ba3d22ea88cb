"""Issue 3 figures at 1,000,000 requests (``BENCH_ROWS`` shrinks it; ``BENCH_IMPORT_ROWS`` sets
the import size, default BENCH_ROWS: the whole generated set as one CSV into a new workspace):

- ``requests_import_rows_per_s``: a CSV through the service's import path (parse, validate,
  insert, FTS, audit: one transaction), target >= 50,000 rows/s;
- ``requests_search_name_p95_ms`` / ``requests_search_vnumber_p95_ms``: 200 random queries each
  (total + first 50 rows), target <= 30 ms;
- ``requests_first_page_ms``: ids + total + first 100 rows in the default order, <= 50 ms;
- ``requests_dashboard_ms``: the six dashboard counts, <= 100 ms;
- ``requests_all_ids_ms``: every id of the unfiltered list in order (the lazy list's backbone).
- ``requests_filtered_sorted_ids_p95_ms``: every id of the overdue list by name and the open list
  by reference (filtered, then sorted); ``requests_closed_sorted_ids_ms``: the closed bucket
  (most rows) by name and by deadline.

Every query figure is measured with the same SQL on an unencrypted stdlib ``sqlite3`` copy of the
same rows (same schema, made by running the same migration SQL) side by side:
``ratio_vs_plain``. ``requests_import_rows_per_s_memsec_on`` repeats the import in a child
process with the optional SQLCipher memory security on (``WERKPLEK_MEMORY_SECURITY=on``), to show
what adopting it costs. ``build_workspace`` is reused by the window bench and demo scripts.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import random
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from bench.common import Figure, p95
from desktop_app.domain.calendar import AtwCalendar
from desktop_app.domain.clock import FixedClock
from desktop_app.domain.queries import RequestQuery, SortColumn
from desktop_app.domain.requests import (
    DashboardBucket,
    Purpose,
    RequestDraft,
    dashboard_thresholds,
)
from desktop_app.domain.roles import Role
from desktop_app.security.workstation import MemorySecretProvider
from desktop_app.services import requests as request_service
from desktop_app.services import users
from desktop_app.services.session import Environment, Session
from desktop_app.services.workspace import init_workspace, open_session
from desktop_app.storage import calendar_days, migrations
from desktop_app.storage import requests as repo
from desktop_app.storage.db import MEMORY_SECURITY_ENV

PASSWORD = "bench-wachtwoord-1"
OFFICER = "officier"
TODAY = dt.date(2026, 11, 2)
SEED = 20261102

_GIVEN = (
    "Mehmet",
    "Ayşe",
    "Jan",
    "Sanne",
    "Fatima",
    "Ольга",
    "Дмитрий",
    "محمد",
    "Youssef",
    "Pieter",
    "Emine",
    "Hüseyin",
    "Анна",
    "فاطمة",
    "Kees",
    "Noor",
    "Özlem",
    "Ivan",
    "Søren",
    "José",
    "Zoë",
    "Łukasz",
    "Nguyễn Văn",
    "Chen",
    "Ngozi",
    "Aleksandr",
    "Brigitte",
    "Jürgen",
    "Ines",
)
_FAMILY = (
    "Çelik",
    "Yılmaz",
    "de Vries",
    "Jansen",
    "El Amrani",
    "Петрова",
    "Иванов",
    "العلي",
    "Bakker",
    "Öztürk",
    "Şahin",
    "Kuznetsova",
    "الحسن",
    "van Dijk",
    "Visser",
    "Doğan",
    "Müller",
    "Kowalski",
    "Østergaard",
    "García",
    "Nowak",
    "Haddad",
    "Traoré",
    "Novák",
)


_SYLLABLES = (
    (
        "bak",
        "ker",
        "van",
        "dam",
        "ol",
        "ga",
        "yıl",
        "maz",
        "ça",
        "lik",
        "pet",
        "ro",
        "va",
        "mül",
        "ler",
        "ko",
        "wal",
        "ski",
        "haj",
        "dar",
        "tra",
        "oré",
        "no",
        "vák",
        "el",
        "am",
        "ra",
        "ni",
        "sø",
        "ren",
        "zo",
        "ë",
        "łu",
        "kasz",
        "ber",
        "gen",
        "dő",
        "ğan",
        "şa",
        "hin",
    ),
    ("ен", "ко", "ов", "ли", "ма", "пет", "ро", "ва", "ив", "ан", "кузь", "не", "цо", "сми"),
    ("الح", "سن", "عل", "ي", "مح", "مد", "فا", "طمة", "يو", "سف"),
)


def _names(rng: random.Random) -> tuple[list[str], list[str]]:
    """~600 given and ~8,000 family names made of syllables in Latin, Cyrillic and Arabic
    script (like real names they share beginnings, but none is a numbered variant of another)."""

    def made(count: int, parts: int) -> list[str]:
        names: set[str] = set()
        while len(names) < count:
            pool = _SYLLABLES[0] if rng.random() < 0.7 else rng.choice(_SYLLABLES[1:])
            word = "".join(rng.choice(pool) for _ in range(parts))
            names.add(word[:1].upper() + word[1:])
        return sorted(names)

    given = sorted(set(_GIVEN) | set(made(600, 2)))
    family = sorted(set(_FAMILY) | set(made(8000, 3)))
    rng.shuffle(given)
    rng.shuffle(family)
    return given, family


def generate_drafts(
    count: int, *, today: dt.date = TODAY, seed: int = SEED, years: int = 4
) -> Iterator[RequestDraft]:
    """Valid requests received in the ``years`` before ``today``, in order of receipt (as a
    workspace grows), with names in several scripts and random V-numbers."""
    rng = random.Random(seed)
    given, family = _names(rng)
    purposes = list(Purpose)
    span = years * 365
    start = today - dt.timedelta(days=span)
    offsets = sorted(rng.randrange(span + 1) for _ in range(count))
    for i, offset in enumerate(offsets):
        received = start + dt.timedelta(days=offset)
        yield RequestDraft(
            subject_name=f"{rng.choice(given)} {rng.choice(family)}",
            v_number=f"{rng.randrange(10**10):010d}",
            purpose=purposes[i % 4],
            received=received,
            birth_date=received - dt.timedelta(days=rng.randrange(18 * 365, 70 * 365)),
            nationality=rng.choice(("TR", "MA", "SY", "RU", "NL", "CN", "NG", None)),
            ind_reference=f"IND-{received.year}-{i:07d}",
        )


# Most of a four-year history is closed: 1 in 7 with a report, the rest without data; a tenth
# of the old ones had a delay notice. One set-based statement (not a row-by-row loop).
_CLOSE_HISTORY = """
UPDATE requests SET
    status = CASE WHEN id % 7 = 0 THEN 4 ELSE 3 END,
    closed_on = date(received, '+' || (5 + id % 14) || ' days'),
    close_reason = CASE WHEN id % 7 = 0 THEN NULL ELSE 'geen gegevens (bench)' END,
    notice_date = CASE WHEN id % 10 = 0 THEN date(received, '+8 days') END,
    notice_reason = CASE WHEN id % 10 = 0 THEN 'uitstel (bench)' END,
    notice_by = CASE WHEN id % 10 = 0 THEN 'officier' END
WHERE received < ?
"""


def populate(
    conn: Any, rows: int, *, today: dt.date, calendar: AtwCalendar, created_by: str = OFFICER
) -> repo.InsertedRange:
    """Insert ``rows`` generated requests through the import's bulk path and close the old
    ones; ``conn`` is an open transaction (SQLCipher or plain sqlite3)."""
    inserted = repo.insert_many(
        conn,
        generate_drafts(rows, today=today),
        calendar=calendar,
        created_by=created_by,
        created_at=f"{today.isoformat()}T08:00:00+00:00",
        expected_rows=rows,
    )
    conn.execute(_CLOSE_HISTORY, ((today - dt.timedelta(days=30)).isoformat(),))
    return inserted


def build_workspace(
    root: Path,
    rows: int,
    *,
    env: Environment | None = None,
    existing: bool = False,
    officer: str = OFFICER,
) -> Environment:
    """A workspace with ``rows`` requests (``existing``: ``root`` is already initialised and
    ``officer`` exists, with password ``PASSWORD``). Returns the environment to sign in with."""
    env = env or Environment(
        MemorySecretProvider(), FixedClock(dt.datetime.combine(TODAY, dt.time(9), dt.UTC)), "bench"
    )
    if not existing:
        init_workspace(
            env,
            root,
            admin_name="beheer",
            admin_password=PASSWORD,
            full_name="Bench Beheer",
            location="aivd",
            kdf_profile="test",
        )
        with open_session(env, root, "beheer", PASSWORD) as admin:
            users.add_user(
                admin,
                name=officer,
                password=PASSWORD,
                roles=[Role.AIVD_OFFICER],
                full_name="Olga Officier",
            )
    with open_session(env, root, officer, PASSWORD) as session:
        today = session.clock.today()
        with session.transaction("request.import", "requests") as tx:
            calendar = calendar_days.load_calendar(tx.conn)
            inserted = populate(tx.conn, rows, today=today, calendar=calendar, created_by=officer)
            tx.details = {"imported": inserted.count, "generated": True}
        session.db.checkpoint()
    return env


def plain_copy(path: Path, rows: int, *, today: dt.date) -> sqlite3.Connection:
    """The same rows in an unencrypted stdlib sqlite3 database with the same schema."""
    conn = sqlite3.connect(str(path), isolation_level=None, check_same_thread=False)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = FULL")
    for step in migrations.MIGRATIONS:
        step.apply(conn)
    conn.execute("BEGIN")
    populate(conn, rows, today=today, calendar=calendar_days.load_calendar(conn))
    conn.execute("COMMIT")
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return conn


# -- the measured queries (identical on both connections) ----------------------------------------


def _page(conn: Any, query: RequestQuery, th: Any, limit: int) -> int:
    ids = repo.select_ids(conn, query, th, limit=limit)
    total = repo.count(conn, query, th)
    repo.records_by_ids(conn, ids)
    return total


def _samples(fn: Callable[[Any], object], conns: list[Any], inputs: list[Any]) -> list[list[float]]:
    """Interleaved per input so that machine noise hits both connections alike."""
    out: list[list[float]] = [[] for _ in conns]
    for item in inputs:
        for k, conn in enumerate(conns):
            start = time.perf_counter()
            fn((conn, item))
            out[k].append((time.perf_counter() - start) * 1000)
    return out


def _vs_plain(
    name: str,
    timings: list[list[float]],
    target: str,
    stat: Callable[[list[float]], float] = statistics.median,
) -> Figure:
    """A figure from ``_samples`` over [encrypted, plain]: the encrypted connection's ``stat``
    in ms, and its ratio to the plain connection's."""
    enc, pln = timings
    return Figure(name, stat(enc), "ms", stat(enc) / stat(pln), target)


def _csv(rows: int, seed: int) -> bytes:
    lines = ["subject_name;v_number;purpose;received;birth_date;nationality;ind_reference"]
    for d in generate_drafts(rows, seed=seed, years=1):
        lines.append(
            ";".join(
                (
                    d.subject_name,
                    d.v_number,
                    d.purpose.value,
                    d.received.isoformat(),
                    "" if d.birth_date is None else d.birth_date.isoformat(),
                    d.nationality or "",
                    d.ind_reference or "",
                )
            )
        )
    return ("\n".join(lines) + "\n").encode()


def _import_figures(tmp: Path, import_rows: int) -> list[Figure]:
    """The CSV through the service into a new workspace (parse, validate, insert, FTS, audit,
    commit); the plain figure runs the same streamed parse and insert on a new stdlib sqlite3
    database with the same schema and journal settings (no audit entry)."""
    from desktop_app.domain.intake import estimate_rows, iter_import

    data = _csv(import_rows, SEED + 1)
    root = tmp / "import-ws"
    env = build_workspace(root, 0)
    with open_session(env, root, OFFICER, PASSWORD) as session:
        start = time.perf_counter()
        count = request_service.import_requests(session, data, ".csv")
        service_s = time.perf_counter() - start
        assert count == import_rows
    plain = sqlite3.connect(
        str(tmp / "import-plain.db"), isolation_level=None, check_same_thread=False
    )
    plain.execute("PRAGMA journal_mode = WAL")
    plain.execute("PRAGMA synchronous = FULL")
    for step in migrations.MIGRATIONS:
        step.apply(plain)
    start = time.perf_counter()
    plain.execute("BEGIN IMMEDIATE")
    repo.insert_many(
        plain,
        iter_import(data, ".csv", TODAY),
        calendar=AtwCalendar(),
        created_by="b",
        created_at="t",
        expected_rows=estimate_rows(data, ".csv"),
    )
    plain.execute("COMMIT")
    plain_s = time.perf_counter() - start
    plain.close()
    return [
        Figure(
            "requests_import_rows_per_s",
            import_rows / service_s,
            "rows/s",
            service_s / plain_s,
            ">= 50,000 rows/s",
        )
    ]


def _query_figures(
    session: Session, plain: sqlite3.Connection, label: str, rng: random.Random
) -> list[Figure]:
    conns = [session.db.conn, plain]
    today = session.clock.today()
    th = dashboard_thresholds(today, calendar_days.load_calendar(plain))
    rows = plain.execute(
        "SELECT v_number, subject_name FROM requests"
        " WHERE id IN (SELECT abs(random()) % (SELECT max(id) FROM requests) + 1"
        " FROM requests LIMIT 200)"
    ).fetchall()
    while len(rows) < 200:
        rows += rows[: 200 - len(rows)]
    v_queries = [RequestQuery(search=v) for v, _ in rows]
    name_queries = [RequestQuery(search=_typed(name, rng)) for _, name in rows]
    page_q = RequestQuery()
    figures: list[Figure] = []

    def page(args: tuple[Any, RequestQuery]) -> None:
        _page(args[0], args[1], th, 50)

    for name, queries, target in (
        ("name", name_queries, "<= 30 ms"),
        ("vnumber", v_queries, "<= 30 ms"),
    ):
        _samples(page, conns, queries[:10])  # warm
        timings = _samples(page, conns, queries)
        figures.append(_vs_plain(f"requests_search_{name}_p95_ms{label}", timings, target, p95))

    def first(args: tuple[Any, RequestQuery]) -> None:
        _page(args[0], args[1], th, 100)

    timings = _samples(first, conns, [page_q] * 30)
    figures.append(_vs_plain(f"requests_first_page_ms{label}", timings, "<= 50 ms"))

    def dash(args: tuple[Any, None]) -> None:
        repo.dashboard_counts(args[0], th)

    timings = _samples(dash, conns, [None] * 30)
    figures.append(_vs_plain(f"requests_dashboard_ms{label}", timings, "<= 100 ms"))

    def all_ids(args: tuple[Any, None]) -> None:
        repo.select_ids(args[0], page_q, th)

    timings = _samples(all_ids, conns, [None] * 5)
    figures.append(_vs_plain(f"requests_all_ids_ms{label}", timings, "well under 1 s"))

    # Filtered lists in another order than their index (the ~10,000 overdue by name, the open
    # ones by reference): every id, as the lazy list fetches them.
    sorted_lists = [
        RequestQuery(bucket=DashboardBucket.OVERDUE, sort=SortColumn.SUBJECT_NAME),
        RequestQuery(bucket=DashboardBucket.OPEN, sort=SortColumn.REFERENCE),
    ]

    def filtered(args: tuple[Any, RequestQuery]) -> None:
        repo.select_ids(args[0], args[1], th)

    timings = _samples(filtered, conns, sorted_lists * 3)
    figures.append(
        _vs_plain(
            f"requests_filtered_sorted_ids_p95_ms{label}",
            timings,
            "smooth (was ~20 s by name)",
            p95,
        )
    )
    # The closed bucket (most of the rows) by name and by deadline.
    closed_lists = [
        RequestQuery(bucket=DashboardBucket.CLOSED, sort=SortColumn.SUBJECT_NAME),
        RequestQuery(bucket=DashboardBucket.CLOSED, sort=SortColumn.DEADLINE, descending=True),
    ]
    timings = _samples(filtered, conns, closed_lists * 2)
    figures.append(
        _vs_plain(f"requests_closed_sorted_ids_ms{label}", timings, "like all ids (was 3-20 s)")
    )
    return figures


def _typed(name: str, rng: random.Random) -> str:
    """How a user types a name: without diacritics, lower case, sometimes only the surname."""
    from desktop_app.domain.search_text import fold

    words = fold(name).split()
    return words[-1] if rng.random() < 0.3 else " ".join(words)


def _service_figures(session: Session, rng: random.Random) -> list[Figure]:
    """The same searches through the service (role check, audit entry, derived flags)."""
    names = [
        r[0]
        for r in session.db.conn.execute(
            "SELECT subject_name FROM requests ORDER BY random() LIMIT 100"
        )
    ]
    samples = []
    for name in names:
        start = time.perf_counter()
        request_service.list_requests(session, RequestQuery(search=_typed(name, rng)), limit=50)
        samples.append((time.perf_counter() - start) * 1000)
    return [
        Figure(
            "requests_search_name_service_p95_ms",
            p95(samples),
            "ms",
            None,
            "incl. audit entry (fsync)",
        )
    ]


def run() -> list[Figure]:
    rows = int(os.environ.get("BENCH_ROWS", "1000000"))
    import_rows = int(os.environ.get("BENCH_IMPORT_ROWS", str(rows)))
    rng = random.Random(SEED)
    figures: list[Figure] = []
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        print(f"  import of {import_rows} rows", file=sys.stderr, flush=True)
        figures += _import_figures(tmp, import_rows)
        print(f"  building {rows} requests (encrypted and plain)", file=sys.stderr, flush=True)
        start = time.perf_counter()
        env = build_workspace(tmp / "ws", rows)
        build_s = time.perf_counter() - start
        start = time.perf_counter()
        plain = plain_copy(tmp / "plain.db", rows, today=TODAY)
        plain_s = time.perf_counter() - start
        figures.append(
            Figure("requests_build_workspace_s", build_s, "s", build_s / plain_s, f"{rows} rows")
        )
        with open_session(env, tmp / "ws", OFFICER, PASSWORD) as session:
            figures += _query_figures(session, plain, "", rng)
            figures += _service_figures(session, rng)
        plain.close()
    figures += _memory_security_figures(min(import_rows, MEMSEC_IMPORT_ROWS))
    return figures


# The import with memory security on is 3x slower: a smaller file keeps make bench short.
MEMSEC_IMPORT_ROWS = 200_000


def _memory_security_figures(import_rows: int) -> list[Figure]:
    """The optional SQLCipher memory security (WERKPLEK_MEMORY_SECURITY=on) is process-wide and
    cannot be switched off again, so its cost is measured in a fresh interpreter."""
    print("  import again with memory security on (child process)", file=sys.stderr, flush=True)
    child = subprocess.run(
        [sys.executable, "-m", "bench.requests", "--import-only", str(import_rows)],
        env={**os.environ, MEMORY_SECURITY_ENV: "on"},
        capture_output=True,
        text=True,
        check=True,
        timeout=1800,
    )
    found = {item["name"]: item for item in json.loads(child.stdout)}
    item = found["requests_import_rows_per_s"]
    return [
        Figure(
            "requests_import_rows_per_s_memsec_on",
            item["value"],
            "rows/s",
            item["ratio_vs_plain"],
            f"memory security on, {import_rows:,} rows",
        )
    ]


if __name__ == "__main__":
    from bench.common import print_table

    if sys.argv[1:2] == ["--import-only"]:
        with tempfile.TemporaryDirectory() as tmp_dir:
            print(
                json.dumps(
                    [
                        {"name": f.name, "value": f.value, "ratio_vs_plain": f.ratio_vs_plain}
                        for f in _import_figures(Path(tmp_dir), int(sys.argv[2]))
                    ]
                )
            )
    else:
        with contextlib.suppress(KeyboardInterrupt):
            print_table(run())
