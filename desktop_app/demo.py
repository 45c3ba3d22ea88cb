"""The demo workspace of ``make run``: a throwaway folder with a few accounts, no real data.

Qt-free, built only from the services. It lives beside them rather than among them: it uses a
seeded ``random`` generator for fictitious data, and the services (like the key code) use only
``secrets`` (KEY-8).
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass
from pathlib import Path

from desktop_app.domain.classification import Classification
from desktop_app.domain.roles import Role
from desktop_app.services import users
from desktop_app.services.session import Environment
from desktop_app.services.workspace import init_workspace, open_session

BANNER = "DEMO — oefenwerkplek, geen echte gegevens"


@dataclass(frozen=True)
class DemoAccount:
    name: str
    full_name: str
    password: str
    roles: frozenset[Role]
    clearance: Classification


# The README lists these passwords: the demo holds nothing worth protecting.
DEMO_ADMIN = DemoAccount(
    "beheer",
    "Bas de Beheerder",
    "demo-beheer",
    frozenset({Role.ADMIN}),
    Classification.ONGERUBRICEERD,
)
DEMO_ACCOUNTS: tuple[DemoAccount, ...] = (
    DEMO_ADMIN,
    DemoAccount(
        "officier",
        "Olga Officier",
        "demo-officier",
        frozenset({Role.AIVD_OFFICER}),
        Classification.STG_GEHEIM,
    ),
    DemoAccount(
        "tekenaar",
        "Teun Tekenaar",
        "demo-tekenaar",
        frozenset({Role.AIVD_SIGNER}),
        Classification.STG_ZEER_GEHEIM,
    ),
    DemoAccount(
        "liaison",
        "Lotte Liaison",
        "demo-liaison",
        frozenset({Role.IND_LIAISON}),
        Classification.STG_GEHEIM,
    ),
    DemoAccount(
        "inspecteur",
        "Ivo Inspecteur",
        "demo-inspecteur",
        frozenset({Role.IND_INSPECTOR}),
        Classification.STG_GEHEIM,
    ),
)
DEMO_DECISION = "HDIND-DEMO/0001"


def create_demo_workspace(
    env: Environment,
    root: Path,
    *,
    kdf_profile: str = "interactive",
    requests: int | None = None,
) -> dict[str, str]:
    """Initialise a workspace in the empty folder ``root`` with the demo accounts; returns
    name -> password. The inspector gets a designation that is current today. ``requests``
    fictitious requests (and a few provisions) give the deadline dashboard some life."""
    init_workspace(
        env,
        root,
        admin_name=DEMO_ADMIN.name,
        admin_password=DEMO_ADMIN.password,
        full_name=DEMO_ADMIN.full_name,
        location="aivd",
        kdf_profile=kdf_profile,
    )
    with open_session(env, root, DEMO_ADMIN.name, DEMO_ADMIN.password) as session:
        for account in DEMO_ACCOUNTS:
            if account is DEMO_ADMIN:
                continue
            users.add_user(
                session,
                name=account.name,
                password=account.password,
                roles=account.roles,
                full_name=account.full_name,
                clearance=account.clearance,
                # The README publishes these passwords; asking to replace them would only
                # stand between a visitor and the demo.
                initial_password=False,
            )
        today = env.clock.today()
        users.designate(
            session,
            name="inspecteur",
            decision_ref=DEMO_DECISION,
            valid_from=today - dt.timedelta(days=30),
            valid_until=today + dt.timedelta(days=365),
        )
    count = DEMO_REQUESTS if requests is None else requests
    if count:
        seed_demo_requests(env, root, count)
    return {account.name: account.password for account in DEMO_ACCOUNTS}


# --- Issue 3: requests and provisions for a living deadline dashboard -------------------------

DEMO_REQUESTS = 180
DEMO_WEEKS = 10
# Names per language, so that given and family name belong together.
_NAMES: tuple[tuple[tuple[str, ...], tuple[str, ...]], ...] = (
    (
        ("Mehmet", "Ayşe", "Emine", "Hüseyin", "Özlem", "Mustafa"),
        ("Çelik", "Yılmaz", "Öztürk", "Şahin", "Doğan", "Kaya"),
    ),
    (
        ("Jan", "Sanne", "Pieter", "Noor", "Kees", "Fleur"),
        ("de Vries", "Jansen", "Bakker", "van Dijk", "Visser", "Smit"),
    ),
    (
        ("Fatima", "Youssef", "Khadija", "Mohamed", "Samira"),
        ("El Amrani", "Bouzid", "Haddou", "Benali", "Ouali"),
    ),
    (
        ("Ольга", "Дмитрий", "Анна", "Игорь", "Наталья"),
        ("Петрова", "Иванов", "Кузнецова", "Смирнов", "Соколова"),
    ),
    (("محمد", "فاطمة", "أحمد", "مريم", "خالد"), ("العلي", "الحسن", "الخطيب", "النجار", "السيد")),
    (("Σοφία", "Γιώργος", "Ελένη"), ("Παπαδοπούλου", "Νικολάου", "Οικονόμου")),
)
_PURPOSES = ("asylum", "asylum", "residence", "residence", "naturalisation", "other")
_NATIONALITIES = ("TUR", "SYR", "MAR", "RUS", "UKR", "IRQ", "ERI", "GRC", "VNM", None)
_CLOSE_REASONS = (
    "Geen gegevens over betrokkene bekend bij de dienst.",
    "Gegevens bekend, maar niet relevant voor de beoordeling door de IND.",
    "Verzoek ingetrokken door de IND.",
)
_DELAY_REASONS = (
    "Aanvullende navraag bij een buitenlandse dienst loopt nog.",
    "Omvangrijk dossier; beoordeling van de bronnen vergt meer tijd.",
    "Wacht op vertaling van stukken.",
)


def _demo_name(rng: random.Random) -> str:
    given, family = rng.choice(_NAMES)
    return f"{rng.choice(given)} {rng.choice(family)}"


def demo_import_csv(rows: int, today: dt.date, *, seed: int = 2026) -> bytes:
    """A fictitious IND list of ``rows`` requests received in the 60 days before ``today``, as
    the CSV the import reads (screenshots of a long import)."""
    rng = random.Random(seed)  # noqa: S311 (fictitious demo data, no security)
    lines = ["subject_name;v_number;purpose;received"]
    for _ in range(rows):
        received = today - dt.timedelta(days=rng.randrange(60))
        lines.append(
            f"{_demo_name(rng)};{rng.randrange(10**10):010d};"
            f"{rng.choice(('asylum', 'residence', 'naturalisation'))};{received}"
        )
    return ("\n".join(lines) + "\n").encode()


def seed_demo_requests(
    env: Environment, root: Path, count: int = DEMO_REQUESTS, *, seed: int = 2019
) -> int:
    """``count`` fictitious requests received over the last weeks, handled as an officer
    would have: most older ones closed without an ambtsbericht (a few late, some after a delay
    notice), the recent ones received or in progress (some in the warning zone or overdue);
    plus provisions both ways. Everything goes through the services, with a clock that walks
    from ``DEMO_WEEKS`` weeks ago to today (the audit log keeps its order)."""
    import json

    from desktop_app.domain.calendar import AtwCalendar
    from desktop_app.domain.clock import FixedClock
    from desktop_app.domain.queries import RequestQuery, SortColumn
    from desktop_app.services import calendar as calendar_service
    from desktop_app.services import provisions
    from desktop_app.services import requests as request_service

    rng = random.Random(seed)  # noqa: S311 (fictitious demo data, no security)
    today = env.clock.today()
    start = today - dt.timedelta(weeks=DEMO_WEEKS)
    clock = FixedClock(dt.datetime.combine(start, dt.time(8, 0), dt.UTC))
    # Today's simulated events happen before now: an entry dated later in the day would hold
    # every real entry after it at that time (the audit chain never goes back in time).
    latest = env.clock.now().astimezone(dt.UTC) - dt.timedelta(minutes=1)

    def at(day: dt.date, hour: int, minute: int) -> dt.datetime:
        return min(dt.datetime.combine(day, dt.time(hour, minute), dt.UTC), latest)

    sim = Environment(provider=env.provider, clock=clock, origin=env.origin)
    officer = next(a for a in DEMO_ACCOUNTS if a.name == "officier")
    with open_session(sim, root, officer.name, officer.password) as session:
        calendar: AtwCalendar = calendar_service.load_calendar(session)
        days = [start + dt.timedelta(days=n) for n in range((today - start).days + 1)]
        workdays = [d for d in days if calendar.is_working_day(d)] or [today]
        # Receipts (weighted towards recent weeks a little) and what happens to each.
        events: dict[dt.date, list[tuple[str, int]]] = {}
        rows: dict[dt.date, list[tuple[int, dict[str, object]]]] = {}
        for number in range(count):
            received = workdays[min(len(workdays) - 1, int(len(workdays) * rng.random() ** 0.8))]
            row: dict[str, object] = {
                "subject_name": _demo_name(rng),
                "v_number": f"{rng.randrange(10**9, 10**10)}",
                "purpose": rng.choice(_PURPOSES),
                "received": received.isoformat(),
                "ind_reference": f"IND-DEMO/{received.year}/{number + 1:04d}",
            }
            nationality = rng.choice(_NATIONALITIES)
            if nationality:
                row["nationality"] = nationality
            rows.setdefault(received, []).append((number, row))
            deadline = calendar.deadline_for(received)
            handled = calendar.add_working_days(received, rng.choice((2, 4, 6, 8, 9, 10, 12)))
            started = calendar.add_working_days(received, rng.randint(1, 2))
            if started <= today:
                events.setdefault(started, []).append(("start", number))
            late = handled > deadline
            if (late or rng.random() < 0.1) and rng.random() < 0.6:
                notice = calendar.add_working_days(received, rng.choice((7, 8, 9)))
                if notice <= today:
                    events.setdefault(notice, []).append(("notice", number))
            if handled <= today and rng.random() < 0.97:
                events.setdefault(max(handled, started), []).append(("close", number))
        ids: dict[int, int] = {}
        newest_first = RequestQuery(sort=SortColumn.REFERENCE, descending=True)
        for day in days:
            clock.set(at(day, 8, 30))
            batch = rows.get(day, [])
            if batch:
                request_service.import_requests(
                    session, json.dumps([row for _n, row in batch]).encode(), ".json"
                )
                # An import numbers its rows in order: the batch's ids are the newest ones.
                new = sorted(
                    int(i)
                    for i in request_service.request_ids(session, newest_first, limit=len(batch))
                )
                for (number, _row), rid in zip(batch, new, strict=True):
                    ids[number] = rid
            clock.set(at(day, 15, 0))
            for action, number in events.get(day, []):
                if number not in ids:
                    continue
                rid = ids[number]
                record = request_service.get_request(session, rid)
                if record.status.is_closed:
                    continue
                if action == "start" and record.status.value == "received":
                    request_service.start_request(session, rid)
                elif action == "notice" and record.delay_notice is None:
                    request_service.notify_delay(session, rid, reason=rng.choice(_DELAY_REASONS))
                elif action == "close":
                    if record.status.value == "received":
                        request_service.start_request(session, rid)
                    request_service.close_no_data(session, rid, reason=rng.choice(_CLOSE_REASONS))
        for back, direction, text in (
            (40, "aivd_to_ind", "Spontaan ambtsbericht over een netwerk (fictief)"),
            (33, "ind_to_aivd", "Reisgegevens van een aanvrager (fictief)"),
            (19, "ind_to_aivd", "Verklaring uit een gehoor (fictief)"),
            (8, "aivd_to_ind", "Aanvulling op een eerder ambtsbericht (fictief)"),
            (3, "ind_to_aivd", "Kopie van een identiteitsdocument (fictief)"),
        ):
            day = today - dt.timedelta(days=back)
            clock.set(dt.datetime.combine(day, dt.time(11, 0), dt.UTC))
            provisions.add_provision(session, direction=direction, description=text, date=day)
    return len(ids)
