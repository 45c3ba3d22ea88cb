"""report draft|revise|classify|submit|withdraw|send-back|show|diff|sign|issue|correct|list
(shared/spec/cli.md).

Extensions beyond the contract: ``report list`` (the work lists), ``report classify``,
``report correct``, ``report sign --classification``, ``report sign --special-case-reason``,
``report withdraw``, ``report send-back`` and ``report revise --title``. Signing and issuing
need the password typed just now: here that is the password this very call signed in with
(every call signs in anew), passed as the session's sign-in proof. The report
sub-commands that print and verify PDFs live in ``printing`` (they need the PDF stack).
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desktop_app.cli import marking_options
from desktop_app.cli.args import (
    TEXT_FILE_BYTES,
    optional_classification,
    record_id,
    text_file,
    version_number,
)
from desktop_app.cli.context import Commands
from desktop_app.cli.payloads import report_step
from desktop_app.domain.classification import Classification
from desktop_app.domain.reports import WorkList
from desktop_app.services import reports

if TYPE_CHECKING:
    from desktop_app.cli.context import Context

# Read at each call, so a test can lower it for the report commands alone.
_MAX_FILE_BYTES = TEXT_FILE_BYTES


def _read_text(path: Path) -> str:
    return text_file(path, "een ambtsbericht", max_bytes=_MAX_FILE_BYTES)


def _saved(ctx: Context, saved: reports.VersionSaved) -> dict[str, Any]:
    r = saved.report
    ctx.say(f"{r.reference} versie {r.version} vastgelegd (status {r.status.label_nl}).")
    for w in saved.warnings:
        ctx.say(f"Let op: {w.message}")
    return {
        **report_step(r),
        "classification": r.classification.code,
        "warnings": [w.message for w in saved.warnings],
    }


def cmd_draft(ctx: Context, ns: argparse.Namespace) -> dict[str, Any]:
    text = _read_text(ns.text_file)
    level = optional_classification(ns.classification)
    with ctx.open_session() as session:
        saved = reports.draft_report(
            session,
            text=text,
            request_id=ns.request,
            title=ns.title,
            classification=level,
            duration=marking_options.duration_from(session, ns),
            subject=marking_options.subject_from(session, ns),
        )
    return _saved(ctx, saved)


def cmd_revise(ctx: Context, ns: argparse.Namespace) -> dict[str, Any]:
    text = _read_text(ns.text_file)
    with ctx.open_session() as session:
        saved = reports.revise_report(session, ns.id, text=text, title=ns.title)
    return _saved(ctx, saved)


def cmd_classify(ctx: Context, ns: argparse.Namespace) -> dict[str, Any]:
    level = Classification.parse(ns.classification)
    with ctx.open_session() as session:
        r = reports.set_classification(session, ns.id, level)
    return {**report_step(r), "classification": r.classification.code}


def cmd_submit(ctx: Context, ns: argparse.Namespace) -> dict[str, Any]:
    with ctx.open_session() as session:
        r = reports.submit_report(session, ns.id)
    ctx.say(f"{r.reference} versie {r.version} ligt ter beoordeling bij de IND-liaison.")
    return report_step(r)


def cmd_withdraw(ctx: Context, ns: argparse.Namespace) -> dict[str, Any]:
    with ctx.open_session() as session:
        r = reports.withdraw_submission(session, ns.id, reason=ns.reason)
    ctx.say(f"{r.reference} versie {r.version} is ingetrokken en weer een concept.")
    return report_step(r)


def cmd_send_back(ctx: Context, ns: argparse.Namespace) -> dict[str, Any]:
    with ctx.open_session() as session:
        r = reports.send_back(session, ns.id, reason=ns.reason)
    ctx.say(f"{r.reference} is teruggestuurd naar de behandelaar (weer een concept).")
    return report_step(r)


def cmd_show(ctx: Context, ns: argparse.Namespace) -> dict[str, Any]:
    with ctx.open_session() as session:
        view = reports.get_report(session, ns.id, ns.version)
    r = view.report
    ctx.say(f"{r.reference} — {r.title}")
    ctx.say(
        f"Rubricering: {r.classification.marking}; status: {r.status.label_nl}; "
        f"versie {view.version} van {r.version}"
    )
    ctx.say("")
    ctx.say(view.text.rstrip("\n"))
    if view.annotations:
        ctx.say("")
        ctx.say("Annotaties:")
        for a in view.annotations:
            where = "verouderd" if a.outdated else f"{a.shown_start}-{a.shown_end}"
            if a.withdrawn:
                where += ", ingetrokken"
            who = a.author_name or a.author
            ctx.say(f"  [{a.id}] v{a.version} ({where}) “{a.quote}” — {a.comment} ({who})")
            if a.handled:
                ctx.say(
                    f"      afgehandeld door {a.handled_by_name or a.handled_by}: {a.handled_note}"
                )
    for back in view.returns:
        what = "ingetrokken" if back.kind == "withdraw" else "teruggestuurd"
        why = f": {back.reason}" if back.reason else ""
        ctx.say(f"Versie {back.version} {what} door {back.actor_name or back.actor}{why}")
    if view.special_case is not None:
        ctx.say(view.special_case.summary_nl)
    for w in view.warnings:
        ctx.say(f"Let op: {w.message}")
    return view.as_dict()


def cmd_diff(ctx: Context, ns: argparse.Namespace) -> dict[str, Any]:
    with ctx.open_session() as session:
        diff = reports.diff_report(session, ns.id, ns.from_version, ns.to_version)
    ctx.say(diff.unified.rstrip("\n") if diff.unified else "Geen verschillen.")
    return diff.as_dict()


def cmd_sign(ctx: Context, ns: argparse.Namespace) -> dict[str, Any]:
    level = optional_classification(ns.classification)
    with ctx.open_session() as session:
        r = reports.sign_report(
            session,
            ns.id,
            proof=session.sign_in_proof(),
            classification=level,
            special_case_reason=ns.special_case_reason,
        )
    ctx.say(f"{r.reference} ondertekend (versie {r.signed_version}, SHA-256 {r.text_sha256}).")
    return {**report_step(r), "text_sha256": r.text_sha256, "classification": r.classification.code}


def cmd_issue(ctx: Context, ns: argparse.Namespace) -> dict[str, Any]:
    with ctx.open_session() as session:
        result = reports.issue_report(session, ns.id, proof=session.sign_in_proof())
    r = result.report
    ctx.say(f"{r.reference} uitgebracht; verstrekking vastgelegd.")
    return {
        **report_step(r),
        "provision_id": result.provision_id,
        "request_id": None if r.request_id is None else int(r.request_id),
        "request_status": result.request_status,
    }


def cmd_correct(ctx: Context, ns: argparse.Namespace) -> dict[str, Any]:
    with ctx.open_session() as session:
        record = reports.record_correction(session, ns.id, ns.text)
    ctx.say(f"Correctie op {record.reference} vastgelegd; informeer alle ontvangers.")
    return record.as_dict()


def cmd_list(ctx: Context, ns: argparse.Namespace) -> dict[str, Any]:
    wanted = None if ns.list is None else WorkList(ns.list)
    with ctx.open_session() as session:
        lists = reports.my_work_lists(session)
    out = {
        w.value: [s.as_dict() for s in items]
        for w, items in lists.items()
        if wanted is None or w is wanted
    }
    for w, items in lists.items():
        if wanted is None or w is wanted:
            ctx.say(f"{w.label_nl} ({len(items)})")
            for s in items:
                ctx.say(f"  {s.id}  {s.reference}  {s.status.label_nl}  {s.title}")
    return {"lists": out}


def register(sub: argparse._SubParsersAction[Any], handlers: dict[str, Any]) -> None:
    rep_sub = Commands(sub, handlers, "report")

    p = rep_sub.add("draft", cmd_draft, help="een nieuw ambtsbericht opstellen (versie 1)")
    link = p.add_mutually_exclusive_group(required=True)
    link.add_argument("--request", type=record_id, help="het verzoek waarop het antwoordt")
    link.add_argument("--spontaneous", action="store_true", help="een spontaan ambtsbericht")
    p.add_argument("--text-file", type=Path, required=True)
    p.add_argument("--title")
    p.add_argument(
        "--classification", help=f"rubricering (standaard {reports.DEFAULT_CLASSIFICATION.code})"
    )
    marking_options.add_duration_options(p)
    marking_options.add_subject_options(p)

    p = rep_sub.add("revise", cmd_revise, help="een nieuwe versie vastleggen")
    p.add_argument("id", type=record_id)
    p.add_argument("--text-file", type=Path, required=True)
    p.add_argument("--title")

    p = rep_sub.add("classify", cmd_classify, help="de rubricering wijzigen (zolang bewerkbaar)")
    p.add_argument("id", type=record_id)
    p.add_argument("--classification", required=True)

    p = rep_sub.add("submit", cmd_submit, help="ter beoordeling aan de IND-liaison aanbieden")
    p.add_argument("id", type=record_id)

    p = rep_sub.add("withdraw", cmd_withdraw, help="een indiening intrekken (weer een concept)")
    p.add_argument("id", type=record_id)
    p.add_argument("--reason", help="waarom (optioneel)")

    p = rep_sub.add(
        "send-back", cmd_send_back, help="niet ondertekenen maar terugsturen naar de behandelaar"
    )
    p.add_argument("id", type=record_id)
    p.add_argument("--reason", required=True, help="waarom het terug moet")

    p = rep_sub.add("show", cmd_show, help="een versie met annotaties tonen")
    p.add_argument("id", type=record_id)
    p.add_argument("--version", type=version_number)

    p = rep_sub.add("diff", cmd_diff, help="twee versies vergelijken")
    p.add_argument("id", type=record_id)
    p.add_argument("--from", dest="from_version", type=version_number, required=True)
    p.add_argument("--to", dest="to_version", type=version_number, required=True)

    p = rep_sub.add("sign", cmd_sign, help="ondertekenen (vier ogen)")
    p.add_argument("id", type=record_id)
    p.add_argument("--classification", help="de definitieve rubricering")
    p.add_argument(
        "--special-case-reason",
        help=(
            "uw besluit, met reden, om gegevens ouder dan tien jaar of waarvan de juistheid "
            "niet vast te stellen is als bijzonder geval te verstrekken"
        ),
    )

    p = rep_sub.add("issue", cmd_issue, help="uitbrengen aan de IND")
    p.add_argument("id", type=record_id)

    p = rep_sub.add("correct", cmd_correct, help="een correctie op een uitgebracht ambtsbericht")
    p.add_argument("id", type=record_id)
    p.add_argument("--text", required=True)

    p = rep_sub.add("list", cmd_list, help="mijn werkvoorraad")
    p.add_argument("--list", choices=[w.value for w in WorkList])
