"""Unsaved work kept at the lock: what it belongs to, and what a draft may hold.

A draft is what someone had typed but not saved when the workplace locked (Ctrl+L or idle):
the text of the report in the editor, its classification, where the cursor stood. It waits,
encrypted in the workspace, for the same person to sign in again; nobody else ever reads it.
It is classified content: keeping or taking one is audited with its key only, never the text.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from desktop_app.domain.errors import InvalidInput

# What a draft belongs to: a saved report, a report not saved yet (spontaneous or for a
# request), or an open dialog of the window (its own key, optionally with an object id).
_KEY = re.compile(
    r"(report:[1-9][0-9]{0,17}|new-report(:request:[1-9][0-9]{0,17})?|"
    r"dialog:[a-z][a-z0-9_.-]{0,63}(:[1-9][0-9]{0,17})?)"
)
# Generous (a long ambtsbericht is some 100 kB), but bounded: the lock must stay quick.
MAX_CONTENT_CHARS = 4_000_000

NEW_REPORT = "new-report"


def report_key(report_id: int) -> str:
    return f"report:{int(report_id)}"


def new_report_key(request_id: int | None) -> str:
    return NEW_REPORT if request_id is None else f"{NEW_REPORT}:request:{int(request_id)}"


# Which record an open dialog's draft is about, by the dialog's name (its key is
# "dialog:<name>:<id>"): destruction of that record (Archiefwet) takes these drafts along, since
# they may hold its personal data. A dialog about no record of a retention kind maps to None.
# Every dialog of the window that keeps drafts is named here (a GUI test walks them).
DIALOG_SUBJECTS: Mapping[str, str | None] = {
    # about a request
    "delay-notice": "request",
    "close-request": "request",
    # about a report
    "annotate": "report",
    "verdict-usable": "report",
    "verdict-change": "report",
    "withdraw-submission": "report",
    "send-back": "report",
    "edit-remark": "report",
    "handle-remark": "report",
    "report-subject": "report",
    "report-duration": "report",
    "report-evidence": "report",
    "report-sign": "report",
    # about nothing destroyed with a record (or nothing yet: a request being registered)
    "register-request": None,
    "add-provision": None,
    "calendar-day": None,
    "add-user": None,
    "edit-user": None,
    "add-designation": None,
    "end-designation": None,
    "revoke-designation": None,
    "retention-period": None,
    "retention-hold": None,
    "retention-release": None,
    "covenant-amendment": None,
    "covenant-decision": None,
    "covenant-termination": None,
    "covenant-annex": None,
    "covenant-plan": None,
    "covenant-revise": None,
    "covenant-approve": None,
    "covenant-withdraw": None,
    "add-consultation": None,
}
_ABOUT = re.compile(
    r"(?:(?P<kind>report|request):(?P<id>[0-9]+)(?::.*)?"
    r"|new-report:request:(?P<new>[0-9]+)"
    r"|dialog:(?P<dialog>[a-z][a-z0-9_.-]*):(?P<did>[0-9]+))"
)


def about(belongs_to: str) -> tuple[str, int] | None:
    """The record (kind, id) a draft key is about, or None."""
    m = _ABOUT.fullmatch(belongs_to)
    if m is None:
        return None
    if m["kind"]:
        return m["kind"], int(m["id"])
    if m["new"]:
        return "request", int(m["new"])
    kind = DIALOG_SUBJECTS.get(m["dialog"])
    return None if kind is None else (kind, int(m["did"]))


def check_key(belongs_to: str) -> str:
    if not isinstance(belongs_to, str) or not _KEY.fullmatch(belongs_to):
        raise InvalidInput("Onbekend soort concept.", field="belongs_to")
    return belongs_to


@dataclass(frozen=True)
class Draft:
    """``content`` is the window's own JSON-able description of the unsaved state."""

    belongs_to: str
    content: Mapping[str, Any] = field(default_factory=dict)
    saved_at: str = ""


def encode(content: Mapping[str, Any]) -> str:
    """The stored form. ASCII escapes keep any typed character storable (a lone surrogate
    pasted in must not make the lock lose the whole draft)."""
    if not isinstance(content, Mapping):
        raise InvalidInput("Een concept is een beschrijving met velden.", field="content")
    try:
        text = json.dumps(dict(content), ensure_ascii=True, sort_keys=True, allow_nan=False)
    except (TypeError, ValueError):
        raise InvalidInput("Dit concept kan niet worden bewaard.", field="content") from None
    if len(text) > MAX_CONTENT_CHARS:
        raise InvalidInput("Dit concept is te groot om te bewaren.", field="content")
    return text


def decode(text: str) -> dict[str, Any]:
    value = json.loads(text)
    if not isinstance(value, dict):
        raise InvalidInput("Dit concept is onleesbaar.", field="content")
    return value
