"""More of cli.md for requests: V-number prefixes, references, ranking under --limit, not found,
the CSV export of the statistics (an extension)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from conftest import PASSWORDS
from support.helpers import request_add_argv

from desktop_app.domain.classification import Classification


@pytest.fixture
def staff(workspace: Any) -> Any:
    workspace.add_staff("officier", clearance=Classification.ONGERUBRICEERD)
    return workspace


def run(as_user: Any, *args: str) -> Any:
    return as_user("officier", *args, secrets=[PASSWORDS["officier"]])


def add(as_user: Any, name: str, v_number: str, *extra: str) -> dict[str, Any]:
    result = run(
        as_user, *request_add_argv(name, v_number, "residence", received="2026-10-30"), *extra
    )
    assert result.code == 0, result.out
    body: dict[str, Any] = result.json
    return body


def names(body: dict[str, Any]) -> list[str]:
    return [i["subject_name"] for i in body["items"]]


def test_v_number_prefix_reference_and_ind_reference(staff: Any, as_user: Any) -> None:
    add(as_user, "Ayşe Çelik", "0612345678", "--ind-reference", "IND/2026/0042")
    add(as_user, "Hans Müller", "0612999999")
    third = add(as_user, "Олег Сидоров", "0700000000")
    assert set(names(run(as_user, "request", "list", "--search", "0612").json)) == {
        "Ayşe Çelik",
        "Hans Müller",
    }
    assert run(as_user, "request", "list", "--search", "0612").json["total"] == 2
    assert names(run(as_user, "request", "list", "--search", "06.1234.5678").json) == ["Ayşe Çelik"]
    assert names(run(as_user, "request", "list", "--search", third["reference"].lower()).json) == [
        "Олег Сидоров"
    ]
    assert names(run(as_user, "request", "list", "--search", "ind/2026/0042").json) == [
        "Ayşe Çelik"
    ]
    assert names(run(as_user, "request", "list", "--search", "сидоров").json) == ["Олег Сидоров"]
    assert run(as_user, "request", "list", "--search", "0613").json == {"items": [], "total": 0}


def test_exact_hits_rank_first_and_limit_keeps_them(staff: Any, as_user: Any) -> None:
    for n in range(4):
        add(as_user, f"Jansen {n}", f"55500000{n:02d}")
    add(as_user, "Piet Jansen Jansen", "1234500000")
    body = run(as_user, "request", "list", "--search", "jansen", "--limit", "1").json
    assert body["total"] == 5
    assert names(body) == ["Piet Jansen Jansen"]  # bm25: jansen twice in a short name


def test_show_unknown_and_forbidden(staff: Any, as_user: Any, as_staff: Any) -> None:
    rid = str(add(as_user, "Eva Peters", "8888888888")["id"])
    missing = run(as_user, "request", "show", "999")
    assert missing.code == 2 and missing.json["error"]["code"] == "not_found"
    admin = as_staff("beheer", "request", "show", rid)
    assert admin.code == 1 and admin.json["error"]["code"] == "forbidden"
    assert "Eva" not in admin.out


def test_stats_csv_export(staff: Any, as_user: Any, as_staff: Any, tmp_path: Path) -> None:
    add(as_user, "Eva Peters", "8888888888")
    target = tmp_path / "cijfers.csv"
    result = as_staff(
        "beheer", "stats", "--from", "2026-01-01", "--to", "2026-12-31", "--csv", str(target)
    )
    assert result.code == 0 and result.json["requests_received"] == 1
    text = target.read_bytes().decode("utf-8-sig")
    assert text.splitlines()[0] == "kenmerk;omschrijving;waarde"
    assert "requests_received;" in text and text.count("\r\n") >= 12
    assert oct(target.stat().st_mode & 0o777) == "0o600"
    bad = as_staff("beheer", "stats", "--from", "2026-12-31", "--to", "2026-01-01")
    assert bad.code == 2 and bad.json["error"]["code"] == "invalid_input"
