"""The verify walk follows each partner's signing key along the chain (ledger_store:
``KeyHistory``, ``LedgerStore._walk``), on events signed by hand."""

from __future__ import annotations

from dataclasses import dataclass, field

from twofold.domain.ledger import (
    GENESIS_PREV_HASH,
    EventHeader,
    LedgerEvent,
    canonical_json,
    content_hash,
)
from twofold.vault import crypto
from twofold.vault.ledger_store import KeyHistory, LedgerStore

ALEX, SAM = "a1a1a1a1a1a1a1a1", "5a5a5a5a5a5a5a5a"


def _seed() -> bytearray:
    return crypto.new_key()


@dataclass
class Chain:
    seeds: dict[str, bytearray]
    events: list[LedgerEvent] = field(default_factory=list)

    def add(self, author: str, kind: str, payload: dict[str, object], seed: bytearray) -> int:
        prev = self.events[-1].header.digest() if self.events else GENESIS_PREV_HASH
        body = canonical_json(payload)
        seq = len(self.events) + 1
        header = EventHeader(
            "vault",
            seq,
            f"e{seq}",
            author,
            kind,
            f"2030-01-{seq:02d}T10:00:00.000000+00:00",
            content_hash(body),
            prev,
        )
        self.events.append(LedgerEvent(header, body, crypto.sign(seed, header.digest())))
        return seq

    def rotate(self, author: str, signer: bytearray, new: bytearray, partner: str = "") -> int:
        public = crypto.public_key_of(new).hex()
        payload: dict[str, object] = {
            "partner": partner or author,
            "how": "change",
            "slots": [],
            "public_key": public,
        }
        return self.add(author, "keys.changed", payload, signer)

    def walk(self) -> tuple[list[str], KeyHistory]:
        genesis = {p: crypto.public_key_of(s) for p, s in self.seeds.items()}
        keys = KeyHistory(genesis, {ALEX: "Alex", SAM: "Sam"})
        problems = LedgerStore._walk(self.events, keys, GENESIS_PREV_HASH, 1, {})
        return [str(p) for p in problems], keys


def _chain() -> Chain:
    chain = Chain({ALEX: _seed(), SAM: _seed()})
    chain.add(ALEX, "appreciation.recorded", {"text": "one"}, chain.seeds[ALEX])
    return chain


def test_a_rotation_signed_with_the_current_key_moves_the_key_on() -> None:
    chain = _chain()
    old, new = chain.seeds[ALEX], _seed()
    seq = chain.rotate(ALEX, old, new)
    chain.add(ALEX, "appreciation.recorded", {"text": "two"}, new)
    problems, keys = chain.walk()
    assert problems == []
    assert keys.current[ALEX] == crypto.public_key_of(new)
    assert keys.retired[crypto.public_key_of(old)][:2] == (ALEX, seq)
    assert keys.own_key_problems(ALEX, crypto.public_key_of(new)) == []


def test_the_old_key_after_a_rotation_is_named_with_when_it_was_replaced() -> None:
    chain = _chain()
    old, new = chain.seeds[ALEX], _seed()
    chain.rotate(ALEX, old, new)
    seq = chain.add(ALEX, "commitment.acknowledged", {"commitment_id": "c"}, old)
    problems, _ = chain.walk()
    assert problems == [
        f"event #{seq} (commitment.acknowledged, 2030-01-03): was signed with Alex's old "
        "signing key, which Alex replaced on 2030-01-02 (event #2): whoever signed it kept "
        "a copy of that key, and Alex did not sign it"
    ]


def test_a_second_rotation_with_the_old_key_is_named() -> None:
    chain = _chain()
    old, new = chain.seeds[ALEX], _seed()
    chain.rotate(ALEX, old, new)
    seq = chain.rotate(ALEX, old, _seed())
    problems, keys = chain.walk()
    assert len(problems) == 1 and problems[0].startswith(f"event #{seq} (keys.changed")
    assert "old signing key" in problems[0]
    assert keys.current[ALEX] == crypto.public_key_of(new)


def test_the_new_key_before_its_rotation_is_not_accepted() -> None:
    chain = _chain()
    new = _seed()
    seq = chain.add(ALEX, "appreciation.recorded", {"text": "early"}, new)
    chain.rotate(ALEX, chain.seeds[ALEX], new)
    problems, _ = chain.walk()
    assert problems == [
        f"event #{seq} (appreciation.recorded, 2030-01-02): its signature does not match its author"
    ]


def test_nobody_rotates_another_partners_key() -> None:
    chain = _chain()
    seq = chain.rotate(SAM, chain.seeds[SAM], _seed(), partner=ALEX)
    problems, keys = chain.walk()
    assert problems == [
        f"event #{seq} (keys.changed, 2030-01-02): changes another partner's signing key: "
        "only they can change it"
    ]
    assert keys.current[ALEX] == crypto.public_key_of(chain.seeds[ALEX])


def test_a_reused_or_invalid_key_is_refused() -> None:
    chain = _chain()
    sam_public = crypto.public_key_of(chain.seeds[SAM]).hex()
    seq = chain.add(
        ALEX,
        "keys.changed",
        {"partner": ALEX, "how": "change", "slots": [], "public_key": sam_public},
        chain.seeds[ALEX],
    )
    problems, _ = chain.walk()
    assert problems and problems[0].endswith("a key is never taken back")
    chain.events.pop()
    chain.add(
        ALEX,
        "keys.changed",
        {"partner": ALEX, "how": "change", "slots": [], "public_key": "zz"},
        chain.seeds[ALEX],
    )
    problems, _ = chain.walk()
    assert problems == [
        f"event #{seq} (keys.changed, 2030-01-02): its new signing key is not a valid key"
    ]


def test_a_key_change_without_a_new_key_changes_no_key() -> None:
    """Events signed before keys were rotated carry no public_key: slots only."""
    chain = _chain()
    chain.add(
        ALEX, "keys.changed", {"partner": ALEX, "how": "renew", "slots": []}, chain.seeds[ALEX]
    )
    chain.add(ALEX, "appreciation.recorded", {"text": "same key"}, chain.seeds[ALEX])
    problems, keys = chain.walk()
    assert problems == []
    assert keys.current[ALEX] == crypto.public_key_of(chain.seeds[ALEX])


def test_your_key_replaced_without_you_is_named_for_you() -> None:
    chain = _chain()
    takeover = _seed()
    seq = chain.rotate(ALEX, chain.seeds[ALEX], takeover)
    problems, keys = chain.walk()
    assert problems == []  # every signature holds: only Alex's own slot tells
    own = keys.own_key_problems(ALEX, crypto.public_key_of(chain.seeds[ALEX]))
    assert [p.what.split(":")[0] for p in own] == [
        f"event #{seq} (2030-01-02) replaced your signing key with one that is not in your "
        "key slots"
    ]
    assert keys.own_key_problems(SAM, crypto.public_key_of(chain.seeds[SAM])) == []
    assert keys.own_key_problems(ALEX, crypto.public_key_of(_seed()))[0].what.endswith(
        "the ledger was replaced"
    )
