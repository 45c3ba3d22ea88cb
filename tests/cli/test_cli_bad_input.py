"""Issue 15 §3: plain bad input is exit 2 with a sentence naming the argument, never an
integrity problem (exit 4), a traceback, a hang or an unforeseen error; a busy workspace is
``busy`` (exit 1); ``--json`` never opens the window."""

from __future__ import annotations

import errno
import functools
import json
import os
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from support.helpers import ADMIN_PW, REPO, cli_error, populate, run_module

from desktop_app import launcher
from desktop_app.storage import db as storage_db
from tests.services.test_inspection_service_support import PASSWORDS, make_report, setup_staff

BIG = str(10**23)


def _error(result: Any, code: str, exit_code: int) -> str:
    message = cli_error(result, code, exit_code)
    assert message.endswith(".") and len(message.split()) > 3, message
    return message


@pytest.fixture
def staff(workspace: Any) -> Any:
    populate(workspace)
    return workspace


def officer(as_user: Any, *args: str) -> Any:
    return as_user("officier", *args, secrets=["officier-wachtwoord"])


# --- numbers ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "named"),
    [
        (["request", "show", BIG], "verzoeknummer"),
        (["request", "show", "²"], "verzoeknummer"),
        (["request", "start", "١٢"], "verzoeknummer"),
        (["request", "show", "-1"], "verzoeknummer"),
        (["request", "list", "--limit", BIG], "--limit"),
        (["request", "list", "--limit", "²"], "--limit"),
        (["report", "show", BIG], "id"),
        (["report", "show", "²"], "id"),
        (["report", "show", "1", "--version", BIG], "--version"),
        (["report", "draft", "--request", BIG, "--text-file", "x"], "--request"),
        (["report", "print", "1", "--copies", BIG, "--out", "x"], "--copies"),
        (["evidence", "list", "--report", "0"], "--report"),
        (["inspect", "end", BIG], "session"),
        (["review", "annotate", "1", "--quote", "a", "--comment", "b", "--start", "1e3"], "start"),
    ],
)
def test_ids_and_limits_are_ascii_digits_in_range(
    staff: Any, as_user: Any, args: list[str], named: str
) -> None:
    message = _error(officer(as_user, *args), "invalid_input", 2)
    assert named in message


def test_audit_limit_and_anchor(staff: Any, as_user: Any) -> None:
    admin = ("beheer",)
    for limit in (BIG, "²", "-5"):
        result = as_user(*admin, "audit", "list", "--limit", limit, secrets=[ADMIN_PW])
        assert "--limit" in _error(result, "invalid_input", 2)
    for anchor in ("0:" + "a" * 64, f"{BIG}:" + "a" * 64, "1:" + "A" * 64, "²:" + "a" * 64):
        result = as_user(*admin, "audit", "verify", "--anchor", anchor, secrets=[ADMIN_PW])
        assert "--anchor" in _error(result, "invalid_input", 2)


@pytest.mark.parametrize(
    "day", ["20260423", "2026-W17-4", "2026-4-23", "２０２６-04-23", "2026-02-30"]
)
def test_dates_are_strictly_yyyy_mm_dd(staff: Any, as_user: Any, day: str) -> None:
    result = officer(as_user, "provision", "list", "--from", day)
    assert "--from" in _error(result, "invalid_input", 2)


# --- text that cannot be stored ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "named"),
    [("Jan\x00sen", "--subject-name"), ("Jan\udcffsen", "--subject-name")],
)
def test_nul_and_lone_surrogates_in_arguments(
    staff: Any, as_user: Any, value: str, named: str
) -> None:
    args = ["request", "add", "--subject-name", value, "--v-number", "1234567890"]
    result = officer(as_user, *args, "--purpose", "asylum")
    assert named in _error(result, "invalid_input", 2)
    assert officer(as_user, "request", "list").json["total"] == 0


