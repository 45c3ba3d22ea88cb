"""Shared builders for the evidence/inspection tests (services, CLI, GUI). No tests here.

Reports are created and issued through the real report service (draft → submit → annotate →
verdict → sign → issue), so their history (report_events) is the one the app records.
"""

from __future__ import annotations

import datetime as dt
import io
import struct
import zlib
from typing import Any

from support import helpers
from support.sample_text import REPORT_TEXT

from desktop_app.domain.classification import Classification
from desktop_app.domain.ids import ReportId
from desktop_app.domain.roles import Role
from desktop_app.services import users
from desktop_app.storage import users as users_repo

PASSWORDS = {
    **helpers.PASSWORDS,
    "lezer": "lezer-wachtwoord-1",
    "tweede": "tweede-wachtwoord-1",
    "dubbel": "dubbel-wachtwoord-1",
}

C = Classification
# name: roles, clearance, full name
STAFF: dict[str, tuple[frozenset[Role], Classification, str]] = {
    "officier": (frozenset({Role.AIVD_OFFICER}), C.STG_GEHEIM, "Olga Officier"),
    "tekenaar": (frozenset({Role.AIVD_SIGNER}), C.STG_ZEER_GEHEIM, "Teun Tekenaar"),
    # A liaison who is also a designated inspector (cli.md: "for reports they had no part in").
    "liaison": (frozenset({Role.IND_LIAISON, Role.IND_INSPECTOR}), C.STG_GEHEIM, "Lotte Liaison"),
    "tweede": (frozenset({Role.IND_LIAISON}), C.STG_GEHEIM, "Tim Tweede-Liaison"),
    "inspecteur": (frozenset({Role.IND_INSPECTOR}), C.STG_CONFIDENTIEEL, "Ivo Inspecteur"),
    # Not designated.
    "lezer": (frozenset({Role.IND_INSPECTOR}), C.STG_GEHEIM, "Lieke Lezer"),
    # An AIVD officer who is also a designated inspector: can become involved later (AUTHZ-3).
    "dubbel": (frozenset({Role.AIVD_OFFICER, Role.IND_INSPECTOR}), C.STG_GEHEIM, "Dirk Dubbel"),
}

DESIGNATED = ("liaison", "inspecteur", "dubbel")
# An AIVD and an IND role on one account can no longer be made (domain.roles); a workspace from
# before that rule may still hold one, so "dubbel" is written into storage as such a workspace has
# it, and the inspection rules must still hold for it.
LEGACY = ("dubbel",)


def add_legacy_user(
    session: Any, name: str, roles: frozenset[Role], clearance: Classification, full_name: str
) -> None:
    with session.transaction("test.legacy_user", f"user:{name}", keys=True) as tx:
        users_repo.insert(tx.conn, name, full_name, roles, clearance, "2025-01-01T00:00:00Z")
        tx.keys.set_user(tx.secret, session.dek, name, PASSWORDS[name])


def png_image(width: int = 2, height: int = 2, rgb: tuple[int, int, int] = (200, 30, 30)) -> bytes:
    """A valid PNG (8-bit RGB) of one colour, built with zlib (no imaging library needed)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    row = b"\x00" + bytes(rgb) * width
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(row * height))
        + chunk(b"IEND", b"")
    )


PNG_1X1 = png_image(1, 1)


def as_user(workspace: Any, name: str) -> Any:
    """A signed-in session of one of the users above (or the administrator)."""
    return workspace.session(name, PASSWORDS[name])


def setup_staff(
    workspace: Any, *, designate: tuple[str, ...] = DESIGNATED, until: dt.date | None = None
) -> None:
    with workspace.session("beheer") as s:
        for name, (roles, clearance, full_name) in STAFF.items():
            if name in LEGACY:
                add_legacy_user(s, name, roles, clearance, full_name)
                continue
            users.add_user(
                s,
                name=name,
                password=PASSWORDS[name],
                roles=roles,
                full_name=full_name,
                clearance=clearance,
                initial_password=False,  # the window's tests sign these in directly
            )
        for name in designate:
            users.designate(
                s,
                name=name,
                decision_ref=f"HD-IND 2026/{name}",
                valid_from=dt.date(2026, 1, 1),
                valid_until=until,
            )


def make_report(
    workspace: Any,
    *,
    title: str = "Ambtsbericht betrokkene",
    classification: Classification = C.STG_CONFIDENTIEEL,
    liaison: str = "liaison",
    until: str = "issued",
) -> ReportId:
    """A report taken through the workflow up to ``until`` (draft, in_review, usable, signed,
    issued); ``liaison`` annotates and judges it."""
    rid = helpers.report_at(
        workspace,
        until,
        text=REPORT_TEXT,
        passwords=PASSWORDS,
        liaison=liaison,
        remark=("buitenland", "Welk land?"),
        title=title,
        classification=classification,
    )
    return ReportId(rid)


def set_location(workspace: Any, location: str) -> None:
    with workspace.session("beheer") as s, s.transaction("settings.location", "settings") as tx:
        users_repo.set_setting(tx.conn, "location", location)


def set_setting(workspace: Any, key: str, value: str) -> None:
    with workspace.session("beheer") as s, s.transaction("settings.change", "settings") as tx:
        users_repo.set_setting(tx.conn, key, value)


def audit_rows(session: Any, action: str) -> list[tuple[str, str, str, str]]:
    """(actor, object, result, details) of the audit entries with this action."""
    with session.reading() as conn:
        rows = conn.execute(
            "SELECT actor, object, result, details FROM audit WHERE action = ? ORDER BY seq",
            (action,),
        ).fetchall()
    return [tuple(str(v) for v in r) for r in rows]  # type: ignore[misc]


def count_rows(session: Any, table: str) -> int:
    with session.reading() as conn:
        return int(conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])


def minimal_pdf(text: str = "Onderliggend document") -> bytes:
    """A real one-page PDF made with reportlab (a dependency already)."""
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    c = canvas.Canvas(buf)
    c.drawString(72, 720, text)
    c.showPage()
    c.save()
    return buf.getvalue()
