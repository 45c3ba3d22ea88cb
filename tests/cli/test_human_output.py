"""The generic human rendering of a command's result (when the command writes no lines of its
own): values read as text, never as Python's list or None."""

from __future__ import annotations

import io
from typing import Any

from support.helpers import ADMIN_PW

from desktop_app.cli.context import emit_human


def _shown(payload: dict[str, Any]) -> str:
    out = io.StringIO()
    emit_human(out, None, payload)
    return out.getvalue()


def test_lists_are_their_items_and_nothing_is_a_dash() -> None:
    text = _shown(
        {
            "items": [{"name": "a", "roles": ["admin", "aivd_officer"], "until": None}],
            "tags": [],
            "total": 1,
        }
    )
    assert text == "items:\n  name=a  roles=admin, aivd_officer  until=–\ntags:\ntotal: 1\n"
    assert _shown({"signed": {"aivd": "2019-03-07", "ind": None}, "note": None}) == (
        "signed: aivd=2019-03-07, ind=–\nnote: –\n"
    )


def test_user_list_for_people(as_user: Any) -> None:
    human = as_user("beheer", "user", "list", secrets=[ADMIN_PW], json_mode=False)
    assert human.code == 0
    assert "roles=admin" in human.out
    assert "['" not in human.out and "None" not in human.out
