"""Typed ledger events: one class per kind, payloads as signed, one projector per kind."""

from __future__ import annotations

import subprocess
import sys
from datetime import UTC, date, datetime

import pytest

from twofold.domain.commitments import Cadence, CadenceKind, Outcome
from twofold.domain.errors import InvalidInput
from twofold.domain.events import (
    EVENT_TYPES,
    CheckinSubmitted,
    CommitmentChecked,
    CommitmentMade,
    KeysChanged,
    SessionOpened,
    decode,
)
from twofold.domain.ledger import EventKind
from twofold.services.session import Session
from twofold.vault import projectors


def test_every_kind_has_one_typed_event_and_every_projected_kind_a_projector() -> None:
    assert set(EVENT_TYPES) == set(EventKind)
    assert projectors.registered() <= set(EventKind)
    assert set(EventKind) - projectors.registered() == {EventKind.VAULT_COUNTERSIGNED}


def test_payloads_keep_the_signed_shape() -> None:
    made = CommitmentMade(
        commitment_id="c1",
        title="Reply within the hour",
        owner="p1",
        cadence=Cadence(CadenceKind.DAYS, (0, 2)),
        start=date(2026, 1, 5),
    )
    assert made.to_payload() == {
        "commitment_id": "c1",
        "title": "Reply within the hour",
        "owner": "p1",
        "cadence": {"kind": "days", "weekdays": [0, 2], "due": None},
        "start": "2026-01-05",
        "detail": "",
        "hard_day": "",
    }
    assert decode(EventKind.COMMITMENT_MADE, made.to_payload()) == made
    checked = CommitmentChecked("c1", date(2026, 1, 5), Outcome.KEPT)
    assert checked.to_payload()["outcome"] == "kept"
    # a check-in's and a session's own "kind" keep their payload key
    checkin = {"kind": "daily", "day": "2026-01-05", "answers": [["How?", "ok"]]}
    assert CheckinSubmitted.from_payload(checkin).to_payload() == checkin
    opened = {"session_id": "s", "kind": "therapy", "agenda": ["e1"]}
    assert SessionOpened.from_payload(opened).to_payload() == opened


def test_old_payloads_without_optional_fields_decode() -> None:
    event = decode(EventKind.REFLECTION_SHARED, {"text": "hello"})
    assert event.to_payload() == {"text": "hello", "request": ""}
    # a key change signed before signing keys rotated: no new key, slots only
    old = decode(EventKind.KEYS_CHANGED, {"partner": "a1", "how": "reset", "slots": ["s1"]})
    assert isinstance(old, KeysChanged) and old.public_key == ""
    new = decode(
        EventKind.KEYS_CHANGED,
        {"partner": "a1", "how": "change", "slots": ["s1"], "public_key": "ab" * 32},
    )
    assert isinstance(new, KeysChanged) and new.public_key == "ab" * 32


@pytest.mark.parametrize(
    ("kind", "payload"),
    [
        (EventKind.REFLECTION_SHARED, {}),
        (EventKind.REFLECTION_SHARED, {"text": 5}),
        (EventKind.COMMITMENT_CHECKED, {"commitment_id": "c", "day": "x", "outcome": "kept"}),
        (EventKind.COMMITMENT_CHECKED, {"commitment_id": "c", "day": "2026-01-01", "outcome": "?"}),
        (EventKind.VALUES_SET, {"values": "honesty"}),
        (EventKind.COMMITMENT_ACKNOWLEDGED, {"commitment_id": "c", "check_seq": True}),
    ],
)
def test_a_payload_that_does_not_fit_its_kind_is_refused(kind: EventKind, payload: dict) -> None:  # type: ignore[type-arg]
    with pytest.raises((ValueError, KeyError, TypeError)):
        decode(kind, payload)


def test_the_untyped_append_refuses_a_payload_unsigned(alex: Session) -> None:
    vault = alex._vault
    before = vault.ledger.head()
    with pytest.raises(InvalidInput), vault.write():
        vault.ledger.append(EventKind.APPRECIATION, {"txt": "typo"}, datetime.now(UTC))
    assert vault.ledger.head() == before


def test_the_fields_types_are_typings_answer_for_every_kind() -> None:
    """``events._hints`` evaluates plain annotations itself (decoding the genesis then
    imports no typing): for every event class its answer is ``typing.get_type_hints``'s
    for the fields, and the origin and arguments ``_decode`` reads are typing's."""
    import typing

    from twofold.domain import events as events_module
    from twofold.domain.valueclass import fields_of

    plain = 0
    for cls in [*events_module.EVENT_TYPES.values(), events_module.GenesisPartner]:
        expected = {
            name: hint
            for name, hint in events_module.typing_hints(cls).items()
            if name in dict(fields_of(cls))
        }
        assert events_module._hints(cls) == expected, cls
        try:
            assert events_module._plain_hints(cls) == expected, cls
            plain += 1
        except TypeError:
            pass  # a name only typing knows (Any, unions): typing answers
        for hint in expected.values():
            assert events_module._origin_and_args(hint) == (
                typing.get_origin(hint),
                typing.get_args(hint),
            ), (cls, hint)
    assert plain >= len(events_module.EVENT_TYPES) // 2  # most kinds are plain
    vault_created = events_module.EVENT_TYPES[EventKind.VAULT_CREATED]
    assert events_module._plain_hints(vault_created)  # the genesis: no typing


def test_decoding_the_genesis_imports_no_typing() -> None:
    script = (
        "import sys, json\n"
        "from twofold.domain import events\n"
        "e = events.VaultCreated.from_payload({'vault': 'v', 'partners': "
        "[{'id': 'a', 'label': 'Alex', 'public_key': '00'}]})\n"
        "assert e.partners[0].label == 'Alex'\n"
        "print('typing' in sys.modules)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=60, check=True
    )
    assert done.stdout.strip() == "False"
