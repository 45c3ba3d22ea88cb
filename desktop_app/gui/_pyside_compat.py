"""Work around a reference-count bug of PySide6 6.12.0 on CPython 3.11: the one place it lives.

There, every ``SignalInstance.emit()`` called from Python returns ``True`` without owning a
reference to it, so each emit drops one reference to ``True``. After a few thousand emits the
count reaches zero and CPython aborts ("Fatal Python error: bool_dealloc"). PySide6 6.11.3 does
not do this, and from CPython 3.12 on ``True``/``False`` are immortal, so the bug is harmless there.

The same release also drops a reference to ``None`` each time a Python ``data()`` /
``headerData()`` override (or ``QComboBox.currentData()``) hands ``None`` to C++ as a QVariant:
a table paints thousands of cells, so a long scroll ends in "Fatal Python error: none_dealloc".

``guard_bool_refcounts()`` (run when ``desktop_app.gui`` is imported) detects the bug at run
time and, only when it is present, gives ``True``, ``False`` and ``None`` a very large reference
count: what CPython 3.12 does by design (immortal objects). An extra reference to these static
objects can never do harm. With it, signals carry bools and ``None`` as they are (no boxing in
signal signatures). ``no_value()`` is what a ``data()``/``headerData()`` override returns for
"nothing": it gives back the reference PySide takes, so the count stays exact (a headroom of
2**40 would only postpone the end of a scroll that never stops).

What removes this module: CPython >= 3.12 (immortal ``True``/``False``/``None``), or a PySide6
release without the bug (6.11.3 does not have it); then ``guard_bool_refcounts`` applies nothing
and ``no_value`` can become ``return None``.
"""

from __future__ import annotations

import ctypes
import logging
import sys

from PySide6.QtCore import QObject, Signal

log = logging.getLogger(__name__)

_py_incref = ctypes.pythonapi.Py_IncRef
_py_incref.argtypes = [ctypes.py_object]
_py_incref.restype = None

_PROBE_EMITS = 16
_HEADROOM = 1 << 40
_applied = False


class _Probe(QObject):
    pinged = Signal()


def _noop() -> None:
    pass


def emit_drops_true_references() -> bool:
    probe = _Probe()
    probe.pinged.connect(_noop)
    before = sys.getrefcount(True)
    for _ in range(_PROBE_EMITS):
        probe.pinged.emit()
    after = sys.getrefcount(True)
    probe.deleteLater()
    return before - after >= _PROBE_EMITS // 2


def guard_bool_refcounts() -> bool:
    """Apply the guard when needed; returns whether it is (now) applied."""
    global _applied
    if _applied:
        return True
    if sys.implementation.name != "cpython" or sys.version_info >= (3, 12):
        return False
    if not emit_drops_true_references():
        return False
    for value in (True, False, None):
        # ob_refcnt is the first field of every CPython object (non-debug builds).
        ctypes.c_ssize_t.from_address(id(value)).value += _HEADROOM
    _applied = True
    log.info(
        "PySide6 drops references to True/None; guard applied "
        "(use a fixed PySide6, or CPython 3.12+)"
    )
    return True


def no_value() -> None:
    """Qt's "no value" for a data()/headerData() override (see the module docstring)."""
    _py_incref(None)
    return None
