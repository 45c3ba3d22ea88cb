"""Background tasks, error presentation, excepthook, idle policy, translations."""

from __future__ import annotations

import datetime as dt
import logging
import sys
import threading
from pathlib import Path
from typing import Any

import pytest
import shiboken6
from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from desktop_app.domain.clock import FixedClock
from desktop_app.domain.errors import AuthFailed, InvalidInput
from desktop_app.domain.settings import IDLE_MINUTES
from desktop_app.gui import errors
from desktop_app.gui.i18n import install_translators, remove_translators, wanted_language
from desktop_app.gui.idle import IdlePolicy
from desktop_app.gui.login import LoginDialog
from desktop_app.gui.sections import SECTIONS
from desktop_app.gui.tasks import TaskRunner

DEFAULT_IDLE_MINUTES = IDLE_MINUTES.default
START = dt.datetime(2026, 11, 2, 9, 0, tzinfo=dt.UTC)


def _boxes() -> list[QMessageBox]:
    return [
        w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()
    ]


@pytest.fixture(autouse=True)
def _close_boxes(qapp: QApplication) -> Any:
    yield
    for box in _boxes():
        box.close()


# --- tasks -------------------------------------------------------------------------------------


def test_worker_runs_off_the_gui_thread_and_reports_on_it(qtbot: Any) -> None:
    runner = TaskRunner()
    main = threading.get_ident()
    seen: dict[str, int] = {}

    def done(worker_thread: int) -> None:
        seen["worker"] = worker_thread
        seen["callback"] = threading.get_ident()

    runner.run(threading.get_ident, done)
    qtbot.waitUntil(lambda: "callback" in seen, timeout=5000)
    assert seen["worker"] != main
    assert seen["callback"] == main
    runner.wait()


def test_worker_errors_come_back_as_the_exception(qtbot: Any) -> None:
    runner = TaskRunner()
    got: list[BaseException] = []

    def fail() -> None:
        raise AuthFailed("Naam of wachtwoord onjuist.")

    runner.run(fail, lambda _: None, got.append)
    qtbot.waitUntil(lambda: bool(got), timeout=5000)
    assert isinstance(got[0], AuthFailed)
    runner.wait()


def test_bool_results_survive_the_trip(qtbot: Any) -> None:
    # PySide6 6.12 mishandles bools emitted from Python; gui/_pyside_compat keeps them alive.
    runner = TaskRunner()
    got: list[object] = []
    for _ in range(50):
        runner.run(lambda: True, got.append)
    qtbot.waitUntil(lambda: len(got) == 50, timeout=5000)
    assert got == [True] * 50
    runner.wait()


def test_many_emits_do_not_exhaust_true(qtbot: Any) -> None:
    # Without the guard in desktop_app.gui, PySide6 6.12 on CPython 3.11 aborts the process
    # ("bool_dealloc") after a few thousand emits.
    runner = TaskRunner(synchronous=True)
    for _ in range(20_000):
        runner._emitter.finished.emit(0, True)
    assert sys.getrefcount(True) > 1000


def test_discarded_results_are_disposed(qtbot: Any) -> None:
    runner = TaskRunner()
    gate = threading.Event()
    delivered: list[object] = []
    disposed: list[object] = []
    runner.run(lambda: gate.wait(5) and "session", delivered.append, on_discard=disposed.append)
    runner.discard_pending()  # what the lock does
    gate.set()
    qtbot.waitUntil(lambda: bool(disposed), timeout=5000)
    assert delivered == [] and disposed == ["session"]
    runner.wait()


def test_results_for_a_deleted_owner_are_dropped(qtbot: Any) -> None:
    runner = TaskRunner(synchronous=True)
    owner = QObject()
    shiboken6.delete(owner)
    delivered: list[object] = []
    runner.run(lambda: 1, delivered.append, owner=owner)
    assert delivered == []


