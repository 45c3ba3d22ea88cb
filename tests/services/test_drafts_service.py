"""services.drafts: unsaved work kept at the lock is the owner's only, taken back once, and
every keep, take and discard is audited with the key only, never the text."""

from __future__ import annotations

from typing import Any

import pytest
from support.helpers import populate

from desktop_app.domain.drafts import Draft
from desktop_app.domain.errors import InvalidInput
from desktop_app.services import drafts
from desktop_app.storage import audit

SECRET = "ZZ-DRAFT-CANARY-91c2"


def _draft(key: str = "report:12", text: str = SECRET) -> Draft:
    return Draft(key, {"kind": "plain", "text": text, "cursor": {"field": "plain", "pos": 3}})


def _recent(session: Any, n: int) -> list[Any]:
    with session.reading() as conn:
        return list(reversed(audit.recent(conn, n)))


def test_kept_draft_comes_back_once_to_its_owner(workspace: Any) -> None:
    populate(workspace)
    with workspace.session("officier") as officer:
        assert drafts.keep_drafts(officer, [_draft(), _draft("new-report", "tweede")]) == 2
        back = drafts.take_draft(officer, "report:12")
        assert back is not None and back.content["text"] == SECRET
        assert back.content["cursor"] == {"field": "plain", "pos": 3}
        assert back.saved_at  # from the injected clock
        assert drafts.take_draft(officer, "report:12") is None  # taken once
        rest = drafts.take_drafts(officer)
        assert [(d.belongs_to, d.content["text"]) for d in rest] == [("new-report", "tweede")]
        assert drafts.take_drafts(officer) == []


def test_another_user_never_sees_the_draft_and_it_waits_for_its_owner(workspace: Any) -> None:
    populate(workspace)
    with workspace.session("officier") as officer:
        drafts.keep_draft(officer, _draft())
    with workspace.session("tekenaar") as other:
        assert drafts.take_drafts(other) == []
        assert drafts.take_draft(other, "report:12") is None
        assert drafts.discard(other, "report:12") is False
    with workspace.session("beheer") as admin:  # not even the administrator
        assert drafts.take_drafts(admin) == []
    with workspace.session("officier") as officer:
        (back,) = drafts.take_drafts(officer)
        assert back.content["text"] == SECRET


def test_a_later_draft_replaces_the_earlier_one(workspace: Any) -> None:
    populate(workspace)
    with workspace.session("officier") as officer:
        drafts.keep_draft(officer, _draft(text="eerste"))
        drafts.keep_draft(officer, _draft(text="tweede"))
        (back,) = drafts.take_drafts(officer)
        assert back.content["text"] == "tweede"


def test_keep_take_and_discard_are_audited_without_the_text(workspace: Any) -> None:
    populate(workspace)
    with workspace.session("officier") as officer:
        drafts.keep_drafts(officer, [_draft(), _draft("new-report:request:3")])
        keep = _recent(officer, 1)[0]
        assert (keep.action, keep.object, keep.actor) == ("draft.keep", "user:officier", "officier")
        assert "report:12" in keep.details and "new-report:request:3" in keep.details
        drafts.take_draft(officer, "report:12")
        take = _recent(officer, 1)[0]
        assert (take.action, take.object) == ("draft.take", "report:12")
        assert drafts.discard(officer, "new-report:request:3") is True
        gone = _recent(officer, 1)[0]
        assert (gone.action, gone.object) == ("draft.discard", "new-report:request:3")
        assert drafts.take_drafts(officer) == []
        for entry in _recent(officer, 10):
            assert SECRET not in f"{entry.object} {entry.details}"
        with officer.reading() as conn:
            assert audit.verify(conn).ok


def test_a_sign_in_with_nothing_waiting_writes_no_entry(workspace: Any) -> None:
    populate(workspace)
    with workspace.session("officier") as officer:
        before = _recent(officer, 1)[0]
        assert drafts.take_drafts(officer) == []
        assert _recent(officer, 1)[0] == before


def test_bad_keys_and_contents_are_refused_and_nothing_is_kept(workspace: Any) -> None:
    populate(workspace)
    with workspace.session("officier") as officer:
        for key in ("", "report:0", "report:12; DROP", "user:beheer", "dialog:Bad Key"):
            with pytest.raises(InvalidInput):
                drafts.keep_drafts(officer, [_draft(), _draft(key)])
        with pytest.raises(InvalidInput):
            drafts.keep_draft(officer, Draft("report:1", {"x": object()}))
        assert drafts.take_drafts(officer) == []


def test_any_typed_character_is_kept(workspace: Any) -> None:
    """A lone surrogate (pasted in) or a control character must not make the lock lose it."""
    populate(workspace)
    odd = "half \ud800 pair, NUL \x00, Ayşe Çelik, ‮RTL"
    with workspace.session("officier") as officer:
        drafts.keep_draft(officer, _draft(text=odd))
        back = drafts.take_draft(officer, "report:12")
        assert back is not None and back.content["text"] == odd
