"""Beheer › Kalender tells the administrator which years have no decree days (issue 14)."""

from __future__ import annotations

from typing import Any

from desktop_app.gui.admin.calendar import CalendarDaysPage
from desktop_app.gui.admin.page import AdminPage


def test_the_calendar_tab_names_the_years_without_decree_days(window_of: Any) -> None:
    window = window_of("beheer")
    admin = window.show_section("admin")
    assert isinstance(admin, AdminPage)
    page = admin.findChild(CalendarDaysPage)
    assert page is not None
    text = page.decree_label.text()
    assert "2020, 2021, 2022, 2029" in text
    assert "2019" not in text
