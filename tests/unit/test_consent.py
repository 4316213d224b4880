"""Consent in every shared practice (issue 12): nothing binds a partner without their
own signature. Each rule through the services, and each attack as the other partner
would try it — through the services, through the CLI, and by signing a forged event
with their own key — refused with a clear message, nothing written or honoured."""

from __future__ import annotations

import io
import sys
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest

from tests.conftest import ALEX_PASS, SAM_PASS
from twofold.cli import Console, run
from twofold.domain.checkins import CheckinKind
from twofold.domain.commitments import BOTH, Cadence, CadenceKind, Outcome
from twofold.domain.consent import (
    AgendaSection,
    CommitmentState,
    Pace,
    RequestKind,
    Roles,
    TalkRequest,
    Terms,
    accept_refusal,
    agenda_order,
    end_refusal,
    may_reveal,
    new_consent,
    order_requests,
    outcome_refusal,
    pace_refusal,
    seal_digest,
    terms_diff,
    week_line,
)
from twofold.domain.errors import NotAllowed, NotFound
from twofold.domain.ledger import EventKind
from twofold.domain.setbacks import RepairStep
from twofold.services.session import Session, unlock
from twofold.vault.vault import now

CANARY = "CANARY-sealed-answer-7f3a"


def event_count(session: Session) -> int:
    return session._vault.ledger.head()[0]


@pytest.fixture
def both(vault_dir: Path) -> Iterator[dict[str, str]]:
    """The two partner ids (opened and closed once)."""
    s = unlock(vault_dir, "Alex", ALEX_PASS)
    ids = {label: pid for pid, label in s.partner_labels.items()}
    s.lock()
    yield ids


def as_(vault_dir: Path, who: str) -> Session:
    return unlock(vault_dir, who, ALEX_PASS if who == "Alex" else SAM_PASS)


# --- the pure rules ----------------------------------------------------------------


def test_consent_states_follow_signatures() -> None:
    partners = {"a", "s"}
    mine = new_consent("a", "a", partners)
    assert mine.state == CommitmentState.ACCEPTED  # one's own promise needs no one else
    theirs = new_consent("a", "s", partners)
    assert theirs.state == CommitmentState.PROPOSED and theirs.waiting_for == {"s"}
    ours = new_consent("a", BOTH, partners)
    assert ours.state == CommitmentState.PROPOSED and ours.waiting_for == {"s"}
    assert ours.with_acceptance("s").state == CommitmentState.ACCEPTED
    assert theirs.with_decline("s", "not now").state == CommitmentState.DECLINED
    assert theirs.with_end("a").state == CommitmentState.WITHDRAWN  # taking back a proposal
    running = ours.with_acceptance("s")
    assert running.with_end("a").state == CommitmentState.ENDED_BY_ONE
    assert running.with_end("a").with_end("s").state == CommitmentState.ENDED
    # a non-owner's end is only a request: a promise of Sam's stays Sam's to end
    sams = new_consent("s", "s", partners)
    assert sams.with_end("a").state == CommitmentState.ACCEPTED
    assert new_consent("a", "s", partners, legacy=True).state == CommitmentState.ACCEPTED
    labels = {"a": "Alex", "s": "Sam"}
    assert "Only Sam can accept" in (accept_refusal(theirs, "a", labels) or "")
    assert accept_refusal(theirs, "s", labels) is None
    assert "Only Sam can record" in (outcome_refusal(sams, "a", Outcome.KEPT, labels) or "")
    assert "renegotiated only when" in (
        outcome_refusal(sams, "s", Outcome.RENEGOTIATED, labels) or ""
    )
    assert "still a proposal" in (outcome_refusal(theirs, "s", Outcome.KEPT, labels) or "")
    assert end_refusal(theirs, "s") == "A proposal is declined, not ended."


