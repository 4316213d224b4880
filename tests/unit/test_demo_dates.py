"""Issue 14: the demo's history is spread over its three months — repair steps take
days, session notes belong to the session's day, appreciations and chapters to theirs
— instead of everything the practice wrote being dated the day the demo was made."""

from __future__ import annotations

from collections import Counter
from datetime import UTC, datetime, timedelta
from pathlib import Path

from tests.conftest import TEST_KDF
from twofold.domain.ledger import EventKind
from twofold.services.demo import create_demo
from twofold.services.session import unlock


def test_the_demo_history_is_spread_over_its_months(tmp_path: Path) -> None:
    made = datetime(2026, 6, 15, 12, 0, tzinfo=UTC)
    demo = create_demo(tmp_path / "demo", TEST_KDF, today=made)
    session = unlock(demo.folder, "Alex", demo.passphrases["Alex"])
    try:
        items = session.timeline.page(limit=2000)
        today = made.date()
        by_kind: dict[str, list[datetime]] = {}
        for item in items:
            by_kind.setdefault(str(item.kind), []).append(item.occurred_at)
        practice = (
            EventKind.SETBACK_STEP,
            EventKind.SETBACK_COUNTERMEASURE,
            EventKind.APPRECIATION,
            EventKind.STORY_CHAPTER,
            EventKind.VALUES_SET,
            EventKind.SESSION_OPENED,
            EventKind.SESSION_NOTE,
            EventKind.SESSION_OUTCOME,
            EventKind.WIN_RECORDED,
        )
        for kind in practice:
            when = by_kind.get(str(kind), [])
            assert when, f"the demo has no {kind}"
            assert all(w.date() < today for w in when), f"{kind} dated the day the demo was made"
        # the repair takes days: acknowledge, repair and restore on three different days
        [setback] = session.setbacks.all()
        step_days = [s.at.date() for s in setback.steps]
        assert len(set(step_days)) == 3 and step_days == sorted(step_days)
        assert step_days[0] > setback.day
        # the session's notes are on the session's day, after it opened
        [held] = session.joint.sessions()
        notes = by_kind[str(EventKind.SESSION_NOTE)]
        assert all(n.date() == held["opened_at"].date() and n >= held["opened_at"] for n in notes)
        # the two chapters and two appreciations are weeks apart, not one afternoon
        chapters = sorted(by_kind[str(EventKind.STORY_CHAPTER)])
        assert chapters[-1] - chapters[0] > timedelta(days=30)
        # nothing piles up on one day but the check-offs a busy day has
        busiest = Counter(
            i.occurred_at.date() for i in items if str(i.kind) in {str(k) for k in practice}
        ).most_common(1)[0][1]
        assert busiest <= 8
    finally:
        session.lock()
