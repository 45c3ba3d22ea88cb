""" "Opslaan als nieuwe versie" is one use case: the new text and the new classification are
stored in one transaction with one audit entry, or (on any refusal) neither is."""

from __future__ import annotations

import json

import pytest
from support.helpers import one_audit_entry

from desktop_app.domain.classification import Classification
from desktop_app.domain.errors import Forbidden, InvalidInput, InvalidState
from desktop_app.domain.reports import ReportStatus
from desktop_app.services import reports
from tests.services.test_reports_workflow import (  # noqa: F401
    TEXT_V1,
    TEXT_V2,
    Staff,
    draft,
    refused,
    staff,
    to_usable,
)

LOW = Classification.DEP_VERTROUWELIJK


def test_text_and_classification_in_one_entry(staff: Staff) -> None:  # noqa: F811
    off = staff["officier"]
    r = draft(staff)
    saved, entry = one_audit_entry(
        off,
        lambda: reports.save_version(off, r.id, text=TEXT_V2, classification=LOW),
        "report.revise",
    )
    details = json.loads(entry.details)
    assert (details["version"], details["from"], details["to"]) == (
        2,
        "stg_confidentieel",
        "dep_vertrouwelijk",
    )
    assert (saved.report.version, saved.report.classification) == (2, LOW)
    view = reports.get_report(off, r.id)
    assert view.text == TEXT_V2 and view.report.status is ReportStatus.DRAFT
    assert [e.kind.value for e in view.history][-2:] == ["revise", "set_classification"]


def test_only_the_classification(staff: Staff) -> None:  # noqa: F811
    off = staff["officier"]
    r = draft(staff)
    saved, _entry = one_audit_entry(
        off,
        lambda: reports.save_version(off, r.id, text=TEXT_V1, classification=LOW),
        "report.classify",
    )
    assert (saved.report.version, saved.report.classification) == (1, LOW)


def test_only_the_text(staff: Staff) -> None:  # noqa: F811
    off = staff["officier"]
    r = draft(staff)
    saved = reports.save_version(off, r.id, text=TEXT_V2, classification=r.classification)
    assert (saved.report.version, saved.report.classification) == (2, r.classification)


def test_nothing_changed_is_refused(staff: Staff) -> None:  # noqa: F811
    off = staff["officier"]
    r = draft(staff)
    refused(off, lambda: reports.save_version(off, r.id, text=TEXT_V1), InvalidInput)


def test_a_refused_level_keeps_the_text_too(staff: Staff) -> None:  # noqa: F811
    """A usable report may be revised but its level is the signer's: before, the text was
    saved and the level refused; now neither."""
    off = staff["officier"]
    r = to_usable(staff)
    refused(
        off,
        lambda: reports.save_version(off, r.id, text=TEXT_V2, classification=LOW),
        InvalidState,
    )
    assert reports.get_report(off, r.id).report.version == 1


def test_above_own_clearance_keeps_the_text_too(staff: Staff) -> None:  # noqa: F811
    off = staff["officier"]
    r = draft(staff)
    with pytest.raises(Forbidden):
        reports.save_version(off, r.id, text=TEXT_V2, classification=Classification.STG_ZEER_GEHEIM)
    assert reports.get_report(off, r.id).report.version == 1
