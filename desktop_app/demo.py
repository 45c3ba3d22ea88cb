"""The demo workspace of ``make run``: a throwaway folder with a few accounts, no real data.

Qt-free, built only from the services. It lives beside them rather than among them: it uses a
seeded ``random`` generator for fictitious data, and the services (like the key code) use only
``secrets`` (KEY-8).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import random
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from desktop_app.domain.calendar import AtwCalendar
from desktop_app.domain.classification import Classification, ClassificationDuration
from desktop_app.domain.clock import FixedClock
from desktop_app.domain.report_content import Finding, Reliability, ReportContent, render
from desktop_app.domain.roles import Role
from desktop_app.services import (
    consultations,
    covenant,
    evidence,
    printing,
    reports,
    retention,
    users,
)
from desktop_app.services import requests as request_service
from desktop_app.services.session import Environment, Session
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


def _account(name: str) -> DemoAccount:
    return next(a for a in DEMO_ACCOUNTS if a.name == name)


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
    env: Environment,
    root: Path,
    count: int = DEMO_REQUESTS,
    *,
    seed: int = 2019,
    story: bool = True,
) -> int:
    """``count`` fictitious requests received over the last weeks, handled as an officer
    would have: most older ones closed without an ambtsbericht (a few late, some after a delay
    notice), the recent ones received or in progress (some in the warning zone or overdue);
    plus provisions both ways. With ``story`` the steps of ``_DemoStory`` (reports through the
    four-eyes flow and back, the covenant register, a consultation, a legal hold) happen on
    their days in between. Everything goes through the services, with a clock that walks from
    ``DEMO_WEEKS`` weeks ago to today (the audit log keeps its order)."""
    import json

    from desktop_app.domain.queries import RequestQuery, SortColumn
    from desktop_app.services import calendar as calendar_service
    from desktop_app.services import provisions

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
    officer = _account("officier")
    with (
        open_session(sim, root, officer.name, officer.password) as session,
        contextlib.ExitStack() as cast,
    ):
        calendar: AtwCalendar = calendar_service.load_calendar(session)
        days = [start + dt.timedelta(days=n) for n in range((today - start).days + 1)]
        workdays = [d for d in days if calendar.is_working_day(d)] or [today]
        scenes = (
            _DemoStory(sim, root, clock, session, cast, calendar, workdays, at).scenes()
            if story
            else {}
        )
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
        # Provisions on their day, after the day's requests (the audit log keeps its order).
        for back, direction, text in (
            (40, "aivd_to_ind", "Spontaan ambtsbericht over een netwerk (fictief)"),
            (33, "ind_to_aivd", "Reisgegevens van een aanvrager (fictief)"),
            (19, "ind_to_aivd", "Verklaring uit een gehoor (fictief)"),
            (8, "aivd_to_ind", "Aanvulling op een eerder ambtsbericht (fictief)"),
            (3, "ind_to_aivd", "Kopie van een identiteitsdocument (fictief)"),
        ):
            day = today - dt.timedelta(days=back)

            def provide(day: dt.date = day, direction: str = direction, text: str = text) -> None:
                clock.set(at(day, 15, 20))
                provisions.add_provision(session, direction=direction, description=text, date=day)

            scenes.setdefault(day, []).insert(0, provide)
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
                    request_service.notify_delay(
                        session, rid, reason=rng.choice(_DELAY_REASONS), liaison=_LIAISON
                    )
                elif action == "close":
                    if record.status.value == "received":
                        request_service.start_request(session, rid)
                    request_service.close_no_data(session, rid, reason=rng.choice(_CLOSE_REASONS))
            # The story's steps of the day come after the routine work (each sets its own time).
            for scene in scenes.get(day, []):
                scene()
    return len(ids)


# --- Issues 12-14: one story through every section ---------------------------------------------

_LIAISON = "liaison"
Scene = Callable[[], None]


def _content(subject: str, occasion: str, findings: tuple[Finding, ...], conclusion: str) -> str:
    return render(ReportContent(subject, occasion, findings, conclusion))


class _DemoStory:
    """What the governance roles and the four-eyes flow did over the demo's weeks, as scenes on
    working days (``back``: working days before today). Each person signs in once, at their
    first scene (on the simulated clock); the signer's first scene is a signing, so the sign-in
    is the proof the signing asks for. A proof serves one step: the issue right after it asks
    for the password again, as the window does (one more Argon2 run; every other scene needs
    none)."""

    def __init__(
        self,
        env: Environment,
        root: Path,
        clock: FixedClock,
        officer: Session,
        cast: contextlib.ExitStack,
        calendar: AtwCalendar,
        workdays: list[dt.date],
        at: Callable[[dt.date, int, int], dt.datetime],
    ) -> None:
        self.env, self.root, self.clock, self.cast = env, root, clock, cast
        self.calendar, self.workdays, self.at = calendar, workdays, at
        self.sessions: dict[str, Session] = {"officier": officer}
        self.requests: dict[str, int] = {}
        self.reports: dict[str, int] = {}
        self.annotations: dict[str, int] = {}
        self.plans: dict[str, int] = {}
        self.amendment = 0
        self.consultation_actions: list[int] = []
        self.scenes_by_day: dict[dt.date, list[tuple[tuple[int, int], Scene]]] = {}

    # -- helpers

    def day(self, back: int) -> dt.date:
        return self.workdays[max(0, len(self.workdays) - 1 - back)]

    def as_(self, name: str) -> Session:
        if name not in self.sessions:
            account = _account(name)
            self.sessions[name] = self.cast.enter_context(
                open_session(self.env, self.root, account.name, account.password)
            )
        return self.sessions[name]

    def on(self, back: int, hour: int, minute: int, scene: Scene) -> None:
        day = self.day(back)

        def timed() -> None:
            self.clock.set(self.at(day, hour, minute))
            scene()

        self.scenes_by_day.setdefault(day, []).append(((hour, minute), timed))

    def request(
        self,
        key: str,
        name: str,
        v_number: str,
        purpose: str,
        back: int,
        *,
        born: dt.date,
        nationality: str,
    ) -> None:
        """A request received ``back`` working days ago, registered and taken up that day."""

        def scene() -> None:
            s = self.as_("officier")
            day = self.day(back)
            record = request_service.add_request(
                s,
                subject_name=name,
                v_number=v_number,
                purpose=purpose,
                received=day,
                birth_date=born,
                nationality=nationality,
                ind_reference=f"IND-DEMO/{day.year}/{9000 + len(self.requests) + 1}",
            )
            request_service.start_request(s, int(record.id))
            self.requests[key] = int(record.id)

        self.on(back, 15, 30, scene)

    def scenes(self) -> dict[dt.date, list[Scene]]:
        self._covenant()
        self._issued_report()
        self._sent_back_report()
        self._usable_report()
        self._withdrawn_report()
        self._consultation()
        # In the order of their time (a stable sort: the order written within a minute).
        return {
            day: [scene for _time, scene in sorted(timed, key=lambda t: t[0])]
            for day, timed in self.scenes_by_day.items()
        }

    # -- the covenant register (art. 3.3, 4, 5)

    def _covenant(self) -> None:
        def amend() -> None:
            s = self.as_(_LIAISON)
            view = covenant.request_amendment(
                s,
                change="Art. 2.3: de liaison wordt bij uitstel ook per beveiligde e-mail "
                "geïnformeerd, met de reden en de verwachte datum (fictief).",
                effective=self.env.clock.today() + dt.timedelta(days=120),
            )
            self.amendment = int(view.id)

        def consent() -> None:
            covenant.decide_amendment(
                self.as_(_LIAISON),
                self.amendment,
                decision_ref=f"HD-IND-DEMO/{self.clock.today().year}/17",
            )

        def plan(key: str, by: str, subject: str, text: str) -> Scene:
            def scene() -> None:
                until = self.clock.today().replace(month=12, day=31)
                view = covenant.add_plan(
                    self.as_(by),
                    subject=subject,
                    text=text,
                    classified_until=until.replace(year=until.year + 5),
                )
                self.plans[key] = int(view.plan.id)

            return scene

        def approve(key: str, by: str, ref: str, number: int) -> Scene:
            def scene() -> None:
                decision = f"{ref}/{self.clock.today().year}/{number}"
                covenant.approve_plan(self.as_(by), self.plans[key], decision_ref=decision)

            return scene

        def annex() -> None:
            until = self.clock.today().replace(month=12, day=31)
            covenant.annex_set(
                self.as_("tekenaar"),
                text="Niet-openbare bijlage bij het convenant (demo, fictief)\n\n"
                "1. Contactpersonen en bereikbaarheid buiten kantoortijd.\n"
                "2. Afspraken over de beveiligde verbinding tussen de werkplekken.\n"
                "3. De werkwijze bij spoedverzoeken in het kader van art. 2.3.\n",
                classification=Classification.STG_GEHEIM,
                classified_until=until.replace(year=until.year + 5),
            )

        self.on(45, 15, 30, amend)
        self.on(42, 16, 0, consent)
        self.on(
            33,
            16,
            0,
            plan(
                "urgent",
                "tekenaar",
                "Uitwisseling bij spoedverzoeken",
                "1. Een spoedverzoek van de IND wordt binnen twee werkdagen beantwoord.\n"
                "2. De liaison bevestigt de ontvangst dezelfde dag.\n"
                "3. Uitstel wordt telefonisch gemeld en daarna vastgelegd.\n",
            ),
        )
        self.on(33, 16, 10, approve("urgent", "tekenaar", "DG-AIVD-DEMO", 55))
        self.on(30, 16, 0, approve("urgent", _LIAISON, "HD-IND-DEMO", 131))
        self.on(31, 16, 0, annex)
        self.on(
            28,
            16,
            0,
            plan(
                "feedback",
                _LIAISON,
                "Terugkoppeling over de bruikbaarheid",
                "1. De IND meldt elk kwartaal hoe ambtsberichten in besluiten zijn gebruikt.\n"
                "2. Opmerkingen van de liaison worden per ambtsbericht afgehandeld.\n",
            ),
        )
        self.on(25, 16, 0, approve("feedback", _LIAISON, "HD-IND-DEMO", 140))

    # -- the reports (art. 2.3, 2.4) and what goes with them

    def _issued_report(self) -> None:
        """Drafted with data older than ten years, remarks edited and handled, judged usable,
        signed with the signer's special-case decision, issued and printed for three
        recipients; the dossier is under a legal hold."""
        self.request(
            "issued",
            "Emine Yılmaz",
            "4820193746",
            "asylum",
            40,
            born=dt.date(1986, 3, 14),
            nationality="TUR",
        )

        def findings(second: str) -> tuple[Finding, ...]:
            today = self.clock.today()
            return (
                Finding(
                    "Betrokkene heeft in de periode 2021–2023 contact onderhouden met een persoon "
                    "die bij de dienst bekend is vanwege heimelijke activiteiten voor een "
                    "buitenlandse inlichtingendienst.",
                    Reliability.RELIABLE,
                    data_date=dt.date(today.year - 3, 6, 30),
                ),
                Finding(
                    second,
                    Reliability.FAIRLY_RELIABLE,
                    data_date=dt.date(today.year - 14, 9, 1),
                ),
                Finding(
                    "Betrokkene heeft bij de grensovergang onjuiste gegevens over het doel van "
                    "de reis verstrekt.",
                    source_reference="DOC-DEMO-0457",
                    data_date=today - dt.timedelta(days=400),
                ),
            )

        def text(second: str, conclusion: str) -> str:
            return _content(
                "Betrokkene E. Yılmaz (fictief), asielaanvraag",
                "Verzoek van de IND om naslag in het kader van een asielaanvraag "
                "(kenmerk IND-DEMO).",
                findings(second),
                conclusion,
            )

        first = (
            "Betrokkene was bestuurslid van een stichting die als dekmantel diende voor werving."
        )
        revised = (
            "Betrokkene was in die tijd bestuurslid van een stichting die volgens een betrouwbare "
            "bron als dekmantel diende voor werving."
        )

        def write() -> None:
            s = self.as_("officier")
            saved = reports.draft_report(
                s,
                text=text(
                    first,
                    "Er bestaan aanwijzingen dat betrokkene een gevaar vormt voor de nationale "
                    "veiligheid.",
                ),
                request_id=self.requests["issued"],
                classification=Classification.STG_GEHEIM,
                duration=self._duration(),
            )
            rid = self.reports["issued"] = int(saved.report.id)
            evidence.add_evidence(
                s,
                rid,
                source=b"Gespreksverslag van een bron over de stichting (fictief).\n",
                title="Gespreksverslag bron 0457 (fictief)",
                source_note="Verslag van een gesprek met een bron, opgesteld door de dienst",
                data_date=self.clock.today() - dt.timedelta(days=400),
                duration=self._duration(),
            )
            reports.submit_report(s, rid)

        def review() -> None:
            s = self.as_(_LIAISON)
            rid = self.reports["issued"]
            self.annotations["old"] = int(
                reports.annotate(
                    s,
                    rid,
                    quote="stichting die als dekmantel diende voor werving",
                    comment="Waaruit blijkt dat de stichting een dekmantel was?",
                ).id
            )
            reports.edit_remark(
                s,
                rid,
                self.annotations["old"],
                comment="Waaruit blijkt dat de stichting een dekmantel was? Deze gegevens zijn "
                "ouder dan tien jaar: kunt u de betrouwbaarheid toelichten?",
            )
            reports.annotate(
                s,
                rid,
                quote="een gevaar vormt voor de nationale veiligheid",
                comment="Graag concreter: welk gevaar?",
            )
            reports.give_verdict(
                s, rid, usable=False, comment="De onderbouwing van bevinding 2 is te mager."
            )

        def revise() -> None:
            s = self.as_("officier")
            rid = self.reports["issued"]
            reports.handle_remark(
                s,
                rid,
                self.annotations["old"],
                note="Bevinding 2 noemt nu de bron; de betrouwbaarheid staat erbij.",
            )
            reports.revise_report(
                s,
                rid,
                text=text(
                    revised,
                    "Er bestaan concrete aanwijzingen dat betrokkene heimelijke activiteiten "
                    "voor een buitenlandse dienst ondersteunt en daarmee een gevaar vormt voor "
                    "de nationale veiligheid.",
                ),
            )
            reports.submit_report(s, rid)

        def sign_issue_print() -> None:
            s = self.as_("tekenaar")  # signed in just now: the proof signing asks for
            rid = self.reports["issued"]
            reports.sign_report(
                s,
                rid,
                proof=s.sign_in_proof(),
                special_case_reason="De gegevens van bevinding 2 zijn ouder dan tien jaar, maar "
                "worden door recente bevindingen bevestigd en zijn nodig voor de beoordeling.",
            )
            reports.issue_report(s, rid, proof=s.reauthenticate(_account("tekenaar").password))
            printing.print_report(
                s,
                rid,
                recipients=(
                    "Hoofddirecteur IND",
                    "IND, Unit Veiligheidszaken",
                    "Archief AIVD",
                ),
            )

        def hold() -> None:
            retention.place_hold(
                self.as_("tekenaar"),
                f"request:{self.requests['issued']}",
                reason="Betrokkene heeft beroep ingesteld tegen het besluit op de asielaanvraag; "
                "het dossier is nodig in de procedure (fictief).",
                reference="Rb. Den Haag AWB-DEMO 26/04512",
            )

        self.on(38, 15, 40, write)
        self.on(37, 15, 30, review)
        self.on(36, 15, 30, revise)
        self.on(35, 15, 30, lambda: self._verdict("issued"))
        self.on(34, 15, 30, sign_issue_print)
        self.on(20, 15, 30, hold)

    def _duration(self) -> ClassificationDuration:
        end = self.clock.today().replace(month=12, day=31)
        return ClassificationDuration(until=end.replace(year=end.year + 10))

    def _sent_back_report(self) -> None:
        """Judged usable, then sent back by the signer with a reason; its request's delay
        notice names the liaison and was recorded after the deadline."""
        self.request(
            "sent_back",
            "Mohamed Benali",
            "7302918465",
            "residence",
            22,
            born=dt.date(1991, 11, 2),
            nationality="MAR",
        )
        deadline_back = 22 - 10  # ten working days after receipt

        def write() -> None:
            self._submit_draft(
                "sent_back",
                _content(
                    "Betrokkene M. Benali (fictief), aanvraag verblijfsvergunning",
                    "Verzoek van de IND om naslag bij een aanvraag om een verblijfsvergunning "
                    "(kenmerk IND-DEMO).",
                    (
                        Finding(
                            "Betrokkene is in de afgelopen twee jaar meermaals gereisd naar een "
                            "gebied waar een terroristische organisatie actief is.",
                            Reliability.RELIABLE,
                            data_date=self.clock.today() - dt.timedelta(days=200),
                        ),
                        Finding(
                            "Betrokkene onderhoudt via sociale media contact met personen uit "
                            "die organisatie.",
                            Reliability.FAIRLY_RELIABLE,
                            data_date=self.clock.today() - dt.timedelta(days=90),
                        ),
                    ),
                    "Betrokkene vormt een gevaar voor de nationale veiligheid.",
                ),
                Classification.STG_GEHEIM,
            )

        def notice() -> None:
            # Told by telephone before the deadline, entered afterwards.
            request_service.notify_delay(
                self.as_("officier"),
                self.requests["sent_back"],
                reason="Aanvullende navraag bij een buitenlandse dienst loopt nog; de liaison is "
                "telefonisch geïnformeerd.",
                date=self.day(deadline_back + 1),
                liaison=_LIAISON,
            )

        def send_back() -> None:
            reports.send_back(
                self.as_("tekenaar"),
                self.reports["sent_back"],
                reason="De conclusie gaat verder dan de bevindingen dragen: reizen en contacten "
                "maken nog geen gevaar. Graag de conclusie herformuleren.",
            )

        self.on(16, 15, 45, write)
        self.on(15, 15, 30, lambda: self._verdict("sent_back"))
        self.on(14, 15, 30, send_back)
        self.on(deadline_back - 2, 15, 30, notice)

    def _usable_report(self) -> None:
        """Judged usable, waiting for the signer."""
        self.request(
            "usable",
            "Sanne de Vries",
            "5519027384",
            "naturalisation",
            12,
            born=dt.date(1979, 7, 23),
            nationality="BEL",
        )

        def write() -> None:
            self._submit_draft(
                "usable",
                _content(
                    "Betrokkene S. de Vries (fictief), naturalisatieverzoek",
                    "Verzoek van de IND om naslag bij een verzoek om naturalisatie "
                    "(kenmerk IND-DEMO).",
                    (
                        Finding(
                            "Betrokkene was tot voor kort actief in een groep die oproept tot "
                            "geweld tegen andersdenkenden.",
                            Reliability.RELIABLE,
                            data_date=self.clock.today() - dt.timedelta(days=300),
                        ),
                    ),
                    "Er bestaan aanwijzingen dat betrokkene de openbare orde in gevaar brengt.",
                ),
                Classification.STG_CONFIDENTIEEL,
            )

        def notice() -> None:
            # Given on time: the signer's turn comes after the deadline.
            request_service.notify_delay(
                self.as_("officier"),
                self.requests["usable"],
                reason="Het ambtsbericht wacht op ondertekening; de liaison is geïnformeerd.",
                liaison=_LIAISON,
            )

        self.on(8, 15, 45, write)
        self.on(6, 15, 30, lambda: self._verdict("usable"))
        self.on(4, 15, 20, notice)

    def _verdict(self, key: str) -> None:
        reports.give_verdict(self.as_(_LIAISON), self.reports[key], usable=True)

    def _submit_draft(self, key: str, text: str, classification: Classification) -> None:
        """The officer drafts the report on request ``key`` and submits it for review."""
        s = self.as_("officier")
        saved = reports.draft_report(
            s,
            text=text,
            request_id=self.requests[key],
            classification=classification,
            duration=self._duration(),
        )
        self.reports[key] = int(saved.report.id)
        reports.submit_report(s, self.reports[key])

    def _withdrawn_report(self) -> None:
        """Withdrawn by the officer with a reason, revised and submitted again: in review."""
        self.request(
            "withdrawn",
            "Ayşe Kaya",
            "6647120983",
            "asylum",
            9,
            born=dt.date(1995, 1, 30),
            nationality="TUR",
        )

        def text(extra: bool) -> str:
            findings = [
                Finding(
                    "Over betrokkene zijn bij de dienst geen gegevens bekend die van belang zijn "
                    "voor de beoordeling van de aanvraag.",
                    Reliability.VERY_RELIABLE,
                )
            ]
            if extra:
                findings.append(
                    Finding(
                        "Een naamgenoot van betrokkene komt voor in een onderzoek van de dienst; "
                        "het gaat niet om dezelfde persoon.",
                        Reliability.RELIABLE,
                        data_date=self.clock.today() - dt.timedelta(days=30),
                    )
                )
            return _content(
                "Betrokkene A. Kaya (fictief), asielaanvraag",
                "Verzoek van de IND om naslag in het kader van een asielaanvraag "
                "(kenmerk IND-DEMO).",
                tuple(findings),
                "Geen bezwaar bekend.",
            )

        def write() -> None:
            self._submit_draft("withdrawn", text(False), Classification.STG_CONFIDENTIEEL)

        def withdraw() -> None:
            s = self.as_("officier")
            rid = self.reports["withdrawn"]
            reports.withdraw_submission(
                s,
                rid,
                reason="Er kwam nieuwe informatie over een naamgenoot binnen die eerst "
                "verwerkt moet worden.",
            )
            reports.revise_report(s, rid, text=text(True))
            reports.submit_report(s, rid)

        def remark() -> None:
            reports.annotate(
                self.as_(_LIAISON),
                self.reports["withdrawn"],
                quote="het gaat niet om dezelfde persoon",
                comment="Is dit voor de IND van belang? Anders weglaten.",
            )

        self.on(6, 15, 45, write)
        self.on(4, 15, 30, withdraw)
        self.on(2, 15, 30, remark)

    # -- the periodic consultation (art. 3.2)

    def _consultation(self) -> None:
        held = 14

        def record() -> None:
            held_on = self.day(held)
            first = self.workdays[0]
            month = (first.replace(day=1) + dt.timedelta(days=32)).replace(day=1)
            end = held_on.replace(day=1) - dt.timedelta(days=1)
            if (end - month).days < 21:
                month, end = first, held_on - dt.timedelta(days=1)
            found = consultations.record_consultation(
                self.as_("tekenaar"),
                held_on=held_on,
                period_from=month,
                period_to=end,
                participants=(
                    ("aivd", "Teun Tekenaar", "plv. directeur-generaal (gemandateerd)"),
                    ("aivd", "Olga Officier", "teamleider naslag"),
                    ("ind", "Lotte Liaison", "liaison bij de AIVD"),
                    ("ind", "Marieke van Dam", "directeur Unit Veiligheidszaken"),
                ),
                decisions="Uitstelberichten worden voortaan vastgelegd met de liaison erbij.\n"
                "De IND meldt elk kwartaal hoe ambtsberichten zijn gebruikt.",
                actions=(
                    (
                        "Werkinstructie uitstelberichten bijwerken",
                        "Olga Officier",
                        held_on + dt.timedelta(days=14),
                    ),
                    (
                        "Steekproef van tien bruikbaarheidsoordelen bespreken",
                        "Lotte Liaison",
                        held_on + dt.timedelta(days=42),
                    ),
                    (
                        "Besluit gelijkstelling na 2028 navragen bij BZK",
                        "Marieke van Dam",
                        held_on + dt.timedelta(days=60),
                    ),
                ),
            )
            self.consultation_actions = [int(a.id or 0) for a in found.actions]

        def done() -> None:
            consultations.mark_action_done(self.as_("tekenaar"), self.consultation_actions[0])

        self.on(held - 1, 15, 30, record)
        self.on(held - 8, 16, 30, done)