def test_non_utf8_argv_in_a_process() -> None:
    """A real argv with a byte that is not UTF-8: Python hands it over surrogate-escaped."""
    result = subprocess.run(
        [sys.executable, "-m", "desktop_app", "--json", "report", "verify", b"/tmp/\xff.pdf"],
        capture_output=True,
        cwd=REPO,
        timeout=60,
        check=False,
        env={**os.environ, "PYTHONPATH": str(REPO)},
    )
    assert result.returncode == 2, result.stdout
    payload = json.loads(result.stdout)
    assert payload["error"]["code"] == "invalid_input"
    assert "Argument 4" in payload["error"]["message"]
    assert b"Traceback" not in result.stderr


# --- files a person names -----------------------------------------------------------------------


def _within(seconds: float, call: Callable[[], Any]) -> Any:
    """``call()``'s result, or None when it did not return in time (a hang)."""
    done: list[Any] = []
    worker = threading.Thread(target=lambda: done.append(call()), daemon=True)
    worker.start()
    worker.join(seconds)
    return done[0] if done else None


@pytest.fixture
def fifo(tmp_path: Path) -> Iterator[Path]:
    path = tmp_path / "pijp.txt"
    os.mkfifo(path)
    yield path


def _file_cases(workspace: Any, tmp_path: Path) -> dict[str, tuple[str, list[str]]]:
    setup_staff(workspace)
    rid = int(make_report(workspace, until="draft"))
    return {
        "text": ("officier", ["report", "draft", "--spontaneous", "--text-file"]),
        "revise": ("officier", ["report", "revise", str(rid), "--text-file"]),
        "notes": ("inspecteur", ["inspect", "end", "1", "--notes-file"]),
        "evidence": (
            "officier",
            ["evidence", "add", "--report", str(rid), "--title", "T", "--file"],
        ),
        "import": ("officier", ["request", "import"]),
    }


@pytest.mark.timeout(120)
def test_fifo_devzero_folder_and_symlink_loop_are_refused(
    workspace: Any, as_user: Any, tmp_path: Path, fifo: Path
) -> None:
    cases = _file_cases(workspace, tmp_path)
    loop = tmp_path / "kring"
    loop.symlink_to(loop)
    folder = tmp_path / "map"
    folder.mkdir()
    for bad in (fifo, Path("/dev/zero"), folder, loop):
        for name, (user, args) in cases.items():
            result = _within(
                30, functools.partial(as_user, user, *args, str(bad), secrets=[PASSWORDS[user]])
            )
            assert result is not None, f"{name} with {bad} hangs"
            code = result.json["error"]["code"]
            assert (result.code, code) == (2, "invalid_input"), (name, bad, result.out)
            assert bad.name in result.json["error"]["message"]


@pytest.mark.timeout(120)
def test_verify_a_fifo_or_dev_zero_is_a_verdict_not_a_hang(
    cli: Any, workspace: Any, fifo: Path
) -> None:
    for bad in (fifo, Path("/dev/zero")):
        argv = ("--json", "--data-dir", str(workspace.root), "report", "verify", str(bad))
        result = _within(30, functools.partial(cli, *argv))
        assert result is not None, f"verify {bad} hangs"
        # The contract: verify always gives the verdict; not valid is exit 4.
        assert result.code == 4 and result.json["valid"] is False
        assert "geen gewoon bestand" in result.json["reason"]


