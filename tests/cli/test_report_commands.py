"""CLI contract for report draft|revise|submit|show|diff|sign|issue (+ the extensions list,
classify, correct): JSON shapes, exit codes and the error objects for bad input and refusals."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path
from typing import Any

import pytest
from support.helpers import cli_error

from desktop_app.domain.classification import Classification
from desktop_app.domain.roles import Role
from desktop_app.services.users import add_user

PASSWORDS = {
    "officier": "officier-wachtwoord",
    "tekenaar": "tekenaar-wachtwoord",
    "liaison": "liaison-wachtwoord",
    "dubbel": "dubbel-wachtwoord",
}
ROLES = {
    "officier": ((Role.AIVD_OFFICER,), Classification.STG_GEHEIM),
    "tekenaar": ((Role.AIVD_SIGNER,), Classification.STG_ZEER_GEHEIM),
    "liaison": ((Role.IND_LIAISON,), Classification.STG_CONFIDENTIEEL),
    "dubbel": ((Role.AIVD_OFFICER, Role.AIVD_SIGNER), Classification.STG_GEHEIM),
}
# In the structured form (docs/report-text-format.md) that submit and sign require.
TEXT_V1 = (
    "Onderwerp: betrokkene B\n\n"
    "Aanleiding\nBetrokkene reisde in 2020 naar het buitenland.\n\n"
    "Bevindingen\n1. Betrokkene is bij de dienst bekend.\n   Betrouwbaarheid: betrouwbaar\n\n"
    "Conclusie\nGeen bezwaar bekend.\n"
)
TEXT_V2 = TEXT_V1.replace("in 2020", "in 2021")
ISO = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?\+00:00")


@pytest.fixture
def run(workspace: Any, as_user: Any) -> Any:
    with workspace.session() as admin:
        for name, (roles, clearance) in ROLES.items():
            add_user(admin, name=name, password=PASSWORDS[name], roles=roles, clearance=clearance)

    def call(user: str, *args: str, json_mode: bool = True) -> Any:
        return as_user(user, *args, secrets=[PASSWORDS[user]], json_mode=json_mode)

    return call


@pytest.fixture
def texts(tmp_path: Path) -> dict[str, Path]:
    out = {}
    for name, text in (
        ("v1", TEXT_V1),
        ("v2", TEXT_V2),
        ("empty", " \n\n"),
        ("latin1", "Caf\xe9\n"),
    ):
        path = tmp_path / f"{name}.txt"
        path.write_bytes(text.encode("latin-1" if name == "latin1" else "utf-8"))
        out[name] = path
    return out


def ok(result: Any) -> Any:
    assert result.code == 0, (result.out, result.err)
    return result.json


def draft(run: Any, texts: dict[str, Path], *extra: str) -> int:
    out = ok(
        run("officier", "report", "draft", "--spontaneous", "--text-file", str(texts["v1"]), *extra)
    )
    return int(out["id"])


def usable(run: Any, texts: dict[str, Path]) -> int:
    rid = draft(run, texts)
    ok(run("officier", "report", "submit", str(rid)))
    ok(run("liaison", "review", "verdict", str(rid), "--usable"))
    return rid


def test_draft_shape(run: Any, texts: dict[str, Path]) -> None:
    out = ok(
        run(
            "officier",
            "report",
            "draft",
            "--spontaneous",
            "--text-file",
            str(texts["v1"]),
            "--title",
            "Reis",
            "--classification",
            "dep_vertrouwelijk",
        )
    )
    assert out == {
        "id": out["id"],
        "reference": "AB-2026-000001",
        "version": 1,
        "status": "draft",
        "classification": "dep_vertrouwelijk",
        "warnings": [],
    }
    assert isinstance(out["id"], int)
    default = ok(
        run("officier", "report", "draft", "--spontaneous", "--text-file", str(texts["v1"]))
    )
    assert default["classification"] == "stg_confidentieel"


def test_draft_bad_input(run: Any, texts: dict[str, Path], tmp_path: Path) -> None:
    base = ("report", "draft", "--spontaneous", "--text-file")
    assert "leeg" in cli_error(run("officier", *base, str(texts["empty"])), "invalid_input", 2)
    cli_error(run("officier", *base, str(texts["latin1"])), "invalid_input", 2)
    cli_error(run("officier", *base, str(tmp_path / "nergens.txt")), "not_found", 2)
    cli_error(
        run("officier", *base, str(texts["v1"]), "--classification", "topgeheim"),
        "invalid_input",
        2,
    )
    # Exactly one of --request / --spontaneous.
    cli_error(
        run("officier", "report", "draft", "--text-file", str(texts["v1"])), "invalid_input", 2
    )
    cli_error(
        run(
            "officier",
            "report",
            "draft",
            "--spontaneous",
            "--request",
            "1",
            "--text-file",
            str(texts["v1"]),
        ),
        "invalid_input",
        2,
    )
    cli_error(run("officier", "report", "show", "abc"), "invalid_input", 2)
    # Wrong role.
    cli_error(run("liaison", *base, str(texts["v1"])), "forbidden", 1)
    cli_error(
        run("officier", *base, str(texts["v1"]), "--classification", "stg_zeer_geheim"),
        "forbidden",
        1,
    )


def test_revise_submit_show_diff(run: Any, texts: dict[str, Path]) -> None:
    rid = draft(run, texts)
    ok(run("officier", "report", "submit", str(rid)))
    # Revise while in review.
    msg = cli_error(
        run("officier", "report", "revise", str(rid), "--text-file", str(texts["v2"])),
        "invalid_state",
        1,
    )
    assert "beoordeling" in msg
    ok(run("liaison", "review", "verdict", str(rid), "--changes-wanted", "--comment", "Jaartal?"))
    out = ok(run("officier", "report", "revise", str(rid), "--text-file", str(texts["v2"])))
    assert {k: out[k] for k in ("id", "version", "status")} == {
        "id": rid,
        "version": 2,
        "status": "draft",
    }
    out = ok(run("officier", "report", "submit", str(rid)))
    assert (out["status"], out["version"]) == ("in_review", 2)

    show = ok(run("officier", "report", "show", str(rid)))
    assert (show["id"], show["version"], show["status"], show["text"]) == (
        rid,
        2,
        "in_review",
        TEXT_V2,
    )
    for key in (
        "reference",
        "title",
        "classification",
        "annotations",
        "versions",
        "verdicts",
        "allowed_actions",
        "work_lists",
        "latest_version",
        "history",
    ):
        assert key in show
    assert show["title"] == "betrokkene B"
    assert [v["verdict"] for v in show["verdicts"]] == ["changes_wanted"]
    assert ISO.fullmatch(show["created_at"])
    old = ok(run("officier", "report", "show", str(rid), "--version", "1"))
    assert (old["version"], old["text"], old["latest_version"]) == (1, TEXT_V1, 2)
    cli_error(run("officier", "report", "show", str(rid), "--version", "3"), "not_found", 2)
    cli_error(run("officier", "report", "show", "999"), "not_found", 2)

    diff = ok(run("officier", "report", "diff", str(rid), "--from", "1", "--to", "2"))
    assert set(diff) == {"id", "reference", "from", "to", "diff"}
    assert (diff["from"], diff["to"]) == (1, 2)
    assert "-Betrokkene reisde in 2020 naar het buitenland." in diff["diff"]
    assert "+Betrokkene reisde in 2021 naar het buitenland." in diff["diff"]
    cli_error(run("officier", "report", "diff", str(rid), "--from", "1"), "invalid_input", 2)
    human = run("officier", "report", "diff", str(rid), "--from", "1", "--to", "2", json_mode=False)
    assert human.code == 0 and human.out.startswith("--- AB-2026-000001 versie 1\n")


def test_sign_and_issue(run: Any, texts: dict[str, Path]) -> None:
    rid = draft(run, texts)
    # Sign without a usable verdict; issue unsigned.
    cli_error(run("tekenaar", "report", "sign", str(rid)), "invalid_state", 1)
    cli_error(run("officier", "report", "issue", str(rid)), "invalid_state", 1)
    ok(run("officier", "report", "submit", str(rid)))
    ok(run("liaison", "review", "verdict", str(rid), "--usable"))
    cli_error(run("officier", "report", "sign", str(rid)), "forbidden", 1)
    out = ok(run("tekenaar", "report", "sign", str(rid), "--classification", "stg_geheim"))
    assert out["status"] == "signed"
    assert out["text_sha256"] == hashlib.sha256(TEXT_V1.encode()).hexdigest()
    assert out["classification"] == "stg_geheim"
    cli_error(
        run("officier", "report", "revise", str(rid), "--text-file", str(texts["v2"])),
        "invalid_state",
        1,
    )
    cli_error(run("liaison", "report", "issue", str(rid)), "forbidden", 1)
    out = ok(run("officier", "report", "issue", str(rid)))
    assert (out["id"], out["status"], out["request_id"]) == (rid, "issued", None)
    assert "provision_id" in out
    cli_error(run("officier", "report", "issue", str(rid)), "invalid_state", 1)
    # The report is now stg_geheim: above the liaison's clearance.
    msg = cli_error(run("liaison", "report", "show", str(rid)), "forbidden", 1)
    assert "betrokkene" not in msg.lower()
    out = ok(run("officier", "report", "correct", str(rid), "--text", "Het jaartal is 2021."))
    assert out["report_id"] == rid and "provision_id" in out


def test_four_eyes_exit_code(run: Any, texts: dict[str, Path]) -> None:
    out = ok(run("dubbel", "report", "draft", "--spontaneous", "--text-file", str(texts["v1"])))
    rid = str(out["id"])
    ok(run("dubbel", "report", "submit", rid))
    ok(run("liaison", "review", "verdict", rid, "--usable"))
    cli_error(run("dubbel", "report", "sign", rid), "four_eyes", 1)
    assert ok(run("tekenaar", "report", "sign", rid))["status"] == "signed"


def test_list_and_classify(run: Any, texts: dict[str, Path]) -> None:
    a = draft(run, texts)
    b = usable(run, texts)
    out = ok(run("officier", "report", "list"))
    assert set(out) == {"lists"}
    assert set(out["lists"]) == {
        "my_drafts",
        "returned_to_me",  # back with the officer: changes wanted, sent back (issue 12)
        "submitted_by_me",
        "awaiting_my_review",
        "judged_by_me",
        "awaiting_my_signature",
        "ready_to_issue",
        "issued",
    }
    assert out["lists"]["returned_to_me"] == []
    assert [r["id"] for r in out["lists"]["submitted_by_me"]] == [b]  # judged usable, waiting
    # A submitted report leaves "Mijn concepten" (issue 12: lists follow the report's state).
    assert [r["id"] for r in out["lists"]["my_drafts"]] == [a]
    signer = ok(run("tekenaar", "report", "list", "--list", "awaiting_my_signature"))
    assert [r["id"] for r in signer["lists"]["awaiting_my_signature"]] == [b]
    assert set(signer["lists"]) == {"awaiting_my_signature"}
    out = ok(run("officier", "report", "classify", str(a), "--classification", "stg_geheim"))
    assert out["classification"] == "stg_geheim"
    cli_error(
        run("officier", "report", "classify", str(b), "--classification", "stg_geheim"),
        "invalid_state",
        1,
    )


def test_human_output_of_show(run: Any, texts: dict[str, Path]) -> None:
    rid = draft(run, texts)
    human = run("officier", "report", "show", str(rid), json_mode=False)
    assert human.code == 0
    assert "AB-2026-000001" in human.out and "Betrokkene reisde in 2020" in human.out
    assert "STG. CONFIDENTIEEL" in human.out


def test_draft_on_a_request_and_issue_closes_it(
    run: Any, texts: dict[str, Path], workspace: Any
) -> None:
    import datetime as dt

    from desktop_app.domain.calendar import AtwCalendar
    from desktop_app.domain.requests import Purpose, RequestDraft
    from desktop_app.storage import requests as requests_repo

    draft_request = RequestDraft(
        subject_name="Betrokkene B",
        v_number="1234567890",
        purpose=Purpose.RESIDENCE,
        received=dt.date(2026, 10, 29),
    )
    with workspace.session() as admin, admin.db.transaction() as conn:
        request_id = requests_repo.insert_many(
            conn,
            [draft_request],
            calendar=AtwCalendar.default(),
            created_by="liaison",
            created_at="2026-10-29T09:00:00+00:00",
        ).first_id
    cli_error(
        run("officier", "report", "draft", "--request", "999", "--text-file", str(texts["v1"])),
        "not_found",
        2,
    )
    answer = ("report", "draft", "--request", str(request_id), "--text-file", str(texts["v1"]))
    out = ok(run("officier", *answer))
    rid = str(out["id"])
    cli_error(run("officier", *answer), "invalid_state", 1)
    assert ok(run("officier", "report", "show", rid))["request_id"] == request_id
    ok(run("officier", "report", "submit", rid))
    ok(run("liaison", "review", "verdict", rid, "--usable"))
    ok(run("tekenaar", "report", "sign", rid))
    out = ok(run("tekenaar", "report", "issue", rid))
    assert (out["status"], out["request_id"], out["request_status"]) == (
        "issued",
        request_id,
        "closed_report_issued",
    )


FREE_TEXT = "Betrokkene reisde in 2020 naar het buitenland (bron onbekend).\n"


def test_free_text_is_drafted_and_printed_but_not_submitted(
    run: Any, texts: dict[str, Path], tmp_path: Path
) -> None:
    free = tmp_path / "vrij.txt"
    free.write_text(FREE_TEXT, encoding="utf-8")
    rid = str(
        ok(run("officier", "report", "draft", "--spontaneous", "--text-file", str(free)))["id"]
    )
    # Revising and printing as CONCEPT stay possible.
    free.write_text(FREE_TEXT.replace("2020", "2019"), encoding="utf-8")
    ok(run("officier", "report", "revise", rid, "--text-file", str(free)))
    printed = ok(run("officier", "report", "print", rid, "--out", str(tmp_path / "p")))
    assert printed["draft"] is True and len(printed["files"]) == 1
    # Submitting is refused (the stored text is what is lacking: invalid_state, exit 1) and the
    # message says what the form needs and where it is documented.
    msg = cli_error(run("officier", "report", "submit", rid), "invalid_state", 1)
    assert "ter beoordeling" in msg and "vaste vorm" in msg and "'Bevindingen'" in msg
    assert "docs/report-text-format.md" in msg
    assert ok(run("officier", "report", "show", rid))["status"] == "draft"
    # A finding without reliability or source is named.
    bare = tmp_path / "kaal.txt"
    bare.write_text(TEXT_V1.replace("   Betrouwbaarheid: betrouwbaar\n", ""), encoding="utf-8")
    ok(run("officier", "report", "revise", rid, "--text-file", str(bare)))
    msg = cli_error(run("officier", "report", "submit", rid), "invalid_state", 1)
    assert "bevinding 1 vermeldt geen betrouwbaarheid en geen bronverwijzing" in msg
    # The same report in the structured form goes on as before.
    ok(run("officier", "report", "revise", rid, "--text-file", str(texts["v1"])))
    assert ok(run("officier", "report", "submit", rid))["status"] == "in_review"
