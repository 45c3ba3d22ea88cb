"""The report detail's "Onderliggende gegevens" tab: officers add a file (a text note) and it is
listed; the service's refusals (too large, missing file, issued without a correction) show as
sentences; the inspection history of an issued report lists a finished inspection and saves its
record as a PDF; signers see the tab without the add button; liaisons do not get it."""

from __future__ import annotations

import datetime as dt
import os
import stat
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QDate
from PySide6.QtWidgets import QApplication

from desktop_app.domain.classification import Classification
from desktop_app.domain.evidence import MAX_ITEM_BYTES, EvidenceKind
from desktop_app.gui.inspection.page import InspectionRecordTableModel
from desktop_app.gui.reports import ReportsPage
from desktop_app.gui.reports.detail import ReportDetail
from desktop_app.gui.reports.evidence import AddEvidenceDialog, EvidenceTab, EvidenceTableModel
from desktop_app.services import evidence, inspections, reports
from tests.gui.gui_support import flush_deletes, section
from tests.services.test_inspection_service_support import (
    PASSWORDS,
    as_user,
    make_report,
    setup_staff,
)

NOTE_TEXT = "Gespreksverslag 12 oktober: betrokkene bevestigde het bezoek.\n"


@pytest.fixture
def staff(workspace: Any) -> Any:
    setup_staff(workspace)
    return workspace


@pytest.fixture
def open_detail(window_of: Callable[..., Any]) -> Iterator[Callable[[str, int], ReportDetail]]:
    """Sign in, open the report in the Ambtsberichten section and show the evidence tab."""

    def open_as(name: str, report_id: int) -> ReportDetail:
        page = section(window_of(name, PASSWORDS[name]), "reports", ReportsPage)
        page.open_report(report_id)
        detail = page.detail
        assert detail.report_id == report_id
        if detail.evidence is not None:
            detail.tabs.setCurrentWidget(detail.evidence)
        return detail

    yield open_as
    flush_deletes()


def _tab(detail: ReportDetail) -> EvidenceTab:
    assert detail.evidence is not None
    return detail.evidence


def _cells(model: Any, row: int) -> list[str]:
    return [str(model.data(model.index(row, c))) for c in range(model.columnCount())]


def _add(tab: EvidenceTab, path: Path, **fields: Any) -> AddEvidenceDialog:
    dialog = tab.open_add_dialog()
    assert dialog is not None and dialog.isVisible()
    dialog.set_file(path)
    if "title" in fields:
        dialog.title_edit.setText(fields["title"])
    if "source" in fields:
        dialog.source_edit.setPlainText(fields["source"])
    if "level" in fields:
        combo = dialog.classification_combo
        combo.setCurrentIndex(combo.findData(int(fields["level"])))
    if "date" in fields:
        dialog.has_date.setChecked(True)
        day = fields["date"]
        dialog.date_edit.setDate(QDate(day.year, day.month, day.day))
    dialog.ok_button.click()
    return dialog


def test_officer_adds_a_text_note_and_it_is_listed(
    open_detail: Any, staff: Any, tmp_path: Path
) -> None:
    rid = int(make_report(staff, until="signed"))
    detail = open_detail("officier", rid)
    tab = _tab(detail)
    assert tab.isVisible()
    assert tab.items_model.rowCount() == 0
    assert tab.add_button.isVisible() and tab.add_button.isEnabled()

    note = tmp_path / "gespreksverslag.txt"
    note.write_text(NOTE_TEXT, encoding="utf-8")
    dialog = _add(
        tab,
        note,
        source="Gesprek met bron K., betrouwbaar",
        level=Classification.STG_GEHEIM,
        date=dt.date(2026, 10, 12),
    )
    assert not dialog.isVisible()  # accepted
    flush_deletes()

    assert tab.items_model.rowCount() == 1
    cells = _cells(tab.items_model, 0)
    assert cells[EvidenceTableModel.COL_TITLE] == "gespreksverslag"  # taken from the file name
    assert cells[EvidenceTableModel.COL_KIND] == "tekstnotitie"
    assert cells[EvidenceTableModel.COL_CLASSIFICATION] == Classification.STG_GEHEIM.marking
    assert cells[EvidenceTableModel.COL_SIZE] == f"{len(NOTE_TEXT.encode())} bytes"
    assert cells[EvidenceTableModel.COL_SOURCE] == "Gesprek met bron K., betrouwbaar"
    assert cells[EvidenceTableModel.COL_DATA_DATE] == "12-10-2026"
    assert "officier" in cells[EvidenceTableModel.COL_ADDED]
    assert "gespreksverslag" in tab.status_line.text()
    assert "(1)" in tab.items_label.text()

    # The service stored exactly that.
    with as_user(staff, "officier") as s:
        (item,) = evidence.list_evidence(s, rid)
    assert item.kind is EvidenceKind.TEXT
    assert item.classification is Classification.STG_GEHEIM
    assert item.data_date == dt.date(2026, 10, 12)


