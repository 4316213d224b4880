"""A timeline item's text, rendered from its structured fields (the app passes its
translation function; the CLI uses the English source text). The projection stores only the partners' own words (``body``,
``request``) and structured fields (``data``); the sentences around them are made
here, with labels from the domain enums, so they can be translated and so nothing
English is stored (or forged) in ``shared.db``."""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from datetime import date
from typing import Any

from twofold.domain.checkins import CheckinKind
from twofold.domain.commitments import Cadence, Outcome
from twofold.domain.dialogue import SessionKind
from twofold.domain.ledger import KEY_CHANGE_TEXT, EventKind, TimelineItem
from twofold.domain.report import ReportFormat, ReportSection
from twofold.domain.setbacks import RepairStep

RETRACTED = "Retracted by its author. The content was removed; the signed record remains."
UNVERIFIED = (
    "⚠ Hidden: what is stored for this item does not match its signed event. It was "
    "changed outside Twofold, so its text is not shown."
)


def _same(text: str) -> str:
    return text


def _enum(kind: Any, value: object) -> Any:
    try:
        return kind(value)
    except ValueError:
        return None


def headline(item: TimelineItem, tr: Callable[[str], str] = _same) -> str:
    """The card's main text: the sentence of its kind (``_SENTENCES``) around the
    partners' own words; a kind without one shows their words alone."""
    if item.unverified:
        return tr(UNVERIFIED)
    if item.retracted:
        return tr(RETRACTED)
    sentence = _SENTENCES.get(item.kind)
    return item.body if sentence is None else sentence(item, tr)


Sentence = Callable[[TimelineItem, Callable[[str], str]], str]


def _vault_created(item: TimelineItem, tr: Callable[[str], str]) -> str:
    names = [str(n) for n in item.data.get("names", [])]
    return tr("You began Twofold together: {names}.").format(names=tr(" and ").join(names))


def _terms(item: TimelineItem, tr: Callable[[str], str]) -> str:
    """A commitment made, renegotiated, or its new terms proposed."""
    d, body, k = item.data, item.body, item.kind
    text = body
    with contextlib.suppress(KeyError, ValueError, TypeError):
        text = f"{body} ({Cadence.from_json(dict(d['cadence'])).describe()})."
    if k == EventKind.COMMITMENT_AMENDED:
        text = tr("New terms: {title}").format(title=text)
    if k == EventKind.RENEGOTIATION_PROPOSED:
        text = tr("New terms proposed for “{old}”: {terms}").format(
            old=d.get("old", ""), terms=text
        )
    if d.get("hard_day"):
        text += " " + tr("Hard-day version: {text}.").format(text=d["hard_day"])
    if d.get("waiting_for"):
        waiting = tr(" and ").join(str(n) for n in d["waiting_for"])
        text += " " + tr("Proposed: waiting for {names} to accept.").format(names=waiting)
    return text


def _checked(item: TimelineItem, tr: Callable[[str], str]) -> str:
    d, body = item.data, item.body
    outcome = _enum(Outcome, d.get("outcome"))
    label = tr(outcome.label) if outcome else tr("Check-off")
    title = body or tr("a commitment")
    try:
        day = date.fromisoformat(str(d["day"]))
        return f"{label}: {title} ({day:%a %d %b})"
    except (KeyError, ValueError):
        return f"{label}: {title}"


def _checkin_submitted(item: TimelineItem, tr: Callable[[str], str]) -> str:
    kind = _enum(CheckinKind, item.data.get("checkin"))
    titles = {
        CheckinKind.DAILY: tr("Daily check-in"),
        CheckinKind.WEEKLY: tr("Weekly review"),
        CheckinKind.MONTHLY: tr("Monthly review"),
    }
    body = item.body
    return titles.get(kind, tr("Check-in")) + ("\n" + body if body else "")


def _setback_step(item: TimelineItem, tr: Callable[[str], str]) -> str:
    step = _enum(RepairStep, item.data.get("step"))
    done = {
        RepairStep.ACKNOWLEDGE: tr("Acknowledged"),
        RepairStep.REPAIR: tr("Repaired"),
        RepairStep.RESTORE: tr("Restored"),
    }
    return f"{done.get(step, tr('Repair step'))}: {item.body or tr('a setback')}"


def _win(item: TimelineItem, tr: Callable[[str], str]) -> str:
    prefix = tr("Milestone") if item.data.get("milestone") else tr("Win")
    return f"{prefix}: {item.body}"


def _session_opened(item: TimelineItem, tr: Callable[[str], str]) -> str:
    session = _enum(SessionKind, item.data.get("session"))
    what = tr(session.label) if session else tr("Session")
    return tr("{what} opened together.").format(what=what)


def _objective_progress(item: TimelineItem, tr: Callable[[str], str]) -> str:
    return tr("Progress on “{objective}”").format(
        objective=item.data.get("objective") or tr("an objective")
    )


