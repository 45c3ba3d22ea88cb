"""The QA walk at 1024x700 (officer, signer, liaison on ambtsberichten): the structured editor
beside the open remarks panel stays reachable, a save keeps the cursor and the scroll position,
the report title keeps its room, an open report's text gets the height (the work lists fold
to a row, and back to three or more without one), a mnemonic brings its field into view, the
signing result keeps its digest behind
"Details", and the list's tab follows the report shown after an unlock."""

from __future__ import annotations

import datetime as dt
import itertools
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from support.helpers import report_at

from desktop_app.domain.report_content import Finding, Reliability
from desktop_app.domain.reports import ReportStatus, WorkList
from desktop_app.gui.reports import ReportsPage
from desktop_app.services import requests
from tests.gui.gui_support import PASSWORDS, flush_deletes, section
from tests.gui.test_reports_going_back import TEXT

SMALL = (1024, 700)
_V = itertools.count(2_100_000_001)


def _service(workspace: Any, name: str) -> Any:
    return workspace.session(name, PASSWORDS[name])


def _report(workspace: Any, stage: ReportStatus = ReportStatus.DRAFT, *, title: str = "") -> int:
    """A report on a request, taken as far as ``stage``; changes wanted with a remark."""
    with _service(workspace, "officier") as s:
        req = requests.add_request(
            s, subject_name="Betrokkene A", v_number=str(next(_V)), purpose="asylum"
        )
    wanted = stage is ReportStatus.CHANGES_WANTED
    return report_at(
        workspace,
        stage,
        text=TEXT,
        passwords=PASSWORDS,
        remark=("in het buitenland", "Welk land?") if wanted else None,
        request_id=req.id,
        title=title or None,
    )


@pytest.fixture
def small_page(window_of: Any) -> Any:
    def open_as(name: str) -> ReportsPage:
        window = window_of(name)
        window.resize(*SMALL)
        window.show()
        page = section(window, "reports", ReportsPage)
        QApplication.processEvents()
        return page

    return open_as


def _right_edge_reachable(widget: QWidget, area: Any) -> bool:
    """The right edge of ``widget`` can be brought into the scroll area's viewport."""
    viewport = area.viewport()
    bar = area.horizontalScrollBar()
    bar.setValue(bar.maximum())
    QApplication.processEvents()
    right = widget.mapTo(viewport, widget.rect().topRight()).x()
    return right <= viewport.width()


def test_the_editor_beside_the_open_remarks_can_be_scrolled_to_its_right_edge(
    staff: Any, small_page: Any, qtbot: Any
) -> None:
    rid = _report(staff, ReportStatus.CHANGES_WANTED)
    page = small_page("officier")
    page.open_report(rid)
    detail = page.detail
    QApplication.processEvents()
    assert detail.remarks_shown  # the version has a remark
    editor = detail.editor
    assert detail.text_stack.currentWidget() is editor
    for widget in (editor.classification_combo, editor.findings[0].remove_button):
        assert _right_edge_reachable(widget, editor), widget.objectName()
    subject, level = editor.subject_edit, editor.classification_combo
    assert level.y() > subject.y()  # beside the remarks: one field a row
    detail.remarks_toggle.click()  # folded away: the width comes back to the form
    assert not detail.remarks_shown
    qtbot.waitUntil(lambda: level.y() == subject.y())
    assert editor.horizontalScrollBar().maximum() == 0
    flush_deletes()


def test_saving_keeps_the_cursor_and_the_scroll_position(
    staff: Any, small_page: Any, qtbot: Any
) -> None:
    rid = _report(staff)
    page = small_page("officier")
    page.open_report(rid)
    detail = page.detail
    editor = detail.editor
    for n in range(3):  # a longer form, so there is something to scroll
        editor.add_finding(Finding(f"Bevinding {n}.", reliability=Reliability.RELIABLE))
    detail.dirty = True
    detail.save()
    qtbot.waitUntil(lambda: detail.view is not None and detail.view.version == 2)
    field = editor.conclusion_edit
    field.setFocus()
    cursor = field.textCursor()
    cursor.setPosition(4)
    field.setTextCursor(cursor)
    field.insertPlainText("ook ")
    bar = editor.verticalScrollBar()
    assert bar.maximum() > 0
    bar.setValue(bar.maximum() - 7)
    before = bar.value()
    assert detail.save_button.isEnabled()
    qtbot.keyClick(field, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: detail.view is not None and detail.view.version == 3)
    qtbot.wait(20)
    assert bar.value() == before
    assert editor.window().focusWidget() is editor.conclusion_edit
    assert editor.conclusion_edit.textCursor().position() == 8


def _rows_shown(table: Any) -> float:
    """How many rows of the table fit in its viewport."""
    return table.viewport().height() / table.verticalHeader().defaultSectionSize()


def test_the_title_is_not_cut_and_the_list_keeps_a_row(staff: Any, small_page: Any) -> None:
    """The title whole; the list in front still shows the report's row (it folds to one row
    for the editor's sake: see the next test; three rows when no report is open)."""
    title = "Betrokkene M. Benali (fictief), aanvraag verblijfsvergunning en gezinshereniging"
    rid = _report(staff, title=title)
    for _ in range(4):
        _report(staff)
    page = small_page("officier")
    page.open_report(rid)
    QApplication.processEvents()
    detail = page.detail
    label = detail.title_label
    assert title in label.text()
    # The whole title is shown: as wide as it needs, or wrapped onto more lines.
    assert label.sizeHint().width() <= label.width() or (
        label.wordWrap() and label.heightForWidth(label.width()) <= label.height()
    )
    right = label.mapTo(detail, label.rect().topRight()).x()
    assert right < detail.version_combo.mapTo(detail, detail.version_combo.rect().topLeft()).x()
    table = next(t for t in page.tables.values() if t.isVisible())
    assert _rows_shown(table) >= 1


