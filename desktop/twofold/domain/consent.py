"""Consent in every shared practice (issue 12): nothing binds a partner without their
own signature.

Pure rules, no I/O. Each ``*_refusal`` function returns ``None`` when an action is
allowed, or the reason it is not, in words a person can act on. The services raise
``NotAllowed(reason)`` before anything is written; the projections apply the *same*
function to every signed event they read, so an event a partner signed with their
own key that claims to act for the other (accepting on their behalf, recording their
outcome) is never honoured and is named by ``verify``.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import date
from enum import StrEnum

from twofold.domain.agreement import Change, word_diff
from twofold.domain.commitments import BOTH, Cadence, Outcome
from twofold.domain.errors import InvalidInput
from twofold.domain.ledger import EventKind

MAX_WORDS = 2_000

# --- commitments: proposals, acceptance, outcomes ----------------------------------


class CommitmentState(StrEnum):
    PROPOSED = "proposed"  # waiting for an owner's acceptance; counts nowhere
    ACCEPTED = "accepted"  # every owner signed; counts
    DECLINED = "declined"  # an owner said no (with a reason); counts nowhere
    WITHDRAWN = "withdrawn"  # the proposer took it back before it was accepted
    ENDED = "ended"  # ended with both signatures
    ENDED_BY_ONE = "ended_by_one"  # an owner ended it alone: shown as such

    @property
    def counts(self) -> bool:
        """Whether its days are counted (streak, reliability, reviews, milestones)."""
        return self == CommitmentState.ACCEPTED

    @property
    def label(self) -> str:
        return {
            CommitmentState.PROPOSED: "Proposed",
            CommitmentState.ACCEPTED: "Accepted",
            CommitmentState.DECLINED: "Declined",
            CommitmentState.WITHDRAWN: "Withdrawn",
            CommitmentState.ENDED: "Ended together",
            CommitmentState.ENDED_BY_ONE: "Ended by one",
        }[self]


def owners_of(owner: str, partners: Iterable[str]) -> frozenset[str]:
    """Who a commitment binds: one partner, or both."""
    everyone = frozenset(partners)
    return everyone if owner == BOTH else frozenset({owner}) & everyone


@dataclass(frozen=True, slots=True)
class Consent:
    """Who signed what about one commitment. ``owners`` are the partners it binds."""

    proposer: str
    owners: frozenset[str]
    partners: frozenset[str]
    accepted: frozenset[str] = frozenset()
    declined: tuple[tuple[str, str], ...] = ()  # (partner, reason)
    withdrawn: bool = False
    ended_by: frozenset[str] = frozenset()
    legacy: bool = False  # made before consent rules: accepted by its owners (migration)
    ended_legacy: bool = False  # ended before consent rules (by either, as it then was)

    @property
    def state(self) -> CommitmentState:
        if self.withdrawn:
            return CommitmentState.WITHDRAWN
        if self.declined:
            return CommitmentState.DECLINED
        if not self.owners <= self.accepted:
            return CommitmentState.PROPOSED
        if self.ended_by & self.owners or self.ended_legacy:
            if self.partners <= self.ended_by:
                return CommitmentState.ENDED
            return CommitmentState.ENDED_BY_ONE
        return CommitmentState.ACCEPTED

    @property
    def waiting_for(self) -> frozenset[str]:
        """Owners whose acceptance is still missing (while proposed)."""
        if self.state != CommitmentState.PROPOSED:
            return frozenset()
        return self.owners - self.accepted

    def with_acceptance(self, who: str) -> Consent:
        return _replace(self, accepted=self.accepted | {who})

    def with_decline(self, who: str, reason: str) -> Consent:
        return _replace(self, declined=(*self.declined, (who, reason)))

    def with_end(self, who: str) -> Consent:
        if self.state == CommitmentState.PROPOSED and who == self.proposer:
            return _replace(self, withdrawn=True)
        return _replace(self, ended_by=self.ended_by | {who})


def _replace(consent: Consent, **changes: object) -> Consent:
    return replace(consent, **changes)  # type: ignore[arg-type]


def new_consent(
    proposer: str, owner: str, partners: Iterable[str], *, legacy: bool = False
) -> Consent:
    """A commitment just proposed: its proposer's signature counts as their own
    acceptance when they are one of its owners; before the consent rules (``legacy``)
    a commitment counts as accepted by every owner, as the migration promises."""
    everyone = frozenset(partners)
    owners = owners_of(owner, everyone)
    accepted = owners if legacy else owners & {proposer}
    return Consent(proposer, owners, everyone, accepted=accepted, legacy=legacy)


def make_refusal(proposer: str, owner: str, partners: Iterable[str]) -> str | None:
    everyone = frozenset(partners)
    if proposer not in everyone:
        return "Only a partner of this vault can propose a commitment."
    if owner != BOTH and owner not in everyone:
        return "A commitment belongs to one of you, or to both."
    return None


def accept_refusal(consent: Consent, who: str, labels: dict[str, str]) -> str | None:
    if who not in consent.owners:
        owners = " and ".join(labels.get(o, "?") for o in sorted(consent.owners))
        return (
            f"Only {owners} can accept this commitment, with their own signature; "
            "nobody accepts for someone else."
        )
    state = consent.state
    if state != CommitmentState.PROPOSED:
        return f"This commitment is no longer waiting for acceptance ({state.label.lower()})."
    if who in consent.accepted:
        return "You have already accepted this commitment."
    return None


def decline_refusal(consent: Consent, who: str, labels: dict[str, str]) -> str | None:
    if who not in consent.owners:
        return "Only the partner a commitment would bind can decline it."
    if consent.state != CommitmentState.PROPOSED:
        return "Only a proposed commitment can be declined."
    if who in consent.accepted:
        return "You have already accepted this commitment; to change it, renegotiate."
    return None


def outcome_refusal(
    consent: Consent, who: str, outcome: Outcome, labels: dict[str, str]
) -> str | None:
    """Only the owner records their own outcome, on an accepted commitment."""
    if outcome == Outcome.RENEGOTIATED:
        return (
            "A day counts as renegotiated only when new terms are accepted by both of you; "
            "propose new terms instead."
        )
    if who not in consent.owners:
        owners = " and ".join(labels.get(o, "?") for o in sorted(consent.owners))
        return (
            f"Only {owners} can record how this commitment went. You can acknowledge a "
            "check-off or add a concern beside it."
        )
    state = consent.state
    if state == CommitmentState.PROPOSED:
        return "This commitment is still a proposal: it counts once it has been accepted."
    if state != CommitmentState.ACCEPTED:
        return f"This commitment is {state.label.lower()}; nothing more is recorded on it."
    return None


class ResponseKind(StrEnum):
    ACKNOWLEDGED = "acknowledged"  # "I saw this"
    CONCERN = "concern"  # "I didn't see this happen" — shown beside, never replacing

    @property
    def label(self) -> str:
        return {ResponseKind.ACKNOWLEDGED: "Acknowledged", ResponseKind.CONCERN: "Concern"}[self]


def response_refusal(check_author: str, who: str, kind: ResponseKind, text: str) -> str | None:
    if who == check_author:
        return "Your partner acknowledges your check-off or adds a concern, not you."
    if kind == ResponseKind.CONCERN and not text.strip():
        return "Say what concerns you, e.g. “I didn't see this happen”."
    if len(text) > MAX_WORDS:
        return "Keep it under 2,000 characters."
    return None


def end_refusal(consent: Consent, who: str) -> str | None:
    if who not in consent.partners:
        return "Only a partner of this vault can end a commitment."
    if who in consent.ended_by:
        return "You have already ended this commitment; your partner can agree to end it too."
    state = consent.state
    if state == CommitmentState.PROPOSED:
        if who == consent.proposer:
            return None  # taking back one's own proposal
        return "A proposal is declined, not ended."
    if state not in (CommitmentState.ACCEPTED, CommitmentState.ENDED_BY_ONE):
        return f"This commitment is {state.label.lower()}."
    return None


# --- renegotiation: new terms both accept, with a word-level diff -------------------


@dataclass(frozen=True, slots=True)
class Terms:
    title: str
    detail: str
    cadence: Cadence
    hard_day: str

    def describe(self) -> str:
        hard = f" Hard-day version: {self.hard_day}." if self.hard_day else ""
        return f"{self.title} ({self.cadence.describe()}).{hard}"


def terms_diff(old: Terms, new: Terms) -> list[Change]:
    """Word-level changes from the old terms to the new (difflib over words, as the
    agreement does)."""
    return word_diff(old.describe(), new.describe())


@dataclass(frozen=True, slots=True)
class Renegotiation:
    proposal_id: str
    commitment_id: str
    proposer: str
    terms: Terms
    reason: str
    day: date  # counts as renegotiated once accepted
    state: str = "proposed"  # proposed, accepted, declined
    answered_by: str = ""
    answer: str = ""


def renegotiation_refusal(
    consent: Consent, who: str, pending: Renegotiation | None, old: Terms, new: Terms
) -> str | None:
    if who not in consent.partners:
        return "Only a partner of this vault can propose new terms."
    if consent.state != CommitmentState.ACCEPTED:
        return "New terms are for an accepted commitment that is still running."
    if pending is not None:
        return "New terms are already waiting for an answer; answer or wait for those first."
    if old == new:
        return "The new terms are the same as the old ones."
    return None


def renegotiation_answer_refusal(proposal: Renegotiation | None, who: str) -> str | None:
    if proposal is None:
        return "There are no such new terms."
    if proposal.state != "proposed":
        return "These new terms were already answered."
    if who == proposal.proposer:
        return "Your partner accepts the new terms you proposed, with their own signature."
    return None


# --- check-ins: answer apart, reveal together ------------------------------------

_SEAL_TAG = b"twofold-checkin-seal-v1\x00"


def seal_digest(salt: bytes, answers_json: bytes) -> str:
    """A commitment to a check-in's answers: published first, checked at reveal.
    The 32-byte random salt makes the short answers impossible to guess from it."""
    return hashlib.sha256(_SEAL_TAG + salt + answers_json).hexdigest()


def may_reveal(both_answered: bool, period_last_day: date, today: date) -> bool:
    """Answers are revealed once both answered that period, or once it has ended."""
    return both_answered or today > period_last_day


# --- withdrawing what you wrote ----------------------------------------------------

# What an author may withdraw: what they wrote alone. Agreed items (agreement versions,
# accepted commitments) change only by new versions both accept.
WITHDRAWABLE = frozenset(
    {
        EventKind.CHECKIN_SUBMITTED,
        EventKind.CHECKIN_SEALED,
        EventKind.CHECKIN_REVEALED,
        EventKind.APPRECIATION,
        EventKind.SETBACK_LOGGED,
        EventKind.SETBACK_STEP,
        EventKind.STORY_CHAPTER,
        EventKind.SESSION_NOTE,
        EventKind.WIN_RECORDED,
        EventKind.REQUEST_RAISED,
    }
)


def withdraw_refusal(
    target_author: str, who: str, kind: str, withdrawable: Iterable[str], already: bool
) -> str | None:
    if kind not in set(withdrawable):
        return (
            "This item cannot be withdrawn: what both of you agreed (an agreement version, "
            "an accepted commitment) changes only by a new version you both accept."
        )
    if who != target_author:
        return "Only the partner who wrote it can withdraw it."
    if already:
        return "That was already withdrawn."
    return None


# --- roles without blame, and the hurt partner's pace ----------------------------


@dataclass(frozen=True, slots=True)
class Roles:
    """Who was hurt, in the couple's own words, or nothing at all. Never a label of
    blame: the app shows only "who was hurt" and the words they chose."""

    hurt: frozenset[str] = frozenset()
    words: str = ""

    @property
    def pace_setters(self) -> frozenset[str]:
        """Whose choice the pace follows: the hurt partner's, where one is named."""
        return self.hurt if len(self.hurt) == 1 else frozenset()


