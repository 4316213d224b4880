"""Build the reference workload through the real vault code, in bulk.

The bulk path calls the same store methods the services call (JournalStore.add,
LedgerStore.append/retract, JournalStore.link_share, the ledger head), only with
many rows per transaction; test_benchmark_smoke checks that a bulk-built vault holds
exactly what the services would have written."""

from __future__ import annotations

import hashlib
import json
import secrets
import uuid
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path

from tests.benchmarks.text import Entry, TextSource, ten_years_ago
from twofold.domain.agreement import SECTIONS
from twofold.domain.checkins import CheckinKind, period_of
from twofold.domain.commitments import BOTH, Cadence, CadenceKind, Outcome
from twofold.domain.consent import DEFAULT_ORDER, RequestKind, seal_digest
from twofold.domain.events import (
    CheckinRevealed,
    CheckinSealed,
    CommitmentAccepted,
    CommitmentConcern,
    CommitmentDeclined,
    ConsentAdopted,
    ExportAgreed,
    ExportMade,
    PaceSet,
    RenegotiationAccepted,
    RenegotiationDeclined,
    RenegotiationProposed,
    RequestAnswered,
    RequestRaised,
    RolesAccepted,
    RolesProposed,
    SessionSummaryAgreed,
)
from twofold.domain.ledger import EventKind, canonical_json
from twofold.domain.records import RecordKind, normalise_labels
from twofold.domain.report import ReportFormat, ReportSection
from twofold.services.checkins import PENDING
from twofold.services.content import checkin_prompts
from twofold.services.journal import record_ledger_head
from twofold.services.session import KEYS_SEEN, create_vault
from twofold.services.timeline import LAST_SESSION_KEY
from twofold.vault import crypto
from twofold.vault import vault as vault_files
from twofold.vault.crypto import KdfParams
from twofold.vault.ledger_store import LedgerStore

PASSPHRASES = {"Alex": "benchmark alex passphrase", "Sam": "benchmark sam passphrase"}
KINDS = (
    RecordKind.REFLECTION,
    RecordKind.REFLECTION,
    RecordKind.TRIGGER,
    RecordKind.NEED,
    RecordKind.GRATITUDE,
    RecordKind.DRAFT,
)
CHUNK = 1000
COMMITMENTS = (
    "Text before the time if I'll be late",
    "Phone face up at dinner",
    "Ten minutes of check-in every evening",
    "Say pause instead of going quiet",
)
RETRACT_EVERY = 50
WEEKLY_COMMITMENT = "A date night every week"


@dataclass(frozen=True, slots=True)
class Share:
    author: str
    record_index: int  # index into that author's entries
    text: str
    request: str
    at: datetime
    retract: bool


@dataclass(frozen=True, slots=True)
class CommitmentSpec:
    author: str
    title: str
    hard_day: str
    start: date
    at: datetime


@dataclass(frozen=True, slots=True)
class CheckSpec:
    author: str
    commitment_index: int
    day: date
    outcome: Outcome
    at: datetime


# The practice a couple keeps up over ten years (DESIGN §6, issue 17), at full scale;
# ``plan`` scales these by shared_events / 20,000 (at least one of each kind).
PRACTICE = {
    "daily check-in": 5_840,  # both partners on 8 days in 10
    "weekly review": 940,  # both, 9 weeks in 10
    "monthly review": 240,  # both, every month
    "acknowledged check-off": 800,  # the other partner's "I saw this", 1 in 10
    "concern": 40,  # the other partner's "I didn't see this happen", 1 in 200
    "renegotiation": 8,  # new terms proposed by one, accepted by the other the next day
    "declined renegotiation": 2,  # new terms the other declined, with a reason
    "declined proposal": 10,  # a commitment proposed for the other, declined with a reason
    "ended commitment": 1,  # a fifth, weekly commitment for both: made, accepted, ended by both
    "safety plan update": 10,
    "agreement version": 40,  # proposed by one, acknowledged by the other
    "setback": 200,  # with acknowledge / repair / restore (9 in 10 restored)
    "win": 500,
    "appreciation": 1_000,
    "withdrawn appreciation": 20,  # its author takes it back the next day
    "values set": 5,
    "story chapter": 30,
    "joint session": 500,  # opened + co-signed, two notes, an outcome, closed; the summary
    # co-signed at the end (9 in 10) or agreed by the other the next day
    "request to talk": 60,  # a strained boundary or "I'd like us to talk", answered next day
    "roles": 1,  # who was hurt, said by one and accepted by the other
    "pace": 3,  # set by the hurt partner
    "therapy objective": 20,
    "objective progress": 300,  # noted in a therapy session
    # each partner changes their passphrase every two and a half years or so (a new
    # journal key, key slots and signing key: keys.changed, signed with the old key)
    "passphrase change": 8,
    "therapist export": 5,  # a report for the therapist, agreed by the other (export.agreed)
}
# The formats a therapist export is made in, in turn (PDF needs the window's layout
# engine; the event records the format the same way for each).
EXPORT_FORMATS = (ReportFormat.JSON, ReportFormat.MARKDOWN)
EXPORT_SECTIONS = (
    ReportSection.TIMELINE,
    ReportSection.COMMITMENTS,
    ReportSection.AGREEMENT,
    ReportSection.SETBACKS,
    ReportSection.SESSIONS,
)
FULL_SCALE = 20_000