def test_synchronous_mode_is_deterministic() -> None:
    runner = TaskRunner(synchronous=True)
    order: list[str] = []
    runner.run(lambda: order.append("work"), lambda _: order.append("done"))
    order.append("after")
    assert order == ["work", "done", "after"]


# --- errors ------------------------------------------------------------------------------------


def test_show_error_shows_the_app_error_sentence(qapp: QApplication) -> None:
    parent = QWidget()
    box = errors.show_error(parent, InvalidInput("Vul een naam in.", field="name"))
    assert box.text() == "Vul een naam in."
    assert box.windowTitle() == "Convenantwerkplek — melding"
    parent.deleteLater()


def test_unexpected_errors_show_a_generic_sentence(
    qapp: QApplication, caplog: pytest.LogCaptureFixture
) -> None:
    box = errors.show_error(None, KeyError("/geheim/pad/sleutel"))
    assert box.text() == errors.generic_message()
    assert "sleutel" not in box.text()
    assert "KeyError" in caplog.text  # the traceback is in the log


def test_excepthook_shows_a_sentence_never_a_traceback(
    qapp: QApplication, caplog: pytest.LogCaptureFixture
) -> None:
    try:
        raise RuntimeError("interne-details-42")
    except RuntimeError as exc:
        errors.excepthook(RuntimeError, exc, exc.__traceback__)
    texts = [box.text() for box in _boxes()]
    assert errors.generic_message() in texts
    assert not any(
        "Traceback" in t or "interne-details-42" in t or "RuntimeError" in t for t in texts
    )
    assert "interne-details-42" in caplog.text and "Traceback" in caplog.text


def test_excepthook_shows_an_app_errors_own_sentence(qapp: QApplication) -> None:
    exc = AuthFailed("Naam of wachtwoord onjuist.")
    errors.excepthook(AuthFailed, exc, None)
    assert "Naam of wachtwoord onjuist." in [box.text() for box in _boxes()]


def test_install_excepthook(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "excepthook", sys.__excepthook__)
    errors.install_excepthook()
    assert sys.excepthook is errors.excepthook


def test_messages_never_log_at_error_for_app_errors(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.ERROR):
        assert errors.message_for(AuthFailed("Naam of wachtwoord onjuist.")) == (
            "Naam of wachtwoord onjuist."
        )
    assert caplog.records == []


# --- idle policy (Qt-free) ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "minutes"),
    [
        (None, DEFAULT_IDLE_MINUTES),
        ("5", 5),
        (" 15 ", 15),
        ("0", 1),
        ("-3", 1),
        ("9999", 120),
        ("vijf", DEFAULT_IDLE_MINUTES),
        ("", DEFAULT_IDLE_MINUTES),
    ],
)
def test_parse_idle_minutes(value: str | None, minutes: int) -> None:
    assert IDLE_MINUTES.read(value) == minutes


def test_idle_policy_expires_after_the_timeout() -> None:
    clock = FixedClock(START)
    policy = IdlePolicy(clock, dt.timedelta(minutes=5))
    clock.advance(dt.timedelta(minutes=4, seconds=59))
    assert not policy.expired()
    assert policy.remaining() == dt.timedelta(seconds=1)
    policy.touch()
    clock.advance(dt.timedelta(minutes=4, seconds=59))
    assert not policy.expired()
    clock.advance(dt.timedelta(seconds=1))
    assert policy.expired() and policy.remaining() == dt.timedelta(0)


def test_clock_stepping_back_does_not_postpone_the_lock() -> None:
    clock = FixedClock(START)
    policy = IdlePolicy(clock, dt.timedelta(minutes=5))
    clock.set(START - dt.timedelta(hours=1))
    policy.touch()  # must not move "last activity" back
    assert policy.last_activity == START
    clock.set(START + dt.timedelta(minutes=5))
    assert policy.expired()


def test_idle_policy_needs_a_positive_timeout() -> None:
    with pytest.raises(ValueError):
        IdlePolicy(FixedClock(START), dt.timedelta(0))


# --- translations ------------------------------------------------------------------------------


