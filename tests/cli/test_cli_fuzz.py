"""Issue 15 §3: generated arguments and file contents thrown at the CLI. Whatever comes in, the
answer is one JSON object with a known code: never a traceback, a hang or ``internal_error``,
and exit 4 only where the contract has it (a verdict of ``report verify`` / ``audit verify``)."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from support.helpers import ADMIN_PW, STAFF, populate

from desktop_app.cli.main import main as cli_main
from desktop_app.cli.registry import COMMANDS

KNOWN_CODES = {
    "forbidden",
    "invalid_state",
    "involved",
    "not_designated",
    "wrong_location",
    "four_eyes",
    "invalid_input",
    "not_found",
    "auth_failed",
    "locked",
    "wrong_workstation",
    "integrity",
    "cancelled",
    "busy",
}

# Command paths that exist (so the fuzz reaches the handlers, not only the parser).
PATHS = [
    ["request", "add"],
    ["request", "import"],
    ["request", "list"],
    ["request", "show"],
    ["request", "notify-delay"],
    ["request", "close"],
    ["report", "draft"],
    ["report", "show"],
    ["report", "diff"],
    ["report", "verify"],
    ["review", "annotate"],
    ["evidence", "add"],
    ["evidence", "list"],
    ["inspect", "end"],
    ["inspect", "record"],
    ["provision", "add"],
    ["provision", "list"],
    ["stats"],
    ["calendar", "add"],
    ["audit", "list"],
    ["audit", "verify"],
    ["user", "add"],
    ["designate"],
    *[[c.name] for c in COMMANDS],
]
OPTIONS = [
    "--subject-name",
    "--v-number",
    "--purpose",
    "--received",
    "--birth-date",
    "--limit",
    "--search",
    "--status",
    "--text-file",
    "--notes-file",
    "--file",
    "--report",
    "--request",
    "--spontaneous",
    "--version",
    "--from",
    "--to",
    "--quote",
    "--comment",
    "--start",
    "--date",
    "--reason",
    "--no-data",
    "--anchor",
    "--pdf",
    "--kind",
    "--description",
    "--direction",
    "--title",
    "--role",
    "--decision",
    "--frobnicate",
]

# Hypothesis prefers small integers; the boundaries and the look-alikes are listed so that
# every run tries them.
numbers = st.one_of(
    st.sampled_from(
        [
            "²",
            "١٢",
            "0",
            "1",
            "2",
            "00",
            "-1",
            "1e3",
            "0x10",
            " 1",
            "1_000",
            "+1",
            str(2**63 - 1),
            str(2**63),
            str(10**23),
            "9" * 5000,
        ]
    ),
    st.integers(min_value=0, max_value=60).map(str),
    st.integers(min_value=-(10**25), max_value=10**25).map(str),
)
texts = st.text(
    alphabet=st.one_of(
        st.characters(codec="utf-8"),
        st.sampled_from(["\x00", "\udcff", "\u202e", "\n", ":", "-", "/"]),
    ),
    max_size=30,
)
dates = st.one_of(
    st.dates().map(lambda d: d.isoformat()),
    st.sampled_from(["2026-02-30", "20260423", "2026-W17-4", "２０２６-04-23", "9999-99-99"]),
)
file_bytes = st.one_of(
    st.binary(max_size=400),
    st.text(max_size=200).map(lambda t: t.encode("utf-8", "surrogatepass")),
    st.sampled_from(
        [
            b"[" * 5000 + b"]" * 5000,
            b'[{"subject_name": ' + b"9" * 5000 + b"}]",
            b"subject_name,v_number,purpose,received\nA,1,asylum,2026-01-01\n",
            b"\xef\xbb\xbf\xff\xfe",
            b"%PDF-1.4\n%%EOF\n",
        ]
    ),
)


# Whole commands with every required option, so most examples reach the handler and the
# services (``N`` a number, ``T`` a text, ``D`` a date, ``F`` the generated file).
TEMPLATES = [
    "officier request add --subject-name T --v-number N --purpose T --received D --birth-date D",
    "officier request import F",
    "officier request show N",
    "officier request start N",
    "officier request notify-delay N --reason T --date D",
    "officier request close N --no-data --reason T",
    "liaison request list --search T --limit N",
    "officier report draft --spontaneous --text-file F --title T",
    "officier report draft --request N --text-file F --classification T",
    "officier report revise N --text-file F",
    "officier report show N --version N",
    "tekenaar report diff N --from N --to N",
    "tekenaar report correct N --text T",
    "officier report verify F",
    "tekenaar report print N --copies N --out F",
    "liaison review annotate N --quote T --comment T --start N",
    "officier evidence add --report N --file F --title T --date D --source T",
    "inspecteur inspect end N --notes-file F",
    "inspecteur inspect record N --pdf F",
    "officier provision add --direction T --description T --date D --request T",
    "liaison provision list --from D --to D",
    "tekenaar stats --from D --to D --pdf F",
    "beheer audit verify --anchor T",
    "beheer audit list --limit N",
    "beheer designate T --decision T --from D --until D",
    "beheer calendar add D --kind decree --description T",
    "beheer user add T --role T --clearance T",
    "beheer signing import F",
    "beheer backup --out F",
]


@st.composite
def commands(draw: st.DrawFn, template: str, file_token: str) -> list[str]:
    argv: list[str] = []
    for token in template.split()[1:]:
        if token == "N":
            argv.append(draw(numbers))
        elif token == "T":
            argv.append(draw(texts))
        elif token == "D":
            argv.append(draw(dates))
        elif token == "F":
            argv.append(file_token)
        else:
            argv.append(token)
    return argv


@st.composite
def argvs(draw: st.DrawFn, file_token: str) -> list[str]:
    argv = list(draw(st.sampled_from(PATHS)))
    for _ in range(draw(st.integers(0, 5))):
        kind = draw(st.integers(0, 4))
        if kind == 0:
            argv.append(draw(numbers))  # a positional id
        elif kind == 1:
            argv += [draw(st.sampled_from(OPTIONS)), draw(numbers)]
        elif kind == 2:
            argv += [draw(st.sampled_from(OPTIONS)), draw(texts)]
        elif kind == 3:
            argv += [draw(st.sampled_from(OPTIONS)), draw(dates)]
        else:
            argv += [draw(st.sampled_from(OPTIONS)), file_token]
    return argv


def _run_one(workspace: Any, tmp_path: Path, user: str, argv: list[str], extra: str) -> None:
    password = ADMIN_PW if user == "beheer" else STAFF[user][0]
    out, err = io.StringIO(), io.StringIO()
    code = cli_main(
        ["--json", "--data-dir", str(workspace.root), "--password-stdin", "--user", user, *argv],
        stdin=io.StringIO(f"{password}\n{extra}"),
        stdout=out,
        stderr=err,
        make_env=lambda: workspace.env,
    )
    text = out.getvalue()
    assert "Traceback" not in text + err.getvalue()
    assert text.count("\n") == 1, text
    payload = json.loads(text)
    assert code in (0, 1, 2, 3, 4), code
    if code == 4:
        # Integrity only: a verdict of the two verify commands (which carry no error object
        # for a file that is not valid, and an integrity error for a broken audit trail).
        assert argv[:2] in (["report", "verify"], ["audit", "verify"]), (argv, payload)
        assert payload.get("valid") is False or payload.get("ok") is False, payload
    elif code:
        assert payload["error"]["code"] in KNOWN_CODES, (argv, payload)
    assert not (tmp_path / "fuzz.log").exists(), (tmp_path / "fuzz.log").read_text()


def _prepare(workspace: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WERKPLEK_LOG_FILE", str(tmp_path / "fuzz.log"))
    if not (workspace.root / ".populated").exists():
        populate(workspace)
        (workspace.root / ".populated").write_text("")


SETTINGS = settings(
    max_examples=25,
    deadline=10_000,  # a loaded 2-core CI machine; a hang is caught far below pytest-timeout
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    derandomize=True,
)
stdin_tails = st.sampled_from(["", "\n", "x\n", "\udcff\n", "a-Long-password-123\n" * 2])


@pytest.mark.parametrize("template", TEMPLATES, ids=lambda t: "-".join(t.split()[1:3]))
@SETTINGS
@given(data=st.data())
def test_generated_values_in_whole_commands(
    workspace: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, template: str, data: Any
) -> None:
    """Every command with all its required options, values and files generated: the
    handlers and services see them, not only the parser."""
    _prepare(workspace, tmp_path, monkeypatch)
    upload = tmp_path / "invoer.json"
    upload.write_bytes(data.draw(file_bytes, label="file"))
    argv = data.draw(commands(template, str(upload)), label="argv")
    _run_one(workspace, tmp_path, template.split()[0], argv, data.draw(stdin_tails))


@settings(
    max_examples=150,
    deadline=10_000,  # a loaded 2-core CI machine; a hang is caught far below pytest-timeout
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    derandomize=True,
)
@given(data=st.data())
def test_generated_arguments_and_files(
    workspace: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, data: st.DataObject
) -> None:
    """Any command path with any options in any order."""
    _prepare(workspace, tmp_path, monkeypatch)
    upload = tmp_path / "invoer.json"
    upload.write_bytes(data.draw(file_bytes, label="file"))
    argv = data.draw(argvs(str(upload)), label="argv")
    user = data.draw(st.sampled_from(["beheer", "officier", *STAFF]), label="user")
    _run_one(workspace, tmp_path, user, argv, data.draw(stdin_tails))
