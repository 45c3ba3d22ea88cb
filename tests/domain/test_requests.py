from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop_app.domain.calendar import AtwCalendar
from desktop_app.domain.errors import InvalidInput, InvalidState
from desktop_app.domain.requests import (
    ALLOWED_TRANSITIONS,
    CLOSED_STATUSES,
    DashboardBucket,
    DelayNotice,
    Purpose,
    RequestDraft,
    RequestStatus,
    Timeliness,
    can_transition,
    check_delay_notice_allowed,
    close_without_report,
    dashboard_bucket,
    dashboard_bucket_by_thresholds,
    dashboard_thresholds,
    format_reference,
    in_warning_zone,
    in_warning_zone_by_deadline,
    is_overdue,
    late_without_notice,
    parse_date,
    parse_reference,
    timeliness,
    transition,
    validate_delay_notice,
    validate_request,
)

D = dt.date
CAL = AtwCalendar()
TODAY = D(2026, 6, 15)
S = RequestStatus


def valid(**overrides: Any) -> RequestDraft:
    fields: dict[str, Any] = {
        "subject_name": "Ayşe Çelik",
        "v_number": "0123456789",
        "purpose": "asylum",
        "received": D(2026, 6, 1),
        "today": TODAY,
    }
    fields.update(overrides)
    return validate_request(**fields)


def invalid_field(**overrides: Any) -> str | None:
    with pytest.raises(InvalidInput) as info:
        valid(**overrides)
    assert info.value.code == "invalid_input"
    assert info.value.message
    return info.value.field


# -- purpose -----------------------------------------------------------------------------------


def test_purpose_values_and_legal_basis() -> None:
    assert [p.value for p in Purpose] == ["asylum", "residence", "naturalisation", "other"]
    assert Purpose.ASYLUM.legal_basis == "Vreemdelingenwet 2000"
    assert Purpose.RESIDENCE.legal_basis == "Vreemdelingenwet 2000"
    assert Purpose.NATURALISATION.legal_basis == "Rijkswet op het Nederlanderschap 2003"
    assert Purpose.OTHER.legal_basis
    assert all(p.label_nl for p in Purpose)


def test_purpose_parse() -> None:
    assert Purpose.parse(" Naturalisation ") is Purpose.NATURALISATION
    with pytest.raises(InvalidInput) as info:
        Purpose.parse("visum")
    assert info.value.field == "purpose"
    assert "asylum" in info.value.message


# -- workflow ----------------------------------------------------------------------------------

EXPECTED_EDGES = {
    (S.RECEIVED, S.IN_PROGRESS),
    (S.IN_PROGRESS, S.CLOSED_NO_DATA),
    (S.IN_PROGRESS, S.REPORT_IN_PREPARATION),
    (S.REPORT_IN_PREPARATION, S.CLOSED_REPORT_ISSUED),
}


@pytest.mark.parametrize("current", list(RequestStatus))
@pytest.mark.parametrize("target", list(RequestStatus))
def test_transition_table(current: RequestStatus, target: RequestStatus) -> None:
    allowed = (current, target) in EXPECTED_EDGES
    assert can_transition(current, target) is allowed
    if allowed:
        assert transition(current, target) is target
    else:
        with pytest.raises(InvalidState) as info:
            transition(current, target)
        assert info.value.code == "invalid_state"
        assert target.label_nl in info.value.message


def test_closed_statuses_are_final() -> None:
    assert {S.CLOSED_NO_DATA, S.CLOSED_REPORT_ISSUED} == CLOSED_STATUSES
    for status in CLOSED_STATUSES:
        assert status.is_closed
        assert not ALLOWED_TRANSITIONS[status]
    with pytest.raises(InvalidState, match="al afgesloten"):
        transition(S.CLOSED_NO_DATA, S.IN_PROGRESS)


def test_status_parse() -> None:
    assert RequestStatus.parse("IN_PROGRESS") is S.IN_PROGRESS
    with pytest.raises(InvalidInput) as info:
        RequestStatus.parse("open")
    assert info.value.field == "status"


