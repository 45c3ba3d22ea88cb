from __future__ import annotations

import datetime as dt
import enum
import itertools
from dataclasses import dataclass

import pytest
from hypothesis import event, given, settings
from hypothesis import strategies as st

from desktop_app.domain import reports
from desktop_app.domain.classification import Classification
from desktop_app.domain.clock import FixedClock
from desktop_app.domain.designations import Designation
from desktop_app.domain.errors import (
    Forbidden,
    InvalidInput,
    InvalidState,
    Involved,
    NotDesignated,
    WrongLocation,
)
from desktop_app.domain.ids import EvidenceId, ReportId, UserId
from desktop_app.domain.inspection import (
    DEFAULT_IDLE_MINUTES,
    Condition,
    Eligibility,
    EndReason,
    InspectionSession,
    InvolvementKind,
    RecordedEvent,
    SessionEvent,
    SessionEventKind,
    SessionState,
    build_record,
    check_eligibility,
    idle_expired,
    involvement_kind,
    involvement_of,
    is_involved,
    normalize_notes,
    replay,
    validate_idle_minutes,
    viewing_durations,
    visible_items,
)
from desktop_app.domain.reports import ReportEvent
from desktop_app.domain.roles import Role

INSPECTOR = UserId(10)
OFFICER = UserId(1)
SIGNER = UserId(2)
LIAISON = UserId(3)
CLOCK = FixedClock(dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.UTC))
TODAY = CLOCK.today()
DAY = dt.timedelta(days=1)
T0 = CLOCK.now()


def minutes(n: float) -> dt.timedelta:
    return dt.timedelta(minutes=n)


# A history as the report workflow would record it: nobody in it is the inspector.
PRODUCTION = (
    RecordedEvent("wrote", OFFICER),
    RecordedEvent("submitted", OFFICER),
    RecordedEvent("annotated", LIAISON),
    RecordedEvent("judged", LIAISON),
    RecordedEvent("signed", SIGNER),
    RecordedEvent("issued", SIGNER),
)

# Kinds of event that make their actor involved (the workflow's past tenses and its own
# action names) and kinds that do not; the property tests below draw their histories from both.
INVOLVING = {
    "wrote",
    "revised",
    "submitted",
    "annotated",
    "judged",
    "signed",
    "issued",
    "create",
    "revise",
    "verdict_changes_wanted",
    "correct",
}
READING = {"viewed", "printed", "inspected", "view", "print"}


def check(**overrides: object) -> Eligibility:
    kwargs: dict[str, object] = {
        "user_id": INSPECTOR,
        "roles": {Role.IND_INSPECTOR},
        "designations": [Designation(INSPECTOR, "HDIND-2026/0042", TODAY - 30 * DAY)],
        "history": PRODUCTION,
        "workstation_location": "aivd",
        "report_status": "issued",
        "today": TODAY,
    }
    kwargs.update(overrides)
    return check_eligibility(**kwargs)  # type: ignore[arg-type]


def barred_as_involved(**overrides: object) -> str:
    """The check with these inputs refuses on involvement alone: its message."""
    result = check(**overrides)
    assert result.failed == (Condition.NOT_INVOLVED,)
    return result.messages[0]


# Overrides that make exactly one condition fail.
FAILING: dict[Condition, dict[str, object]] = {
    Condition.ROLE: {"roles": {Role.IND_LIAISON}},
    Condition.DESIGNATION: {"designations": []},
    Condition.NOT_INVOLVED: {"history": (*PRODUCTION, RecordedEvent("revised", INSPECTOR))},
    Condition.LOCATION: {"workstation_location": "ind"},
    Condition.ISSUED: {"report_status": "signed"},
}
ERRORS = {
    Condition.ROLE: Forbidden,
    Condition.DESIGNATION: NotDesignated,
    Condition.NOT_INVOLVED: Involved,
    Condition.LOCATION: WrongLocation,
    Condition.ISSUED: InvalidState,
}
CODES = {
    Condition.ROLE: "forbidden",
    Condition.DESIGNATION: "not_designated",
    Condition.NOT_INVOLVED: "involved",
    Condition.LOCATION: "wrong_location",
    Condition.ISSUED: "invalid_state",
}