def roles_refusal(hurt: Iterable[str], partners: Iterable[str], words: str) -> str | None:
    everyone = frozenset(partners)
    if not set(hurt) <= everyone:
        return "Name only partners of this vault."
    if len(words) > 500:
        return "Keep the words under 500 characters."
    return None


class AgendaSection(StrEnum):
    REQUESTS = "requests"
    SETBACKS = "setbacks"
    COMMITMENTS = "commitments"
    SHARES = "shares"

    @property
    def label(self) -> str:
        return {
            AgendaSection.REQUESTS: "Requests to talk",
            AgendaSection.SETBACKS: "Open setbacks",
            AgendaSection.COMMITMENTS: "Commitments to review",
            AgendaSection.SHARES: "Newly shared",
        }[self]


DEFAULT_ORDER = (
    AgendaSection.REQUESTS,
    AgendaSection.SETBACKS,
    AgendaSection.COMMITMENTS,
    AgendaSection.SHARES,
)
REVIEW_EVERY = (1, 2, 4)  # weeks between weekly reviews


@dataclass(frozen=True, slots=True)
class Pace:
    review_every_weeks: int = 1
    agenda_order: tuple[AgendaSection, ...] = DEFAULT_ORDER
    set_by: str = ""


def check_pace(review_every_weeks: int, order: Iterable[str]) -> Pace:
    if review_every_weeks not in REVIEW_EVERY:
        raise InvalidInput("Reviews come every week, every two weeks or every four weeks.")
    sections = tuple(AgendaSection(s) for s in order)
    if sorted(sections) != sorted(DEFAULT_ORDER):
        raise InvalidInput("Put every part of the agenda in an order.")
    return Pace(review_every_weeks, sections)


