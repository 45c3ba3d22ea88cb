"""The requests pages in the main window, signed in through the real sign-in dialog: the deadline
dashboard, registering (deadline shown at once), search, sorting, the lazy list, the delay
notice, closing with a reason, the import error, "Ambtsbericht opstellen", and the lock."""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QApplication

from desktop_app.domain.requests import DashboardBucket, Purpose, RequestDraft, RequestStatus
from desktop_app.domain.search_text import fold
from desktop_app.gui.dashboard.page import DashboardPage
from desktop_app.gui.main_window import MainWindow
from desktop_app.gui.reports import ReportsPage
from desktop_app.gui.requests import api
from desktop_app.gui.requests.models import RequestTableModel
from desktop_app.gui.requests.page import RequestsPage
from desktop_app.services import requests as request_service
from desktop_app.storage import calendar_days
from desktop_app.storage import requests as requests_repo
from tests.gui.gui_support import PASSWORDS, all_texts, flush_deletes, section

CANARY = "Kanarie Zwaluwstaart-Merelhof"

# Today in the tests/conftest.py clock: Monday 2026-11-02.
NAMES = (
    "Mehmet Çelik",
    "Jan de Vries",
    "Ayşe Yılmaz",
    "محمد العلي",
    "Ольга Петрова",
    "Emine Celik",
    "Sanne Jansen",
    "Dmitri Ivanov",
)


def seed(workspace: Any, rows: Sequence[tuple[str, dt.date]]) -> list[int]:
    """Requests as the intake stores them (storage seeding: the list views are under test)."""
    drafts = [
        RequestDraft(
            subject_name=name,
            v_number=f"{1_000_000_000 + n:010d}",
            purpose=Purpose.ASYLUM,
            received=received,
        )
        for n, (name, received) in enumerate(rows)
    ]
    with (
        workspace.session("officier", PASSWORDS["officier"]) as session,
        session.db.transaction() as conn,
    ):
        inserted = requests_repo.insert_many(
            conn,
            drafts,
            calendar=calendar_days.load_calendar(conn),
            created_by="officier",
            created_at="2026-11-02T09:00:00+00:00",
        )
    return list(range(inserted.first_id, inserted.first_id + inserted.count))


def requests_page(window: MainWindow) -> RequestsPage:
    return section(window, "requests", RequestsPage)


def wait_for_list(qtbot: Any, page: RequestsPage) -> None:
    qtbot.waitUntil(
        lambda: page.count_label.text().endswith(("verzoek", "verzoeken")), timeout=3000
    )


def test_sections_of_an_officer_are_the_live_pages(window_of: Any) -> None:
    window = window_of("officier")
    assert window.section_keys()[:2] == ["dashboard", "requests"]
    assert isinstance(window.pages["dashboard"], DashboardPage)
    assert isinstance(window.pages["requests"], RequestsPage)
    assert "statistics" not in window.section_keys()


def test_dashboard_counts_match_the_service_and_a_tile_filters_the_list(
    staff: Any, window_of: Any, qtbot: Any
) -> None:
    today = dt.date(2026, 11, 2)
    seed(
        staff,
        [
            ("Te Laat Een", dt.date(2026, 10, 1)),
            ("Te Laat Twee", dt.date(2026, 10, 2)),
            ("Vandaag Een", dt.date(2026, 10, 19)),  # deadline 2026-11-02
            ("Waarschuwing Een", dt.date(2026, 10, 21)),  # deadline 2026-11-04: warning zone
            ("Open Een", today),
            ("Open Twee", today),
            ("Open Drie", today - dt.timedelta(days=1)),
        ],
    )
    window = window_of("officier")
    dashboard = window.pages["dashboard"]
    assert isinstance(dashboard, DashboardPage)
    with staff.session("officier", PASSWORDS["officier"]) as session:
        expected = api.dashboard(session).counts
    assert dashboard.counts() == {bucket: expected[bucket] for bucket in dashboard.tiles}
    assert expected[DashboardBucket.OVERDUE] == 2
    assert expected[DashboardBucket.DUE_TODAY] == 1
    assert expected[DashboardBucket.WARNING_NO_NOTICE] == 1
    overdue_tile = dashboard.tiles[DashboardBucket.OVERDUE]
    assert "2" in overdue_tile.count_label.text()
    assert overdue_tile.accessibleName() == "Termijn verstreken: 2"  # words, not colour alone
    attention = [
        dashboard.attention_model.row_at(r).subject_name
        for r in range(dashboard.attention_model.rowCount())
    ]
    # Overdue first (the most recently expired first), then today, then the warnings.
    assert attention == ["Te Laat Twee", "Te Laat Een", "Vandaag Een", "Waarschuwing Een"]

    qtbot.mouseClick(overdue_tile, Qt.MouseButton.LeftButton)
    assert window.current_section() == "requests"
    page = window.pages["requests"]
    assert isinstance(page, RequestsPage)
    wait_for_list(qtbot, page)
    assert page.bucket_combo.currentData() == DashboardBucket.OVERDUE
    assert page.model.rowCount() == 2
    assert sorted(page.shown_names()) == ["Te Laat Een", "Te Laat Twee"]
    assert page.model.data(page.model.index(0, RequestTableModel.COL_SIGNAL)).startswith(
        "✖ te laat"
    )


