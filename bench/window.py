"""Issue 3 window figures with a large workspace (1,000,000 requests from the requests bench's
``build_workspace``, four years of history; ``BENCH_ROWS`` shrinks it, ``BENCH_WINDOW_DIR``
keeps it for the next run):

- ``window_first_rows_ms``: from unlock (``open_session`` done) to the request list showing its
  first rows (page built, first ids and their rows queried, rows painted), target <= 1 s;
  ``window_all_ids_ms``: until every id is in the list (the scroll bar is complete);
- ``window_scroll_end_ms`` / ``window_scroll_max_stall_ms``: ``scrollToBottom()`` until the last
  rows are painted, and the longest single event-loop stall meanwhile (the GUI must not block);
- ``window_sort_name_*``, ``window_search_name_*``, ``window_search_v_number_*``: re-query in
  another order / for a surname / for a V-number, to the first rows painted and to all ids;
- ``window_dashboard_ms``: the dashboard's counts and attention list;
- ``window_peak_rss_mb``: peak RSS (VmHWM) of the process with the list loaded, target <= 400 MB.

The workspace is built in a child process and measured in another, so neither the build nor
another bench inflates the peak RSS. Run under ``QT_QPA_PLATFORM=offscreen``.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from bench.common import Figure
from bench.requests import OFFICER, PASSWORD, TODAY
from desktop_app.security.workstation import MemorySecretProvider


def _rows() -> int:
    return int(os.environ.get("BENCH_ROWS", "1000000"))


def _env() -> object:
    from desktop_app.domain.clock import FixedClock
    from desktop_app.security.workstation import WorkstationSecretProvider
    from desktop_app.services.session import Environment

    provider_file = os.environ.get("BENCH_WINDOW_SECRET")
    provider: WorkstationSecretProvider = MemorySecretProvider()
    if provider_file:
        # The child processes share the workstation secret through a 0600 file in the bench's
        # own temporary folder (a memory provider does not outlive its process).
        provider = _FileSecretProvider(Path(provider_file))
    return Environment(
        provider=provider,
        clock=FixedClock(dt.datetime.combine(TODAY, dt.time(9), dt.UTC)),
        origin="bench",
    )


class _FileSecretProvider(MemorySecretProvider):
    """A MemorySecretProvider whose secrets survive the process (bench only)."""

    def __init__(self, path: Path) -> None:
        super().__init__()
        self._path = path
        if path.exists():
            for key, value in json.loads(path.read_text()).items():
                super().store(key, bytes.fromhex(value))

    def store(self, key: str, secret: bytes) -> None:
        super().store(key, secret)
        data = json.loads(self._path.read_text()) if self._path.exists() else {}
        data[key] = secret.hex()
        self._path.write_text(json.dumps(data))
        self._path.chmod(0o600)


def build(root: Path, rows: int) -> None:
    """The requests bench's workspace: ``rows`` requests over four years, the old ones closed."""
    from bench.requests import build_workspace

    build_workspace(root, rows, env=_env())  # type: ignore[arg-type]


