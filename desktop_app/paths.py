"""Where things live on disk by default."""

from __future__ import annotations

import os
import sys
from pathlib import Path

APP_DIR_NAME = "Convenantwerkplek"


def _env_dir(variable: str, *default: str) -> Path:
    """The folder an environment variable names, else its default under the home folder."""
    return Path(os.environ.get(variable, Path.home().joinpath(*default)))


def default_data_dir() -> Path:
    if sys.platform == "win32":
        base = _env_dir("LOCALAPPDATA", "AppData", "Local")
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Application Support"
    else:
        base = _env_dir("XDG_DATA_HOME", ".local", "share")
    return base / APP_DIR_NAME


def resources_dir() -> Path:
    """``resources/`` beside the package, or inside a PyInstaller bundle."""
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


LOG_FILE_ENV = "WERKPLEK_LOG_FILE"


def default_log_file() -> Path:
    """Where unforeseen errors are logged with their traceback (never shown on screen): the
    platform's per-user log or state folder; ``WERKPLEK_LOG_FILE`` overrides it."""
    override = os.environ.get(LOG_FILE_ENV)
    if override:
        return Path(override)
    if sys.platform == "win32":
        return _env_dir("LOCALAPPDATA", "AppData", "Local") / APP_DIR_NAME / "Logs" / "werkplek.log"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Logs" / APP_DIR_NAME / "werkplek.log"
    return _env_dir("XDG_STATE_HOME", ".local", "state") / APP_DIR_NAME / "werkplek.log"