def test_close_without_report_needs_a_reason() -> None:
    status, reason = close_without_report(S.IN_PROGRESS, "  Geen gegevens in de systemen. ")
    assert status is S.CLOSED_NO_DATA
    assert reason == "Geen gegevens in de systemen."
    for empty in ("", "   \n"):
        with pytest.raises(InvalidInput) as info:
            close_without_report(S.IN_PROGRESS, empty)
        assert info.value.field == "reason"
    with pytest.raises(InvalidState):
        close_without_report(S.RECEIVED, "reden")
    with pytest.raises(InvalidState):
        close_without_report(S.REPORT_IN_PREPARATION, "reden")


# -- references --------------------------------------------------------------------------------


def test_format_reference() -> None:
    assert format_reference(2026, 123) == "NV-2026-000123"
    assert format_reference(2027, 999_999) == "NV-2027-999999"
    for bad in (0, 1_000_000, -1):
        with pytest.raises(ValueError):
            format_reference(2026, bad)


@given(year=st.integers(2000, 2100), seq=st.integers(1, 999_999))
def test_reference_round_trip(year: int, seq: int) -> None:
    assert parse_reference(format_reference(year, seq)) == (year, seq)


@pytest.mark.parametrize(
    "text", ["", "NV-2026-123", "XX-2026-000123", "NV-26-000123", "NV-2026-000000", "NV2026000123"]
)
def test_parse_reference_rejects(text: str) -> None:
    with pytest.raises(InvalidInput) as info:
        parse_reference(text)
    assert info.value.field == "reference"


# -- validation --------------------------------------------------------------------------------


def test_valid_request_is_normalised() -> None:
    draft = valid(
        subject_name="  Ayşe \u00a0 Çelik ",
        v_number=" 0123456789 ",
        purpose=Purpose.RESIDENCE,
        birth_date=D(1990, 2, 28),
        nationality=" tur ",
        ind_reference="  IND-42 ",
    )
    assert draft == RequestDraft(
        subject_name="Ayşe Çelik",
        v_number="0123456789",
        purpose=Purpose.RESIDENCE,
        received=D(2026, 6, 1),
        birth_date=D(1990, 2, 28),
        nationality="TUR",
        ind_reference="IND-42",
    )
    assert draft.deadline(CAL) == CAL.deadline_for(D(2026, 6, 1))


@pytest.mark.parametrize(
    "name", ["Иван Петров", "محمد عبد الله", "王小明", "Γιώργος Παπαδόπουλος", "דוד כהן", "O'Brien"]
)
def test_names_in_any_script(name: str) -> None:
    assert valid(subject_name=name).subject_name == name


def test_name_is_nfc_normalised() -> None:
    decomposed = "C\u0327elik"
    assert valid(subject_name=decomposed).subject_name == "\u00c7elik"


@pytest.mark.parametrize("name", ["", "   ", "\t\n", "x" * 201, "Jan\x00Jansen", "Jan\x9bJansen"])
def test_bad_names(name: str) -> None:
    assert invalid_field(subject_name=name) == "subject_name"


@pytest.mark.parametrize(
    "name",
    [
        "Jan\u202eJansen",  # right-to-left override: would show as "Jan" + "nesnaJ"
        "Jan\u2066Jansen",
        "Jan\u200bJansen",  # zero-width space: looks like "JanJansen"
        "Jan\ufeffJansen",
        "Ja\u200dn",
        "Jan\ud800Jansen",  # lone surrogate
        "Jan\udcffJansen",  # a non-UTF-8 argv byte
        "Jan \x1b[31mJansen",
    ],
)
def test_names_refuse_invisible_and_unencodable_characters(name: str) -> None:
    with pytest.raises(InvalidInput) as info:
        valid(subject_name=name)
    assert info.value.field == "subject_name"
    info.value.message.encode("utf-8")


