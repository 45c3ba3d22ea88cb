"""KEY-7: the Argon2id time cost of new key slots is calibrated on this workstation (about
0.6-0.8 s a derivation), once a process, within bounds; slots keep the parameters they were
made with. No real timing here: the derivation and its measurement are stand-ins."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from support.helpers import ADMIN_PW, keys_path

from desktop_app.domain.errors import AuthFailed, IntegrityFailure
from desktop_app.domain.roles import Role
from desktop_app.security import kdf, recovery
from desktop_app.security.kdf import KdfParams
from desktop_app.security.keyfile import TOO_HEAVY, KeyFile, recover_dek, recovery_box
from desktop_app.services import users, workspace
from desktop_app.services.session import Environment
from desktop_app.services.workspace import init_workspace, open_session

FLOOR = kdf.PROFILES["interactive"]
MEMORY = 96 * 1024


@pytest.fixture(autouse=True)
def _fresh_calibration() -> Iterator[None]:
    """Every test measures anew, and leaves no stand-in's calibration to the rest of the run."""
    kdf._calibrated.cache_clear()
    yield
    kdf._calibrated.cache_clear()


class StandIn:
    """``kdf.derive`` and ``kdf._measure`` replaced: a derivation is a hash of its inputs and
    its parameters (so a slot opens only with the parameters it names), a measurement says
    ``one_pass_s``. Both record what they were asked."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, one_pass_s: float) -> None:
        self.one_pass_s = one_pass_s
        self.derived: list[KdfParams] = []
        self.measured: list[KdfParams] = []
        monkeypatch.setattr(kdf, "derive", self.derive)
        monkeypatch.setattr(kdf, "_measure", self.measure)

    def derive(self, secret: bytes, salt: bytes, params: KdfParams) -> bytes:
        self.derived.append(params)
        return hashlib.sha256(secret + salt + json.dumps(params.as_dict()).encode()).digest()

    def measure(self, params: KdfParams) -> float:
        self.measured.append(params)
        return self.one_pass_s


def _interactive_workspace(env: Environment, tmp_path: Path) -> tuple[Path, str]:
    """A workspace of the ``interactive`` profile with its administrator; its folder and its
    recovery key."""
    root = tmp_path / "ws"
    result = init_workspace(
        env, root, admin_name="beheer", admin_password=ADMIN_PW, kdf_profile="interactive"
    )
    return root, result.recovery_key


def _slot_params(root: Path, recovery_key: str) -> dict[str, dict[str, int]]:
    """Each escrowed user slot's parameters, and the recovery slot's (``"(recovery)"``)."""
    keyfile = KeyFile.load(keys_path(root))
    dek = keyfile.recover_dek(recovery.parse(recovery_key))
    found = {name: inner["kdf"] for name, inner in keyfile.read_escrow(dek).items()}
    found["(recovery)"] = keyfile.data["recovery"]["kdf"]
    return found


# --- the rule ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("one_pass_s", "expected"),
    [
        (0.083, 11),  # the reference workstation: a derivation at t=1 takes 0.075-0.1 s
        (0.100, 9),
        (0.160, 6),
        (0.225, 4),  # the old fixed cost is what fits
        (0.500, 4),  # a slow machine never goes below the profile's floor
        (5.0, 4),
        (0.050, 18),
        (0.030, 30),
        (0.025, 32),  # over three times as fast: the ceiling
        (0.001, 32),  # faster still: the ceiling holds
        (0.0, 32),  # a timer that saw no time pass
    ],
)
def test_time_cost_rule(one_pass_s: float, expected: int) -> None:
    assert kdf.time_cost_for(FLOOR, one_pass_s) == expected


def test_calibration_measures_one_pass_at_the_profiles_memory_and_takes_the_fastest() -> None:
    samples = iter([0.31, 0.1])
    asked: list[KdfParams] = []

    def measure(params: KdfParams) -> float:
        asked.append(params)
        return next(samples)

    chosen = kdf.calibrate(FLOOR, measure)
    assert asked == [KdfParams(1, MEMORY, 4)] * kdf.CALIBRATION_SAMPLES
    # Memory and parallelism are the profile's; only the time cost moves.
    assert chosen == KdfParams(9, MEMORY, 4)
    assert chosen.memory_kib >= 46 * 1024  # ASVS 5.0 appendix C


def test_the_calibration_ceiling_is_within_what_a_slot_may_name() -> None:
    assert all(p.time_cost <= kdf.MAX_TIME_COST for p in kdf.PROFILES.values())
    heaviest = KdfParams(kdf.MAX_TIME_COST, MEMORY, 4)
    assert KdfParams.from_dict(heaviest.as_dict()) == heaviest
    assert kdf.within_bounds(heaviest)


def test_bounds_for_files_not_yet_authenticated() -> None:
    # Widened deliberately: a calibrated slot (t above the old fixed 4) is no longer "too heavy".
    assert kdf.within_bounds(KdfParams(9, MEMORY, 4))
    assert kdf.within_bounds(KdfParams(kdf.MAX_TIME_COST, MEMORY, 4))
    # Still refused: more passes than the calibration ever chooses, more memory or lanes than
    # any profile has.
    assert not kdf.within_bounds(KdfParams(kdf.MAX_TIME_COST + 1, MEMORY, 4))
    assert not kdf.within_bounds(KdfParams(4, MEMORY + 1, 4))
    assert not kdf.within_bounds(KdfParams(4, MEMORY, 5))


# --- once a process, and not for the test profile -------------------------------------------


def test_the_test_profile_is_never_calibrated(monkeypatch: pytest.MonkeyPatch) -> None:
    stand_in = StandIn(monkeypatch, 0.001)
    assert kdf.for_new_slot("test") == kdf.PROFILES["test"]
    assert stand_in.measured == []


def test_a_workspace_with_five_users_calibrates_once(
    tmp_path: Path, env: Environment, monkeypatch: pytest.MonkeyPatch
) -> None:
    stand_in = StandIn(monkeypatch, 0.1)
    root, recovery_key = _interactive_workspace(env, tmp_path)
    with open_session(env, root, "beheer", ADMIN_PW) as session:
        for i in range(4):
            users.add_user(
                session, name=f"gebruiker{i}", password=f"wachtwoord-{i}-lang", roles=[Role.ADMIN]
            )
    assert len(stand_in.measured) == kdf.CALIBRATION_SAMPLES
    calibrated = KdfParams(9, MEMORY, 4).as_dict()
    found = _slot_params(root, recovery_key)
    assert len(found) == 6  # five users and the recovery slot, each naming what it was made with
    assert all(params == calibrated for params in found.values())
    # The sign-in derives with what the slot names.
    stand_in.derived.clear()
    open_session(env, root, "gebruiker3", "wachtwoord-3-lang").close()
    assert stand_in.derived == [KdfParams(9, MEMORY, 4)]


def test_every_new_wrap_takes_the_calibrated_cost(
    tmp_path: Path, env: Environment, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Password change, reset, a new recovery key (with its rotation): slots written now get
    this process's calibration; slots the rotation only re-seals keep theirs."""
    stand_in = StandIn(monkeypatch, 0.25)  # the workspace was made when t=4 was what fitted
    root, _ = _interactive_workspace(env, tmp_path)
    with open_session(env, root, "beheer", ADMIN_PW) as session:
        users.add_user(session, name="officier", password="officier-wachtwoord", roles=[Role.ADMIN])
        users.add_user(session, name="tekenaar", password="tekenaar-wachtwoord", roles=[Role.ADMIN])
    kdf._calibrated.cache_clear()  # a later start, on a faster workstation
    stand_in.one_pass_s = 0.05
    with open_session(env, root, "beheer", ADMIN_PW) as session:
        users.reset_password(session, "officier", "officier-nieuw-wachtwoord")
        users.change_password(session, ADMIN_PW, "beheer-nieuw-wachtwoord")
    with open_session(env, root, "beheer", "beheer-nieuw-wachtwoord") as session:
        new_key = workspace.new_recovery_key(session, session.sign_in_proof()).recovery_key
    found = _slot_params(root, new_key)
    assert found == {
        "beheer": KdfParams(18, MEMORY, 4).as_dict(),
        "officier": KdfParams(18, MEMORY, 4).as_dict(),
        "tekenaar": FLOOR.as_dict(),  # untouched: opens with its own
        "(recovery)": KdfParams(18, MEMORY, 4).as_dict(),
    }
    open_session(env, root, "tekenaar", "tekenaar-wachtwoord").close()
    open_session(env, root, "officier", "officier-nieuw-wachtwoord").close()


