"""A populated demo vault, built through the same services the app uses."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import Any

from twofold.domain.records import RecordKind
from twofold.resources import resource
from twofold.services.session import Session, create_vault, unlock, unlock_session
from twofold.vault.crypto import KdfParams, kdf_floor

DEMO_DAYS = 90


@dataclass(frozen=True, slots=True)
class DemoVault:
    folder: Path
    passphrases: dict[str, str]
    recovery_codes: dict[str, str]


def _content() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(resource("demo", "journal.json").read_text("utf-8"))
    return data


def create_demo(
    folder: Path, kdf: KdfParams | None = None, today: datetime | None = None
) -> DemoVault:
    """Two partners, three months of reflections, shares and one pending outbox item.
    The demo uses the strong minimum KDF (not calibrated) so it is quick to make."""
    data = _content()
    passphrases = {p["label"]: p["passphrase"] for p in data["partners"]}
    end = (today or datetime.now(UTC)).astimezone(UTC)
    start = datetime.combine((end - timedelta(days=DEMO_DAYS)).date(), time(7, 30), UTC)
    created = create_vault(folder, list(passphrases.items()), kdf or kdf_floor(), at=start)

    def moment(day: int, minutes: int = 0) -> datetime:
        return start + timedelta(days=day, hours=(day * 7) % 14, minutes=minutes)

    record_ids: dict[tuple[str, int], int] = {}
    for label, passphrase in passphrases.items():
        session = unlock(folder, label, passphrase)
        try:
            assert session.journal is not None
            for entry in (e for e in data["entries"] if e["who"] == label):
                record_ids[(label, entry["day"])] = session.journal.write(
                    entry["body"],
                    RecordKind(entry["kind"]),
                    entry["feelings"],
                    entry["tags"],
                    at=moment(entry["day"]),
                )
        finally:
            session.lock()

    for share in sorted(data["shares"], key=lambda s: s["day"]):
        _share(folder, passphrases, record_ids, share, moment(share["day"], 45))
    for pending in data["outbox"]:
        _share(folder, passphrases, record_ids, pending, None)
    _practice(folder, passphrases, data.get("practice", {}), end.date())
    return DemoVault(folder, passphrases, created.recovery_codes)


def _practice(
    folder: Path, passphrases: dict[str, str], practice: dict[str, Any], today: date
) -> None:
    """Commitments with weeks of check-offs (a few misses and hard days), partner
    acknowledgements, and the safety plan."""
    from twofold.domain.commitments import BOTH, Cadence, CadenceKind, Outcome

    labels = list(passphrases)
    for spec in practice.get("commitments", []):
        owner_label = spec["owner"]
        author = owner_label if owner_label in passphrases else labels[0]
        session = unlock(folder, author, passphrases[author])
        try:
            owner = BOTH if owner_label == "both" else session.partner_id
            start = today - timedelta(days=int(spec["days_ago"]))
            cid = session.commitments.make(
                spec["title"],
                Cadence(CadenceKind(spec["cadence"]), tuple(spec.get("weekdays", ()))),
                owner=owner,
                hard_day=spec.get("hard_day", ""),
                detail=spec.get("detail", ""),
                start=start,
                at=datetime.combine(start, time(9, 0), UTC),
            )
            if owner == BOTH:  # for both: the other accepts with their own signature
                session.lock()
                other = next(label for label in labels if label != author)
                with unlock(folder, other, passphrases[other]) as partner:
                    partner.commitments.accept(cid, at=datetime.combine(start, time(9, 5), UTC))
                session = unlock(folder, author, passphrases[author])
            misses, hard = set(spec.get("missed", [])), set(spec.get("hard_days", []))
            for offset, (first, _last) in enumerate(
                Cadence(CadenceKind(spec["cadence"]), tuple(spec.get("weekdays", ()))).periods(
                    start, today - timedelta(days=1)
                )
            ):
                outcome = (
                    Outcome.MISSED
                    if offset in misses
                    else (Outcome.KEPT_HARD_DAY if offset in hard else Outcome.KEPT)
                )
                session.commitments.check(
                    cid, outcome, day=first, at=datetime.combine(first, time(21, 0), UTC)
                )
        finally:
            session.lock()
    for n, version in enumerate(practice.get("agreement", [])):
        author = labels[n % 2]
        session = unlock(folder, author, passphrases[author])
        try:
            version_id = session.agreement.propose(version["sections"], version.get("note", ""))
        finally:
            session.lock()
        if version.get("both"):
            other = labels[(n + 1) % 2]
            session = unlock(folder, other, passphrases[other])
            try:
                session.agreement.acknowledge(version_id)
            finally:
                session.lock()
    for spec in practice.get("checkins", []):
        from twofold.domain.checkins import CheckinKind

        who = spec["who"]
        session = unlock(folder, who, passphrases[who])
        try:
            day = today - timedelta(days=int(spec["days_ago"]))
            session.checkins.submit(
                CheckinKind(spec["kind"]),
                spec["answers"],
                day=day,
                at=datetime.combine(day, time(21, 30), UTC),
            )
        finally:
            session.lock()
    for spec in practice.get("setbacks", []):
        from twofold.domain.setbacks import RepairStep

        session = unlock(folder, spec["who"], passphrases[spec["who"]])
        try:
            day = today - timedelta(days=int(spec["days_ago"]))
            setback = session.setbacks.log(
                spec["what"], spec["trigger"], spec["impact"], day=day, at=_at(day, 22, 15)
            )
            # the repair takes days, as a real one does: acknowledged the next evening,
            # repaired that weekend, restored a week on; counter-measures in between
            for step, note, after in zip(RepairStep, spec["steps"], (1, 2, 7), strict=False):
                session.setbacks.step(setback, step, note, at=_at(day, 20, 0, after))
            for n, measure in enumerate(spec["countermeasures"]):
                session.setbacks.add_countermeasure(setback, measure, at=_at(day, 21, 10 * n, 1))
        finally:
            session.lock()
    for spec in practice.get("wins", []):
        session = unlock(folder, spec["who"], passphrases[spec["who"]])
        try:
            day = today - timedelta(days=int(spec["days_ago"]))
            session.wins.record(spec["text"], day=day, at=_at(day, 19, 40))
        finally:
            session.lock()
    together = practice.get("together", {})
    for n, spec in enumerate(together.get("appreciations", []) + together.get("chapters", [])):
        session = unlock(folder, spec["who"], passphrases[spec["who"]])
        try:
            day = today - timedelta(days=int(spec["days_ago"]))
            if "title" in spec:
                session.together.add_chapter(spec["title"], spec["text"], at=_at(day, 21, 5))
            else:
                session.together.appreciate(spec["text"], at=_at(day, 8, 20))
            if n == 0 and together.get("values"):
                chosen = today - timedelta(days=int(together["values_days_ago"]))
                session.together.set_values(together["values"], at=_at(chosen, 20, 30))
        finally:
            session.lock()
    for spec in practice.get("sessions", []):
        from twofold.domain.dialogue import SessionKind

        session = unlock_session(folder, passphrases[labels[1]])
        try:
            # an hour in the therapist's room: notes as they came, the summary at the end
            day = today - timedelta(days=int(spec["days_ago"]))
            session_id = session.joint.open(
                SessionKind(spec["kind"]), passphrases[labels[0]], at=_at(day, 17, 0)
            )
            for n, text in enumerate(spec["notes"]):
                session.joint.note(session_id, text, at=_at(day, 17, 8 + 12 * n))
            for n, text in enumerate(spec["outcomes"]):
                session.joint.outcome(session_id, text, at=_at(day, 17, 45 + n))
            if spec.get("objective"):
                objective = session.joint.set_objective(spec["objective"], at=_at(day, 17, 50))
                session.joint.progress(objective, spec["progress"], session_id, at=_at(day, 17, 52))
            # the summary speaks for both: the other partner signs it too, being there
            session.joint.close(
                session_id, spec.get("summary", ""), passphrases[labels[0]], at=_at(day, 17, 58)
            )
        finally:
            session.lock()
    _consent(folder, passphrases, practice.get("consent", {}), today)
    plan = practice.get("safety_plan")
    if plan:
        session = unlock(folder, labels[0], passphrases[labels[0]])
        try:
            ids = {label: pid for pid, label in session.partner_labels.items()}
            session.safety.update(
                plan["pause_rule"],
                {ids[label]: text for label, text in plan["overwhelmed"].items()},
                plan["who_to_call"],
            )
        finally:
            session.lock()


def _at(day: date, hour: int, minute: int = 0, days_later: int = 0) -> datetime:
    """A moment in the demo's history (UTC): ``days_later`` days after ``day``."""
    return datetime.combine(day + timedelta(days=days_later), time(hour, 0), UTC) + timedelta(
        minutes=minute
    )


