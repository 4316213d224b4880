"""Issue 14 (honesty in small places): a milestone is the app's observation, signed
in whichever session noticed it first; its card does not present that partner as its
author. A win someone recorded keeps their name."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from tests.conftest import SAM_PASS
from twofold.domain.commitments import Cadence, CadenceKind, Outcome
from twofold.domain.ledger import EventKind
from twofold.domain.timeline_text import byline, second_line
from twofold.services.session import Session, unlock


def test_a_milestone_says_twofold_noticed_it_and_a_win_keeps_its_author(
    alex: Session,
) -> None:
    c = alex.commitments
    walk = c.make(  # her own: it counts at once (one for both waits for Sam's signature)
        "Evening walk", Cadence(CadenceKind.DAILY), owner=alex.partner_id, start=date(2026, 3, 2)
    )
    for day in range(2, 9):
        c.check(walk, Outcome.KEPT, date(2026, 3, day))
    assert alex.wins.detect(date(2026, 3, 20))
    alex.wins.record("We laughed at dinner again")
    items = [i for i in alex.timeline.page() if i.kind == EventKind.WIN_RECORDED]
    milestone = next(i for i in items if i.data.get("milestone"))
    win = next(i for i in items if not i.data.get("milestone"))
    assert byline(milestone) == "Twofold noticed (recorded when Alex opened it)"
    assert "kept" in second_line(milestone).lower()  # its evidence, in plain words
    assert byline(win) == "Alex"


def test_the_partner_reads_the_same_byline(alex: Session, vault_dir: Path) -> None:
    c = alex.commitments
    walk = c.make(  # her own: it counts at once (one for both waits for Sam's signature)
        "Evening walk", Cadence(CadenceKind.DAILY), owner=alex.partner_id, start=date(2026, 3, 2)
    )
    for day in range(2, 9):
        c.check(walk, Outcome.KEPT, date(2026, 3, day))
    alex.wins.detect(date(2026, 3, 20))
    alex.lock()
    sam = unlock(vault_dir, "Sam", SAM_PASS)
    [milestone] = [i for i in sam.timeline.page() if i.data.get("milestone")][:1]
    assert byline(milestone) == "Twofold noticed (recorded when Alex opened it)"
    sam.lock()