# --- old headers ------------------------------------------------------------------------------


def test_a_slot_of_the_old_fixed_cost_still_opens(
    tmp_path: Path, env: Environment, monkeypatch: pytest.MonkeyPatch
) -> None:
    stand_in = StandIn(monkeypatch, 0.25)
    root, recovery_key = _interactive_workspace(env, tmp_path)
    # What every interactive slot was before calibration: t=4, m=96 MiB, p=4.
    assert all(p == FLOOR.as_dict() for p in _slot_params(root, recovery_key).values())
    kdf._calibrated.cache_clear()
    stand_in.one_pass_s = 0.1  # this process would write t=9
    assert kdf.for_new_slot("interactive").time_cost == 9
    stand_in.derived.clear()
    open_session(env, root, "beheer", ADMIN_PW).close()
    assert stand_in.derived == [FLOOR]
    KeyFile.load(keys_path(root)).recover_dek(recovery.parse(recovery_key))  # t=4 too


def test_an_unknown_name_derives_like_a_slot_without_calibrating(
    tmp_path: Path, env: Environment, monkeypatch: pytest.MonkeyPatch
) -> None:
    stand_in = StandIn(monkeypatch, 0.1)
    root, _ = _interactive_workspace(env, tmp_path)
    kdf._calibrated.cache_clear()  # a new process: a sign-in must not measure
    stand_in.measured.clear()
    stand_in.derived.clear()
    with pytest.raises(AuthFailed):
        open_session(env, root, "niemand", "een-wachtwoord-1")
    with pytest.raises(AuthFailed):
        open_session(env, root, "beheer", "een-wachtwoord-1")
    assert stand_in.measured == []
    assert stand_in.derived == [KdfParams(9, MEMORY, 4)] * 2


