"""Issue 14 in the window (pytest-qt, offscreen): the print dialog's distribution list and its
default number of copies, the per-report print register view, the editor's classification
duration saved with the version, the subject of a spontaneous report, the missing duration of
a signed report recorded from the detail, and the evidence dialog's duration."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path
from typing import Any

import pypdf
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from desktop_app.domain.classification import Classification, ClassificationDuration
from desktop_app.gui.marking import UNTIL_DATE, UNTIL_EVENT, DurationField
from desktop_app.gui.printing import PrintPreviewDialog, PrintRegisterDialog
from desktop_app.gui.reports.evidence import AddEvidenceDialog
from desktop_app.gui.tasks import TaskRunner
from desktop_app.services import marking, printing, reports, settings
from tests.gui import test_reports_workflow
from tests.gui.gui_support import PASSWORDS
from tests.gui.test_reports_workflow import TEXT, _fill_new_report
from tests.services.test_printing_support import (
    SIGNER_FULL_NAME,
    SUBJECT,
    make_report,
    nfkc,
    password,
    raw_rows,
    ws_with_print_staff,  # noqa: F401
)

# The report window's tests sign in through the workflow tests' fixture; ``staff`` is conftest's
# (the officer, the signer and the liaison).
as_user = test_reports_workflow.as_user


def _texts(pdf: bytes) -> list[str]:
    return [nfkc(p.extract_text()) for p in pypdf.PdfReader(io.BytesIO(pdf)).pages]


# --- the print dialog and the register ---------------------------------------------------------


def test_the_print_dialog_takes_a_recipient_per_copy(qtbot: Any, ws: Any, tmp_path: Path) -> None:
    rid = make_report(ws, upto="signed")
    with ws.session("beheer", password("beheer")) as admin:
        settings.change(admin, "default_copies", 2)
    with ws.session("tekenaar", password("tekenaar")) as session:
        dialog = PrintPreviewDialog(None, session, rid, runner=TaskRunner(synchronous=True))
        qtbot.addWidget(dialog)
        # The setting's default: two copies, a row for each, numbered as they will print.
        assert dialog.copies_spin.value() == 2
        assert dialog.recipients_table.rowCount() == 2
        assert dialog.recipients_table.item(1, 0).text() == "2"
        dialog.set_recipients(["Hoofddirecteur IND", "Archief AIVD", "IND Veiligheid"])
        assert dialog.copies_spin.value() == 3 and dialog.recipients_table.rowCount() == 3
        with qtbot.waitSignal(dialog.printed, timeout=10_000) as signal:
            dialog.save_to(tmp_path / "uit")
        job = signal.args[0]
        assert [c.recipient for c in job.copies] == [
            "Hoofddirecteur IND",
            "Archief AIVD",
            "IND Veiligheid",
        ]
        assert "voor: Archief AIVD" in _texts(job.copies[1].pdf)[0]
        # The next job numbers on: its rows start at 4, empty.
        assert dialog.recipients_table.item(0, 0).text() == "4"
        assert dialog.recipients() == ["", "", ""]
        # Partly filled: the service's sentence, nothing printed.
        dialog.set_recipients(["Hoofddirecteur IND", ""])
        dialog.save_to(tmp_path / "nog")
        assert "Ontvanger 2 is leeg" in dialog.status_label.text()
        register = dialog.open_register()
        assert isinstance(register, PrintRegisterDialog)
        qtbot.addWidget(register)
        assert register.table.rowCount() == 3
        assert register.table.item(1, 0).text() == "2 van 3"
        assert register.table.item(1, 1).text() == "Archief AIVD"
        register.close()
        dialog.close()
    assert raw_rows(ws, "SELECT recipient FROM print_copies ORDER BY id") == [
        ("Hoofddirecteur IND",),
        ("Archief AIVD",),
        ("IND Veiligheid",),
    ]


def test_the_register_view_shows_every_copy_and_says_what_is_not_recorded(
    qtbot: Any, ws: Any, tmp_path: Path
) -> None:
    rid = make_report(ws, upto="signed")
    with ws.session("tekenaar", password("tekenaar")) as session:
        printing.print_report(session, rid, copies=1, out_dir=tmp_path / "a")
        printing.print_report(session, rid, recipients=["Archief AIVD"], out_dir=tmp_path / "b")
        view = PrintRegisterDialog(None, session, rid, runner=TaskRunner(synchronous=True))
        qtbot.addWidget(view)
        cells = [
            [view.table.item(r, c).text() for c in range(view.table.columnCount())]
            for r in range(view.table.rowCount())
        ]
        assert view.close_button.isDefault() and not view.refresh_button.isDefault()
        view.close()
    assert [row[:2] for row in cells] == [
        ["1 van 1", "niet vastgelegd"],
        ["2 van 2", "Archief AIVD"],
    ]
    assert all(row[3] == SIGNER_FULL_NAME for row in cells)  # the person, not the account
    assert "Afdrukregister van" in view.heading.text()


def test_no_register_for_someone_without_the_print_role(qtbot: Any, ws: Any) -> None:
    rid = make_report(ws, upto="signed")
    with ws.session("liaison", password("liaison")) as session:
        view = PrintRegisterDialog(None, session, rid, runner=TaskRunner(synchronous=True))
        qtbot.addWidget(view)
        assert view.table.rowCount() == 0 and "niet uitvoeren" in view.status_label.text()
        view.close()


# --- the report window -------------------------------------------------------------------------


def _boxes() -> list[str]:
    return [
        w.text()
        for w in QApplication.topLevelWidgets()
        if isinstance(w, QMessageBox) and w.isVisible()
    ]


def test_the_editor_saves_the_duration_with_the_version(
    as_user: Any, staff: Any, qtbot: Any
) -> None:
    page = as_user("officier")
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    detail = page.detail
    _fill_new_report(detail)
    field = detail.editor.duration_field
    assert isinstance(field, DurationField) and field.isEnabled()
    field.kind_combo.setCurrentIndex(UNTIL_EVENT)
    field.event_edit.setText("afronding van het onderzoek")
    qtbot.mouseClick(detail.save_button, Qt.MouseButton.LeftButton)
    assert not _boxes(), _boxes()
    view = detail.view
    assert view is not None and view.marking is not None
    assert view.marking.duration == ClassificationDuration(event="afronding van het onderzoek")
    assert "Rubriceringsduur: tot: afronding van het onderzoek" in detail.info_label.text()
    # Only the duration changes: saved as such (a date now), no new version.
    field.kind_combo.setCurrentIndex(UNTIL_DATE)
    field.date_edit.setDate(dt.date(2041, 3, 1))
    assert detail.dirty
    qtbot.mouseClick(detail.save_button, Qt.MouseButton.LeftButton)
    view = detail.view
    assert view is not None and view.version == 1 and view.marking is not None
    assert view.marking.duration == ClassificationDuration(until=dt.date(2041, 3, 1))
    # Unclassified: the field is off.
    index = detail.editor.classification_combo.findData(int(Classification.ONGERUBRICEERD))
    detail.editor.classification_combo.setCurrentIndex(index)
    assert not field.isEnabled()


def test_a_spontaneous_report_gets_its_subject_from_the_detail(
    as_user: Any, staff: Any, qtbot: Any
) -> None:
    with staff.session("officier", PASSWORDS["officier"]) as s:
        rid = int(reports.draft_report(s, text=TEXT).report.id)
    page = as_user("officier")
    page.detail.load(rid)
    detail = page.detail
    assert detail.subject_button.isVisibleTo(detail)
    assert "Betrokkene: niet vastgelegd" in detail.info_label.text()
    dialog = detail.open_subject_dialog()
    assert dialog is not None
    dialog.name_edit.setText("Olga Иванова")
    dialog.birth_edit.setDate(dt.date(1984, 6, 12))
    dialog.v_edit.setText("123")
    dialog._on_ok()
    assert dialog.error_label.isVisibleTo(dialog) and "V-nummer" in dialog.error_label.text()
    dialog.v_edit.setText("1234567890")
    dialog._on_ok()
    qtbot.waitUntil(lambda: "Olga Иванова" in detail.info_label.text())
    with staff.session("officier", PASSWORDS["officier"]) as s:
        shown = reports.get_report(s, rid).marking
    assert shown is not None and shown.subject is not None
    assert shown.subject.v_number == "1234567890"


def test_a_signed_report_without_a_duration_gets_one_from_the_detail(
    as_user: Any, staff: Any, qtbot: Any
) -> None:
    with staff.session("officier", PASSWORDS["officier"]) as s:
        rid = int(reports.draft_report(s, text=TEXT).report.id)
        marking.set_subject(s, rid, SUBJECT)
        reports.submit_report(s, rid)
    with staff.session("liaison", PASSWORDS["liaison"]) as s:
        reports.give_verdict(s, rid, usable=True)
    with staff.session("tekenaar", PASSWORDS["tekenaar"]) as s:
        reports.sign_report(s, rid, proof=s.sign_in_proof())
    page = as_user("tekenaar")
    page.detail.load(rid)
    detail = page.detail
    assert detail.view is not None and detail.view.marking is not None
    assert detail.view.marking.may_record_duration
    assert not detail.subject_button.isVisibleTo(detail)
    dialog = detail.open_duration_dialog()
    assert dialog is not None
    dialog.field.date_edit.setDate(dt.date(2045, 1, 1))
    dialog._on_ok()
    qtbot.waitUntil(
        lambda: (
            "31 december" not in detail.info_label.text() and "2045" in (detail.info_label.text())
        )
    )
    assert not detail.duration_button.isVisibleTo(detail)


def test_the_evidence_dialog_records_a_duration(qtbot: Any) -> None:
    today = dt.date(2026, 12, 2)
    dialog = AddEvidenceDialog(
        "AB-2026-000001", Classification.STG_GEHEIM, Classification.STG_GEHEIM, today
    )
    qtbot.addWidget(dialog)
    dialog.set_file(Path("/tmp/notitie.txt"))
    assert dialog.value().duration is not None and dialog.value().duration.empty  # type: ignore[union-attr]
    dialog.duration_field.kind_combo.setCurrentIndex(UNTIL_EVENT)
    dialog.duration_field.event_edit.setText("sluiting van het dossier")
    entry = dialog.value().duration  # type: ignore[union-attr]
    assert entry is not None and entry.event == "sluiting van het dossier"
    index = dialog.classification_combo.findData(int(Classification.ONGERUBRICEERD))
    dialog.classification_combo.setCurrentIndex(index)
    assert not dialog.duration_field.isEnabled()
    entry = dialog.value().duration  # type: ignore[union-attr]
    assert entry is not None and entry.empty
    dialog.close()


def test_the_verify_dialog_names_the_recipient(qtbot: Any, ws: Any, tmp_path: Path) -> None:
    from desktop_app.gui.printing import VerifyPdfDialog

    rid = make_report(ws, upto="signed")
    with ws.session("tekenaar", password("tekenaar")) as session:
        job = printing.print_report(
            session, rid, recipients=["Archief AIVD"], out_dir=tmp_path / "o"
        )
        dialog = VerifyPdfDialog(None, session, runner=TaskRunner(synchronous=True))
        qtbot.addWidget(dialog)
        dialog.verify_path(Path(job.files[0]))
        assert dialog.verdict is not None and dialog.verdict.valid
        assert "Voor: Archief AIVD" in dialog.details.text()
        dialog.close()
