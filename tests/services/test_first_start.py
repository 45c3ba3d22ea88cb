"""The first-start wizard's state machine, without a display (issue 13)."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path
from typing import Any

import pytest

from desktop_app.domain.errors import InvalidInput, InvalidState, WrongWorkstation
from desktop_app.security import recovery
from desktop_app.security.workstation import REMEDY
from desktop_app.services.first_start import FirstStartWizard, Step
from desktop_app.services.session import Environment
from desktop_app.services.workspace import open_session
from desktop_app.storage.recent import MAX_RECENT, RecentWorkspaces

PW = "eerste-beheer-wachtwoord"


def _wizard(tmp_path: Path, env: Environment, *, keyring_ok: list[bool] | None = None) -> Any:
    ok = keyring_ok if keyring_ok is not None else [True]

    def check() -> Environment:
        if not ok[0]:
            raise WrongWorkstation(REMEDY)
        return env

    return FirstStartWizard(
        check_keyring=check,
        default_dir=tmp_path / "werkplek",
        recent=RecentWorkspaces(tmp_path / "config" / "recent.json"),
        kdf_profile="test",
    )


def test_a_new_workspace_from_start_to_done(tmp_path: Path, env: Environment) -> None:
    wizard = _wizard(tmp_path, env)
    assert wizard.step is Step.START
    assert wizard.new_workspace() is Step.LOCATION
    assert wizard.data_dir == tmp_path / "werkplek"
    assert wizard.set_location(tmp_path / "hier", "ind") is Step.ADMIN
    assert wizard.create("beheer", "B. Beheerder", PW, PW) is Step.RECOVERY
    assert not wizard.can_go_back
    with pytest.raises(InvalidState):
        wizard.back()
    key = wizard.recovery_key
    recovery.parse(key)
    wrong = "AAAA" if recovery.groups(key)[wizard.ask_group] != "AAAA" else "BBBB"
    with pytest.raises(InvalidInput, match=f"groep {wizard.ask_group + 1}"):
        wizard.confirm_recovery(wrong)
    assert wizard.step is Step.RECOVERY
    assert wizard.confirm_recovery(recovery.groups(key)[wizard.ask_group].lower()) is Step.DONE
    assert wizard.recovery_key == ""
    assert wizard.result.data_dir == tmp_path / "hier" and wizard.result.created
    with open_session(env, tmp_path / "hier", "beheer", PW) as s:
        assert s.location == "ind"
    assert wizard.recent.load() == [(tmp_path / "hier").absolute()]


def test_no_usable_keyring_shows_the_remedy_until_one_is(tmp_path: Path, env: Environment) -> None:
    ok = [False]
    wizard = _wizard(tmp_path, env, keyring_ok=ok)
    assert wizard.new_workspace() is Step.KEYRING
    assert wizard.remedy == REMEDY and wizard.env is None
    assert wizard.retry_keyring() is Step.KEYRING
    ok[0] = True
    assert wizard.retry_keyring() is Step.LOCATION and wizard.remedy is None
    assert wizard.back() is Step.KEYRING
    assert wizard.back() is Step.START


def test_bad_input_changes_nothing(tmp_path: Path, env: Environment, workspace: Any) -> None:
    wizard = _wizard(tmp_path, env)
    wizard.new_workspace()
    with pytest.raises(InvalidInput, match="al een werkplek"):
        wizard.set_location(workspace.root, "aivd")
    full = tmp_path / "vol"
    full.mkdir()
    (full / "x.txt").write_text("iets")
    with pytest.raises(InvalidInput, match="niet leeg"):
        wizard.set_location(full, "aivd")
    with pytest.raises(InvalidInput, match="locatie"):
        wizard.set_location(tmp_path / "nieuw", "mars")
    assert wizard.step is Step.LOCATION
    wizard.set_location(tmp_path / "nieuw", "aivd")
    for name, full_name, pw, repeat in (
        ("Beheer!", "", PW, PW),
        ("beheer", "", "kort", "kort"),
        ("beheer", "", PW, PW + "x"),
        ("beheer", "", "beheer", "beheer"),
    ):
        with pytest.raises(InvalidInput):
            wizard.create(name, full_name, pw, repeat)
        assert not (tmp_path / "nieuw").exists()
    assert wizard.step is Step.ADMIN
    with pytest.raises(InvalidState):
        wizard.confirm_recovery("AAAA")


def test_open_an_existing_or_a_recent_workspace(
    tmp_path: Path, env: Environment, workspace: Any
) -> None:
    wizard = _wizard(tmp_path, env)
    with pytest.raises(InvalidInput, match="geen werkplek"):
        wizard.open_existing(tmp_path / "leeg")
    assert wizard.open_existing(workspace.root) is Step.DONE
    assert wizard.result.data_dir == workspace.root and not wizard.result.created
    again = _wizard(tmp_path, env)
    assert again.recent_workspaces() == [workspace.root.absolute()]


def test_recent_file_holds_only_paths_private_and_bounded(tmp_path: Path) -> None:
    recent = RecentWorkspaces(tmp_path / "cfg" / "recent.json")
    assert recent.load() == []
    for i in range(MAX_RECENT + 3):
        recent.add(tmp_path / f"w{i}")
    items = recent.load()
    assert len(items) == MAX_RECENT and items[0] == (tmp_path / f"w{MAX_RECENT + 2}").absolute()
    recent.add(tmp_path / "w5")
    assert recent.load()[0] == (tmp_path / "w5").absolute()
    assert len(set(recent.load())) == len(recent.load())
    data = json.loads(recent.path.read_text())
    assert set(data) == {"format", "recent"} and all(isinstance(p, str) for p in data["recent"])
    if os.name == "posix":
        assert stat.S_IMODE(recent.path.stat().st_mode) == 0o600
        assert stat.S_IMODE(recent.path.parent.stat().st_mode) == 0o700
    recent.path.write_text("{kapot")
    assert recent.load() == []
    recent.remove(tmp_path / "w1")
    assert recent.load() == []


def test_a_backup_restored_from_the_first_page_is_done(tmp_path: Path, env: Environment) -> None:
    """A new workstation restores a backup instead of making a workspace: the keyring is
    checked first (the restored workspace is bound to it), then the folder is the result."""
    ok = [False]
    wizard = _wizard(tmp_path, env, keyring_ok=ok)
    with pytest.raises(WrongWorkstation):
        wizard.restore_environment()
    with pytest.raises(InvalidState):
        wizard.restored(tmp_path / "hersteld", "beheer")  # not without a keyring
    ok[0] = True
    assert wizard.restore_environment() is env and wizard.step is Step.START
    assert wizard.restored(tmp_path / "hersteld", "beheer") is Step.DONE
    assert wizard.result is not None and wizard.result.restored and not wizard.result.created
    assert (wizard.result.data_dir, wizard.result.admin_name) == (tmp_path / "hersteld", "beheer")
    assert wizard.recent.load() == [(tmp_path / "hersteld").absolute()]
    with pytest.raises(InvalidState):
        wizard.restored(tmp_path / "nog een", "beheer")


def test_the_folder_of_an_existing_workspace_is_not_offered_for_a_new_one(
    tmp_path: Path, env: Environment, workspace: Any
) -> None:
    """'Andere werkplek…' from a sign-in starts the wizard in that workspace's folder."""
    wizard = FirstStartWizard(
        check_keyring=lambda: env,
        default_dir=workspace.root,
        recent=RecentWorkspaces(tmp_path / "config" / "recent.json"),
        kdf_profile="test",
    )
    assert wizard.default_holds_workspace
    assert wizard.new_workspace() is Step.LOCATION and wizard.data_dir is None
    assert not _wizard(tmp_path, env).default_holds_workspace


def test_an_empty_folder_field_is_asked_for_and_a_relative_one_made_absolute(
    tmp_path: Path, env: Environment, monkeypatch: pytest.MonkeyPatch
) -> None:
    wizard = _wizard(tmp_path, env)
    wizard.new_workspace()
    for empty in (Path(""), Path("."), Path("  ")):
        with pytest.raises(InvalidInput, match="Kies een map"):
            wizard.set_location(empty, "aivd")
        assert wizard.step is Step.LOCATION
    monkeypatch.chdir(tmp_path)
    assert wizard.set_location(Path("nieuw"), "aivd") is Step.ADMIN
    assert wizard.data_dir == tmp_path / "nieuw" and wizard.data_dir.is_absolute()
