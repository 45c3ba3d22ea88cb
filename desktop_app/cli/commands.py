"""Command registry: each feature module adds its sub-commands here."""

from __future__ import annotations

import argparse
from typing import Any

from desktop_app.cli import (
    admin_commands,
    inspection_commands,
    print_commands,
    report_commands,
    request_commands,
)


def register(sub: argparse._SubParsersAction[Any], handlers: dict[str, Any]) -> None:
    admin_commands.register(sub, handlers)
    request_commands.register(sub, handlers)
    report_commands.register(sub, handlers)
    print_commands.register(sub, handlers)  # after report: adds to its group
    inspection_commands.register(sub, handlers)
