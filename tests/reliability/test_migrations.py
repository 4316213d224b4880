"""Every committed fixture vault (one per schema version) opens with today's code."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.fixtures.make_fixture_vault import PASSPHRASES
from twofold.services.session import unlock
from twofold.vault.schema import CONSENT_SCHEMA, JOURNAL_MIGRATIONS, SHARED_MIGRATIONS


def version(fixture: Path) -> int:
    """The shared schema version a fixture was made at ("vault-v10-2" → 10): compared
    as a number, since "vault-v10" sorts before "vault-v2" as text."""
    return int(fixture.name.split("-")[1][1:])


FIXTURES = sorted((Path(__file__).parents[1] / "fixtures").glob("vault-v*"), key=version)
CURRENT = len(SHARED_MIGRATIONS)


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
    # the filter's choices read the indexes journal schema 3 added (INDEXED BY)
    assert alex.journal.labels() == (["calm"], ["fixture"])
    # shared schema 12: the unlock's reads by kind and by day have their indexes
    indexes = {
        r[1] for r in alex._vault.connection.execute("PRAGMA main.index_list(ledger_events)")
    }
    indexes |= {r[1] for r in alex._vault.connection.execute("PRAGMA main.index_list(checkins)")}
    assert {"ledger_by_kind", "checkins_newest"} <= indexes
    # shared 13 / journal 4: the retraction check's two covering indexes
    assert "ledger_retractions" in indexes
    shares = alex._vault.connection.execute("PRAGMA journal.index_list(record_shares)")
    assert "shares_marked" in {r[1] for r in shares}
    assert alex.verify().ok
    alex.journal.write("written after the upgrade")
    alex.lock()
    sam = unlock(folder, "Sam", PASSPHRASES["Sam"])
    shared = [i for i in sam.timeline.page() if i.body == "fixture shared version"]
    assert shared and shared[0].request == "fixture request"
    assert sam.verify().ok
    # the repair practice works in every vault after migrating, and keeps what it had
    statuses = sam.commitments.statuses()
    if version(fixture) >= 2:
        assert [s.commitment.title for s in statuses] == ["fixture commitment"]
        assert sam.safety.plan().pause_rule == "fixture pause rule"
    else:
        assert statuses == [] and not sam.safety.plan().written
    versions = sam.agreement.versions()
    if version(fixture) >= 3:
        assert [v.sections["responsibilities"] for v in versions] == ["fixture responsibilities"]
    else:
        assert versions == []
    sam.agreement.propose({"boundaries": "proposed after the upgrade"})
    from twofold.domain.checkins import CheckinKind

    answers = [c.answers[0][1] for c in sam.checkins.recent()]
    assert answers == (["fixture feeling"] if version(fixture) >= 4 else [])
    sam.checkins.submit(CheckinKind.WEEKLY, {"went_well": "after the upgrade"})
    setbacks = sam.setbacks.all()
    if version(fixture) >= 5:
        assert [s.what for s in setbacks] == ["fixture setback"] and len(setbacks[0].steps) == 1
        assert [w.text for w in sam.wins.all()] == ["fixture win"]
    else:
        assert setbacks == []
    sam.setbacks.log("logged after the upgrade")
    sam.wins.record("recorded after the upgrade")
    if version(fixture) >= 6:
        assert sam.together.values() == ["fixture honesty"]
        assert [t for _, t, _ in sam.together.appreciations()] == ["fixture appreciation"]
        assert [title for _, title, _, _ in sam.together.story()] == ["fixture chapter"]
    sam.together.set_values(["honesty", "kindness"])
    assert sam.together.values() == ["honesty", "kindness"]
    if version(fixture) >= 7:
        [held] = sam.joint.sessions()
        assert held["cosigned_by"] and held["items"][0][2] == "fixture note"
        assert sam.joint.objectives()[0][1] == "fixture objective"
    sam.joint.set_objective("set after the upgrade")
    if version(fixture) >= CONSENT_SCHEMA:
        waiting = [v.commitment.title for v in sam.commitments.waiting_for_me()]
        assert waiting == ["fixture proposal"]
        assert [r.words for r in sam.requests.open_requests()] == ["fixture strain"]
        assert sam.roles.roles().words == "fixture words"
    # issue 12: a commitment made before the consent rules counts as accepted by its
    # owners; one made after is a proposal until the other accepts
    if version(fixture) >= 2:
        [legacy] = [
            v for v in sam.commitments.views() if v.commitment.title == "fixture commitment"
        ]
        assert legacy.state == "accepted"
    assert sam.verify().ok
    from twofold.domain.commitments import Cadence, CadenceKind

    sam.commitments.make("made after the upgrade", Cadence(CadenceKind.WEEKLY))
    assert sam.verify().ok
    sam.lock()


@pytest.mark.parametrize("fixture", FIXTURES, ids=[f.name for f in FIXTURES])
def test_projections_are_rederived_from_the_events_and_checked(
    fixture: Path, tmp_path: Path
) -> None:
    """From every committed fixture: a projection row forged in the file before this
    version opens it is replaced by what the signed events say when the vault is
    upgraded (older fixtures: the projections are re-derived at the upgrade), or named
    by verify (the current version: nothing to upgrade, so nothing is re-derived
    silently); afterwards every projection is replayed and compared (verify's "shown"
    check), the items carry structured fields, the partners are pinned (trust on first
    use for vaults made before pinning) and a row forged after the upgrade is named."""
    from tests.reliability.test_partner_attacks import attack
    from twofold.domain.timeline_text import headline
    from twofold.services.verify import PINNED, SHOWN
    from twofold.vault import trust

    folder = tmp_path / fixture.name
    shutil.copytree(fixture, folder)
    sams = PASSPHRASES["Sam"]
    attack(folder, "UPDATE timeline_items SET body = 'forged before the upgrade'", passphrase=sams)
    sam = unlock(folder, "Sam", PASSPHRASES["Sam"])
    try:
        items = sam.timeline.page(0, 500)
        report = sam.verify()
        names = [name for name, _, _ in report.checks]
        assert SHOWN in names and PINNED in names
        journal = sam._vault.journal
        assert journal is not None
        pin = trust.pinned(journal)
        assert pin is not None and [p.label for p in pin.partners] == ["Alex", "Sam"]
        if version(fixture) < CONSENT_SCHEMA:
            # upgraded across a change of the projections' format (the last one came
            # with schema 11, the consent rules; schemas 12 and 13 only add indexes):
            # re-derived from the signed events, so nothing forged survives
            assert not any(i.body == "forged before the upgrade" for i in items)
            assert any(i.body == "fixture shared version" for i in items)
            assert report.ok, report.lines()
            # pinned at setup since schema 10 (issue 11); older vaults on first unlock
            assert pin.how == ("setup" if version(fixture) >= 10 else "first unlock")
        else:
            # nothing re-derived: the forged rows are named, and hidden by the timeline
            assert not report.ok
            assert any("was edited outside Twofold" in line for line in report.lines())
            assert report.suspects >= {i.seq for i in items}
        created = [i for i in items if i.kind == "vault.created"]
        assert created and created[0].data["names"] == ["Alex", "Sam"]
        if version(fixture) >= 10:  # the key and export events of issues 11 and 15
            texts = [headline(i) for i in items]
            assert "Alex's recovery code was renewed; the old code no longer works." in texts
            assert "Agreed to the export." in texts
            assert any(t.startswith("Exported a report (Markdown) of 2026-01-01") for t in texts)
    finally:
        sam.lock()
    if version(fixture) == CURRENT:
        return
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
