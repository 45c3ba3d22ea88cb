"""The first-start wizard as a Qt-free state machine (tested without a display, as Electrum's
wizard is): the window only shows the current step and hands the person's input to it.

Steps::

    START --new--> KEYRING --usable--> LOCATION --> ADMIN --(created)--> RECOVERY --> DONE
      |  ^            |  (remedy shown; retry)
      |  +--back------+
      +--open a folder / a recent one--> DONE
      +--restore a backup (keyring checked first)--> DONE

The workspace is created when ADMIN is submitted (the slow step: Argon2); from then on there is
no way back, only forward: the recovery key is shown once and one of its groups must be typed
back before the wizard is done.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

from desktop_app.domain import accounts
from desktop_app.domain.errors import AppError, InvalidInput, InvalidState
from desktop_app.security import recovery
from desktop_app.services.session import Environment
from desktop_app.services.workspace import WorkspacePaths, init_workspace
from desktop_app.storage.recent import RecentWorkspaces, default_recent_file


def recent_workspaces(path: Path | None = None) -> RecentWorkspaces:
    """The recent-workspaces file of this user (outside every workspace: paths only)."""
    return RecentWorkspaces(path or default_recent_file())


class Step(StrEnum):
    START = "start"
    KEYRING = "keyring"
    LOCATION = "location"
    ADMIN = "admin"
    RECOVERY = "recovery"
    DONE = "done"


@dataclass
class WizardResult:
    data_dir: Path
    admin_name: str = ""
    created: bool = False
    restored: bool = False


@dataclass
class FirstStartWizard:
    """``check_keyring`` returns the environment with a usable keyring or raises the AppError
    whose sentence is the remedy (security.workstation.REMEDY)."""

    check_keyring: Callable[[], Environment]
    default_dir: Path
    recent: RecentWorkspaces
    kdf_profile: str = "interactive"
    step: Step = Step.START
    env: Environment | None = None
    remedy: str | None = None
    data_dir: Path | None = None
    location: accounts.Location = accounts.Location.AIVD
    admin_name: str = ""
    recovery_key: str = field(default="", repr=False)
    ask_group: int = 0
    result: WizardResult | None = None
    _history: list[Step] = field(default_factory=list)

    # --- navigation ---------------------------------------------------------------------------

    def _go(self, step: Step) -> Step:
        self._history.append(self.step)
        self.step = step
        return step

    def _expect(self, *steps: Step) -> None:
        if self.step not in steps:
            raise InvalidState("Deze stap is nu niet aan de orde.")

    @property
    def can_go_back(self) -> bool:
        return self.step in (Step.KEYRING, Step.LOCATION, Step.ADMIN)

    def back(self) -> Step:
        if not self.can_go_back or not self._history:
            raise InvalidState("Terug kan hier niet meer: de werkplek is al aangemaakt.")
        self.step = self._history.pop()
        return self.step

    @property
    def default_holds_workspace(self) -> bool:
        """Opened from a sign-in ("Andere werkplek…"): the start folder already holds one, so
        it is neither "no workspace yet" nor the folder offered for a new one."""
        return WorkspacePaths(self.default_dir).exists()

    def recent_workspaces(self) -> list[Path]:
        """The recent ones that still hold a workspace (a moved USB stick is left out)."""
        return [p for p in self.recent.load() if WorkspacePaths(p).exists()]

    # --- opening an existing one --------------------------------------------------------------

    def open_existing(self, folder: Path) -> Step:
        self._expect(Step.START)
        if not WorkspacePaths(folder).exists():
            raise InvalidInput(
                "In deze map staat geen werkplek. Kies de map met workspace.db en keys.json.",
                field="data_dir",
            )
        self.recent.add(folder)
        self.result = WizardResult(folder)
        return self._go(Step.DONE)

    # --- restoring a backup -------------------------------------------------------------------

    def restore_environment(self) -> Environment:
        """A new workstation's way in is often a backup: the restored workspace is bound to this
        workstation's keyring, so that is checked first (raises the remedy when unusable)."""
        self._expect(Step.START)
        self.env = self.check_keyring()
        return self.env

    def restored(self, folder: Path, admin_name: str) -> Step:
        """The backup is back in ``folder`` (services.admin.restore_workspace did it): done, the
        administrator named signs in with the new password."""
        self._expect(Step.START)
        if self.env is None:
            raise InvalidState("Controleer eerst de sleutelring.")
        self.recent.add(folder)
        self.result = WizardResult(folder, admin_name, restored=True)
        return self._go(Step.DONE)

    # --- a new one ------------------------------------------------------------------------------

    def new_workspace(self) -> Step:
        self._expect(Step.START)
        self._go(Step.KEYRING)
        return self.retry_keyring()

    def retry_keyring(self) -> Step:
        """Check the keyring (again); stays at KEYRING with the remedy when none is usable."""
        self._expect(Step.KEYRING)
        try:
            self.env = self.check_keyring()
        except AppError as exc:
            self.env = None
            self.remedy = exc.message
            return self.step
        self.remedy = None
        if self.data_dir is None and not self.default_holds_workspace:
            self.data_dir = self.default_dir
        return self._go(Step.LOCATION)

    def set_location(self, folder: Path, location: str) -> Step:
        self._expect(Step.LOCATION)
        where = accounts.Location.parse(location)
        # An empty field is Path("."): the program's own folder ("niet leeg"), or worse, an
        # empty working directory taken as the workspace's. A relative one would follow it too.
        if not str(folder).strip() or folder == Path("."):
            raise InvalidInput("Kies een map voor de nieuwe werkplek.", field="data_dir")
        folder = folder.expanduser().absolute()
        if WorkspacePaths(folder).exists():
            raise InvalidInput(
                "In deze map staat al een werkplek. Kies een lege map, of open die werkplek.",
                field="data_dir",
            )
        if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
            raise InvalidInput(
                "Deze map is niet leeg. Kies een nieuwe of lege map voor de werkplek.",
                field="data_dir",
            )
        self.data_dir, self.location = folder, where
        return self._go(Step.ADMIN)

    def create(self, name: str, full_name: str, password: str, repeat: str) -> Step:
        """Create the workspace with its first administrator (slow: run it off the GUI
        thread). Checked before anything is made, so bad input changes nothing."""
        self._expect(Step.ADMIN)
        clean = accounts.validate_username(name)
        display = accounts.validate_full_name(full_name or clean)
        accounts.validate_password(password, clean)
        if password != repeat:
            raise InvalidInput("De twee wachtwoorden zijn niet gelijk.", field="password")
        env, folder = self.env, self.data_dir
        if env is None or folder is None:
            raise InvalidState("Controleer eerst de sleutelring en kies een map.")
        made = init_workspace(
            env,
            folder,
            admin_name=clean,
            admin_password=password,
            full_name=display,
            location=self.location.value,
            kdf_profile=self.kdf_profile,
        )
        self.admin_name = clean
        self.recovery_key = made.recovery_key
        self.ask_group = secrets.randbelow(len(recovery.groups(made.recovery_key)))
        self.recent.add(folder)
        self.result = WizardResult(folder, clean, created=True)
        return self._go(Step.RECOVERY)

    def confirm_recovery(self, typed: str) -> Step:
        """One group of the recovery key, typed back: proof that it was written down."""
        self._expect(Step.RECOVERY)
        if not recovery.group_matches(self.recovery_key, self.ask_group, typed):
            raise InvalidInput(
                f"Dat is niet groep {self.ask_group + 1} van de herstelsleutel. Kijk op wat u "
                "hebt opgeschreven.",
                field="recovery_key",
            )
        self.recovery_key = ""  # shown once: gone from memory as far as Python allows
        return self._go(Step.DONE)
