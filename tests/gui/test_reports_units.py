"""The report views' pure parts: UTF-16 offsets, wrapping diff rows, live warnings per
finding, and the work-list table model."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor, QTextDocument
from PySide6.QtWidgets import QApplication

from desktop_app.domain.classification import Classification
from desktop_app.domain.ids import ReportId
from desktop_app.domain.report_content import Finding, Reliability, ReportContent
from desktop_app.domain.reports import ReportStatus, WorkList
from desktop_app.domain.textdiff import OpTag, Span
from desktop_app.gui.reports.diff import wrap_spans
from desktop_app.gui.reports.editor import FindingEditor, live_check
from desktop_app.gui.reports.models import ReportTableModel
from desktop_app.gui.reports.offsets import Utf16Map
from desktop_app.services.reports import ReportSummary

TODAY = dt.date(2026, 11, 2)

_chars = st.sampled_from(["a", "é", " ", "\n", "📄", "🇳", "𝄞", "ß", "中"])
_texts = st.lists(_chars, max_size=40).map("".join)


def _utf16_len(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


@given(_texts, st.data())
def test_offsets_round_trip_and_match_utf16(text: str, data: st.DataObject) -> None:
    m = Utf16Map(text)
    assert m.qt_length == _utf16_len(text)
    offset = data.draw(st.integers(0, len(text)))
    qt = m.to_qt(offset)
    assert qt == _utf16_len(text[:offset])
    assert m.to_py(qt) == offset


@settings(max_examples=50)
@given(_texts, st.data())
def test_offsets_agree_with_qt_documents(text: str, data: st.DataObject) -> None:
    doc = QTextDocument()
    doc.setPlainText(text)
    m = Utf16Map(text)
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    cursor = QTextCursor(doc)
    cursor.setPosition(m.to_qt(start))
    cursor.setPosition(m.to_qt(end), QTextCursor.MoveMode.KeepAnchor)
    # Qt's copy turns line breaks into U+2029: that is why the views slice the stored text.
    assert cursor.selectedText().replace("\u2029", "\n") == text[start:end]


def test_a_position_inside_a_surrogate_pair_rounds_down() -> None:
    m = Utf16Map("a📄b")
    assert [m.to_py(p) for p in range(5)] == [0, 1, 1, 2, 3]
    with pytest.raises(ValueError):
        m.to_qt(4)


_kinds = st.sampled_from([OpTag.EQUAL, OpTag.REPLACE, OpTag.DELETE])
_spans = st.lists(
    st.builds(Span, _kinds, st.text(alphabet="ab c", min_size=1, max_size=12)), max_size=6
)


@given(_spans, st.integers(1, 15))
def test_wrapped_pieces_join_to_the_line_and_fit(spans: list[Span], width: int) -> None:
    pieces = wrap_spans(spans, width)
    assert "".join(s.text for p in pieces for s in p) == "".join(s.text for s in spans)
    for piece in pieces:
        line = "".join(s.text for s in piece)
        assert len(line) <= width or (len(line) == width + 1 and line.endswith(" "))
    # Every character keeps its kind.
    flat = [(ch, s.kind) for s in spans for ch in s.text]
    assert [(ch, s.kind) for p in pieces for s in p for ch in s.text] == flat


def test_wrapping_breaks_after_a_space() -> None:
    spans = (
        Span(OpTag.EQUAL, "Geen "),
        Span(OpTag.REPLACE, "bezwaar"),
        Span(OpTag.EQUAL, " bekend."),
    )
    assert wrap_spans(spans, 12) == [
        (Span(OpTag.EQUAL, "Geen "), Span(OpTag.REPLACE, "bezwaar"), Span(OpTag.EQUAL, " ")),
        (Span(OpTag.EQUAL, "bekend."),),
    ]
    assert wrap_spans((), 5) == [()]
    with pytest.raises(ValueError):
        wrap_spans(spans, 0)


def _content(*findings: Finding, subject: str = "Betrokkene") -> ReportContent:
    return ReportContent(subject, "Verzoek.", findings, "Conclusie.")


def test_live_check_warns_per_finding_even_when_the_form_is_incomplete() -> None:
    old = Finding("Oud gegeven.", Reliability.RELIABLE, data_date=dt.date(2010, 1, 1))
    unknown = Finding("Onzeker.", Reliability.UNKNOWN)
    incomplete = Finding("Nog zonder bron.")
    warnings, problem = live_check(_content(old, unknown), TODAY)
    assert problem is None
    assert list(warnings) == [1, 2]
    assert "ouder dan 10 jaar" in warnings[1][0] and "Bevinding 1" in warnings[1][0]
    assert "niet vast te stellen" in warnings[2][0]
    warnings, problem = live_check(_content(incomplete, old, subject=""), TODAY)
    assert problem == "Vul het onderwerp van het ambtsbericht in."
    assert list(warnings) == [2] and "Bevinding 2" in warnings[2][0]
    fine = Finding("Recent.", source_reference="DOC-1", data_date=dt.date(2020, 1, 1))
    assert live_check(_content(fine), TODAY) == ({}, None)


def _summary(n: int, status: ReportStatus) -> ReportSummary:
    return ReportSummary(
        id=ReportId(n),
        reference=f"AB-2026-{n:04d}",
        title=f"Titel {n}",
        classification=Classification.STG_GEHEIM,
        status=status,
        version=2,
        request_id=None,
        created_by="officier",
        created_at="2026-11-02T09:00:00.000000+00:00",
        updated_at="2026-11-02T09:30:00.000000+00:00",
        signed_version=None,
        text_sha256=None,
        signed_by=None,
        signed_at=None,
        issued_by=None,
        issued_at=None,
    )


def test_report_table_model_columns(qapp: object) -> None:
    model = ReportTableModel()
    model.set_rows([_summary(1, ReportStatus.IN_REVIEW), _summary(7, ReportStatus.SIGNED)])
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(6)]
    assert headers == ["Kenmerk", "Titel", "Rubricering", "Status", "Versie", "Bijgewerkt"]
    row = [model.index(1, c).data() for c in range(6)]
    assert row[ReportTableModel.COL_REFERENCE] == "AB-2026-0007"
    assert row[ReportTableModel.COL_CLASSIFICATION] == "STG. GEHEIM"
    assert row[ReportTableModel.COL_STATUS] == "ondertekend"
    assert row[ReportTableModel.COL_VERSION] == "2"
    # Shown time: Amsterdam (09:30 UTC is 10:30 CET), whatever the OS zone (domain.timefmt).
    assert row[ReportTableModel.COL_UPDATED] == "02-11-2026 10:30"
    assert model.row_of(7) == 1 and model.row_of(3) is None
    model.clear()
    assert model.rowCount() == 0


def test_the_report_views_speak_english_when_installed(qapp: QApplication) -> None:
    from desktop_app.gui.i18n import install_translators, remove_translators
    from desktop_app.gui.reports.diff import CompareView
    from desktop_app.gui.reports.labels import status_label, work_list_label

    translators = install_translators(qapp, "en")
    try:
        view = CompareView()
        assert view.compare_button.text() == "Com&pare"
        finding = FindingEditor(lambda: TODAY)
        finding.set_number(2)
        assert finding.number_label.text() == "Finding 2"
        assert status_label(ReportStatus.CHANGES_WANTED) == "changes wanted"
        assert work_list_label(WorkList.AWAITING_MY_SIGNATURE) == "Awaiting my signature"
        model = ReportTableModel()
        assert model.headerData(ReportTableModel.COL_UPDATED, Qt.Orientation.Horizontal) == (
            "Updated"
        )
        view.deleteLater()
        finding.deleteLater()
    finally:
        remove_translators(qapp, translators)
    assert status_label(ReportStatus.CHANGES_WANTED) == "aanpassing wenselijk"
