"""The request, provision, stats and calendar commands against cli.md (codes, shapes)."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path
from typing import Any

import pypdf
import pytest
from conftest import PASSWORDS
from support.helpers import STATS_KEYS, request_add_argv

REQUEST_KEYS = {
    "id",
    "reference",
    "ind_reference",
    "subject_name",
    "v_number",
    "birth_date",
    "nationality",
    "purpose",
    "received",
    "deadline",
    "status",
    "overdue",
    "delay_notice",
}


def officer(as_user: Any, *args: str) -> Any:
    return as_user("officier", *args, secrets=[PASSWORDS["officier"]])


def add(as_user: Any, name: str, v_number: str, received: str = "2026-10-30") -> Any:
    return officer(as_user, *request_add_argv(name, v_number, received=received))


def test_add_gives_reference_and_atw_deadline(people: Any, as_user: Any) -> None:
    result = add(as_user, "Çelik", "1234567890", received="2026-10-30")
    assert result.code == 0
    body = result.json
    assert set(body) == {"id", "reference", "deadline", "status"}
    assert body["reference"] == "NV-2026-000001"
    # Friday 30 Oct 2026 + 10 working days (no holidays in between) = Friday 13 Nov.
    assert body["deadline"] == "2026-11-13"
    assert body["status"] == "received"


_VALID = ["--subject-name", "A", "--v-number", "1234567890", "--purpose", "asylum"]


@pytest.mark.parametrize(
    ("args", "field_hint"),
    [
        (["--subject-name", "A", "--v-number", "12345", "--purpose", "asylum"], "V-nummer"),
        (["--subject-name", " ", "--v-number", "1234567890", "--purpose", "asylum"], "naam"),
        (["--subject-name", "A", "--v-number", "1234567890", "--purpose", "holiday"], "holiday"),
        ([*_VALID, "--received", "2027-01-01"], "toekomst"),
        ([*_VALID, "--received", "2026-02-30"], "2026-02-30"),
    ],
)
def test_bad_input_is_exit_2_and_nothing_stored(
    people: Any, as_user: Any, args: list[str], field_hint: str
) -> None:
    result = officer(as_user, "request", "add", *args)
    assert result.code == 2
    assert result.json["error"]["code"] == "invalid_input"
    assert field_hint.lower() in result.json["error"]["message"].lower()
    listed = officer(as_user, "request", "list").json
    assert listed["total"] == 0


def test_search_folds_case_and_diacritics_in_any_script(people: Any, as_user: Any) -> None:
    add(as_user, "Çelik Yılmaz", "1000000001")
    add(as_user, "Hans Müller", "1000000002")
    add(as_user, "Иван Петров", "1000000003")
    add(as_user, "Anna de Vries", "1000000004")
    found = officer(as_user, "request", "list", "--search", "celik").json
    assert [i["subject_name"] for i in found["items"]] == ["Çelik Yılmaz"]
    assert officer(as_user, "request", "list", "--search", "muller").json["total"] == 1
    assert (
        officer(as_user, "request", "list", "--search", "ПЕТРОВ").json["items"][0]["v_number"]
        == "1000000003"
    )
    by_v = officer(as_user, "request", "list", "--search", "1000000004").json
    assert [i["subject_name"] for i in by_v["items"]] == ["Anna de Vries"]
    assert set(by_v["items"][0]) == REQUEST_KEYS


def test_limit_bounds_items_and_total_counts_all(people: Any, as_user: Any) -> None:
    for n in range(5):
        add(as_user, f"Jansen {n}", f"20000000{n:02d}")
    body = officer(as_user, "request", "list", "--search", "jansen", "--limit", "2").json
    assert len(body["items"]) == 2
    assert body["total"] == 5


def test_import_is_all_or_nothing_and_names_the_row(
    people: Any, as_user: Any, tmp_path: Path
) -> None:
    bad = tmp_path / "lijst.csv"
    bad.write_text(
        "subject_name;v_number;purpose;received\n"
        "Ahmed Ali;1111111111;residence;2026-10-01\n"
        "Fatma Kaya;22;asylum;2026-10-01\n",
        encoding="utf-8",
    )
    result = officer(as_user, "request", "import", str(bad))
    assert result.code == 2
    assert result.json["error"]["code"] == "invalid_input"
    assert "Rij 2" in result.json["error"]["message"]
    assert "v_number" in result.json["error"]["message"]
    assert officer(as_user, "request", "list").json["total"] == 0
    good = tmp_path / "lijst.json"
    good.write_text(
        '[{"subject_name": "Ahmed Ali", "v_number": "1111111111",'
        ' "purpose": "residence", "received": "2026-10-01"},'
        ' {"subject_name": "Fatma Kaya", "v_number": "2222222222",'
        ' "purpose": "asylum", "received": "2026-10-02"}]',
        encoding="utf-8",
    )
    assert officer(as_user, "request", "import", str(good)).json == {"imported": 2}
    missing = tmp_path / "kolom.csv"
    missing.write_text("subject_name;purpose;received\nA;asylum;2026-10-01\n")
    result = officer(as_user, "request", "import", str(missing))
    assert result.code == 2 and "v_number" in result.json["error"]["message"]


def test_workflow_delay_notice_and_close(people: Any, as_user: Any, clock: Any) -> None:
    rid = str(add(as_user, "Sara Bakker", "3333333333").json["id"])
    started = officer(as_user, "request", "start", rid).json
    assert started["status"] == "in_progress"
    notice = officer(
        as_user, "request", "notify-delay", rid, "--reason", "Aanvullend onderzoek"
    ).json
    # The contract's three keys; the liaison and "recorded afterwards" are extensions.
    assert {k: notice["delay_notice"][k] for k in ("date", "reason", "by")} == {
        "date": "2026-11-02",
        "reason": "Aanvullend onderzoek",
        "by": "officier",
    }
    assert notice["delay_notice"]["liaison"] is None
    no_reason = officer(as_user, "request", "close", rid, "--no-data")
    assert no_reason.code == 2 and no_reason.json["error"]["code"] == "invalid_input"
    closed = officer(
        as_user, "request", "close", rid, "--no-data", "--reason", "Geen gegevens bekend"
    ).json
    assert closed["status"] == "closed_no_data"
    again = officer(as_user, "request", "start", rid)
    assert again.code == 1 and again.json["error"]["code"] == "invalid_state"
    # Overdue after the deadline (13 Nov) for an open request.
    rid2 = str(add(as_user, "Piet Smit", "4444444444").json["id"])
    clock.set(dt.datetime(2026, 11, 17, 9, tzinfo=dt.UTC))
    shown = officer(as_user, "request", "show", rid2).json
    assert shown["overdue"] is True and set(shown) == REQUEST_KEYS
    overdue = officer(as_user, "request", "list", "--overdue").json
    assert [i["id"] for i in overdue["items"]] == [int(rid2)]


def test_roles_and_need_to_know(people: Any, as_user: Any, as_staff: Any) -> None:
    add(as_user, "Geheim Persoon", "5555555555")
    admin = as_staff("beheer", "request", "list")
    assert admin.code == 1 and admin.json["error"]["code"] == "forbidden"
    signer_add = as_user(
        "tekenaar", *request_add_argv("X", "1234567890"), secrets=[PASSWORDS["tekenaar"]]
    )
    assert signer_add.json["error"]["code"] == "forbidden"
    liaison_start = as_user("liaison", "request", "start", "1", secrets=[PASSWORDS["liaison"]])
    assert liaison_start.json["error"]["code"] == "forbidden"
    liaison_add = as_user(
        "liaison",
        *request_add_argv("Via IND", "6666666666", "naturalisation"),
        secrets=[PASSWORDS["liaison"]],
    )
    assert liaison_add.code == 0
    entries = as_staff("beheer", "audit", "list", "--limit", "50").json
    denied = [e for e in entries["items"] if e["result"] == "denied"]
    assert {e["action"] for e in denied} >= {"request.list", "request.add", "request.start"}
    # The audit never holds the subject's name.
    assert "Geheim Persoon" not in str(entries)


def test_provisions_and_stats(people: Any, as_user: Any, as_staff: Any, tmp_path: Path) -> None:
    add(as_user, "Ali Demir", "7777777777")
    made = officer(
        as_user,
        "provision",
        "add",
        "--direction",
        "ind_to_aivd",
        "--description",
        "Dossierstukken",
        "--date",
        "2026-11-01",
    ).json
    assert made["direction"] == "ind_to_aivd" and made["date"] == "2026-11-01"
    bad = officer(as_user, "provision", "add", "--direction", "sideways", "--description", "x")
    assert bad.code == 2
    listed = as_user("liaison", "provision", "list", secrets=[PASSWORDS["liaison"]]).json
    assert [p["id"] for p in listed["items"]] == [made["id"]]
    pdf = tmp_path / "stats.pdf"
    stats = as_staff(
        "beheer", "stats", "--from", "2026-10-01", "--to", "2026-11-30", "--pdf", str(pdf)
    )
    assert stats.code == 0
    assert set(stats.json) >= STATS_KEYS
    assert stats.json["requests_received"] == 1
    assert stats.json["provisions_ind_to_aivd"] == 1
    assert pdf.read_bytes().startswith(b"%PDF")
    assert oct(pdf.stat().st_mode & 0o777) == "0o600"
    # Additive (issue 14): the closings apart and what each figure counts, in JSON and PDF.
    for key in ("closed_with_report", "closed_no_data", "report_on_time", "no_data_on_time"):
        assert stats.json[key] == 0
    definitions = stats.json["definitions"]
    assert "cohort" in definitions["on_time"] and "Gebeurtenissen" in definitions["inspections"]
    assert "art. 2.3" in definitions["report_on_time"]
    pdf_text = "\n".join(
        p.extract_text() for p in pypdf.PdfReader(io.BytesIO(pdf.read_bytes())).pages
    )
    assert "Wat de cijfers tellen" in pdf_text and "Ambtsbericht binnen de termijn" in pdf_text
    assert "cohort" in pdf_text
    officer_stats = officer(as_user, "stats", "--from", "2026-10-01", "--to", "2026-11-30")
    assert officer_stats.json["error"]["code"] == "forbidden"


def test_calendar_day_moves_open_deadlines(people: Any, as_user: Any, as_staff: Any) -> None:
    rid = str(add(as_user, "Eva Peters", "8888888888").json["id"])
    assert officer(as_user, "request", "show", rid).json["deadline"] == "2026-11-13"
    added = as_staff(
        "beheer",
        "calendar",
        "add",
        "2026-11-06",
        "--kind",
        "closure",
        "--description",
        "Sluiting gebouw",
    ).json
    assert added["deadlines_changed"] == 1
    assert officer(as_user, "request", "show", rid).json["deadline"] == "2026-11-16"
    days = as_staff("beheer", "calendar", "list").json["items"]
    assert {"date": "2026-05-15", "kind": "decree"}.items() <= next(
        d for d in days if d["date"] == "2026-05-15"
    ).items()


def test_a_second_delay_notice_is_refused(people: Any, as_user: Any) -> None:
    rid = str(add(as_user, "Tom de Boer", "9999999999").json["id"])
    first = officer(as_user, "request", "notify-delay", rid, "--reason", "Onderzoek loopt")
    assert first.code == 0
    second = officer(as_user, "request", "notify-delay", rid, "--reason", "Nog later")
    assert second.code == 1 and second.json["error"]["code"] == "invalid_state"
    shown = officer(as_user, "request", "show", rid).json
    assert shown["delay_notice"]["reason"] == "Onderzoek loopt"
