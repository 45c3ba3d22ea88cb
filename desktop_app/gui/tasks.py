"""One background-task helper: run a callable off the GUI thread, get the result (or the error)
back on the GUI thread.

All tasks run on one serial worker (like Anki's collection op queue): a session is never used
from two threads at once, and database work happens in the order it was asked for. Tests use
``TaskRunner(synchronous=True)`` (like Picard's fake thread pool) so they are deterministic.
"""

from __future__ import annotations

import contextlib
import itertools
import logging
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

from desktop_app.domain.errors import AccountLocked

log = logging.getLogger(__name__)

Done = Callable[[Any], object]  # what a callback returns is ignored
Failed = Callable[[BaseException], object]

_scope = threading.local()


def in_task() -> bool:
    """Whether the caller runs inside a task of a TaskRunner (on the worker, or inline in a
    synchronous runner). The GUI tests refuse database work from the GUI thread outside one."""
    return getattr(_scope, "depth", 0) > 0


@contextlib.contextmanager
def _task_scope() -> Iterator[None]:
    _scope.depth = getattr(_scope, "depth", 0) + 1
    try:
        yield
    finally:
        _scope.depth -= 1


class _Emitter(QObject):
    """Created on the GUI thread; emitting from the worker queues delivery to the GUI thread.
    (A bool or None result travels as it is: see ``_pyside_compat``.)"""

    finished = Signal(int, object)
    failed = Signal(int, object)


class _Job(QRunnable):
    def __init__(self, task_id: int, fn: Callable[[], Any], emitter: _Emitter) -> None:
        super().__init__()
        self._task_id = task_id
        self._fn = fn
        self._emitter = emitter
        self.setAutoDelete(True)

    def run(self) -> None:
        try:
            with _task_scope():
                result = self._fn()
        except BaseException as exc:  # delivered to the GUI thread, presented there
            self._emitter.failed.emit(self._task_id, exc)
        else:
            self._emitter.finished.emit(self._task_id, result)


@dataclass
class _Pending:
    on_done: Done | None
    on_error: Failed | None
    owner: QObject | None
    generation: int
    on_discard: Done | None


class TaskRunner(QObject):
    """``run(fn, on_done, on_error, owner=widget)``; callbacks run on the GUI thread. Without
    ``on_error`` the error is shown as a sentence over ``owner``. Whatever the task, an
    AccountLocked from it (a password asked again, wrong once too often) is also announced by
    ``account_locked``: the session has ended and the window must lock.

    A result is dropped when its ``owner`` widget was deleted in the meantime, or when
    ``discard_pending()`` was called (locking: nothing may land in a view after the lock).
    """

    account_locked = Signal()

    def __init__(self, parent: QObject | None = None, *, synchronous: bool = False) -> None:
        super().__init__(parent)
        self.synchronous = synchronous
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._emitter = _Emitter(self)
        self._emitter.finished.connect(self._on_emitter_finished)
        self._emitter.failed.connect(self._on_emitter_failed)
        self._ids = itertools.count(1)
        self._pending: dict[int, _Pending] = {}
        self._generation = 0
        self._apart: list[threading.Thread] = []

    @property
    def busy(self) -> bool:
        return bool(self._pending)

    def run(
        self,
        fn: Callable[[], Any],
        on_done: Done | None = None,
        on_error: Failed | None = None,
        *,
        owner: QObject | None = None,
        on_discard: Done | None = None,
    ) -> int:
        """``on_discard`` gets a result nobody waits for any more (e.g. a session that opened
        after the sign-in dialog went away), so it can be closed."""
        task_id = next(self._ids)
        self._pending[task_id] = _Pending(on_done, on_error, owner, self._generation, on_discard)
        if self.synchronous:
            try:
                with _task_scope():
                    result = fn()
            except BaseException as exc:
                self._on_emitter_failed(task_id, exc)
            else:
                self._on_emitter_finished(task_id, result)
        else:
            self._pool.start(_Job(task_id, fn, self._emitter))
        return task_id

    def run_apart(self, fn: Callable[[], object], name: str = "werkplek-apart") -> None:
        """``fn`` on a thread of its own instead of behind the queue, its result unwanted:
        closing a session at the lock (``Session.close`` sets ``closing`` first, so a long
        task on the worker stops and frees the database instead of the lock waiting for it).
        Inline in a synchronous runner. A failure is logged."""

        def work() -> None:
            try:
                with _task_scope():
                    fn()
            except Exception:
                log.exception("background work failed")

        if self.synchronous:
            work()
            return
        self._apart = [t for t in self._apart if t.is_alive()]
        thread = threading.Thread(target=work, name=name)
        self._apart.append(thread)
        thread.start()

    def discard_pending(self) -> None:
        """Results of tasks started before now are thrown away when they arrive."""
        self._generation += 1

    def wait(self, msecs: int = -1) -> bool:
        """Block until the worker and ``run_apart`` work are idle (shutdown, tests)."""
        done = self._pool.waitForDone(msecs)
        for thread in self._apart:
            thread.join(None if msecs < 0 else msecs / 1000)
            done = done and not thread.is_alive()
        return done

    def _take(self, task_id: int) -> tuple[_Pending | None, bool]:
        """The pending entry, and whether its result is still wanted."""
        pending = self._pending.pop(task_id, None)
        if pending is None or pending.generation != self._generation:
            return pending, False
        if pending.owner is not None and not shiboken6.isValid(pending.owner):
            return pending, False
        return pending, True

    @Slot(int, object)
    def _on_emitter_finished(self, task_id: int, result: object) -> None:
        pending, wanted = self._take(task_id)
        if pending is None:
            return
        if not wanted:
            if pending.on_discard is not None:
                try:
                    pending.on_discard(result)
                except Exception:
                    log.exception("could not dispose of a discarded result")
            return
        if pending.on_done is not None:
            pending.on_done(result)

    @Slot(int, object)
    def _on_emitter_failed(self, task_id: int, exc: object) -> None:
        pending, wanted = self._take(task_id)
        if not isinstance(exc, BaseException):
            exc = RuntimeError(repr(exc))
        if isinstance(exc, AccountLocked):
            self.account_locked.emit()
        if pending is None or not wanted:
            log.info("dropped the error of a task nobody waits for: %s", type(exc).__name__)
            return
        if pending.on_error is None:
            from PySide6.QtWidgets import QWidget

            from desktop_app.gui.errors import show_error

            owner = pending.owner
            show_error(owner if isinstance(owner, QWidget) else None, exc)
            return
        pending.on_error(exc)
