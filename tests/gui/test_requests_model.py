"""The lazy request table model on its own (a fake page loader, no workspace): it fetches only
the pages the view shows, keeps a bounded number of them, asks the page to re-query for another
order, and forgets everything on clear()."""

from __future__ import annotations

import datetime as dt
from array import array
from collections.abc import Sequence
from dataclasses import make_dataclass
from typing import Any

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QApplication

from desktop_app.domain.calendar import AtwCalendar
from desktop_app.domain.queries import SortColumn
from desktop_app.domain.requests import (
    DashboardBucket,
    DelayNotice,
    Purpose,
    RequestStatus,
    dashboard_thresholds,
)
from desktop_app.gui.requests.models import DeadlineContext, RequestRow, RequestTableModel
from desktop_app.gui.requests.page import request_table
from desktop_app.gui.tasks import TaskRunner

TODAY = dt.date(2026, 11, 5)


# The fields the list declares it reads (RequestRow), not a copy of them: a row with one
# field fewer than the model uses fails here rather than against a real record only.
Row = make_dataclass("Row", list(RequestRow.__annotations__.items()), frozen=True)


def make_row(
    rid: int,
    deadline: dt.date = TODAY + dt.timedelta(days=20),
    status: RequestStatus = RequestStatus.RECEIVED,
    notice: DelayNotice | None = None,
) -> Row:
    return Row(
        id=rid,
        reference=f"NV-2026-{rid:06d}",
        ind_reference=None,
        subject_name=f"Betrokkene {rid}",
        v_number=f"{rid:010d}",
        purpose=Purpose.ASYLUM,
        received=deadline - dt.timedelta(days=14),
        deadline=deadline,
        status=status,
        delay_notice=notice,
    )


class Loader:
    """Counts the page fetches (what would be service calls)."""

    def __init__(self) -> None:
        self.calls: list[tuple[int, ...]] = []

    def __call__(self, ids: Sequence[int]) -> list[Row]:
        self.calls.append(tuple(ids))
        return [make_row(i) for i in ids]


@pytest.fixture
def loader() -> Loader:
    return Loader()


@pytest.fixture
def model(qapp: QApplication, runner: TaskRunner, loader: Loader) -> RequestTableModel:
    return RequestTableModel(runner, loader)


def context() -> DeadlineContext:
    calendar = AtwCalendar.default()
    return DeadlineContext(dashboard_thresholds(TODAY, calendar), calendar)


def test_row_count_is_the_number_of_ids_and_nothing_is_fetched_before_shown(
    model: RequestTableModel, loader: Loader
) -> None:
    model.set_ids(array("q", range(1, 100_001)), context())
    assert model.rowCount() == 100_000
    assert model.columnCount() == len(RequestTableModel.HEADERS)
    assert loader.calls == []
    assert model.request_id(99_999) == 100_000
    assert model.row_of(50_000) == 49_999


def test_a_cell_fetches_exactly_its_page(model: RequestTableModel, loader: Loader) -> None:
    model.set_ids(array("q", range(1, 10_001)), context())
    index = model.index(450, RequestTableModel.COL_SUBJECT)
    assert model.data(index) == "Betrokkene 451"
    assert loader.calls == [tuple(range(401, 601))]
    # The same page again, and the user id role: no new fetch.
    assert model.data(model.index(401, RequestTableModel.COL_REFERENCE)) == "NV-2026-000402"
    assert model.data(index, Qt.ItemDataRole.UserRole) == 451
    assert len(loader.calls) == 1


