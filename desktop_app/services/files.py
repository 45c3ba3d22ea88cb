"""The file rules of the storage layer, for the front ends: the CLI and the window read the
files a user names and write exports through these, and never import ``storage`` themselves
(an import-linter contract keeps it so).

``atomic_write``: 0600, temp file, fsync, rename. ``read_regular``/``open_regular``: only a
regular file, with a size limit and a Dutch sentence for a folder, a device or a missing file.
``require_folder``: the folder an export is to be written to exists.
"""

from __future__ import annotations

from pathlib import Path

from desktop_app.domain.errors import InvalidInput
from desktop_app.storage.files import atomic_write, open_regular, read_regular

__all__ = ["atomic_write", "open_regular", "read_regular", "require_folder"]


def require_folder(target: Path, *, field: str = "file") -> None:
    """The folder ``target`` is to be written into exists (InvalidInput on ``field``)."""
    if not target.parent.is_dir():
        raise InvalidInput("De map voor het bestand bestaat niet.", field=field)
