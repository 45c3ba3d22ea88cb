"""The list screens do not load the PDF and signature stack (~35 MB, ~0.5 s) just to open: it
is imported when something is printed, verified or rendered. (services.permissions imports
every service module, so one top-level import of desktop_app.reporting in a service put it in
every screen: window_peak_rss_mb rose from 152 to 195 MB.)"""

from __future__ import annotations

import json

from support.helpers import run_python

PROBE = """
import json, sys
import desktop_app.gui.requests.page, desktop_app.gui.dashboard, desktop_app.services.permissions
heavy = sorted({m.split(".")[0] for m in sys.modules} & {"pyhanko", "reportlab", "pypdf"})
print(json.dumps(heavy))
"""


def test_list_screens_do_not_import_the_pdf_stack() -> None:
    result = run_python(
        "-c", PROBE, env={"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin"}, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout.strip().splitlines()[-1]) == []
