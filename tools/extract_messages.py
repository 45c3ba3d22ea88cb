"""Keep the English catalogue of the core's messages current (docs/translations.md).

    python tools/extract_messages.py           # add new Dutch messages (English ""), report
    python tools/extract_messages.py --check   # change nothing; exit 1 when an entry is missing
    python tools/extract_messages.py --prune   # also drop entries no longer in the code

Reads the Qt-free core (desktop_app/ except gui/) with ``ast`` and collects the Dutch texts a
person can see:
- the first argument of every error raised from domain/errors.py's classes, or from a class
  the core derives from them anywhere (the CLI's UsageError, a use case's private refusal), and
  argparse's ArgumentTypeError; a module-level text constant given there counts as its text;
- every line the CLI says to people (``ctx.say``), also through ``listed``'s ``line`` (a lambda or
  a function of the same module: what it returns);
- every text marked with ``domain.messages.N_`` (dashboard sentences);
- the action phrase of a role check (``require``, ``require_audited``, ``require_any_role``),
  which the refusal quotes;
- the label tables listed in ``TABLES`` (roles, the audit trail's labels), and a text constant
  listed there;
- the texts returned by the functions and properties listed in ``RETURNS`` (a classification
  duration, "tot en met {0}"), which the JSON gives in Dutch and a front end translates.

An f-string becomes a template: each run-time part is ``{0}``, ``{1}``… in order. The catalogue
is desktop_app/domain/messages_en.py, rewritten sorted, with every English text kept; a new
message gets ``""`` until someone translates it (tests/domain/test_messages.py fails on those).
"""

from __future__ import annotations

import argparse
import ast
import sys
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "desktop_app"
CATALOGUE = PACKAGE / "domain" / "messages_en.py"

ERRORS = {"UsageError", "ArgumentTypeError"}
# (file under desktop_app/, name of a dict or tuple whose string values are shown to people)
TABLES = (
    ("domain/roles.py", "_LABELS_NL"),
    ("domain/queues.py", "_LABELS"),
    ("domain/reports.py", "_STATUS_LABELS"),
    ("domain/audit_labels.py", "LABELS"),
    ("domain/audit_labels.py", "PREFIX_LABELS"),
    ("domain/audit_labels.py", "RESULT_LABELS"),
    ("domain/audit_labels.py", "OBJECT_KINDS"),
    ("domain/audit_labels.py", "OBJECT_WORDS"),
    ("domain/audit_labels.py", "DETAIL_LABELS"),
    ("domain/audit_labels.py", "_CODE_WORDS"),
    ("domain/audit_labels.py", "_ROLE_WORDS"),
    ("domain/audit_labels.py", "_WORDS"),
    ("domain/classification.py", "NOT_RECORDED"),
)
# (file under desktop_app/, name of a function or property): every text it returns is shown
# (through messages.translate where it reaches a person; the JSON keeps the Dutch).
RETURNS = (
    ("domain/classification.py", "text"),
    ("services/marking.py", "duration_label"),
    ("services/evidence.py", "duration_label"),
    ("services/covenant.py", "status_text"),
)
# Position of the action phrase in a role check's arguments.
ROLE_CHECKS = {"require": 1, "require_audited": 1, "require_any_role": 2}


def _error_names(trees: dict[str, ast.Module]) -> set[str]:
    """domain/errors.py's classes and every class of the core derived from one (to any depth)."""
    names = ERRORS | {n.name for n in trees["domain/errors.py"].body if isinstance(n, ast.ClassDef)}
    classes = [n for tree in trees.values() for n in ast.walk(tree) if isinstance(n, ast.ClassDef)]
    grown = True
    while grown:
        grown = False
        for cls in classes:
            bases = {b.id if isinstance(b, ast.Name) else getattr(b, "attr", "") for b in cls.bases}
            if cls.name not in names and bases & names:
                names.add(cls.name)
                grown = True
    return names


def _constants(tree: ast.Module) -> dict[str, ast.expr]:
    """A module's top-level ``NAME = "text"`` assignments."""
    out: dict[str, ast.expr] = {}
    for node in tree.body:
        if isinstance(node, ast.Assign) and len(node.targets) == 1:
            target, value = node.targets[0], node.value
            if isinstance(target, ast.Name) and template(value):
                out[target.id] = value
    return out


