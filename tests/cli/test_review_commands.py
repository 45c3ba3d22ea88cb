"""CLI contract for review annotate|verdict (the IND liaison's review, art. 2.4)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from support.helpers import cli_error

# In the structured form (docs/report-text-format.md) that submit and sign require.
TEXT_V1 = (
    "Onderwerp: betrokkene C\n\n"
    "Aanleiding\n"
    "Betrokkene is bekend bij de dienst.\n"
    "Betrokkene is bekend bij de dienst.\n\n"
    "Bevindingen\n1. Zij verbleef in 2018 in het buitenland.\n   Betrouwbaarheid: betrouwbaar\n\n"
    "Conclusie\nGeen bezwaar bekend.\n"
)
TEXT_V2 = (
    "Onderwerp: betrokkene C\n\n"
    "Aanleiding\nVerzoek van de IND.\n\n"
    "Bevindingen\n1. Zij verbleef in 2018 in het buitenland.\n   Betrouwbaarheid: betrouwbaar\n\n"
    "Conclusie\nGeen bezwaar bekend.\n"
)


@pytest.fixture
def run(review_team: Any) -> Any:
    return review_team


@pytest.fixture
def report(run: Any, tmp_path: Path) -> tuple[int, Path]:
    v1, v2 = tmp_path / "v1.txt", tmp_path / "v2.txt"
    v1.write_text(TEXT_V1, encoding="utf-8")
    v2.write_text(TEXT_V2, encoding="utf-8")
    out = run("officier", "report", "draft", "--spontaneous", "--text-file", str(v1))
    assert out.code == 0, out.out
    return int(out.json["id"]), v2


def test_annotate_shape_and_rules(run: Any, report: tuple[int, Path]) -> None:
    rid, _ = report
    quote = "verbleef in 2018"

    def annotate(user: str, *options: str) -> Any:
        return run(user, "review", "annotate", str(rid), *options)

    # Not in review yet.
    cli_error(
        annotate("liaison", "--quote", quote, "--comment", "x"),
        "invalid_state",
        1,
    )
    assert run("officier", "report", "submit", str(rid)).code == 0
    out = annotate("liaison", "--quote", quote, "--comment", "Bron?")
    assert out.code == 0, out.out
    start = TEXT_V1.index(quote)
    assert out.json == {
        "id": out.json["id"],
        "report_id": rid,
        "version": 1,
        "start": start,
        "end": start + len(quote),
    }
    # The quote must occur in the version under review.
    msg = cli_error(
        annotate("liaison", "--quote", "staat er niet in", "--comment", "x"),
        "invalid_input",
        2,
    )
    assert "versie 1" in msg
    cli_error(
        annotate("liaison", "--quote", quote, "--comment", " "),
        "invalid_input",
        2,
    )
    cli_error(annotate("liaison", "--quote", quote), "invalid_input", 2)
    cli_error(
        annotate("officier", "--quote", quote, "--comment", "x"),
        "forbidden",
        1,
    )
    # --start picks the second of two identical sentences.
    twice = "Betrokkene is bekend bij de dienst."
    second = TEXT_V1.rindex(twice)
    out = annotate("liaison", "--quote", twice, "--comment", "Dubbel", "--start", str(second))
    assert (out.json["start"], out.json["end"]) == (second, second + len(twice))
    cli_error(
        annotate("liaison", "--quote", twice, "--comment", "x", "--start", "3"),
        "invalid_input",
        2,
    )


def test_verdict_and_annotations_on_later_versions(run: Any, report: tuple[int, Path]) -> None:
    rid, v2 = report
    cli_error(run("liaison", "review", "verdict", str(rid), "--usable"), "invalid_state", 1)
    assert run("officier", "report", "submit", str(rid)).code == 0
    cli_error(run("liaison", "review", "verdict", str(rid)), "invalid_input", 2)
    cli_error(
        run("liaison", "review", "verdict", str(rid), "--usable", "--changes-wanted"),
        "invalid_input",
        2,
    )
    cli_error(run("officier", "review", "verdict", str(rid), "--usable"), "forbidden", 1)
    kept = run(
        "liaison",
        "review",
        "annotate",
        str(rid),
        "--quote",
        "verbleef in 2018",
        "--comment",
        "Bron?",
    ).json
    gone = run(
        "liaison",
        "review",
        "annotate",
        str(rid),
        "--quote",
        "bekend bij de dienst",
        "--comment",
        "Hoe?",
    ).json
    out = run(
        "liaison", "review", "verdict", str(rid), "--changes-wanted", "--comment", "Graag bronnen."
    )
    assert out.code == 0
    assert {k: out.json[k] for k in ("id", "status", "verdict", "version")} == {
        "id": rid,
        "status": "changes_wanted",
        "verdict": "changes_wanted",
        "version": 1,
    }
    assert run("officier", "report", "revise", str(rid), "--text-file", str(v2)).code == 0
    show = run("officier", "report", "show", str(rid)).json
    assert show["version"] == 2
    notes = {a["id"]: a for a in show["annotations"]}
    for a in notes.values():
        assert set(a) == {
            "id",
            "version",
            "start",
            "end",
            "quote",
            "comment",
            "author",
            "created_at",
            "outdated",
            "shown_start",
            "shown_end",
            # Extensions (issue 12): the remark's life after placing.
            "edited",
            "withdrawn",
            "handled",
            "handled_note",
            "handled_by",
            "handled_at",
        }
        assert a["author"] == "liaison" and a["version"] == 1
    k = notes[kept["id"]]
    assert k["outdated"] is False
    assert TEXT_V2[k["shown_start"] : k["shown_end"]] == "verbleef in 2018"
    assert (k["start"], k["end"]) == (kept["start"], kept["end"])
    g = notes[gone["id"]]
    assert g["outdated"] is True and g["shown_start"] is None
    assert run("officier", "report", "submit", str(rid)).code == 0
    out = run("liaison", "review", "verdict", str(rid), "--usable")
    assert out.code == 0 and out.json["status"] == "usable" and out.json["version"] == 2
    # Second verdict on the same text: the review is over.
    cli_error(run("liaison", "review", "verdict", str(rid), "--usable"), "invalid_state", 1)
    assert run("tekenaar", "report", "sign", str(rid)).json["status"] == "signed"
