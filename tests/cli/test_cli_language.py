"""--lang en (or WERKPLEK_LANG=en): the core's messages and the CLI's lines for people are
English; the JSON shapes and codes stay as the contract says, and Dutch stays the default."""

from __future__ import annotations

from typing import Any

import pytest
from support.helpers import ADMIN_PW, STAFF, populate

pytestmark = pytest.mark.usefixtures("back_to_dutch")


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


def test_dates_in_english_lines_and_errors(as_staff: Any, workspace: Any) -> None:
    """A date inside an English sentence is English ("8 March 2019"); the core keeps writing
    the Dutch prose date and messages.translate renders it."""
    populate(workspace)
    shown = as_staff("beheer", "--lang", "en", "covenant", "show", json_mode=False)
    assert shown.code == 0
    assert "  in force from 8 March 2019; now: in force since 8 March 2019" in shown.out
    assert "maart" not in shown.out
    removed = as_staff("beheer", "--lang", "en", "calendar", "remove", "2026-12-02")
    assert removed.json["error"] == {
        "code": "not_found",
        "message": "2 December 2026 is not in the calendar.",
    }
    human = as_staff("beheer", "--lang", "en", "calendar", "remove", "2026-12-02", json_mode=False)
    assert human.err.strip() == "werkplek: 2 December 2026 is not in the calendar."
    # Dutch stays the default, with the Dutch month.
    dutch = as_staff("beheer", "calendar", "remove", "2026-12-02")
    assert dutch.json["error"]["message"] == "2 december 2026 staat niet in de kalender."


def test_the_json_keeps_its_dutch_texts_in_english_mode(as_staff: Any, workspace: Any) -> None:
    """The contract: the JSON of `covenant show` is the same in both languages (its status
    text stays the Dutch "in werking sinds 8 maart 2019")."""
    populate(workspace)
    dutch = as_staff("beheer", "covenant", "show")
    english = as_staff("beheer", "--lang", "en", "covenant", "show")
    assert english.code == dutch.code == 0
    assert english.json == dutch.json
    assert dutch.json["status_text"] == "in werking sinds 8 maart 2019"
