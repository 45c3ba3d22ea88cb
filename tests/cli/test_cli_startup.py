"""Issue 11: the CLI imports only the invoked command's module, and no command ever imports an
HTTP client (the application never opens a network connection; pyHanko's aiohttp client and
fetchers are replaced by stand-ins, desktop_app/reporting/_offline.py)."""

from __future__ import annotations

import json
from pathlib import Path

from support.helpers import run_python

from desktop_app.cli import registry

HTTP_CLIENTS = ("aiohttp", "requests", "httpx", "httpcore", "urllib3", "pycurl", "yarl")

# In a child process: every command module imported (as each command would), then a signature
# check of a broken PDF and of an unsigned PDF through the real code (pyHanko's validation),
# then the modules loaded. Run fresh, so no other test's imports can hide or add one.
_CHILD = r"""
import importlib, io, json, sys, datetime as dt
from desktop_app.cli import registry
from desktop_app.cli.main import main
for command in registry.COMMANDS:
    for name in registry.all_modules(command.name):
        importlib.import_module(name)
from desktop_app.reporting import verify_pdf
now = dt.datetime(2026, 4, 1, tzinfo=dt.UTC)
verify_pdf(b"%PDF-1.7 niet echt", [], now=now)
out = io.StringIO()
main(["--json", "report", "verify", sys.argv[1]], stdout=out, stderr=io.StringIO())
print(json.dumps(sorted(sys.modules)))
"""


def _modules_after(script: str, *args: str) -> set[str]:
    result = run_python("-c", script, *args, timeout=120)
    assert result.returncode == 0, result.stderr
    return set(json.loads(result.stdout.splitlines()[-1]))


def test_no_command_imports_an_http_client(tmp_path: Path) -> None:
    pdf = tmp_path / "x.pdf"
    pdf.write_bytes(b"%PDF-1.4\n%%EOF\n")
    loaded = _modules_after(_CHILD, str(pdf))
    assert "pyhanko.sign" in loaded  # the signature stack was really imported and used
    offenders = sorted(m for m in loaded if m.split(".")[0] in HTTP_CLIENTS)
    assert offenders == []


def test_version_and_help_import_no_services_or_pdf_stack() -> None:
    script = (
        "import io, json, sys\n"
        "from desktop_app.cli.main import main\n"
        "main(['--json', 'version'], stdout=io.StringIO())\n"
        "main(['--help'], stdout=io.StringIO())\n"
        "print(json.dumps(sorted(sys.modules)))\n"
    )
    loaded = _modules_after(script)
    heavy = ("desktop_app.services", "desktop_app.storage", "desktop_app.reporting", "pyhanko")
    assert sorted(m for m in loaded if m.startswith(heavy)) == []
    assert "sqlcipher3" not in loaded and "reportlab" not in loaded


def test_one_command_imports_only_its_own_module() -> None:
    script = (
        "import io, json, sys\n"
        "from desktop_app.cli.main import main\n"
        "main(['--json', 'calendar', 'list'], stdout=io.StringIO(), stderr=io.StringIO())\n"
        "print(json.dumps(sorted(sys.modules)))\n"
    )
    loaded = _modules_after(script)
    commands = sorted(m for m in loaded if m.startswith(f"{registry.PACKAGE}."))
    assert commands == [f"{registry.PACKAGE}.calendar"]
    assert "pyhanko" not in loaded


def test_help_lists_every_command_from_the_light_table() -> None:
    result = run_python("-m", "desktop_app", "--help")
    assert result.returncode == 0
    for command in registry.COMMANDS:
        assert command.name in result.stdout and command.help.split()[0] in result.stdout


def test_every_registered_command_is_in_the_table() -> None:
    """A module may only register the commands the table assigns to it (or --help would miss
    one); every table entry is registered by its module."""
    import argparse
    import importlib

    for command in registry.COMMANDS:
        parser = argparse.ArgumentParser()
        sub = parser.add_subparsers()
        handlers: dict[str, object] = {}
        for name in registry.all_modules(command.name):
            importlib.import_module(name).register(sub, handlers)
        assert command.name in sub.choices
        assert set(sub.choices) <= set(registry.BY_NAME), sorted(sub.choices)
