"""Accounts and a workspace builder shared by the end-to-end tests (no fixtures here)."""

from __future__ import annotations

from pathlib import Path

from support import helpers

from tests.e2e.harness import Result, Workstation

PASSWORDS = {
    **helpers.PASSWORDS,
    "nieuw": "nieuw-wachtwoord-1",
    "geblokkeerd": "geblokkeerd-wachtwoord",
}
# name: role, clearance, full name
STAFF = {
    "officier": ("aivd_officer", "stg_geheim", "Olga Officier"),
    "tekenaar": ("aivd_signer", "stg_zeer_geheim", "Teun Tekenaar"),
    "liaison": ("ind_liaison", "stg_geheim", "Lotte Liaison"),
    "inspecteur": ("ind_inspector", "stg_geheim", "Ivo Inspecteur"),
    "nieuw": ("aivd_officer", "stg_geheim", "Nina Nieuw"),
    "geblokkeerd": ("ind_liaison", "stg_geheim", "Gert Geblokkeerd"),
}
WRONG = "dit-is-het-niet-1"


def init_workspace(
    ws: Workstation, root: Path, *, location: str = "aivd", kdf_profile: str = "test"
) -> str:
    """``init`` (by default with the fast test KDF); returns the recovery key."""
    created = ws.run(
        "init",
        "--admin",
        "beheer",
        "--location",
        location,
        "--kdf-profile",
        kdf_profile,
        data_dir=root,
        secrets_in=[PASSWORDS["beheer"]],
    ).ok()
    return str(created["recovery_key"])


def add_user(ws: Workstation, root: Path, name: str) -> None:
    role, clearance, _ = STAFF[name]
    added = ws.run(
        *add_user_args(name),
        data_dir=root,
        user="beheer",
        secrets_in=[PASSWORDS["beheer"], PASSWORDS[name]],
    ).ok()
    assert (added["name"], added["roles"], added["clearance"]) == (name, [role], clearance)


def add_user_args(name: str) -> list[str]:
    role, clearance, full_name = STAFF[name]
    return ["user", "add", name, "--role", role, "--clearance", clearance, "--full-name", full_name]


def as_user(ws: Workstation, root: Path, name: str, *args: str, password: str = "") -> Result:
    return ws.run(*args, data_dir=root, user=name, secrets_in=[password or PASSWORDS[name]])


def add_request(ws: Workstation, root: Path, name: str = "officier") -> Result:
    argv = helpers.request_add_argv("Çelik Ayşe", "1234567890", received="2026-04-23")
    return as_user(ws, root, name, *argv)
