"""CLI fixtures: run a command against the fixture workspace as a given user (``cli`` and
``cli_on`` are the suite-wide ones in tests/conftest.py)."""

from __future__ import annotations

import json
from typing import Any

import pytest
from support.helpers import password_of

from desktop_app.domain import messages
from desktop_app.domain.classification import Classification
from tests.services.test_printing_support import add_staff, password


@pytest.fixture
def as_user(cli: Any, workspace: Any) -> Any:
    """``as_user("beheer", "user", "list", secrets=[...])`` with --json and --password-stdin."""

    def run(
        user: str | None, *args: str, secrets: list[str] | None = None, json_mode: bool = True
    ) -> Any:
        argv = ["--data-dir", str(workspace.root), "--password-stdin"]
        if json_mode:
            argv.insert(0, "--json")
        if user is not None:
            argv += ["--user", user]
        stdin = "".join(f"{s}\n" for s in (secrets or []))
        result = cli(*argv, *args, stdin=stdin)
        if json_mode:
            # Exactly one JSON object on stdout, nothing else.
            assert result.out.count("\n") == 1 and result.out.endswith("\n"), result.out
            json.loads(result.out)
        return result

    return run


@pytest.fixture
def as_staff(as_user: Any) -> Any:
    """``as_staff("officier", "report", "list")``: ``as_user`` with the account's own password
    (support.helpers) as the one secret."""

    def run(user: str, *args: str, json_mode: bool = True) -> Any:
        return as_user(user, *args, secrets=[password_of(user)], json_mode=json_mode)

    return run


@pytest.fixture
def as_print_staff(workspace: Any, as_user: Any) -> Any:
    """``as_print_staff("tekenaar", "report", "print", ...)`` on a workspace with the printing
    tests' accounts (tests/services/test_printing_support.py): ``as_user`` with the account's
    own password as the first secret and ``extra=[...]`` ones after it."""
    add_staff(workspace)

    def run(user: str, *args: str, extra: list[str] | None = None, json_mode: bool = True) -> Any:
        return as_user(user, *args, secrets=[password(user), *(extra or [])], json_mode=json_mode)

    return run


@pytest.fixture
def back_to_dutch() -> Any:
    """For the --lang en tests: Dutch again for the tests after (the language is process-wide)."""
    yield
    messages.set_language("nl")


@pytest.fixture
def people(workspace: Any) -> Any:
    """The workspace with an officer, a liaison and a signer (all Stg. Geheim)."""
    workspace.add_staff("officier", "liaison", "tekenaar")
    return workspace


@pytest.fixture
def review_team(workspace: Any, as_staff: Any) -> Any:
    """``as_staff`` on a workspace with the people of a report's review: the officer and the
    signer (Stg. Geheim) and the liaison (Stg. Confidentieel)."""
    workspace.add_staff("officier", "tekenaar")
    workspace.add_staff("liaison", clearance=Classification.STG_CONFIDENTIEEL)
    return as_staff