def test_names_keep_the_joiners_their_script_needs() -> None:
    assert valid(subject_name="می\u200cخواهم").subject_name == "می\u200cخواهم"
    assert valid(subject_name="क्\u200dष").subject_name == "क्\u200dष"


def test_unicode_whitespace_in_names_collapses_to_one_space() -> None:
    assert valid(subject_name="Jan\x85\u2003 Jansen").subject_name == "Jan Jansen"


def test_name_of_maximum_length() -> None:
    assert len(valid(subject_name="x" * 200).subject_name) == 200


@pytest.mark.parametrize(
    "v_number",
    ["", "123456789", "12345678901", "12345a7890", "١٢٣٤٥٦٧٨٩٠", "1234 56789", "+123456789"],
)
def test_bad_v_numbers(v_number: str) -> None:
    assert invalid_field(v_number=v_number) == "v_number"


def test_bad_purpose() -> None:
    assert invalid_field(purpose="holiday") == "purpose"


def test_birth_date_bounds() -> None:
    assert valid(birth_date=D(1900, 1, 1)).birth_date == D(1900, 1, 1)
    assert valid(birth_date=D(2026, 6, 1)).birth_date == D(2026, 6, 1)
    assert invalid_field(birth_date=D(1899, 12, 31)) == "birth_date"
    assert invalid_field(birth_date=TODAY + dt.timedelta(days=1)) == "birth_date"


def test_received_bounds() -> None:
    assert valid(received=TODAY).received == TODAY
    assert invalid_field(received=TODAY + dt.timedelta(days=1)) == "received"
    assert invalid_field(received=D(1999, 12, 31)) == "received"
    assert invalid_field(received=D(2026, 1, 1), birth_date=D(2026, 2, 1)) == "received"


@pytest.mark.parametrize(
    ("given_", "stored"), [("nl", "NL"), ("NLD", "NLD"), ("", None), (None, None)]
)
def test_nationality_ok(given_: str | None, stored: str | None) -> None:
    assert valid(nationality=given_).nationality == stored


@pytest.mark.parametrize("code", ["N", "NEDERLAND", "N1", "NÉ", "12"])
def test_nationality_bad(code: str) -> None:
    assert invalid_field(nationality=code) == "nationality"


def test_ind_reference() -> None:
    assert valid(ind_reference="   ").ind_reference is None
    assert invalid_field(ind_reference="x" * 65) == "ind_reference"
    assert invalid_field(ind_reference="a\nb") == "ind_reference"
    assert invalid_field(ind_reference="IND\u202e-1") == "ind_reference"
    assert invalid_field(ind_reference="IND\ud800") == "ind_reference"


def test_echoed_input_is_quoted_safely() -> None:
    with pytest.raises(InvalidInput) as info:
        valid(v_number="\x1b[2J\ud800")
    assert "\x1b" not in info.value.message and "\ud800" not in info.value.message
    assert "\\x1b[2J\\ud800" in info.value.message
    with pytest.raises(InvalidInput) as info:
        parse_date("\x1b]0;x\x07", field="received")
    assert "\x1b" not in info.value.message
    with pytest.raises(InvalidInput) as info:
        parse_reference("NV-\ud800")
    info.value.message.encode("utf-8")
    with pytest.raises(InvalidInput) as info:
        Purpose.parse("\x1b[2J\udcff")
    assert "\x1b" not in info.value.message and "\udcff" not in info.value.message


def test_parse_date() -> None:
    assert parse_date("2026-04-23", field="received") == D(2026, 4, 23)
    assert parse_date(" 23-04-2026 ", field="received") == D(2026, 4, 23)
    for bad in ("2026-02-30", "2026/04/23", "20260423", "23-04-26", "", "2026-W17-4", "31-02-2026"):
        with pytest.raises(InvalidInput) as info:
            parse_date(bad, field="birth_date")
        assert info.value.field == "birth_date"


# -- delay notice --------------------------------------------------------------------------------