def test_all_conditions_hold() -> None:
    result = check()
    assert result.allowed
    assert result.failed == ()
    result.raise_if_refused()
    assert result.designation is not None
    assert result.designation.decision_ref == "HDIND-2026/0042"


@pytest.mark.parametrize("condition", list(Condition))
def test_each_condition_alone(condition: Condition) -> None:
    result = check(**FAILING[condition])
    assert not result.allowed
    assert result.failed == (condition,)
    with pytest.raises(ERRORS[condition]) as info:
        result.raise_if_refused()
    assert info.value.code == CODES[condition]
    assert info.value.message == result.messages[0]
    assert info.value.message.endswith(".")


@pytest.mark.parametrize(
    "subset",
    [c for n in range(2, 6) for c in itertools.combinations(list(Condition), n)],
)
def test_combinations_reported_in_fixed_order(subset: tuple[Condition, ...]) -> None:
    overrides: dict[str, object] = {}
    # Apply in reverse so the order of overrides cannot leak into the order of reporting.
    for condition in reversed(subset):
        overrides.update(FAILING[condition])
    result = check(**overrides)
    assert result.failed == subset
    assert len(set(result.messages)) == len(subset)
    with pytest.raises(ERRORS[subset[0]]):
        result.raise_if_refused()


def test_messages_are_specific_dutch_sentences() -> None:
    assert "IND-inzagemedewerker" in check(**FAILING[Condition.ROLE]).messages[0]
    assert "aangewezen" in check(**FAILING[Condition.DESIGNATION]).messages[0]
    assert "herzien" in check(**FAILING[Condition.NOT_INVOLVED]).messages[0]
    assert "ten kantore van de AIVD" in check(**FAILING[Condition.LOCATION]).messages[0]
    assert "uitgebracht" in check(**FAILING[Condition.ISSUED]).messages[0]


# --- involvement -----------------------------------------------------------------------------


def test_liaison_who_annotated_is_refused() -> None:
    # A liaison may also be a designated inspector (cli.md), but not for a report they annotated.
    liaison_inspector = {Role.IND_LIAISON, Role.IND_INSPECTOR}
    designations = [Designation(LIAISON, "HDIND-2026/0007", TODAY - DAY)]
    history = (
        RecordedEvent("wrote", OFFICER),
        RecordedEvent("annotated", LIAISON),
        RecordedEvent("issued", SIGNER),
    )
    result = check(
        user_id=LIAISON, roles=liaison_inspector, designations=designations, history=history
    )
    assert result.failed == (Condition.NOT_INVOLVED,)
    assert "geannoteerd" in result.messages[0]
    with pytest.raises(Involved):
        result.raise_if_refused()
    # The same person on another report, which they had no part in, may inspect.
    other_report = (
        RecordedEvent("wrote", OFFICER),
        RecordedEvent("judged", UserId(99)),
        RecordedEvent("issued", SIGNER),
    )
    assert check(
        user_id=LIAISON, roles=liaison_inspector, designations=designations, history=other_report
    ).allowed


def test_inspector_who_later_edits_loses_rights() -> None:
    """AUTHZ-3: eligibility is derived from the current history each time."""
    history: list[RecordedEvent] = list(PRODUCTION)
    assert check(history=history).allowed
    history.append(RecordedEvent("revised", INSPECTOR))  # e.g. a correction after issue
    barred_as_involved(history=history)


WORKFLOW_ACTIONS = {"submit", "annotate", "verdict_usable", "sign", "issue", "set_classification"}


@pytest.mark.parametrize("kind", sorted(INVOLVING | WORKFLOW_ACTIONS))
def test_every_involving_kind_counts(kind: str) -> None:
    assert is_involved(INSPECTOR, [*PRODUCTION, RecordedEvent(kind, INSPECTOR)])
    assert not is_involved(INSPECTOR, [*PRODUCTION, RecordedEvent(kind, UserId(55))])


