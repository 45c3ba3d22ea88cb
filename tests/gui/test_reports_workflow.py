"""The Ambtsberichten page: drafting in the structured editor, the old-data warning, the
liaison's annotations (UTF-16 offsets included) and verdict, four-eyes signing, issuing, the
side-by-side comparison, outdated annotations, and the lock."""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor, QTextDocument
from PySide6.QtWidgets import QApplication, QMessageBox
from support.helpers import report_at

from desktop_app.domain.classification import Classification
from desktop_app.domain.report_content import Reliability
from desktop_app.domain.reports import ReportStatus, WorkList
from desktop_app.domain.roles import Role
from desktop_app.domain.textdiff import OpTag
from desktop_app.gui.reports import ReportsPage
from desktop_app.gui.reports.detail import ReportDetail
from desktop_app.gui.reports.models import ReportTableModel
from desktop_app.services import reports, users
from tests.gui.gui_support import (
    PASSWORDS,
    add_users,
    all_texts,
    flush_deletes,
    section,
    sign_with_password,
)
from tests.support.sample_text import TWO_FINDINGS_TEXT as TEXT


@pytest.fixture
def staff(workspace: Any) -> Any:
    add_users(workspace, "officier", "tekenaar", "liaison")
    with workspace.session() as admin:
        users.add_user(
            admin,
            name="dubbel",
            password="dubbel-wachtwoord",
            roles=[Role.AIVD_OFFICER, Role.AIVD_SIGNER],
            full_name="Dirk Dubbel",
            clearance=Classification.STG_GEHEIM,
            initial_password=False,
        )
    PASSWORDS.setdefault("dubbel", "dubbel-wachtwoord")
    return workspace


@pytest.fixture
def as_user(window_of: Callable[..., Any]) -> Callable[[str], ReportsPage]:
    """Sign in (signing out whoever is in) and open the Ambtsberichten section."""

    def switch(name: str) -> ReportsPage:
        return section(window_of(name), "reports", ReportsPage)

    return switch


def _service(workspace: Any, name: str) -> Any:
    return workspace.session(name, PASSWORDS[name])


def _boxes() -> list[QMessageBox]:
    return [
        w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()
    ]


def _all_boxes() -> list[QMessageBox]:
    return [w for w in QApplication.allWidgets() if isinstance(w, QMessageBox) and w.isVisible()]


def _fill_new_report(detail: ReportDetail, *, data_date: dt.date | None = None) -> None:
    editor = detail.editor
    editor.subject_edit.setText("Betrokkene B")
    editor.occasion_edit.setPlainText("Verzoek van de IND van 1 november.")
    first = editor.findings[0]
    first.text_edit.setPlainText("Betrokkene verbleef in 2019 in het buitenland.")
    first.set_reliability(Reliability.RELIABLE)
    first.set_data_date(data_date)
    second = editor.add_finding()
    second.text_edit.setPlainText("Betrokkene onderhield contacten met een organisatie.")
    second.source_edit.setText("DOC-17")
    editor.conclusion_edit.setPlainText("Geen bezwaar bekend.")


def _select(detail: ReportDetail, quote: str, occurrence: int = 0) -> None:
    """Select a passage as a person would: found in Qt's document (Qt positions)."""
    doc = detail.reader.document()
    cursor = QTextCursor(doc)
    for _ in range(occurrence + 1):
        cursor = doc.find(quote, cursor, QTextDocument.FindFlag.FindCaseSensitively)
        assert not cursor.isNull(), f"{quote!r} not in the text"
    detail.reader.setTextCursor(cursor)


def _draft(workspace: Any, text: str = TEXT, who: str = "officier") -> int:
    with _service(workspace, who) as s:
        return int(reports.draft_report(s, text=text).report.id)


# --- drafting -----------------------------------------------------------------------------------


