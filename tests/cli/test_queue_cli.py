"""`werkplek queue` (an extension, issue 12): the dashboard's work queues through the same
service, per role, as one JSON object or as lines."""

from __future__ import annotations

from typing import Any

from support.helpers import ADMIN_PW, STAFF, populate


def test_queue_per_role(as_user: Any, as_staff: Any, workspace: Any) -> None:
    populate(workspace)
    admin = as_staff("beheer", "queue")
    assert admin.code == 0
    shown = {i["queue"]: i for i in admin.json["items"]}
    assert list(shown) == ["locked_accounts", "last_backup", "decree_days", "audit_verification"]
    assert shown["locked_accounts"]["count"] == 0 and shown["locked_accounts"]["items"] == []
    assert shown["last_backup"]["count"] is None and shown["last_backup"]["attention"] is True
    assert all(i["label"] and i["text"].endswith(".") for i in admin.json["items"])

    officer = as_user("officier", "queue", secrets=[STAFF["officier"][0]])
    assert [i["queue"] for i in officer.json["items"]] == [
        "returned_to_me",
        "ready_to_issue",
        "requests_due",
    ]
    inspector = as_user("inspecteur", "queue", secrets=[STAFF["inspecteur"][0]])
    designation = {i["queue"]: i for i in inspector.json["items"]}["my_designation"]
    assert "HD-IND 2026/017" in designation["text"]

    lines = as_user("beheer", "queue", secrets=[ADMIN_PW], json_mode=False)
    assert lines.code == 0 and "! Laatste back-up: " in lines.out


def test_queue_items_is_bounded(as_staff: Any, workspace: Any) -> None:
    bad = as_staff("beheer", "queue", "--items", "101")
    assert bad.code == 2 and bad.json["error"]["code"] == "invalid_input"