@dataclass(frozen=True, slots=True)
class Act:
    """One practice action, as a service call would make it (see ``PRACTICE``).

    ``ref`` points at what the action is about: the index of a setback, session,
    objective, commitment or agreement version in the plan, or the CheckSpec it
    acknowledges."""

    author: str
    at: datetime
    action: str
    text: str = ""
    extra: tuple[str, ...] = ()
    day: date | None = None
    ref: object = None


Event = Share | CheckSpec | Act


@dataclass
class Workload:
    folder: Path
    per_partner: int
    shared_events: int
    entries: dict[str, list[Entry]] = field(default_factory=dict)
    commitments: list[CommitmentSpec] = field(default_factory=list)
    # Every ledger event in the order written: shares (some retracted), commitment
    # check-offs and the practice (check-ins, agreement, setbacks, wins, sessions, …).
    events: list[Event] = field(default_factory=list)

    @property
    def shares(self) -> list[Share | CheckSpec]:
        return [e for e in self.events if not isinstance(e, Act)]

    def counts(self) -> dict[str, int]:
        out: dict[str, int] = {}
        for e in self.events:
            key = e.action if isinstance(e, Act) else type(e).__name__
            out[key] = out.get(key, 0) + 1
        return out


def plan(
    folder: Path,
    per_partner: int,
    shared_events: int,
    partners: tuple[str, ...] = ("Alex", "Sam"),
    seed_offset: int = 0,
    chunk: int = CHUNK,
    practice: bool = True,
) -> Workload:
    """Everything the vault will hold, decided up front from a fixed seed."""
    source = TextSource(seed=20261124 + seed_offset)
    start = ten_years_ago()
    work = Workload(folder, per_partner, shared_events)
    for label in partners:
        work.entries[label] = list(source.entries(per_partner, start, 3650))
    step = timedelta(days=3650) / max(shared_events, 1)
    for i, title in enumerate(COMMITMENTS):
        work.commitments.append(
            CommitmentSpec(
                partners[i % len(partners)],
                title,
                "the smallest version that still counts",
                start.date() - timedelta(days=1),
                start - timedelta(hours=12 - i),
            )
        )
    shares: list[Share | CheckSpec] = []
    for n in range(shared_events):
        author = partners[(n // chunk) % len(partners)]
        if n % 5 in (1, 3):  # two in five events are check-offs
            at = start + step * n
            shares.append(
                CheckSpec(
                    author,
                    n % len(COMMITMENTS),
                    at.date(),
                    Outcome.MISSED
                    if n % 23 == 0
                    else (Outcome.KEPT_HARD_DAY if n % 7 == 0 else Outcome.KEPT),
                    at,
                )
            )
            continue
        shares.append(
            Share(
                author=author,
                record_index=n % max(per_partner, 1),
                text=source.body(source.rng.randint(20, 80), n % 4001 == 0),
                request="I'd like us to talk about this" if n % 3 == 0 else "",
                at=start + step * n,
                retract=n % RETRACT_EVERY == RETRACT_EVERY - 1,
            )
        )
    acts = plan_practice(shares, shared_events / FULL_SCALE, seed_offset) if practice else []
    # stable: at equal times the shares come first, then the acts in planned order
    work.events = sorted([*shares, *acts], key=lambda e: e.at)
    return work


PAIR = ("Alex", "Sam")


def plan_practice(shares: list[Share | CheckSpec], scale: float, seed_offset: int) -> list[Act]:
    """The practice over ten years, evenly spread, from its own seed (the shares'
    texts stay what they were before the practice joined the workload)."""
    text = TextSource(seed=20261125 + seed_offset)
    start = ten_years_ago()
    n = {kind: max(1, round(count * scale)) for kind, count in PRACTICE.items()}

    def spread(count: int, last_day: int = 3640) -> list[datetime]:
        return [start + timedelta(days=last_day) * i / count for i in range(count)]

    def words(lo: int, hi: int) -> str:
        return text.body(text.rng.randint(lo, hi), False)

    def at_hour(moment: datetime, hour: int, minute: int = 0) -> datetime:
        return moment.replace(hour=hour, minute=minute, second=0, microsecond=0)

    acts: list[Act] = []
    # Each partner's check-in is sealed when answered and revealed by its author's app
    # once both answered or the period ended (apply_bulk replays that rule).
    for moment in spread(max(1, n["daily check-in"] // 2)):
        for p, who in enumerate(PAIR):
            answers: tuple[str, ...] = (words(4, 12), words(3, 8), words(4, 10))
            acts.append(Act(who, at_hour(moment, 21, 5 + 20 * p), "daily", extra=answers))
    for kind, key, hour in (("weekly", "weekly review", 19), ("monthly", "monthly review", 18)):
        prompts = len(checkin_prompts()[CheckinKind(kind)].prompts)
        for moment in spread(max(1, n[key] // 2)):
            for p, who in enumerate(PAIR):
                answers = tuple(words(8, 30) for _ in range(prompts))
                acts.append(Act(who, at_hour(moment, hour, 10 + 20 * p), kind, extra=answers))
    checks = [s for s in shares if isinstance(s, CheckSpec)]
    every = max(1, len(checks) // n["acknowledged check-off"])
    acknowledged = checks[::every][: n["acknowledged check-off"]]
    for check in acknowledged:
        other = PAIR[1 - PAIR.index(check.author)] if check.author in PAIR else "Sam"
        acts.append(Act(other, check.at + timedelta(hours=2), "acknowledge", ref=check))
    seen = {id(c) for c in acknowledged}
    unseen = [c for c in checks if id(c) not in seen]
    every = max(1, len(unseen) // n["concern"])
    for check in unseen[every // 2 :: every][: n["concern"]]:
        other = PAIR[1 - PAIR.index(check.author)] if check.author in PAIR else "Sam"
        acts.append(
            Act(other, check.at + timedelta(hours=3), "concern", text=words(5, 12), ref=check)
        )
    renegotiations = [(m, True) for m in spread(n["renegotiation"], 3600)]
    renegotiations += [
        (m + timedelta(days=100), False) for m in spread(n["declined renegotiation"], 3400)
    ]
    for k, (moment, accepted) in enumerate(renegotiations):
        moment = at_hour(moment + timedelta(days=200), 20)
        index = k % len(COMMITMENTS)
        who, other = PAIR[k % 2], PAIR[1 - k % 2]
        acts.append(
            Act(
                who,
                moment,
                "renegotiate",
                text=f"{COMMITMENTS[index]}, renegotiated {k + 1}",
                extra=("the smallest version that still counts", words(6, 14)),
                day=moment.date(),
                ref=(k, index),
            )
        )
        answer = "accept terms" if accepted else "decline terms"
        acts.append(Act(other, moment + timedelta(days=1), answer, text=words(3, 8), ref=k))
    for k, moment in enumerate(spread(n["declined proposal"], 3600)):
        who, other = PAIR[k % 2], PAIR[1 - k % 2]
        at = at_hour(moment + timedelta(days=40), 10)
        acts.append(Act(who, at, "propose for other", text=words(3, 7), ref=k))
        acts.append(Act(other, at + timedelta(days=1), "decline", text=words(4, 10), ref=k))
    for k, moment in enumerate(spread(n["ended commitment"], 700)):
        made = at_hour(moment + timedelta(days=30), 9)
        acts.append(Act("Sam", made, "make weekly", ref=k))
        acts.append(Act("Alex", made + timedelta(days=1), "accept weekly", ref=k))
        ended = at_hour(moment + timedelta(days=700), 9)
        acts.append(Act("Alex", ended, "end", text=words(4, 9), ref=k))
        acts.append(Act("Sam", ended + timedelta(days=2), "end", text=words(4, 9), ref=k))
    for k, moment in enumerate(spread(n["roles"])):
        at = at_hour(moment + timedelta(days=3), 20)
        acts.append(Act("Sam", at, "roles", text=words(4, 10), extra=("Sam",), ref=k))
        acts.append(Act("Alex", at + timedelta(days=1), "accept roles", ref=k))
    for k, moment in enumerate(spread(n["pace"])):
        weeks = (1, 2, 4)[k % 3]
        acts.append(
            Act("Sam", at_hour(moment + timedelta(days=5), 20), "pace", extra=(str(weeks),))
        )
    for k, moment in enumerate(spread(max(2, n["request to talk"]), 3600)):  # both kinds
        who, other = PAIR[k % 2], PAIR[1 - k % 2]
        at = at_hour(moment + timedelta(days=12), 18, 40)
        kind = "strain" if k % 2 == 0 else "talk"
        acts.append(Act(who, at, kind, text=words(4, 14), extra=(words(3, 7),), ref=k))
        acts.append(Act(other, at + timedelta(days=1), "answer request", text=words(4, 10), ref=k))
    for k, moment in enumerate(spread(n["safety plan update"])):
        acts.append(
            Act(
                PAIR[k % 2],
                at_hour(moment + timedelta(days=5), 11),
                "safety",
                text=words(12, 30),
                extra=(words(6, 15), words(6, 15), words(3, 8)),
            )
        )
    for k, moment in enumerate(spread(n["agreement version"], 3600)):
        sections = (words(40, 120), words(40, 120), words(30, 90))
        acts.append(
            Act(PAIR[k % 2], at_hour(moment, 20), "propose", text=words(4, 12), extra=sections)
        )
        acts.append(
            Act(
                PAIR[1 - k % 2],
                at_hour(moment + timedelta(days=1), 20),
                "acknowledge version",
                ref=k,
            )
        )
    for k, moment in enumerate(spread(n["setback"], 3600)):
        who, other = PAIR[k % 2], PAIR[1 - k % 2]
        at = at_hour(moment, 22)
        acts.append(
            Act(
                who,
                at,
                "setback",
                text=words(5, 15),
                extra=(words(3, 8), words(5, 12)),
                day=at.date(),
            )
        )
        acts.append(Act(who, at + timedelta(days=1), "step acknowledge", text=words(5, 20), ref=k))
        acts.append(Act(other, at + timedelta(days=2), "countermeasure", text=words(5, 12), ref=k))
        acts.append(Act(who, at + timedelta(days=3), "step repair", text=words(5, 20), ref=k))
        if k % 10 != 9:
            acts.append(
                Act(other, at + timedelta(days=7), "step restore", text=words(5, 20), ref=k)
            )
    for k, moment in enumerate(spread(n["win"])):
        at = at_hour(moment, 13)
        acts.append(Act(PAIR[k % 2], at, "win", text=words(5, 15), day=at.date()))
    withdraw_every = max(1, n["appreciation"] // n["withdrawn appreciation"])
    for k, moment in enumerate(spread(n["appreciation"])):
        at = at_hour(moment, 8, 30)
        acts.append(Act(PAIR[k % 2], at, "appreciate", text=words(6, 20), ref=k))
        if k % withdraw_every == withdraw_every - 1:
            acts.append(Act(PAIR[k % 2], at + timedelta(days=1), "withdraw appreciation", ref=k))
    for k, moment in enumerate(spread(n["values set"])):
        chosen = ("honesty", "reliability", "kindness", "respect", "patience", "play")
        acts.append(
            Act(
                PAIR[k % 2],
                at_hour(moment + timedelta(days=10), 16),
                "values",
                extra=chosen[: 3 + k % 4],
            )
        )
    for k, moment in enumerate(spread(n["story chapter"])):
        acts.append(
            Act(
                PAIR[k % 2],
                at_hour(moment, 17),
                "chapter",
                text=words(60, 200),
                extra=(f"Chapter {k + 1}: {words(2, 5)}",),
            )
        )
    kinds = ("therapy", "weekly", "dinner")
    objectives = spread(n["therapy objective"])
    progress_left = n["objective progress"]
    for k, moment in enumerate(spread(n["joint session"], 3640)):
        who, other = PAIR[k % 2], PAIR[1 - k % 2]
        at = at_hour(moment, 19, 30)
        kind = kinds[k % 3]
        acts.append(Act(who, at, "session open", text=kind, ref=k))
        acts.append(Act(who, at + timedelta(minutes=10), "session note", text=words(8, 30), ref=k))
        acts.append(
            Act(other, at + timedelta(minutes=20), "session note", text=words(8, 30), ref=k)
        )
        acts.append(
            Act(who, at + timedelta(minutes=40), "session outcome", text=words(6, 16), ref=k)
        )
        if kind == "therapy":  # about two progress notes per therapy session
            set_before = sum(1 for o in objectives if o <= at)
            for extra in range(2):
                if set_before and progress_left > 0:
                    progress_left -= 1
                    acts.append(
                        Act(
                            PAIR[(k + extra + 1) % 2],
                            at + timedelta(minutes=45 + extra),
                            "progress",
                            text=words(6, 20),
                            ref=(set_before - 1, k),
                        )
                    )
        agreed_at_close = k % 10 != 1
        acts.append(
            Act(
                who,
                at + timedelta(minutes=55),
                "session close",
                text=words(6, 20),
                extra=("co-signed",) if agreed_at_close else (),
                ref=k,
            )
        )
        if not agreed_at_close:
            acts.append(Act(other, at + timedelta(days=1), "agree summary", ref=k))
    for k, moment in enumerate(objectives):
        acts.append(Act(PAIR[k % 2], at_hour(moment, 19), "objective", text=words(5, 14)))
    # both partners change their passphrase, even in the smallest plan
    for k, moment in enumerate(spread(max(2, n["passphrase change"]), 3600)):
        at = at_hour(moment + timedelta(days=150 + 40 * (k % 2)), 21, 50)
        acts.append(Act(PAIR[k % 2], at, "change passphrase"))
    for k, moment in enumerate(spread(n["therapist export"], 3500)):
        at = at_hour(moment + timedelta(days=120), 15, 15)
        fmt = EXPORT_FORMATS[k % len(EXPORT_FORMATS)]
        # the last year before the session it is made for; the other partner agrees
        acts.append(Act(PAIR[k % 2], at, "export", extra=(fmt.value,), day=at.date()))
    return acts


def build_vault(
    folder: Path,
    per_partner: int,
    shared_events: int,
    *,
    kdf: KdfParams | None = None,
    partners: tuple[str, ...] = ("Alex", "Sam"),
    seed_offset: int = 0,
    practice: bool = True,
) -> Workload:
    work = plan(folder, per_partner, shared_events, partners, seed_offset, practice=practice)
    create_vault(
        folder,
        [(p, PASSPHRASES[p]) for p in ("Alex", "Sam")],
        kdf or KdfParams.strong_minimum(),
        at=ten_years_ago() - timedelta(days=1),
    )
    apply_bulk(work, kdf)
    return work


class _Signers:
    """Both partners' ledger stores over one connection: the same ``LedgerStore``
    the services use, each with its own signing key (as a co-signed joint session
    does), so ten years of both partners' events go in one pass."""

    def __init__(self, opened: vault_files.OpenVault) -> None:
        self.opened = opened
        self.cosigner = opened.cosigner(
            PASSPHRASES["Sam" if opened.partner.label == "Alex" else "Alex"]
        )
        own = opened.ledger
        other_keys = self.cosigner._keys
        assert other_keys is not None
        self.stores = {
            opened.partner.label: own,
            ("Sam" if opened.partner.label == "Alex" else "Alex"): LedgerStore(
                own._link, own.vault_id, other_keys.partner_id, other_keys.signing_seed
            ),
        }
        self.ids: dict[str, str] = {}
        for label, store in self.stores.items():
            assert store._author is not None  # both stores sign as a partner
            self.ids[label] = store._author

    def close(self) -> None:
        self.cosigner.close()


def apply_bulk(work: Workload, kdf: KdfParams | None = None) -> None:
    """The store calls the services make, many rows per transaction. ``kdf``: the key
    derivation of the slots a passphrase change writes (the strong minimum if None)."""
    record_ids: dict[str, list[int]] = {}
    for label, entries in work.entries.items():
        opened = vault_files.unlock_partner(work.folder, label, PASSPHRASES[label])
        try:
            journal = opened.journal
            assert journal is not None
            with opened.write("bulk"):
                record_ids[label] = [
                    journal.add(
                        KINDS[e.index % len(KINDS)],
                        e.body,
                        normalise_labels(list(e.feelings)),
                        normalise_labels(list(e.tags)),
                        e.at,
                    )
                    for e in entries
                ]
                record_ledger_head(opened)
        finally:
            opened.close()
    # The ledger, in order, both partners signing on one connection; what each
    # partner's private journal keeps about their shares is written afterwards.
    links: dict[str, list[tuple[int, str, datetime, datetime | None]]] = {}
    opened = vault_files.unlock_partner(work.folder, "Alex", PASSPHRASES["Alex"])
    signers = _Signers(opened)
    state = _BulkState()
    try:
        with opened.write("bulk"):
            # the consent rules are adopted at the first unlock (the services' first
            # unlock is Alex writing her journal, when the vault is new)
            signers.stores["Alex"].record(ConsentAdopted(), ten_years_ago())
            for spec in work.commitments:
                commitment_id = uuid.uuid4().hex
                signers.stores[spec.author].append(
                    EventKind.COMMITMENT_MADE,
                    {
                        "commitment_id": commitment_id,
                        "title": spec.title,
                        "detail": "",
                        "owner": BOTH,
                        "cadence": Cadence(CadenceKind.DAILY).to_json(),
                        "hard_day": spec.hard_day,
                        "start": spec.start.isoformat(),
                    },
                    spec.at,
                )
                # one for both counts once the other partner accepts it (issue 12)
                other = "Sam" if spec.author == "Alex" else "Alex"
                signers.stores[other].record(CommitmentAccepted(commitment_id), spec.at)
                state.commitments.append(commitment_id)
        todo: list[Event] = []
        for event in [*work.events, None]:
            if event is not None and not _changes_keys(event):
                todo.append(event)
                continue
            for first in range(0, len(todo), CHUNK):
                with opened.write("bulk"):
                    for planned in todo[first : first + CHUNK]:
                        # each event is a fresh unlock of its author's app, which
                        # reveals that author's sealed check-ins that are due
                        _reveal_due(signers, state, planned.author, planned.at)
                        _append(signers, state, planned, record_ids, links)
            todo = []
            if event is not None:
                # a passphrase change is the vault's own two-phase key change, made
                # by its author's unlocked vault alone: the others close meanwhile
                # (the author's unlock reveals what is due first, as for any event)
                with opened.write("bulk"):
                    _reveal_due(signers, state, event.author, event.at)
                signers.close()
                opened.close()
                _change_passphrase(work.folder, event, kdf or KdfParams.strong_minimum())
                opened = vault_files.unlock_partner(work.folder, "Alex", PASSPHRASES["Alex"])
                signers = _Signers(opened)
    finally:
        signers.close()
        opened.close()
    for label in PASSPHRASES:
        rows = links.get(label, [])
        opened = vault_files.unlock_partner(work.folder, label, PASSPHRASES[label])
        try:
            journal = opened.journal
            assert journal is not None
            with opened.write("bulk"):
                for record_id, event_id, at, retracted in rows:
                    journal.link_share(record_id, event_id, at)
                    if retracted is not None:
                        journal.mark_retracted(event_id, retracted)
                # answers still sealed wait in their author's journal, as after submit
                for seal in state.pending.get(label, []):
                    journal.set_meta(
                        PENDING + seal.checkin_id,
                        json.dumps(
                            {
                                "salt": seal.salt,
                                "answers": [list(pair) for pair in seal.answers],
                                "kind": str(seal.kind),
                                "day": seal.day.isoformat(),
                            }
                        ),
                    )
                record_ledger_head(opened)
        finally:
            opened.close()


def _changes_keys(event: Event) -> bool:
    return isinstance(event, Act) and event.action == "change passphrase"


def _change_passphrase(folder: Path, event: Event, kdf: KdfParams) -> None:
    """What ``Session.change_passphrase`` does (``OpenVault.set_passphrase``: new key
    slots, the journal re-keyed, a new signing key, ``keys.changed`` signed with the
    old one), at the planned time. The new passphrase is the same one, so PASSPHRASES
    keep opening the vault; the new recovery code is not kept. Then the author
    dismisses the notice of their own change (``Session.dismiss_key_notices``)."""
    opened = vault_files.unlock_partner(folder, event.author, PASSPHRASES[event.author])
    try:
        opened.change_keys(
            "change",
            crypto.normalise_passphrase(PASSPHRASES[event.author]),
            crypto.parse_recovery_code(crypto.new_recovery_code()),
            kdf,
            at=event.at,
        )
        journal = opened.journal
        assert journal is not None
        with opened.write("bulk"):
            seq, _ = opened.ledger.head()
            journal.set_meta(KEYS_SEEN, str(seq))
    finally:
        opened.close()


@dataclass(frozen=True, slots=True)
class _Seal:
    checkin_id: str
    author: str
    kind: CheckinKind
    day: date
    seq: int
    salt: str
    answers: tuple[tuple[str, str], ...]


def _reveal_due(signers: _Signers, state: _BulkState, author: str, at: datetime) -> None:
    """What ``CheckinService.reveal_due`` does at an unlock of ``author`` at ``at``:
    reveal, in the order answered, their sealed check-ins whose period the partner
    answered too or that has ended."""
    waiting = state.pending.get(author, [])
    if not waiting:
        return
    today = at.astimezone().date()
    kept = []
    for seal in waiting:
        first, last = period_of(seal.kind, seal.day)
        partner_in = any(
            s.author != author and s.kind == seal.kind and first <= s.day <= last
            for s in state.seals
        )
        if partner_in or today > last:
            signers.stores[author].record(
                CheckinRevealed(seal.checkin_id, seal.salt, seal.answers), at
            )
        else:
            kept.append(seal)
    state.pending[author] = kept


@dataclass
class _BulkState:
    commitments: list[str] = field(default_factory=list)
    extra_commitments: dict[int, str] = field(default_factory=dict)
    check_seq: dict[int, int] = field(default_factory=dict)  # id(CheckSpec) -> seq
    versions: dict[int, str] = field(default_factory=dict)
    setbacks: dict[int, str] = field(default_factory=dict)
    sessions: dict[int, str] = field(default_factory=dict)
    objectives: list[str] = field(default_factory=list)
    seals: list[_Seal] = field(default_factory=list)  # every sealed check-in
    pending: dict[str, list[_Seal]] = field(default_factory=dict)  # not yet revealed
    renegotiations: dict[int, str] = field(default_factory=dict)
    proposals: dict[int, str] = field(default_factory=dict)
    appreciations: dict[int, str] = field(default_factory=dict)
    requests: dict[int, str] = field(default_factory=dict)
    roles: dict[int, str] = field(default_factory=dict)


def _append(
    signers: _Signers,
    state: _BulkState,
    event: Event,
    record_ids: dict[str, list[int]],
    links: dict[str, list[tuple[int, str, datetime, datetime | None]]],
) -> None:
    """One planned event: exactly the ledger calls the service for it makes."""
    ledger = signers.stores[event.author]
    if isinstance(event, CheckSpec):
        appended = ledger.append(
            EventKind.COMMITMENT_CHECKED,
            {
                "commitment_id": state.commitments[event.commitment_index],
                "day": event.day.isoformat(),
                "outcome": str(event.outcome),
                "note": "",
            },
            event.at,
        )
        state.check_seq[id(event)] = appended.header.seq
        return
    if isinstance(event, Share):
        shared = ledger.append(
            EventKind.REFLECTION_SHARED,
            {"text": event.text.strip(), "request": event.request.strip()},
            event.at,
        )
        later = event.at + timedelta(hours=1) if event.retract else None
        if later is not None:
            ledger.retract(shared.header.event_id, later)
        ids = record_ids.get(event.author)
        if ids:
            links.setdefault(event.author, []).append(
                (ids[event.record_index], shared.header.event_id, event.at, later)
            )
        return
    a, at = event, event.at
    if a.action in ("daily", "weekly", "monthly"):
        kind = CheckinKind(a.action)
        prompts = checkin_prompts()[kind].prompts
        pairs = [[p.text, answer.strip()] for p, answer in zip(prompts, a.extra, strict=True)]
        salt = secrets.token_bytes(32)
        checkin_id = uuid.uuid4().hex
        day = at.date()
        sealed = ledger.record(
            CheckinSealed(checkin_id, kind, day, seal_digest(salt, canonical_json(pairs))), at
        )
        seal = _Seal(
            checkin_id,
            a.author,
            kind,
            day,
            sealed.header.seq,
            salt.hex(),
            tuple((q, x) for q, x in pairs),
        )
        state.seals.append(seal)
        state.pending.setdefault(a.author, []).append(seal)
        _reveal_due(signers, state, a.author, at)  # submitting reveals what is due
    elif a.action == "acknowledge":
        assert isinstance(a.ref, CheckSpec)
        ledger.append(
            EventKind.COMMITMENT_ACKNOWLEDGED,
            {
                "commitment_id": state.commitments[a.ref.commitment_index],
                "check_seq": state.check_seq[id(a.ref)],
            },
            at,
        )
    elif a.action == "concern":
        assert isinstance(a.ref, CheckSpec)
        ledger.record(
            CommitmentConcern(
                state.commitments[a.ref.commitment_index],
                state.check_seq[id(a.ref)],
                a.text.strip(),
            ),
            at,
        )
    elif a.action == "renegotiate":
        assert isinstance(a.ref, tuple) and a.day is not None
        k, index = a.ref
        proposal_id = uuid.uuid4().hex
        ledger.record(
            RenegotiationProposed(
                proposal_id,
                state.commitments[index],
                a.text,
                Cadence(CadenceKind.DAILY),
                a.day,
                "",
                a.extra[0],
                a.extra[1].strip(),
            ),
            at,
        )
        state.renegotiations[k] = proposal_id
    elif a.action in ("accept terms", "decline terms"):
        assert isinstance(a.ref, int)
        answer = RenegotiationAccepted if a.action == "accept terms" else RenegotiationDeclined
        ledger.record(answer(state.renegotiations[a.ref], a.text.strip()), at)
    elif a.action == "propose for other":
        assert isinstance(a.ref, int)
        commitment_id = uuid.uuid4().hex
        other = "Sam" if a.author == "Alex" else "Alex"
        ledger.append(
            EventKind.COMMITMENT_MADE,
            {
                "commitment_id": commitment_id,
                "title": a.text.strip(),
                "detail": "",
                "owner": signers.ids[other],
                "cadence": Cadence(CadenceKind.WEEKLY).to_json(),
                "hard_day": "",
                "start": at.date().isoformat(),
            },
            at,
        )
        state.proposals[a.ref] = commitment_id
    elif a.action == "decline":
        assert isinstance(a.ref, int)
        ledger.record(CommitmentDeclined(state.proposals[a.ref], a.text.strip()), at)
    elif a.action == "accept weekly":
        assert isinstance(a.ref, int)
        ledger.record(CommitmentAccepted(state.extra_commitments[a.ref]), at)
    elif a.action == "roles":
        assert isinstance(a.ref, int)
        proposal_id = uuid.uuid4().hex
        hurt = tuple(sorted({signers.ids[label] for label in a.extra}))
        ledger.record(RolesProposed(proposal_id, hurt, a.text.strip()), at)
        state.roles[a.ref] = proposal_id
    elif a.action == "accept roles":
        assert isinstance(a.ref, int)
        ledger.record(RolesAccepted(state.roles[a.ref]), at)
    elif a.action == "pace":
        order = tuple(s.value for s in reversed(DEFAULT_ORDER[1:]))
        ledger.record(PaceSet(int(a.extra[0]), (DEFAULT_ORDER[0].value, *order)), at)
    elif a.action in ("strain", "talk"):
        assert isinstance(a.ref, int)
        request_id = uuid.uuid4().hex
        boundary = a.extra[0].strip() if a.action == "strain" else ""
        ledger.record(
            RequestRaised(request_id, RequestKind(a.action), boundary, a.text.strip()), at
        )
        state.requests[a.ref] = request_id
    elif a.action == "answer request":
        assert isinstance(a.ref, int)
        ledger.record(RequestAnswered(state.requests[a.ref], a.text.strip()), at)
    elif a.action == "withdraw appreciation":
        assert isinstance(a.ref, int)
        ledger.withdraw(state.appreciations[a.ref], at)
    elif a.action == "make weekly":
        assert isinstance(a.ref, int)
        commitment_id = uuid.uuid4().hex
        ledger.append(
            EventKind.COMMITMENT_MADE,
            {
                "commitment_id": commitment_id,
                "title": WEEKLY_COMMITMENT,
                "detail": "",
                "owner": BOTH,
                "cadence": Cadence(CadenceKind.WEEKLY).to_json(),
                "hard_day": "",
                "start": at.date().isoformat(),
            },
            at,
        )
        state.extra_commitments[a.ref] = commitment_id
    elif a.action == "end":
        assert isinstance(a.ref, int)
        ledger.append(
            EventKind.COMMITMENT_ENDED,
            {"commitment_id": state.extra_commitments[a.ref], "reason": a.text.strip()},
            at,
        )
    elif a.action == "safety":
        partner_ids = signers.ids
        ledger.append(
            EventKind.SAFETY_PLAN_UPDATED,
            {
                "plan": {
                    "pause_rule": a.text.strip(),
                    "overwhelmed": {
                        partner_ids["Alex"]: a.extra[0].strip(),
                        partner_ids["Sam"]: a.extra[1].strip(),
                    },
                    "who_to_call": a.extra[2].strip(),
                }
            },
            at,
        )
    elif a.action == "propose":
        version_id = uuid.uuid4().hex
        sections = {key: text.strip() for (key, _, _), text in zip(SECTIONS, a.extra, strict=True)}
        ledger.append(
            EventKind.AGREEMENT_PROPOSED,
            {"version_id": version_id, "sections": sections, "note": a.text.strip()},
            at,
        )
        state.versions[len(state.versions)] = version_id
    elif a.action == "acknowledge version":
        assert isinstance(a.ref, int)
        ledger.append(EventKind.AGREEMENT_ACKNOWLEDGED, {"version_id": state.versions[a.ref]}, at)
    elif a.action == "setback":
        assert a.day is not None
        setback_id = uuid.uuid4().hex
        ledger.append(
            EventKind.SETBACK_LOGGED,
            {
                "setback_id": setback_id,
                "what": a.text.strip(),
                "trigger": a.extra[0].strip(),
                "impact": a.extra[1].strip(),
                "day": a.day.isoformat(),
            },
            at,
        )
        state.setbacks[len(state.setbacks)] = setback_id
    elif a.action.startswith("step "):
        assert isinstance(a.ref, int)
        ledger.append(
            EventKind.SETBACK_STEP,
            {
                "setback_id": state.setbacks[a.ref],
                "step": a.action.removeprefix("step "),
                "note": a.text.strip(),
            },
            at,
        )
    elif a.action == "countermeasure":
        assert isinstance(a.ref, int)
        ledger.append(
            EventKind.SETBACK_COUNTERMEASURE,
            {"setback_id": state.setbacks[a.ref], "text": a.text.strip()},
            at,
        )
    elif a.action == "win":
        assert a.day is not None
        ledger.append(
            EventKind.WIN_RECORDED,
            {"text": a.text.strip(), "day": a.day.isoformat(), "milestone": ""},
            at,
        )
    elif a.action == "appreciate":
        assert isinstance(a.ref, int)
        recorded = ledger.append(EventKind.APPRECIATION, {"text": a.text.strip()}, at)
        state.appreciations[a.ref] = recorded.header.event_id
    elif a.action == "values":
        ledger.append(EventKind.VALUES_SET, {"values": list(a.extra)}, at)
    elif a.action == "chapter":
        ledger.append(
            EventKind.STORY_CHAPTER, {"title": a.extra[0].strip(), "text": a.text.strip()}, at
        )
    elif a.action == "session open":
        assert isinstance(a.ref, int)
        session_id = uuid.uuid4().hex
        raw = ledger.setting(LAST_SESSION_KEY)
        since = int(raw) if raw and raw.isdigit() else 0
        agenda = [i for i in reversed(ledger.timeline(0, 500, since_seq=since)) if not i.retracted]
        ledger.append(
            EventKind.SESSION_OPENED,
            {"session_id": session_id, "kind": a.text, "agenda": [i.event_id for i in agenda]},
            at,
        )
        other = "Sam" if a.author == "Alex" else "Alex"
        signers.stores[other].append(EventKind.SESSION_COSIGNED, {"session_id": session_id}, at)
        state.sessions[a.ref] = session_id
    elif a.action in ("session note", "session outcome"):
        assert isinstance(a.ref, int)
        note_kind = (
            EventKind.SESSION_NOTE if a.action == "session note" else EventKind.SESSION_OUTCOME
        )
        ledger.append(note_kind, {"session_id": state.sessions[a.ref], "text": a.text.strip()}, at)
    elif a.action == "session close":
        assert isinstance(a.ref, int)
        ledger.append(
            EventKind.SESSION_CLOSED,
            {"session_id": state.sessions[a.ref], "summary": a.text.strip()},
            at,
        )
        if a.extra:  # the other typed their passphrase under the summary
            other = "Sam" if a.author == "Alex" else "Alex"
            signers.stores[other].record(SessionSummaryAgreed(state.sessions[a.ref]), at)
        seq, _ = ledger.head()
        ledger.set_setting(LAST_SESSION_KEY, str(seq))
    elif a.action == "agree summary":
        assert isinstance(a.ref, int)
        ledger.record(SessionSummaryAgreed(state.sessions[a.ref]), at)
    elif a.action == "objective":
        objective_id = uuid.uuid4().hex
        ledger.append(
            EventKind.OBJECTIVE_SET, {"objective_id": objective_id, "text": a.text.strip()}, at
        )
        state.objectives.append(objective_id)
    elif a.action == "export":
        # ``ReportService.export``: the maker's export.made and the other's agreement,
        # in one transaction. No file is written here: the digest stands for one.
        assert a.day is not None
        export_id = uuid.uuid4().hex
        start = a.day - timedelta(days=365)
        ledger.record(
            ExportMade(
                export_id=export_id,
                format=a.extra[0],
                start=start,
                end=a.day,
                sections=tuple(s.value for s in EXPORT_SECTIONS),
                sha256=hashlib.sha256(f"{a.extra[0]} {start} {a.day}".encode()).hexdigest(),
            ),
            at,
        )
        other = "Sam" if a.author == "Alex" else "Alex"
        signers.stores[other].record(ExportAgreed(export_id), at)
    elif a.action == "progress":
        assert isinstance(a.ref, tuple)
        objective, session = a.ref
        ledger.append(
            EventKind.OBJECTIVE_PROGRESS,
            {
                "objective_id": state.objectives[objective],
                "note": a.text.strip(),
                "session_id": state.sessions[session],
            },
            at,
        )
    else:  # pragma: no cover - a planned action without its store calls
        raise AssertionError(a.action)


def jrnl_text(entries: list[Entry]) -> str:
    """The same reflections in jrnl's plain-text journal format."""
    lines = []
    for e in entries:
        first, _, rest = e.body.partition(". ")
        lines.append(f"[{e.at:%Y-%m-%d %H:%M}] {first}. {rest}".rstrip() + "\n")
    return "\n".join(lines)
