"""Reading and changing the workspace's business settings (declared in ``domain.settings``).

Anyone signed in reads the values in force (the window needs its idle lock); only the
administrator changes them, one audited transaction each, with the old and the new value.
"""

from __future__ import annotations

from dataclasses import dataclass

from desktop_app.domain.roles import Role
from desktop_app.domain.settings import SETTINGS, IntSetting, setting
from desktop_app.services.session import Session
from desktop_app.storage import users as repo
from desktop_app.storage.db import Connection

ADMIN_ONLY = (Role.ADMIN,)


@dataclass(frozen=True)
class SettingView:
    spec: IntSetting
    value: int

    def as_dict(self) -> dict[str, object]:
        s = self.spec
        return {
            "key": s.key,
            "label": s.label,
            "value": self.value,
            "default": s.default,
            "minimum": s.minimum,
            "maximum": s.maximum,
            "unit": s.unit,
        }


def read(conn: Connection, spec: IntSetting) -> int:
    """The value in force, inside a use case's own transaction or read."""
    return spec.read(repo.get_setting(conn, spec.key))


def value(session: Session, spec: IntSetting) -> int:
    with session.reading() as conn:
        return read(conn, spec)


def list_settings(session: Session) -> list[SettingView]:
    with session.reading() as conn:
        return [SettingView(spec, read(conn, spec)) for spec in SETTINGS]


def change(session: Session, key: str, entered: str | int) -> SettingView:
    spec = setting(key)
    with session.transaction(f"settings.{spec.key}", f"setting:{spec.key}") as tx:
        session.require(ADMIN_ONLY, "instellingen wijzigen")
        new = spec.parse(entered)
        old = repo.get_setting(tx.conn, spec.key)
        repo.set_setting(tx.conn, spec.key, spec.store(new))
        tx.details = {"from": old, "to": new}
    return SettingView(spec, new)
