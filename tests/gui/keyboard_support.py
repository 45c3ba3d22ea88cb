"""Walking the window for the keyboard tests (issue 12): the &-mnemonics that are live at one
moment in one window, every state of its tab widgets, and every dialog the pages can open
(found by name: any ``open_*`` method a widget offers without arguments)."""

from __future__ import annotations

import inspect
import itertools
import re
from collections import defaultdict
from collections.abc import Callable, Iterator
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QDialog,
    QFileDialog,
    QGroupBox,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QTabBar,
    QTabWidget,
    QWidget,
)

_MNEMONIC = re.compile(r"(?<!&)&([^&\s])")


def mnemonic(text: str) -> str | None:
    """The letter after a single '&' ('&&' is a literal ampersand), lower case."""
    found = _MNEMONIC.search(text.replace("&&", ""))
    return None if found is None else found.group(1).casefold()


def _owner_window(widget: QWidget) -> QWidget:
    return widget.window()


def live_mnemonics(window: QWidget) -> dict[str, list[str]]:
    """letter -> the texts that carry it, for everything that answers Alt+letter in ``window``
    now: visible buttons, labels with a buddy, group boxes, tab bars and the menu bar."""
    found: dict[str, list[str]] = defaultdict(list)

    def add(text: str) -> None:
        letter = mnemonic(text)
        if letter is not None:
            found[letter].append(text)

    for widget in window.findChildren(QWidget):
        if _owner_window(widget) is not window or not widget.isVisibleTo(window):
            continue
        button = isinstance(widget, QAbstractButton) and not isinstance(widget.parent(), QTabBar)
        if button or (isinstance(widget, QLabel) and widget.buddy() is not None):
            add(widget.text())
        elif isinstance(widget, QGroupBox):
            add(widget.title())
        elif isinstance(widget, QTabBar):
            for index in range(widget.count()):
                if widget.isTabVisible(index):
                    add(widget.tabText(index))
    if isinstance(window, QMainWindow):
        for action in window.menuBar().actions():
            if action.isVisible():
                add(action.text())
    return dict(found)


def repeats(found: dict[str, list[str]]) -> dict[str, list[str]]:
    return {letter: texts for letter, texts in found.items() if len(texts) > 1}


def menu_repeats(window: QMainWindow) -> dict[str, dict[str, list[str]]]:
    """Per menu of the menu bar: letters used twice among its own entries."""
    result: dict[str, dict[str, list[str]]] = {}
    for top in window.menuBar().actions():
        menu = top.menu()
        if not isinstance(menu, QMenu):
            continue
        found: dict[str, list[str]] = defaultdict(list)
        for action in menu.actions():
            letter = mnemonic(action.text())
            if letter is not None and action.isVisible():
                found[letter].append(action.text())
        twice = repeats(dict(found))
        if twice:
            result[top.text()] = twice
    return result


def settle() -> None:
    for _ in range(3):
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        QCoreApplication.processEvents()


def tab_states(window: QWidget) -> Iterator[str]:
    """Put every tab of every tab widget in ``window`` in front once (yielding a name for the
    state), then put each back as it was."""
    yield "as shown"
    for tabs in window.findChildren(QTabWidget):
        if tabs.window() is not window or not tabs.isVisibleTo(window):
            continue
        before = tabs.currentIndex()
        for index in range(tabs.count()):
            if not tabs.isTabVisible(index) or not tabs.isTabEnabled(index):
                continue
            tabs.setCurrentIndex(index)
            settle()
            yield f"{tabs.objectName() or type(tabs).__name__} › {tabs.tabText(index)}"
        tabs.setCurrentIndex(before)


# Set to a list to collect the letters in use per window state (finding free ones).
USED: list[tuple[str, str, str]] | None = None


def _free_letters(text: str, used: set[str]) -> str:
    plain = text.replace("&&", "").replace("&", "")
    return "".join(dict.fromkeys(c for c in plain.casefold() if c.isalnum() and c not in used))


def window_problems(window: QWidget, where: str) -> list[str]:
    problems: list[str] = []
    for state in tab_states(window):
        live = live_mnemonics(window)
        used = set(live)
        if USED is not None:
            USED.append((where, state, "".join(sorted(used))))
        for letter, texts in repeats(live).items():
            free = {t: _free_letters(t, used) for t in texts}
            problems.append(f"{where} [{state}]: Alt+{letter} on {texts} (free: {free})")
    if isinstance(window, QMainWindow):
        for menu, twice in menu_repeats(window).items():
            problems.append(f"{where} menu {menu}: {twice}")
    return sorted(set(problems))