def test_terms_diff_is_word_level() -> None:
    old = Terms("Phone face up at dinner", "", Cadence(CadenceKind.DAILY), "")
    new = Terms("Phone in the hallway at dinner", "", Cadence(CadenceKind.DAILY), "")
    changes = terms_diff(old, new)
    removed = " ".join(c.text.strip() for c in changes if c.kind == "removed").split()
    added = " ".join(c.text.strip() for c in changes if c.kind == "added").split()
    assert removed == ["face", "up"] and added == ["in", "the", "hallway"]
    assert "".join(c.text for c in changes if c.kind != "added") == old.describe()


def test_seal_reveal_and_ordering_rules() -> None:
    salt = bytes(32)
    assert seal_digest(salt, b'[["q","a"]]') != seal_digest(salt, b'[["q","b"]]')
    assert seal_digest(salt, b"x") != seal_digest(bytes([1]) * 32, b"x")
    sunday = date(2026, 3, 8)
    assert not may_reveal(False, sunday, sunday)
    assert may_reveal(True, sunday, sunday) and may_reveal(False, sunday, sunday + timedelta(1))
    reqs = [
        TalkRequest("1", 1, "a", RequestKind.TALK, "", "money"),
        TalkRequest("2", 2, "s", RequestKind.TALK, "", "work"),
        TalkRequest("3", 3, "a", RequestKind.STRAIN, "No contact with J", ""),
    ]
    hurt_sam = Roles(frozenset({"s"}), "")
    assert [r.request_id for r in order_requests(reqs, hurt_sam)] == ["3", "2", "1"]
    assert [r.request_id for r in order_requests(reqs, Roles())] == ["3", "1", "2"]
    assert pace_refusal(hurt_sam, "a") is not None and pace_refusal(hurt_sam, "s") is None
    assert pace_refusal(Roles(), "a") is None
    order = (
        AgendaSection.SHARES,
        AgendaSection.REQUESTS,
        AgendaSection.SETBACKS,
        AgendaSection.COMMITMENTS,
    )
    assert agenda_order(Pace(1, order))[:2] == (AgendaSection.REQUESTS, AgendaSection.SHARES)
    line = week_line(
        "Walk",
        "Alex",
        [
            ((date(2026, 3, 2), date(2026, 3, 2)), Outcome.KEPT),
            ((date(2026, 3, 3), date(2026, 3, 3)), Outcome.KEPT_HARD_DAY),
            ((date(2026, 3, 4), date(2026, 3, 4)), Outcome.MISSED),
        ],
        date(2026, 3, 2),
        date(2026, 3, 8),
    )
    assert line is not None and (line.promised, line.delivered, line.hard_days, line.missed) == (
        3,
        2,
        1,
        1,
    )


# --- commitments -------------------------------------------------------------------


def test_a_commitment_for_the_other_is_a_proposal_until_they_accept(
    vault_dir: Path, both: dict[str, str]
) -> None:
    start = date.today() - timedelta(days=2)
    alex = as_(vault_dir, "Alex")
    cid = alex.commitments.make(
        "Call when plans change", Cadence(CadenceKind.DAILY), owner=both["Sam"], start=start
    )
    [view] = alex.commitments.views()
    assert view.state == CommitmentState.PROPOSED and view.waiting_for == ("Sam",)
    assert alex.commitments.statuses() == []  # counts nowhere
    assert all(r is None for _, r in alex.commitments.weekly())
    with pytest.raises(NotAllowed, match="Only Sam can accept"):
        alex.commitments.accept(cid)  # accepting on Sam's behalf
    with pytest.raises(NotAllowed, match="Only Sam can record"):
        alex.commitments.check(cid, Outcome.MISSED, day=start)
    declined = alex.commitments.make(
        "Hand over the phone", Cadence(CadenceKind.WEEKLY), owner=both["Sam"]
    )
    alex.lock()

    sam = as_(vault_dir, "Sam")
    assert {v.commitment.id for v in sam.commitments.waiting_for_me()} == {cid, declined}
    before = event_count(sam)
    with pytest.raises(NotAllowed, match="still a proposal"):
        sam.commitments.check(cid, Outcome.KEPT, day=start)
    assert event_count(sam) == before  # nothing written
    sam.commitments.accept(cid)
    sam.commitments.decline(declined, "That is a demand, not a promise I chose")
    states = {v.commitment.id: v for v in sam.commitments.views()}
    assert states[cid].state == CommitmentState.ACCEPTED
    assert states[declined].state == CommitmentState.DECLINED
    assert states[declined].declined == (("Sam", "That is a demand, not a promise I chose"),)
    [status] = sam.commitments.statuses()
    assert status.commitment.id == cid
    sam.commitments.check(cid, Outcome.KEPT, day=start)
    assert sam.verify().ok
    sam.lock()