def test_register_dialog_shows_the_deadline_at_once(staff: Any, window_of: Any, qtbot: Any) -> None:
    staff.env.clock.set(dt.datetime(2027, 4, 26, 9, 0, tzinfo=dt.UTC))
    page = requests_page(window_of("officier"))
    dialog = page.open_register_dialog()
    dialog.received_edit.setDate(QDate(2027, 4, 23))  # a Friday
    assert "donderdag 13 mei 2027" in dialog.deadline_label.text()
    dialog.received_edit.setDate(QDate(2027, 4, 26))
    assert "13 mei 2027" not in dialog.deadline_label.text()
    dialog.received_edit.setDate(QDate(2027, 4, 23))
    dialog.name_edit.setText("Ayşe Yılmaz")
    dialog.v_number_edit.setText("1234567890")
    dialog.purpose_combo.setCurrentIndex(dialog.purpose_combo.findData(Purpose.NATURALISATION))
    dialog.ind_reference_edit.setText("IND-2027/0042")
    # The date typed as the window shows dates (DD-MM-JJJJ).
    assert dialog.birth_edit.placeholderText().startswith("DD-MM-JJJJ")
    dialog.birth_edit.setText("02-11-1991")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    wait_for_list(qtbot, page)
    assert page.shown_names() == ["Ayşe Yılmaz"]
    assert page.detail.record is not None
    assert page.detail.record.deadline == dt.date(2027, 5, 13)
    assert page.detail.values["deadline"].text() == "donderdag 13-05-2027"
    assert page.detail.record.birth_date == dt.date(1991, 11, 2)
    assert page.detail.values["birth_date"].text() == "02-11-1991"


def test_register_dialog_names_the_field_the_service_refused(
    staff: Any, window_of: Any, qtbot: Any
) -> None:
    page = requests_page(window_of("officier"))
    dialog = page.open_register_dialog()
    dialog.name_edit.setText("Jan de Vries")
    dialog.v_number_edit.setText("12345")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert dialog.error_label.isVisible()
    assert "V-nummer" in dialog.error_label.text()
    assert page.model.rowCount() == 0


def test_search_celik_finds_celik_in_any_spelling(staff: Any, window_of: Any, qtbot: Any) -> None:
    seed(staff, [(name, dt.date(2026, 10, 28)) for name in NAMES])
    page = requests_page(window_of("liaison"))
    wait_for_list(qtbot, page)
    assert page.model.rowCount() == len(NAMES)
    page.search_edit.setText("celik")  # as typed: the debounce timer starts the query
    qtbot.waitUntil(lambda: page.model.rowCount() == 2, timeout=3000)
    assert sorted(page.shown_names()) == ["Emine Celik", "Mehmet Çelik"]
    assert page.count_label.text() == "2 verzoeken"
    page.search_edit.setText("петрова")
    page.search_now()
    assert page.shown_names() == ["Ольга Петрова"]
    page.search_edit.setText("1000000002")  # a V-number
    page.search_now()
    assert page.shown_names() == ["Ayşe Yılmaz"]


