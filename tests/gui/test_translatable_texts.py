"""Every window text lupdate can see is the one Qt looks up at run time.

lupdate files ``self.tr("…")`` under the enclosing class and ``translate("Ctx", "…")`` under
its literal context. ``other.tr("…")`` (filed under the receiver's *name*, looked up under its
class), ``translate(self.CONTEXT, "…")`` (not extracted at all) and wrappers such as
``self._tr("…")`` (not extracted) leave the text Dutch in the English window."""

from __future__ import annotations

import ast

from support.helpers import REPO

GUI = REPO / "desktop_app" / "gui"


def _literal(node: ast.expr) -> bool:
    return isinstance(node, ast.Constant) and isinstance(node.value, str)


def hidden_texts(source: str) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Attribute):
            continue
        name, args = node.func.attr, node.args
        receiver = node.func.value
        if name == "tr" and args and _literal(args[0]):
            if not (isinstance(receiver, ast.Name) and receiver.id == "self"):
                found.append(f"{node.lineno}: {ast.unparse(receiver)}.tr(…)")
        elif name == "translate" and len(args) >= 2 and _literal(args[1]):
            if not _literal(args[0]):
                found.append(f"{node.lineno}: translate({ast.unparse(args[0])}, …)")
        elif name.startswith("_") and name.endswith("tr") and args and _literal(args[0]):
            found.append(f"{node.lineno}: {name}(…) hides the text from lupdate")
    return found


def test_the_check_finds_each_hidden_form() -> None:
    source = (
        "def f(dialog):\n"
        "    dialog.tr('a')\n"
        "    QCoreApplication.translate(self.CONTEXT, 'b')\n"
        "    self._tr('c')\n"
        "    self.tr('fine')\n"
        "    QCoreApplication.translate('Ctx', 'fine')\n"
        "    QCoreApplication.translate('Ctx', LABELS[x])\n"
    )
    assert [line.split(":")[0] for line in hidden_texts(source)] == ["2", "3", "4"]


def test_no_window_text_is_hidden_from_the_catalogue() -> None:
    problems = []
    for path in sorted(GUI.rglob("*.py")):
        if "forms" in path.parts:
            continue
        for problem in hidden_texts(path.read_text(encoding="utf-8")):
            problems.append(f"{path.relative_to(REPO)}:{problem}")
    assert problems == []
