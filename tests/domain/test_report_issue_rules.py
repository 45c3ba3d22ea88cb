"""Issue 14: submit and sign refuse a text that is not in the structured form with every
finding's reliability or source (art. 2.4 content rules), naming what is missing."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from desktop_app.domain.errors import InvalidState
from desktop_app.domain.ids import UserId
from desktop_app.domain.report_content import (
    Finding,
    Reliability,
    ReportContent,
    missing_for_issue,
    parse,
    render,
)
from desktop_app.domain.reports import (
    ReportAction,
    ReportEvent,
    ReportStatus,
    decide,
    permissions,
)
from desktop_app.domain.roles import Role

T = dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.UTC)
OFFICER, SIGNER = UserId(1), UserId(2)


def _content(*findings: Finding) -> ReportContent:
    return ReportContent("Betrokkene A", "Verzoek van de IND.", findings, "Geen bezwaar.")


def _bare_text(*numbers_without: int, count: int = 3) -> str:
    """A rendered text whose findings ``numbers_without`` have neither reliability nor source.
    ``render`` does not validate, so such a text can be stored (e.g. from ``--text-file``)."""
    return render(
        _content(
            *(
                Finding(f"Feit {n}.")
                if n in numbers_without
                else Finding(f"Feit {n}.", source_reference=f"DOC-{n}")
                for n in range(1, count + 1)
            )
        )
    )


COMPLETE = render(
    _content(
        Finding("Feit een.", Reliability.RELIABLE),
        Finding("Feit twee.", source_reference="DOC-2"),
        Finding("Feit drie.", Reliability.UNKNOWN, "DOC-3", dt.date(2001, 1, 1)),
    )
)


def test_a_complete_structured_text_passes() -> None:
    assert missing_for_issue(COMPLETE) is None
    # Line breaks of another platform do not matter (the stored form is canonical anyway).
    assert missing_for_issue(COMPLETE.replace("\n", "\r\n")) is None


def test_each_finding_without_reliability_or_source_is_named() -> None:
    one = missing_for_issue(_bare_text(2))
    assert one == "bevinding 2 vermeldt geen betrouwbaarheid en geen bronverwijzing"
    many = missing_for_issue(_bare_text(1, 3))
    assert many == "de bevindingen 1 en 3 vermelden geen betrouwbaarheid en geen bronverwijzing"
    assert "1, 2 en 4" in (missing_for_issue(_bare_text(1, 2, 4, count=4)) or "")


def test_free_text_is_refused_with_what_is_missing() -> None:
    free = "Betrokkene verbleef in 2019 in het buitenland (bron: eigen onderzoek).\n"
    message = missing_for_issue(free) or ""
    assert "niet in de vaste vorm" in message
    for absent in ("'Onderwerp: …'", "'Aanleiding'", "'Bevindingen'", "'Conclusie'"):
        assert absent in message
    assert "docs/report-text-format.md" in message
    # Headings present but the findings not numbered: the form is named, no heading is missing.
    near = COMPLETE.replace("1. Feit een.", "Feit een.")
    near_message = missing_for_issue(near) or ""
    assert "niet in de vaste vorm" in near_message and "ontbre" not in near_message
    only_subject = "Onderwerp: X\n\nTekst.\n"
    assert "'Onderwerp: …'" not in (missing_for_issue(only_subject) or "")


def _history(*kinds: ReportAction) -> list[ReportEvent]:
    events = [ReportEvent(ReportAction.CREATE, OFFICER, 1, T)]
    events += [ReportEvent(k, OFFICER, 1, T) for k in kinds]
    return events


@pytest.mark.parametrize(
    ("status", "action", "actor", "roles", "start"),
    [
        (
            ReportStatus.DRAFT,
            ReportAction.SUBMIT,
            OFFICER,
            {Role.AIVD_OFFICER},
            "Het ambtsbericht kan niet ter beoordeling worden aangeboden: ",
        ),
        (
            ReportStatus.USABLE,
            ReportAction.SIGN,
            SIGNER,
            {Role.AIVD_SIGNER},
            "Het ambtsbericht kan niet worden ondertekend: ",
        ),
    ],
)
def test_submit_and_sign_refuse_and_permissions_say_the_same(
    status: ReportStatus,
    action: ReportAction,
    actor: UserId,
    roles: set[Role],
    start: str,
) -> None:
    history = _history() if status is ReportStatus.DRAFT else _history(ReportAction.SUBMIT)
    args = {"actor_id": actor, "actor_roles": roles, "history": history}
    assert decide(status, action, text=COMPLETE, **args) is not None  # type: ignore[arg-type]
    bare = _bare_text(2)
    with pytest.raises(InvalidState) as refused:
        decide(status, action, text=bare, **args)  # type: ignore[arg-type]
    assert str(refused.value).startswith(start)
    assert "bevinding 2 " in str(refused.value)
    granted = permissions(status, text=bare, **args)  # type: ignore[arg-type]
    assert not granted[action].allowed and granted[action].offered
    assert granted[action].reason == str(refused.value)
    assert permissions(status, text=COMPLETE, **args)[action].allowed  # type: ignore[arg-type]


def test_drafting_revising_and_printing_free_text_stay_allowed() -> None:
    free = "Vrije tekst.\n"
    args = {"actor_id": OFFICER, "actor_roles": {Role.AIVD_OFFICER}, "history": _history()}
    granted = permissions(ReportStatus.DRAFT, text=free, **args)  # type: ignore[arg-type]
    assert granted[ReportAction.REVISE].allowed
    assert not granted[ReportAction.SUBMIT].allowed
    printer = {"actor_id": OFFICER, "actor_roles": {Role.AIVD_OFFICER}, "history": _history()}
    assert decide(ReportStatus.DRAFT, ReportAction.PRINT, text=free, **printer)  # type: ignore[arg-type]


def test_the_workflow_refusal_comes_before_the_content() -> None:
    # A report already in review is refused for being in review, not for its text.
    with pytest.raises(InvalidState, match="al ter beoordeling"):
        decide(
            ReportStatus.IN_REVIEW,
            ReportAction.SUBMIT,
            actor_id=OFFICER,
            actor_roles={Role.AIVD_OFFICER},
            history=_history(ReportAction.SUBMIT),
            text="Vrije tekst.\n",
        )


def test_the_documented_example_is_accepted() -> None:
    doc = Path(__file__).resolve().parents[2] / "docs" / "report-text-format.md"
    example = doc.read_text(encoding="utf-8").split("```text\n", 1)[1].split("```", 1)[0]
    assert parse(example) is not None
    assert missing_for_issue(example) is None
