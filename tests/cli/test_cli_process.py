"""The real entry point in a child process: ``python -m desktop_app`` (no in-memory keyring, so
only commands that need none, and the refusal paths)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from support.helpers import REPO, run_module, run_python

from desktop_app import __version__


def test_version_in_a_process() -> None:
    result = run_module(["--json", "version"])
    assert result.returncode == 0
    assert result.stdout == json.dumps({"version": __version__}) + "\n"
    assert result.stderr == ""


def test_usage_error_in_a_process() -> None:
    result = run_module(["--json", "--bestaat-niet", "version"])
    assert result.returncode == 2
    payload = json.loads(result.stdout)
    assert payload["error"]["code"] == "invalid_input"
    assert "Traceback" not in result.stderr


def test_no_keyring_sign_in_is_refused(tmp_path: Path) -> None:
    result = run_module(
        [
            "--json",
            "--data-dir",
            str(tmp_path / "w"),
            "--user",
            "beheer",
            "--password-stdin",
            "audit",
            "verify",
        ],
        stdin="x\n",
        env_extra={"PYTHON_KEYRING_BACKEND": "keyring.backends.null.Keyring"},
    )
    assert result.returncode == 3
    assert json.loads(result.stdout)["error"]["code"] == "wrong_workstation"
    assert not (tmp_path / "w").exists()


def test_cfg4_real_entry_point_prints_no_traceback(tmp_path: Path) -> None:
    """run() configures logging for the terminal; an unexpected error must still show only a
    sentence (the default log level must not print the traceback or the exception text), and
    it is internal_error (exit 1), not integrity: exit 4 means integrity and nothing else."""
    script = (
        "import sys\n"
        "from desktop_app.cli.commands import version\n"
        "def boom(ctx, ns):\n"
        "    raise RuntimeError(\"SELECT * FROM users WHERE key = x'00ff00ff'\")\n"
        "version.cmd_version = boom\n"
        "sys.argv = ['werkplek', '--json', 'version']\n"
        "from desktop_app.cli.main import run\n"
        "run()\n"
    )
    log_file = tmp_path / "werkplek.log"
    result = run_python("-c", script, env={**os.environ, "WERKPLEK_LOG_FILE": str(log_file)})
    assert result.returncode == 1
    payload = json.loads(result.stdout)
    assert payload["error"]["code"] == "internal_error"
    shown = result.stdout + result.stderr
    assert "Traceback" not in shown and "SELECT" not in shown and "00ff" not in shown
    assert "Traceback" in log_file.read_text(encoding="utf-8")


def test_ctrl_c_gives_the_error_object_and_no_traceback(tmp_path: Path) -> None:
    """Ctrl+C (KeyboardInterrupt) is a failure like any other: with --json one object."""
    import io

    from desktop_app.cli.main import main

    def interrupted() -> Any:
        raise KeyboardInterrupt

    out, err = io.StringIO(), io.StringIO()
    code = main(
        [
            "--json",
            "--data-dir",
            str(tmp_path),
            "--user",
            "beheer",
            "--password-stdin",
            "user",
            "list",
        ],
        stdin=io.StringIO("x\n"),
        stdout=out,
        stderr=err,
        make_env=interrupted,
    )
    assert code == 1
    payload = json.loads(out.getvalue())
    assert payload["error"]["code"] == "cancelled"
    assert "afgebroken" in payload["error"]["message"]
    assert "Traceback" not in err.getvalue()


def test_a_closed_output_pipe_ends_quietly() -> None:
    """`werkplek … | head`: the reader goes away; no BrokenPipeError traceback."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "desktop_app", "--json", "version"],
        cwd=REPO,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env={k: v for k, v in os.environ.items() if not k.startswith("PYTHON_KEYRING")},
    )
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.close()  # before the child writes anything
    err = proc.stderr.read().decode()
    assert proc.wait(timeout=60) == 1
    assert "Traceback" not in err and "BrokenPipe" not in err


def test_log_lines_on_stderr_name_the_exception_without_a_traceback() -> None:
    """A failure logged with its exception (the keyring head after COMMIT, say) reaches
    stderr as one line naming its type; CI once read a whole traceback there."""
    import logging

    from desktop_app.cli.main import _NoTracebackFormatter

    try:
        raise LookupError("Item does not exist!")
    except LookupError:
        record = logging.LogRecord(
            "desktop_app.services.audit",
            logging.ERROR,
            __file__,
            1,
            "anchoring failed",
            (),
            sys.exc_info(),
        )
    line = _NoTracebackFormatter("%(levelname)s %(name)s: %(message)s").format(record)
    assert line == "ERROR desktop_app.services.audit: anchoring failed (LookupError)"
    assert record.exc_info is not None  # other handlers (the log file) still get it
