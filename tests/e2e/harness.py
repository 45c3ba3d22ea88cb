"""End-to-end harness: real ``werkplek`` processes against a real GNOME Keyring.

Each "workstation" is a private D-Bus session bus with its own ``gnome-keyring-daemon``
(``--unlock --components=secrets``), its own HOME and XDG_RUNTIME_DIR, so two workstations share
nothing but the file system. ``make test`` installs the packages (tools/check_system_deps.py);
when they are missing these tests fail with the command that installs them, never skip.
"""

from __future__ import annotations

import contextlib
import json
import os
import secrets
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parents[2]
BACKEND = "keyring.backends.SecretService.Keyring"
TOOLS = ("dbus-daemon", "dbus-send", "gnome-keyring-daemon")
INSTALL_HINT = (
    "the end-to-end tests need GNOME Keyring and D-Bus: run `make test` as root (it installs "
    "them with apt-get) or `sudo apt-get install -y gnome-keyring dbus dbus-x11`"
)
PROCESS_TIMEOUT = 90.0


def werkplek_command() -> list[str]:
    """The installed console script when there is one (what users run), else the module."""
    script = Path(sys.executable).with_name("werkplek")
    if script.is_file():
        return [str(script)]
    return [sys.executable, "-m", "desktop_app"]


@dataclass
class Result:
    code: int
    out: str
    err: str
    args: Sequence[str] = ()

    @property
    def json(self) -> Any:
        return json.loads(self.out)

    def ok(self) -> Any:
        """The JSON payload of a command that must have succeeded."""
        assert self.code == 0, f"{' '.join(self.args)} -> {self.code}\n{self.out}\n{self.err}"
        assert "Traceback" not in self.out + self.err
        return self.json

    def error(self, code: str, exit_code: int) -> str:
        """The message of a refusal with exactly this error code and exit status."""
        assert self.code == exit_code, f"{' '.join(self.args)} -> {self.code}\n{self.out}{self.err}"
        assert "Traceback" not in self.out + self.err
        payload = self.json
        assert set(payload) == {"error"}, payload
        assert payload["error"]["code"] == code, payload
        message = str(payload["error"]["message"])
        assert message.strip(), payload
        return message


@dataclass
class Workstation:
    """One machine: a D-Bus session with an unlocked GNOME Keyring, and a process runner."""

    name: str
    base: Path
    env: dict[str, str]
    _daemons: list[subprocess.Popen[bytes]] = field(default_factory=list)

    def command(self, *args: str, data_dir: Path, user: str | None = None) -> list[str]:
        argv = [*werkplek_command(), "--json", "--data-dir", str(data_dir), "--password-stdin"]
        if user is not None:
            argv += ["--user", user]
        return [*argv, *args]

    def popen(
        self, *args: str, data_dir: Path, user: str | None = None, secrets_in: Sequence[str] = ()
    ) -> subprocess.Popen[str]:
        """Start a command without waiting (the parallel tests); its secrets are already sent."""
        proc = subprocess.Popen(
            self.command(*args, data_dir=data_dir, user=user),
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            cwd=self.base,
            env=self.env,
        )
        assert proc.stdin is not None
        proc.stdin.write("".join(f"{s}\n" for s in secrets_in))
        proc.stdin.close()
        proc.stdin = None  # communicate() would flush the closed pipe
        return proc

    def run(
        self,
        *args: str,
        data_dir: Path,
        user: str | None = None,
        secrets_in: Sequence[str] = (),
    ) -> Result:
        argv = self.command(*args, data_dir=data_dir, user=user)
        done = subprocess.run(
            argv,
            input="".join(f"{s}\n" for s in secrets_in),
            capture_output=True,
            text=True,
            cwd=self.base,
            env=self.env,
            timeout=PROCESS_TIMEOUT,
            check=False,
        )
        result = Result(done.returncode, done.stdout, done.stderr, args)
        # --json: exactly one JSON object on stdout, success or not (cli.md).
        assert done.stdout.count("\n") == 1 and done.stdout.endswith("\n"), (args, done)
        json.loads(done.stdout)
        return result

    def keyring_entries(self, kind: str = "workspace") -> int:
        """How many of the application's secrets of one kind this workstation's keyring holds
        (``workspace``: workstation secrets; ``audit-head``: the audit chain's heads)."""
        script = (
            "import keyring\n"
            "col = keyring.get_keyring().get_preferred_collection()\n"
            "items = col.search_items({'service': 'Convenantwerkplek'})\n"
            "print(sum(1 for i in items if i.get_attributes().get('username', '')"
            f".startswith({kind + ':'!r})))\n"
        )
        done = subprocess.run(
            [sys.executable, "-c", script],
            capture_output=True,
            text=True,
            env=self.env,
            timeout=60,
            check=True,
        )
        return int(done.stdout.strip())