def test_sorting_by_a_column_changes_the_order(staff: Any, window_of: Any, qtbot: Any) -> None:
    seed(
        staff,
        [(name, dt.date(2026, 10, 20) + dt.timedelta(days=n)) for n, name in enumerate(NAMES)],
    )
    page = requests_page(window_of("officier"))
    wait_for_list(qtbot, page)
    newest_first = page.shown_names()
    assert newest_first == list(reversed(NAMES))
    page.sort_by(RequestTableModel.COL_SUBJECT)
    by_name = page.shown_names()
    assert by_name == sorted(NAMES, key=fold)
    assert page.last_query is not None and page.last_query.sort.value == "subject_name"
    page.sort_by(RequestTableModel.COL_SUBJECT, descending=True)
    assert page.shown_names() == list(reversed(by_name))
    page.sort_by(RequestTableModel.COL_RECEIVED)
    assert page.shown_names() == list(NAMES)


def test_the_list_fetches_only_the_pages_it_shows(
    staff: Any, window_of: Any, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    seed(
        staff,
        [
            (f"Betrokkene {n}", dt.date(2026, 10, 1) + dt.timedelta(days=n % 30))
            for n in range(1500)
        ],
    )
    calls: list[int] = []
    real = api.request_page

    def counting(session: Any, ids: Sequence[int]) -> Any:
        calls.append(len(ids))
        return real(session, ids)

    monkeypatch.setattr(api, "request_page", counting)
    window = window_of("officier")
    page = requests_page(window)
    window.resize(1200, 800)
    window.show()
    qtbot.waitExposed(window)
    calls.clear()  # the dashboard's attention list used it too
    page.refresh()
    wait_for_list(qtbot, page)
    QApplication.processEvents()
    assert page.model.rowCount() == 1500
    # The first screen's rows came with the first ids, in one task; none fetched since.
    assert calls == [RequestTableModel.PAGE_SIZE], "one page of rows for the first screen"
    assert page.model.fetches == 0
    page.view.scrollToBottom()
    page.view.viewport().repaint()
    assert calls == [RequestTableModel.PAGE_SIZE, 1500 % RequestTableModel.PAGE_SIZE]
    assert page.model.cached_pages == [0, 1500 // RequestTableModel.PAGE_SIZE]


def select(page: RequestsPage, qtbot: Any, name: str) -> None:
    wait_for_list(qtbot, page)
    row = page.shown_names().index(name)
    page.view.selectRow(row)
    assert page.detail.record is not None and page.detail.record.subject_name == name


def test_delay_notice_takes_one_dialog_and_records_the_officer(
    staff: Any, window_of: Any, qtbot: Any
) -> None:
    (rid,) = seed(staff, [("Jan de Vries", dt.date(2026, 10, 21))])
    page = requests_page(window_of("officier"))
    select(page, qtbot, "Jan de Vries")
    assert page.detail.delay_button.isEnabled()
    dialog = page.detail.open_delay_notice_dialog()
    assert dialog is not None
    assert dialog.by_label.text() == "Olga Officier"
    dialog.reason_edit.setPlainText("Aanvullende navraag bij een buitenlandse dienst.")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    with staff.session("officier", PASSWORDS["officier"]) as session:
        record = api.get_request(session, rid)
    assert record.delay_notice is not None
    assert record.delay_notice.date == dt.date(2026, 11, 2)
    assert "buitenlandse dienst" in record.delay_notice.reason
    assert "officier" in record.delay_notice.by.lower() or "Olga" in record.delay_notice.by
    assert "buitenlandse dienst" in page.detail.values["delay_notice"].text()
    # With a notice on time the request left the warning zone.
    signal = page.model.data(page.model.index(0, RequestTableModel.COL_SIGNAL))
    assert "waarschuwing" not in signal


def test_closing_without_an_ambtsbericht_requires_a_reason(
    staff: Any, window_of: Any, qtbot: Any
) -> None:
    (rid,) = seed(staff, [("Sanne Jansen", dt.date(2026, 10, 28))])
    page = requests_page(window_of("officier"))
    select(page, qtbot, "Sanne Jansen")
    assert not page.detail.close_button.isEnabled()  # received: take it in progress first
    qtbot.mouseClick(page.detail.start_button, Qt.MouseButton.LeftButton)
    assert page.detail.record.status is RequestStatus.IN_PROGRESS
    assert page.detail.close_button.isEnabled()
    dialog = page.detail.open_close_dialog()
    assert dialog is not None
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and dialog.error_label.isVisible()
    assert "reden" in dialog.error_label.text().lower()
    dialog.reason_edit.setPlainText("Geen gegevens over betrokkene bekend.")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    with staff.session("officier", PASSWORDS["officier"]) as session:
        record = api.get_request(session, rid)
    assert record.status is RequestStatus.CLOSED_NO_DATA
    assert "Geen gegevens" in page.detail.values["closed"].text()
    assert page.detail.values["status"].text() == "afgesloten zonder ambtsbericht"


def test_import_error_names_the_row_and_the_field(
    staff: Any, window_of: Any, qtbot: Any, tmp_path: Path
) -> None:
    page = requests_page(window_of("liaison"))
    wait_for_list(qtbot, page)
    good = tmp_path / "lijst.csv"
    good.write_text(
        "subject_name,v_number,purpose,received\n"
        "Mehmet Çelik,1234567890,asylum,2026-10-30\n"
        "Ольга Петрова,2234567890,residence,2026-10-29\n",
        encoding="utf-8",
    )
    page.start_import(str(good))
    assert page.import_result.text().startswith("✔ 2 verzoeken ingelezen")
    wait_for_list(qtbot, page)
    assert page.model.rowCount() == 2
    bad = tmp_path / "fout.csv"
    bad.write_text(
        "subject_name,v_number,purpose,received\n"
        "Jan de Vries,3234567890,asylum,2026-10-30\n"
        "Ayşe Yılmaz,12-34,asylum,2026-10-30\n",
        encoding="utf-8",
    )
    page.start_import(str(bad))
    text = page.import_result.text()
    assert text.startswith("✖ De lijst is niet ingelezen")
    assert "rij 2" in text
    assert "V-nummer" in text
    boxes = [
        w for w in QApplication.topLevelWidgets() if w.objectName() == "errorBox" and w.isVisible()
    ]
    assert boxes and "rij 2" in boxes[-1].text()
    for box in boxes:
        box.close()
    page.refresh()
    wait_for_list(qtbot, page)
    assert page.model.rowCount() == 2, "all-or-nothing: the good first row was not kept"


@pytest.fixture
def import_page(
    staff: Any, window_of: Any, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> RequestsPage:
    """The liaison's requests page, its list loaded; imports report progress every 2 rows."""
    monkeypatch.setattr(request_service, "PROGRESS_EVERY", 2)
    page = requests_page(window_of("liaison"))
    wait_for_list(qtbot, page)
    return page


def _people_csv(path: Path, stem: str, count: int) -> Path:
    rows = "".join(f"{stem} {i},{i:010d},asylum,2026-10-30\n" for i in range(count))
    path.write_text("subject_name,v_number,purpose,received\n" + rows, encoding="utf-8")
    return path


def test_a_long_import_shows_its_progress(
    import_page: RequestsPage, qtbot: Any, tmp_path: Path
) -> None:
    page = import_page
    seen: list[tuple[str, int, int, bool]] = []
    stoppable: list[bool] = []
    page.import_progressed.connect(
        lambda done, total: seen.append(
            (
                page.import_result.text(),
                page.import_progress.value(),
                page.import_progress.maximum(),
                not page.import_progress.isHidden(),
            )
        )
    )
    page.import_progressed.connect(
        lambda done, total: stoppable.append(page.import_stop_button.isEnabled())
    )
    page.start_import(str(_people_csv(tmp_path / "lang.csv", "Persoon", 5)))
    qtbot.waitUntil(lambda: page.import_result.text().startswith("✔ 5 verzoeken"))
    # Slots run in connection order: the page's own slot updated the bar before ours looked.
    assert [(m, shown) for _, _, m, shown in seen] == [(5, True), (5, True), (0, True)]
    assert [v for _, v, _, _ in seen[:2]] == [2, 4]
    assert "4 van ongeveer 5 rijen gecontroleerd" in seen[1][0] and "lang.csv" in seen[1][0]
    # Every row read: a busy bar, and the saving that follows cannot be stopped any more.
    assert "Alle 5 rijen van lang.csv zijn gecontroleerd" in seen[2][0]
    assert stoppable == [True, True, False]
    assert page.import_progress.isHidden()


def test_stopping_an_import_keeps_nothing(
    import_page: RequestsPage, qtbot: Any, tmp_path: Path
) -> None:
    page = import_page
    before = page.model.rowCount()
    clicked: list[bool] = []

    def stop_once(done: int, total: int) -> None:
        if not clicked:
            clicked.append(not page.import_stop_button.isHidden())
            page.import_stop_button.click()

    page.import_progressed.connect(stop_once)
    page.start_import(str(_people_csv(tmp_path / "stop.csv", "Stopper", 7)))
    qtbot.waitUntil(lambda: page.import_button.isEnabled())
    assert clicked == [True]
    assert page.import_result.text() == "Het inlezen is gestopt; er is niets ingelezen."
    assert page.import_stop_button.isHidden() and page.import_progress.isHidden()
    assert not [
        w for w in QApplication.topLevelWidgets() if w.objectName() == "errorBox" and w.isVisible()
    ]
    page.refresh()
    wait_for_list(qtbot, page)
    assert page.model.rowCount() == before


def test_draft_report_opens_the_editor_for_the_request(
    staff: Any, window_of: Any, qtbot: Any
) -> None:
    (rid,) = seed(staff, [("Dmitri Ivanov", dt.date(2026, 10, 29))])
    window = window_of("officier")
    page = requests_page(window)
    select(page, qtbot, "Dmitri Ivanov")
    qtbot.mouseClick(page.detail.draft_button, Qt.MouseButton.LeftButton)
    assert window.current_section() == "reports"
    reports_page = window.pages["reports"]
    assert isinstance(reports_page, ReportsPage)
    assert reports_page.detail.request_id == rid


def test_signer_reads_but_does_not_handle(staff: Any, window_of: Any, qtbot: Any) -> None:
    seed(staff, [("Jan de Vries", dt.date(2026, 10, 28))])
    page = requests_page(window_of("tekenaar"))
    select(page, qtbot, "Jan de Vries")
    assert not page.register_button.isVisible() and page.register_button.isHidden()
    assert all(button.isHidden() for button in page.detail.action_buttons)


def test_after_lock_no_widget_holds_a_request_name(
    staff: Any, controller: Any, window_of: Any, qtbot: Any
) -> None:
    seed(staff, [(CANARY, dt.date(2026, 10, 1)), ("Jan de Vries", dt.date(2026, 10, 30))])
    window = window_of("officier")
    dashboard = window.pages["dashboard"]
    assert isinstance(dashboard, DashboardPage)
    assert CANARY in all_texts()  # on the dashboard's attention list
    page = requests_page(window)
    page.search_edit.setText(CANARY.split()[1])
    page.search_now()
    select(page, qtbot, CANARY)
    page.detail.open_delay_notice_dialog()
    models = [page.model, dashboard.attention_model]
    controller.lock()
    flush_deletes()
    assert CANARY not in all_texts()
    assert CANARY.split()[1] not in all_texts()
    for model in models:
        # A model deleted with its page (RuntimeError) holds nothing either.
        with contextlib.suppress(RuntimeError):
            assert model.rowCount() == 0


def test_requests_due_tile_with_only_warnings_opens_the_warnings(
    staff: Any, window_of: Any, qtbot: Any
) -> None:
    """QA: with nothing expired or due today the queue tile's sentence names the warnings; the
    click opened the (empty) expired list instead of those."""
    from desktop_app.domain.queues import Queue

    seed(staff, [("Waarschuwing Een", dt.date(2026, 10, 21))])  # the warning zone on 2-11
    window = window_of("officier")
    dashboard = window.pages["dashboard"]
    assert dashboard.counts()[DashboardBucket.OVERDUE] == 0
    assert dashboard.counts()[DashboardBucket.WARNING_NO_NOTICE] == 1
    qtbot.mouseClick(dashboard.queue_tiles[Queue.REQUESTS_DUE], Qt.MouseButton.LeftButton)
    page = window.pages["requests"]
    wait_for_list(qtbot, page)
    assert page.bucket_combo.currentData() == DashboardBucket.WARNING_NO_NOTICE
    assert page.model.rowCount() == 1
