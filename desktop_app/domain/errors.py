"""The one error hierarchy. Each class's ``code`` is the CLI's error code (shared/spec/cli.md).

Messages are sentences for people: never SQL, paths of secrets, key material or tracebacks.
"""

from __future__ import annotations


class AppError(Exception):
    code = "error"
    exit_code = 1

    def __init__(self, message: str, *, field: str | None = None, row: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field
        self.row = row


class Forbidden(AppError):
    """Role or clearance does not allow this."""

    code = "forbidden"


class InvalidState(AppError):
    """The workflow does not allow this action now."""

    code = "invalid_state"


class Involved(AppError):
    """Art. 2.5: the inspector took part in producing the report."""

    code = "involved"


class NotDesignated(AppError):
    code = "not_designated"


class WrongLocation(AppError):
    code = "wrong_location"


class FourEyes(AppError):
    code = "four_eyes"


class InvalidInput(AppError):
    code = "invalid_input"
    exit_code = 2


class NotFound(AppError):
    code = "not_found"
    exit_code = 2


class AuthFailed(AppError):
    code = "auth_failed"
    exit_code = 3


class AccountLocked(AppError):
    code = "locked"
    exit_code = 3


class WrongWorkstation(AppError):
    """The workstation secret is missing, changed, or the keyring backend is not usable."""

    code = "wrong_workstation"
    exit_code = 3


class IntegrityFailure(AppError):
    """Tampered audit log, damaged database or backup, invalid signature."""

    code = "integrity"
    exit_code = 4


class SessionLocked(AppError):
    """The session was locked (idle, Ctrl+L): the database is closed and keys are gone."""

    code = "locked"
    exit_code = 3


class Cancelled(AppError):
    """A long operation was stopped (by the user, or because the session is being locked)
    before it changed anything: its transaction was rolled back."""

    code = "cancelled"


class Busy(AppError):
    """Another program holds the workspace for writing longer than we wait (an import, a
    backup): refused with a sentence instead of a false integrity alarm."""

    code = "busy"
    exit_code = 1


class InternalError(AppError):
    """An unforeseen error: logged with its traceback in the log file only, never shown as one.
    Kept apart from ``integrity`` so that exit 4 means integrity and nothing else."""

    code = "internal_error"
    exit_code = 1


class StorageFull(AppError):
    """The disk is full: the change was not stored (its transaction rolled back). Signing in and
    reading go on, in the room the workspace keeps in reserve (storage/reserve.py)."""

    code = "storage_full"
    exit_code = 1