def test_unknown_names_time_like_real_accounts_of_either_cost(
    tmp_path: Path, env: Environment, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Slots of two costs in one file (an account made before a faster workstation's
    calibration): an unknown name derives like one real slot, always the same for that name,
    and unknown names spread over both costs, so the time of a refusal tells nothing."""
    stand_in = StandIn(monkeypatch, 0.1)
    root, _ = _interactive_workspace(env, tmp_path)  # beheer at t=9
    kdf._calibrated.cache_clear()
    stand_in.one_pass_s = 0.05  # a later start: the next slot gets t=18
    with open_session(env, root, "beheer", ADMIN_PW) as session:
        users.add_user(session, name="officier", password="officier-wachtwoord", roles=[Role.ADMIN])
    costs = {KdfParams(9, MEMORY, 4), KdfParams(18, MEMORY, 4)}
    kdf._calibrated.cache_clear()  # and a sign-in process after it: nothing measures
    stand_in.measured.clear()
    seen: dict[str, KdfParams] = {}
    for name in [f"niemand{i}" for i in range(12)] + ["niemand0"]:
        stand_in.derived.clear()
        with pytest.raises(AuthFailed):
            open_session(env, root, name, "een-wachtwoord-1")
        assert len(stand_in.derived) == 1 and stand_in.derived[0] in costs
        assert seen.setdefault(name, stand_in.derived[0]) == stand_in.derived[0]
    assert set(seen.values()) == costs
    assert stand_in.measured == []


# --- recovery slots read before anything authenticates them ---------------------------------


def test_a_calibrated_recovery_slot_opens_and_a_heavier_one_is_refused_unread(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    raw, dek = b"r" * 20, bytes(range(32))
    # m and p of the test profile keep the real derivation quick; t is what the bound looks at.
    calibrated = recovery_box(dek, raw, KdfParams(12, 64, 1), "ws-1")
    assert recover_dek(calibrated, raw, "ws-1") == bytearray(dek)

    heavier = recovery_box(dek, raw, KdfParams(kdf.MAX_TIME_COST + 1, 64, 1), "ws-1")
    stand_in = StandIn(monkeypatch, 0.1)
    with pytest.raises(IntegrityFailure) as refused:
        recover_dek(heavier, raw, "ws-1")
    assert str(refused.value) == TOO_HEAVY
    assert stand_in.derived == []