def test_reading_does_not_count_and_spelling_is_lenient() -> None:
    neutral = [RecordedEvent(k, INSPECTOR) for k in ("viewed", "view", "printed", "inspected")]
    assert not is_involved(INSPECTOR, neutral)
    assert involvement_of(INSPECTOR, [RecordedEvent(" Signed ", INSPECTOR)]) == {"signed"}


def test_unknown_event_kinds_count_as_involvement() -> None:
    """Fail closed: a workflow step this module does not know still bars its actor."""
    barred_as_involved(history=[*PRODUCTION, RecordedEvent("attach_evidence", INSPECTOR)])
    assert involvement_of(INSPECTOR, [RecordedEvent("", INSPECTOR)]) == {InvolvementKind.OTHER}


def test_report_workflow_events_are_understood() -> None:
    """The workflow's own ReportEvent is passed as it is, and both modules agree on who is
    involved: every recorded action is involvement there, and here."""
    every = [
        ReportEvent(action, UserId(100 + n), 1, T0)
        for n, action in enumerate(sorted(reports.RECORDED_ACTIONS))
    ]
    for recorded in every:
        assert is_involved(recorded.actor_id, [recorded]), recorded.kind
        kinds = involvement_of(recorded.actor_id, [recorded])
        assert kinds and InvolvementKind.OTHER not in kinds, recorded.kind
    assert set(reports.involved_user_ids(every)) == {
        e.actor_id for e in every if is_involved(e.actor_id, every)
    }
    for action in set(reports.ReportAction) - set(reports.RECORDED_ACTIONS):
        assert involvement_kind(action) is None, action  # view, print
    history = [
        ReportEvent(reports.ReportAction.CREATE, OFFICER, 1, T0),
        ReportEvent(reports.ReportAction.VERDICT_USABLE, INSPECTOR, 1, T0),
    ]
    assert "beoordeeld" in barred_as_involved(history=history)


def test_workflow_event_types_adapt_through_the_protocol() -> None:
    class WorkflowKind(enum.StrEnum):
        WROTE = "wrote"
        ISSUED = "issued"

    @dataclass(frozen=True)
    class WorkflowEvent:  # a stand-in for the report workflow's own event type
        version: int
        kind: WorkflowKind
        actor_id: UserId

    history = [
        WorkflowEvent(1, WorkflowKind.WROTE, OFFICER),
        WorkflowEvent(3, WorkflowKind.ISSUED, INSPECTOR),
    ]
    assert "uitgebracht" in barred_as_involved(history=history)


def test_status_and_location_enums_are_accepted() -> None:
    class Status(enum.StrEnum):
        SIGNED = "signed"
        ISSUED = "issued"

    class Location(enum.StrEnum):
        AIVD = "aivd"
        IND = "ind"

    assert check(report_status=Status.ISSUED, workstation_location=Location.AIVD).allowed
    assert check(report_status=Status.SIGNED, workstation_location=Location.IND).failed == (
        Condition.LOCATION,
        Condition.ISSUED,
    )


# --- designations in eligibility ---------------------------------------------------------------


def test_designation_valid_until_today_is_current() -> None:
    d = Designation(INSPECTOR, "HD-1", TODAY - 10 * DAY, TODAY)
    assert check(designations=[d]).allowed


def test_expired_designation_refused_with_date() -> None:
    d = Designation(INSPECTOR, "HD-1", TODAY - 10 * DAY, TODAY - DAY)
    result = check(designations=[d])
    assert result.failed == (Condition.DESIGNATION,)
    assert "verlopen" in result.messages[0] and "1 maart 2026" in result.messages[0]
    assert "HD-1" in result.messages[0]


def test_designation_from_tomorrow_refused_from_today_allowed() -> None:
    future = Designation(INSPECTOR, "HD-2", TODAY + DAY)
    result = check(designations=[future])
    assert result.failed == (Condition.DESIGNATION,)
    assert "gaat pas in op 3 maart 2026" in result.messages[0]
    assert check(designations=[Designation(INSPECTOR, "HD-2", TODAY)]).allowed


