"""Screenshots of the requests sections on a throwaway demo workspace:

    xvfb-run -a -s "-screen 0 1400x900x24" \
        .venv/bin/python -m tools.screenshots.requests OUT

Builds a demo workspace with a few hundred fictitious requests (Dutch, Turkish, Arabic and
Cyrillic names; some in progress, some closed, some with a delay notice) and provisions, signs
in through the real sign-in dialog and saves dashboard.png, requests-list.png,
import-progress.png (a 30,000-row list being imported) and statistics.png in OUT."""

from __future__ import annotations

import datetime as dt
import sys
import tempfile
from pathlib import Path

from desktop_app.demo import create_demo_workspace, demo_import_csv
from desktop_app.gui.requests.page import RequestsPage
from desktop_app.gui.statistics.page import StatisticsPage
from desktop_app.services.session import Environment
from tools.screenshots.shots import demo_session, settle, shoot

DEMO_REQUESTS = 320


def build(env: Environment, root: Path) -> None:
    create_demo_workspace(env, root, kdf_profile="test", requests=DEMO_REQUESTS)


def main(argv: list[str]) -> int:
    out = Path(argv[0] if argv else "docs/screenshots")
    out.mkdir(parents=True, exist_ok=True)
    with demo_session(build) as shots, tempfile.TemporaryDirectory() as tmp_dir:
        env, app, sign_in = shots.env, shots.app, shots.sign_in
        window = sign_in("officier")
        window.show_section("dashboard")  # type: ignore[attr-defined]
        shoot(window, out / "dashboard.png")

        page = window.show_section("requests")  # type: ignore[attr-defined]
        assert isinstance(page, RequestsPage)
        # Typed without the cedilla: the search ignores case and diacritics.
        page.show_bucket(None)
        page.search_edit.setText("celik")
        page.search_now()
        open_rows = [
            r
            for r in range(page.model.rowCount())
            if (record := page.model.record(r)) is not None and not record.status.is_closed
        ]
        page.view.selectRow(open_rows[0] if open_rows else 0)
        settle(app)
        shoot(window, out / "requests-list.png")

        # A long import, caught at its first progress report.
        page.search_edit.clear()
        page.search_now()
        page.view.clearSelection()
        csv_path = Path(tmp_dir) / "ind-lijst-november.csv"
        csv_path.write_bytes(demo_import_csv(30_000, env.clock.today()))
        caught: list[int] = []

        def catch(done: int, _total: int) -> None:
            if not caught:
                caught.append(done)
                shoot(window, out / "import-progress.png")

        page.import_progressed.connect(catch)
        page.start_import(str(csv_path))
        page.import_progressed.disconnect(catch)
        csv_path.unlink()

        window = sign_in("tekenaar")
        stats = window.show_section("statistics")  # type: ignore[attr-defined]
        assert isinstance(stats, StatisticsPage)
        today = env.clock.today()
        stats.set_period(today - dt.timedelta(days=120), today)
        shoot(window, out / "statistics.png")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
