"""The recent workspaces: a small settings file outside every workspace, holding only their
folders' paths (no names, no content), 0600 and written atomically. A damaged or foreign file
reads as an empty list; it is never a reason not to start."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

from desktop_app.storage.files import atomic_write, ensure_private_dir

FORMAT = 1
MAX_RECENT = 8
FILE_NAME = "recent-workspaces.json"


def default_recent_file() -> Path:
    """The platform's per-user configuration folder (not the data folder of a workspace)."""
    if sys.platform == "win32":
        base = Path(os.environ.get("APPDATA", Path.home() / "AppData" / "Roaming"))
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Preferences"
    else:
        base = Path(os.environ.get("XDG_CONFIG_HOME", Path.home() / ".config"))
    return base / "Convenantwerkplek" / FILE_NAME


class RecentWorkspaces:
    def __init__(self, path: Path) -> None:
        self.path = path

    def load(self) -> list[Path]:
        try:
            data = json.loads(self.path.read_bytes())
        except (OSError, ValueError):
            return []
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            return []
        items = data.get("recent")
        if not isinstance(items, list):
            return []
        return [Path(p) for p in items if isinstance(p, str) and p][:MAX_RECENT]

    def add(self, folder: Path) -> list[Path]:
        """``folder`` first; the list without duplicates, at most MAX_RECENT long."""
        folder = folder.absolute()
        items = [folder, *(p for p in self.load() if p != folder)][:MAX_RECENT]
        self._save(items)
        return items

    def remove(self, folder: Path) -> list[Path]:
        items = [p for p in self.load() if p != folder.absolute()]
        self._save(items)
        return items

    def _save(self, items: list[Path]) -> None:
        ensure_private_dir(self.path.parent)
        text = json.dumps({"format": FORMAT, "recent": [str(p) for p in items]}, indent=1)
        atomic_write(self.path, text.encode("utf-8"))
