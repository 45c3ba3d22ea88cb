"""Plain Dutch audit: every action the code writes has a label, and details read as sentences.

The action names are collected from the source itself, so an action added anywhere without a
label in domain/audit_labels.py fails here. Every entry is written by ``storage.audit.append``
(its ``action`` keyword); a function that passes on an action it was given as a parameter
(``Session.transaction``, ``audit_refusal``, a use case's private helper) is found from its
body, and the names its callers pass it are collected in turn, however many hands they pass
through."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from desktop_app.domain import audit_labels as al

ROOT = Path(__file__).resolve().parents[2] / "desktop_app"

# Where every audit entry is written: ``storage.audit.append(..., action=...)``.
SINK = ("append", "action")

Function = ast.FunctionDef | ast.AsyncFunctionDef


@dataclass
class _Module:
    rel: str
    tree: ast.Module
    # Each function with the functions it is nested in (innermost last, itself included).
    scopes: dict[Function, tuple[Function, ...]] = field(default_factory=dict)


def _modules() -> list[_Module]:
    modules = []
    for path in sorted(ROOT.rglob("*.py")):
        rel = path.relative_to(ROOT).as_posix()
        if rel.startswith("gui/"):
            continue  # the window writes no audit entry itself
        module = _Module(rel, ast.parse(path.read_text(encoding="utf-8")))

        def visit(node: ast.AST, chain: tuple[Function, ...], module: _Module = module) -> None:
            for child in ast.iter_child_nodes(node):
                if isinstance(child, Function):
                    module.scopes[child] = (*chain, child)
                    visit(child, (*chain, child))
                else:
                    visit(child, chain)

        visit(module.tree, ())
        modules.append(module)
    return modules


def _params(func: Function) -> list[str]:
    """The parameters a call fills by position, ``self``/``cls`` left out."""
    names = [a.arg for a in (*func.args.posonlyargs, *func.args.args)]
    return names[1:] if names[:1] in (["self"], ["cls"]) else names


def _all_params(func: Function) -> set[str]:
    return {*_params(func), *(a.arg for a in func.args.kwonlyargs)}


def _assigned(body: ast.AST, name: str) -> Iterator[ast.expr]:
    """The values ``name`` is given by an assignment in ``body`` (``a, b = "x", y`` too)."""
    for node in ast.walk(body):
        if isinstance(node, ast.AnnAssign) and node.value is not None:
            pairs = [(node.target, node.value)]
        elif isinstance(node, ast.Assign):
            pairs = [(target, node.value) for target in node.targets]
        else:
            continue
        for target, value in pairs:
            if isinstance(target, ast.Name) and target.id == name:
                yield value
            elif isinstance(target, ast.Tuple) and isinstance(value, ast.Tuple):
                for t, v in zip(target.elts, value.elts, strict=False):
                    if isinstance(t, ast.Name) and t.id == name:
                        yield v


def _calls(func: Function) -> Iterator[ast.Call]:
    """The calls in ``func``'s own body (a nested function's are its own)."""
    todo: list[ast.AST] = list(ast.iter_child_nodes(func))
    while todo:
        node = todo.pop()
        if isinstance(node, Function):
            continue
        if isinstance(node, ast.Call):
            yield node
        todo.extend(ast.iter_child_nodes(node))


def _callee(call: ast.Call) -> str | None:
    func = call.func
    return func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", None)


class _Collector:
    def __init__(self) -> None:
        self.modules = _modules()
        # (module, function name) -> (parameter, its position or None if keyword-only) that
        # the function writes or passes on as an audit action.
        self.forwarders: dict[tuple[str, str], set[tuple[str, int | None]]] = {
            ("storage/audit.py", SINK[0]): {(SINK[1], None)}
        }
        self.found: dict[str, set[str]] = {}
        self.undecided: set[str] = set()

    def run(self) -> None:
        while True:
            before = {k: set(v) for k, v in self.forwarders.items()}
            self.found, self.undecided = {}, set()
            for module in self.modules:
                for func, chain in module.scopes.items():
                    for call in _calls(func):
                        self._call(module, chain, call)
            if self.forwarders == before:
                return

    def _call(self, module: _Module, chain: tuple[Function, ...], call: ast.Call) -> None:
        name = _callee(call)
        local = isinstance(call.func, ast.Name) and name in {f.name for f in module.scopes}
        called = {
            spec
            for (rel, fname), specs in self.forwarders.items()
            if fname == name and (rel == module.rel or not local)
            for spec in specs
        }
        for param, position in called:
            given = [k.value for k in call.keywords if k.arg == param]
            if not given and position is not None and position < len(call.args):
                given = [call.args[position]]
            for arg in given:  # not given: another function of that name, or its default
                where = f"{module.rel}:{call.lineno}"
                names = self._literals(module, chain, arg)
                if names is None:
                    self.undecided.add(where)
                for action in names or ():
                    self.found.setdefault(action, set()).add(where)

    def _literals(
        self, module: _Module, chain: tuple[Function, ...], node: ast.expr
    ) -> list[str] | None:
        """The action names an argument can be; a prefix ends in '*'. None: not decidable.
        A parameter of the function (or of one it is nested in) makes that function a
        forwarder: its callers' arguments are read on the next round."""
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            return [node.value]
        if isinstance(node, ast.IfExp):
            body, other = (self._literals(module, chain, n) for n in (node.body, node.orelse))
            return None if body is None or other is None else body + other
        if isinstance(node, ast.JoinedStr) and node.values:
            first = node.values[0]
            if isinstance(first, ast.Constant) and isinstance(first.value, str):
                return [first.value + "*"]
            return None
        if not isinstance(node, ast.Name):
            return None
        for func in reversed(chain):
            if node.id in _all_params(func):
                params = _params(func)
                position = params.index(node.id) if node.id in params else None
                key = (module.rel, func.name)
                self.forwarders.setdefault(key, set()).add((node.id, position))
                return []
            values = list(_assigned(func, node.id))
            if values:
                return self._resolved(module, chain, values)
        values = [
            v
            for stmt in module.tree.body
            if not isinstance(stmt, Function | ast.ClassDef)
            for v in _assigned(stmt, node.id)
        ]
        return self._resolved(module, chain, values) if values else None

    def _resolved(
        self, module: _Module, chain: tuple[Function, ...], values: list[ast.expr]
    ) -> list[str] | None:
        names: list[str] = []
        for value in values:
            found = self._literals(module, chain, value)
            if found is None:
                return None
            names += found
        return names


def collect_actions() -> tuple[
    dict[str, set[str]], list[str], dict[tuple[str, str], set[tuple[str, int | None]]]
]:
    collector = _Collector()
    collector.run()
    return collector.found, sorted(collector.undecided), collector.forwarders


def test_every_action_written_by_the_code_has_a_dutch_label() -> None:
    found, undecided, forwarders = collect_actions()
    # The collector sees the known ones (it is not silently finding nothing), also those that
    # reach the audit through a helper's parameter.
    assert {"user.add", "report.sign", "session.signin", "audit.export"} <= set(found)
    assert "settings.*" in found
    assert {"report.withdraw", "report.send_back", "retention.destroy"} <= set(found)
    assert {"transaction", "audit_refusal", "require_audited"} <= {f for _, f in forwarders}
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