def test_text_file_limit_is_counted_while_reading(
    staff: Any, as_user: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from desktop_app.cli.commands import report as report_commands

    monkeypatch.setattr(report_commands, "_MAX_FILE_BYTES", 10)
    big = tmp_path / "groot.txt"
    big.write_text("x" * 11, encoding="utf-8")
    result = officer(as_user, "report", "draft", "--spontaneous", "--text-file", str(big))
    assert "te groot" in _error(result, "invalid_input", 2)


def test_pdf_to_a_folder_or_a_read_only_file_system(
    staff: Any, as_user: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def run(*args: str) -> Any:
        return as_user(
            "tekenaar",
            "stats",
            "--from",
            "2026-01-01",
            "--to",
            "2026-03-31",
            *args,
            secrets=["tekenaar-wachtwoord"],
        )

    assert "--pdf" in _error(run("--pdf", str(tmp_path)), "invalid_input", 2)
    assert "--csv" in _error(run("--csv", str(tmp_path)), "invalid_input", 2)
    assert "--pdf" in _error(run("--pdf", str(tmp_path / "nergens" / "s.pdf")), "invalid_input", 2)

    from desktop_app.cli.commands import stats as stats_commands

    def read_only(path: Path, data: bytes) -> None:
        raise OSError(errno.EROFS, "Read-only file system", str(path))

    monkeypatch.setattr(stats_commands, "atomic_write", read_only)
    message = _error(run("--pdf", str(tmp_path / "s.pdf")), "invalid_input", 2)
    assert "--pdf" in message and "alleen-lezen" in message


# --- standard input -----------------------------------------------------------------------------


def test_eof_on_stdin_without_password_stdin_in_a_process(tmp_path: Path) -> None:
    """No terminal and nothing on standard input: the prompt meets EOF."""
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "desktop_app",
            "--json",
            "--data-dir",
            str(tmp_path),
            "--user",
            "beheer",
            "user",
            "list",
        ],
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
        cwd=REPO,
        timeout=60,
        check=False,
        start_new_session=True,  # no controlling terminal for getpass
    )
    assert result.returncode == 2, result.stdout + result.stderr
    assert json.loads(result.stdout)["error"]["code"] == "invalid_input"
    assert "Traceback" not in result.stderr


def test_missing_secret_with_password_stdin(staff: Any, as_user: Any) -> None:
    result = as_user("officier", "request", "list", secrets=[])
    assert "standaardinvoer" in _error(result, "invalid_input", 2)


# --- --json never opens the window --------------------------------------------------------------


@pytest.mark.parametrize(
    "argv",
    [["--json"], ["--json", "--frobnicate"], ["--json", "gui"], ["--password-stdin"]],
)
def test_json_never_opens_the_window(argv: list[str]) -> None:
    assert not launcher.wants_gui(argv)
    result = run_module(argv)
    assert result.returncode == 2
    if "--json" in argv:
        assert json.loads(result.stdout)["error"]["code"] == "invalid_input"
    assert "Traceback" not in result.stderr


def test_without_json_the_window_still_opens() -> None:
    assert launcher.wants_gui([])
    assert launcher.wants_gui(["--data-dir", "x", "gui"])
    assert not launcher.wants_gui(["version"])


# --- a busy workspace ---------------------------------------------------------------------------


def test_busy_workspace_waits_then_refuses(
    staff: Any, as_staff: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Another program holds the write lock (a long import): the sign-in's audit entry waits the
    bounded time, then the command is refused with ``busy`` (exit 1), not ``integrity``."""
    from support.helpers import raw_db

    monkeypatch.setenv(storage_db.BUSY_TIMEOUT_ENV, "300")
    with raw_db(staff.root, staff.recovery_key) as holder:
        holder.conn.execute("BEGIN IMMEDIATE")
        try:
            result = as_staff("beheer", "audit", "list")
        finally:
            holder.conn.execute("ROLLBACK")
    message = _error(result, "busy", 1)
    assert "bezet" in message
    # Once the lock is gone the same command works.
    assert as_staff("beheer", "audit", "list").code == 0


def test_busy_timeout_is_bounded_and_configurable(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(storage_db.BUSY_TIMEOUT_ENV, raising=False)
    assert 10_000 <= storage_db.busy_timeout_ms() <= 30_000
    monkeypatch.setenv(storage_db.BUSY_TIMEOUT_ENV, "250")
    assert storage_db.busy_timeout_ms() == 250
    monkeypatch.setenv(storage_db.BUSY_TIMEOUT_ENV, "²")
    assert storage_db.busy_timeout_ms() == storage_db.DEFAULT_BUSY_TIMEOUT_MS


def test_data_dir_that_is_no_folder(cli: Any, tmp_path: Path, fifo: Path) -> None:
    afile = tmp_path / "bestand"
    afile.write_text("x")
    loop = tmp_path / "kring"
    loop.symlink_to(loop)
    for bad in ("", str(afile), str(fifo), str(loop), "/dev/null", str(afile / "onder")):
        for args in (["--user", "beheer", "user", "list"], ["init", "--admin", "beheer"]):
            result = cli("--json", "--data-dir", bad, "--password-stdin", *args, stdin="pw\npw\n")
            assert "--data-dir" in _error(result, "invalid_input", 2), (bad, args)
