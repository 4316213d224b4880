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
    """The card's main text."""
    if item.unverified:
        return tr(UNVERIFIED)
    if item.retracted:
        return tr(RETRACTED)
    d, body = item.data, item.body
    k = item.kind
    if k == EventKind.VAULT_CREATED:
        names = [str(n) for n in d.get("names", [])]
        return tr("You began Twofold together: {names}.").format(names=tr(" and ").join(names))
    if k in (
        EventKind.COMMITMENT_MADE,
        EventKind.COMMITMENT_AMENDED,
        EventKind.RENEGOTIATION_PROPOSED,
    ):
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
    consent = _consent_headline(item, tr)
    if consent is not None:
        return consent
    if k == EventKind.COMMITMENT_CHECKED:
        outcome = _enum(Outcome, d.get("outcome"))
        label = tr(outcome.label) if outcome else tr("Check-off")
        title = body or tr("a commitment")
        try:
            day = date.fromisoformat(str(d["day"]))
            return f"{label}: {title} ({day:%a %d %b})"
        except (KeyError, ValueError):
            return f"{label}: {title}"
    if k == EventKind.COMMITMENT_ENDED:
        return tr("Ended: {title}").format(title=body or tr("a commitment"))
    if k == EventKind.SAFETY_PLAN_UPDATED:
        return tr("The safety plan was updated.")
    if k == EventKind.AGREEMENT_PROPOSED:
        return tr("Proposed version {n} of the agreement.").format(n=d.get("number", "?"))
    if k == EventKind.AGREEMENT_ACKNOWLEDGED:
        return tr("Acknowledged version {n} of the agreement.").format(n=d.get("number") or "?")
    if k == EventKind.CHECKIN_SUBMITTED:
        kind = _enum(CheckinKind, d.get("checkin"))
        titles = {
            CheckinKind.DAILY: tr("Daily check-in"),
            CheckinKind.WEEKLY: tr("Weekly review"),
            CheckinKind.MONTHLY: tr("Monthly review"),
        }
        return titles.get(kind, tr("Check-in")) + ("\n" + body if body else "")
    if k == EventKind.SETBACK_LOGGED:
        return tr("Setback: {what}").format(what=body)
    if k == EventKind.SETBACK_STEP:
        step = _enum(RepairStep, d.get("step"))
        done = {
            RepairStep.ACKNOWLEDGE: tr("Acknowledged"),
            RepairStep.REPAIR: tr("Repaired"),
            RepairStep.RESTORE: tr("Restored"),
        }
        return f"{done.get(step, tr('Repair step'))}: {body or tr('a setback')}"
    if k == EventKind.SETBACK_COUNTERMEASURE:
        return tr("Counter-measure: {text}").format(text=body)
    if k == EventKind.WIN_RECORDED:
        prefix = tr("Milestone") if d.get("milestone") else tr("Win")
        return f"{prefix}: {body}"
    if k == EventKind.VALUES_SET:
        return tr("Our values: {values}").format(values=body)
    if k == EventKind.SESSION_OPENED:
        session = _enum(SessionKind, d.get("session"))
        what = tr(session.label) if session else tr("Session")
        return tr("{what} opened together.").format(what=what)
    if k == EventKind.SESSION_NOTE:
        return tr("Session note: {text}").format(text=body)
    if k == EventKind.SESSION_OUTCOME:
        return tr("Session outcome: {text}").format(text=body)
    if k == EventKind.SESSION_CLOSED:
        return tr("The session ended.")
    if k == EventKind.OBJECTIVE_SET:
        return tr("Therapy objective: {text}").format(text=body)
    if k == EventKind.OBJECTIVE_PROGRESS:
        return tr("Progress on “{objective}”").format(
            objective=d.get("objective") or tr("an objective")
        )
    if k == EventKind.KEYS_CHANGED:
        # signed by the partner whose slots changed: their name is the author's
        text = KEY_CHANGE_TEXT.get(str(d.get("how")), "{name}'s keys were changed.")
        return tr(text).format(name=item.author_label)
    if k == EventKind.EXPORT_MADE:
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
    if k == EventKind.EXPORT_AGREED:
        return tr("Agreed to the export.")
    if k == EventKind.PARTNER_LEFT:
        if d.get("copy"):
            return tr(
                "Left the vault and took a read-only copy of the shared history up to today. "
                "What is written from now on is not readable with their key."
            )
        return tr("Left the vault. What is written from now on is not readable with their key.")
    return body


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
