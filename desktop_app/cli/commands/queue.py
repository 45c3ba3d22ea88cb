"""queue (an extension, issue 12): what waits for the signed-in person, per queue of their role;
the dashboard shows the same list through the same service."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from desktop_app.cli.args import bounded_int
from desktop_app.cli.context import Commands
from desktop_app.domain.messages import translate
from desktop_app.services import queues

if TYPE_CHECKING:
    from desktop_app.cli.context import Context


def cmd_queue(ctx: Context, ns: argparse.Namespace) -> dict[str, Any]:
    with ctx.open_session() as session:
        views = queues.my_queues(session, items=ns.items)
    for view in views:
        mark = "! " if view.attention else "  "
        figure = "" if view.count is None else f" ({view.count})"
        ctx.say(f"{mark}{view.label}{figure}: {view.text}")
        for item in view.items:
            detail = f" [{translate(item.detail)}]" if item.detail else ""
            ctx.say(f"      {item.kind} {item.id} {item.reference} {item.title}{detail}")
    return {"items": [v.as_dict() for v in views]}


def register(sub: argparse._SubParsersAction[Any], handlers: dict[str, Any]) -> None:
    p = Commands(sub, handlers).add(
        "queue", cmd_queue, help="wat op u wacht (werkvoorraad per rol)"
    )
    p.add_argument(
        "--items",
        type=bounded_int(0, 100, "aantal"),
        default=queues.ITEMS_PER_QUEUE,
        help="items per wachtrij",
    )
