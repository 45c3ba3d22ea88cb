"""Full names in sentences, login names where an account is meant (issue 12): a report's
summary and view carry both, read together in one query (not one per row of a list); the
CLI's JSON keeps the login names of the contract."""

from __future__ import annotations

import itertools
import json
from collections.abc import Iterator
from typing import Any

import pytest
from support.helpers import staff_sessions

from desktop_app.domain.reports import WorkList
from desktop_app.domain.roles import Role
from desktop_app.services import reports, requests
from desktop_app.services.session import Session
from desktop_app.storage import reports as repo
from tests.support.sample_text import ONE_FINDING_TEXT

TEXT = ONE_FINDING_TEXT
PEOPLE = {
    "officier": (Role.AIVD_OFFICER, "mr. O. van Dienst"),
    "tekenaar": (Role.AIVD_SIGNER, "drs. T. de Tekenaar"),
    "liaison": (Role.IND_LIAISON, "L. Liaison-Jansen"),
}
_V_NUMBERS = itertools.count(2_000_000_001)


@pytest.fixture
def people(workspace: Any) -> Iterator[dict[str, Session]]:
    roles = {name: role for name, (role, _full_name) in PEOPLE.items()}
    full_names = {name: full_name for name, (_role, full_name) in PEOPLE.items()}
    with staff_sessions(workspace, roles, full_names) as sessions:
        yield sessions


def _issued(p: dict[str, Session]) -> int:
    off, lia, sig = p["officier"], p["liaison"], p["tekenaar"]
    request = requests.add_request(
        off, subject_name="Betrokkene A", v_number=str(next(_V_NUMBERS)), purpose="asylum"
    )
    rid = int(reports.draft_report(off, text=TEXT, request_id=request.id).report.id)
    reports.submit_report(off, rid)
    reports.annotate(lia, rid, quote="in het buitenland", comment="Welk land?")
    reports.give_verdict(lia, rid, usable=True, comment="Goed onderbouwd.")
    reports.sign_report(sig, rid, proof=sig.reauthenticate("tekenaar-wachtwoord"))
    reports.issue_report(sig, rid, proof=sig.reauthenticate("tekenaar-wachtwoord"))
    return rid


def test_summary_and_view_name_people_by_full_name_and_account(
    people: dict[str, Session],
) -> None:
    rid = _issued(people)
    view = reports.get_report(people["officier"], rid)
    r = view.report
    assert (r.created_by, r.signed_by, r.issued_by) == ("officier", "tekenaar", "tekenaar")
    assert (r.created_by_name, r.signed_by_name, r.issued_by_name) == (
        "mr. O. van Dienst",
        "drs. T. de Tekenaar",
        "drs. T. de Tekenaar",
    )
    assert [(v.author, v.author_name) for v in view.versions] == [("officier", "mr. O. van Dienst")]
    assert [(a.author, a.author_name) for a in view.annotations] == [
        ("liaison", "L. Liaison-Jansen")
    ]
    assert [(v.author, v.author_name) for v in view.verdicts] == [("liaison", "L. Liaison-Jansen")]
    by_actor = {e.actor: e.actor_name for e in view.history}
    assert by_actor == {
        "officier": "mr. O. van Dienst",
        "liaison": "L. Liaison-Jansen",
        "tekenaar": "drs. T. de Tekenaar",
    }
    # The CLI's JSON: login names, as the contract has them; no full name added.
    data = json.loads(json.dumps(view.as_dict()))
    assert (data["created_by"], data["signed_by"], data["issued_by"]) == (
        "officier",
        "tekenaar",
        "tekenaar",
    )
    assert "drs. T. de Tekenaar" not in json.dumps(data)


def test_a_list_reads_all_its_people_in_one_query(
    people: dict[str, Session], monkeypatch: pytest.MonkeyPatch
) -> None:
    for _ in range(3):
        _issued(people)
    calls: list[set[int]] = []
    real = repo.user_names

    def counting(conn: Any, ids: Any) -> Any:
        wanted = set(ids)
        calls.append(wanted)
        return real(conn, wanted)

    monkeypatch.setattr(repo, "user_names", counting)
    lists = reports.my_work_lists(people["tekenaar"])
    issued = lists[WorkList.ISSUED]
    assert len(issued) == 3
    assert len(calls) == 1
    assert {(s.signed_by, s.signed_by_name) for s in issued} == {
        ("tekenaar", "drs. T. de Tekenaar")
    }
    assert {s.created_by_name for s in issued} == {"mr. O. van Dienst"}