def _consent(folder: Path, passphrases: dict[str, str], spec: dict[str, Any], today: date) -> None:
    """Issue 12's story: who was hurt (said by both) and the pace the hurt partner
    chose; a proposal waiting for its owner; new terms accepted; a check-in sealed
    and waiting for the other's answers; a strained boundary raised and answered."""
    if not spec:
        return
    from twofold.domain.checkins import CheckinKind
    from twofold.domain.commitments import Cadence, CadenceKind
    from twofold.domain.consent import AgendaSection

    labels = list(passphrases)
    first, second = labels[0], labels[1]
    with unlock(folder, first, passphrases[first]) as alex:
        ids = {label: pid for pid, label in alex.partner_labels.items()}
        roles = spec["roles"]
        alex.roles.propose(
            [ids[label] for label in roles["hurt"]], roles["words"], passphrases[second]
        )
        renegotiate = spec["renegotiate"]
        target = next(
            v.commitment
            for v in alex.commitments.views()
            if v.commitment.title == renegotiate["from"]
        )
        proposal = alex.commitments.renegotiate(
            target.id,
            renegotiate["to"],
            target.cadence,
            target.hard_day,
            renegotiate["reason"],
            day=today - timedelta(days=int(renegotiate["days_ago"])),
        )
    with unlock(folder, second, passphrases[second]) as sam:
        pace = spec["pace"]
        sam.roles.set_pace(
            int(pace["review_every_weeks"]), [AgendaSection(s) for s in pace["agenda_order"]]
        )
        sam.commitments.accept_terms(proposal)
        proposed = spec["proposal"]
        sam.commitments.make(
            proposed["title"],
            Cadence(CadenceKind(proposed["cadence"])),
            owner=ids[proposed["owner"]],
            hard_day=proposed.get("hard_day", ""),
            detail=proposed.get("detail", ""),
        )
        strain = spec["strain"]
        boundaries = sam.requests.boundaries()
        boundary = boundaries[min(int(strain["boundary_index"]), len(boundaries) - 1)]
        request_id = sam.requests.strain(boundary, strain["words"])
        sealed = spec["sealed_checkin"]
        sam.checkins.submit(CheckinKind(sealed["kind"]), sealed["answers"])
    with unlock(folder, first, passphrases[first]) as alex:
        alex.requests.answer(request_id, strain["answer"])
        alex.requests.talk(spec["talk"])


def _share(
    folder: Path,
    passphrases: dict[str, str],
    record_ids: dict[tuple[str, int], int],
    share: dict[str, Any],
    at: datetime | None,
) -> None:
    label = share["who"]
    session: Session = unlock(folder, label, passphrases[label])
    try:
        assert session.sharing is not None
        item = session.sharing.add(record_ids[(label, share["entry_day"])])
        session.sharing.update(item, share["text"], share["request"])
        if at is not None:  # None: leave it waiting in the outbox
            session.sharing.confirm(session.sharing.preview([item]), at=at)
    finally:
        session.lock()
