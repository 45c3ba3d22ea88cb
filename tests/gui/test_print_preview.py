"""The print preview and the verify dialog (pytest-qt, offscreen): the preview renders from
memory (no file anywhere), printing sends signed, registered copies to a printer, saving writes
them, and the verify dialog tells valid from invalid with icon and text."""

from __future__ import annotations

import io
import tempfile
from pathlib import Path
from typing import Any

import pypdf
import pytest
from PySide6.QtCore import QDir
from PySide6.QtPrintSupport import QPrinter

from desktop_app.gui.printing import (
    PrintPreviewDialog,
    VerifyPdfDialog,
    open_print_preview,
    open_verify_dialog,
)
from desktop_app.gui.tasks import TaskRunner
from desktop_app.services import printing
from tests.services.test_printing_support import (
    make_report,
    password,
    raw_rows,
    tamper_one_byte,
    ws_with_print_staff,  # noqa: F401
)


def _listing(*roots: Path) -> set[str]:
    return {str(p) for root in roots for p in root.rglob("*")}


def _texts(pdf: bytes) -> list[str]:
    return [p.extract_text() for p in pypdf.PdfReader(io.BytesIO(pdf)).pages]


def test_preview_renders_in_memory_without_any_file(
    runner: Any, qtbot: Any, ws: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    rid = make_report(ws, upto="signed")
    scratch = tmp_path / "tmpdir"
    scratch.mkdir()
    monkeypatch.setenv("TMPDIR", str(scratch))
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))
    made: list[str] = []
    real_mkstemp = tempfile.mkstemp
    monkeypatch.setattr(
        tempfile, "mkstemp", lambda *a, **k: made.append("mkstemp") or real_mkstemp(*a, **k)
    )
    assert Path(QDir.tempPath()).resolve() == scratch.resolve()  # Qt's temp folder too
    with ws.session("tekenaar", password("tekenaar")) as session:
        before = _listing(ws.root, scratch)
        dialog = PrintPreviewDialog(None, session, rid, runner=runner)
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        assert dialog.page_count() > 0
        assert dialog.preview is not None and not dialog.preview.draft
        assert dialog.pages_label.text().startswith(str(dialog.page_count()))
        assert dialog.print_button.isEnabled() and dialog.save_button.isEnabled()
        assert dialog.copies_spin.isEnabled()
        # More copies: the preview is made again and shows "exemplaar 1 van 3".
        with qtbot.waitSignal(dialog.preview_ready, timeout=3000):
            dialog.copies_spin.setValue(3)
        assert "exemplaar 1 van 3" in _texts(dialog.preview.pdf)[0]
        assert _listing(ws.root, scratch) == before
        assert made == []
        dialog.close()
    assert raw_rows(ws, "SELECT id FROM print_copies") == []  # a preview prints nothing


def test_print_sends_each_signed_copy_to_the_printer(qtbot: Any, ws: Any, tmp_path: Path) -> None:
    rid = make_report(ws, upto="signed")
    with ws.session("tekenaar", password("tekenaar")) as session:
        dialog = PrintPreviewDialog(None, session, rid, runner=TaskRunner(synchronous=True))
        qtbot.addWidget(dialog)
        dialog.copies_spin.setValue(2)
        pages = dialog.page_count()
        printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        target = tmp_path / "printer.pdf"
        printer.setOutputFileName(str(target))
        with qtbot.waitSignal(dialog.printed, timeout=10_000) as signal:
            dialog.print_to(printer)
        job = signal.args[0]
        dialog.close()
    assert [c.number for c in job.copies] == [1, 2] and job.destination == "printer"
    rows = raw_rows(
        ws,
        "SELECT c.copy_number, j.copies, j.destination FROM print_copies c"
        " JOIN print_jobs j ON j.id = c.job_id ORDER BY c.id",
    )
    assert rows == [(1, 2, "printer"), (2, 2, "printer")]
    assert len(pypdf.PdfReader(target).pages) == 2 * pages
    assert "2 ondertekende exemplaren" in dialog.status_label.text()


