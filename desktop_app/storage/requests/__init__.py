"""Requests (naslagverzoeken): bulk insert, lookups, the lazy list queries, dashboard counts.

Three parts, each with its own reason to change:

- ``records``: the stored request itself (columns, one record, a page of records by id, status
  and delay-notice updates, deadline recomputation, per-status counts, statistics facts);
- ``bulk``: the bulk-load pipeline of the import (``insert_many``);
- ``planner``: the request list's queries (filters, search, order; ids, count, dashboard).

This package re-exports their public names, so callers keep ``storage.requests.by_id`` etc.
The types the list is asked and answers with (``RequestQuery``, ``SortColumn``,
``RequestRecord``) are the domain's (``domain.queries``).
(A test that changes a tuning constant patches the module that reads it, e.g. ``bulk``.)

Every function takes a connection (the caller owns the transaction) and works unchanged on a
plain ``sqlite3`` connection with the same schema (the bench compares the two).

Design notes:
- Ids are assigned here (``max(id) + 1`` …) inside the caller's write transaction, so a bulk
  insert can fill the FTS index from the same tuples without reading the rows back.
- Dates are ISO text (they sort and compare correctly); status is an integer in workflow
  order (see ``STATUS_CODE``); open means ``status < 3``. That literal text is what the partial
  index ``requests_open`` is declared with, so queries spell it exactly so.
- Listing is split in two for a lazy table model: ``select_ids`` returns the ordered ids of a
  query (optionally a slice: offset/limit), ``records_by_ids`` fetches one page of rows.
- References are ``NV-<year of receipt>-<per-year sequence>``; the per-year counters live in
  ``reference_counters`` and are advanced by the bulk path for a whole import at once.
"""

from __future__ import annotations

from desktop_app.storage.db import table_exists
from desktop_app.storage.requests.bulk import (
    BULK_CACHE_KIB,
    BULK_CHUNK,
    BULK_MIN_ROWS,
    DEFER_MIN_ROWS,
    DEFERRED_INDEXES,
    InsertedRange,
    insert_many,
)
from desktop_app.storage.requests.planner import (
    count,
    dashboard_counts,
    search_kind,
    select_ids,
)
from desktop_app.storage.requests.records import (
    STATUS_BY_CODE,
    STATUS_CODE,
    by_id,
    fold_name,
    fts_integrity_ok,
    id_by_reference,
    open_ids_by_v_number,
    recompute_open_deadlines,
    records_by_ids,
    reference_counters,
    set_delay_notice,
    set_status,
    statistics_facts,
    status_counts,
)

__all__ = [
    "BULK_CACHE_KIB",
    "BULK_CHUNK",
    "BULK_MIN_ROWS",
    "DEFERRED_INDEXES",
    "DEFER_MIN_ROWS",
    "STATUS_BY_CODE",
    "STATUS_CODE",
    "InsertedRange",
    "by_id",
    "count",
    "dashboard_counts",
    "fold_name",
    "fts_integrity_ok",
    "id_by_reference",
    "insert_many",
    "open_ids_by_v_number",
    "recompute_open_deadlines",
    "records_by_ids",
    "reference_counters",
    "search_kind",
    "select_ids",
    "set_delay_notice",
    "set_status",
    "statistics_facts",
    "status_counts",
    "table_exists",
]
