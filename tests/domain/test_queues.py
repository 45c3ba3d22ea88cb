"""The dashboard's attention rules (issue 12): which buckets are "at or past the term", when a
counted queue needs the person, and the one line over all queues."""

from __future__ import annotations

import datetime as dt

from desktop_app.domain.queues import (
    DUE_BUCKETS,
    WARNING_BUCKETS,
    Queue,
    backup_state,
    count_needs_attention,
    waiting_summary_nl,
)
from desktop_app.domain.requests import DashboardBucket


def test_at_or_past_the_term_is_overdue_and_due_today_only() -> None:
    assert set(DUE_BUCKETS) == {DashboardBucket.OVERDUE, DashboardBucket.DUE_TODAY}
    assert DashboardBucket.WARNING_NO_NOTICE not in DUE_BUCKETS
    assert WARNING_BUCKETS == (DashboardBucket.WARNING_NO_NOTICE,)


def test_a_counted_queue_needs_attention_only_with_items_to_act_on() -> None:
    assert count_needs_attention(Queue.READY_TO_ISSUE, 2)
    assert not count_needs_attention(Queue.READY_TO_ISSUE, 0)
    # What the liaison judged waits for the AIVD: followed, not asked of them.
    assert not count_needs_attention(Queue.JUDGED_BY_ME, 3)


def test_summary_says_nothing_waits_only_without_attention() -> None:
    assert waiting_summary_nl([]) == "Er wacht nu niets op u."
    line = waiting_summary_nl(iter([Queue.AUDIT_VERIFICATION, Queue.LAST_BACKUP]))
    assert "niets" not in line
    # In the order of the queues, named by their labels.
    assert line == "Aandacht nodig: Laatste back-up, Laatste controle audittrail."


def test_never_a_backup_is_past_the_reminder() -> None:
    now = dt.datetime(2026, 12, 2, 9, tzinfo=dt.UTC)
    state = backup_state(None, now, 7)
    assert state.overdue and "nooit" in state.text_nl
