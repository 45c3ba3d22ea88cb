"""``werkplek retention ...`` (extensions, docs/retention.md): JSON shapes, exit codes, bad input
as a sentence with exit 2 and nothing stored, refusals audited."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

from desktop_app.services import retention
from tests.services.retention_support import Round, run_round
from tests.services.test_inspection_service_support import PASSWORDS

DUE = dt.datetime(2037, 1, 1, 9, 0, tzinfo=dt.UTC)


@pytest.fixture
def rnd(workspace: Any, tmp_path: Path) -> Round:
    return run_round(workspace, tmp_path / "afdrukken")


@pytest.fixture
def run(as_user: Any) -> Any:
    def go(user: str, *args: str) -> Any:
        return as_user(user, "retention", *args, secrets=[PASSWORDS[user]])

    return go


def _error(result: Any) -> dict[str, Any]:
    data = json.loads(result.out)
    assert set(data) == {"error"}
    return dict(data["error"])


def test_periods_and_set_period(run: Any, workspace: Any) -> None:
    result = run("beheer", "periods")
    assert result.code == 0
    items = result.json["items"]
    assert [i["kind"] for i in items] == [
        "request_no_data",
        "request_report",
        "spontaneous_report",
        "provision",
        "inspection",
    ]
    assert {"kind", "label", "years", "starts", "basis", "changed_by", "changed_at"} <= set(
        items[0]
    )
    result = run("beheer", "set-period", "provision", "--years", "12", "--basis", "Selectielijst")
    assert result.code == 0 and result.json["years"] == 12


@pytest.mark.parametrize(
    "args",
    [
        ("set-period", "provision", "--years", "0"),
        ("set-period", "provision", "--years", "101"),
        ("set-period", "provision", "--years", "tien"),
        ("set-period", "archief", "--years", "5"),
        ("set-period", "provision"),
        ("show", "nul"),
        ("hold", "dossier-1", "--reason", "r", "--reference", "k"),
        ("hold", "request:1", "--reason", " ", "--reference", "k"),
    ],
)
def test_bad_input_is_a_sentence_with_exit_2_and_nothing_stored(
    run: Any, workspace: Any, args: tuple[str, ...]
) -> None:
    result = run("beheer", *args)
    assert result.code == 2, result.out
    error = _error(result)
    assert error["code"] in ("invalid_input", "usage")
    assert error["message"] and "Traceback" not in result.out + result.err
    with workspace.session("beheer") as s:
        assert {p.kind.value: p.years for p in retention.periods(s)}["provision"] == 10
        assert retention.holds(s) == []


def test_a_whole_destruction_through_the_cli(run: Any, workspace: Any, rnd: Round) -> None:
    workspace.env.clock.set(DUE)
    due = run("beheer", "due")
    assert due.code == 0 and due.json["as_of"] == "2037-01-01"
    assert f"request:{rnd.request_id}" in {i["object"] for i in due.json["items"]}
    drawn = run("beheer", "propose")
    assert drawn.code == 0
    list_id = drawn.json["id"]
    assert {i["object"] for i in drawn.json["items"]} == {
        f"request:{rnd.request_id}",
        f"provision:{rnd.provision_id}",
    }
    early = run("beheer", "destroy", str(list_id))
    assert early.code == 1 and _error(early)["code"] == "invalid_state"
    assert run("beheer", "approve", str(list_id)).json["admin_approved_by"] == "beheer"
    liaison = run("tweede", "approve", str(list_id))
    assert liaison.code == 1 and _error(liaison)["code"] == "forbidden"
    assert run("tekenaar", "approve", str(list_id)).json["signer_approved_by"] == "tekenaar"
    # A hold placed after the approvals still blocks.
    hold = run(
        "tekenaar",
        "hold",
        f"inspection:{rnd.inspection_id}",
        "--reason",
        "klacht",
        "--reference",
        "K-1",
    )
    assert hold.code == 0 and hold.json["active"] is True
    blocked = run("beheer", "destroy", str(list_id))
    assert blocked.code == 1 and "bewaarplicht" in _error(blocked)["message"]
    assert run("beheer", "holds", "--active").json["items"][0]["id"] == hold.json["id"]
    released = run("beheer", "release", str(hold.json["id"]), "--reason", "klacht afgehandeld")
    assert released.code == 0 and released.json["active"] is False
    done = run("beheer", "destroy", str(list_id))
    assert done.code == 0, done.out
    assert {r["object"] for r in done.json["records"]} == {
        f"request:{rnd.request_id}",
        f"provision:{rnd.provision_id}",
    }
    listed = run("beheer", "list").json["items"]
    assert listed[0]["destroyed_by"] == "beheer" and listed[0]["records"] == 2
    records = run("tekenaar", "records").json["items"]
    assert {r["reference"] for r in records} >= {rnd.reference}
    verify = run_audit_verify(workspace)
    assert verify["ok"] is True


def run_audit_verify(workspace: Any) -> dict[str, Any]:
    from desktop_app.services.audit import verify_audit

    with workspace.session("beheer") as s:
        report = verify_audit(s)
    return {"ok": report.ok, "problem": report.problem}


def test_unknown_list_is_not_found(run: Any) -> None:
    result = run("beheer", "show", "99")
    assert result.code == 2 and _error(result)["code"] == "not_found"
