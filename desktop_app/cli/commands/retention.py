"""retention periods|set-period|due|propose|list|show|approve|hold|holds|release|destroy|records
(extensions: retention and destruction under the Archiefwet, docs/retention.md)."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from desktop_app.cli.args import bounded_int, record_id
from desktop_app.cli.context import Commands
from desktop_app.cli.payloads import listed
from desktop_app.services import retention as retention_service

if TYPE_CHECKING:
    from desktop_app.cli.context import Context

years_arg = bounded_int(0, 10_000, "aantal jaren")


def cmd_periods(ctx: Context, ns: argparse.Namespace) -> dict[str, Any]:
    with ctx.open_session() as session:
        found = retention_service.periods(session)
    return listed(ctx, found)


def cmd_set_period(ctx: Context, ns: argparse.Namespace) -> dict[str, Any]:
    with ctx.open_session() as session:
        period = retention_service.set_period(session, ns.kind, ns.years, ns.basis or "")
    return period.as_dict()


def cmd_due(ctx: Context, ns: argparse.Namespace) -> dict[str, Any]:
    with ctx.open_session() as session:
        found = retention_service.due(session)
        today = session.clock.today()
    return {"as_of": today.isoformat(), "items": [c.as_dict() for c in found]}


def cmd_propose(ctx: Context, ns: argparse.Namespace) -> dict[str, Any]:
    with ctx.open_session() as session:
        drawn = retention_service.draw_up_list(session)
    return drawn.as_dict()


def cmd_list(ctx: Context, ns: argparse.Namespace) -> dict[str, Any]:
    with ctx.open_session() as session:
        found = retention_service.lists(session)
    return {"items": [_summary(d.as_dict()) for d in found]}


def _summary(data: dict[str, Any]) -> dict[str, Any]:
    items = data.pop("items")
    return {**data, "records": len(items)}


def cmd_show(ctx: Context, ns: argparse.Namespace) -> dict[str, Any]:
    with ctx.open_session() as session:
        found = retention_service.get_list(session, ns.list)
    return found.as_dict()


def cmd_approve(ctx: Context, ns: argparse.Namespace) -> dict[str, Any]:
    with ctx.open_session() as session:
        approved = retention_service.approve(session, ns.list)
    return approved.as_dict()


def cmd_hold(ctx: Context, ns: argparse.Namespace) -> dict[str, Any]:
    with ctx.open_session() as session:
        hold = retention_service.place_hold(session, ns.object, ns.reason, ns.reference)
    return hold.as_dict()


def cmd_holds(ctx: Context, ns: argparse.Namespace) -> dict[str, Any]:
    with ctx.open_session() as session:
        found = retention_service.holds(session, active_only=ns.active)
    return listed(ctx, found)


def cmd_release(ctx: Context, ns: argparse.Namespace) -> dict[str, Any]:
    with ctx.open_session() as session:
        hold = retention_service.release_hold(session, ns.hold, ns.reason)
    return hold.as_dict()


def cmd_destroy(ctx: Context, ns: argparse.Namespace) -> dict[str, Any]:
    with ctx.open_session() as session:
        done = retention_service.destroy(session, ns.list)
    return done.as_dict()


def cmd_records(ctx: Context, ns: argparse.Namespace) -> dict[str, Any]:
    with ctx.open_session() as session:
        found = retention_service.destruction_records(session)
    return listed(ctx, found)


def register(sub: argparse._SubParsersAction[Any], handlers: dict[str, Any]) -> None:
    rs = Commands(sub, handlers, "retention")
    rs.add("periods", cmd_periods, help="bewaartermijnen per soort archiefstuk")
    p = rs.add("set-period", cmd_set_period, help="een bewaartermijn vaststellen (beheer)")
    p.add_argument("kind")
    p.add_argument("--years", required=True, type=years_arg)
    p.add_argument("--basis", help="waarop de termijn berust (selectielijst, besluit)")
    rs.add("due", cmd_due, help="archiefstukken waarvan de bewaartermijn verstreken is")
    rs.add("propose", cmd_propose, help="een vernietigingslijst opstellen (beheer)")
    rs.add("list", cmd_list, help="de vernietigingslijsten")
    p = rs.add("show", cmd_show, help="één vernietigingslijst met haar archiefstukken")
    p.add_argument("list", type=record_id)
    p = rs.add(
        "approve", cmd_approve, help="een vernietigingslijst goedkeuren (beheer, ondertekenaar)"
    )
    p.add_argument("list", type=record_id)
    p = rs.add("hold", cmd_hold, help="een bewaarplicht (legal hold) vastleggen")
    p.add_argument("object", help="soort:nummer, bijvoorbeeld request:12 of report:5")
    p.add_argument("--reason", required=True)
    p.add_argument("--reference", required=True, help="kenmerk van de zaak of het besluit")
    p = rs.add("holds", cmd_holds, help="de bewaarplichten")
    p.add_argument("--active", action="store_true", help="alleen die nog gelden")
    p = rs.add("release", cmd_release, help="een bewaarplicht opheffen")
    p.add_argument("hold", type=record_id)
    p.add_argument("--reason", required=True)
    p = rs.add(
        "destroy", cmd_destroy, help="een goedgekeurde vernietigingslijst uitvoeren (beheer)"
    )
    p.add_argument("list", type=record_id)
    rs.add("records", cmd_records, help="de verklaringen van vernietiging")
