"""Command registry: each feature module adds its sub-commands here."""

from __future__ import annotations

import argparse
from typing import Any

from desktop_app.cli import admin_commands


def register(sub: argparse._SubParsersAction[Any], handlers: dict[str, Any]) -> None:
    admin_commands.register(sub, handlers)
