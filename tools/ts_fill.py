"""Fill the window's English catalogue (resources/translations/werkplek_en.ts) in batches.

    python tools/ts_fill.py dump [--all] [--context NAME] > todo.json
        the unfinished entries (with --all: every entry) as JSON, one object per message:
        {"context", "source", "comment", "numerus", "translation"}; a numerus entry's
        translation is a list of the two English forms (singular, plural).
    python tools/ts_fill.py apply batch.json
        fills the entries named in batch.json (a list of such objects, or of
        [context, source, translation]; context "*" means every context holding that source)
        and drops their type="unfinished". Reports sources it could not find.
    python tools/ts_fill.py carry OLD.ts
        fills each unfinished entry whose Dutch source OLD.ts (e.g. `git show HEAD:…` of the
        catalogue before `make translations`) translates in one way only, in any context: a
        text moved to another class or a shared helper keeps its English. Prints what it left.
    python tools/ts_fill.py check
        lists what is still unfinished, and translations whose %1/%n placeholders, HTML tags
        or line breaks differ from the Dutch source; exit 1 when there is any.

`make translations` (lupdate) afterwards rewrites the file in Qt's own layout; run lrelease
for the .qm. Kept by hand beside docs/translations.md's workflow, which it does not replace.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
TS = ROOT / "resources" / "translations" / "werkplek_en.ts"
HEADER = '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n'


def _load(path: Path) -> ET.ElementTree[ET.Element]:
    return ET.parse(path)  # noqa: S314 - our own catalogue in the repository, not untrusted input


def _root(tree: ET.ElementTree[ET.Element]) -> ET.Element:
    root = tree.getroot()
    assert root is not None  # a parsed file always has one
    return root


def _messages(tree: ET.ElementTree[ET.Element]) -> list[tuple[str, ET.Element]]:
    out = []
    for ctx in _root(tree).iter("context"):
        name = ctx.findtext("name") or ""
        for msg in ctx.iter("message"):
            out.append((name, msg))
    return out


def _entry(context: str, msg: ET.Element) -> dict[str, Any]:
    tr = msg.find("translation")
    numerus = msg.get("numerus") == "yes"
    text: Any
    if tr is None:
        text = [] if numerus else ""
    elif numerus:
        text = [f.text or "" for f in tr.findall("numerusform")]
    else:
        text = tr.text or ""
    return {
        "context": context,
        "source": msg.findtext("source") or "",
        "comment": msg.findtext("comment") or "",
        "numerus": numerus,
        "translation": text,
        "unfinished": tr is not None and tr.get("type") == "unfinished",
    }


def _write(tree: ET.ElementTree[ET.Element], path: Path) -> None:
    ET.indent(tree, space="    ")
    body = ET.tostring(_root(tree), encoding="unicode")
    path.write_text(HEADER + body + "\n", encoding="utf-8")


def dump(args: argparse.Namespace) -> int:
    tree = _load(args.ts)
    rows = [_entry(c, m) for c, m in _messages(tree)]
    if not args.all:
        rows = [r for r in rows if r["unfinished"]]
    if args.context:
        rows = [r for r in rows if r["context"] == args.context]
    json.dump(rows, sys.stdout, ensure_ascii=False, indent=1)
    sys.stdout.write("\n")
    return 0


def _set(msg: ET.Element, text: Any) -> None:
    tr = msg.find("translation")
    if tr is None:
        tr = ET.SubElement(msg, "translation")
    if msg.get("numerus") == "yes":
        forms = text if isinstance(text, list) else [text, text]
        for child in list(tr):
            tr.remove(child)
        tr.text = None
        for form in forms:
            ET.SubElement(tr, "numerusform").text = form
    else:
        tr.text = text
    tr.attrib.pop("type", None)


def apply(args: argparse.Namespace) -> int:
    tree = _load(args.ts)
    batch = json.loads(Path(args.batch).read_text(encoding="utf-8"))
    index: dict[tuple[str, str], list[ET.Element]] = {}
    by_source: dict[str, list[ET.Element]] = {}
    for context, msg in _messages(tree):
        source = msg.findtext("source") or ""
        index.setdefault((context, source), []).append(msg)
        by_source.setdefault(source, []).append(msg)
    missing = 0
    filled = 0
    for item in batch:
        if isinstance(item, list):
            context, source, text = item
        else:
            context, source, text = item["context"], item["source"], item["translation"]
        targets = by_source.get(source, []) if context == "*" else index.get((context, source), [])
        if not targets:
            missing += 1
            print(f"not found: [{context}] {source!r}", file=sys.stderr)
            continue
        if not text:
            continue
        for msg in targets:
            _set(msg, text)
            filled += 1
    _write(tree, args.ts)
    print(f"{filled} filled, {missing} not found", file=sys.stderr)
    return 1 if missing else 0


def carry(args: argparse.Namespace) -> int:
    tree = _load(args.ts)
    known: dict[tuple[str, bool], set[str]] = {}
    for context, msg in _messages(_load(Path(args.old))):
        e = _entry(context, msg)
        if e["unfinished"] or not e["translation"]:
            continue
        text = json.dumps(e["translation"], ensure_ascii=False)
        known.setdefault((e["source"], e["numerus"]), set()).add(text)
    filled = left = 0
    for context, msg in _messages(tree):
        e = _entry(context, msg)
        if not e["unfinished"]:
            continue
        found = known.get((e["source"], e["numerus"]), set())
        if len(found) == 1:
            _set(msg, json.loads(next(iter(found))))
            filled += 1
        else:
            left += 1
            why = "translated in several ways" if found else "new"
            print(f"left ({why}): [{context}] {e['source']!r}", file=sys.stderr)
    _write(tree, args.ts)
    print(f"{filled} carried over, {left} left", file=sys.stderr)
    return 0


_PLACEHOLDER = re.compile(r"%(?:n|L?\d+)")
_TAG = re.compile(r"</?([a-zA-Z]+)")


def _shape(text: str) -> tuple[list[str], list[str], int]:
    return (
        sorted(_PLACEHOLDER.findall(text)),
        sorted(t.lower() for t in _TAG.findall(text)),
        text.count("\n"),
    )


def check(args: argparse.Namespace) -> int:
    tree = _load(args.ts)
    problems = 0
    for context, msg in _messages(tree):
        e = _entry(context, msg)
        if e["unfinished"]:
            problems += 1
            print(f"unfinished: [{context}] {e['source']!r}")
            continue
        forms = e["translation"] if e["numerus"] else [e["translation"]]
        src = _shape(e["source"])
        for form in forms:
            got = _shape(form)
            # A singular form may leave %n out ("one entry"); everything else must match.
            if e["numerus"] and got[0] != src[0]:
                got = (sorted(got[0] + ["%n"]), got[1], got[2]) if "%n" not in got[0] else got
            if got != src:
                problems += 1
                print(f"shape differs: [{context}] {e['source']!r} -> {form!r}")
            if "&" in e["source"].replace("&&", "") and "&" not in form.replace("&&", ""):
                print(f"no mnemonic: [{context}] {e['source']!r} -> {form!r}")
    return 1 if problems else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ts", type=Path, default=TS)
    sub = parser.add_subparsers(dest="cmd", required=True)
    d = sub.add_parser("dump")
    d.add_argument("--all", action="store_true")
    d.add_argument("--context")
    d.set_defaults(func=dump)
    a = sub.add_parser("apply")
    a.add_argument("batch")
    a.set_defaults(func=apply)
    r = sub.add_parser("carry")
    r.add_argument("old")
    r.set_defaults(func=carry)
    c = sub.add_parser("check")
    c.set_defaults(func=check)
    args = parser.parse_args(argv)
    return int(args.func(args))


if __name__ == "__main__":
    sys.exit(main())
