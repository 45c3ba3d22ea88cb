"""`werkplek covenant …` and `werkplek plan …` (extensions): JSON shapes, exit codes, bad input
as a sentence with exit 2 and nothing stored, refusals with the contract's codes."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from support.helpers import ADMIN_PW, populate

SECRET = "Bijlage: de afspraken over de liaisons (testtekst)."


@pytest.fixture
def run(as_staff: Any, workspace: Any) -> Any:
    populate(workspace)
    return as_staff


def _file(tmp_path: Path, name: str, text: str) -> str:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_the_register_in_json_and_for_people(run: Any) -> None:
    listed = run("tekenaar", "covenant", "list")
    assert listed.code == 0
    (item,) = listed.json["items"]
    assert item["reference"] == "AIVD-IND 2019"
    assert item["signed"] == {"aivd": "2019-03-07", "ind": "2019-03-07"}
    assert item["in_force_from"] == "2019-03-08"
    assert item["status"] == "in_force"
    assert item["replaces"] == "het convenant uit 2013"
    human = run("beheer", "covenant", "show", json_mode=False)
    assert human.code == 0
    assert "in werking sinds 8 maart 2019" in human.out


def test_amend_consent_and_the_exit_codes(run: Any, tmp_path: Path) -> None:
    made = run("liaison", "covenant", "amend", "--change", "Art. 2.3: vijftien werkdagen.")
    assert made.code == 0, made.out
    aid = str(made.json["id"])
    assert (made.json["requested_by"], made.json["status"]) == ("ind", "requested")
    wrong = run("liaison", "covenant", "consent", aid, "--decision", "X 1", "--party", "aivd")
    assert wrong.code == 1 and wrong.json["error"]["code"] == "forbidden"
    ok = run("liaison", "covenant", "consent", aid, "--decision", "HD-IND 2026/7")
    assert ok.code == 0 and ok.json["status"] == "consented_by_one"
    again = run("liaison", "covenant", "consent", aid, "--decision", "HD-IND 2026/8")
    assert again.code == 1 and again.json["error"]["code"] == "invalid_state"
    both = run("tekenaar", "covenant", "consent", aid, "--decision", "DG-AIVD 2026/3")
    assert both.code == 0
    assert both.json["status"] == "agreed" and both.json["effective_on"] == "2026-11-03"
    assert {d["party"] for d in both.json["decisions"]} == {"ind", "aivd"}
    admin = run("beheer", "covenant", "show")
    assert admin.json["amendments"][0]["proposed_change"] is None
    from_file = run(
        "tekenaar",
        "covenant",
        "amend",
        "--change-file",
        _file(tmp_path, "w.txt", "Art. 3.2: tweemaal per jaar."),
        "--effective",
        "2027-01-01",
    )
    assert from_file.code == 0 and from_file.json["proposed_effective"] == "2027-01-01"


@pytest.mark.parametrize(
    "args",
    [
        ("covenant", "amend", "--change", ""),
        ("covenant", "amend", "--change", "x", "--date", "2026-13-01"),
        ("covenant", "amend", "--change", "x", "--date", "2026-12-01"),  # in the future
        ("covenant", "amend", "--change", "x", "--party", "politie"),
        ("covenant", "amend", "--change", "x", "--effective", "morgen"),
        ("covenant", "amend"),
        ("covenant", "consent", "0", "--decision", "X"),
        ("covenant", "consent", "abc", "--decision", "X"),
        ("covenant", "terminate", "--date", "2026-02-30"),
        ("covenant", "terminate"),
        ("covenant", "annex-set", "--text-file", "/bestaat/niet.txt"),
        ("covenant", "annex-set", "--text-file", "/tmp", "--classification", "stg_geheim"),
        ("covenant", "annex-show", "--version", "0"),
        ("plan", "add", "--subject", "", "--text-file", "/bestaat/niet.txt"),
        ("plan", "approve", "1", "--decision", ""),
        ("plan", "show", "-1"),
        ("plan", "add", "--subject", "x", "--text-file", __file__, "--classification-until", "x"),
        ("plan", "add", "--subject", "x", "--text-file", __file__, "--classification-event", "ab"),
        ("covenant", "annex-set", "--text-file", __file__, "--classification", "ongerubriceerd"),
        ("covenant", "bestaat-niet"),
    ],
)
def test_bad_input_is_a_sentence_and_exit_2(run: Any, args: tuple[str, ...]) -> None:
    result = run("tekenaar", *args)
    assert result.code == 2, result.out
    error = result.json["error"]
    assert error["code"] in ("invalid_input", "not_found")
    assert error["message"] and "Traceback" not in error["message"]
    listed = run("tekenaar", "covenant", "show")
    assert listed.json["amendments"] == [] and listed.json["termination"] is None
    assert listed.json["annex"] is None and listed.json["plans"] == []


def test_terminate_shows_opgezegd_per(run: Any, workspace: Any) -> None:
    workspace.env.clock.set(dt.datetime(2026, 11, 30, 10, tzinfo=dt.UTC))
    done = run("tekenaar", "covenant", "terminate", "--date", "2026-11-30")
    assert done.code == 0
    assert done.json["termination"]["effective_on"] == "2027-02-28"
    assert done.json["status_text"] == "opgezegd per 28 februari 2027"
    human = run("liaison", "covenant", "list", json_mode=False)
    assert "opgezegd per 28 februari 2027" in human.out
    twice = run("liaison", "covenant", "terminate", "--date", "2026-11-30")
    assert twice.code == 1 and twice.json["error"]["code"] == "invalid_state"


def test_annex_set_and_show_by_clearance(run: Any, tmp_path: Path) -> None:
    path = _file(tmp_path, "bijlage.txt", SECRET)
    made = run(
        "tekenaar", "covenant", "annex-set", "--text-file", path, "--classification", "stg_geheim"
    )
    assert made.code == 0 and made.json["version"] == 1
    assert SECRET not in made.out
    shown = run("tekenaar", "covenant", "annex-show")
    assert shown.code == 0 and shown.json["text"] == SECRET
    assert shown.json["classification"] == "stg_geheim"
    human = run("tekenaar", "covenant", "annex-show", json_mode=False)
    assert SECRET in human.out and "STG. GEHEIM" in human.out
    for name in ("liaison", "beheer", "officier"):
        refused = run(name, "covenant", "annex-show")
        assert refused.code == 1 and refused.json["error"]["code"] == "forbidden"
        assert SECRET not in refused.out
    audit = run("beheer", "audit", "list", "--limit", "20")
    actions = [(i["action"], i["result"]) for i in audit.json["items"]]
    assert actions.count(("covenant.annex_view", "denied")) == 3
    assert actions.count(("covenant.annex_view", "ok")) == 2
    assert SECRET not in audit.out


def test_plan_commands(run: Any, tmp_path: Path) -> None:
    text = _file(tmp_path, "plan.txt", "Spoedverzoeken binnen twee werkdagen.\n")
    made = run(
        "tekenaar",
        "plan",
        "add",
        "--subject",
        "Spoed",
        "--text-file",
        text,
        "--classification-event",
        "afronding van de evaluatie",
    )
    assert made.code == 0, made.out
    pid = str(made.json["id"])
    assert (made.json["status"], made.json["version"]) == ("concept", 1)
    assert made.json["classification_duration"]["text"] == "tot: afronding van de evaluatie"
    approved = run("tekenaar", "plan", "approve", pid, "--decision", "DG-AIVD 2026/40")
    assert approved.json["status"] == "approved_by_one"
    revised = run(
        "liaison",
        "plan",
        "revise",
        pid,
        "--text-file",
        _file(tmp_path, "v2.txt", "Binnen drie werkdagen."),
        json_mode=False,
    )
    assert revised.code == 0
    assert "tellen niet meer" in revised.out
    stale = run("liaison", "plan", "approve", pid, "--decision", "HD-IND 1", "--version", "1")
    assert stale.code == 1 and stale.json["error"]["code"] == "invalid_state"
    for user, ref in (("liaison", "HD-IND 2026/12"), ("tekenaar", "DG-AIVD 2026/41")):
        result = run(user, "plan", "approve", pid, "--decision", ref, "--version", "2")
        assert result.code == 0, result.out
    assert result.json["status"] == "in_force"
    shown = run("liaison", "plan", "show", pid, "--version", "1")
    assert shown.json["text"] == "Spoedverzoeken binnen twee werkdagen.\n"
    assert len(shown.json["all_approvals"]) == 3
    # People read who recorded an approval by full name; the JSON keeps the login name.
    assert {a["recorded_by"] for a in shown.json["all_approvals"]} == {"tekenaar", "liaison"}
    human = run("liaison", "plan", "show", pid, json_mode=False)
    assert "vastgelegd door Tekenaar Testpersoon)" in human.out
    assert "vastgelegd door Liaison Testpersoon)" in human.out
    assert "vastgelegd door tekenaar" not in human.out
    listed = run("beheer", "plan", "list")
    assert listed.code == 0 and listed.json["items"][0]["subject"] is None
    refused = run("beheer", "plan", "show", pid)
    assert refused.code == 1 and refused.json["error"]["code"] == "forbidden"
    gone = run("tekenaar", "plan", "withdraw", pid, "--reason", "Vervangen.")
    assert gone.code == 0 and gone.json["status"] == "withdrawn"
    missing = run("tekenaar", "plan", "show", "99")
    assert missing.code == 2 and missing.json["error"]["code"] == "not_found"
    officer = run("officier", "plan", "list")
    assert officer.code == 1 and officer.json["error"]["code"] == "forbidden"
    assert ADMIN_PW not in officer.out
