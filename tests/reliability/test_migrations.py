"""Every committed fixture vault (one per schema version) opens with today's code."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.fixtures.make_fixture_vault import PASSPHRASES
from twofold.services.session import unlock
from twofold.vault.schema import JOURNAL_MIGRATIONS, SHARED_MIGRATIONS

FIXTURES = sorted((Path(__file__).parents[1] / "fixtures").glob("vault-v*"))


def test_there_is_a_fixture_for_the_current_schema() -> None:
    names = {f.name for f in FIXTURES}
    assert f"vault-v{len(SHARED_MIGRATIONS)}-{len(JOURNAL_MIGRATIONS)}" in names


@pytest.mark.parametrize("fixture", FIXTURES, ids=[f.name for f in FIXTURES])
def test_fixture_vault_opens_and_keeps_everything(fixture: Path, tmp_path: Path) -> None:
    folder = tmp_path / fixture.name
    shutil.copytree(fixture, folder)
    alex = unlock(folder, "Alex", PASSPHRASES["Alex"])
    assert alex.journal is not None and alex.sharing is not None
    bodies = [r.body for r in alex.journal.listing().records]
    assert bodies == ["fixture entry to share", "fixture private entry, edited"]
    kept = alex.journal.listing().records[1]
    assert kept.feelings == ("calm",) and kept.tags == ("fixture",) and kept.in_outbox
    assert [v.body for v in alex.journal.history(kept.id)] == ["fixture private entry"]
    assert alex.verify().ok
    alex.journal.write("written after the upgrade")
    alex.lock()
    sam = unlock(folder, "Sam", PASSPHRASES["Sam"])
    shared = [i for i in sam.timeline.page() if i.body == "fixture shared version"]
    assert shared and shared[0].request == "fixture request"
    assert sam.verify().ok
    # the repair practice works in every vault after migrating, and keeps what it had
    statuses = sam.commitments.statuses()
    if fixture.name >= "vault-v2":
        assert [s.commitment.title for s in statuses] == ["fixture commitment"]
        assert sam.safety.plan().pause_rule == "fixture pause rule"
    else:
        assert statuses == [] and not sam.safety.plan().written
    versions = sam.agreement.versions()
    if fixture.name >= "vault-v3":
        assert [v.sections["responsibilities"] for v in versions] == ["fixture responsibilities"]
    else:
        assert versions == []
    sam.agreement.propose({"boundaries": "proposed after the upgrade"})
    from twofold.domain.checkins import CheckinKind

    answers = [c.answers[0][1] for c in sam.checkins.recent()]
    assert answers == (["fixture feeling"] if fixture.name >= "vault-v4" else [])
    sam.checkins.submit(CheckinKind.WEEKLY, {"went_well": "after the upgrade"})
    setbacks = sam.setbacks.all()
    if fixture.name >= "vault-v5":
        assert [s.what for s in setbacks] == ["fixture setback"] and len(setbacks[0].steps) == 1
        assert [w.text for w in sam.wins.all()] == ["fixture win"]
    else:
        assert setbacks == []
    sam.setbacks.log("logged after the upgrade")
    sam.wins.record("recorded after the upgrade")
    if fixture.name >= "vault-v6":
        assert sam.together.values() == ["fixture honesty"]
        assert [t for _, t, _ in sam.together.appreciations()] == ["fixture appreciation"]
        assert [title for _, title, _, _ in sam.together.story()] == ["fixture chapter"]
    sam.together.set_values(["honesty", "kindness"])
    assert sam.together.values() == ["honesty", "kindness"]
    if fixture.name >= "vault-v7":
        [held] = sam.joint.sessions()
        assert held["cosigned_by"] and held["items"][0][2] == "fixture note"
        assert sam.joint.objectives()[0][1] == "fixture objective"
    sam.joint.set_objective("set after the upgrade")
    assert sam.verify().ok
    from twofold.domain.commitments import Cadence, CadenceKind

    sam.commitments.make("made after the upgrade", Cadence(CadenceKind.WEEKLY))
    assert sam.verify().ok
    sam.lock()


OLD = [f for f in FIXTURES if f.name < f"vault-v{len(SHARED_MIGRATIONS)}"]


@pytest.mark.parametrize("fixture", OLD, ids=[f.name for f in OLD])
def test_projections_are_rederived_from_the_events_at_upgrade(
    fixture: Path, tmp_path: Path
) -> None:
    """A projection forged in an old vault before the upgrade is replaced by what the
    signed events say; the items carry structured fields; the partners are pinned on
    this first unlock (trust on first use) and checked from then on."""
    from tests.reliability.test_partner_attacks import attack
    from twofold.services.verify import PINNED, SHOWN
    from twofold.vault import trust

    folder = tmp_path / fixture.name
    shutil.copytree(fixture, folder)
    sams = PASSPHRASES["Sam"]
    attack(folder, "UPDATE timeline_items SET body = 'forged before the upgrade'", passphrase=sams)
    sam = unlock(folder, "Sam", PASSPHRASES["Sam"])
    try:
        items = sam.timeline.page(0, 500)
        assert not any(i.body == "forged before the upgrade" for i in items)
        assert any(i.body == "fixture shared version" for i in items)
        created = [i for i in items if i.kind == "vault.created"]
        assert created and created[0].data["names"] == ["Alex", "Sam"]
        report = sam.verify()
        assert report.ok, report.lines()
        names = [name for name, _, _ in report.checks]
        assert SHOWN in names and PINNED in names
        journal = sam._vault.journal
        assert journal is not None
        pin = trust.pinned(journal)
        assert pin is not None and pin.how == "first unlock"
        assert [p.label for p in pin.partners] == ["Alex", "Sam"]
    finally:
        sam.lock()
    attack(
        folder,
        "UPDATE timeline_items SET body = 'forged after the upgrade' WHERE seq = 1",
        passphrase=sams,
    )
    sam = unlock(folder, "Sam", PASSPHRASES["Sam"])
    try:
        report = sam.verify()
        assert not report.ok
        assert any(
            "timeline_items, row of event #1 (vault.created" in line for line in report.lines()
        )
    finally:
        sam.lock()