def open_windows() -> list[QWidget]:
    """Every visible top-level widget that is ours (not Qt's own message and file dialogs)."""
    return [
        w
        for w in QApplication.topLevelWidgets()
        if w.isVisible() and not isinstance(w, QMessageBox | QFileDialog | QMenu)
    ]


def openers(root: QWidget) -> Iterator[tuple[str, Callable[[], Any]]]:
    """``open_*`` methods without required arguments on ``root`` and every widget in it (one per
    class and name: the same dialog is not opened twice)."""
    seen: set[tuple[type, str]] = set()
    for widget in [root, *root.findChildren(QWidget)]:
        for name in dir(type(widget)):
            if not name.startswith("open_") or (type(widget), name) in seen:
                continue
            method = getattr(widget, name, None)
            if not callable(method) or not _takes_nothing(method):
                continue
            seen.add((type(widget), name))
            yield f"{type(widget).__name__}.{name}", method


def _takes_nothing(method: Any) -> bool:
    try:
        signature = inspect.signature(method)
    except (TypeError, ValueError):
        return False
    return all(
        p.default is not inspect.Parameter.empty
        or p.kind in (inspect.Parameter.VAR_POSITIONAL, inspect.Parameter.VAR_KEYWORD)
        for p in signature.parameters.values()
    )


def select_first_rows(root: QWidget) -> None:
    """Select the first row of every list, so dialogs that need a selection can open."""
    for view in root.findChildren(QAbstractItemView):
        model = view.model()
        selection = view.selectionModel()
        if (
            model is not None
            and model.rowCount() > 0
            and view.isVisibleTo(root.window())
            and selection is not None
            and not selection.hasSelection()
        ):
            view.setCurrentIndex(model.index(0, 0))
    settle()


def close_new_windows(before: list[QWidget]) -> None:
    for window in open_windows():
        if window in before:
            continue
        if isinstance(window, QDialog):
            window.reject()
        else:
            window.close()
    settle()


def dialogs_opened_by(
    root: QWidget, check: Callable[[QWidget, str], None], *, skip: Callable[[str], bool]
) -> list[str]:
    """Call every opener of ``root``; ``check`` each new window it shows; close them again.
    Returns the names of the openers that showed something."""
    shown: list[str] = []
    for name, method in list(openers(root)):
        if skip(name):
            continue
        before = open_windows()
        method()
        settle()
        new = [w for w in open_windows() if w not in before]
        for window in new:
            check(window, f"{name} → {window.windowTitle() or type(window).__name__}")
        if new:
            shown.append(name)
        close_new_windows(before)
    return shown


def visual_order_problems(dialog: QWidget, where: str) -> list[str]:
    """Tab must follow the visual order: walking the focus chain from the first focusable
    widget, each next one lies below, or on the same line to the right (layouts with two
    columns of fields read row by row)."""
    chain: list[QWidget] = []
    start = dialog.focusWidget() or dialog
    widget = start.nextInFocusChain()
    for _ in range(400):
        if widget is None or widget is start or widget in chain:
            break
        if (
            widget.window() is dialog
            and not isinstance(widget, QTabWidget)  # hands its focus to its tab bar
            and widget.isVisibleTo(dialog)
            and widget.isEnabled()
            and widget.focusPolicy() & Qt.FocusPolicy.TabFocus
        ):
            chain.append(widget)
        widget = widget.nextInFocusChain()
    if start.window() is dialog and start is not dialog and start not in chain:
        chain.insert(0, start)
    if not chain:
        return []
    # The chain is a circle: start reading at the widget nearest the top left.
    positions = [w.mapTo(dialog, w.rect().topLeft()) for w in chain]
    first = min(range(len(chain)), key=lambda i: (positions[i].y(), positions[i].x()))
    order = chain[first:] + chain[:first]
    points = positions[first:] + positions[:first]
    problems = []
    steps = zip(order, points, strict=True)
    for (a, pa), (b, pb) in itertools.pairwise(steps):
        same_line = abs(pa.y() - pb.y()) < max(8, a.height() // 2)
        if pb.y() < pa.y() - 4 and not same_line:
            problems.append(f"{where}: Tab goes up from {_name(a)} to {_name(b)}")
        elif same_line and pb.x() < pa.x() - 4:
            problems.append(f"{where}: Tab goes left from {_name(a)} to {_name(b)}")
    return problems


def _name(widget: QWidget) -> str:
    text = getattr(widget, "text", None)
    shown = text() if callable(text) else ""
    return f"{type(widget).__name__}({widget.objectName() or shown or widget.accessibleName()})"