def _text_of(node: ast.expr, constants: dict[str, ast.expr]) -> list[str]:
    """``template``, reading a name of a module-level text constant as its text."""
    if isinstance(node, ast.Name) and node.id in constants:
        return template(constants[node.id])
    return template(node)


def _line_functions(tree: ast.Module, calls: list[ast.Call]) -> Iterator[ast.expr]:
    """What the ``line`` given to ``listed`` returns: a lambda's body, or the returns of the
    module's function of that name."""
    functions = {n.name: n for n in tree.body if isinstance(n, ast.FunctionDef)}
    for call in calls:
        given = [k.value for k in call.keywords if k.arg == "line"] + call.args[2:3]
        for line in given:
            if isinstance(line, ast.Lambda):
                yield line.body
            elif isinstance(line, ast.Name) and line.id in functions:
                for inner in ast.walk(functions[line.id]):
                    if isinstance(inner, ast.Return) and inner.value is not None:
                        yield inner.value


def _escape(text: str) -> str:
    return text.replace("{", "{{").replace("}", "}}")


def template(node: ast.expr) -> list[str]:
    """The catalogue keys an expression can produce ([] when it is no text we can read)."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [_escape(node.value)]
    if isinstance(node, ast.IfExp):
        return template(node.body) + template(node.orelse)
    if isinstance(node, ast.JoinedStr):
        return [_joined(node.values)]
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        left, right = template(node.left), template(node.right)
        if left and right:
            return [_renumber(a + b) for a in left for b in right]
        if left:
            return [_renumber(a + "{0}") for a in left]
        if right:
            return [_renumber("{0}" + b) for b in right]
    return []


def _joined(values: list[ast.expr]) -> str:
    out = []
    for value in values:
        if isinstance(value, ast.Constant) and isinstance(value.value, str):
            out.append(_escape(value.value))
        else:
            out.append("{0}")
    return _renumber("".join(out))


def _renumber(text: str) -> str:
    """Number the run-time parts 0, 1, 2… in order of appearance."""
    out, i, n = [], 0, 0
    while i < len(text):
        if text.startswith("{{", i) or text.startswith("}}", i):
            out.append(text[i : i + 2])
            i += 2
        elif text[i] == "{":
            end = text.index("}", i)
            out.append("{" + str(n) + "}")
            n += 1
            i = end + 1
        else:
            out.append(text[i])
            i += 1
    return "".join(out)


def _call_name(call: ast.Call) -> str | None:
    func = call.func
    if isinstance(func, ast.Attribute):
        return func.attr
    if isinstance(func, ast.Name):
        return func.id
    return None


def _is_dutch(key: str) -> bool:
    """A sentence or phrase for people: letters beyond the run-time parts and not a code."""
    literal = "".join(ch for ch in key if ch.isalpha())
    return len(literal) >= 3


def messages() -> dict[str, set[str]]:
    """Every catalogue key in the code, with where it occurs (file:line)."""
    trees = {
        path.relative_to(PACKAGE).as_posix(): ast.parse(path.read_text(encoding="utf-8"))
        for path in sorted(PACKAGE.rglob("*.py"))
        if not path.relative_to(PACKAGE).as_posix().startswith("gui/") and path != CATALOGUE
    }
    errors = _error_names(trees)
    found: dict[str, set[str]] = {}

    def add(keys: list[str], where: str, *, listed: bool = False) -> None:
        for key in keys:
            # A table names its texts on purpose, however short ("ja"); elsewhere a text must
            # have letters beyond its run-time parts to be one for people.
            if listed or _is_dutch(key):
                found.setdefault(key, set()).add(where)

    for rel, tree in trees.items():
        constants = _constants(tree)
        listings = []
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            name = _call_name(node)
            where = f"{rel}:{node.lineno}"
            said = name == "say" and rel.startswith("cli/")
            marked = name == "N_"  # domain.messages.N_: shown elsewhere than in an error
            if (name in errors or said or marked) and node.args:
                add(_text_of(node.args[0], constants), where)
            elif name in ROLE_CHECKS and len(node.args) > ROLE_CHECKS[name]:
                add(_text_of(node.args[ROLE_CHECKS[name]], constants), where)
            elif name == "listed" and rel.startswith("cli/"):
                listings.append(node)
        for returned in _line_functions(tree, listings):
            add(_text_of(returned, constants), f"{rel}:{returned.lineno}")
    for rel, table in TABLES:
        for key in _table_values(PACKAGE / rel, table):
            add([key], f"{rel}:{table}", listed=True)
    for rel, function in RETURNS:
        for node in _returned(PACKAGE / rel, function):
            add(template(node), f"{rel}:{node.lineno}")
    return found


def _returned(path: Path, name: str) -> Iterator[ast.expr]:
    """The returned expressions of every function (or method) ``name`` in ``path``."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef) and node.name == name:
            for inner in ast.walk(node):
                if isinstance(inner, ast.Return) and inner.value is not None:
                    yield inner.value


