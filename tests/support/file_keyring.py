"""A keyring that outlives a killed process, for the kill tests (test only: the secrets lie in
plain files). One file per entry, written with atomic_write, as an OS keyring daemon keeps an
entry whole whatever happens to its client."""

from __future__ import annotations

import base64
import contextlib
from pathlib import Path

from desktop_app.storage.files import atomic_write, ensure_private_dir

BACKEND = "test.file-keyring"


class FileSecretProvider:
    """Secrets in ``folder``, the anchored audit heads kept beside them in ``folder/heads``."""

    def __init__(self, folder: Path) -> None:
        self.folder = ensure_private_dir(folder)
        self.heads = ensure_private_dir(folder / "heads")

    @property
    def backend_name(self) -> str:
        return BACKEND

    def load(self, workspace_id: str) -> bytes | None:
        try:
            text = (self.folder / workspace_id).read_text()
        except FileNotFoundError:
            return None
        return base64.b64decode(text)

    def store(self, workspace_id: str, secret: bytes) -> None:
        atomic_write(self.folder / workspace_id, base64.b64encode(secret))

    def delete(self, workspace_id: str) -> None:
        for path in (self.folder / workspace_id, self.heads / workspace_id):
            with contextlib.suppress(FileNotFoundError):
                path.unlink()

    def load_head(self, workspace_id: str) -> str | None:
        try:
            return (self.heads / workspace_id).read_text()
        except FileNotFoundError:
            return None

    def store_head(self, workspace_id: str, value: str) -> None:
        atomic_write(self.heads / workspace_id, value.encode())

    def entries(self) -> set[str]:
        """The secrets' entry names (a store killed midway leaves a temp file, no entry)."""
        return {p.name for p in self.folder.iterdir() if p.is_file() and not p.name.startswith(".")}