def _vm_hwm_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def measure(root: Path) -> dict[str, float]:
    """In a fresh process: unlock, open the list, scroll, sort, search."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QCoreApplication, QEventLoop
    from PySide6.QtWidgets import QApplication

    from desktop_app.gui.dashboard import DashboardPage
    from desktop_app.gui.requests.models import RequestTableModel
    from desktop_app.gui.requests.page import RequestsPage
    from desktop_app.gui.style import apply_style
    from desktop_app.gui.tasks import TaskRunner
    from desktop_app.services.workspace import open_session

    app = QApplication.instance() or QApplication([])
    apply_style(app)  # type: ignore[arg-type]
    runner = TaskRunner()
    env = _env()
    session = open_session(env, root, OFFICER, PASSWORD)  # type: ignore[arg-type]
    stalls: list[float] = []

    def pump_until(done: Callable[[], bool], timeout: float = 120.0) -> None:
        deadline = time.perf_counter() + timeout
        while not done():
            if time.perf_counter() > deadline:
                raise TimeoutError("the window did not get there in time")
            started = time.perf_counter()
            QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 5)
            stalls.append((time.perf_counter() - started) * 1000)
            time.sleep(0.0005)

    figures: dict[str, float] = {}
    unlocked = time.perf_counter()
    page = RequestsPage(session, runner)
    all_loaded: list[int] = []
    page.ids_loaded.connect(all_loaded.append)
    page.resize(1180, 760)
    page.show()
    model = page.model
    view = page.view
    painted: list[int] = []

    def rows_painted(first: int, last: int) -> Callable[[], bool]:
        def check() -> bool:
            if any(model.record(r) is None for r in (first, last)):
                return False
            # One more round so the view paints what just arrived.
            painted.append(1)
            return len(painted) >= 2

        return check

    pump_until(lambda: model.rowCount() > 0 and model.record(0) is not None)
    painted.clear()
    pump_until(rows_painted(0, 0))
    figures["window_first_rows_ms"] = (time.perf_counter() - unlocked) * 1000
    stalls.clear()
    pump_until(lambda: bool(all_loaded))
    figures["window_all_ids_ms"] = (time.perf_counter() - unlocked) * 1000
    figures["window_all_ids_max_stall_ms"] = max(stalls) if stalls else 0.0
    figures["window_rows"] = float(model.rowCount())
    figures["window_rss_after_first_rows_mb"] = _vm_hwm_mb()

    stalls.clear()
    started = time.perf_counter()
    view.scrollToBottom()
    scroll_call = (time.perf_counter() - started) * 1000
    last = model.rowCount() - 1
    painted.clear()
    pump_until(rows_painted(last, last))
    figures["window_scroll_end_ms"] = (time.perf_counter() - started) * 1000
    figures["window_scroll_max_stall_ms"] = max([scroll_call, *stalls])

    # Scrolling through the middle in big jumps: the page cache stays bounded.
    stalls.clear()
    bar = view.verticalScrollBar()
    for fraction in (0.1, 0.3, 0.5, 0.7, 0.9):
        bar.setValue(int(bar.maximum() * fraction))
        row = view.rowAt(5)
        painted.clear()
        pump_until(rows_painted(row, row))
    figures["window_jump_max_stall_ms"] = max(stalls) if stalls else 0.0
    figures["window_cached_pages"] = float(len(model.cached_pages))

    def requery(action: Callable[[], None], name: str) -> None:
        """Time to the first rows painted (first part of the ids or all of them, whichever
        comes first) and to all ids in the list."""
        loaded: list[int] = []
        first: list[int] = []
        page.ids_loaded.connect(loaded.append)
        page.first_ids_loaded.connect(first.append)
        begun = time.perf_counter()
        action()

        def rows_in() -> bool:
            top = max(view.rowAt(0), 0)
            return model.rowCount() == 0 or model.record(top) is not None

        pump_until(lambda: bool(loaded or first) and rows_in())
        painted.clear()
        pump_until(lambda: len(painted.append(1) or painted) >= 2)  # type: ignore[func-returns-value]
        figures[f"{name}_first_rows_ms"] = (time.perf_counter() - begun) * 1000
        pump_until(lambda: bool(loaded))
        figures[f"{name}_all_ids_ms"] = (time.perf_counter() - begun) * 1000
        page.ids_loaded.disconnect(loaded.append)
        page.first_ids_loaded.disconnect(first.append)

    stalls.clear()
    requery(lambda: page.sort_by(RequestTableModel.COL_SUBJECT), "window_sort_name")
    figures["window_sort_max_stall_ms"] = max(stalls) if stalls else 0.0

    # A surname and a V-number of a request in the list (the data decide how common they are;
    # the requests bench's names make a surname match a few hundred of a million).
    sample = model.record(max(view.rowAt(0), 0))
    surname = str(sample.subject_name).split()[-1] if sample is not None else "Çelik"
    v_number = str(sample.v_number) if sample is not None else "1234567890"

    def search() -> None:
        page.sort = None  # the default order of a search: relevance
        page.search_edit.setText(surname)
        page.search_now()

    stalls.clear()
    requery(search, "window_search_name")
    figures["window_search_name_hits"] = float(model.rowCount())
    figures["window_search_max_stall_ms"] = max(stalls) if stalls else 0.0

    def search_v_number() -> None:
        page.search_edit.setText(v_number)
        page.search_now()

    requery(search_v_number, "window_search_v_number")
    figures["window_search_v_number_hits"] = float(model.rowCount())
    figures["window_peak_rss_mb"] = _vm_hwm_mb()

    started = time.perf_counter()
    dashboard = DashboardPage(session, runner)
    pump_until(lambda: dashboard.view_data is not None)
    figures["window_dashboard_ms"] = (time.perf_counter() - started) * 1000

    page.wipe()
    dashboard.wipe()
    runner.wait(60_000)
    session.close()
    return figures


def run() -> list[Figure]:
    rows = _rows()
    # BENCH_WINDOW_DIR keeps the built workspace for the next run (building a million requests
    # takes minutes); without it a temporary folder is used and removed.
    keep = os.environ.get("BENCH_WINDOW_DIR")
    with tempfile.TemporaryDirectory(prefix="bench-window-") as tmp:
        base = Path(keep) if keep else Path(tmp)
        base.mkdir(parents=True, exist_ok=True)
        root = base / f"ws-{rows}"
        env = dict(
            os.environ,
            BENCH_WINDOW_SECRET=str(base / f"secret-{rows}.json"),
            QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"),
        )
        started = time.perf_counter()
        if not (root / "workspace.db").exists():
            subprocess.run(
                [sys.executable, "-m", "bench.window", "build", str(root), str(rows)],
                check=True,
                env=env,
            )
            build_s = time.perf_counter() - started
            print(f"  (workspace of {rows:,} requests built in {build_s:.0f} s)", file=sys.stderr)
        out = subprocess.run(
            [sys.executable, "-m", "bench.window", "measure", str(root)],
            check=True,
            env=env,
            stdout=subprocess.PIPE,
            text=True,
        ).stdout
    values = json.loads(out.strip().splitlines()[-1])
    targets = {
        "window_first_rows_ms": "<= 1000 ms",
        "window_scroll_max_stall_ms": "no blocking (< 100 ms)",
        "window_peak_rss_mb": "<= 400 MB",
    }
    units = {"_ms": "ms", "_mb": "MB"}
    figures = []
    for name, value in values.items():
        unit = next((u for suffix, u in units.items() if name.endswith(suffix)), "")
        figures.append(Figure(name, float(value), unit, target=targets.get(name, "")))
    return figures


def main(argv: list[str]) -> int:
    if argv[:1] == ["build"]:
        build(Path(argv[1]), int(argv[2]))
        return 0
    if argv[:1] == ["measure"]:
        print(json.dumps(measure(Path(argv[1]))))
        return 0
    from bench.common import print_table

    print_table(run())
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