def test_delay_notice() -> None:
    notice = validate_delay_notice(
        date=D(2026, 6, 10),
        reason=" Bronnen nog niet compleet ",
        by="jdevries",
        received=D(2026, 6, 1),
        today=TODAY,
    )
    assert notice == DelayNotice(
        date=D(2026, 6, 10), reason="Bronnen nog niet compleet", by="jdevries"
    )
    assert notice.is_on_time(D(2026, 6, 10))
    assert not notice.is_on_time(D(2026, 6, 9))


def test_delay_notice_multiline_reason_is_allowed() -> None:
    notice = validate_delay_notice(
        date=D(2026, 6, 10), reason="regel 1\nregel 2", by="x", received=D(2026, 6, 1), today=TODAY
    )
    assert notice.reason == "regel 1\nregel 2"


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"reason": "  "}, "reason"),
        ({"by": ""}, "by"),
        ({"date": TODAY + dt.timedelta(days=1)}, "date"),
        ({"date": D(2026, 5, 31)}, "date"),
    ],
)
def test_delay_notice_rejects(overrides: dict[str, Any], field: str) -> None:
    args: dict[str, Any] = {
        "date": D(2026, 6, 10),
        "reason": "r",
        "by": "x",
        "received": D(2026, 6, 1),
        "today": TODAY,
    }
    args.update(overrides)
    with pytest.raises(InvalidInput) as info:
        validate_delay_notice(**args)
    assert info.value.field == field


def test_reasons_refuse_controls_and_surrogates_but_keep_lines() -> None:
    for bad in ("r\x00", "r\ud800", "r\x1b[1m"):
        with pytest.raises(InvalidInput) as info:
            validate_delay_notice(
                date=D(2026, 6, 10), reason=bad, by="x", received=D(2026, 6, 1), today=TODAY
            )
        assert info.value.field == "reason"
        with pytest.raises(InvalidInput) as info:
            close_without_report(S.IN_PROGRESS, bad)
        assert info.value.field == "reason"
    _, reason = close_without_report(S.IN_PROGRESS, "regel 1\r\n\tregel 2")
    assert reason.startswith("regel 1") and reason.endswith("\n\tregel 2")


@pytest.mark.parametrize("status", sorted(CLOSED_STATUSES))
def test_no_delay_notice_on_a_closed_request(status: RequestStatus) -> None:
    with pytest.raises(InvalidState) as info:
        check_delay_notice_allowed(status, None)
    assert "al afgesloten" in info.value.message
    assert status.label_nl in info.value.message


def test_one_delay_notice_per_request() -> None:
    check_delay_notice_allowed(S.IN_PROGRESS, None)
    check_delay_notice_allowed(S.REPORT_IN_PREPARATION, None)
    earlier = DelayNotice(date=D(2026, 6, 10), reason="r", by="x")
    with pytest.raises(InvalidState) as info:
        check_delay_notice_allowed(S.IN_PROGRESS, earlier)
    assert "10 juni 2026" in info.value.message


def test_late_delay_notice_is_recorded_but_not_on_time() -> None:
    deadline = D(2026, 6, 12)
    notice = validate_delay_notice(
        date=D(2026, 6, 15), reason="te laat", by="x", received=D(2026, 6, 1), today=TODAY
    )
    assert not notice.is_on_time(deadline)
    assert late_without_notice(
        deadline=deadline,
        status=S.IN_PROGRESS,
        closed_on=None,
        notice_date=notice.date,
        today=TODAY,
    )


# -- derived flags -------------------------------------------------------------------------------


def test_is_overdue() -> None:
    deadline = D(2026, 6, 12)
    assert not is_overdue(deadline, S.IN_PROGRESS, deadline)
    assert is_overdue(deadline, S.IN_PROGRESS, deadline + dt.timedelta(days=1))
    assert is_overdue(deadline, S.RECEIVED, deadline + dt.timedelta(days=1))
    assert is_overdue(deadline, S.REPORT_IN_PREPARATION, deadline + dt.timedelta(days=30))
    assert not is_overdue(deadline, S.CLOSED_NO_DATA, deadline + dt.timedelta(days=1))
    assert not is_overdue(deadline, S.CLOSED_REPORT_ISSUED, deadline + dt.timedelta(days=1))