def test_someone_elses_designation_does_not_count() -> None:
    result = check(designations=[Designation(UserId(11), "HD-3", TODAY - DAY)])
    assert result.failed == (Condition.DESIGNATION,)


# --- clearance ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Item:
    id: int
    classification: Classification


ITEMS = [
    Item(i, c)
    for i, c in enumerate(
        [
            Classification.STG_GEHEIM,
            Classification.ONGERUBRICEERD,
            Classification.STG_ZEER_GEHEIM,
            Classification.DEP_VERTROUWELIJK,
            Classification.STG_CONFIDENTIEEL,
            Classification.STG_GEHEIM,
        ]
    )
]


@pytest.mark.parametrize("clearance", list(Classification))
def test_visible_items_by_clearance(clearance: Classification) -> None:
    shown = visible_items(ITEMS, clearance)
    assert [i.id for i in shown] == [i.id for i in ITEMS if i.classification <= clearance]
    assert all(i.classification <= clearance for i in shown)


def test_visible_items_examples() -> None:
    assert [i.id for i in visible_items(ITEMS, Classification.STG_CONFIDENTIEEL)] == [1, 3, 4]
    assert visible_items(ITEMS, Classification.ONGERUBRICEERD) == (ITEMS[1],)
    assert len(visible_items(ITEMS, Classification.STG_ZEER_GEHEIM)) == len(ITEMS)


# --- sessions ----------------------------------------------------------------------------------

A, B, C = EvidenceId(1), EvidenceId(2), EvidenceId(3)
ALLOWED = frozenset({A, B, C})


def ev(kind: SessionEventKind, at_minutes: float, item: EvidenceId | None = None) -> SessionEvent:
    return SessionEvent(kind, T0 + minutes(at_minutes), item)


S, OPEN, CLOSE, ACT, IDLE, END = (
    SessionEventKind.START,
    SessionEventKind.OPEN_ITEM,
    SessionEventKind.CLOSE_ITEM,
    SessionEventKind.ACTIVITY,
    SessionEventKind.IDLE,
    SessionEventKind.END,
)


def durations(items: tuple[object, ...]) -> dict[int, tuple[dt.timedelta, int]]:
    return {v.item_id: (v.duration, v.times_opened) for v in items}  # type: ignore[attr-defined]


def test_state_machine_walk() -> None:
    s = InspectionSession.begin(T0, ALLOWED)
    assert s.state is SessionState.STARTED and s.idle_minutes == DEFAULT_IDLE_MINUTES
    s = s.open_item(A, T0 + minutes(1))
    assert s.state is SessionState.VIEWING and s.current_item == A
    s = s.close_item(A, T0 + minutes(4))
    assert s.state is SessionState.STARTED
    s = s.end(T0 + minutes(5))
    assert s.state is SessionState.ENDED and s.end_reason is EndReason.ENDED
    assert durations(s.viewed) == {A: (minutes(3), 1)}


def test_reopening_adds_up_and_order_is_first_opening() -> None:
    events = [
        ev(S, 0),
        ev(OPEN, 1, B),
        ev(CLOSE, 3, B),
        ev(OPEN, 4, A),
        ev(CLOSE, 5, A),
        ev(OPEN, 6, B),
        ev(CLOSE, 9.5, B),
        ev(END, 12),
    ]
    viewed = viewing_durations(events, T0 + minutes(30))
    assert [v.item_id for v in viewed] == [B, A]
    assert durations(viewed) == {B: (minutes(5.5), 2), A: (minutes(1), 1)}
    assert viewed[0].first_opened_at == T0 + minutes(1)
    assert viewed[0].seconds == 330


