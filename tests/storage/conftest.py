"""Storage fixtures: a migrated encrypted database without the workspace around it."""

from __future__ import annotations

import secrets
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop_app.storage import migrations
from desktop_app.storage.db import Database


@pytest.fixture
def db_key() -> bytes:
    return secrets.token_bytes(32)


@pytest.fixture
def store(tmp_path: Path, db_key: bytes) -> Iterator[Database]:
    db = Database.create(tmp_path / "store.db", db_key)
    migrations.migrate(db)
    yield db
    db.close()
