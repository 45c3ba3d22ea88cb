"""Beheer › Kalender tells the administrator which years have no decree days (issue 14)."""

from __future__ import annotations

from typing import Any

from desktop_app.gui.admin.calendar import CalendarDaysPage
from tests.gui.gui_support import admin_tab


def test_the_calendar_tab_names_the_years_without_decree_days(window_of: Any) -> None:
    page = admin_tab(window_of("beheer"), "Kalender", CalendarDaysPage)
    text = page.decree_label.text()
    assert "2020, 2021, 2022, 2029" in text
    assert "2019" not in text