def test_item_open_at_end_counts_until_end() -> None:
    events = [ev(S, 0), ev(OPEN, 2, A), ev(END, 7)]
    session = replay(events, allowed_items=ALLOWED)
    assert session.ended_at == T0 + minutes(7)
    assert durations(session.viewed) == {A: (minutes(5), 1)}
    # The clock after the end changes nothing.
    assert durations(viewing_durations(events, T0 + minutes(500))) == {A: (minutes(5), 1)}


def test_opening_another_item_switches() -> None:
    events = [ev(S, 0), ev(OPEN, 1, A), ev(OPEN, 3, B), ev(OPEN, 4, B), ev(END, 6)]
    assert durations(viewing_durations(events, T0 + minutes(6))) == {
        A: (minutes(2), 1),
        B: (minutes(3), 1),
    }


def test_running_session_counts_until_now() -> None:
    events = [ev(S, 0), ev(OPEN, 1, A), ev(ACT, 8)]
    assert durations(viewing_durations(events, T0 + minutes(9))) == {A: (minutes(8), 1)}


def test_idle_expired_at_exactly_the_limit() -> None:
    assert not idle_expired(T0, T0 + minutes(10) - dt.timedelta(microseconds=1), 10)
    assert idle_expired(T0, T0 + minutes(10), 10)
    assert idle_expired(T0, T0 + minutes(11), 10)
    assert not idle_expired(T0, T0 + minutes(4), 5)
    with pytest.raises(ValueError):
        idle_expired(T0, T0, 0)


def test_idle_ends_session_at_deadline_and_counts_open_item_until_then() -> None:
    s = InspectionSession.begin(T0, ALLOWED).open_item(A, T0 + minutes(1))
    assert not s.is_idle(T0 + minutes(10.9))
    assert s.is_idle(T0 + minutes(11))
    with pytest.raises(InvalidState, match="inactiviteit"):
        s.open_item(B, T0 + minutes(11))
    ended = s.end(T0 + minutes(40))  # the inspector comes back and ends it
    assert ended.end_reason is EndReason.IDLE
    assert ended.ended_at == T0 + minutes(11)
    assert durations(ended.viewed) == {A: (minutes(10), 1)}
    # Same via the idle timer event, and via the pure derivation from a clock value.
    timer = s.apply(SessionEvent(IDLE, T0 + minutes(11)))
    assert timer == ended
    assert s.expire_if_idle(T0 + minutes(60)) == ended
    assert s.finish(T0 + minutes(60)) == ended
    assert durations(s.viewed_items(T0 + minutes(60))) == {A: (minutes(10), 1)}


def test_activity_keeps_session_alive() -> None:
    s = InspectionSession.begin(T0, ALLOWED, idle_minutes=5)
    s = s.touch(T0 + minutes(4)).touch(T0 + minutes(8))
    assert not s.is_idle(T0 + minutes(12))
    assert s.is_idle(T0 + minutes(13))
    assert s.idle_deadline == T0 + minutes(13)


def test_early_idle_event_ends_at_its_time() -> None:
    s = replay([ev(S, 0), ev(OPEN, 1, A), ev(IDLE, 3)], allowed_items=ALLOWED)
    assert s.end_reason is EndReason.IDLE and s.ended_at == T0 + minutes(3)
    assert durations(s.viewed) == {A: (minutes(2), 1)}


def test_invalid_transitions() -> None:
    s = InspectionSession.begin(T0, ALLOWED)
    with pytest.raises(InvalidState):
        s.close_item(A, T0 + minutes(1))  # not open
    with pytest.raises(InvalidState):
        s.open_item(A, T0 + minutes(1)).close_item(B, T0 + minutes(2))
    with pytest.raises(InvalidState):
        s.apply(SessionEvent(S, T0 + minutes(1)))
    with pytest.raises(InvalidState):
        s.touch(T0 + minutes(2)).touch(T0 + minutes(1))  # time went backwards
    ended = s.end(T0 + minutes(1))
    with pytest.raises(InvalidState):
        ended.open_item(A, T0 + minutes(2))
    assert ended.finish(T0 + minutes(3)) is ended
    with pytest.raises(Forbidden):
        s.open_item(EvidenceId(99), T0 + minutes(1))  # not listed (e.g. above clearance)