def test_refusals_show_as_sentences_in_the_dialog(
    open_detail: Any, staff: Any, tmp_path: Path
) -> None:
    rid = int(make_report(staff, until="draft"))
    tab = _tab(open_detail("officier", rid))

    huge = tmp_path / "groot.bin"
    with huge.open("wb") as fh:  # sparse: the size is checked before a byte is read
        fh.truncate(MAX_ITEM_BYTES + 1)
    dialog = _add(tab, huge, title="Te groot")
    assert dialog.isVisible()
    assert dialog.error_label.isVisibleTo(dialog)
    assert "100 MB" in dialog.error_label.text()
    dialog.close()
    flush_deletes()

    dialog = _add(tab, tmp_path / "bestaat-niet.txt", title="Weg")
    assert dialog.isVisible()
    assert "bestaat niet" in dialog.error_label.text()
    dialog.reject()
    flush_deletes()

    dialog = tab.open_add_dialog()
    assert dialog is not None
    dialog.ok_button.click()  # no file chosen: the form itself says so
    assert "Kies het bestand" in dialog.error_label.text()
    dialog.reject()
    flush_deletes()
    assert tab.items_model.rowCount() == 0
    os.unlink(huge)


def test_issued_report_needs_a_correction_before_adding(
    open_detail: Any, staff: Any, tmp_path: Path
) -> None:
    rid = int(make_report(staff, until="issued"))
    tab = _tab(open_detail("officier", rid))
    assert not tab.add_button.isEnabled()
    assert "correctie" in tab.items_hint.text()

    with as_user(staff, "officier") as s:
        reports.record_correction(s, rid, "Het jaartal in bevinding 1 is onjuist.")
    detail = open_detail("officier", rid)
    tab = _tab(detail)
    assert tab.add_button.isEnabled()
    note = tmp_path / "correctie.txt"
    note.write_text("Het juiste jaartal is 2023.\n", encoding="utf-8")
    dialog = tab.open_add_dialog()
    assert dialog is not None and dialog.correction_combo is not None
    assert dialog.correction_combo.count() == 1
    dialog.set_file(note)
    dialog.ok_button.click()
    assert not dialog.isVisible()
    assert tab.items_model.rowCount() == 1
    assert "correctie" in _cells(tab.items_model, 0)[EvidenceTableModel.COL_ADDED]


def test_history_shows_a_finished_inspection_and_saves_its_record(
    open_detail: Any, staff: Any, clock: Any, tmp_path: Path
) -> None:
    rid = make_report(staff, until="signed", liaison="tweede")
    with as_user(staff, "officier") as s:
        item = evidence.add_evidence(
            s,
            rid,
            source=NOTE_TEXT.encode(),
            title="Gespreksverslag",
            classification=Classification.DEP_VERTROUWELIJK,
        )
    with as_user(staff, "tekenaar") as s:
        reports.issue_report(s, rid, proof=s.sign_in_proof())
    with as_user(staff, "inspecteur") as s:
        started = inspections.start_inspection(s, rid)
        inspections.open_item(s, started.id, item.id)
        clock.advance(dt.timedelta(minutes=2, seconds=5))
        inspections.end_inspection(s, started.id, "Geen bijzonderheden.")

    for name in ("officier", "tekenaar"):
        tab = _tab(open_detail(name, int(rid)))
        assert tab.history_model.rowCount() == 1, name
        cells = _cells(tab.history_model, 0)
        assert cells[InspectionRecordTableModel.COL_INSPECTOR] == "Ivo Inspecteur (inspecteur)"
        assert cells[InspectionRecordTableModel.COL_VIEWED] == "1 van 1: Gespreksverslag"
        assert cells[InspectionRecordTableModel.COL_DURATION] == "2 min 05 s"
        assert cells[InspectionRecordTableModel.COL_ENDED] != "–"
        assert "(1)" in tab.history_label.text()

    # The signer sees the items but cannot add any.
    assert tab.items_model.rowCount() == 1
    assert not tab.add_button.isVisible()

    tab.history_table.selectRow(0)
    assert tab.save_pdf_button.isEnabled()
    assert "Gespreksverslag" in tab.history_details.text()
    target = tmp_path / "verslag.pdf"
    tab.save_record_pdf(int(started.id), target)
    assert target.read_bytes().startswith(b"%PDF")
    assert stat.S_IMODE(target.stat().st_mode) == 0o600


def test_liaison_gets_no_evidence_tab(open_detail: Any, staff: Any) -> None:
    rid = int(make_report(staff, until="in_review"))
    detail = open_detail("tweede", rid)
    assert detail.evidence is None
    assert not any(isinstance(w, EvidenceTab) for w in QApplication.allWidgets())


def test_the_tab_loads_only_when_shown(open_detail: Any, staff: Any) -> None:
    """Listing is audited: clicking through reports must not list their data."""
    rid = int(make_report(staff, until="draft"))
    detail = open_detail("officier", rid)
    detail.tabs.setCurrentIndex(ReportDetail.TAB_TEXT)
    with as_user(staff, "beheer") as s, s.reading() as conn:
        before = conn.execute(
            "SELECT count(*) FROM audit WHERE action = 'evidence.list'"
        ).fetchone()[0]
    detail.load(rid)
    with as_user(staff, "beheer") as s, s.reading() as conn:
        after = conn.execute(
            "SELECT count(*) FROM audit WHERE action = 'evidence.list'"
        ).fetchone()[0]
    assert after == before
    assert detail.evidence is not None
    detail.tabs.setCurrentWidget(detail.evidence)
    with as_user(staff, "beheer") as s, s.reading() as conn:
        shown = conn.execute(
            "SELECT count(*) FROM audit WHERE action = 'evidence.list'"
        ).fetchone()[0]
    assert shown == after + 1
