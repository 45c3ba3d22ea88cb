"""1024x700 (issue 12): the request search field and detail, the report editor (classification,
removing a finding) and the print preview fit; combo boxes are as wide as their longest item;
the remarks panel folds away."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QByteArray, QDataStream, QIODevice, QRect, Qt
from PySide6.QtWidgets import QComboBox, QWidget

from desktop_app.gui.actions import fit_combo
from desktop_app.gui.main_window import GEOMETRY_KEY, MainWindow, read_saved_geometry
from desktop_app.services import reports
from tests.gui.gui_support import PASSWORDS, flush_deletes, section, signed_report
from tests.services.test_inspection_service_support import REPORT_TEXT

SMALL = (1024, 700)


def _small(window: Any) -> Any:
    window.resize(*SMALL)
    window.show()
    return window


def _inside(widget: QWidget, outer: QWidget) -> bool:
    """``widget`` lies wholly within ``outer`` (nothing cut off on the right or below)."""
    top_left = widget.mapTo(outer, widget.rect().topLeft())
    bottom_right = widget.mapTo(outer, widget.rect().bottomRight())
    return outer.rect().contains(top_left) and outer.rect().contains(bottom_right)


def test_request_search_and_detail_fit(window_of: Any, staff: Any) -> None:
    from desktop_app.domain.requests import Purpose
    from desktop_app.services import requests as request_service

    with staff.session("officier", PASSWORDS["officier"]) as off:
        request_service.add_request(
            off, subject_name="Piet Proef", v_number="1234567890", purpose=Purpose.ASYLUM
        )
    window = _small(window_of("officier"))
    page = window.show_section("requests")
    page.view.selectRow(0)
    assert page.search_edit.width() >= 280 and _inside(page.search_edit, window)
    assert page.detail.width() >= 340 and _inside(page.detail, window)
    for combo in (page.status_combo, page.bucket_combo):
        assert combo.width() >= combo.sizeHint().width() and _inside(combo, window)


def test_editor_classification_and_remove_finding_fit(window_of: Any) -> None:
    window = _small(window_of("officier"))
    page = window.show_section("reports")
    page.start_new_report()
    editor = page.detail.editor
    editor.add_finding()
    flush_deletes()
    # A new report has no remarks: the panel is folded away and the editor has the width.
    assert not page.detail.remarks_shown
    combo = editor.findChild(QComboBox, "classificationCombo") or next(
        c for c in editor.findChildren(QComboBox) if c.count() >= 5
    )
    viewport = editor.viewport()
    assert combo.width() >= combo.sizeHint().width()
    assert _inside(combo, viewport)
    remove = editor.findings[0].findChildren(type(page.detail.save_button))
    shown = [b for b in remove if b.isVisibleTo(editor)]
    assert shown and all(_inside(b, viewport) for b in shown)


def test_remarks_panel_folds(window_of: Any, staff: Any) -> None:
    with staff.session("officier", PASSWORDS["officier"]) as off:
        rid = int(reports.draft_report(off, text=REPORT_TEXT, title="Opmerking").report.id)
        reports.submit_report(off, rid)
    with staff.session("liaison", PASSWORDS["liaison"]) as lia:
        reports.annotate(lia, rid, quote="buitenland", comment="Welk land?")
    window = _small(window_of("liaison"))
    page = window.show_section("reports")
    page.open_report(rid)
    detail = page.detail
    assert detail.remarks_shown  # it has a remark: shown
    detail.remarks_toggle.click()
    assert not detail.remarks_shown and "tonen" in detail.remarks_toggle.text()
    detail.remarks_toggle.click()
    assert detail.remarks_shown


def test_print_preview_within_the_screen(window_of: Any, staff: Any) -> None:
    rid = signed_report(staff, "Afdruk")
    window = _small(window_of("tekenaar"))
    page = window.show_section("reports")
    page.open_report(rid)
    preview = page.detail.open_print_preview()
    assert preview is not None
    room = window.screen().availableGeometry()
    assert preview.height() <= room.height() and preview.width() <= room.width()
    preview.close()
    flush_deletes()


def test_fit_combo_keeps_the_longest_item() -> None:
    combo = QComboBox()
    combo.addItems(["kort", "een veel langere keuze die niet mag worden afgekapt"])
    fit_combo(combo)
    assert combo.sizePolicy().horizontalPolicy().name == "Minimum"
    assert combo.minimumSizeHint().width() <= combo.sizeHint().width()


def test_beheer_account_buttons_keep_their_text(window_of: Any, qtbot: Any) -> None:
    """Seen under Xvfb: seven buttons on one line cut to 'ruiker toevoeg', 'twoord herstel' and
    'ount deblokke' at 1024x700."""
    from desktop_app.gui.admin.page import AdminPage

    window = _small(window_of("beheer"))
    page = section(window, "admin", AdminPage)
    page.tabs.setCurrentIndex(0)
    page.user_view.selectRow(0)
    qtbot.wait(50)
    buttons = [page.add_user_button, *page.account_buttons.values()]
    shown = [b for b in buttons if b.isVisibleTo(window)]
    assert len(shown) >= 4
    cut = [b.text() for b in shown if b.width() < b.sizeHint().width() or not _inside(b, window)]
    assert cut == []


class _Screen:
    """A 1400x900 screen for the window's own look at where it is (offscreen has 800x800)."""

    def availableGeometry(self) -> QRect:
        return QRect(0, 0, 1400, 900)


