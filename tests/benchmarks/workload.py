"""Build the reference workload through the real vault code, in bulk.

The bulk path calls the same store methods the services call (JournalStore.add,
LedgerStore.append/retract, JournalStore.link_share, the ledger head), only with
many rows per transaction; test_benchmark_smoke checks that a bulk-built vault holds
exactly what the services would have written."""

from __future__ import annotations

import itertools
import uuid
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path

from tests.benchmarks.text import Entry, TextSource, ten_years_ago
from twofold.domain.commitments import BOTH, Cadence, CadenceKind, Outcome
from twofold.domain.ledger import EventKind
from twofold.domain.records import RecordKind, normalise_labels
from twofold.services.journal import record_ledger_head
from twofold.services.session import create_vault
from twofold.vault import vault as vault_files
from twofold.vault.crypto import KdfParams

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


@dataclass
class Workload:
    folder: Path
    per_partner: int
    shared_events: int
    entries: dict[str, list[Entry]] = field(default_factory=dict)
    commitments: list[CommitmentSpec] = field(default_factory=list)
    # The ledger's events in order: shares (some retracted) and commitment check-offs.
    shares: list[Share | CheckSpec] = field(default_factory=list)


def plan(
    folder: Path,
    per_partner: int,
    shared_events: int,
    partners: tuple[str, ...] = ("Alex", "Sam"),
    seed_offset: int = 0,
    chunk: int = CHUNK,
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
    for n in range(shared_events):
        author = partners[(n // chunk) % len(partners)]
        if n % 5 in (1, 3):  # two in five events are check-offs
            at = start + step * n
            work.shares.append(
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
        work.shares.append(
            Share(
                author=author,
                record_index=n % max(per_partner, 1),
                text=source.body(source.rng.randint(20, 80), n % 4001 == 0),
                request="I'd like us to talk about this" if n % 3 == 0 else "",
                at=start + step * n,
                retract=n % RETRACT_EVERY == RETRACT_EVERY - 1,
            )
        )
    return work


def build_vault(
    folder: Path,
    per_partner: int,
    shared_events: int,
    *,
    kdf: KdfParams | None = None,
    partners: tuple[str, ...] = ("Alex", "Sam"),
    seed_offset: int = 0,
) -> Workload:
    work = plan(folder, per_partner, shared_events, partners, seed_offset)
    create_vault(
        folder,
        [(p, PASSPHRASES[p]) for p in ("Alex", "Sam")],
        kdf or KdfParams.strong_minimum(),
        at=ten_years_ago() - timedelta(days=1),
    )
    apply_bulk(work)
    return work


def apply_bulk(work: Workload) -> None:
    """The store calls the services make, many rows per transaction."""
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
    commitment_ids: list[str] = []
    for spec in work.commitments:
        opened = vault_files.unlock_partner(work.folder, spec.author, PASSPHRASES[spec.author])
        try:
            commitment_id = uuid.uuid4().hex
            with opened.write("bulk"):
                opened.ledger.append(
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
            commitment_ids.append(commitment_id)
        finally:
            opened.close()
    runs = [list(run) for _, run in itertools.groupby(work.shares, key=lambda s: s.author)]
    for chunk in (run[i : i + CHUNK] for run in runs for i in range(0, len(run), CHUNK)):
        label = chunk[0].author
        opened = vault_files.unlock_partner(work.folder, label, PASSPHRASES[label])
        try:
            journal = opened.journal
            assert journal is not None
            with opened.write("bulk"):
                for share in chunk:
                    if isinstance(share, CheckSpec):
                        opened.ledger.append(
                            EventKind.COMMITMENT_CHECKED,
                            {
                                "commitment_id": commitment_ids[share.commitment_index],
                                "day": share.day.isoformat(),
                                "outcome": str(share.outcome),
                                "note": "",
                            },
                            share.at,
                        )
                        continue
                    event = opened.ledger.append(
                        EventKind.REFLECTION_SHARED,
                        {"text": share.text.strip(), "request": share.request.strip()},
                        share.at,
                    )
                    ids = record_ids.get(label)
                    if ids:
                        journal.link_share(ids[share.record_index], event.header.event_id, share.at)
                    if share.retract:
                        later = share.at + timedelta(hours=1)
                        opened.ledger.retract(event.header.event_id, later)
                        journal.mark_retracted(event.header.event_id, later)
                record_ledger_head(opened)
        finally:
            opened.close()


def jrnl_text(entries: list[Entry]) -> str:
    """The same reflections in jrnl's plain-text journal format."""
    lines = []
    for e in entries:
        first, _, rest = e.body.partition(". ")
        lines.append(f"[{e.at:%Y-%m-%d %H:%M}] {first}. {rest}".rstrip() + "\n")
    return "\n".join(lines)