def test_only_the_owner_records_and_the_partner_adds_a_concern_beside_it(
    vault_dir: Path, both: dict[str, str]
) -> None:
    today = date.today()
    alex = as_(vault_dir, "Alex")
    cid = alex.commitments.make(
        "Phone face up", Cadence(CadenceKind.DAILY), owner=both["Alex"], start=today
    )
    seq = alex.commitments.check(cid, Outcome.KEPT, day=today)
    alex.lock()
    sam = as_(vault_dir, "Sam")
    before = event_count(sam)
    with pytest.raises(NotAllowed, match="Only Alex can record how this commitment went"):
        sam.commitments.check(cid, Outcome.MISSED, day=today)  # recording the other's outcome
    with pytest.raises(NotAllowed, match="Say what concerns you"):
        sam.commitments.concern(seq, "  ")
    assert event_count(sam) == before
    sam.commitments.concern(seq, "I didn't see this happen")
    [(check_seq, check)] = sam.commitments.check_offs(cid)
    assert check_seq == seq and check.outcome == Outcome.KEPT  # never replaced
    assert sam.commitments.concerns()[seq] == [(both["Sam"], "I didn't see this happen")]
    assert any("I didn't see this happen" in i.body for i in sam.timeline.page())
    sam.lock()
    alex = as_(vault_dir, "Alex")
    with pytest.raises(NotAllowed, match="not you"):
        alex.commitments.concern(seq, "me neither")
    alex.lock()


def test_renegotiation_is_a_proposal_the_other_accepts(
    vault_dir: Path, both: dict[str, str]
) -> None:
    today = date.today()
    alex = as_(vault_dir, "Alex")
    cid = alex.commitments.make(
        "Phone face up at dinner",
        Cadence(CadenceKind.DAILY),
        owner=both["Alex"],
        start=today - timedelta(1),
    )
    proposal = alex.commitments.renegotiate(
        cid,
        "Phone in the hallway at dinner",
        Cadence(CadenceKind.DAILY),
        reason="Easier",
        day=today - timedelta(1),
    )
    assert alex.commitments.get(cid).title == "Phone face up at dinner"
    assert alex.commitments.check_offs(cid) == []  # the day is not renegotiated yet
    [view] = alex.commitments.views()
    assert view.pending_terms is not None and view.pending_terms.proposal_id == proposal
    assert "hallway" in " ".join(c.text for c in view.pending_diff if c.kind == "added")
    with pytest.raises(NotAllowed, match="Your partner accepts the new terms"):
        alex.commitments.accept_terms(proposal)  # accepting one's own proposal
    with pytest.raises(NotAllowed, match="already waiting"):
        alex.commitments.renegotiate(cid, "Something else", Cadence(CadenceKind.DAILY))
    alex.lock()
    sam = as_(vault_dir, "Sam")
    assert [v.commitment.id for v in sam.commitments.waiting_for_me()] == [cid]
    sam.commitments.accept_terms(proposal)
    assert sam.commitments.get(cid).title == "Phone in the hallway at dinner"
    [(_, check)] = sam.commitments.check_offs(cid)
    assert check.outcome == Outcome.RENEGOTIATED and check.day == today - timedelta(1)
    [(answered, diff)] = sam.commitments.terms_history(cid)
    assert answered.state == "accepted" and answered.answered_by == both["Sam"]
    assert any(c.kind == "removed" for c in diff)
    # a second proposal can be declined; nothing changes
    second = sam.commitments.renegotiate(
        cid, "Phone in a drawer at dinner", Cadence(CadenceKind.DAILY)
    )
    sam.lock()
    alex = as_(vault_dir, "Alex")
    alex.commitments.decline_terms(second, "The hallway works")
    assert alex.commitments.get(cid).title == "Phone in the hallway at dinner"
    assert alex.verify().ok
    alex.lock()


