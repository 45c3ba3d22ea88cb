"""The pre-commit hooks run exactly the checks of `make lint`, locally (nothing downloaded)."""

from __future__ import annotations

import re

from support.helpers import REPO


def _make_lint_commands() -> list[str]:
    makefile = (REPO / "Makefile").read_text()
    recipe = re.search(r"^lint:.*\n((?:\t.*\n)+)", makefile, re.MULTILINE)
    assert recipe is not None
    return [line.strip().replace("$(BIN)/", ".venv/bin/") for line in recipe.group(1).splitlines()]


def _values(config: str, key: str) -> list[str]:
    # The file is flat enough to read without a YAML parser (none is a dependency).
    return re.findall(rf"^\s*-?\s*{key}:\s*(.+?)\s*$", config, re.MULTILINE)


def test_pre_commit_hooks_are_the_make_lint_checks() -> None:
    config = (REPO / ".pre-commit-config.yaml").read_text()
    entries = _values(config, "entry")
    assert _values(config, "repo") == ["local"]
    assert _values(config, "language") == ["system"] * len(entries)
    assert _values(config, "pass_filenames") == ["false"] * len(entries)
    assert entries == _make_lint_commands()
