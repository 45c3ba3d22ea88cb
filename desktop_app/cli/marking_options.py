"""The options for how long a classification holds and for the subject of a spontaneous report,
taken by ``report draft``, ``report marking``, ``report subject`` and ``evidence add``, so the
same words mean the same in every command.

Light like ``args``: a command module imports this, not another command's module (only the
invoked command's module is loaded, issue 11); the service is imported when it is used.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from desktop_app.domain.classification import ClassificationDuration
    from desktop_app.services.marking import SubjectEntry
    from desktop_app.services.session import Session


def add_duration_options(p: argparse.ArgumentParser) -> None:
    group = p.add_mutually_exclusive_group()
    group.add_argument(
        "--classification-until",
        metavar="DATUM",
        help="de rubricering vervalt na deze datum (JJJJ-MM-DD)",
    )
    group.add_argument(
        "--classification-event",
        metavar="TEKST",
        help="de rubricering vervalt bij deze gebeurtenis",
    )


def add_subject_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--subject-name", help="betrokkene van een spontaan ambtsbericht: naam")
    p.add_argument("--birth-date", help="betrokkene: geboortedatum (JJJJ-MM-DD)")
    p.add_argument("--v-number", help="betrokkene: V-nummer (10 cijfers)")


def duration_from(session: Session, ns: argparse.Namespace) -> ClassificationDuration | None:
    from desktop_app.services import marking

    return marking.duration_entered(
        session,
        until=getattr(ns, "classification_until", None),
        event=getattr(ns, "classification_event", None),
    )


def subject_from(session: Session, ns: argparse.Namespace) -> SubjectEntry | None:
    from desktop_app.services import marking

    return marking.subject_entered(
        session,
        name=getattr(ns, "subject_name", None),
        birth_date=getattr(ns, "birth_date", None),
        v_number=getattr(ns, "v_number", None),
    )