def test_the_signing_result_is_a_sentence_with_the_digest_under_details(
    staff: Any, small_page: Any
) -> None:
    rid = _report(staff, ReportStatus.USABLE)
    page = small_page("tekenaar")
    page.open_report(rid)
    sign = page.detail.open_sign_dialog()
    assert sign is not None
    sign.password_edit.setText(PASSWORDS["tekenaar"])
    sign.ok_button.click()
    view = page.detail.view
    assert view is not None and view.report.text_sha256
    box = next(
        w
        for w in QApplication.topLevelWidgets()
        if isinstance(w, QMessageBox) and w.isVisible() and "ondertekend" in w.text()
    )
    assert view.report.reference in box.text()
    assert view.report.text_sha256 not in box.text()
    assert view.report.text_sha256 in box.detailedText()
    box.close()


def test_after_the_idle_lock_the_list_in_front_holds_the_report_put_back(
    staff: Any, controller: Any, small_page: Any, sign_in: Any, clock: Any
) -> None:
    _report(staff)  # one in "Mijn concepten", so that list is not empty
    rid = _report(staff, ReportStatus.CHANGES_WANTED)  # changes wanted: "Terug bij mij"
    page = small_page("officier")
    drafts_tab = page.work_lists.index(WorkList.MY_DRAFTS)
    page.list_tabs.setCurrentIndex(page.work_lists.index(WorkList.RETURNED_TO_ME))
    page.tables[WorkList.RETURNED_TO_ME].selectRow(0)
    assert page.detail.report_id == rid
    page.detail.editor.conclusion_edit.setPlainText("Nog niet opgeslagen.")
    assert page.detail.has_unsaved
    clock.advance(dt.timedelta(minutes=5, seconds=1))
    assert controller.idle.check() is True
    flush_deletes()

    back = sign_in(controller, "officier")
    assert back is not None
    page = back.pages["reports"]
    assert back.current_section() == "reports"
    assert page.detail.report_id == rid and page.detail.dirty
    assert page.list_tabs.currentIndex() != drafts_tab
    shown = page.work_lists[page.list_tabs.currentIndex()]
    assert shown is WorkList.RETURNED_TO_ME
    table = page.tables[shown]
    picked = table.selectionModel().selectedRows()
    assert [page.models[shown].row_at(i.row()).id for i in picked] == [rid]


def _text_room(page: ReportsPage) -> int:
    """The height the open report's text gets (the editor's view)."""
    return page.detail.editor.viewport().height()


def test_an_open_report_gets_the_room_and_the_lists_fold_back_out(
    staff: Any, small_page: Any, qtbot: Any, styled: Any
) -> None:
    """QA at 1024x700: the editor of an open report got about 150 px under three rows of the
    work lists and the header. With a report open the lists fold to one row; with none
    open they keep three; at 1400x900 they get their four rows back."""
    rid = _report(staff, ReportStatus.CHANGES_WANTED)
    for _ in range(4):
        _report(staff)
    page = small_page("officier")
    table = next(t for t in page.tables.values() if t.isVisible())
    qtbot.waitUntil(lambda: _rows_shown(table) >= 3)
    page.open_report(rid)
    detail = page.detail
    detail.remarks_toggle.click()  # the hint, the remark's panel folded: as QA saw it
    qtbot.wait(20)
    assert _text_room(page) >= 280  # 320 for the text less the header and a row
    table = next(t for t in page.tables.values() if t.isVisible())
    assert _rows_shown(table) >= 1
    window = page.window()
    window.resize(1400, 900)
    qtbot.waitUntil(lambda: _rows_shown(table) >= 4)
    assert _text_room(page) >= 320
    window.resize(*SMALL)
    qtbot.wait(20)
    assert _text_room(page) >= 280
    detail.show_empty()  # no report open: three rows again
    qtbot.waitUntil(lambda: _rows_shown(table) >= 3)


def test_a_split_the_person_dragged_stays(
    staff: Any, small_page: Any, qtbot: Any, styled: Any
) -> None:
    """The split the person dragged with a report open is not shared out anew when the window
    grows (at 1400x900, where the lists keep their four rows)."""
    rid = _report(staff)
    page = small_page("officier")
    window = page.window()
    window.resize(1400, 900)
    page.open_report(rid)
    qtbot.wait(20)  # the split shared out for the open report
    shared = page.list_tabs.height()
    page.splitter.moveSplitter(shared - 40, 1)  # as the handle does: splitterMoved
    dragged = page.list_tabs.height()
    assert dragged < shared
    window.resize(1400, 1000)
    qtbot.wait(20)
    assert page.list_tabs.height() == dragged


def test_a_mnemonic_brings_its_field_into_view(staff: Any, small_page: Any, qtbot: Any) -> None:
    """QA: with the form scrolled down, Alt+A put the cursor in "Aanleiding" out of sight."""
    rid = _report(staff)
    page = small_page("officier")
    page.open_report(rid)
    editor = page.detail.editor
    for n in range(3):
        editor.add_finding(Finding(f"Bevinding {n}.", reliability=Reliability.RELIABLE))
    window = page.window()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    editor.conclusion_edit.setFocus()
    bar = editor.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0)
    bar.setValue(bar.maximum())
    field = editor.occasion_edit

    def in_view() -> bool:
        top = field.mapTo(editor.viewport(), field.cursorRect().topLeft()).y()
        return 0 <= top < editor.viewport().height()

    assert not in_view()
    qtbot.keyClick(window.focusWidget(), Qt.Key.Key_A, Qt.KeyboardModifier.AltModifier)
    assert window.focusWidget() is field
    assert in_view()
