"""Translatable names for the covenant register's statuses and parties (the domain's Dutch labels
are the source)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from desktop_app.domain.covenant import AmendmentStatus, CovenantStatus, Decision, Party
from desktop_app.domain.implementation_plans import PlanStatus
from desktop_app.gui.i18n import QT_TRANSLATE_NOOP

_CONTEXT = "covenant"

_PARTY = {
    Party.AIVD: QT_TRANSLATE_NOOP("covenant", "AIVD"),
    Party.IND: QT_TRANSLATE_NOOP("covenant", "IND"),
}
_HEAD = {
    Party.AIVD: QT_TRANSLATE_NOOP("covenant", "Directeur-generaal AIVD"),
    Party.IND: QT_TRANSLATE_NOOP("covenant", "Hoofddirecteur IND"),
}
_COVENANT = {
    CovenantStatus.SIGNED: QT_TRANSLATE_NOOP("covenant", "ondertekend, nog niet in werking"),
    CovenantStatus.IN_FORCE: QT_TRANSLATE_NOOP("covenant", "in werking"),
    CovenantStatus.NOTICE_GIVEN: QT_TRANSLATE_NOOP("covenant", "opgezegd"),
    CovenantStatus.ENDED: QT_TRANSLATE_NOOP("covenant", "beëindigd"),
}
_AMENDMENT = {
    AmendmentStatus.REQUESTED: QT_TRANSLATE_NOOP("covenant", "verzocht"),
    AmendmentStatus.CONSENTED_BY_ONE: QT_TRANSLATE_NOOP("covenant", "instemming van één partij"),
    AmendmentStatus.AGREED: QT_TRANSLATE_NOOP("covenant", "aangenomen, nog niet in werking"),
    AmendmentStatus.IN_FORCE: QT_TRANSLATE_NOOP("covenant", "in werking"),
    AmendmentStatus.REFUSED: QT_TRANSLATE_NOOP("covenant", "niet aangenomen"),
}
_PLAN = {
    PlanStatus.CONCEPT: QT_TRANSLATE_NOOP("covenant", "concept"),
    PlanStatus.APPROVED_BY_ONE: QT_TRANSLATE_NOOP("covenant", "goedgekeurd door één hoofd"),
    PlanStatus.IN_FORCE: QT_TRANSLATE_NOOP("covenant", "in werking"),
    PlanStatus.WITHDRAWN: QT_TRANSLATE_NOOP("covenant", "ingetrokken"),
}
_DECISION = {
    Decision.CONSENT: QT_TRANSLATE_NOOP("covenant", "ingestemd"),
    Decision.REFUSE: QT_TRANSLATE_NOOP("covenant", "niet ingestemd"),
}


def tr(text: str) -> str:
    return QCoreApplication.translate(_CONTEXT, text)


def party_label(party: Party) -> str:
    return tr(_PARTY[party])


def head_label(party: Party) -> str:
    return tr(_HEAD[party])


def covenant_status_label(status: CovenantStatus) -> str:
    return tr(_COVENANT[status])


def amendment_status_label(status: AmendmentStatus) -> str:
    return tr(_AMENDMENT[status])


def plan_status_label(status: PlanStatus) -> str:
    return tr(_PLAN[status])


def decision_label(decision: Decision) -> str:
    return tr(_DECISION[decision])
