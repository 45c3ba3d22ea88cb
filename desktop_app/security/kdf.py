"""Argon2id profiles. ``interactive`` is for people; ``test`` is fast and insecure (tests only).

A profile's time cost is a floor. Key slots written under ``interactive`` get the time cost that
makes one derivation take about :data:`TARGET_S` on this workstation (what KeePassXC does): a
fixed cost would derive ever faster as workstations get faster. Each slot names the parameters
it was made with, so a slot made before, or on another machine, opens with its own.
"""

from __future__ import annotations

import functools
import secrets
import time
from collections.abc import Callable
from dataclasses import dataclass, replace

from argon2.low_level import Type, hash_secret_raw

from desktop_app.domain.errors import InvalidInput


@dataclass(frozen=True)
class KdfParams:
    time_cost: int
    memory_kib: int
    parallelism: int

    def as_dict(self) -> dict[str, int]:
        return {"t": self.time_cost, "m": self.memory_kib, "p": self.parallelism}

    @classmethod
    def from_dict(cls, data: dict[str, int]) -> KdfParams:
        params = cls(int(data["t"]), int(data["m"]), int(data["p"]))
        # A key file must not be able to downgrade the KDF below the test floor, nor make us
        # allocate absurd memory.
        if not (
            1 <= params.time_cost <= 50
            and 8 <= params.memory_kib <= 4 * 1024 * 1024
            and 1 <= params.parallelism <= 16
        ):
            raise InvalidInput("De sleutelafleiding in het sleutelbestand is ongeldig.")
        return params


# ASVS 5.0 appendix C asks argon2id with m >= 46 MiB. The time cost here is the floor of the
# calibration (see :func:`for_new_slot`): memory and parallelism are what they are.
PROFILES: dict[str, KdfParams] = {
    "interactive": KdfParams(time_cost=4, memory_kib=96 * 1024, parallelism=4),
    "test": KdfParams(time_cost=1, memory_kib=64, parallelism=1),
}
# The profiles whose time cost is calibrated; ``test`` stays as it is (the suite's speed).
CALIBRATED = frozenset({"interactive"})
# The calibration's budget: as many passes as fit in it at the cost of a whole derivation at
# t=1. That derivation also pays the set-up of the memory, which a longer one pays only once
# (a quarter to a third of it on the reference workstation), so a slot lands below the budget:
# about 0.6-0.8 s a derivation there (KEY-7 asks 0.5-2 s, a sign-in 0.5-1 s).
TARGET_S = 0.9
# The heaviest time cost the calibration chooses, and so the heaviest a file not yet
# authenticated may ask for. The reference workstation calibrates to about 9-12 passes; 32
# leave room for one three times as fast, and a crafted header asking for them costs seconds
# (2-3 s on the reference workstation), never minutes.
MAX_TIME_COST = 32
# One-pass derivations measured; the fastest counts (a sample slowed by another process would
# otherwise make every slot of this run too light).
CALIBRATION_SAMPLES = 2


def within_bounds(params: KdfParams) -> bool:
    """No heavier in any parameter than this application ever writes: the calibration's
    ceiling for the time cost, the heaviest profile for memory and parallelism. What a file not
    yet authenticated (a backup header, a key file without its workstation secret) may ask for:
    more can only be a crafted file, made to have us allocate gigabytes or derive for minutes."""
    return (
        params.time_cost <= MAX_TIME_COST
        and params.memory_kib <= max(p.memory_kib for p in PROFILES.values())
        and params.parallelism <= max(p.parallelism for p in PROFILES.values())
    )


def time_cost_for(floor: KdfParams, one_pass_s: float) -> int:
    """The calibration rule: as many passes as fit in :data:`TARGET_S` at ``one_pass_s`` each
    (the measured cost of a derivation at t=1 with ``floor``'s memory and parallelism), never
    fewer than ``floor`` has, never more than :data:`MAX_TIME_COST`."""
    if not one_pass_s > 0:  # a timer that saw no time pass: as fast as it gets
        return MAX_TIME_COST
    return max(floor.time_cost, min(MAX_TIME_COST, round(TARGET_S / one_pass_s)))


def calibrate(floor: KdfParams, measure: Callable[[KdfParams], float]) -> KdfParams:
    """``floor`` with the time cost :func:`time_cost_for` gives; ``measure`` returns the seconds
    one derivation with the parameters it is given takes (:func:`_measure` outside tests)."""
    one_pass = replace(floor, time_cost=1)
    fastest = min(measure(one_pass) for _ in range(CALIBRATION_SAMPLES))
    return replace(floor, time_cost=time_cost_for(floor, fastest))


def _measure(params: KdfParams) -> float:
    start = time.perf_counter()
    derive(secrets.token_bytes(16), secrets.token_bytes(16), params)
    return time.perf_counter() - start


@functools.cache
def _calibrated(name: str) -> KdfParams:
    """Measured once per process: a workspace created with five users calibrates once."""
    return calibrate(PROFILES[name], _measure)


def for_new_slot(name: str) -> KdfParams:
    """The parameters for a key slot written now under profile ``name`` (a workspace created,
    a password set or changed, a new recovery key): calibrated on this workstation for
    :data:`CALIBRATED` profiles, the profile itself otherwise."""
    floor = profile(name)
    return _calibrated(name) if name in CALIBRATED else floor


def profile(name: str) -> KdfParams:
    try:
        return PROFILES[name]
    except KeyError:
        raise InvalidInput(
            f"Onbekend KDF-profiel '{name}'. Kies uit: {', '.join(PROFILES)}.", field="kdf_profile"
        ) from None


def derive(secret: bytes, salt: bytes, params: KdfParams) -> bytes:
    return bytes(
        hash_secret_raw(
            secret=secret,
            salt=salt,
            time_cost=params.time_cost,
            memory_cost=params.memory_kib,
            parallelism=params.parallelism,
            hash_len=32,
            type=Type.ID,
        )
    )
