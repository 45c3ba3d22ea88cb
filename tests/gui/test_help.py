"""Help (issue 12): "Over" with the version and the build, a short Dutch guide per role (only
the signed-in person's roles), and the shortcut overview, every listed key a real shortcut."""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QKeySequence

from desktop_app import __version__
from desktop_app.domain.roles import Role
from desktop_app.gui.help.content import GUIDES, SHORTCUTS
from tests.gui.gui_support import add_users, flush_deletes


def test_about_shows_version_and_build(window_of: Any) -> None:
    window = window_of("officier")
    dialog = window.open_about_dialog()
    text = dialog.plain_text()
    assert __version__ in text and "Build" in text
    assert "ontwikkelversie" in text  # no resources/build.txt in a checkout
    dialog.close()
    flush_deletes()


def test_guide_is_the_persons_own(window_of: Any, workspace: Any) -> None:
    add_users(workspace, "inspecteur")
    for name, role in (
        ("officier", Role.AIVD_OFFICER),
        ("liaison", Role.IND_LIAISON),
        ("tekenaar", Role.AIVD_SIGNER),
        ("inspecteur", Role.IND_INSPECTOR),
        ("beheer", Role.ADMIN),
    ):
        window = window_of(name)
        window.guide_action.trigger()
        dialogs = [w for w in window.findChildren(type(window.open_guide_dialog()))]
        text = dialogs[0].plain_text()
        headings = {line.strip() for line in text.splitlines()}
        assert GUIDES[role].title in headings, name
        others = {g.title for r, g in GUIDES.items() if r is not role}
        assert not headings & others, (name, headings & others)
        assert "Ctrl+L" in text  # what every role shares
        for dialog in dialogs:
            dialog.close()
        flush_deletes()


def test_f1_opens_the_guide(window_of: Any) -> None:
    window = window_of("officier")
    assert window.guide_action.shortcut() == QKeySequence(QKeySequence.StandardKey.HelpContents)


def test_every_listed_shortcut_exists(window_of: Any) -> None:
    window = window_of("officier")
    dialog = window.open_shortcuts_dialog()
    text = dialog.plain_text()
    assert all(s.keys in text for s in SHORTCUTS)
    bound = {
        action.shortcut().toString()
        for action in window.findChildren(type(window.lock_action))
        if not action.shortcut().isEmpty()
    }
    for shortcut in SHORTCUTS:
        keys = shortcut.keys
        if keys.startswith(("Ctrl+", "F")) and "…" not in keys and "/" not in keys:
            assert keys in bound, (keys, sorted(bound))
    assert {"Ctrl+1", "Ctrl+2"} <= bound
    dialog.close()
    flush_deletes()
