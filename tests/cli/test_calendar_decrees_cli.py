"""``calendar list`` names the years without decree days (an extension field, issue 14)."""

from __future__ import annotations

from typing import Any


def test_calendar_list_names_the_years_without_decree_days(as_user: Any) -> None:
    result = as_user("beheer", "calendar", "list", secrets=["beheer-wachtwoord-1"])
    assert result.code == 0, result.out
    data = result.json
    assert data["years_without_decree_days"] == [2020, 2021, 2022, 2029]
    assert {"2019-05-31", "2017-04-28"} <= {d["date"] for d in data["items"]}
