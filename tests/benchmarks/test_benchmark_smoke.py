"""The benchmark cannot rot: a tiny run in the suite, and proof that its bulk
generator writes exactly what the services write."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from tests.benchmarks.run import main
from tests.benchmarks.text import ten_years_ago
from tests.benchmarks.workload import KINDS, PASSPHRASES, CheckSpec, apply_bulk, plan
from tests.conftest import TEST_KDF
from twofold.domain.commitments import BOTH, Cadence, CadenceKind
from twofold.services.session import Session, create_vault, unlock


def test_quick_benchmark_prints_every_row(tmp_path: Path) -> None:
    out = tmp_path / "table.md"
    assert main(["--quick", "--root", str(tmp_path), "--out", str(out)]) == 0
    table = out.read_text()
    for row in (
        "launch → unlock window painted",
        "unlock after KDF → populated timeline",
        "search private+shared, rare word",
        "search private+shared, common word",
        "save one reflection durably",
        "sharing step with 50 items",
        "scroll the timeline model end to end",
        "memory (RSS)",
        "command-line search, cold, KDF excluded",
    ):
        assert row in table, row
    assert "within" in table


def _apply_with_services(work) -> None:  # type: ignore[no-untyped-def]
    ids: dict[str, list[int]] = {}
    for label, entries in work.entries.items():
        session = unlock(work.folder, label, PASSPHRASES[label])
        assert session.journal is not None
        ids[label] = [
            session.journal.write(e.body, KINDS[e.index % len(KINDS)], e.feelings, e.tags, at=e.at)
            for e in entries
        ]
        session.lock()
    commitment_ids = []
    for spec in work.commitments:
        session = unlock(work.folder, spec.author, PASSPHRASES[spec.author])
        commitment_ids.append(
            session.commitments.make(
                spec.title,
                Cadence(CadenceKind.DAILY),
                owner=BOTH,
                hard_day=spec.hard_day,
                start=spec.start,
                at=spec.at,
            )
        )
        session.lock()
    for share in work.shares:
        session = unlock(work.folder, share.author, PASSPHRASES[share.author])
        if isinstance(share, CheckSpec):
            session.commitments.check(
                commitment_ids[share.commitment_index], share.outcome, day=share.day, at=share.at
            )
            session.lock()
            continue
        assert session.sharing is not None
        item = session.sharing.add(ids[share.author][share.record_index])
        session.sharing.update(item, share.text, share.request)
        [event_id] = session.sharing.confirm(session.sharing.preview([item]), at=share.at)
        if share.retract:
            session.timeline.retract(event_id)
        session.lock()


def _contents(folder: Path) -> tuple[object, ...]:
    seen: list[object] = []
    for label in ("Alex", "Sam"):
        session: Session = unlock(folder, label, PASSPHRASES[label])
        assert session.journal is not None
        records = session.journal.listing(0, 1000).records
        seen.append([(r.kind, r.body, r.feelings, r.tags, r.created_at, r.shared) for r in records])
        assert session.verify().ok
        items = session.timeline.page(0, 1000)
        seen.append([(i.kind, i.author_label, i.body, i.request, i.retracted) for i in items])
        seen.append(sorted(r.body for r in records if r.shared))
        seen.append(
            [
                (s.commitment.title, s.streak, s.reliability, round(s.strength, 9))
                for s in session.commitments.statuses()
            ]
        )
        session.lock()
    return tuple(seen)


def test_bulk_generation_writes_what_the_services_write(tmp_path: Path) -> None:
    contents = []
    for name, apply in (("bulk", apply_bulk), ("services", _apply_with_services)):
        folder = tmp_path / name
        work = plan(folder, per_partner=12, shared_events=120, chunk=40)
        assert any(isinstance(s, CheckSpec) for s in work.shares)
        assert any(getattr(s, "retract", False) for s in work.shares)
        assert {s.author for s in work.shares} == {"Alex", "Sam"}
        create_vault(
            folder, list(PASSPHRASES.items()), TEST_KDF, at=ten_years_ago() - timedelta(days=1)
        )
        apply(work)
        contents.append(_contents(folder))
    assert contents[0] == contents[1]
