"""Issue 4 figures: opening a report with 50 versions and 500 annotations (the service call
``get_report`` incl. re-anchoring, audit entry and all), and the diff of two 20-page versions
(about 60,000 characters) through ``diff_report``."""

from __future__ import annotations

import random
import tempfile
from pathlib import Path

from bench.common import Figure, median, p95, timed
from desktop_app.domain import report_content as rc
from desktop_app.domain.classification import Classification
from desktop_app.domain.clock import SystemClock
from desktop_app.domain.roles import Role
from desktop_app.security.workstation import MemorySecretProvider
from desktop_app.services import reports
from desktop_app.services.session import Environment
from desktop_app.services.users import add_user
from desktop_app.services.workspace import init_workspace, open_session

PASSWORD = "bench-wachtwoord-1"
_VOCABULARY = (
    "betrokkene verbleef onderhield contacten organisatie reisde buitenland verblijf bron "
    "melding dienst gegevens periode bekend vermoedelijk financiering netwerk familie adres "
    "werkgever studie vereniging bijeenkomst telefoon bericht overleg signaal onderzoek "
    "aanwijzing beoordeling risico gedrag invloed radicaal activiteit gemeente provincie "
    "overheid rapport analyse verklaring getuige document archief registratie identiteit"
)
WORDS = tuple(_VOCABULARY.split(" "))


def _sentence(rng: random.Random) -> str:
    words = [rng.choice(WORDS) for _ in range(rng.randint(8, 16))]
    words.insert(rng.randrange(len(words)), str(rng.randint(1990, 2026)))
    return " ".join(words).capitalize() + "."


def _paragraph(rng: random.Random) -> str:
    return " ".join(_sentence(rng) for _ in range(rng.randint(2, 4)))


def _pages(rng: random.Random, chars: int) -> list[str]:
    paragraphs: list[str] = []
    while sum(len(p) + 2 for p in paragraphs) < chars:
        paragraphs.append(_paragraph(rng))
    return paragraphs


def _edit(rng: random.Random, paragraphs: list[str], changes: int) -> list[str]:
    """A revision: a few paragraphs rewritten in part, one inserted, one deleted."""
    out = list(paragraphs)
    for _ in range(changes):
        k = rng.randrange(len(out))
        sentences = out[k].split(". ")
        sentences[rng.randrange(len(sentences))] = _sentence(rng).rstrip(".")
        out[k] = ". ".join(sentences)
    out.insert(rng.randrange(len(out)), _paragraph(rng))
    del out[rng.randrange(len(out))]
    return out


def _text(paragraphs: list[str]) -> str:
    """The paragraphs as findings of a structured text (submit refuses free text)."""
    return rc.render(
        rc.ReportContent(
            subject="Ambtsbericht bench",
            occasion="Verzoek van de IND.",
            findings=tuple(rc.Finding(p, rc.Reliability.RELIABLE) for p in paragraphs),
            conclusion="Geen bezwaar bekend.",
        )
    )


def run() -> list[Figure]:
    rng = random.Random(4)
    env = Environment(MemorySecretProvider(), SystemClock(), "bench")
    figures: list[Figure] = []
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "ws"
        init_workspace(env, root, admin_name="beheer", admin_password=PASSWORD, kdf_profile="test")
        with open_session(env, root, "beheer", PASSWORD) as admin:
            for name, role in (
                ("officier", Role.AIVD_OFFICER),
                ("liaison", Role.IND_LIAISON),
                ("tekenaar", Role.AIVD_SIGNER),
            ):
                add_user(
                    admin,
                    name=name,
                    password=PASSWORD,
                    roles=[role],
                    clearance=Classification.STG_GEHEIM,
                )
        off = open_session(env, root, "officier", PASSWORD)
        lia = open_session(env, root, "liaison", PASSWORD)
        try:
            # 50 versions of a 20-page report; 25 review rounds with 20 annotations each.
            paragraphs = _pages(rng, 60_000)
            rid = reports.draft_report(off, text=_text(paragraphs), title="Bench").report.id
            version, notes = 1, 0
            while version < 50:
                if version % 2 == 1:
                    reports.submit_report(off, rid)
                    text = _text(paragraphs)
                    for _ in range(20):
                        start = rng.randrange(len(text) - 80)
                        start = text.index(" ", start) + 1  # a passage starts at a word
                        quote = text[start : start + rng.randint(12, 60)]
                        reports.annotate(
                            lia, rid, quote=quote, comment="Graag toelichten.", start=start
                        )
                        notes += 1
                    reports.give_verdict(lia, rid, usable=False)
                paragraphs = _edit(rng, paragraphs, changes=4)
                reports.revise_report(off, rid, text=_text(paragraphs))
                version += 1
            view = reports.get_report(off, rid)
            assert view.version == 50 and len(view.annotations) == notes == 500
            outdated = sum(a.outdated for a in view.annotations)
            open_ms = timed(lambda: reports.get_report(off, rid), repeat=15)
            figures.append(
                Figure(
                    "report_open_50_versions_500_annotations",
                    median(open_ms),
                    "ms",
                    target="≤ 200 ms",
                )
            )
            figures.append(
                Figure("report_open_50v_500a_p95", p95(open_ms), "ms", target="≤ 200 ms")
            )
            figures.append(Figure("report_open_outdated_annotations", float(outdated), "count"))
            # Two 20-page versions with scattered edits (the typical review round).
            a = len(view.text)
            diff_ms = timed(lambda: reports.diff_report(off, rid, 40, 50), repeat=15)
            figures.append(
                Figure(
                    "report_diff_20_pages", median(diff_ms), "ms", target=f"≤ 300 ms ({a} chars)"
                )
            )
            figures.append(
                Figure("report_diff_20_pages_p95", p95(diff_ms), "ms", target="≤ 300 ms")
            )
            # And a whole rewrite (every line changed): the worst case for the diff.
            rewrite = reports.revise_report(off, rid, text=_text(_pages(rng, 60_000)))
            worst = rewrite.report.version
            worst_ms = timed(lambda: reports.diff_report(off, rid, 50, worst), repeat=5)
            figures.append(
                Figure("report_diff_20_pages_rewritten", median(worst_ms), "ms", target="≤ 300 ms")
            )
        finally:
            off.close()
            lia.close()
    return figures
