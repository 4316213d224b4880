"""Each kind of timeline card's headline, one lookup per card (issue 17: a chain of
comparisons took 4 µs for a shared reflection, 40,000 times for a ten-year report or
timeline). The sentences are those of the chain it replaced, written down here as it
wrote them (with a marking translation, so each translated piece shows); a kind
without a sentence shows the partners' words alone."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest

from twofold.domain.ledger import EventKind, TimelineItem
from twofold.domain.timeline_text import RETRACTED, UNVERIFIED, headline

EXPECTED: list[tuple[EventKind, dict[str, Any], str]] = [
    (
        EventKind.VAULT_CREATED,
        {"names": ["Alex", "Sam"]},
        "‹You began Twofold together: Alex‹ and ›Sam.›",
    ),
    (EventKind.VAULT_COUNTERSIGNED, {}, "our words"),
    (EventKind.REFLECTION_SHARED, {}, "our words"),
    (EventKind.REFLECTION_RETRACTED, {}, "our words"),
    (
        EventKind.COMMITMENT_MADE,
        {
            "cadence": {"kind": "days", "weekdays": [0, 2], "due": None},
            "hard_day": "5 min",
            "waiting_for": ["Sam"],
        },
        "our words (on Mon, Wed). ‹Hard-day version: 5 min.› ‹Proposed: waiting for Sam to accept.›",
    ),
    (
        EventKind.COMMITMENT_AMENDED,
        {"cadence": {"kind": "daily", "weekdays": [], "due": None}},
        "‹New terms: our words (every day).›",
    ),
    (
        EventKind.COMMITMENT_CHECKED,
        {"outcome": "kept_hard_day", "day": "2026-03-04"},
        "‹Kept (hard-day version)›: our words (Wed 04 Mar)",
    ),
    (EventKind.COMMITMENT_ACKNOWLEDGED, {}, "our words"),
    (EventKind.COMMITMENT_ENDED, {}, "‹Ended: our words›"),
    (EventKind.SAFETY_PLAN_UPDATED, {}, "‹The safety plan was updated.›"),
    (EventKind.AGREEMENT_PROPOSED, {"number": 3}, "‹Proposed version 3 of the agreement.›"),
    (
        EventKind.AGREEMENT_ACKNOWLEDGED,
        {"number": None},
        "‹Acknowledged version ? of the agreement.›",
    ),
    (EventKind.CHECKIN_SUBMITTED, {"checkin": "weekly"}, "‹Weekly review›\nour words"),
    (EventKind.SETBACK_LOGGED, {}, "‹Setback: our words›"),
    (EventKind.SETBACK_STEP, {"step": "restore"}, "‹Restored›: our words"),
    (EventKind.SETBACK_COUNTERMEASURE, {}, "‹Counter-measure: our words›"),
    (EventKind.WIN_RECORDED, {"milestone": True}, "‹Milestone›: our words"),
    (EventKind.APPRECIATION, {}, "our words"),
    (EventKind.VALUES_SET, {}, "‹Our values: our words›"),
    (EventKind.STORY_CHAPTER, {}, "our words"),
    (EventKind.SESSION_OPENED, {"session": "therapy"}, "‹‹Therapy session› opened together.›"),
    (EventKind.SESSION_COSIGNED, {}, "our words"),
    (EventKind.SESSION_NOTE, {}, "‹Session note: our words›"),
    (EventKind.SESSION_OUTCOME, {}, "‹Session outcome: our words›"),
    (EventKind.SESSION_CLOSED, {}, "‹The session ended.›"),
    (EventKind.OBJECTIVE_SET, {}, "‹Therapy objective: our words›"),
    (EventKind.OBJECTIVE_PROGRESS, {"objective": ""}, "‹Progress on “‹an objective›”›"),
    (
        EventKind.EXPORT_MADE,
        {
            "format": "pdf",
            "start": "2026-01-01",
            "end": "2026-02-01",
            "private_entries": 2,
            "left": "Sam",
        },
        "‹Exported a report (‹PDF›) of 2026-01-01 to 2026-02-01›‹, with 2 of their own private entries›‹, alone, after Sam left the vault (no second signature)›.",
    ),
    (EventKind.EXPORT_AGREED, {}, "‹Agreed to the export.›"),
    (
        EventKind.PARTNER_LEFT,
        {"copy": True},
        "‹Left the vault and took a read-only copy of the shared history up to today. What is written from now on is not readable with their key.›",
    ),
    (EventKind.KEYS_CHANGED, {"how": "x"}, "‹Alex's keys were changed.›"),
    (EventKind.CONSENT_ADOPTED, {}, "our words"),
    (EventKind.COMMITMENT_ACCEPTED, {}, "‹Accepted: our words›"),
    (EventKind.COMMITMENT_DECLINED, {}, "‹Declined: our words›"),
    (EventKind.COMMITMENT_CONCERN, {}, "‹Concern about a check-off: our words›"),
    (
        EventKind.RENEGOTIATION_PROPOSED,
        {"old": "Walk", "cadence": "bad"},
        "‹New terms proposed for “Walk”: our words›",
    ),
    (
        EventKind.RENEGOTIATION_ACCEPTED,
        {"old": "Walk"},
        "‹New terms accepted: “Walk” is now “our words”›",
    ),
    (
        EventKind.RENEGOTIATION_DECLINED,
        {"old": "Walk"},
        "‹New terms declined: “Walk” stays as it was›",
    ),
    (
        EventKind.CHECKIN_SEALED,
        {"checkin": "monthly"},
        "‹‹Monthly review›: answered, sealed until you have both answered.›",
    ),
    (EventKind.CHECKIN_REVEALED, {"checkin": "daily"}, "‹Daily check-in›\nour words"),
    (EventKind.ITEM_WITHDRAWN, {}, "‹Withdrew something they had written; its words are gone.›"),
    (
        EventKind.ROLES_PROPOSED,
        {"hurt": ["Alex", "Sam"]},
        "‹Proposed to say that Alex‹ and ›Sam were hurt.› ‹In our words: “our words”›",
    ),
    (EventKind.ROLES_ACCEPTED, {}, "‹Agreed to what was said about who was hurt.›"),
    (EventKind.PACE_SET, {"weeks": 3}, "‹The pace: reviews every 3 weeks.›"),
    (EventKind.REQUEST_RAISED, {"talk": "strain"}, "‹A boundary feels strained: “our words”›"),
    (EventKind.REQUEST_ANSWERED, {}, "‹Answered a request: our words›"),
    (EventKind.SESSION_SUMMARY_AGREED, {}, "‹Agreed to the session's summary.›"),
]


def _item(kind: EventKind, data: dict[str, Any], **flags: bool) -> TimelineItem:
    return TimelineItem(
        seq=1,
        event_id="e",
        kind=kind,
        author_id="a",
        author_label="Alex",
        occurred_at=datetime(2026, 3, 1, tzinfo=UTC),
        body="our words",
        request="",
        retracted=flags.get("retracted", False),
        data=dict(data),
        unverified=flags.get("unverified", False),
    )


def test_every_kind_is_written_down() -> None:
    assert [kind for kind, _, _ in EXPECTED] == list(EventKind)


@pytest.mark.parametrize(("kind", "data", "text"), EXPECTED, ids=[k.value for k, _, _ in EXPECTED])
def test_each_kind_has_the_sentence_it_had(
    kind: EventKind, data: dict[str, Any], text: str
) -> None:
    assert headline(_item(kind, data), lambda s: "‹" + s + "›") == text


@pytest.mark.parametrize("kind", list(EventKind), ids=lambda k: k.value)
def test_retracted_and_hidden_cards_say_so_whatever_their_kind(kind: EventKind) -> None:
    assert headline(_item(kind, {}, retracted=True)) == RETRACTED
    assert headline(_item(kind, {}, unverified=True, retracted=True)) == UNVERIFIED