def test_replay_needs_a_start() -> None:
    with pytest.raises(InvalidState):
        replay([], allowed_items=ALLOWED)
    with pytest.raises(InvalidState):
        replay([ev(OPEN, 0, A)], allowed_items=ALLOWED)
    with pytest.raises(Forbidden):
        replay([ev(S, 0), ev(OPEN, 1, EvidenceId(42))], allowed_items=ALLOWED)


def test_session_event_validation() -> None:
    with pytest.raises(ValueError):
        SessionEvent(OPEN, T0)  # item event without item
    with pytest.raises(ValueError):
        SessionEvent(END, T0, A)
    with pytest.raises(ValueError):
        SessionEvent(S, dt.datetime(2026, 3, 2, 9, 0))  # naive


def test_idle_minutes_setting() -> None:
    assert validate_idle_minutes(10) == 10
    assert validate_idle_minutes(1) == 1 and validate_idle_minutes(60) == 60
    for bad in (0, -5, 61):
        with pytest.raises(InvalidInput) as info:
            validate_idle_minutes(bad)
        assert info.value.field == "idle_minutes"
    with pytest.raises(InvalidInput):
        InspectionSession.begin(T0, ALLOWED, idle_minutes=0)


def test_record_of_inspection() -> None:
    events = [ev(S, 0), ev(OPEN, 1, A), ev(CLOSE, 2, A), ev(OPEN, 3, C)]
    session = replay(events, allowed_items=ALLOWED)
    with pytest.raises(InvalidState):
        build_record(session, inspector_id=INSPECTOR, report_id=ReportId(5), designation_ref="HD-1")
    ended = session.finish(T0 + minutes(6))
    record = build_record(
        ended,
        inspector_id=INSPECTOR,
        report_id=ReportId(5),
        designation_ref="HD-1",
        notes="  Gezien: bijlage 3.\r\nGeen vragen. ",
    )
    assert record.inspector_id == INSPECTOR and record.report_id == ReportId(5)
    assert record.started_at == T0 and record.ended_at == T0 + minutes(6)
    assert record.end_reason is EndReason.ENDED
    assert durations(record.items) == {A: (minutes(1), 1), C: (minutes(3), 1)}
    assert record.total_viewing == minutes(4)
    assert record.duration == minutes(6)
    assert record.notes == "Gezien: bijlage 3.\nGeen vragen."


def test_notes_validation() -> None:
    assert normalize_notes("") == ""
    with pytest.raises(InvalidInput) as info:
        normalize_notes("x" * 20_001)
    assert info.value.field == "notes"
    with pytest.raises(InvalidInput):
        normalize_notes("bel\x07")


# --- properties --------------------------------------------------------------------------------

USERS = [UserId(n) for n in range(1, 4)]
REF_DAY = dt.date(2026, 6, 15)


HISTORY_KINDS = [*sorted(INVOLVING), *sorted(READING), "archived"]
ROLES = list(Role)

