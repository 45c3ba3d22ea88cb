"""Translatable names for the report workflow's domain values (the domain's Dutch labels stay
the source) and the short time format of the report views."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from desktop_app.domain.report_content import Reliability
from desktop_app.domain.reports import ReportAction, ReportStatus, VersionState, WorkList
from desktop_app.gui.dates import shown_stamp
from desktop_app.gui.i18n import QT_TRANSLATE_NOOP

CONTEXT = "reports"

_STATUS = {
    ReportStatus.DRAFT: QT_TRANSLATE_NOOP("reports", "concept"),
    ReportStatus.IN_REVIEW: QT_TRANSLATE_NOOP("reports", "ter beoordeling"),
    ReportStatus.CHANGES_WANTED: QT_TRANSLATE_NOOP("reports", "aanpassing wenselijk"),
    ReportStatus.USABLE: QT_TRANSLATE_NOOP("reports", "bruikbaar"),
    ReportStatus.SIGNED: QT_TRANSLATE_NOOP("reports", "ondertekend"),
    ReportStatus.ISSUED: QT_TRANSLATE_NOOP("reports", "uitgebracht"),
}

_WORK_LIST = {
    WorkList.MY_DRAFTS: QT_TRANSLATE_NOOP("reports", "Mijn concepten"),
    WorkList.RETURNED_TO_ME: QT_TRANSLATE_NOOP("reports", "Terug bij mij"),
    WorkList.SUBMITTED_BY_ME: QT_TRANSLATE_NOOP("reports", "Aangeboden"),
    WorkList.AWAITING_MY_REVIEW: QT_TRANSLATE_NOOP("reports", "Wacht op mijn beoordeling"),
    WorkList.JUDGED_BY_ME: QT_TRANSLATE_NOOP("reports", "Door mij beoordeeld"),
    WorkList.AWAITING_MY_SIGNATURE: QT_TRANSLATE_NOOP("reports", "Wacht op mijn ondertekening"),
    WorkList.READY_TO_ISSUE: QT_TRANSLATE_NOOP("reports", "Gereed om uit te brengen"),
    WorkList.ISSUED: QT_TRANSLATE_NOOP("reports", "Uitgebracht"),
}

_RELIABILITY = {
    Reliability.VERY_RELIABLE: QT_TRANSLATE_NOOP("reports", "zeer betrouwbaar"),
    Reliability.RELIABLE: QT_TRANSLATE_NOOP("reports", "betrouwbaar"),
    Reliability.FAIRLY_RELIABLE: QT_TRANSLATE_NOOP("reports", "redelijk betrouwbaar"),
    Reliability.UNKNOWN: QT_TRANSLATE_NOOP("reports", "onbekend (juistheid niet vast te stellen)"),
}

# Behind a version in the version picker.
_VERSION_STATE = {
    VersionState.SUBMITTED: QT_TRANSLATE_NOOP("reports", "ingediend"),
    VersionState.WITHDRAWN: QT_TRANSLATE_NOOP("reports", "indiening ingetrokken"),
    VersionState.SENT_BACK: QT_TRANSLATE_NOOP("reports", "teruggestuurd"),
}

# What happened, for the history list (past tense).
_EVENT = {
    ReportAction.CREATE: QT_TRANSLATE_NOOP("reports", "opgesteld"),
    ReportAction.REVISE: QT_TRANSLATE_NOOP("reports", "herzien"),
    ReportAction.SET_CLASSIFICATION: QT_TRANSLATE_NOOP("reports", "rubricering gewijzigd"),
    ReportAction.SUBMIT: QT_TRANSLATE_NOOP("reports", "ter beoordeling aangeboden"),
    ReportAction.ANNOTATE: QT_TRANSLATE_NOOP("reports", "opmerking geplaatst"),
    ReportAction.VERDICT_USABLE: QT_TRANSLATE_NOOP("reports", "bruikbaar geoordeeld"),
    ReportAction.VERDICT_CHANGES_WANTED: QT_TRANSLATE_NOOP(
        "reports", "aanpassing wenselijk geoordeeld"
    ),
    ReportAction.SIGN: QT_TRANSLATE_NOOP("reports", "ondertekend"),
    ReportAction.ISSUE: QT_TRANSLATE_NOOP("reports", "uitgebracht"),
    ReportAction.CORRECT: QT_TRANSLATE_NOOP("reports", "correctie vastgelegd"),
    ReportAction.WITHDRAW: QT_TRANSLATE_NOOP("reports", "indiening ingetrokken"),
    ReportAction.SEND_BACK: QT_TRANSLATE_NOOP("reports", "teruggestuurd door de ondertekenaar"),
    ReportAction.EDIT_REMARK: QT_TRANSLATE_NOOP("reports", "opmerking gewijzigd"),
    ReportAction.WITHDRAW_REMARK: QT_TRANSLATE_NOOP("reports", "opmerking ingetrokken"),
    ReportAction.HANDLE_REMARK: QT_TRANSLATE_NOOP("reports", "opmerking afgehandeld"),
    ReportAction.VIEW: QT_TRANSLATE_NOOP("reports", "ingezien"),
    ReportAction.PRINT: QT_TRANSLATE_NOOP("reports", "afgedrukt"),
}

_VERDICT = {
    "usable": QT_TRANSLATE_NOOP("reports", "bruikbaar"),
    "changes_wanted": QT_TRANSLATE_NOOP("reports", "aanpassing wenselijk"),
}


def tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def status_label(status: ReportStatus) -> str:
    return tr(_STATUS[status])


def version_state_label(state: VersionState) -> str:
    return tr(_VERSION_STATE[state])


def work_list_label(work_list: WorkList) -> str:
    return tr(_WORK_LIST[work_list])


def reliability_label(reliability: Reliability) -> str:
    return tr(_RELIABILITY[reliability])


def event_label(action: ReportAction) -> str:
    return tr(_EVENT[action])


def verdict_label(verdict: str) -> str:
    source = _VERDICT.get(verdict)
    return verdict if source is None else tr(source)


def short_time(stamp: str | None) -> str:
    """A stored UTC timestamp as shown time, "02-12-2026 14:05" in Amsterdam (the stamp itself
    if unreadable)."""
    return shown_stamp(stamp)