def _keys_changed(item: TimelineItem, tr: Callable[[str], str]) -> str:
    # signed by the partner whose slots changed: their name is the author's
    text = KEY_CHANGE_TEXT.get(str(item.data.get("how")), "{name}'s keys were changed.")
    return tr(text).format(name=item.author_label)


def _export_made(item: TimelineItem, tr: Callable[[str], str]) -> str:
    d = item.data
    fmt = _enum(ReportFormat, d.get("format"))
    what = tr(fmt.label) if fmt else str(d.get("format", "?"))
    count = d.get("private_entries") or 0
    text = tr("Exported a report ({what}) of {start} to {end}").format(
        what=what, start=d.get("start", "?"), end=d.get("end", "?")
    )
    if count:
        text += tr(", with {n} of their own private entries").format(n=count)
    if d.get("left"):
        text += tr(", alone, after {name} left the vault (no second signature)").format(
            name=d["left"]
        )
    return text + "."


def _partner_left(item: TimelineItem, tr: Callable[[str], str]) -> str:
    if item.data.get("copy"):
        return tr(
            "Left the vault and took a read-only copy of the shared history up to today. "
            "What is written from now on is not readable with their key."
        )
    return tr("Left the vault. What is written from now on is not readable with their key.")


def _consent_sentence(item: TimelineItem, tr: Callable[[str], str]) -> str:
    consent = _consent_headline(item, tr)
    return item.body if consent is None else consent


# Each kind's sentence: one lookup per card (a ten-year timeline or report makes 40,000
# of them; the chain of comparisons this replaced took 4 µs for a shared reflection).
_SENTENCES: dict[EventKind, Sentence] = {
    EventKind.VAULT_CREATED: _vault_created,
    EventKind.COMMITMENT_MADE: _terms,
    EventKind.COMMITMENT_AMENDED: _terms,
    EventKind.RENEGOTIATION_PROPOSED: _terms,
    EventKind.COMMITMENT_CHECKED: _checked,
    EventKind.COMMITMENT_ENDED: lambda i, tr: tr("Ended: {title}").format(
        title=i.body or tr("a commitment")
    ),
    EventKind.SAFETY_PLAN_UPDATED: lambda i, tr: tr("The safety plan was updated."),
    EventKind.AGREEMENT_PROPOSED: lambda i, tr: tr("Proposed version {n} of the agreement.").format(
        n=i.data.get("number", "?")
    ),
    EventKind.AGREEMENT_ACKNOWLEDGED: lambda i, tr: tr(
        "Acknowledged version {n} of the agreement."
    ).format(n=i.data.get("number") or "?"),
    EventKind.CHECKIN_SUBMITTED: _checkin_submitted,
    EventKind.SETBACK_LOGGED: lambda i, tr: tr("Setback: {what}").format(what=i.body),
    EventKind.SETBACK_STEP: _setback_step,
    EventKind.SETBACK_COUNTERMEASURE: lambda i, tr: tr("Counter-measure: {text}").format(
        text=i.body
    ),
    EventKind.WIN_RECORDED: _win,
    EventKind.VALUES_SET: lambda i, tr: tr("Our values: {values}").format(values=i.body),
    EventKind.SESSION_OPENED: _session_opened,
    EventKind.SESSION_NOTE: lambda i, tr: tr("Session note: {text}").format(text=i.body),
    EventKind.SESSION_OUTCOME: lambda i, tr: tr("Session outcome: {text}").format(text=i.body),
    EventKind.SESSION_CLOSED: lambda i, tr: tr("The session ended."),
    EventKind.OBJECTIVE_SET: lambda i, tr: tr("Therapy objective: {text}").format(text=i.body),
    EventKind.OBJECTIVE_PROGRESS: _objective_progress,
    EventKind.KEYS_CHANGED: _keys_changed,
    EventKind.EXPORT_MADE: _export_made,
    EventKind.EXPORT_AGREED: lambda i, tr: tr("Agreed to the export."),
    EventKind.PARTNER_LEFT: _partner_left,
}


def byline(item: TimelineItem, tr: Callable[[str], str] = _same) -> str:
    """Who the card says wrote it. A milestone is the app's observation, recorded
    (and signed) in whichever session noticed it first: it says so, rather than
    presenting a partner as its author."""
    if item.kind == EventKind.WIN_RECORDED and item.data.get("milestone"):
        return tr("Twofold noticed (recorded when {name} opened it)").format(name=item.author_label)
    return item.author_label


