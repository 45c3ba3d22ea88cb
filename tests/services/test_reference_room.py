"""Issue 15: an import that would run a year of receipt out of reference numbers (NV-YYYY-NNNNNN,
at most 999,999 a year) is refused before any row is parsed or stored, with a sentence; an
import that fits (also right up to the last number, or in other years) goes ahead."""

from __future__ import annotations

import json
from typing import Any

import pytest
from support.helpers import raw_db

from desktop_app.domain import intake
from desktop_app.domain.errors import InvalidState
from desktop_app.domain.queries import RequestQuery
from desktop_app.domain.requests import REFERENCE_MAX_SEQUENCE, check_reference_room
from desktop_app.services import requests as request_service
from desktop_app.storage import requests as requests_storage

HEADER = "subject_name;v_number;purpose;received"


@pytest.fixture
def ws(workspace: Any) -> Any:
    workspace.add_staff("officier")
    return workspace


def _use_numbers(ws: Any, year: int, last: int) -> None:
    """As if ``last`` requests of ``year`` had been registered already."""
    with raw_db(ws.root, ws.recovery_key) as db, db.transaction() as conn:
        conn.execute(
            "INSERT INTO reference_counters (year, last_seq) VALUES (?, ?)"
            " ON CONFLICT(year) DO UPDATE SET last_seq = excluded.last_seq",
            (year, last),
        )


def _counters(ws: Any) -> dict[int, int]:
    with raw_db(ws.root, ws.recovery_key) as db, db.reading() as conn:
        return requests_storage.reference_counters(conn)


def _csv(rows: int, received: str, start: int = 0) -> bytes:
    lines = [HEADER] + [f"P {i};{i:010d};asylum;{received}" for i in range(start, start + rows)]
    return "\n".join(lines).encode()


@pytest.fixture
def inserts(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """How often the import reached the insert (the work)."""
    calls: list[int] = []
    real = requests_storage.insert_many

    def spy(*args: Any, **kwargs: Any) -> Any:
        calls.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(requests_storage, "insert_many", spy)
    return calls


def test_an_import_that_would_exhaust_a_year_is_refused_before_the_work(
    ws: Any, inserts: list[int]
) -> None:
    _use_numbers(ws, 2026, REFERENCE_MAX_SEQUENCE - 9)
    with ws.session("officier") as s:
        with pytest.raises(InvalidState) as info:
            request_service.import_requests(s, _csv(20, "2026-10-01"), ".csv")
        assert request_service.list_requests(s, RequestQuery())[1] == 0
    message = info.value.message
    assert "20 verzoeken ontvangen in 2026" in message
    assert "nog 9 kenmerken vrij" in message
    assert "999.999 per jaar" in message and "niets ingelezen" in message
    assert inserts == []
    assert _counters(ws) == {2026: REFERENCE_MAX_SEQUENCE - 9}


def test_the_same_refusal_for_json_and_dutch_dates(ws: Any, inserts: list[int]) -> None:
    _use_numbers(ws, 2025, REFERENCE_MAX_SEQUENCE - 1)
    items = [
        {"subject_name": f"J {i}", "v_number": f"{i:010d}", "purpose": "asylum",
         "received": "03-11-2025"}
        for i in range(2)
    ]  # fmt: skip
    with ws.session("officier") as s, pytest.raises(InvalidState, match=r"2 verzoeken .* 2025"):
        request_service.import_requests(s, json.dumps(items).encode(), ".json")
    assert inserts == []


def test_an_import_up_to_the_last_number_or_into_other_years_goes_ahead(
    ws: Any, inserts: list[int]
) -> None:
    _use_numbers(ws, 2026, REFERENCE_MAX_SEQUENCE - 9)
    # Rows of 2025 do not use 2026's numbers, even when there are more than 2026 has left.
    mixed = _csv(20, "2025-12-01") + b"\n" + _csv(9, "2026-10-01", start=100).split(b"\n", 1)[1]
    with ws.session("officier") as s:
        assert request_service.import_requests(s, mixed, ".csv") == 29
        records, total = request_service.list_requests(s, RequestQuery())
    assert total == 29
    references = {r.reference for r in records}
    assert "NV-2026-999999" in references and "NV-2025-000020" in references
    assert _counters(ws) == {2025: 20, 2026: REFERENCE_MAX_SEQUENCE}
    with ws.session("officier") as s, pytest.raises(InvalidState, match="nog 0 kenmerken"):
        request_service.import_requests(s, _csv(1, "2026-10-02", start=500), ".csv")
    assert len(inserts) == 1


def test_an_ordinary_import_is_not_read_twice(ws: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    def not_needed(*_args: Any) -> dict[int, int]:
        raise AssertionError("a file with fewer rows than any year has left is not pre-read")

    monkeypatch.setattr(intake, "rows_per_year", not_needed)
    with ws.session("officier") as s:
        assert request_service.import_requests(s, _csv(50, "2026-10-01"), ".csv") == 50


@pytest.mark.slow
def test_a_million_rows_into_one_year_are_refused_before_the_work(
    ws: Any, inserts: list[int]
) -> None:
    """The case of the issue: 1,000,000 rows received in one year can never get a reference
    each; the refusal comes after one quick pass over the dates, not after the import."""
    data = _csv(1_000_000, "2026-10-01")
    with ws.session("officier") as s, pytest.raises(InvalidState, match=r"1\.000\.000 verzoeken"):
        request_service.import_requests(s, data, ".csv")
    assert inserts == []
    assert _counters(ws) == {}


def test_rows_per_year_reads_only_the_dates_of_receipt() -> None:
    text = (
        "subject_name,received,v_number,purpose\n"
        "A,2026-01-02,1234567890,asylum\n"
        "\n"
        "B,31-12-2025,1234567890,asylum\n"
        "C,gisteren,1234567890,asylum\n"  # left to the import itself to refuse
        "D,2026-05-05,1234567890,asylum\n"
    )
    assert intake.rows_per_year(text.encode(), ".csv") == {2026: 2, 2025: 1}
    assert intake.rows_per_year(b'[{"received": "2024-02-29"}, 3, {"x": 1}]', "json") == {2024: 1}
    assert intake.rows_per_year(b"not json", ".json") == {}
    assert intake.max_rows(text.encode(), ".csv") == 5
    assert intake.max_rows(b'[{"a": 1}, {"b": 2}]', ".json") == 2


def test_check_reference_room_names_the_first_year_short() -> None:
    check_reference_room({2026: 9}, {2026: REFERENCE_MAX_SEQUENCE - 9})
    check_reference_room({}, {2026: REFERENCE_MAX_SEQUENCE})
    with pytest.raises(InvalidState, match="10 verzoeken ontvangen in 2024, maar voor 2024"):
        check_reference_room({2026: 1, 2024: 10}, {2024: REFERENCE_MAX_SEQUENCE - 5})
