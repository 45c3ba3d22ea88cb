"""CLI extensions for the flow going back (issue 12) and the signer's special case (issue 14):
report withdraw|send-back, report sign --special-case-reason, review edit|withdraw|handle. Same
JSON error shape and exit codes as the contract; the per-call sign-in is the password proof
that signing and issuing need."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from support.helpers import cli_error, request_add_argv

TEXT = (
    "Onderwerp: betrokkene C\n\n"
    "Aanleiding\nVerzoek van de IND.\n\n"
    "Bevindingen\n1. Zij verbleef in 2018 in het buitenland.\n   Betrouwbaarheid: betrouwbaar\n\n"
    "2. Zij had contact met een organisatie.\n   Bronverwijzing: DOC-9\n"
    "   Datum gegevens: 2009-01-15\n\n"
    "Conclusie\nGeen bezwaar bekend.\n"
)

# The request the ``report`` fixture drafts on (and a second one with the same V-number).
ADD_REQUEST_C = request_add_argv("Betrokkene C", "1234512345")


@pytest.fixture
def run(review_team: Any) -> Any:
    return review_team


@pytest.fixture
def report(run: Any, tmp_path: Path) -> int:
    text = tmp_path / "v1.txt"
    text.write_text(TEXT, encoding="utf-8")
    req = run("officier", *ADD_REQUEST_C)
    assert req.code == 0, req.out
    out = run(
        "officier", "report", "draft", "--request", str(req.json["id"]), "--text-file", str(text)
    )
    assert out.code == 0, out.out
    rid = int(out.json["id"])
    assert run("officier", "report", "submit", str(rid)).code == 0
    return rid


def test_withdraw_and_send_back(run: Any, report: int) -> None:
    rid = str(report)
    cli_error(run("liaison", "report", "withdraw", rid), "forbidden", 1)
    out = run("officier", "report", "withdraw", rid, "--reason", "Bron ontbreekt")
    assert out.code == 0, out.out
    assert out.json == {"id": report, "reference": out.json["reference"], "version": 1,
                        "status": "draft"}  # fmt: skip
    cli_error(run("officier", "report", "withdraw", rid), "invalid_state", 1)
    assert run("officier", "report", "submit", rid).code == 0
    assert run("liaison", "review", "verdict", rid, "--usable").code == 0
    # send-back needs a reason: a missing option is a usage error, an empty one bad input.
    assert run("tekenaar", "report", "send-back", rid).code == 2
    cli_error(run("tekenaar", "report", "send-back", rid, "--reason", " "), "invalid_input", 2)
    cli_error(run("officier", "report", "send-back", rid, "--reason", "x"), "forbidden", 1)
    out = run("tekenaar", "report", "send-back", rid, "--reason", "Bevinding 2 aanscherpen")
    assert out.code == 0 and out.json["status"] == "draft"
    shown = run("officier", "report", "show", rid).json
    assert [(r["kind"], r["reason"], r["by"]) for r in shown["returns"]] == [
        ("withdraw", "Bron ontbreekt", "officier"),
        ("send_back", "Bevinding 2 aanscherpen", "tekenaar"),
    ]


def test_remarks_edit_withdraw_handle(run: Any, report: int) -> None:
    rid = str(report)
    first = run("liaison", "review", "annotate", rid, "--quote", "buitenland", "--comment", "Waar?")
    second = run(
        "liaison", "review", "annotate", rid, "--quote", "organisatie", "--comment", "Wie?"
    )
    a1, a2 = str(first.json["id"]), str(second.json["id"])
    out = run("liaison", "review", "edit", rid, "--annotation", a1, "--comment", "Welk land?")
    assert out.code == 0 and set(out.json) == {"id", "report_id", "version", "start", "end"}
    assert run("liaison", "review", "withdraw", rid, "--annotation", a2).code == 0
    cli_error(run("liaison", "review", "withdraw", rid, "--annotation", a2), "invalid_state", 1)
    cli_error(run("officier", "review", "edit", rid, "--annotation", a1, "--comment", "x"),
          "forbidden", 1)  # fmt: skip
    cli_error(run("liaison", "review", "edit", rid, "--annotation", "999", "--comment", "x"),
          "not_found", 2)  # fmt: skip
    assert run("liaison", "review", "verdict", rid, "--changes-wanted").code == 0
    cli_error(run("liaison", "review", "edit", rid, "--annotation", a1, "--comment", "Later"),
          "invalid_state", 1)  # fmt: skip
    cli_error(run("officier", "review", "handle", rid, "--annotation", a1, "--note", ""),
          "invalid_input", 2)  # fmt: skip
    out = run("officier", "review", "handle", rid, "--annotation", a1, "--note", "Land genoemd")
    assert out.code == 0, out.out
    notes = {a["id"]: a for a in run("liaison", "report", "show", rid).json["annotations"]}
    assert notes[int(a1)]["comment"] == "Welk land?" and notes[int(a1)]["edited"] is True
    assert notes[int(a1)]["handled_note"] == "Land genoemd"
    assert notes[int(a2)]["withdrawn"] is True


def test_sign_old_data_needs_the_signers_decision(run: Any, report: int) -> None:
    rid = str(report)
    assert run("liaison", "review", "verdict", rid, "--usable").code == 0
    shown = run("tekenaar", "report", "show", rid).json
    assert shown["special_case_needed"] and shown["special_case"] is None
    msg = cli_error(run("tekenaar", "report", "sign", rid), "invalid_input", 2)
    assert "bijzonder geval" in msg and "Bevinding 2" in msg
    assert run("tekenaar", "report", "show", rid).json["status"] == "usable"
    out = run("tekenaar", "report", "sign", rid, "--special-case-reason", "Enige bron; gemeld.")
    assert out.code == 0, out.out
    assert out.json["status"] == "signed"
    decided = run("officier", "report", "show", rid).json["special_case"]
    assert decided["findings"] == [2] and decided["reason"] == "Enige bron; gemeld."
    assert decided["decided_by"] == "tekenaar"
    # Issuing: the call's own sign-in is the fresh password.
    assert run("officier", "report", "issue", rid).code == 0
    listed = run("officier", "provision", "list").json["items"]
    assert any("bijzonder geval" in str(p.get("description")) for p in listed)


def test_request_add_warns_about_an_open_request_with_the_same_v_number(
    run: Any, report: int, capsys: Any
) -> None:
    # The ``report`` fixture registered 1234512345 (open: its report is in review).
    out = run("liaison", *ADD_REQUEST_C)
    assert out.code == 0, out.out  # a warning, not a refusal
    assert out.json["status"] == "received"
    first = run("officier", "request", "list").json["items"]
    known = next(r["reference"] for r in first if r["reference"] != out.json["reference"])
    assert out.json["open_with_v_number"] == [known]
    # The sentence also goes to standard error, beside the one JSON object on standard output.
    assert known in out.json["warning"] and known in capsys.readouterr().err
    other = run(
        "liaison",
        "request",
        "add",
        "--subject-name",
        "Iemand Anders",
        "--v-number",
        "9999999999",
        "--purpose",
        "asylum",
    )
    assert other.code == 0 and "warning" not in other.json
    assert "V-nummer" not in capsys.readouterr().err
