"""Fixtures of the service tests."""

from __future__ import annotations

from typing import Any

import pytest


@pytest.fixture
def ws(workspace: Any) -> Any:
    """The workspace with an officer, a liaison and a signer (a module may override it)."""
    workspace.add_staff("officier", "liaison", "tekenaar")
    return workspace