def pace_refusal(roles: Roles, who: str) -> str | None:
    setters = roles.pace_setters
    if setters and who not in setters:
        return (
            "You agreed that the pace follows your partner's choice; they set it. "
            "You can raise a request to talk about it."
        )
    return None


def agenda_order(pace: Pace) -> tuple[AgendaSection, ...]:
    """Requests to talk (a strained boundary first) always lead; then the chosen order."""
    rest = tuple(s for s in pace.agenda_order if s != AgendaSection.REQUESTS)
    return (AgendaSection.REQUESTS, *rest)


# --- a strained boundary, a request to talk ---------------------------------------


class RequestKind(StrEnum):
    STRAIN = "strain"  # "a boundary feels strained"
    TALK = "talk"  # "I'd like us to talk about …"

    @property
    def label(self) -> str:
        return {
            RequestKind.STRAIN: "A boundary feels strained",
            RequestKind.TALK: "I'd like us to talk",
        }[self]


@dataclass(frozen=True, slots=True)
class TalkRequest:
    request_id: str
    seq: int
    author: str
    kind: RequestKind
    boundary: str
    words: str
    answers: tuple[tuple[str, str], ...] = ()  # (partner, words)
    discussed: bool = False  # a joint session ended after it was raised


def check_request(kind: RequestKind, boundary: str, words: str) -> tuple[str, str]:
    boundary, words = boundary.strip(), words.strip()
    if kind == RequestKind.TALK and not words:
        raise InvalidInput("Say in a few words what you'd like to talk about.")
    if len(words) > MAX_WORDS or len(boundary) > MAX_WORDS:
        raise InvalidInput("Keep it under 2,000 characters; the rest is for the talk.")
    return boundary, words


