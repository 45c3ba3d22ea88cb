"""One background-task helper: run a callable off the GUI thread, get the result (or the error)
back on the GUI thread.

All tasks run on one serial worker (like Anki's collection op queue): a session is never used
from two threads at once, and database work happens in the order it was asked for. Tests use
``TaskRunner(synchronous=True)`` (like Picard's fake thread pool) so they are deterministic.
"""

from __future__ import annotations

import itertools
import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

log = logging.getLogger(__name__)

Done = Callable[[Any], None]
Failed = Callable[[BaseException], None]


class _Emitter(QObject):
    """Created on the GUI thread; emitting from the worker queues delivery to the GUI thread.

    Values travel wrapped in a 1-tuple: PySide6 6.12 on CPython 3.11 drops a reference to
    True/False when a bool is emitted from Python (as ``bool`` or ``object``), which ends in
    "Fatal Python error: bool_dealloc". A tuple holding the bool is passed by reference.
    """

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
            result = self._fn()
        except BaseException as exc:  # delivered to the GUI thread, presented there
            self._emitter.failed.emit(self._task_id, (exc,))
        else:
            self._emitter.finished.emit(self._task_id, (result,))


@dataclass
class _Pending:
    on_done: Done | None
    on_error: Failed | None
    owner: QObject | None
    generation: int
    on_discard: Done | None


class TaskRunner(QObject):
    """``run(fn, on_done, on_error, owner=widget)``; callbacks run on the GUI thread.

    A result is dropped when its ``owner`` widget was deleted in the meantime, or when
    ``discard_pending()`` was called (locking: nothing may land in a view after the lock).
    """

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
                result = fn()
            except BaseException as exc:
                self._on_emitter_failed(task_id, (exc,))
            else:
                self._on_emitter_finished(task_id, (result,))
        else:
            self._pool.start(_Job(task_id, fn, self._emitter))
        return task_id

    def discard_pending(self) -> None:
        """Results of tasks started before now are thrown away when they arrive."""
        self._generation += 1

    def wait(self, msecs: int = -1) -> bool:
        """Block until the worker is idle (shutdown, tests)."""
        return self._pool.waitForDone(msecs)

    def _take(self, task_id: int) -> tuple[_Pending | None, bool]:
        """The pending entry, and whether its result is still wanted."""
        pending = self._pending.pop(task_id, None)
        if pending is None or pending.generation != self._generation:
            return pending, False
        if pending.owner is not None and not shiboken6.isValid(pending.owner):
            return pending, False
        return pending, True

    @Slot(int, object)
    def _on_emitter_finished(self, task_id: int, boxed: tuple[object]) -> None:
        (result,) = boxed
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
    def _on_emitter_failed(self, task_id: int, boxed: tuple[object]) -> None:
        (exc,) = boxed
        pending, wanted = self._take(task_id)
        if not isinstance(exc, BaseException):
            exc = RuntimeError(repr(exc))
        if pending is None or not wanted:
            log.info("dropped the error of a task nobody waits for: %s", type(exc).__name__)
            return
        if pending.on_error is None:
            from desktop_app.gui.errors import show_error

            show_error(None, exc)
            return
        pending.on_error(exc)