def test_save_writes_signed_copies(
    runner: Any, qtbot: Any, ws: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    rid = make_report(ws, upto="signed")
    boxes: list[str] = []
    monkeypatch.setattr(
        "desktop_app.gui.printing.preview.show_info", lambda parent, text: boxes.append(text)
    )
    with ws.session("officier", password("officier")) as session:
        dialog = open_print_preview(None, session, rid, runner=runner)
        qtbot.addWidget(dialog)
        dialog.copies_spin.setValue(3)
        dialog.save_to(tmp_path / "uit")
        dialog.close()
    names = sorted(p.name for p in (tmp_path / "uit").iterdir())
    assert len(names) == 3 and names[1].endswith("exemplaar-2-van-3.pdf")
    assert boxes and "3 ondertekende exemplaren" in boxes[0]


def test_draft_preview_fixes_one_copy(runner: Any, qtbot: Any, ws: Any) -> None:
    rid = make_report(ws, upto="draft")
    with ws.session("officier", password("officier")) as session:
        dialog = PrintPreviewDialog(None, session, rid, runner=runner)
        qtbot.addWidget(dialog)
        assert dialog.preview is not None and dialog.preview.draft
        assert not dialog.copies_spin.isEnabled() and dialog.copies_spin.value() == 1
        assert "CONCEPT" in dialog.explanation.text()
        dialog.close()


def test_preview_refused_shows_the_sentence(runner: Any, qtbot: Any, ws: Any) -> None:
    rid = make_report(ws, upto="signed")
    with ws.session("liaison", password("liaison")) as session:
        dialog = PrintPreviewDialog(None, session, rid, runner=runner)
        qtbot.addWidget(dialog)
        assert dialog.preview is None and dialog.page_count() == 0
        assert not dialog.print_button.isEnabled() and not dialog.save_button.isEnabled()
        assert "niet uitvoeren" in dialog.status_label.text()
        dialog.close()


def test_verify_dialog_valid_and_tampered(runner: Any, qtbot: Any, ws: Any, tmp_path: Path) -> None:
    rid = make_report(ws, upto="signed")
    with ws.session("tekenaar", password("tekenaar")) as session:
        job = printing.print_report(session, rid, copies=1, out_dir=tmp_path / "o")
    good = Path(job.files[0])
    bad = tmp_path / "gewijzigd.pdf"
    bad.write_bytes(tamper_one_byte(good.read_bytes()))

    # Without a session: the public trust roots of the workspace folder.
    dialog = VerifyPdfDialog(
        None, None, data_dir=ws.root, clock=ws.env.clock, provider=ws.env.provider, runner=runner
    )
    qtbot.addWidget(dialog)
    dialog.verify_path(good)
    assert dialog.verdict is not None and dialog.verdict.valid
    assert dialog.headline.text() == "Geldig"
    assert not dialog.icon_label.pixmap().isNull()
    assert "niet gecontroleerd" in dialog.details.text()
    dialog.verify_path(bad)
    assert dialog.verdict is not None and not dialog.verdict.valid
    assert dialog.headline.text() == "Niet geldig"
    assert dialog.icon_label.accessibleName() == "Niet geldig"
    assert not dialog.icon_label.pixmap().isNull()
    dialog.close()

    # With a session: the register too.
    with ws.session("officier", password("officier")) as session:
        signed_in = open_verify_dialog(None, session, runner=runner)
        qtbot.addWidget(signed_in)
        signed_in.verify_path(good)
        assert signed_in.verdict is not None and signed_in.verdict.registered is True
        assert "geregistreerd" in signed_in.details.text()
        signed_in.verify_path(tmp_path / "weg.pdf")
        assert signed_in.headline.text() == "Niet geldig"
        signed_in.close()


def test_after_a_job_the_preview_shows_the_next_copy_and_says_one_copy_in_the_singular(
    qtbot: Any, ws: Any, tmp_path: Path
) -> None:
    """Seen under Xvfb: after printing copies 1 and 2 the dialog still said 'Voorbeeld van
    exemplaar 1 van 2' over a page numbered 1, and one copy was '1 ondertekende exemplaren'."""
    rid = make_report(ws, upto="signed")
    with ws.session("tekenaar", password("tekenaar")) as session:
        dialog = PrintPreviewDialog(None, session, rid, runner=TaskRunner(synchronous=True))
        qtbot.addWidget(dialog)
        dialog.copies_spin.setValue(2)
        printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(tmp_path / "eerste.pdf"))
        with qtbot.waitSignal(dialog.preview_ready, timeout=10_000):
            dialog.print_to(printer)
        assert "exemplaar 3 van 4" in dialog.explanation.text()
        assert dialog.preview is not None
        assert "exemplaar 3 van 4" in _texts(dialog.preview.pdf)[0]
        assert "2 ondertekende exemplaren" in dialog.status_label.text()  # kept over the render
        with qtbot.waitSignal(dialog.preview_ready, timeout=10_000):
            dialog.copies_spin.setValue(1)
        printer.setOutputFileName(str(tmp_path / "tweede.pdf"))
        with qtbot.waitSignal(dialog.preview_ready, timeout=10_000):
            dialog.print_to(printer)
        status, pages = dialog.status_label.text(), dialog.page_count()
        dialog.close()
    assert "1 ondertekend exemplaar van" in status, status
    sent = "1 pagina naar" if pages == 1 else f"{pages} pagina's naar"
    assert sent in status, status
