"""The provisions register view (filter by direction and period, the add dialog), the statistics
view (figures and charts), and the administrator: Statistiek and Beheer only, with a Kalender
tab where a decree day is added."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCharts import QChartView
from PySide6.QtCore import QDate, Qt

from desktop_app.domain.requests import Purpose, RequestDraft
from desktop_app.gui.admin.calendar import CalendarDaysPage
from desktop_app.gui.provisions.page import ProvisionsPage
from desktop_app.gui.requests import api
from desktop_app.gui.requests.api import NewProvision
from desktop_app.gui.requests.labels import STATISTICS_FIGURES
from desktop_app.gui.statistics.page import StatisticsPage, figures_of
from desktop_app.storage import calendar_days
from desktop_app.storage import requests as requests_repo
from tests.gui.gui_support import PASSWORDS, admin_tab, section


def add_provisions(workspace: Any) -> None:
    with workspace.session("officier", PASSWORDS["officier"]) as session:
        for direction, day, text in (
            ("aivd_to_ind", dt.date(2026, 10, 5), "Spontaan ambtsbericht (fictief)"),
            ("ind_to_aivd", dt.date(2026, 10, 12), "Reisgegevens van betrokkene"),
            ("ind_to_aivd", dt.date(2026, 10, 28), "Aanvullende verklaring"),
        ):
            api.add_provision(session, NewProvision(direction, day, text, None, None, None, None))


def test_provisions_view_filters_by_direction_and_period(staff: Any, window_of: Any) -> None:
    add_provisions(staff)
    window = window_of("liaison")
    page = section(window, "provisions", ProvisionsPage)
    assert page.model.rowCount() == 3
    page.set_filters("ind_to_aivd")
    texts = [page.model.row_at(r).description for r in range(page.model.rowCount())]
    assert sorted(texts) == ["Aanvullende verklaring", "Reisgegevens van betrokkene"]
    direction_column = {
        page.model.data(page.model.index(r, page.model.COL_DIRECTION))
        for r in range(page.model.rowCount())
    }
    assert direction_column == {"IND → AIVD"}
    page.set_filters(None, dt.date(2026, 10, 10), dt.date(2026, 10, 20))
    assert [page.model.row_at(r).description for r in range(page.model.rowCount())] == [
        "Reisgegevens van betrokkene"
    ]
    assert page.count_label.text() == "1 verstrekking"
    page.set_filters(None)
    assert page.model.rowCount() == 3


def test_add_provision_dialog_records_a_spontaneous_provision(
    staff: Any, window_of: Any, qtbot: Any
) -> None:
    window = window_of("officier")
    page = section(window, "provisions", ProvisionsPage)
    assert page.model.rowCount() == 0
    dialog = page.open_add_dialog()
    dialog.direction_combo.setCurrentIndex(dialog.direction_combo.findData("ind_to_aivd"))
    assert dialog.provided_by_edit.text() == "IND"
    assert dialog.received_by_edit.text() == "Olga Officier"
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and "Omschrijf" in dialog.error_label.text()
    dialog.description_edit.setText("Mededeling over een reisbeweging")
    dialog.date_edit.setDate(QDate(2026, 10, 30))
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert page.model.rowCount() == 1
    row = page.model.row_at(0)
    assert row.description == "Mededeling over een reisbeweging"
    assert page.model.data(page.model.index(0, page.model.COL_DATE)) == "30-10-2026"
    assert page.model.data(page.model.index(0, page.model.COL_REQUEST)) == "spontaan"


def test_statistics_view_shows_the_figures_and_charts(staff: Any, window_of: Any) -> None:
    drafts = [
        RequestDraft(
            subject_name=f"Betrokkene {n}",
            v_number=f"{1_000_000_000 + n}",
            purpose=Purpose.RESIDENCE,
            received=dt.date(2026, 10, 1 + n),
        )
        for n in range(5)
    ]
    with (
        staff.session("officier", PASSWORDS["officier"]) as session,
        session.db.transaction() as conn,
    ):
        requests_repo.insert_many(
            conn,
            drafts,
            calendar=calendar_days.load_calendar(conn),
            created_by="officier",
            created_at="2026-11-02T09:00:00",
        )
    add_provisions(staff)
    window = window_of("tekenaar")
    page = section(window, "statistics", StatisticsPage)
    page.set_period(dt.date(2026, 10, 1), dt.date(2026, 10, 31))
    with staff.session("tekenaar", PASSWORDS["tekenaar"]) as session:
        expected = figures_of(api.statistics(session, dt.date(2026, 10, 1), dt.date(2026, 10, 31)))
    assert expected["requests_received"] == 5
    assert page.figures is not None
    for key, _label in STATISTICS_FIGURES:
        assert page.figures[key] == expected[key], key
    assert page.value_labels["requests_received"].text() == "5"
    assert page.value_labels["provisions_ind_to_aivd"].text() == str(
        expected["provisions_ind_to_aivd"]
    )
    charts = page.findChildren(QChartView)
    assert len(charts) == 2
    outcome = page.outcome_chart.values()
    assert sum(outcome.values()) == 5
    assert outcome["late_without_notice"] == expected["late_without_notice"]
    assert page.provision_chart.values() == {
        "provisions_aivd_to_ind": expected["provisions_aivd_to_ind"],
        "provisions_ind_to_aivd": expected["provisions_ind_to_aivd"],
    }
    legend = [bar.label() for bar in page.outcome_chart.sets.values()]
    assert "Te laat, zonder uitstelbericht" in legend
    # The closings apart, and what each figure counts (issue 14).
    assert page.value_labels["report_on_time"].text() == str(expected["report_on_time"])
    assert page.value_labels["no_data_on_time"].text() == str(expected["no_data_on_time"])
    assert "cohort" in page.counts_hint.text() and "gebeurtenissen" in page.counts_hint.text()


def test_admin_sees_statistics_and_beheer_but_no_requests(window_of: Any) -> None:
    window = window_of("beheer")
    # The dashboard holds the administrator's own queues (issue 12), no requests.
    assert [k for k in window.section_keys() if k in ("dashboard", "statistics", "admin")] == [
        "dashboard",
        "statistics",
        "admin",
    ]
    assert "requests" not in window.section_keys()
    assert {"Dashboard", "Statistiek", "Beheer"} <= set(window.section_titles())
    assert isinstance(window.pages["statistics"], StatisticsPage)


def test_admin_adds_a_decree_day_on_the_calendar_tab(
    staff: Any, window_of: Any, qtbot: Any
) -> None:
    page = admin_tab(window_of("beheer"), "Kalender", CalendarDaysPage)
    before = {d.day for d in page.days()}
    assert dt.date(2027, 5, 7) in before  # seeded with the known decree days
    dialog = page.open_add_dialog()
    dialog.date_edit.setDate(QDate(2029, 5, 11))
    dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData("decree"))
    dialog.description_edit.setText("Besluit gelijkstelling 2029 (fictief)")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    days = {d.day: d for d in page.days()}
    assert dt.date(2029, 5, 11) in days
    assert days[dt.date(2029, 5, 11)].description == "Besluit gelijkstelling 2029 (fictief)"
    with staff.session() as session:
        assert dt.date(2029, 5, 11) in api.load_calendar(session).decree_days
    page.year_spin.setValue(2029)
    assert any(
        item.startswith("11-05-2029")
        for item in (page.year_list.item(i).text() for i in range(page.year_list.count()))
    )
    # And removed again (after a confirmation).
    row = [d.day for d in page.days()].index(dt.date(2029, 5, 11))
    page.view.selectRow(row)
    box = page.confirm_remove()
    assert box is not None
    qtbot.mouseClick(box.button(box.StandardButton.Yes), Qt.MouseButton.LeftButton)
    assert dt.date(2029, 5, 11) not in {d.day for d in page.days()}


def test_statistics_export_writes_csv_and_pdf_through_the_service(
    staff: Any, window_of: Any, tmp_path: Any
) -> None:
    window = window_of("liaison")
    page = section(window, "statistics", StatisticsPage)
    page.set_period(dt.date(2026, 10, 1), dt.date(2026, 10, 31))
    csv_file = tmp_path / "cijfers.csv"
    page.export("csv", str(csv_file))
    text = csv_file.read_text(encoding="utf-8")
    assert "requests_received" in text and "provisions_ind_to_aivd" in text
    assert page.status_label.text() == f"✔ Opgeslagen als {csv_file}."
    pdf_file = tmp_path / "cijfers.pdf"
    page.export("pdf", str(pdf_file))
    assert pdf_file.read_bytes().startswith(b"%PDF")
    dialog = page.choose_export("pdf")
    assert dialog.selectedFiles()[0].endswith("cijfers-2026-10-01-2026-10-31.pdf")
    dialog.reject()