def answer_refusal(request: TalkRequest | None, who: str, words: str) -> str | None:
    if request is None:
        return "There is no such request."
    if who == request.author:
        return "Your partner answers your request."
    if not words.strip():
        return "Write a few words, e.g. “Heard — let's talk Thursday.”"
    return None


def order_requests(requests: Iterable[TalkRequest], roles: Roles) -> list[TalkRequest]:
    """Strained boundaries before other requests; within each, the hurt partner's first,
    then oldest first."""
    return sorted(
        requests,
        key=lambda r: (r.kind != RequestKind.STRAIN, r.author not in roles.pace_setters, r.seq),
    )


# --- the weekly review's data ----------------------------------------------------


@dataclass(frozen=True, slots=True)
class WeekLine:
    title: str
    owner_label: str
    promised: int  # due periods that ended in the week
    delivered: int  # kept (incl. the hard-day form)
    hard_days: int  # kept only in the hard-day form
    missed: int


@dataclass(frozen=True, slots=True)
class WeekSummary:
    first: date
    last: date
    lines: tuple[WeekLine, ...] = field(default_factory=tuple)

    @property
    def promised(self) -> int:
        return sum(line.promised for line in self.lines)

    @property
    def delivered(self) -> int:
        return sum(line.delivered for line in self.lines)

    @property
    def still_hard(self) -> tuple[WeekLine, ...]:
        return tuple(line for line in self.lines if line.missed or line.hard_days)


def week_line(
    title: str,
    owner_label: str,
    outcomes: Iterable[tuple[tuple[date, date], Outcome | None]],
    first: date,
    last: date,
) -> WeekLine | None:
    inside = [o for (_, end), o in outcomes if first <= end <= last and o is not None]
    inside = [o for o in inside if o != Outcome.RENEGOTIATED]
    if not inside:
        return None
    return WeekLine(
        title,
        owner_label,
        len(inside),
        sum(1 for o in inside if o.counts_as_kept),
        sum(1 for o in inside if o == Outcome.KEPT_HARD_DAY),
        sum(1 for o in inside if o == Outcome.MISSED),
    )