def _consent_headline(item: TimelineItem, tr: Callable[[str], str]) -> str | None:
    """The sentences of issue 12's events (consent in every shared practice)."""
    d, body, k = item.data, item.body, item.kind
    titles = {
        CheckinKind.DAILY: tr("Daily check-in"),
        CheckinKind.WEEKLY: tr("Weekly review"),
        CheckinKind.MONTHLY: tr("Monthly review"),
    }
    if k == EventKind.COMMITMENT_ACCEPTED:
        return tr("Accepted: {title}").format(title=body or tr("a commitment"))
    if k == EventKind.COMMITMENT_DECLINED:
        return tr("Declined: {title}").format(title=body or tr("a commitment"))
    if k == EventKind.COMMITMENT_CONCERN:
        return tr("Concern about a check-off: {text}").format(text=body)
    if k == EventKind.RENEGOTIATION_ACCEPTED:
        return tr("New terms accepted: “{old}” is now “{title}”").format(
            old=d.get("old", ""), title=body
        )
    if k == EventKind.RENEGOTIATION_DECLINED:
        return tr("New terms declined: “{old}” stays as it was").format(old=d.get("old", ""))
    if k == EventKind.CHECKIN_SEALED:
        kind = _enum(CheckinKind, d.get("checkin"))
        return tr("{title}: answered, sealed until you have both answered.").format(
            title=titles.get(kind, tr("Check-in"))
        )
    if k == EventKind.CHECKIN_REVEALED:
        kind = _enum(CheckinKind, d.get("checkin"))
        return titles.get(kind, tr("Check-in")) + ("\n" + body if body else "")
    if k == EventKind.ITEM_WITHDRAWN:
        return tr("Withdrew something they had written; its words are gone.")
    if k == EventKind.ROLES_PROPOSED:
        hurt = [str(n) for n in d.get("hurt", [])]
        if not hurt:
            text = tr("Proposed to leave unsaid who was hurt.")
        elif len(hurt) == 1:
            text = tr("Proposed to say that {name} was hurt.").format(name=hurt[0])
        else:
            text = tr("Proposed to say that {names} were hurt.").format(
                names=tr(" and ").join(hurt)
            )
        if body:
            text += " " + tr("In our words: “{words}”").format(words=body)
        return text
    if k == EventKind.ROLES_ACCEPTED:
        return tr("Agreed to what was said about who was hurt.")
    if k == EventKind.PACE_SET:
        weeks = d.get("weeks", 1)
        if weeks == 1:
            return tr("The pace: reviews every week.")
        return tr("The pace: reviews every {n} weeks.").format(n=weeks)
    if k == EventKind.REQUEST_RAISED:
        if d.get("talk") == "strain":
            if body:
                return tr("A boundary feels strained: “{boundary}”").format(boundary=body)
            return tr("A boundary feels strained")
        return tr("I'd like us to talk about …")
    if k == EventKind.REQUEST_ANSWERED:
        return tr("Answered a request: {words}").format(words=body)
    if k == EventKind.SESSION_SUMMARY_AGREED:
        return tr("Agreed to the session's summary.")
    return None


# issue 12's events (consent in every shared practice), through ``_consent_headline``
_SENTENCES.update(
    dict.fromkeys(
        (
            EventKind.COMMITMENT_ACCEPTED,
            EventKind.COMMITMENT_DECLINED,
            EventKind.COMMITMENT_CONCERN,
            EventKind.RENEGOTIATION_ACCEPTED,
            EventKind.RENEGOTIATION_DECLINED,
            EventKind.CHECKIN_SEALED,
            EventKind.CHECKIN_REVEALED,
            EventKind.ITEM_WITHDRAWN,
            EventKind.ROLES_PROPOSED,
            EventKind.ROLES_ACCEPTED,
            EventKind.PACE_SET,
            EventKind.REQUEST_RAISED,
            EventKind.REQUEST_ANSWERED,
            EventKind.SESSION_SUMMARY_AGREED,
        ),
        _consent_sentence,
    )
)


def second_line(item: TimelineItem, tr: Callable[[str], str] = _same) -> str:
    """The line under it: a request, a note, a reason; "" for none."""
    if item.retracted or item.unverified:
        return ""
    d = item.data
    if item.kind == EventKind.REFLECTION_SHARED:
        return tr("Request: {text}").format(text=item.request) if item.request else ""
    if item.kind == EventKind.SETBACK_LOGGED:
        parts = [
            tr("Trigger: {text}").format(text=d["trigger"]) if d.get("trigger") else "",
            tr("Impact: {text}").format(text=d["impact"]) if d.get("impact") else "",
        ]
        return " · ".join(p for p in parts if p)
    if item.kind == EventKind.OBJECTIVE_PROGRESS:
        return item.body
    if item.kind == EventKind.EXPORT_MADE:
        parts = []
        for key in d.get("sections", []):
            section = _enum(ReportSection, key)
            parts.append(tr(section.label) if section else str(key))
        return tr("Parts: {parts}").format(parts=", ".join(parts)) if parts else ""
    return item.request
