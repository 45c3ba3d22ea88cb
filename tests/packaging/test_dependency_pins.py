"""CFG-2: what is installed is what the lock file says, and SQLCipher is new enough."""

from __future__ import annotations

from importlib import metadata
from pathlib import Path

import sqlcipher3

ROOT = Path(__file__).resolve().parents[2]


def _lock() -> dict[str, str]:
    pins = {}
    for line in (ROOT / "requirements.lock").read_text().splitlines():
        line = line.strip()
        if line and not line.startswith("#") and "==" in line:
            name, version = line.split("==", 1)
            pins[name.lower().replace("_", "-")] = version
    return pins


def test_installed_packages_match_the_lock_file() -> None:
    pins = _lock()
    assert "sqlcipher3" in pins and "pyside6-essentials" in pins
    mismatched = {}
    for name, version in pins.items():
        try:
            installed = metadata.version(name)
        except metadata.PackageNotFoundError:
            mismatched[name] = (version, None)
            continue
        if installed != version:
            mismatched[name] = (version, installed)
    assert mismatched == {}


def test_sqlcipher_is_at_least_the_pinned_minimum() -> None:
    conn = sqlcipher3.connect(":memory:")
    version = conn.execute("PRAGMA cipher_version").fetchone()[0]
    major, minor = (int(x) for x in version.split()[0].split(".")[:2])
    assert (major, minor) >= (4, 5), version