def test_ending_early_needs_both_or_shows_ended_by_one(
    vault_dir: Path, both: dict[str, str]
) -> None:
    alex = as_(vault_dir, "Alex")
    cid = alex.commitments.make("Walk together", Cadence(CadenceKind.WEEKLY), owner=BOTH)
    mine = alex.commitments.make("Journal daily", Cadence(CadenceKind.DAILY), owner=both["Alex"])
    alex.lock()
    sam = as_(vault_dir, "Sam")
    sam.commitments.accept(cid)
    sam.commitments.end(cid, "I need a pause")
    views = {v.commitment.id: v for v in sam.commitments.views()}
    assert views[cid].state == CommitmentState.ENDED_BY_ONE and views[cid].ended_by == ("Sam",)
    with pytest.raises(NotAllowed, match="already ended"):
        sam.commitments.end(cid)
    sam.lock()
    alex = as_(vault_dir, "Alex")
    alex.commitments.end(cid, "Agreed")
    alex.commitments.end(mine, "Done")
    views = {v.commitment.id: v for v in alex.commitments.views()}
    assert views[cid].state == CommitmentState.ENDED
    assert views[mine].state == CommitmentState.ENDED_BY_ONE
    alex.lock()


def test_forged_events_signed_with_ones_own_key_are_never_honoured(
    vault_dir: Path, both: dict[str, str]
) -> None:
    """The attacker holds the vault key and their own signing key: they append events
    by hand, claiming to act for the other. The projection judges each by its signed
    author; verify names every one."""
    today = date.today()
    alex = as_(vault_dir, "Alex")
    cid = alex.commitments.make(
        "No contact with J", Cadence(CadenceKind.DAILY), owner=both["Sam"], start=today
    )
    sams = alex.commitments.make(
        "Sam's walk", Cadence(CadenceKind.DAILY), owner=both["Alex"], start=today
    )
    ledger = alex._vault.ledger
    with alex._vault.write():
        # "accepted" with a payload that claims Sam: the signature says Alex
        ledger.append(
            EventKind.COMMITMENT_ACCEPTED, {"commitment_id": cid, "partner": both["Sam"]}, now()
        )
        # an old-style commitment for Sam, hoping to be taken as accepted
        ledger.append(
            EventKind.COMMITMENT_MADE,
            {
                "commitment_id": "forged",
                "title": "Forged",
                "owner": both["Sam"],
                "cadence": Cadence(CadenceKind.DAILY).to_json(),
                "start": today.isoformat(),
            },
            now(),
        )
        # old-style amendment: new terms without Sam's acceptance
        ledger.append(
            EventKind.COMMITMENT_AMENDED,
            {
                "commitment_id": cid,
                "title": "Nothing",
                "cadence": Cadence(CadenceKind.DAILY).to_json(),
            },
            now(),
        )
    alex.lock()
    sam = as_(vault_dir, "Sam")
    views = {v.commitment.id: v for v in sam.commitments.views()}
    assert (
        views[cid].state == CommitmentState.PROPOSED
        and views[cid].commitment.title == "No contact with J"
    )
    assert views["forged"].state == CommitmentState.PROPOSED  # waits for Sam, like any proposal
    sam.commitments.accept(cid)
    with sam._vault.write():  # Sam, in turn, forges Alex's outcome on Alex's commitment
        sam._vault.ledger.append(
            EventKind.COMMITMENT_CHECKED,
            {"commitment_id": sams, "day": today.isoformat(), "outcome": "missed"},
            now(),
        )
    assert sam.commitments.check_offs(sams) == []
    report = sam.verify()
    assert not report.ok
    [line] = [detail for name, ok, detail in report.checks if not ok]
    assert "signed by Alex" in line and "not honoured" in line and "Only Sam can accept" in line
    names = {n for n, ok, _ in report.checks if not ok}
    assert names == {"every event within what its author may sign for"}
    refused = sam._vault.connection.execute("SELECT count(*) FROM refused_events").fetchone()[0]
    assert refused == 3
    sam.lock()


