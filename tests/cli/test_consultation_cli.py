"""The CLI extensions of issue 14 (shared/spec/cli.md shapes kept, additions only):
``consultation add|list|show|print|action-done``, ``stats --as-of`` and ``request notify-delay
--liaison``. JSON shapes, exit codes, bad input as a sentence with exit 2 and nothing stored."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path
from typing import Any

import pypdf
import pytest
from support.helpers import STATS_KEYS as CONTRACT_STATS_KEYS
from support.helpers import cli_error, request_add_argv

STATS_KEYS = CONTRACT_STATS_KEYS | {"period_from", "period_to"}
ADD = [
    "consultation",
    "add",
    "--held-on",
    "2026-11-02",
    "--from",
    "2026-10-01",
    "--to",
    "2026-10-31",
    "--aivd",
    "J. de Vries|directeur-generaal",
    "--ind",
    "A. Bakker",
    "--decision",
    "Uitstelberichten met de liaison erbij.",
    "--action",
    "Werkinstructie bijwerken|M. Jansen|2026-12-01",
]


def _count(as_staff: Any) -> int:
    return int(as_staff("tekenaar", "consultation", "list").json["total"])


def test_consultation_round_trip(people: Any, as_staff: Any, tmp_path: Path, clock: Any) -> None:
    as_staff("officier", *request_add_argv("Ayşe Çelik", "1234567890", received="2026-10-01"))
    added = as_staff("liaison", *ADD, "--as-of", "2026-11-02T09:00+00:00")
    assert added.code == 0, added.out
    c = added.json
    assert set(c) >= {
        "id",
        "held_on",
        "period_from",
        "period_to",
        "as_of",
        "participants",
        "figures",
        "decisions",
        "actions",
    }
    assert c["as_of"] == "2026-11-02T09:00:00+00:00"
    assert set(c["figures"]) >= STATS_KEYS | {"as_of", "late_with_notice_recorded_afterwards"}
    assert c["figures"]["requests_received"] == 1
    assert c["participants"] == [
        {"service": "aivd", "name": "J. de Vries", "function": "directeur-generaal"},
        {"service": "ind", "name": "A. Bakker", "function": None},
    ]
    (action,) = c["actions"]
    assert action["done"] is False and action["due"] == "2026-12-01"
    # Recorded later, the request does not change the frozen figures.
    clock.advance(dt.timedelta(hours=1))
    as_staff("officier", *request_add_argv("Hans Müller", "2345678901", received="2026-10-02"))
    shown = as_staff("tekenaar", "consultation", "show", str(c["id"])).json
    assert shown["figures"] == c["figures"]
    now = as_staff("tekenaar", "stats", "--from", "2026-10-01", "--to", "2026-10-31").json
    assert now["requests_received"] == 2
    then = as_staff(
        "tekenaar",
        "stats",
        "--from",
        "2026-10-01",
        "--to",
        "2026-10-31",
        "--as-of",
        "2026-11-02T09:00+00:00",
    ).json
    assert set(then) >= STATS_KEYS and then["requests_received"] == 1
    assert then["as_of"] == "2026-11-02T09:00:00+00:00"
    listed = as_staff("liaison", "consultation", "list").json
    assert listed["total"] == 1 and listed["items"][0]["open_actions"] == 1
    done = as_staff("tekenaar", "consultation", "action-done", str(action["id"]))
    assert done.code == 0 and done.json["action"]["done"] is True
    assert done.json["action"]["done_by"] == "tekenaar"
    again = as_staff("tekenaar", "consultation", "action-done", str(action["id"]))
    assert "al afgerond" in cli_error(again, "invalid_state", 1)
    out = tmp_path / "overleg.pdf"
    printed = as_staff("tekenaar", "consultation", "print", str(c["id"]), "--out", str(out))
    assert printed.code == 0 and printed.json["file"] == str(out)
    assert out.stat().st_mode & 0o777 == 0o600
    text = "\n".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(out.read_bytes())).pages)
    assert "DEPARTEMENTAAL VERTROUWELIJK" in text and "Werkinstructie bijwerken" in text
    assert "afgerond" in text


@pytest.mark.parametrize(
    ("change", "words"),
    [
        (["--held-on", "2026-13-01"], "geen geldige datum"),
        (["--action", "zonder eigenaar"], "OMSCHRIJVING|EIGENAAR|JJJJ-MM-DD"),
        (["--action", "Iets|X|2026-02-30"], "geen geldige datum"),
        (["--as-of", "gisteren"], "--as-of"),
        (["--as-of", "2026-11-02T09:00"], "--as-of"),  # a moment needs its offset
        (["--as-of", "2030-01-01"], "toekomst"),
        (["--to", "2026-09-01"], "vóór de begindatum"),
    ],
)
def test_bad_input_is_a_sentence_exit_2_and_stores_nothing(
    people: Any, as_staff: Any, change: list[str], words: str
) -> None:
    argv = list(ADD)
    option = change[0]
    if option in argv:
        argv[argv.index(option) + 1] = change[1]
    else:
        argv += change
    result = as_staff("tekenaar", *argv)
    assert words in cli_error(result, "invalid_input", 2)
    assert _count(as_staff) == 0


def test_only_one_service_is_refused(people: Any, as_staff: Any) -> None:
    argv = [a for a in ADD if a not in ("--ind", "A. Bakker")]
    message = cli_error(as_staff("tekenaar", *argv), "invalid_input", 2)
    assert "IND" in message and _count(as_staff) == 0


def test_roles_refused_with_forbidden(people: Any, as_staff: Any) -> None:
    for name in ("beheer", "officier"):
        for args in (ADD, ["consultation", "list"], ["consultation", "show", "1"]):
            cli_error(as_staff(name, *args), "forbidden", 1)
    assert _count(as_staff) == 0
    cli_error(as_staff("tekenaar", "consultation", "show", "99"), "not_found", 2)
    cli_error(as_staff("tekenaar", "consultation", "show", "nul"), "invalid_input", 2)


def test_notify_delay_names_the_liaison(people: Any, as_staff: Any) -> None:
    rid = as_staff(
        "officier", *request_add_argv("Sara Bakker", "3333333333", received="2026-10-01")
    ).json["id"]
    notify = ("request", "notify-delay", str(rid), "--reason", "Onderzoek loopt")
    wrong = as_staff("officier", *notify, "--liaison", "tekenaar")
    assert "geen IND-liaison" in cli_error(wrong, "invalid_input", 2)
    assert as_staff("officier", "request", "show", str(rid)).json["delay_notice"] is None
    done = as_staff("officier", *notify, "--date", "2026-10-14", "--liaison", "liaison").json
    notice = done["delay_notice"]
    assert {k: notice[k] for k in ("date", "reason", "by")} == {
        "date": "2026-10-14",
        "reason": "Onderzoek loopt",
        "by": "officier",
    }
    assert notice["liaison"] == {"name": "liaison", "full_name": "liaison"}
    assert notice["recorded_afterwards"] is True  # deadline 15 October, entered 2 November
    stats = as_staff("tekenaar", "stats", "--from", "2026-10-01", "--to", "2026-10-31").json
    assert stats["late_with_notice"] == 1
    assert stats["late_with_notice_recorded_afterwards"] == 1
