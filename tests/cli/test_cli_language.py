"""--lang en (or WERKPLEK_LANG=en): the core's messages and the CLI's lines for people are
English; the JSON shapes and codes stay as the contract says, and Dutch stays the default."""

from __future__ import annotations

from typing import Any

import pytest
from support.helpers import ADMIN_PW, STAFF, populate

from desktop_app.domain import messages


@pytest.fixture(autouse=True)
def _back_to_dutch() -> Any:
    yield
    messages.set_language("nl")


def test_errors_in_english_with_the_same_code(as_staff: Any, workspace: Any) -> None:
    dutch = as_staff("beheer", "audit", "list", "--limit", "0")
    assert dutch.json["error"] == {
        "code": "invalid_input",
        "message": "De limiet ligt tussen 1 en 100000.",
    }
    english = as_staff("beheer", "--lang", "en", "audit", "list", "--limit", "0")
    assert english.code == dutch.code == 2
    assert english.json["error"] == {
        "code": "invalid_input",
        "message": "The limit is between 1 and 100000.",
    }


def test_a_refusal_in_english(as_user: Any, workspace: Any) -> None:
    populate(workspace)
    result = as_user(
        "officier", "--lang", "en", "audit", "list", secrets=[STAFF["officier"][0]], json_mode=False
    )
    assert result.code == 1
    assert result.err.strip() == (
        "werkplek: You may not 'view the audit trail'; that requires the role Administrator."
    )


def test_human_lines_in_english(as_user: Any, workspace: Any, monkeypatch: Any) -> None:
    monkeypatch.setenv("WERKPLEK_LANG", "en")
    result = as_user("beheer", "audit", "verify", secrets=[ADMIN_PW], json_mode=False)
    assert result.code == 0 and result.out.startswith("OK ") and " entries; head " in result.out
    listed = as_user("beheer", "audit", "list", "--limit", "5", secrets=[ADMIN_PW], json_mode=False)
    assert "Signed in" in listed.out and "succeeded" in listed.out


def test_usage_errors_in_english(cli: Any) -> None:
    result = cli("--lang", "en", "--json")
    assert result.code == 2
    assert result.json["error"]["message"] == "Give a command; see 'werkplek --help'."