def test_english_translation_is_used_when_installed(qapp: QApplication, tmp_path: Path) -> None:
    dutch = LoginDialog(tmp_path)
    assert dutch.ui.signInButton.text() == "&Aanmelden"
    dutch.deleteLater()
    translators = install_translators(qapp, "en")
    try:
        dialog = LoginDialog(tmp_path, demo=True)
        assert dialog.windowTitle() == "Sign in — Covenant workstation"
        assert dialog.ui.signInButton.text() == "&Sign in"
        assert dialog.ui.nameLabel.text() == "&Name"
        assert dialog.ui.demoBanner.text() == "DEMO — practice workspace, no real data"
        assert [s.title_text for s in SECTIONS][-1] == "Administration"
        dialog.deleteLater()
    finally:
        remove_translators(qapp, translators)
    assert LoginDialog(tmp_path).ui.signInButton.text() == "&Aanmelden"


def test_every_source_text_has_an_english_translation() -> None:
    import xml.etree.ElementTree as ET

    from desktop_app.gui.i18n import translations_dir

    root = ET.parse(Path(translations_dir()) / "werkplek_en.ts").getroot()
    untranslated = [
        m.findtext("source")
        for m in root.iter("message")
        if m.find("translation").get("type") in ("unfinished", "vanished", "obsolete")
    ]
    assert untranslated == []
    assert (Path(translations_dir()) / "werkplek_en.qm").is_file()


@pytest.mark.parametrize(
    ("flag", "env", "expected"),
    [
        ("en", None, "en"),
        ("nl", "en", "nl"),
        (None, "en", "en"),
        (None, "EN_gb", "en"),
        ("fr", None, None),
    ],
)
def test_language_choice(
    monkeypatch: pytest.MonkeyPatch, flag: str | None, env: str | None, expected: str | None
) -> None:
    if env is None:
        monkeypatch.delenv("WERKPLEK_LANG", raising=False)
    else:
        monkeypatch.setenv("WERKPLEK_LANG", env)
    result = wanted_language(flag)
    if expected is None:
        assert result in ("nl", "en")  # falls through to the system locale
    else:
        assert result == expected


def test_models_returning_none_do_not_exhaust_none(qtbot: Any) -> None:
    # PySide6 6.12 on CPython 3.11 drops a reference to None for every None a Python data()
    # override hands to Qt; the start-up guard gives None the headroom CPython 3.12 gives it.
    from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt

    class Empty(QAbstractTableModel):
        def rowCount(self, parent: Any = QModelIndex()) -> int:  # noqa: B008
            return 1

        def columnCount(self, parent: Any = QModelIndex()) -> int:  # noqa: B008
            return 1

        def data(self, index: Any, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
            return None

    model = Empty()
    index = model.index(0, 0)
    for _ in range(30_000):
        model.data(index, Qt.ItemDataRole.DisplayRole)
        model.index(0, 0).data()  # through C++: the path that leaked
    assert sys.getrefcount(None) > 1000


def test_database_work_from_the_gui_thread_fails_the_test(
    workspace: Any, runner: TaskRunner, no_database_on_the_gui_thread: list[str]
) -> None:
    """Issue 11: the window's own code touching the database on the GUI thread, outside the
    task helper, is caught (here a line compiled as if it were in desktop_app/gui)."""
    import desktop_app.gui as gui_package

    fake = str(Path(gui_package.__file__).parent / "fake_widget.py")
    code = compile("with session.reading() as conn:\n    conn.execute('SELECT 1')\n", fake, "exec")
    with workspace.session() as session:
        with pytest.raises(AssertionError, match=r"GUI thread: fake_widget\.py"):
            exec(code, {"session": session})
        assert no_database_on_the_gui_thread
        no_database_on_the_gui_thread.clear()  # this one was on purpose
        # The same line inside a task is fine, and so is the test's own code.
        runner.run(lambda: exec(code, {"session": session}))
        with session.reading() as conn:
            conn.execute("SELECT 1")
    assert no_database_on_the_gui_thread == []