def test_the_view_fetches_only_the_pages_it_shows(
    qtbot: Any, model: RequestTableModel, loader: Loader
) -> None:
    view = request_table(model, None)  # type: ignore[arg-type]
    qtbot.addWidget(view)
    view.resize(900, 500)
    model.set_ids(array("q", range(1, 1_000_001)), context())
    view.show()
    qtbot.waitExposed(view)
    QApplication.processEvents()
    fetched = {ids[0] for ids in loader.calls}
    assert fetched == {1}, "only the first page is shown"
    view.scrollToBottom()
    QApplication.processEvents()
    view.viewport().repaint()
    fetched = {ids[0] for ids in loader.calls}
    last_page_start = (999_999 // RequestTableModel.PAGE_SIZE) * RequestTableModel.PAGE_SIZE + 1
    assert fetched == {1, last_page_start}
    assert model.fetches == len(loader.calls) == 2
    # Rows are of one fixed height: the view never asks every row for its size.
    assert view.verticalHeader().sectionResizeMode(0).name == "Fixed"


def test_the_page_cache_is_bounded_and_least_recently_used_goes_first(
    model: RequestTableModel, loader: Loader
) -> None:
    model.set_ids(array("q", range(1, 100_001)), context())
    size = RequestTableModel.PAGE_SIZE
    for page in range(RequestTableModel.MAX_PAGES + 5):
        model.data(model.index(page * size, 0))
    assert len(model.cached_pages) == RequestTableModel.MAX_PAGES
    assert 0 not in model.cached_pages
    # Touching a cached page keeps it; the oldest other one goes instead.
    oldest = model.cached_pages[0]
    model.data(model.index(oldest * size, 0))
    model.data(model.index(90_000, 0))
    assert oldest in model.cached_pages
    assert len(model.cached_pages) == RequestTableModel.MAX_PAGES


def test_sorting_asks_for_a_new_query_and_ignores_columns_storage_cannot_order(
    model: RequestTableModel,
) -> None:
    asked: list[tuple[str, int]] = []
    model.sort_requested.connect(lambda sort, desc: asked.append((sort, desc)))
    model.sort(RequestTableModel.COL_SUBJECT, Qt.SortOrder.DescendingOrder)
    model.sort(RequestTableModel.COL_DEADLINE)
    model.sort(RequestTableModel.COL_PURPOSE)  # no index for it: nothing happens
    model.sort(-1)
    assert asked == [(SortColumn.SUBJECT_NAME.value, 1), (SortColumn.DEADLINE.value, 0), ("", 0)]


def test_signal_column_says_the_state_in_words(
    model: RequestTableModel, runner: TaskRunner
) -> None:
    rows = {
        1: make_row(1, deadline=TODAY - dt.timedelta(days=3)),
        2: make_row(2, deadline=TODAY),
        3: make_row(3, deadline=dt.date(2026, 11, 9)),  # 2 working days left: warning
        # Friday, with a delay notice: no warning, due this week.
        4: make_row(
            4, deadline=dt.date(2026, 11, 6), notice=DelayNotice(TODAY, "drukte", "Olga Officier")
        ),
        5: make_row(5, status=RequestStatus.CLOSED_NO_DATA),
    }
    model = RequestTableModel(runner, lambda ids: [rows[i] for i in ids])
    model.set_ids([1, 2, 3, 4, 5], context())
    signal = [model.data(model.index(r, RequestTableModel.COL_SIGNAL)) for r in range(5)]
    assert signal[0].startswith("✖ te laat") and "over de termijn" in signal[0]
    assert signal[1] == "◔ vandaag"
    assert signal[2] == "⚠ waarschuwing · nog 2 werkdagen"
    assert signal[3] == "◷ deze week · nog 1 werkdag"
    assert signal[4] == "✔ afgesloten"
    assert context().bucket(rows[3]) is DashboardBucket.WARNING_NO_NOTICE
    brush = model.data(model.index(0, RequestTableModel.COL_SIGNAL), Qt.ItemDataRole.BackgroundRole)
    assert brush is not None and brush.color().name() == "#fde8e8"


def test_clear_forgets_ids_rows_and_context(model: RequestTableModel, loader: Loader) -> None:
    model.set_ids(array("q", range(1, 1001)), context())
    assert model.data(model.index(0, RequestTableModel.COL_SUBJECT)) == "Betrokkene 1"
    model.clear()
    assert model.rowCount() == 0
    assert model.cached_pages == []
    assert model.context is None
    assert model.record(0) is None
    assert model.data(model.index(0, 0)) is None
    assert model.rowCount(QModelIndex()) == 0


def test_a_page_that_arrives_after_a_new_query_is_dropped(
    qapp: QApplication, loader: Loader
) -> None:
    """With the real (background) runner: the result of a superseded query never lands."""
    runner = TaskRunner()
    try:
        model = RequestTableModel(runner, loader)
        model.set_ids(array("q", range(1, 1001)), context())
        assert model.data(model.index(0, RequestTableModel.COL_SUBJECT)) is None
        assert model.data(model.index(0, RequestTableModel.COL_REFERENCE)) == "…"
        model.set_ids(array("q", range(5001, 6001)), context())
        runner.wait(5000)
        QApplication.processEvents()
        assert model.cached_pages == []
        assert model.data(model.index(0, RequestTableModel.COL_SUBJECT)) is None
        runner.wait(5000)
        QApplication.processEvents()
        assert model.data(model.index(0, RequestTableModel.COL_SUBJECT)) == "Betrokkene 5001"
    finally:
        runner.wait(5000)


def test_painting_many_cells_keeps_none_alive(qtbot: Any, model: RequestTableModel) -> None:
    """PySide6 6.12 drops a reference to None for every None a data() override returns; the
    model gives it back (``no_data``), or a long scroll ends in "none_dealloc"."""
    import sys

    from PySide6.QtCore import QSortFilterProxyModel

    model.set_ids(array("q", range(1, 1001)), context())
    proxy = QSortFilterProxyModel()
    proxy.setSourceModel(model)
    index = proxy.index(3, RequestTableModel.COL_SUBJECT)
    before = sys.getrefcount(None)
    for _ in range(2000):  # roles the model has no value for: None each time
        proxy.data(index, Qt.ItemDataRole.DecorationRole)
        proxy.headerData(99, Qt.Orientation.Horizontal)
    assert sys.getrefcount(None) >= before - 10


def test_the_full_result_extends_the_first_rows_without_fetching_them_again(
    model: RequestTableModel, loader: Loader
) -> None:
    inserted: list[tuple[int, int]] = []
    model.rowsInserted.connect(lambda _parent, first, last: inserted.append((first, last)))
    model.set_ids(array("q", range(1, 201)), context())
    assert model.data(model.index(5, RequestTableModel.COL_SUBJECT)) == "Betrokkene 6"
    model.extend_ids(array("q", range(1, 100_001)))
    assert inserted == [(200, 99_999)]
    assert model.rowCount() == 100_000
    assert model.cached_pages == [0]
    assert model.data(model.index(5, RequestTableModel.COL_SUBJECT)) == "Betrokkene 6"
    assert len(loader.calls) == 1
    # A full result that does not start with the shown rows (the data changed) replaces them.
    model.extend_ids(array("q", range(7, 50_007)))
    assert model.cached_pages == []
    assert model.data(model.index(0, RequestTableModel.COL_SUBJECT)) == "Betrokkene 7"


def test_a_short_first_page_is_fetched_whole_after_the_extension(
    model: RequestTableModel, loader: Loader
) -> None:
    model.set_ids(array("q", range(1, 51)), context())
    assert model.data(model.index(49, RequestTableModel.COL_SUBJECT)) == "Betrokkene 50"
    model.extend_ids(array("q", range(1, 1001)))
    assert model.data(model.index(120, RequestTableModel.COL_SUBJECT)) == "Betrokkene 121"
    assert loader.calls[-1] == tuple(range(1, 201))


def test_overdue_on_a_weekend_says_when_the_deadline_was(runner: TaskRunner) -> None:
    calendar = AtwCalendar.default()
    saturday = dt.date(2026, 11, 7)
    weekend = DeadlineContext(dashboard_thresholds(saturday, calendar), calendar)
    row = make_row(1, deadline=dt.date(2026, 11, 6))
    model = RequestTableModel(runner, lambda ids: [row])
    model.set_ids([1], weekend)
    assert model.data(model.index(0, RequestTableModel.COL_SIGNAL)) == (
        "✖ te laat · termijn was 06-11-2026"
    )


def test_every_bucket_sign_is_in_the_bundled_font(qapp: Any) -> None:
    """A sign the bundled DejaVu Sans lacks shows as an empty box on a minimal workstation
    (the "termijn vandaag" hourglass did)."""
    from PySide6.QtGui import QFont, QFontDatabase, QRawFont

    from desktop_app.gui.requests.labels import BUCKET_SIGN
    from desktop_app.paths import resources_dir

    font_id = QFontDatabase.addApplicationFont(str(resources_dir() / "fonts" / "DejaVuSans.ttf"))
    assert font_id >= 0
    family = QFontDatabase.applicationFontFamilies(font_id)[0]
    raw = QRawFont.fromFont(QFont(family))
    missing = [sign for sign in BUCKET_SIGN.values() if not raw.supportsCharacter(ord(sign))]
    assert missing == []


def test_attention_model_answers_nothing_for_a_row_that_is_gone(qapp: Any) -> None:
    """A view may still hold an index of a row the last refresh removed; its id must not be
    read past the end of the rows (IndexError inside Qt's paint)."""
    from desktop_app.gui.requests.models import AttentionTableModel

    model = AttentionTableModel()
    model.set_rows([make_row(1, deadline=TODAY)])
    stale = model.createIndex(3, AttentionTableModel.COL_REFERENCE)
    assert stale.isValid()
    assert model.data(stale, Qt.ItemDataRole.UserRole) is None
    assert model.data(model.index(0, 0), Qt.ItemDataRole.UserRole) == 1