DL = D(2026, 6, 12)
AFTER = D(2026, 6, 13)


@pytest.mark.parametrize(
    ("status", "closed_on", "notice", "today", "expected"),
    [
        (S.IN_PROGRESS, None, None, DL, Timeliness.PENDING),
        (S.IN_PROGRESS, None, None, AFTER, Timeliness.LATE_WITHOUT_NOTICE),
        (S.IN_PROGRESS, None, DL, AFTER, Timeliness.LATE_WITH_NOTICE),
        (S.IN_PROGRESS, None, AFTER, AFTER, Timeliness.LATE_WITHOUT_NOTICE),
        (S.IN_PROGRESS, None, D(2026, 6, 5), DL, Timeliness.PENDING),
        (S.CLOSED_NO_DATA, DL, None, D(2027, 1, 1), Timeliness.ON_TIME),
        (S.CLOSED_REPORT_ISSUED, D(2026, 6, 2), None, D(2027, 1, 1), Timeliness.ON_TIME),
        (S.CLOSED_REPORT_ISSUED, AFTER, None, D(2027, 1, 1), Timeliness.LATE_WITHOUT_NOTICE),
        (S.CLOSED_REPORT_ISSUED, AFTER, D(2026, 6, 11), D(2027, 1, 1), Timeliness.LATE_WITH_NOTICE),
        (S.CLOSED_REPORT_ISSUED, AFTER, AFTER, D(2027, 1, 1), Timeliness.LATE_WITHOUT_NOTICE),
    ],
)
def test_timeliness(
    status: RequestStatus,
    closed_on: dt.date | None,
    notice: dt.date | None,
    today: dt.date,
    expected: Timeliness,
) -> None:
    kwargs: dict[str, Any] = {
        "deadline": DL,
        "status": status,
        "closed_on": closed_on,
        "notice_date": notice,
        "today": today,
    }
    assert timeliness(**kwargs) is expected
    assert late_without_notice(**kwargs) is (expected is Timeliness.LATE_WITHOUT_NOTICE)


def test_timeliness_needs_closing_date_for_closed_requests() -> None:
    with pytest.raises(ValueError):
        timeliness(deadline=DL, status=S.CLOSED_NO_DATA, closed_on=None, notice_date=None, today=DL)


def test_warning_zone_from_working_day_eight() -> None:
    received = D(2027, 4, 23)  # deadline Thursday 2027-05-13
    assert not in_warning_zone(received, D(2027, 5, 6), CAL)  # holiday, day 6
    assert not in_warning_zone(received, D(2027, 5, 10), CAL)  # day 7
    assert in_warning_zone(received, D(2027, 5, 11), CAL)  # day 8
    assert in_warning_zone(received, D(2027, 5, 12), CAL)  # day 9
    assert in_warning_zone(received, D(2027, 5, 13), CAL)  # day 10, the deadline
    assert not in_warning_zone(received, D(2027, 5, 14), CAL)  # overdue, not "warning"
    assert in_warning_zone(received, D(2027, 5, 10), CAL, warn_from_day=7)
    assert not in_warning_zone(received, D(2027, 5, 12), CAL, warn_from_day=10)
    with pytest.raises(InvalidInput):
        in_warning_zone(received, D(2027, 5, 12), CAL, warn_from_day=11)
    with pytest.raises(InvalidInput):
        in_warning_zone(received, D(2027, 5, 12), CAL, warn_from_day=0)


@given(
    received=st.dates(D(2020, 1, 1), D(2030, 12, 31)),
    offset=st.integers(0, 30),
    warn=st.integers(1, 10),
)
def test_warning_zone_matches_working_day_number(received: dt.date, offset: int, warn: int) -> None:
    today = received + dt.timedelta(days=offset)
    deadline = CAL.deadline_for(received)
    expected = CAL.working_day_number(received, today) >= warn and today <= deadline
    assert in_warning_zone(received, today, CAL, warn) is expected


