"""request add|import|list|show|start|notify-delay|close (shared/spec/cli.md; ``--reason`` and
``notify-delay --liaison`` are extensions, and so are ``request add``'s ``warning`` and
``open_with_v_number`` when an open request has the same V-number)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desktop_app.cli.args import count, optional_date, request_id
from desktop_app.cli.context import Commands
from desktop_app.domain.errors import InvalidInput
from desktop_app.domain.queries import RequestQuery
from desktop_app.domain.requests import RequestStatus
from desktop_app.services import requests as request_service

if TYPE_CHECKING:
    from desktop_app.cli.context import Context


def cmd_request_add(ctx: Context, ns: argparse.Namespace) -> dict[str, Any]:
    received = optional_date(ns.received, "received")
    birth = optional_date(ns.birth_date, "birth-date")
    with ctx.open_session() as session:
        # Asked before saving, like the window does; a warning, never a refusal (exit 0).
        same = request_service.open_requests_with_v_number(session, ns.v_number)
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
    result: dict[str, Any] = {
        "id": int(record.id),
        "reference": record.reference,
        "deadline": record.deadline.isoformat(),
        "status": record.status.value,
    }
    warning = request_service.v_number_warning(ns.v_number, same)
    if warning is not None:
        # Extensions: the open requests it names, and the sentence on standard error (standard
        # output stays the one JSON object).
        result["open_with_v_number"] = [r.reference for r in same]
        result["warning"] = warning
        print(warning, file=sys.stderr)
    return result


def cmd_request_import(ctx: Context, ns: argparse.Namespace) -> dict[str, Any]:
    # The service reads the file with the one safe reader (a FIFO or /dev/zero is refused).
    with ctx.open_session() as session:
        imported = request_service.import_requests(session, ns.file)
    return {"imported": imported}


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
    rid = request_id(ns.id)
    with ctx.open_session() as session:
        record = request_service.get_request(session, rid)
        return request_service.request_dict(record, session.clock.today())


def cmd_request_start(ctx: Context, ns: argparse.Namespace) -> dict[str, Any]:
    rid = request_id(ns.id)
    with ctx.open_session() as session:
        record = request_service.start_request(session, rid)
        return request_service.request_dict(record, session.clock.today())


def cmd_request_notify_delay(ctx: Context, ns: argparse.Namespace) -> dict[str, Any]:
    rid = request_id(ns.id)
    day = optional_date(ns.date, "date")
    with ctx.open_session() as session:
        record = request_service.notify_delay(
            session, rid, reason=ns.reason, date=day, liaison=ns.liaison
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
    rid = request_id(ns.id)
    with ctx.open_session() as session:
        record = request_service.close_no_data(session, rid, reason=ns.reason)
        return request_service.request_dict(record, session.clock.today())


def register(sub: argparse._SubParsersAction[Any], handlers: dict[str, Any]) -> None:
    rs = Commands(sub, handlers, "request")
    p = rs.add("add", cmd_request_add)
    p.add_argument("--subject-name", required=True)
    p.add_argument("--v-number", required=True)
    p.add_argument("--purpose", required=True)
    p.add_argument("--birth-date")
    p.add_argument("--nationality")
    p.add_argument("--received")
    p.add_argument("--ind-reference")
    p = rs.add("import", cmd_request_import)
    p.add_argument("file", type=Path)
    p = rs.add("list", cmd_request_list)
    p.add_argument("--status")
    p.add_argument("--overdue", action="store_true")
    p.add_argument("--search")
    p.add_argument("--limit", type=count)
    for name, handler in (("show", cmd_request_show), ("start", cmd_request_start)):
        rs.add(name, handler).add_argument("id")
    p = rs.add("notify-delay", cmd_request_notify_delay)
    p.add_argument("id")
    p.add_argument("--reason", required=True)
    p.add_argument("--date")
    # Extension: the liaison account informed (who informed whom).
    p.add_argument("--liaison", help="accountnaam van de geïnformeerde IND-liaison")
    p = rs.add("close", cmd_request_close)
    p.add_argument("id")
    p.add_argument("--no-data", action="store_true")
    p.add_argument("--reason")