def test_existing_commitments_count_as_accepted_by_their_owner(
    vault_dir: Path, both: dict[str, str]
) -> None:
    """Events before the vault adopted the consent rules keep their old meaning: the
    epoch is a signed event, so a later forged old-style event gains nothing."""
    alex = as_(vault_dir, "Alex")
    conn = alex._vault.connection
    [(epoch_seq,)] = conn.execute("SELECT value FROM consent_meta").fetchall()
    assert int(epoch_seq) == 3  # adopted at the first unlock, right after genesis
    alex.lock()


# --- check-ins: answer apart, reveal together --------------------------------------


def readable_by_vault_key(session: Session) -> str:
    """Everything in shared.db as the partner with the vault key would dump it."""
    conn = session._vault.connection
    out = []
    for (table,) in conn.execute("SELECT name FROM main.sqlite_schema WHERE type = 'table'"):
        for row in conn.execute(f'SELECT * FROM main."{table}"'):
            out.append(repr(row))
    return "\n".join(out)


def cli(
    *argv: str | Path, monkeypatch: pytest.MonkeyPatch, passphrase_file: Path, code: int = 0
) -> str:
    out, err = io.StringIO(), io.StringIO()
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))
    result = run(
        [str(a) for a in argv] + ["--passphrase-file", str(passphrase_file)],
        console=Console(out, err),
    )
    assert result == code, err.getvalue()
    return out.getvalue() + err.getvalue()


