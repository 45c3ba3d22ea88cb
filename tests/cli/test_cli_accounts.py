"""Issue 13, Accounts, on the command line: the extensions user edit|deactivate|activate|
reset-password and designation end|revoke|history; bad input is a sentence, exit 2, and changes
nothing. The existing commands keep working as cli.md describes (no password change demanded)."""

from __future__ import annotations

from typing import Any

import pytest
from support.helpers import ADMIN_PW, STAFF, cli_error, populate

from desktop_app.domain.accounts import password_rules


@pytest.fixture
def staffed(workspace: Any) -> Any:
    populate(workspace)
    return workspace


def _listed(as_user: Any) -> dict[str, dict[str, Any]]:
    result = as_user("beheer", "user", "list", secrets=[ADMIN_PW])
    assert result.code == 0, result.out
    return {u["name"]: u for u in result.json["items"]}


def test_user_edit(as_user: Any, as_staff: Any, staffed: Any) -> None:
    result = as_staff(
        "beheer",
        "user",
        "edit",
        "officier",
        "--full-name",
        "Olga Officier",
        "--role",
        "aivd_officer",
        "--role",
        "aivd_signer",
        "--clearance",
        "stg_zeer_geheim",
    )
    assert result.code == 0, result.out
    assert result.json == {
        "id": 2,
        "name": "officier",
        "full_name": "Olga Officier",
        "roles": ["aivd_officer", "aivd_signer"],
        "clearance": "stg_zeer_geheim",
        "active": True,
    }
    assert _listed(as_user)["officier"]["roles"] == ["aivd_officer", "aivd_signer"]


@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        (["--role", "koning"], "Onbekende rol"),
        (["--role", "aivd_officer", "--role", "ind_liaison"], "AIVD-rol"),
        (["--role", "admin", "--role", "aivd_officer"], "need-to-know"),
        (["--clearance", "topgeheim"], "Onbekende rubricering"),
        (["--full-name", "\u202eeman"], "volledige naam"),
        ([], "wat moet er veranderen"),
    ],
)
def test_user_edit_bad_input_is_exit_2_and_changes_nothing(
    as_user: Any, as_staff: Any, staffed: Any, args: list[str], fragment: str
) -> None:
    before = _listed(as_user)["officier"]
    message = cli_error(
        as_staff("beheer", "user", "edit", "officier", *args),
        "invalid_input",
        2,
    )
    assert fragment in message
    assert _listed(as_user)["officier"] == before


def test_deactivate_activate_and_reset_password(as_user: Any, as_staff: Any, staffed: Any) -> None:
    liaison_pw = STAFF["liaison"][0]
    result = as_staff("beheer", "user", "deactivate", "liaison")
    assert result.code == 0 and result.json["active"] is False
    assert _listed(as_user)["liaison"]["active"] is False
    cli_error(as_user("liaison", "user", "list", secrets=[liaison_pw]), "auth_failed", 3)
    cli_error(as_staff("beheer", "user", "deactivate", "liaison"), "invalid_input", 2)
    cli_error(as_staff("beheer", "user", "deactivate", "beheer"), "invalid_input", 2)
    # Activation needs a new initial password that meets the rules.
    weak = as_user("beheer", "user", "activate", "liaison", secrets=[ADMIN_PW, "wachtwoord123"])
    assert "zwak" in cli_error(weak, "invalid_input", 2)
    assert _listed(as_user)["liaison"]["active"] is False
    result = as_user("beheer", "user", "activate", "liaison", secrets=[ADMIN_PW, "terug-van-weg-1"])
    assert result.code == 0 and result.json["initial_password"] is True
    # The command line signs in with an initial password as before (scripts keep working).
    listed = as_user("liaison", "passwd", secrets=["terug-van-weg-1", "eigen-keuze-ww-1"])
    assert listed.code == 0
    assert _listed(as_user)["liaison"]["initial_password"] is False
    result = as_user(
        "beheer", "user", "reset-password", "liaison", secrets=[ADMIN_PW, "herstel-ww-2026"]
    )
    assert result.code == 0 and result.json == {"name": "liaison", "initial_password": True}
    assert _listed(as_user)["liaison"]["initial_password"] is True
    cli_error(as_user("liaison", "passwd", secrets=["eigen-keuze-ww-1", "x"]), "auth_failed", 3)


@pytest.mark.parametrize(
    "password", ["kort", "liaison", "qwertyuiop", "zzzzzzzzzzzz", "Wachtwoord123"]
)
def test_reset_password_rules(as_user: Any, staffed: Any, password: str) -> None:
    result = as_user("beheer", "user", "reset-password", "liaison", secrets=[ADMIN_PW, password])
    cli_error(result, "invalid_input", 2)
    # Nothing changed: the old password still works.
    assert as_user("liaison", "passwd", secrets=[STAFF["liaison"][0], "eigen-ww-123x"]).code == 0


def test_the_prompt_states_the_password_rules(cli: Any, staffed: Any) -> None:
    result = cli(
        "--data-dir",
        str(staffed.root),
        "--password-stdin",
        "--user",
        "beheer",
        "user",
        "reset-password",
        "liaison",
        stdin=f"{ADMIN_PW}\n",
    )
    assert result.code == 2
    assert password_rules() in result.out + result.err


def test_non_admins_are_forbidden(as_user: Any, staffed: Any) -> None:
    pw = STAFF["officier"][0]
    for args in (
        ["user", "edit", "liaison", "--full-name", "X Y"],
        ["user", "deactivate", "liaison"],
        ["designation", "revoke", "inspecteur", "--decision", "HD-1"],
        ["designation", "history", "inspecteur"],
    ):
        cli_error(as_user("officier", *args, secrets=[pw]), "forbidden", 1)


def test_designation_end_revoke_history(as_staff: Any, staffed: Any) -> None:
    result = as_staff(
        "beheer",
        "designation",
        "end",
        "inspecteur",
        "--decision",
        "HD-IND 2026/031",
        "--until",
        "2026-12-31",
    )
    assert result.code == 0, result.out
    assert result.json["until"] == "2026-12-31"
    assert result.json["ended_by"] == "HD-IND 2026/031"
    bad = as_staff(
        "beheer",
        "designation",
        "end",
        "inspecteur",
        "--decision",
        "HD-IND 2026/032",
        "--until",
        "2020-01-01",
    )
    assert "terugwerkende kracht" in cli_error(bad, "invalid_input", 2)
    cli_error(
        as_staff(
            "beheer", "designation", "end", "inspecteur", "--decision", "X", "--until", "morgen"
        ),
        "invalid_input",
        2,
    )
    revoke = ("designation", "revoke", "inspecteur", "--decision", "HD-IND 2026/040")
    result = as_staff("beheer", *revoke)
    assert result.code == 0, result.out
    assert result.json["revoked_by"] == "HD-IND 2026/040"
    history = as_staff("beheer", "designation", "history", "inspecteur")
    assert history.code == 0
    [item] = history.json["items"]
    assert item["decision"] == "HD-IND 2026/017"
    assert item["revoked"] is True and item["current"] is False
    assert [(c["kind"], c["decision"]) for c in item["changes"]] == [
        ("ended", "HD-IND 2026/031"),
        ("revoked", "HD-IND 2026/040"),
    ]
    cli_error(as_staff("beheer", "designation", "history", "niemand"), "not_found", 2)
