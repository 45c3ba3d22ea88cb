"""Plain Dutch audit: every action the code writes has a label, and details read as sentences.

The action names are collected from the source itself (the calls that write an entry), so an
action added anywhere without a label in domain/audit_labels.py fails here."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from desktop_app.domain import audit_labels as al

ROOT = Path(__file__).resolve().parents[2] / "desktop_app"

# Functions that forward an action they were given (the name is a parameter there).
FORWARDERS = {
    ("services/session.py", "require_audited"),
    ("services/session.py", "transaction"),
    ("services/session.py", "audit_refusal"),
}


def _action_args(call: ast.Call) -> list[ast.expr]:
    func = call.func
    name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", None)
    if name == "transaction" and call.args:
        return [call.args[0]]
    if name == "audit_refusal" and call.args:
        return [call.args[0]]
    if name == "require_audited":
        if len(call.args) > 2:
            return [call.args[2]]
        return [k.value for k in call.keywords if k.arg == "audit_action"]
    if name == "append":
        return [k.value for k in call.keywords if k.arg == "action"]
    return []


def _literals(node: ast.expr) -> list[str] | None:
    """The action names an argument can be; a prefix ends in '*'. None: not decidable."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value]
    if isinstance(node, ast.IfExp):
        body, other = _literals(node.body), _literals(node.orelse)
        return None if body is None or other is None else body + other
    if isinstance(node, ast.JoinedStr) and node.values:
        first = node.values[0]
        if isinstance(first, ast.Constant) and isinstance(first.value, str):
            return [first.value + "*"]
    return None


def collect_actions() -> tuple[dict[str, set[str]], list[str]]:
    found: dict[str, set[str]] = {}
    undecided: list[str] = []
    for path in sorted(ROOT.rglob("*.py")):
        rel = path.relative_to(ROOT).as_posix()
        if rel.startswith("gui/"):
            continue  # the window writes no audit entry itself
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for func in ast.walk(tree):
            if not isinstance(func, ast.FunctionDef | ast.AsyncFunctionDef):
                continue
            for node in ast.walk(func):
                if not isinstance(node, ast.Call):
                    continue
                for arg in _action_args(node):
                    names = _literals(arg)
                    if names is None:
                        if (rel, func.name) not in FORWARDERS and not isinstance(arg, ast.Name):
                            undecided.append(f"{rel}:{node.lineno}")
                        continue
                    for name in names:
                        found.setdefault(name, set()).add(f"{rel}:{node.lineno}")
    return found, undecided


def test_every_action_written_by_the_code_has_a_dutch_label() -> None:
    found, undecided = collect_actions()
    # The collector sees the known ones (it is not silently finding nothing).
    assert {"user.add", "report.sign", "session.signin", "audit.export"} <= set(found)
    assert "settings.*" in found
    missing = {}
    for name, where in found.items():
        probe = name[:-1] + "x" if name.endswith("*") else name
        if not al.has_label(probe):
            missing[name] = sorted(where)
    assert missing == {}, f"audit actions without a label in domain/audit_labels.py: {missing}"
    assert undecided == [], f"action names the test cannot read: {undecided}"


def test_labels_are_plain_sentences_not_codes() -> None:
    for action, label in {**al.LABELS, **al.PREFIX_LABELS}.items():
        assert label[:1].isupper(), action
        assert "." not in label and "_" not in label, (action, label)
        assert len(label) <= 60, (action, label)
    assert len(set(al.LABELS.values())) == len(al.LABELS), "two actions read the same"


def test_readable_details_no_codes_no_none() -> None:
    r = al.readable_details('{"roles": ["ind_inspector"], "clearance": "stg_geheim"}')
    assert r.plain == "machtiging: stg geheim; rollen: IND-inzagemedewerker"
    assert r.technical == ""
    r = al.readable_details(
        {"ok": True, "entries": 12, "anchor": None, "keyring_head": "12:" + "ab" * 32}
    )
    assert "anchor" not in r.plain and "None" not in r.plain and "anker" not in r.plain
    assert r.plain == "vermeldingen: 12; in orde: ja"
    assert r.technical == "kop in de sleutelring: 12:" + "ab" * 32
    assert al.readable_details({"code": "involved"}).plain.startswith("reden: betrokken")
    # Anything that looks like a hash goes behind "Details" whatever its key.
    assert al.readable_details({"digest": "f" * 64}).technical == "digest: " + "f" * 64


def test_export_keeps_identifiers_only() -> None:
    details = {"reference": "AIVD-2026-0001", "subject": "CN=Jan de Vries", "nieuw_veld": "x"}
    assert al.readable_details(details, exported_only=True).plain == "kenmerk: AIVD-2026-0001"
    assert "Jan" in al.readable_details(details).plain  # the window shows what is there


def test_labels_objects_results() -> None:
    assert al.action_label("user.add") == "Account toegevoegd"
    assert al.action_label("settings.idle_minutes") == "Instelling gewijzigd"
    assert al.action_label("iets.nieuws") == "iets.nieuws"
    assert al.object_label("user:nieuw") == "account nieuw"
    assert al.object_label("report:12") == "ambtsbericht 12"
    assert al.object_label("report:new") == "nieuw ambtsbericht"
    assert al.object_label("requests") == "verzoeken"
    assert al.result_label("denied") == "geweigerd"


@pytest.mark.parametrize(
    ("wanted", "names", "prefix"),
    [
        ("user.add", ("user.add",), None),
        ("user", (), "user."),
        ("user.*", (), "user."),
        ("account toegevoegd", ("user.add",), None),
        ("Instelling gewijzigd", (), "settings."),
    ],
)
def test_action_filter(wanted: str, names: tuple[str, ...], prefix: str | None) -> None:
    assert al.action_filter(wanted) == al.ActionFilter(names, prefix)


def test_moments_in_details_read_as_amsterdam_time(new_york: None) -> None:
    details = {
        "attempted_at": "2026-12-02T04:37:58.986799+00:00",
        "ended_at": "2026-07-01T12:00:00Z",
    }
    plain = al.readable_details(details).plain
    assert "+00:00" not in plain and "T04:37" not in plain
    assert "poging om: 02-12-2026 05:37:58" in plain  # CET, +01:00
    assert "beëindigd om: 01-07-2026 14:00:00" in plain  # CEST, +02:00
    # The CSV keeps a machine-readable moment, with Amsterdam's offset (docs/translations.md).
    exported = al.readable_details(details, exported_only=True).plain
    assert "poging om: 2026-12-02T05:37:58+01:00" in exported


def test_values_that_are_not_moments_stay_as_they_are() -> None:
    plain = al.readable_details({"date": "2026-12-02", "reference": "2026-0012"}).plain
    assert "2026-12-02" in plain and "2026-0012" in plain
