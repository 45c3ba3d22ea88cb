"""covenant list|show|amend|consent|terminate|annex-show|annex-set and
plan add|revise|approve|withdraw|list|show: the covenant register (art. 5), amendments
(art. 4.1), termination (art. 4.2), the non-public annex and the implementation plans
(art. 3.3). All extensions of shared/spec/cli.md (same error object and exit codes).

``--party`` is optional everywhere: the account acts for its own service (the AIVD's signer for
the AIVD, the IND's liaison for the IND); naming the other party is refused (exit 1,
``forbidden``). Texts come from a UTF-8 file (``--text-file``), never from a temporary file:
``annex-show`` prints the annex to standard output (or in the JSON object) and writes nothing.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desktop_app.cli.args import (
    optional_classification,
    optional_date,
    parse_date,
    record_id,
    text_file,
)
from desktop_app.cli.context import Commands
from desktop_app.cli.marking_options import add_duration_options
from desktop_app.cli.payloads import listed
from desktop_app.domain.classification import Classification, duration_text
from desktop_app.domain.clock import dutch_date
from desktop_app.domain.covenant import Party
from desktop_app.services import covenant as svc

if TYPE_CHECKING:
    from desktop_app.cli.context import Context


def _party(value: str | None) -> Party | None:
    return None if value is None else Party.parse(value)


def _marked_text(ns: argparse.Namespace, what: str, default: Classification) -> dict[str, Any]:
    """The options ``_marked_text_options`` adds, as the service takes them (the annex, a plan):
    the text of ``--text-file`` with its classification (``default`` when not given) and how
    long that holds, for the covenant named."""
    level = optional_classification(ns.classification)
    return {
        "classification": default if level is None else level,
        "text": text_file(ns.text_file, what),
        "covenant_id": ns.covenant,
        "classified_until": ns.classification_until,
        "classified_event": ns.classification_event,
    }


def _say_covenant(ctx: Context, view: svc.CovenantView) -> None:
    ctx.say(f"{view.reference}: {view.title}")
    ctx.say(
        f"  ondertekend {dutch_date(view.signed[Party.AIVD])} (AIVD) en "
        f"{dutch_date(view.signed[Party.IND])} (IND), {view.place}; vervangt {view.replaces}"
    )
    ctx.say(f"  in werking met ingang van {dutch_date(view.in_force_from)}; nu: {view.status_text}")
    if view.termination is not None:
        t = view.termination
        ctx.say(
            f"  opgezegd door {t.party.short_nl} bij brief van {dutch_date(t.notice_on)}, "
            f"per {dutch_date(t.effective_on)}"
        )
    ctx.say(
        "  niet-openbare bijlage: "
        + (
            "vastgelegd"
            if view.annex_recorded and view.annex is None
            else f"versie {view.annex.version}, {view.annex.classification.marking}"
            if view.annex is not None
            else "nog niet vastgelegd"
        )
    )
    for a in view.amendments:
        ctx.say(
            f"  wijziging {a.id} (verzocht door {a.party.label_nl} op "
            f"{dutch_date(a.requested_on)}): {a.status_text}"
        )
    for p in view.plans:
        ctx.say(
            f"  uitvoeringsplan {p.id}: {p.subject or '(onderwerp niet zichtbaar)'}, "
            f"versie {p.version}, {p.status.label_nl}"
        )


def cmd_covenant_list(ctx: Context, ns: argparse.Namespace) -> dict[str, Any]:
    with ctx.open_session() as session:
        views = svc.register(session)
    for view in views:
        _say_covenant(ctx, view)
    return {"items": [v.as_dict() for v in views]}


def cmd_covenant_show(ctx: Context, ns: argparse.Namespace) -> dict[str, Any]:
    with ctx.open_session() as session:
        view = svc.show_covenant(session, ns.id)
    _say_covenant(ctx, view)
    return view.as_dict()


def _say_amendment(ctx: Context, view: svc.AmendmentView) -> None:
    ctx.say(f"Wijziging {view.id}: {view.status_text}.")


def cmd_covenant_amend(ctx: Context, ns: argparse.Namespace) -> dict[str, Any]:
    requested = optional_date(ns.date, "date")
    effective = optional_date(ns.effective, "effective")
    party = _party(ns.party)
    change = (
        ns.change
        if ns.change is not None
        else text_file(ns.change_file, "een wijziging", option="--change-file")
    )
    with ctx.open_session() as session:
        view = svc.request_amendment(
            session,
            change=change,
            covenant_id=ns.covenant,
            requested_on=requested,
            effective=effective,
            party=party,
        )
    _say_amendment(ctx, view)
    return view.as_dict()


def cmd_covenant_consent(ctx: Context, ns: argparse.Namespace) -> dict[str, Any]:
    day = optional_date(ns.date, "date")
    party = _party(ns.party)
    with ctx.open_session() as session:
        view = svc.decide_amendment(
            session,
            ns.id,
            decision_ref=ns.decision,
            decided_on=day,
            refuse=ns.refuse,
            party=party,
        )
    _say_amendment(ctx, view)
    return view.as_dict()


def cmd_covenant_terminate(ctx: Context, ns: argparse.Namespace) -> dict[str, Any]:
    day = parse_date(ns.date, "date")
    party = _party(ns.party)
    with ctx.open_session() as session:
        view = svc.terminate(session, notice_on=day, covenant_id=ns.covenant, party=party)
    ctx.say(f"{view.reference}: {view.status_text}.")
    return view.as_dict()


def cmd_covenant_annex_show(ctx: Context, ns: argparse.Namespace) -> dict[str, Any]:
    with ctx.open_session() as session:
        content = svc.annex_show(session, covenant_id=ns.covenant, version=ns.version)
    s = content.summary
    ctx.say(f"Niet-openbare bijlage, versie {s.version} — {s.classification.marking}")
    ctx.say(f"Rubriceringsduur: {duration_text(s.duration)}")
    ctx.say("")
    ctx.say(content.text)
    return content.as_dict()


def cmd_covenant_annex_set(ctx: Context, ns: argparse.Namespace) -> dict[str, Any]:
    marked = _marked_text(ns, "de bijlage", svc.DEFAULT_ANNEX_CLASSIFICATION)
    with ctx.open_session() as session:
        summary = svc.annex_set(session, **marked)
    ctx.say(
        f"Niet-openbare bijlage versie {summary.version} vastgelegd "
        f"({summary.classification.marking})."
    )
    return {"covenant_id": ns.covenant, **summary.as_dict()}


def _plan_out(ctx: Context, view: svc.PlanView) -> dict[str, Any]:
    p = view.plan
    ctx.say(f"Uitvoeringsplan {p.id} ({p.subject}), versie {p.version}: {p.status.label_nl}.")
    if view.approvals_reset:
        ctx.say(
            f"Let op: de {view.approvals_reset} goedkeuring(en) van de vorige versie tellen niet "
            "meer; deze versie vraagt de goedkeuring van beide hoofden."
        )
    return view.as_dict()


def cmd_plan_add(ctx: Context, ns: argparse.Namespace) -> dict[str, Any]:
    marked = _marked_text(ns, "een uitvoeringsplan", svc.DEFAULT_PLAN_CLASSIFICATION)
    with ctx.open_session() as session:
        view = svc.add_plan(session, subject=ns.subject, **marked)
    return _plan_out(ctx, view)


def cmd_plan_revise(ctx: Context, ns: argparse.Namespace) -> dict[str, Any]:
    text = text_file(ns.text_file, "een uitvoeringsplan")
    with ctx.open_session() as session:
        view = svc.revise_plan(session, ns.id, text=text)
    return _plan_out(ctx, view)


def cmd_plan_approve(ctx: Context, ns: argparse.Namespace) -> dict[str, Any]:
    day = optional_date(ns.date, "date")
    party = _party(ns.party)
    with ctx.open_session() as session:
        view = svc.approve_plan(
            session,
            ns.id,
            decision_ref=ns.decision,
            approved_on=day,
            version=ns.version,
            party=party,
        )
    return _plan_out(ctx, view)


def cmd_plan_withdraw(ctx: Context, ns: argparse.Namespace) -> dict[str, Any]:
    day = optional_date(ns.date, "date")
    with ctx.open_session() as session:
        view = svc.withdraw_plan(session, ns.id, reason=ns.reason, on=day)
    return _plan_out(ctx, view)


def cmd_plan_list(ctx: Context, ns: argparse.Namespace) -> dict[str, Any]:
    with ctx.open_session() as session:
        plans = svc.list_plans(session)
    return listed(ctx, plans, _plan_line)


def _plan_line(p: svc.PlanSummary) -> str:
    return (
        f"  {p.id}  {p.classification.code}  v{p.version}  {p.status.label_nl}  "
        f"{p.subject or '(onderwerp niet zichtbaar)'}"
    )


def cmd_plan_show(ctx: Context, ns: argparse.Namespace) -> dict[str, Any]:
    with ctx.open_session() as session:
        view = svc.get_plan(session, ns.id, ns.version)
    p = view.plan
    ctx.say(f"Uitvoeringsplan {p.id}: {p.subject} — {p.classification.marking}")
    if p.classification is not Classification.ONGERUBRICEERD:
        ctx.say(f"Rubriceringsduur: {duration_text(p.duration)}")
    ctx.say(f"Versie {view.shown_version} van {p.version}; {p.status.label_nl}")
    for a in view.all_approvals:
        by = view.person(a.recorded_by)
        ctx.say(
            f"  versie {a.version} goedgekeurd door {a.party.head_nl} op "
            f"{dutch_date(a.approved_on)} ({a.decision_ref}; vastgelegd door {by})"
        )
    ctx.say("")
    ctx.say(view.text)
    return view.as_dict()


def _covenant_option(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--covenant", type=record_id, default=svc.THE_COVENANT, help="het convenant (standaard 1)"
    )


def _party_option(p: argparse.ArgumentParser) -> None:
    p.add_argument("--party", help="aivd of ind (standaard: de dienst van uw account)")


def _marked_text_options(p: argparse.ArgumentParser) -> None:
    """A marked text of the covenant (the annex, a plan): read by ``_marked_text``."""
    p.add_argument("--text-file", type=Path, required=True)
    p.add_argument("--classification", help="rubricering (standaard stg_confidentieel)")
    add_duration_options(p)
    _covenant_option(p)


def register(sub: argparse._SubParsersAction[Any], handlers: dict[str, Any]) -> None:
    cs = Commands(sub, handlers, "covenant")
    cs.add("list", cmd_covenant_list, help="het register")
    p = cs.add("show", cmd_covenant_show, help="één convenant met wijzigingen en plannen")
    p.add_argument("id", type=record_id, nargs="?", default=svc.THE_COVENANT)
    p = cs.add("amend", cmd_covenant_amend, help="een verzoek tot wijziging vastleggen (art. 4.1)")
    change = p.add_mutually_exclusive_group(required=True)
    change.add_argument("--change", help="de voorgestelde wijziging")
    change.add_argument("--change-file", type=Path, help="de voorgestelde wijziging (UTF-8)")
    p.add_argument("--date", help="datum van het verzoek (standaard vandaag)")
    p.add_argument("--effective", help="voorgestelde datum van inwerkingtreding")
    _party_option(p)
    _covenant_option(p)
    p = cs.add(
        "consent", cmd_covenant_consent, help="het besluit van een partij over een wijziging"
    )
    p.add_argument("id", type=record_id, help="nummer van de wijziging")
    p.add_argument("--decision", required=True, help="kenmerk van het besluit")
    p.add_argument("--date", help="datum van het besluit (standaard vandaag)")
    p.add_argument("--refuse", action="store_true", help="niet ingestemd")
    _party_option(p)
    p = cs.add(
        "terminate", cmd_covenant_terminate, help="de schriftelijke opzegging vastleggen (art. 4.2)"
    )
    p.add_argument("--date", required=True, help="datum van de opzegbrief")
    _party_option(p)
    _covenant_option(p)
    p = cs.add("annex-show", cmd_covenant_annex_show, help="de niet-openbare bijlage lezen")
    p.add_argument("--version", type=record_id)
    _covenant_option(p)
    p = cs.add(
        "annex-set",
        cmd_covenant_annex_set,
        help="de niet-openbare bijlage vastleggen (nieuwe versie)",
    )
    _marked_text_options(p)

    ps = Commands(sub, handlers, "plan")
    p = ps.add("add", cmd_plan_add, help="een uitvoeringsplan opstellen")
    p.add_argument("--subject", required=True)
    _marked_text_options(p)
    p = ps.add("revise", cmd_plan_revise, help="een nieuwe versie (goedkeuringen beginnen opnieuw)")
    p.add_argument("id", type=record_id)
    p.add_argument("--text-file", type=Path, required=True)
    p = ps.add("approve", cmd_plan_approve, help="goedkeuring door het hoofd van uw dienst")
    p.add_argument("id", type=record_id)
    p.add_argument("--decision", required=True, help="kenmerk van het besluit")
    p.add_argument("--date", help="datum van de goedkeuring (standaard vandaag)")
    p.add_argument("--version", type=record_id, help="de versie die u goedkeurt")
    _party_option(p)
    p = ps.add("withdraw", cmd_plan_withdraw, help="een uitvoeringsplan intrekken")
    p.add_argument("id", type=record_id)
    p.add_argument("--reason", required=True)
    p.add_argument("--date", help="datum van de intrekking (standaard vandaag)")
    ps.add("list", cmd_plan_list, help="alle uitvoeringsplannen")
    p = ps.add("show", cmd_plan_show, help="een uitvoeringsplan lezen")
    p.add_argument("id", type=record_id)
    p.add_argument("--version", type=record_id)