def _table_values(path: Path, name: str) -> Iterator[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in tree.body:
        targets: list[ast.expr] = []
        value: ast.expr | None = None
        if isinstance(node, ast.Assign):
            targets, value = node.targets, node.value
        elif isinstance(node, ast.AnnAssign) and node.value is not None:
            targets, value = [node.target], node.value
        if value is None or not any(isinstance(t, ast.Name) and t.id == name for t in targets):
            continue
        if isinstance(value, ast.Constant) and isinstance(value.value, str):
            yield _escape(value.value)  # a single text ("niet vastgelegd")
            continue
        items = value.values if isinstance(value, ast.Dict) else getattr(value, "elts", [])
        for item in items:
            if isinstance(item, ast.Constant) and isinstance(item.value, str):
                yield _escape(item.value)


def load_catalogue() -> dict[str, str]:
    if not CATALOGUE.exists():
        return {}
    tree = ast.parse(CATALOGUE.read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.AnnAssign | ast.Assign):
            value = node.value
            if isinstance(value, ast.Dict):
                return {
                    k.value: v.value
                    for k, v in zip(value.keys, value.values, strict=True)
                    if isinstance(k, ast.Constant) and isinstance(v, ast.Constant)
                }
    return {}


HEADER = '''# ruff: noqa: E501  (one entry per line, however long: the file is generated and diffed)
"""English for the core's Dutch messages (see desktop_app/domain/messages.py).

Kept by tools/extract_messages.py: run it after adding or changing a message, then fill in
each "" below. Keys are the Dutch source; {0}, {1}… are the run-time parts (reorder them as
English needs). Sorted; one entry per line.
"""

from __future__ import annotations

CATALOGUE: dict[str, str] = {
'''


def write_catalogue(entries: dict[str, str]) -> None:
    lines = [HEADER]
    for key in sorted(entries):
        lines.append(f"    {_literal(key)}: {_literal(entries[key])},\n")
    lines.append("}\n")
    CATALOGUE.write_text("".join(lines), encoding="utf-8")


def _literal(text: str) -> str:
    """A Python string literal, double-quoted like the rest of the code."""
    body = repr(text)
    if body.startswith("'") and '"' not in text:
        body = '"' + body[1:-1].replace("\\'", "'") + '"'
    return body


def missing(found: dict[str, set[str]], catalogue: dict[str, str]) -> dict[str, set[str]]:
    return {k: v for k, v in found.items() if not catalogue.get(k)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="change nothing; exit 1 on gaps")
    parser.add_argument("--prune", action="store_true", help="drop entries not in the code")
    ns = parser.parse_args(argv)
    found = messages()
    catalogue = load_catalogue()
    gaps = missing(found, catalogue)
    obsolete = sorted(set(catalogue) - set(found))
    if not ns.check:
        entries = dict(catalogue)
        for key in found:
            entries.setdefault(key, "")
        if ns.prune:
            for key in obsolete:
                entries.pop(key, None)
        write_catalogue(entries)
    for key in sorted(gaps):
        print(f"untranslated: {key!r} ({', '.join(sorted(gaps[key])[:2])})")
    print(
        f"{len(found)} messages, {len(found) - len(gaps)} translated, {len(gaps)} to do,"
        f" {len(obsolete)} no longer in the code" + (" (dropped)" if ns.prune else "")
    )
    return 1 if ns.check and gaps else 0


if __name__ == "__main__":
    sys.exit(main())
