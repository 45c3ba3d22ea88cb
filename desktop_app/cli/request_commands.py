"""request, provision, stats, calendar (shared/spec/cli.md; `calendar` and `--reason`,
`--csv`, provision filters are extensions)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desktop_app.cli.args import optional_date, parse_date
from desktop_app.domain.errors import InvalidInput
from desktop_app.domain.requests import RequestStatus
from desktop_app.services import calendar as calendar_service
from desktop_app.services import provisions as provision_service
from desktop_app.services import requests as request_service
from desktop_app.services import stats as stats_service
from desktop_app.storage.files import atomic_write
from desktop_app.storage.requests import RequestQuery

if TYPE_CHECKING:
    from desktop_app.cli.main import Context


def _request_id(value: str) -> int:
    if not value.isdigit():
        raise InvalidInput(f"'{value}' is geen verzoeknummer.", field="id")
    return int(value)


def cmd_request_add(ctx: Context, ns: argparse.Namespace) -> dict[str, Any]:
    received = optional_date(ns.received, "received")
    birth = optional_date(ns.birth_date, "birth-date")
    with ctx.open_session() as session:
        record = request_service.add_request(
            session,
            subject_name=ns.subject_name,
            v_number=ns.v_number,
            purpose=ns.purpose,
            received=received,
            birth_date=birth,
            nationality=ns.nationality,
            ind_reference=ns.ind_reference,
        )
    return {
        "id": int(record.id),
        "reference": record.reference,
        "deadline": record.deadline.isoformat(),
        "status": record.status.value,
    }


def cmd_request_import(ctx: Context, ns: argparse.Namespace) -> dict[str, Any]:
    with ctx.open_session() as session:
        count = request_service.import_requests(session, ns.file)
    return {"imported": count}


def cmd_request_list(ctx: Context, ns: argparse.Namespace) -> dict[str, Any]:
    status = None if ns.status is None else RequestStatus.parse(ns.status)
    if ns.limit is not None and ns.limit < 1:
        raise InvalidInput("De limiet is ten minste 1.", field="limit")
    query = RequestQuery(status=status, overdue=ns.overdue, search=ns.search or "")
    with ctx.open_session() as session:
        records, total = request_service.list_requests(session, query, limit=ns.limit)
        today = session.clock.today()
    return {"items": [request_service.request_dict(r, today) for r in records], "total": total}


def cmd_request_show(ctx: Context, ns: argparse.Namespace) -> dict[str, Any]:
    with ctx.open_session() as session:
        record = request_service.get_request(session, _request_id(ns.id))
        return request_service.request_dict(record, session.clock.today())


def cmd_request_start(ctx: Context, ns: argparse.Namespace) -> dict[str, Any]:
    with ctx.open_session() as session:
        record = request_service.start_request(session, _request_id(ns.id))
        return request_service.request_dict(record, session.clock.today())


def cmd_request_notify_delay(ctx: Context, ns: argparse.Namespace) -> dict[str, Any]:
    day = optional_date(ns.date, "date")
    with ctx.open_session() as session:
        record = request_service.notify_delay(
            session, _request_id(ns.id), reason=ns.reason, date=day
        )
        return request_service.request_dict(record, session.clock.today())


def cmd_request_close(ctx: Context, ns: argparse.Namespace) -> dict[str, Any]:
    if not ns.no_data:
        raise InvalidInput(
            "Sluit af met --no-data (zonder ambtsbericht); een ambtsbericht sluit"
            " het verzoek zelf af bij het uitbrengen.",
            field="no-data",
        )
    if not ns.reason:
        raise InvalidInput(
            "Geef met --reason op waarom het verzoek zonder ambtsbericht wordt afgesloten.",
            field="reason",
        )
    with ctx.open_session() as session:
        record = request_service.close_no_data(session, _request_id(ns.id), reason=ns.reason)
        return request_service.request_dict(record, session.clock.today())


def cmd_provision_add(ctx: Context, ns: argparse.Namespace) -> dict[str, Any]:
    day = optional_date(ns.date, "date")
    with ctx.open_session() as session:
        record = provision_service.add_provision(
            session,
            direction=ns.direction,
            description=ns.description,
            date=day,
            legal_basis=ns.legal_basis,
            provided_by=ns.provided_by,
            received_by=ns.received_by,
            request_reference=ns.request,
        )
    return record.as_dict()


def cmd_provision_list(ctx: Context, ns: argparse.Namespace) -> dict[str, Any]:
    date_from = optional_date(ns.date_from, "from")
    date_to = optional_date(ns.date_to, "to")
    with ctx.open_session() as session:
        records = provision_service.list_provisions(
            session, direction=ns.direction, date_from=date_from, date_to=date_to
        )
    return {"items": [r.as_dict() for r in records]}


def cmd_stats(ctx: Context, ns: argparse.Namespace) -> dict[str, Any]:
    period_from = parse_date(ns.date_from, "from")
    period_to = parse_date(ns.date_to, "to")
    with ctx.open_session() as session:
        figures = stats_service.statistics(session, period_from, period_to).as_dict()
        if ns.pdf is not None:
            data = stats_service.pdf_bytes(session, period_from, period_to)
            if not ns.pdf.parent.is_dir():
                raise InvalidInput("De map voor het PDF-bestand bestaat niet.", field="pdf")
            atomic_write(ns.pdf, data)
        if ns.csv is not None:
            stats_service.export_csv(session, period_from, period_to, ns.csv)
    return figures


def cmd_calendar_list(ctx: Context, ns: argparse.Namespace) -> dict[str, Any]:
    with ctx.open_session() as session:
        days = calendar_service.list_days(session)
    return {"items": [d.as_dict() for d in days]}


def cmd_calendar_add(ctx: Context, ns: argparse.Namespace) -> dict[str, Any]:
    day = parse_date(ns.date, "date")
    with ctx.open_session() as session:
        change = calendar_service.add_day(session, day, kind=ns.kind, description=ns.description)
    return change.as_dict()


def cmd_calendar_remove(ctx: Context, ns: argparse.Namespace) -> dict[str, Any]:
    day = parse_date(ns.date, "date")
    with ctx.open_session() as session:
        change = calendar_service.remove_day(session, day)
    return change.as_dict()


def register(sub: argparse._SubParsersAction[Any], handlers: dict[str, Any]) -> None:
    req = sub.add_parser("request", help="naslagverzoeken")
    rs = req.add_subparsers(dest="subcommand", required=True)
    p = rs.add_parser("add")
    p.add_argument("--subject-name", required=True)
    p.add_argument("--v-number", required=True)
    p.add_argument("--purpose", required=True)
    p.add_argument("--birth-date")
    p.add_argument("--nationality")
    p.add_argument("--received")
    p.add_argument("--ind-reference")
    handlers["request add"] = cmd_request_add
    p = rs.add_parser("import")
    p.add_argument("file", type=Path)
    handlers["request import"] = cmd_request_import
    p = rs.add_parser("list")
    p.add_argument("--status")
    p.add_argument("--overdue", action="store_true")
    p.add_argument("--search")
    p.add_argument("--limit", type=int)
    handlers["request list"] = cmd_request_list
    for name, handler in (("show", cmd_request_show), ("start", cmd_request_start)):
        p = rs.add_parser(name)
        p.add_argument("id")
        handlers[f"request {name}"] = handler
    p = rs.add_parser("notify-delay")
    p.add_argument("id")
    p.add_argument("--reason", required=True)
    p.add_argument("--date")
    handlers["request notify-delay"] = cmd_request_notify_delay
    p = rs.add_parser("close")
    p.add_argument("id")
    p.add_argument("--no-data", action="store_true")
    p.add_argument("--reason")
    handlers["request close"] = cmd_request_close

    prov = sub.add_parser("provision", help="verstrekkingenregister")
    ps = prov.add_subparsers(dest="subcommand", required=True)
    p = ps.add_parser("add")
    p.add_argument("--direction", required=True)
    p.add_argument("--description", required=True)
    p.add_argument("--date")
    p.add_argument("--legal-basis")
    p.add_argument("--provided-by")
    p.add_argument("--received-by")
    p.add_argument("--request", help="kenmerk van het verzoek (NV-JJJJ-NNNNNN)")
    handlers["provision add"] = cmd_provision_add
    p = ps.add_parser("list")
    p.add_argument("--direction")
    p.add_argument("--from", dest="date_from")
    p.add_argument("--to", dest="date_to")
    handlers["provision list"] = cmd_provision_list

    p = sub.add_parser("stats", help="cijfers voor het periodiek overleg")
    p.add_argument("--from", dest="date_from", required=True)
    p.add_argument("--to", dest="date_to", required=True)
    p.add_argument("--pdf", type=Path)
    p.add_argument("--csv", type=Path)
    handlers["stats"] = cmd_stats

    cal = sub.add_parser("calendar", help="gelijkgestelde dagen en sluitingsdagen (beheer)")
    cs = cal.add_subparsers(dest="subcommand", required=True)
    cs.add_parser("list")
    handlers["calendar list"] = cmd_calendar_list
    p = cs.add_parser("add")
    p.add_argument("date")
    p.add_argument("--kind", required=True, choices=["decree", "closure"])
    p.add_argument("--description", required=True)
    handlers["calendar add"] = cmd_calendar_add
    p = cs.add_parser("remove")
    p.add_argument("date")
    handlers["calendar remove"] = cmd_calendar_remove
