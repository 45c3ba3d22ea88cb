"""Argon2id profiles. ``interactive`` is for people; ``test`` is fast and insecure (tests only)."""

from __future__ import annotations

from dataclasses import dataclass

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


# ASVS 5.0 appendix C asks argon2id with m >= 46 MiB; t=4, m=96 MiB, p=4 takes 0.6-0.8 s on
# the reference workstation (2 cores): slow for guessing, quick enough for a sign-in.
PROFILES: dict[str, KdfParams] = {
    "interactive": KdfParams(time_cost=4, memory_kib=96 * 1024, parallelism=4),
    "test": KdfParams(time_cost=1, memory_kib=64, parallelism=1),
}


def within_profiles(params: KdfParams) -> bool:
    """No heavier in any parameter than the heaviest profile this application uses. What a
    file not yet authenticated (a backup header, a key file without its workstation secret)
    may ask for: more can only be a crafted file, made to have us allocate gigabytes."""
    return (
        params.time_cost <= max(p.time_cost for p in PROFILES.values())
        and params.memory_kib <= max(p.memory_kib for p in PROFILES.values())
        and params.parallelism <= max(p.parallelism for p in PROFILES.values())
    )


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