# -- dashboard -----------------------------------------------------------------------------------


def test_dashboard_thresholds_example() -> None:
    today = D(2027, 5, 10)  # Monday, working day 7 of a request received 2027-04-23
    th = dashboard_thresholds(today, CAL)
    assert th.today == today
    assert th.warning_until == D(2027, 5, 12)
    assert th.week_end == D(2027, 5, 16)


def test_dashboard_thresholds_across_holidays() -> None:
    # Friday 30 April 2027: Mon 3, Tue 4 May are working days, 5-7 May are not.
    th = dashboard_thresholds(D(2027, 4, 30), CAL)
    assert th.warning_until == D(2027, 5, 9)  # up to the day before Mon 10 May
    assert th.week_end == D(2027, 5, 2)


def _bucket(deadline: dt.date, today: dt.date, **kw: Any) -> DashboardBucket:
    args: dict[str, Any] = {"status": S.IN_PROGRESS, "notice_date": None}
    args.update(kw)
    return dashboard_bucket(deadline=deadline, today=today, calendar=CAL, **args)


def test_dashboard_buckets_examples() -> None:
    deadline = D(2027, 5, 13)
    assert _bucket(deadline, D(2027, 4, 26)) is DashboardBucket.OPEN
    assert _bucket(deadline, D(2027, 5, 10)) is DashboardBucket.DUE_THIS_WEEK
    assert _bucket(deadline, D(2027, 5, 11)) is DashboardBucket.WARNING_NO_NOTICE
    assert _bucket(deadline, D(2027, 5, 11), notice_date=D(2027, 5, 11)) is (
        DashboardBucket.DUE_THIS_WEEK
    )
    assert _bucket(deadline, D(2027, 5, 13)) is DashboardBucket.DUE_TODAY
    assert _bucket(deadline, D(2027, 5, 14)) is DashboardBucket.OVERDUE
    assert _bucket(deadline, D(2027, 5, 14), status=S.CLOSED_NO_DATA) is DashboardBucket.CLOSED
    # Warning zone spanning a weekend: Friday, deadline next Tuesday (2 working days left).
    assert _bucket(D(2026, 6, 16), D(2026, 6, 12)) is DashboardBucket.WARNING_NO_NOTICE
    assert _bucket(D(2026, 6, 16), D(2026, 6, 12), notice_date=D(2026, 6, 12)) is (
        DashboardBucket.OPEN
    )


statuses = st.sampled_from(list(RequestStatus))
some_dates = st.dates(D(2024, 1, 1), D(2029, 12, 31))


@given(
    deadline=some_dates,
    today=some_dates,
    status=statuses,
    notice=st.none() | some_dates,
    warn=st.integers(1, 10),
    closures=st.frozensets(some_dates, max_size=15),
)
def test_thresholds_agree_with_the_pure_classification(
    deadline: dt.date,
    today: dt.date,
    status: RequestStatus,
    notice: dt.date | None,
    warn: int,
    closures: frozenset[dt.date],
) -> None:
    cal = AtwCalendar(closure_days=closures)
    pure = dashboard_bucket(
        deadline=deadline,
        status=status,
        notice_date=notice,
        today=today,
        calendar=cal,
        warn_from_day=warn,
    )
    via_sql = dashboard_bucket_by_thresholds(
        deadline=deadline,
        status=status,
        notice_date=notice,
        thresholds=dashboard_thresholds(today, cal, warn),
    )
    assert pure is via_sql
    assert (pure is DashboardBucket.OVERDUE) is is_overdue(deadline, status, today)
    assert (pure is DashboardBucket.CLOSED) is status.is_closed
    if pure is DashboardBucket.WARNING_NO_NOTICE:
        assert in_warning_zone_by_deadline(deadline, today, cal, warn)
