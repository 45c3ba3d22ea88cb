"""The request list's types, shared by storage (which answers them), the services and both
front ends: what the list asks (``RequestQuery`` with its ``SortColumn``) and what one stored
request is (``RequestRecord``). Only data; ``storage.requests`` holds the queries' SQL."""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass

from desktop_app.domain.choices import parse_choice
from desktop_app.domain.ids import RequestId
from desktop_app.domain.requests import DashboardBucket, DelayNotice, Purpose, RequestStatus


class SortColumn(enum.StrEnum):
    """Sort orders of the request list; each is served by an index (ties broken by id)."""

    RELEVANCE = "relevance"  # search: exact V-number/reference hits, then bm25; else newest first
    REFERENCE = "reference"
    RECEIVED = "received"
    DEADLINE = "deadline"
    STATUS = "status"  # workflow order, then received
    SUBJECT_NAME = "subject_name"  # folded: case and diacritics ignored

    @classmethod
    def parse(cls, value: str) -> SortColumn:
        return parse_choice(cls, value, unknown="Onbekende sortering", field="sort")


@dataclass(frozen=True, slots=True)
class RequestQuery:
    """What the request list shows: filters (all optional, combined with AND), search, order.

    ``overdue`` is the same set as ``bucket=DashboardBucket.OVERDUE``. ``search`` matches names
    (case and diacritics ignored, any script), V-numbers (exact, or a prefix of digits), the
    reference and the IND reference.
    """

    status: RequestStatus | None = None
    overdue: bool = False
    bucket: DashboardBucket | None = None
    search: str = ""
    sort: SortColumn = SortColumn.RELEVANCE
    descending: bool = False

    @property
    def has_search(self) -> bool:
        return bool(self.search.strip())

    @property
    def has_filters(self) -> bool:
        return self.status is not None or self.overdue or self.bucket is not None


@dataclass(frozen=True, slots=True)
class RequestRecord:
    """One stored request, without derived flags (those depend on "today")."""

    id: RequestId
    reference: str
    ind_reference: str | None
    subject_name: str
    v_number: str
    birth_date: dt.date | None
    nationality: str | None
    purpose: Purpose
    received: dt.date
    deadline: dt.date
    calendar_version: str
    status: RequestStatus
    closed_on: dt.date | None
    close_reason: str | None
    delay_notice: DelayNotice | None
    notes: str | None
    created_by: str
    created_at: str
