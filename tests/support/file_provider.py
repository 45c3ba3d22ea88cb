"""A workstation-secret provider whose entries survive the process, for tests that run the
services in several processes at once (a memory provider lives in one process only). Test data
only: the real application never keeps the secret in a file."""

from __future__ import annotations

import json
from pathlib import Path

from desktop_app.security.workstation import MemorySecretProvider
from desktop_app.storage.files import atomic_write


class FileSecretProvider(MemorySecretProvider):
    def __init__(self, path: Path) -> None:
        super().__init__()
        self._path = path
        if path.exists():
            for key, value in json.loads(path.read_text()).items():
                super().store(key, bytes.fromhex(value))

    def store(self, workspace_id: str, secret: bytes) -> None:
        super().store(workspace_id, secret)
        data = json.loads(self._path.read_text()) if self._path.exists() else {}
        data[workspace_id] = secret.hex()
        atomic_write(self._path, json.dumps(data).encode())

    @classmethod
    def copy_of(cls, provider: MemorySecretProvider, path: Path) -> FileSecretProvider:
        """The entries of a test's memory provider, written to ``path`` for child processes."""
        copy = cls(path)
        for key in list(provider._secrets):  # a test reaching into a test double
            secret = provider.load(key)
            if secret is not None:
                copy.store(key, secret)
        return copy