def finished(proc: subprocess.Popen[str], args: Sequence[str] = ()) -> Result:
    out, err = proc.communicate(timeout=PROCESS_TIMEOUT)
    return Result(proc.returncode, out, err, args)


def _require_tools() -> None:
    missing = [tool for tool in TOOLS if shutil.which(tool) is None]
    if missing:
        pytest.fail(f"{', '.join(missing)} not found: {INSTALL_HINT}", pytrace=False)


def _bus_has(env: dict[str, str], name: str) -> bool:
    done = subprocess.run(
        [
            "dbus-send",
            "--session",
            "--print-reply",
            "--dest=org.freedesktop.DBus",
            "/org/freedesktop/DBus",
            "org.freedesktop.DBus.NameHasOwner",
            f"string:{name}",
        ],
        capture_output=True,
        text=True,
        env=env,
        timeout=10,
        check=False,
    )
    return done.returncode == 0 and "boolean true" in done.stdout


def _stop(proc: subprocess.Popen[bytes]) -> None:
    if proc.poll() is None:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=5)


def start_workstation(name: str, base: Path) -> Workstation:
    """A private session bus and an unlocked login keyring under ``base`` (HOME and runtime)."""
    _require_tools()
    home = base / "home"
    runtime = base / "run"
    for folder in (home, runtime):
        folder.mkdir(parents=True, mode=0o700)
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": str(home),
        "XDG_RUNTIME_DIR": str(runtime),
        "XDG_DATA_HOME": str(home / ".local" / "share"),
        "XDG_CONFIG_HOME": str(home / ".config"),
        "LANG": "C.UTF-8",
        "PYTHON_KEYRING_BACKEND": BACKEND,
        # The code of this checkout, whichever way the console script was installed.
        "PYTHONPATH": str(REPO),
    }
    ws = Workstation(name, base, env)
    bus = subprocess.Popen(
        [
            "dbus-daemon",
            "--session",
            "--nofork",
            "--nopidfile",
            f"--address=unix:path={runtime / 'bus'}",
            "--print-address=1",
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        env=env,
    )
    ws._daemons.append(bus)
    try:
        assert bus.stdout is not None
        address = bus.stdout.readline().decode().strip()
        if not address:
            pytest.fail(f"dbus-daemon did not start ({INSTALL_HINT})", pytrace=False)
        env["DBUS_SESSION_BUS_ADDRESS"] = address
        keyring_daemon = subprocess.Popen(
            ["gnome-keyring-daemon", "--foreground", "--unlock", "--components=secrets"],
            stdin=subprocess.PIPE,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            env=env,
        )
        ws._daemons.append(keyring_daemon)
        assert keyring_daemon.stdin is not None
        # The login keyring's password; the daemon creates the keyring unlocked with it.
        keyring_daemon.stdin.write(secrets.token_hex(16).encode() + b"\n")
        keyring_daemon.stdin.close()
        deadline = time.monotonic() + 20
        while not _bus_has(env, "org.freedesktop.secrets"):
            if keyring_daemon.poll() is not None or time.monotonic() > deadline:
                pytest.fail(
                    f"gnome-keyring-daemon did not offer the Secret Service ({INSTALL_HINT})",
                    pytrace=False,
                )
            time.sleep(0.05)
    except BaseException:
        stop_workstation(ws)
        raise
    return ws


def stop_workstation(ws: Workstation) -> None:
    for proc in reversed(ws._daemons):
        with contextlib.suppress(OSError):
            _stop(proc)
    ws._daemons.clear()