def test_officer_drafts_in_the_editor_and_version_1_is_in_my_drafts(
    as_user: Any, qtbot: Any
) -> None:
    page = as_user("officier")
    assert page.list_tabs.tabText(0).startswith("Mijn concepten")
    assert page.rows_of(WorkList.MY_DRAFTS) == []
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    detail = page.detail
    assert detail.text_stack.currentWidget() is detail.editor
    assert detail.save_button.isEnabled() and not detail.submit_button.isEnabled()
    _fill_new_report(detail)
    assert detail.editor.problem is None
    qtbot.mouseClick(detail.save_button, Qt.MouseButton.LeftButton)
    assert not _boxes(), [b.text() for b in _boxes()]

    rows = page.rows_of(WorkList.MY_DRAFTS)
    assert len(rows) == 1
    model = page.models[WorkList.MY_DRAFTS]
    assert model.index(0, ReportTableModel.COL_TITLE).data() == "Betrokkene B"
    assert model.index(0, ReportTableModel.COL_VERSION).data() == "1"
    assert model.index(0, ReportTableModel.COL_STATUS).data() == "concept"
    assert model.index(0, ReportTableModel.COL_CLASSIFICATION).data() == "STG. CONFIDENTIEEL"
    assert page.list_tabs.tabText(0) == "Mijn concepten (1)"
    # The stored version is the rendered structure: the editor reloads it as structure.
    view = detail.view
    assert view is not None and view.version == 1 and view.content is not None
    assert [f.source_reference for f in view.content.findings] == [None, "DOC-17"]
    assert detail.text_stack.currentWidget() is detail.editor
    assert detail.editor.findings[1].source_edit.text() == "DOC-17"
    assert detail.submit_button.isEnabled()
    # A change makes a new version; the list follows.
    detail.editor.conclusion_edit.setPlainText("Er zijn aanwijzingen voor een bezwaar.")
    assert detail.dirty and not detail.submit_button.isEnabled()  # save first
    qtbot.mouseClick(detail.save_button, Qt.MouseButton.LeftButton)
    assert page.models[WorkList.MY_DRAFTS].index(0, ReportTableModel.COL_VERSION).data() == "2"


def test_incomplete_report_is_refused_with_a_sentence_and_nothing_stored(
    as_user: Any, staff: Any
) -> None:
    page = as_user("officier")
    page.start_new_report()
    detail = page.detail
    detail.editor.subject_edit.setText("Betrokkene C")
    detail.editor.findings[0].text_edit.setPlainText("Een bevinding zonder bron.")
    assert "geen betrouwbaarheid en geen bronverwijzing" in (detail.editor.problem or "")
    assert detail.editor.problem_label.isVisibleTo(detail.editor)
    detail.save()
    texts = [b.text() for b in _boxes()]
    assert any("Bevinding 1 vermeldt geen betrouwbaarheid" in t for t in texts)
    assert page.rows_of(WorkList.MY_DRAFTS) == []


def test_old_data_and_unknown_reliability_warn_beside_the_finding(as_user: Any, clock: Any) -> None:
    page = as_user("officier")
    page.start_new_report()
    detail = page.detail
    today = clock.now().date()
    old = today.replace(year=today.year - 11)
    _fill_new_report(detail, data_date=old)
    first, second = detail.editor.findings
    assert first.warning.isVisibleTo(first)
    assert "ouder dan 10 jaar" in first.warning.label.text()
    assert first.warning.label.text().startswith("⚠")  # a sign, not colour alone
    assert first.warning.icon.pixmap() is not None and not first.warning.icon.pixmap().isNull()
    assert not second.warning.isVisibleTo(second)
    # Warnings show while the rest of the form is still incomplete.
    detail.editor.subject_edit.clear()
    assert detail.editor.problem is not None
    assert "ouder dan 10 jaar" in first.warning.label.text()
    second.set_reliability(Reliability.UNKNOWN)
    assert "niet vast te stellen" in second.warning.label.text()
    # Data of nine years ago: no warning.
    first.set_data_date(today.replace(year=today.year - 9))
    assert not first.warning.isVisibleTo(first)
    # The author may keep a warned finding: it is saved, with the age stated in the text.
    detail.editor.subject_edit.setText("Betrokkene B")
    first.set_data_date(old)
    detail.save()
    assert not _boxes()
    assert detail.view is not None and f"Datum gegevens: {old.isoformat()}" in detail.view.text
    assert detail.last_saved is not None and len(detail.last_saved.warnings) == 2


