"""JSON shapes that several commands print, written once (shared/spec/cli.md).

Light like ``context``: the types are only named for the checker, nothing is imported to run.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

if TYPE_CHECKING:
    from desktop_app.cli.context import Context
    from desktop_app.services.reports import ReportSummary


class _Shown(Protocol):
    def as_dict(self) -> dict[str, Any]: ...


T = TypeVar("T", bound=_Shown)


def listed(
    ctx: Context, found: Sequence[T], line: Callable[[T], str] | None = None
) -> dict[str, Any]:
    """A list command's ``{"items": [...]}``; for people one ``line`` per item when given
    (else the generic rendering of the items)."""
    if line is not None:
        for item in found:
            ctx.say(line(item))
    return {"items": [item.as_dict() for item in found]}


def report_step(summary: ReportSummary) -> dict[str, Any]:
    """A step in a report's workflow: which report, now at which version and status."""
    return {
        "id": int(summary.id),
        "reference": summary.reference,
        "version": summary.version,
        "status": summary.status.value,
    }
