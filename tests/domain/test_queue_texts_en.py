"""The dashboard's sentences follow the chosen language (domain.messages), Dutch by default."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest

from desktop_app.domain import messages
from desktop_app.domain.queues import Queue, backup_state, designation_state, waiting_summary

NOW = dt.datetime(2026, 12, 2, 9, 0, tzinfo=dt.UTC)


@pytest.fixture
def english() -> Iterator[None]:
    messages.set_language("en")
    try:
        yield
    finally:
        messages.set_language("nl")


def test_dutch_by_default() -> None:
    assert waiting_summary([]) == "Er wacht nu niets op u."
    never = backup_state(None, NOW, 7)
    assert never.text() == never.text_nl == "Er is nog nooit een back-up gemaakt."


def test_english_mode(english: None) -> None:
    assert waiting_summary([]) == "Nothing is waiting for you now."
    assert (
        waiting_summary([Queue.LAST_BACKUP, Queue.AUDIT_VERIFICATION])
        == "Needs attention: Latest backup, Latest audit trail check."
    )
    old = backup_state(NOW - dt.timedelta(days=9), NOW, 7)
    assert old.text() == "Latest backup: 9 days ago. Make a new one: it is more than 7 days ago."
    assert old.text_nl.startswith("Laatste back-up: 9 dagen geleden.")  # the Dutch source stays
    assert backup_state(NOW, NOW, 7).text() == "Latest backup: today."
    ending = designation_state(
        [("HD-2026-7", dt.date(2026, 1, 1), dt.date(2026, 12, 3))], NOW.date()
    )
    assert ending.text().startswith("Designation HD-2026-7, valid up to and including ")
    assert ending.text().endswith("(1 day left).")