def _geometry(width: int, height: int, screen_width: int, *, maximized: bool = False) -> QByteArray:
    """Qt 6's saveGeometry() format (3.0) for a window of that size on a screen that wide."""
    data = QByteArray()
    stream = QDataStream(data, QIODevice.OpenModeFlag.WriteOnly)
    stream.writeUInt32(0x1D9D0CB)
    stream.writeUInt16(3)
    stream.writeUInt16(0)
    frame = QRect(0, 0, width, height)
    stream << frame << frame.adjusted(2, 2, -2, -2)
    stream.writeInt32(0)
    stream.writeUInt8(1 if maximized else 0)
    stream.writeUInt8(0)
    stream.writeInt32(screen_width)
    stream << frame.adjusted(2, 2, -2, -2)
    return data


def test_the_saved_geometry_is_read_as_qt_writes_it() -> None:
    widget = QWidget()
    widget.resize(700, 500)
    widget.show()
    saved = read_saved_geometry(widget.saveGeometry())
    widget.close()
    assert saved is not None and saved.frame.width() >= 700 and saved.screen_width > 0
    assert read_saved_geometry(QByteArray(b"not a geometry")) is None


@pytest.mark.parametrize(
    ("geometry", "maximised"),
    [
        (_geometry(1024, 700, 1024), True),  # as large as the 1024x700 screen went
        (_geometry(900, 600, 1024, maximized=True), True),
        (_geometry(900, 600, 1024), False),  # a size chosen on the small screen
        (_geometry(1400, 900, 1920), False),  # saved on a bigger screen: only cut to fit
    ],
    ids=["filled", "maximised", "chosen", "bigger-screen"],
)
def test_a_window_that_filled_a_smaller_screen_fills_a_bigger_one(
    window_of: Any,
    gui_settings: Any,
    monkeypatch: pytest.MonkeyPatch,
    geometry: QByteArray,
    maximised: bool,
) -> None:
    """QA: the size saved on a 1024x700 screen came back unchanged on a 1400x900 one."""
    gui_settings.setValue(GEOMETRY_KEY, geometry)
    monkeypatch.setattr(MainWindow, "screen", lambda _self: _Screen())
    window = window_of("officier")
    assert bool(window.windowState() & Qt.WindowState.WindowMaximized) is maximised
    assert window.width() <= 1400 and window.height() <= 900