def test_free_text_opens_in_the_plain_editor(as_user: Any, staff: Any) -> None:
    rid = _draft(staff, "Vrije tekst zonder opbouw.\nTweede regel.\n")
    page = as_user("officier")
    page.open_report(rid)
    detail = page.detail
    assert detail.text_stack.currentWidget() is detail.plain_editor
    assert detail.plain_editor.text() == "Vrije tekst zonder opbouw.\nTweede regel.\n"
    detail.plain_editor.edit.setPlainText("Vrije tekst, herzien.\n")
    assert detail.save_button.isEnabled()
    detail.save()
    assert detail.view is not None and detail.view.version == 2
    assert detail.view.text == "Vrije tekst, herzien.\n"
    # Issue 14: a free text is saved and printed as CONCEPT, but not submitted; the button
    # says why (the sentence of the use case).
    assert detail.submit_button.isVisible() and not detail.submit_button.isEnabled()
    assert "niet in de vaste vorm" in detail.submit_button.toolTip()


# --- the whole way ------------------------------------------------------------------------------


def test_draft_submit_annotate_verdict_sign_issue(
    as_user: Any, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = as_user("officier")
    page.start_new_report()
    _fill_new_report(page.detail)
    page.detail.save()
    assert page.detail.view is not None
    rid = int(page.detail.view.report.id)
    # The officer cannot sign (role): the button is not there at all.
    assert not page.detail.sign_button.isVisibleTo(page.detail)
    qtbot.mouseClick(page.detail.submit_button, Qt.MouseButton.LeftButton)
    assert page.detail.view.report.status is ReportStatus.IN_REVIEW
    # In review the text is frozen: the officer reads, no longer edits.
    assert page.detail.text_stack.currentWidget() is page.detail.reader
    assert not page.detail.save_button.isEnabled()

    page = as_user("liaison")
    assert [int(r.id) for r in page.rows_of(WorkList.AWAITING_MY_REVIEW)] == [rid]
    page.tables[WorkList.AWAITING_MY_REVIEW].selectRow(0)
    detail = page.detail
    assert detail.report_id == rid
    assert detail.text_stack.currentWidget() is detail.reader
    assert detail.reader.isReadOnly()
    assert not detail.annotate_button.isEnabled()  # nothing selected yet
    quote = "in het buitenland"
    _select(detail, quote)
    assert detail.annotate_button.isEnabled()
    qtbot.mouseClick(detail.annotate_button, Qt.MouseButton.LeftButton)
    dialog = next(
        w
        for w in QApplication.topLevelWidgets()
        if w.objectName() == "" and getattr(w, "quote_label", None) is not None and w.isVisible()
    )
    assert quote in dialog.quote_label.text()
    dialog.comment_edit.setPlainText("Welk land?")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert not _boxes()
    # Listed beside the text and highlighted in it (background and underline).
    assert any("Welk land?" in t and quote in t for t in detail.annotations.texts())
    assert any("— Lotte Liaison, " in t for t in detail.annotations.texts())
    selections = detail.reader.extraSelections()
    assert [s.cursor.selectedText() for s in selections] == [quote]
    fmt = selections[0].format
    assert fmt.background().style() != Qt.BrushStyle.NoBrush
    assert fmt.underlineStyle() != fmt.UnderlineStyle.NoUnderline
    stored = detail.view.annotations[0] if detail.view else None
    assert stored is not None and detail.view is not None
    assert detail.view.text[stored.start : stored.end] == quote

    dialog = detail.open_verdict_dialog(True)
    assert dialog is not None
    dialog.comment_edit.setPlainText("Goed onderbouwd.")
    dialog.ok_button.click()
    assert detail.view.report.status is ReportStatus.USABLE
    assert page.rows_of(WorkList.AWAITING_MY_REVIEW) == []

    page = as_user("tekenaar")
    assert [int(r.id) for r in page.rows_of(WorkList.AWAITING_MY_SIGNATURE)] == [rid]
    page.open_report(rid)
    detail = page.detail
    assert detail.sign_button.isVisible() and detail.sign_button.isEnabled()
    assert not detail.issue_button.isEnabled()
    sign = detail.open_sign_dialog()
    assert sign is not None
    combo = sign.classification_combo
    assert combo.currentText() == "STG. CONFIDENTIEEL"  # the current level is offered
    combo.setCurrentIndex(combo.findData(int(Classification.STG_GEHEIM)))
    # Signing asks for the password again (issue 12).
    view = sign_with_password(detail, sign, PASSWORDS["tekenaar"])
    assert view.report.classification is Classification.STG_GEHEIM
    digest = hashlib.sha256(view.text.encode("utf-8")).hexdigest()
    assert view.report.text_sha256 == digest
    assert digest in detail.signature_label.text()
    # Prose names the person (full name), not the account.
    assert "Ondertekend door Teun Tekenaar op" in detail.signature_label.text()
    assert "tekenaar" not in detail.signature_label.text()
    # The result box: a short sentence, the digest under "Details" (QA at 1024x700).
    assert any(digest in b.detailedText() and digest not in b.text() for b in _all_boxes())
    for box in _all_boxes():
        box.close()
    assert [int(r.id) for r in page.rows_of(WorkList.READY_TO_ISSUE)] == [rid]

    issue = detail.open_issue_dialog()
    assert issue is not None
    assert issue.password_edit is not None
    issue.password_edit.setText(PASSWORDS["tekenaar"])
    issue.ok_button.click()
    assert detail.view is not None and detail.view.report.status is ReportStatus.ISSUED
    assert [int(r.id) for r in page.rows_of(WorkList.ISSUED)] == [rid]
    assert "Uitgebracht door Teun Tekenaar op" in detail.signature_label.text()
    history = [detail.history.item(i).text() for i in range(detail.history.count())]
    assert any("Olga Officier" in t for t in history)
    assert any("Lotte Liaison" in t and "bruikbaar" in t for t in history)
    assert not any(" officier " in t or " liaison " in t for t in history)
    assert not detail.sign_button.isEnabled() and not detail.issue_button.isEnabled()
    # Issued: the print preview (the print helper's) and a correction are offered.
    opened: list[tuple[Any, ...]] = []
    monkeypatch.setattr(
        "desktop_app.gui.reports.detail.open_print_preview",
        lambda *args, **kwargs: opened.append((*args, kwargs)),
    )
    assert detail.print_button.isVisible() and detail.print_button.isEnabled()
    qtbot.mouseClick(detail.print_button, Qt.MouseButton.LeftButton)
    assert len(opened) == 1
    parent, session, report_id, kwargs = opened[0]
    assert parent is detail and report_id == rid and session is detail.session
    assert kwargs == {"runner": detail.runner}
    assert detail.correct_button.isVisible()
    correction = detail.open_correction_dialog()
    assert correction is not None
    correction.comment_edit.setPlainText("Het jaartal in bevinding 1 moet 2018 zijn.")
    correction.ok_button.click()
    assert detail.view is not None and len(detail.view.corrections) == 1
    history = [detail.history.item(i).text() for i in range(detail.history.count())]
    assert any("Correctie" in t and "2018" in t for t in history)


def test_four_eyes_author_cannot_sign(as_user: Any, staff: Any) -> None:
    rid = _draft(staff, who="dubbel")
    with _service(staff, "dubbel") as s:
        reports.submit_report(s, rid)
    with _service(staff, "liaison") as s:
        reports.give_verdict(s, rid, usable=True)
    page = as_user("dubbel")
    assert page.rows_of(WorkList.AWAITING_MY_SIGNATURE) == []
    page.open_report(rid)
    detail = page.detail
    assert detail.sign_button.isVisible()
    assert not detail.sign_button.isEnabled()
    assert "Vier-ogenprincipe" in detail.sign_button.toolTip()
    assert "Vier-ogenprincipe" in detail.hint_label.text()
    # The service stays the authority: asked anyway, it refuses with a sentence.
    sign = detail.open_sign_dialog()
    assert sign is not None
    sign.password_edit.setText(PASSWORDS["dubbel"])
    sign.ok_button.click()
    assert sign.isVisible()
    assert "Vier-ogenprincipe: u heeft zelf een versie" in sign.error_label.text()
    sign.reject()
    assert detail.view is not None and detail.view.report.status is ReportStatus.USABLE


# --- annotations ------------------------------------------------------------------------------


def test_annotation_offsets_are_python_characters_not_utf16_units(as_user: Any, staff: Any) -> None:
    # Astral characters before the passage: each is 2 Qt positions but 1 Python character.
    text = TEXT.replace("Verzoek van de IND.", "Verzoek 📄📄 van de IND 🇳🇱.")
    rid = report_at(staff, ReportStatus.IN_REVIEW, text=text, passwords=PASSWORDS)
    page = as_user("liaison")
    page.open_report(rid)
    detail = page.detail
    quote = "Betrokkene"  # occurs twice: the second occurrence is meant
    _select(detail, quote, occurrence=1)
    qt_start = detail.reader.textCursor().selectionStart()
    expected = text.index(quote, text.index(quote) + 1)
    assert qt_start == expected + 4  # four astral characters before it
    dialog = detail.open_annotate_dialog()
    assert dialog is not None
    dialog.comment_edit.setPlainText("Welke organisatie?")
    dialog.ok_button.click()
    assert not _boxes()
    with _service(staff, "liaison") as s:
        note = reports.get_report(s, rid).annotations[0]
    assert (note.start, note.end, note.quote) == (expected, expected + len(quote), quote)
    # And the highlight sits on exactly that occurrence.
    (selection,) = detail.reader.extraSelections()
    assert selection.cursor.selectionStart() == qt_start
    assert selection.cursor.selectedText() == quote


def test_outdated_annotation_is_marked_after_a_revision(as_user: Any, staff: Any) -> None:
    rid = _draft(staff)
    with _service(staff, "officier") as s:
        reports.submit_report(s, rid)
    with _service(staff, "liaison") as s:
        reports.annotate(s, rid, quote="Geen bezwaar bekend.", comment="Onderbouwen a.u.b.")
        reports.annotate(s, rid, quote="in het buitenland", comment="Welk land?")
        reports.give_verdict(s, rid, usable=False, comment="Zie opmerkingen.")
    page = as_user("officier")
    page.open_report(rid)
    detail = page.detail
    assert detail.text_stack.currentWidget() is detail.editor  # changes wanted: editable
    assert "Zie opmerkingen." in detail.hint_label.text()
    assert not any("verouderd" in t for t in detail.annotations.texts())
    detail.editor.conclusion_edit.setPlainText("Er zijn aanwijzingen voor een bezwaar.")
    detail.save()
    assert detail.view is not None and detail.view.version == 2
    texts = detail.annotations.texts()
    outdated = [t for t in texts if "verouderd" in t]
    assert len(outdated) == 1 and "Onderbouwen a.u.b." in outdated[0]
    kept = [t for t in texts if "Welk land?" in t]
    assert kept and "verouderd" not in kept[0]
    # Outdated last, in italics; the surviving one first.
    assert texts[-1] == outdated[0]
    assert detail.annotations.list.item(len(texts) - 1).font().italic()


# --- comparing ----------------------------------------------------------------------------------


def test_diff_view_shows_word_level_changes_side_by_side(as_user: Any, staff: Any) -> None:
    rid = _draft(staff)
    with _service(staff, "officier") as s:
        reports.revise_report(
            s, rid, text=TEXT.replace("Geen bezwaar bekend.", "Er is een bezwaar bekend.")
        )
    page = as_user("officier")
    page.open_report(rid)
    detail = page.detail
    detail.tabs.setCurrentIndex(detail.TAB_COMPARE)
    compare = detail.compare
    assert compare.from_combo.currentData() == 1 and compare.to_combo.currentData() == 2
    compare.compare_button.click()
    changed = [r for r in compare.rows if r.kind is OpTag.REPLACE]
    assert len(changed) == 1
    row = changed[0]
    assert [s.kind for s in row.old_spans if s.kind is not OpTag.EQUAL]
    assert [s.text for s in row.old_spans if s.kind is OpTag.EQUAL] == ["bezwaar bekend."]
    # Word level: the unchanged word is plain, the changed ones are marked on each side.
    old_doc, new_doc = compare.old_pane.document(), compare.new_pane.document()
    assert old_doc.blockCount() == new_doc.blockCount()  # level rows: scrolling stays in step
    found = old_doc.find("Geen")
    assert found.charFormat().fontStrikeOut()
    inserted = new_doc.find("Er is een")
    assert inserted.charFormat().fontUnderline()
    plain = new_doc.find("bekend")
    assert not plain.charFormat().fontUnderline()
    # Marked by form as well: a − and a + in the gutters of the changed line.
    assert "−" in old_doc.findBlockByNumber(found.blockNumber()).text()
    assert "+" in new_doc.findBlockByNumber(inserted.blockNumber()).text()
    assert "Gewijzigd: 1" in compare.summary.text()
    # An earlier version opens read-only.
    detail.version_combo.setCurrentIndex(detail.version_combo.findData(1))
    detail.version_combo.activated.emit(detail.version_combo.currentIndex())
    assert detail.view is not None and detail.view.version == 1
    assert detail.text_stack.currentWidget() is detail.reader
    assert "Geen bezwaar bekend." in detail.reader.toPlainText()
    assert "eerdere versie" in detail.hint_label.text()
    assert not detail.save_button.isEnabled()
    detail.compare.compare_button.click()
    # Scrolling one side scrolls the other.
    page.window().resize(1000, 700)
    QApplication.processEvents()
    compare.render(width=20)
    bar = compare.old_pane.verticalScrollBar()
    assert bar.maximum() > 0
    bar.setValue(bar.maximum() // 2)
    assert compare.new_pane.verticalScrollBar().value() == bar.maximum() // 2


# --- the lock -----------------------------------------------------------------------------------


def test_lock_leaves_no_report_text_in_the_window(
    controller: Any, as_user: Any, staff: Any
) -> None:
    canary = "ZZ-CANARY-rapport-41"
    rid = _draft(staff, TEXT.replace("Geen bezwaar bekend.", canary))
    with _service(staff, "officier") as s:
        reports.revise_report(
            s, rid, text=TEXT.replace("Geen bezwaar bekend.", canary + " herzien")
        )
    page = as_user("officier")
    page.open_report(rid)
    page.detail.compare.compare_button.click()
    page.detail.open_correction_dialog()  # an open dialog is torn down too
    assert canary in all_texts()
    controller.lock()
    flush_deletes()
    assert canary not in all_texts()
    assert "betrokkene A" not in all_texts()


def test_unsaved_edits_are_not_dropped_without_asking(as_user: Any, staff: Any) -> None:
    first, second = _draft(staff), _draft(staff, TEXT.replace("betrokkene A", "betrokkene Z"))
    page = as_user("officier")
    table = page.tables[WorkList.MY_DRAFTS]
    model = page.models[WorkList.MY_DRAFTS]
    table.selectRow(model.row_of(first) or 0)
    detail = page.detail
    assert detail.report_id == first
    detail.editor.conclusion_edit.setPlainText("Nog niet opgeslagen.")
    assert detail.dirty
    dialog = page.confirm_discard(lambda: page.open_report(second))
    assert dialog is not None and dialog.isVisible()
    assert detail.report_id == first  # nothing happens before the answer
    dialog.reject()
    assert detail.report_id == first and detail.dirty
    dialog = page.confirm_discard(lambda: page.open_report(second))
    assert dialog is not None
    dialog.ok_button.click()
    assert detail.report_id == second and not detail.dirty
