"""Every dialog that keeps a draft says which record it is about (domain.drafts.DIALOG_SUBJECTS),
so destroying that record (retention) takes the draft, and what it may hold, along."""

from __future__ import annotations

import importlib
import pkgutil

import desktop_app.gui
from desktop_app.domain.drafts import DIALOG_SUBJECTS
from desktop_app.gui.drafts import DialogDrafts


def _draft_names() -> set[str]:
    for module in pkgutil.walk_packages(desktop_app.gui.__path__, "desktop_app.gui."):
        importlib.import_module(module.name)
    names: set[str] = set()
    stack: list[type] = [DialogDrafts]
    while stack:
        cls = stack.pop()
        for sub in cls.__subclasses__():
            stack.append(sub)
            name = sub.__dict__.get("draft_name")
            if name:
                names.add(str(name))
    return names


def test_every_draft_keeping_dialog_names_its_record() -> None:
    names = _draft_names()
    assert len(names) > 20  # the walk found the window's dialogs
    assert sorted(names - set(DIALOG_SUBJECTS)) == []


def test_the_report_pages_own_dialog_keys_are_named() -> None:
    from desktop_app.gui.reports import detail

    assert len(detail._DIALOGS) >= 7  # annotate, verdicts, reasons, remarks
    for prefix in detail._DIALOGS:
        key = prefix.removeprefix("dialog:").removesuffix(":")
        assert DIALOG_SUBJECTS[key] == "report"