# Each random thing is decoded from one integer: far fewer draws, so 2000 examples stay fast.
roles_st = st.integers(0, 2 ** len(ROLES) - 1).map(
    lambda bits: frozenset(r for i, r in enumerate(ROLES) if bits >> i & 1)
)
events_st = st.integers(0, len(HISTORY_KINDS) * len(USERS) - 1).map(
    lambda n: RecordedEvent(HISTORY_KINDS[n % len(HISTORY_KINDS)], USERS[n // len(HISTORY_KINDS)])
)


def _designation(n: int) -> Designation:
    n, user = divmod(n, len(USERS))
    n, start = divmod(n, 11)  # -5 .. +5 days around REF_DAY
    ref, length = divmod(n, 10)  # 9 = open-ended, else 0 .. 8 days
    valid_from = REF_DAY + dt.timedelta(days=start - 5)
    until = None if length == 9 else valid_from + dt.timedelta(days=length)
    return Designation(USERS[user], f"HD-{ref}", valid_from, until)


designations_st = st.integers(0, len(USERS) * 11 * 10 * 3 - 1).map(_designation)


def reference_failures(
    user: UserId,
    roles: frozenset[Role],
    designations: list[Designation],
    history: list[RecordedEvent],
    location: str,
    status: str,
    today: dt.date,
) -> list[str]:
    failures = []
    if "ind_inspector" not in {r.value for r in roles}:
        failures.append("role")
    if not any(
        d.user_id == user
        and d.valid_from <= today
        and (d.valid_until is None or today <= d.valid_until)
        for d in designations
    ):
        failures.append("designation")
    # Anything in the history except reading it is taking part (unknown kinds included).
    if any(e.actor_id == user and e.kind not in READING for e in history):
        failures.append("not_involved")
    if location != "aivd":
        failures.append("location")
    if status != "issued":
        failures.append("issued")
    return failures


@settings(max_examples=2000, deadline=None)
@given(
    user=st.sampled_from(USERS),
    roles=roles_st,
    designations=st.lists(designations_st, max_size=3),
    history=st.lists(events_st, max_size=6),
    # Weighted towards the passing values so that 'allowed' is drawn often too.
    location=st.sampled_from(["aivd", "aivd", "aivd", "ind", "other"]),
    status=st.sampled_from(
        ["issued"] * 5 + ["draft", "in_review", "changes_wanted", "usable", "signed"]
    ),
    offset=st.integers(-8, 15),
)
def test_eligibility_matches_reference(
    user: UserId,
    roles: frozenset[Role],
    designations: list[Designation],
    history: list[RecordedEvent],
    location: str,
    status: str,
    offset: int,
) -> None:
    today = REF_DAY + dt.timedelta(days=offset)
    expected = reference_failures(user, roles, designations, history, location, status, today)
    result = check_eligibility(
        user_id=user,
        roles=roles,
        designations=designations,
        history=history,
        workstation_location=location,
        report_status=status,
        today=today,
    )
    event("allowed" if not expected else f"refused ({len(expected)})")
    assert [c.value for c in result.failed] == expected
    assert result.allowed is (not expected)
    if expected:
        with pytest.raises(ERRORS[result.failed[0]]):
            result.raise_if_refused()
    else:
        result.raise_if_refused()
        assert result.designation is not None and result.designation.user_id == user


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(["open", "close", "act"]),
            st.sampled_from([A, B, C]),
            st.integers(0, 300),
        ),
        max_size=25,
    ),
    st.integers(0, 300),
    st.booleans(),
)
def test_durations_match_interval_reference(
    steps: list[tuple[str, EvidenceId, int]], tail: int, end: bool
) -> None:
    """Viewing time per item equals the sum of its open intervals, with no idle (limit 60 min
    and steps of at most 5 minutes)."""
    t = T0
    session = InspectionSession.begin(t, ALLOWED, idle_minutes=60)
    expected: dict[EvidenceId, dt.timedelta] = {}
    opened: tuple[EvidenceId, dt.datetime] | None = None
    for action, item, gap in steps:
        t += dt.timedelta(seconds=gap)
        if action == "open":
            session = session.open_item(item, t)
            if opened is None or opened[0] != item:
                if opened is not None:
                    expected[opened[0]] = expected.get(opened[0], dt.timedelta(0)) + t - opened[1]
                expected.setdefault(item, dt.timedelta(0))
                opened = (item, t)
        elif action == "close" and opened is not None:
            session = session.close_item(opened[0], t)
            expected[opened[0]] += t - opened[1]
            opened = None
        else:
            session = session.touch(t)
    t += dt.timedelta(seconds=tail)
    if end:
        session = session.end(t)
        t_now = t + dt.timedelta(hours=5)
    else:
        t_now = t
    if opened is not None:
        expected[opened[0]] += t - opened[1]
    got = {v.item_id: v.duration for v in session.viewed_items(t_now)}
    assert got == expected
    assert sum(got.values(), dt.timedelta(0)) <= t - T0