def test_check_ins_are_answered_apart_and_revealed_together(
    vault_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    alex_file = tmp_path / "alex.txt"
    alex_file.write_text(ALEX_PASS)
    sam = as_(vault_dir, "Sam")
    sam.checkins.submit(CheckinKind.WEEKLY, {"went_well": CANARY, "secure": "the calls"})
    assert sam.checkins.period(CheckinKind.WEEKLY).mine == "sealed"
    assert [c.answers[0][1] for c in sam.checkins.my_sealed()] == [CANARY]  # the author sees theirs
    sam.lock()

    alex = as_(vault_dir, "Alex")
    status = alex.checkins.period(CheckinKind.WEEKLY)
    assert status.message == "Sam has answered — answer yours to see both."
    # the partner, through every service and with the vault key itself
    assert alex.checkins.recent() == [] and alex.checkins.my_sealed() == []
    assert all(CANARY not in i.body + i.request + str(i.data) for i in alex.timeline.page())
    assert alex.search(CANARY) == []
    assert CANARY not in readable_by_vault_key(alex)
    alex.lock()
    # … and through the CLI
    out = cli(
        "checkins",
        "--vault",
        vault_dir,
        "--as",
        "Alex",
        monkeypatch=monkeypatch,
        passphrase_file=alex_file,
    )
    assert "Sam has answered — answer yours to see both." in out and CANARY not in out
    out = cli(
        "list",
        "--shared",
        "--vault",
        vault_dir,
        "--as",
        "Alex",
        monkeypatch=monkeypatch,
        passphrase_file=alex_file,
    )
    assert CANARY not in out and "sealed until you have both answered" in out
    out = cli(
        "search",
        "--vault",
        vault_dir,
        "--as",
        "Alex",
        "CANARY",
        monkeypatch=monkeypatch,
        code=1,  # no matches
        passphrase_file=alex_file,
    )
    assert CANARY not in out

    alex = as_(vault_dir, "Alex")
    alex.checkins.submit(CheckinKind.WEEKLY, {"went_well": "Dinner on Friday"})
    # Alex answered second: Alex's answers are revealed now, Sam's when Sam next opens
    assert [c.author for c in alex.checkins.recent()] == [alex.partner_id]
    assert "next opens Twofold" in alex.checkins.period(CheckinKind.WEEKLY).message
    assert CANARY not in readable_by_vault_key(alex)
    alex.lock()
    sam = as_(vault_dir, "Sam")  # the reveal happens at unlock
    answers = {c.answers[0][1] for c in sam.checkins.recent()}
    assert answers == {CANARY, "Dinner on Friday"}
    assert sam.checkins.my_sealed() == []
    assert sam.verify().ok
    sam.lock()
    out = cli(
        "checkins",
        "--vault",
        vault_dir,
        "--as",
        "Alex",
        monkeypatch=monkeypatch,
        passphrase_file=alex_file,
    )
    assert CANARY in out  # now both see both


def test_a_forged_reveal_is_refused(vault_dir: Path) -> None:
    sam = as_(vault_dir, "Sam")
    sam.checkins.submit(CheckinKind.DAILY, {"feeling": "tired"})
    [seal] = sam._vault.connection.execute("SELECT checkin_id FROM checkin_seals").fetchall()
    sam.lock()
    alex = as_(vault_dir, "Alex")
    with alex._vault.write():
        alex._vault.ledger.append(
            EventKind.CHECKIN_REVEALED,
            {"checkin_id": seal[0], "salt": "00" * 32, "answers": [["One feeling", "fine"]]},
            now(),
        )
    assert alex.checkins.recent() == []
    assert not alex.verify().ok
    alex.lock()


def test_past_periods_reveal_at_once_and_check_ins_need_ones_own_journal(vault_dir: Path) -> None:
    from twofold.services.session import unlock_session

    alex = as_(vault_dir, "Alex")
    last_week = date.today() - timedelta(days=7)
    alex.checkins.submit(CheckinKind.WEEKLY, {"went_well": "past"}, day=last_week)
    assert [c.answers[0][1] for c in alex.checkins.recent()] == ["past"]  # that week ended
    alex.lock()
    shared = unlock_session(vault_dir, SAM_PASS)
    with pytest.raises(NotAllowed, match="answered apart"):
        shared.checkins.submit(CheckinKind.DAILY, {"feeling": "x"})
    shared.lock()


# --- withdraw what you wrote -------------------------------------------------------


def test_the_author_withdraws_their_words_and_a_signed_trace_stays(vault_dir: Path) -> None:
    alex = as_(vault_dir, "Alex")
    alex.together.appreciate("Thank you for the CANARYAPPRECIATION walk")
    alex.together.add_chapter("Spring", "We started again")
    alex.agreement.propose({"boundaries": "No secrets"})
    [(appreciation, _, _, _)] = alex.together.appreciation_items()
    version = alex.timeline.page(kinds=[EventKind.AGREEMENT_PROPOSED])[0].event_id
    alex.lock()
    sam = as_(vault_dir, "Sam")
    before = event_count(sam)
    with pytest.raises(NotAllowed, match="Only the partner who wrote it"):
        sam.together.withdraw(appreciation)  # withdrawing the other's item
    with pytest.raises(NotFound):
        sam.together.withdraw("no-such-event")
    assert event_count(sam) == before and len(sam.together.appreciations()) == 1
    sam.lock()
    alex = as_(vault_dir, "Alex")
    with pytest.raises(NotAllowed, match="changes only by a new version"):
        alex.timeline.withdraw(version)  # agreed items change by new versions
    alex.together.withdraw(appreciation)
    with pytest.raises(NotAllowed, match="already withdrawn"):
        alex.together.withdraw(appreciation)
    assert alex.together.appreciations() == []
    assert alex.search("CANARYAPPRECIATION") == []
    assert "CANARYAPPRECIATION" not in readable_by_vault_key(alex)
    trace = alex.timeline.page(kinds=[EventKind.ITEM_WITHDRAWN])
    assert len(trace) == 1 and trace[0].author_label == "Alex"
    assert alex.verify().ok
    alex.lock()


def test_a_forged_withdrawal_of_anothers_item_is_named(vault_dir: Path) -> None:
    alex = as_(vault_dir, "Alex")
    alex.together.appreciate("Thank you")
    [(target, _, _, _)] = alex.together.appreciation_items()
    alex.lock()
    sam = as_(vault_dir, "Sam")
    with sam._vault.write():  # Sam removes Alex's words by hand and signs a withdrawal
        sam._vault.ledger.append(EventKind.ITEM_WITHDRAWN, {"target": target}, now())
        sam._vault.connection.execute(
            "UPDATE ledger_events SET payload = NULL WHERE event_id = ?", (target,)
        )
    assert len(sam.together.appreciations()) == 1  # the projection kept it
    report = sam.verify()
    failing = [d for _, ok, d in report.checks if not ok]
    assert any("without its author's signed retraction" in d for d in failing)
    sam.lock()


def test_withdraw_each_kind_one_wrote(vault_dir: Path) -> None:
    alex = as_(vault_dir, "Alex")
    setback = alex.setbacks.log("Late again", "traffic", "worry")
    alex.checkins.submit(
        CheckinKind.DAILY, {"feeling": "CANARYCHECKIN"}, day=date.today() - timedelta(1)
    )
    [checkin] = alex.checkins.recent()
    alex.checkins.withdraw(checkin.seq)
    assert alex.checkins.recent() == [] and "CANARYCHECKIN" not in readable_by_vault_key(alex)
    # a revealed check-in goes as a whole: its seal too, so it no longer counts as answered
    yesterday = alex.checkins.period(CheckinKind.DAILY, date.today() - timedelta(1))
    assert yesterday.mine == "none"
    alex.checkins.submit(CheckinKind.DAILY, {"feeling": "CANARYSEALED"})
    [sealed] = alex.checkins.my_sealed()
    alex.checkins.withdraw(sealed.seq)
    assert alex.checkins.my_sealed() == []
    alex.setbacks.step(setback, RepairStep.ACKNOWLEDGE, "I see it")
    ids = alex.setbacks.event_ids()
    alex.timeline.withdraw(ids[setback])
    # its words gone from the setback (the steps on it stay) and from every item that
    # named it
    [gone] = alex.setbacks.all()
    assert gone.withdrawn and gone.what == gone.trigger == gone.impact == ""
    assert len(gone.steps) == 1
    assert "Late again" not in readable_by_vault_key(alex) and not alex.search("traffic")
    from twofold.domain.timeline_text import headline

    assert "Acknowledged: a setback" in [headline(i) for i in alex.timeline.page()]
    assert alex.verify().ok
    alex.lock()


# --- requests to talk, roles and pace, sessions ---------------------------------


def test_a_strained_boundary_leads_the_agenda_and_is_answered(
    vault_dir: Path, both: dict[str, str]
) -> None:
    alex = as_(vault_dir, "Alex")
    alex.agreement.propose({"boundaries": "No contact with J\nPhone open at night"})
    alex.requests.talk("Money this month")
    alex.lock()
    sam = as_(vault_dir, "Sam")
    assert sam.requests.boundaries() == ["No contact with J", "Phone open at night"]
    strain = sam.requests.strain("No contact with J", "I saw a message")
    agenda = sam.joint.agenda()
    assert agenda.order[0] == AgendaSection.REQUESTS
    assert agenda.requests[0].request_id == strain
    with pytest.raises(NotAllowed, match="Your partner answers"):
        sam.requests.answer(strain, "noted")
    sam.lock()
    alex = as_(vault_dir, "Alex")
    alex.requests.answer(strain, "Heard — let's talk Thursday")
    [first, _] = alex.requests.open_requests()
    assert first.answers == ((both["Alex"], "Heard — let's talk Thursday"),)
    alex.lock()


def test_who_was_hurt_is_said_by_both_and_the_pace_follows_them(
    vault_dir: Path, both: dict[str, str]
) -> None:
    alex = as_(vault_dir, "Alex")
    proposal = alex.roles.propose([both["Sam"]], "Sam was hurt by what I did")
    assert alex.roles.roles() == Roles()  # not until Sam accepts
    with pytest.raises(NotAllowed):
        alex.roles.accept(proposal)
    alex.lock()
    sam = as_(vault_dir, "Sam")
    sam.roles.accept(proposal)
    assert sam.roles.roles().hurt == {both["Sam"]}
    order = [
        AgendaSection.SETBACKS,
        AgendaSection.REQUESTS,
        AgendaSection.COMMITMENTS,
        AgendaSection.SHARES,
    ]
    sam.roles.set_pace(2, order)
    assert sam.joint.agenda().order[:2] == (AgendaSection.REQUESTS, AgendaSection.SETBACKS)
    sam.lock()
    alex = as_(vault_dir, "Alex")
    before = event_count(alex)
    with pytest.raises(NotAllowed, match="pace follows your partner's choice"):
        alex.roles.set_pace(1, order)
    assert event_count(alex) == before and alex.roles.pace().review_every_weeks == 2
    # no screen word for blame: the timeline says who was hurt, in their words
    from twofold.domain.timeline_text import headline

    texts = " ".join(headline(i) for i in alex.timeline.page()).lower()
    assert "betray" not in texts and "cheat" not in texts and "was hurt" in texts
    alex.lock()


def test_roles_at_setup_with_both_present(vault_dir: Path, both: dict[str, str]) -> None:
    alex = as_(vault_dir, "Alex")
    alex.roles.propose([], "", other_passphrase=SAM_PASS)  # "we'd rather not say"
    assert alex.roles.roles() == Roles() and alex.roles.proposals()[0]["accepted_by"] == both["Sam"]
    assert alex.roles.may_set_pace()
    alex.lock()


def test_a_session_summary_carries_both_signatures_or_shows_as_a_proposal(
    vault_dir: Path, both: dict[str, str]
) -> None:
    from twofold.domain.dialogue import SessionKind

    alex = as_(vault_dir, "Alex")
    first = alex.joint.open(SessionKind.WEEKLY, SAM_PASS)
    alex.joint.close(first, "We agreed to walk on Sundays")
    assert alex.joint.summary(first) == ("We agreed to walk on Sundays", both["Alex"], "")
    with pytest.raises(NotAllowed):
        alex.joint.agree_summary(first)
    second = alex.joint.open(SessionKind.WEEKLY, SAM_PASS)
    # an outcome becoming a commitment for both: Sam, present, accepts with their passphrase
    cid = alex.commitments.make(
        "Walk on Sundays", Cadence(CadenceKind.WEEKLY), other_passphrase=SAM_PASS
    )
    assert {v.commitment.id: v.state for v in alex.commitments.views()}[
        cid
    ] == CommitmentState.ACCEPTED
    alex.joint.close(second, "Both of us said this", other_passphrase=SAM_PASS)
    assert alex.joint.summary(second) == ("Both of us said this", both["Alex"], both["Sam"])
    alex.lock()
    sam = as_(vault_dir, "Sam")
    sam.joint.agree_summary(first)
    assert sam.joint.summary(first) == ("We agreed to walk on Sundays", both["Alex"], both["Sam"])
    assert sam.verify().ok
    sam.lock()


def test_the_weekly_review_shows_the_weeks_commitments(
    vault_dir: Path, both: dict[str, str]
) -> None:
    today = date.today()
    monday = today - timedelta(days=today.weekday())
    alex = as_(vault_dir, "Alex")
    cid = alex.commitments.make(
        "Text before I'm late",
        Cadence(CadenceKind.DAILY),
        owner=both["Alex"],
        start=monday - timedelta(7),
    )
    for n in range(7):
        day = monday - timedelta(7 - n)
        alex.commitments.check(
            cid,
            Outcome.KEPT_HARD_DAY if n == 2 else (Outcome.MISSED if n == 4 else Outcome.KEPT),
            day=day,
        )
    summary = alex.commitments.week_summary(monday - timedelta(7))
    [line] = summary.lines
    assert (line.promised, line.delivered, line.hard_days, line.missed) == (7, 6, 1, 1)
    assert summary.still_hard == (line,)
    prompts = [p.text for p in alex.checkins.prompts(CheckinKind.WEEKLY).prompts]
    assert "What helped you feel secure this week?" in prompts
    alex.lock()
