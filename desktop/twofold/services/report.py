"""The report for a therapist, made with both partners' consent (issue 15).

``ReportService.build`` gathers the chosen parts of the shared ledger for a date range
(local calendar dates) and, only if their author picked them one by one in their own
unlocked session, some of their private entries. ``export`` needs the other
partner's passphrase: it unwraps only their signing key (as a joint session does),
and the export is written as two signed ledger events both partners see on the
timeline — ``export.made`` (what, which range, which format, the file's SHA-256),
signed by the partner who made it, and ``export.agreed``, signed by the other. The
file is plaintext; it is written beside its final name and renamed into place only
after both events are committed, so there is never an export the ledger does not
show.
"""

from __future__ import annotations

import gc
import hashlib
import os
import secrets
import uuid
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import Protocol

from twofold.domain.agreement import SECTIONS, word_diff
from twofold.domain.checkins import Checkin
from twofold.domain.commitments import BOTH, Outcome, outcomes_from_days
from twofold.domain.errors import InvalidInput, NotAllowed, VaultDamaged
from twofold.domain.events import ExportAgreed, ExportMade
from twofold.domain.ledger import EventKind, ShownState, TimelineItem, VerifyReport
from twofold.domain.report import (
    Report,
    ReportFormat,
    ReportItem,
    ReportPart,
    ReportRequest,
    ReportSection,
    ReportTable,
    to_json,
    to_markdown,
)
from twofold.domain.timeline_text import headline, second_line
from twofold.services.commitments import local_today
from twofold.vault import practice_store, progress_store
from twofold.vault.files import fsync_folder
from twofold.vault.vault import Cosigner, OpenVault, now

Progress = Callable[[int, int], None]


class Renderer(Protocol):
    """Lays a report out as a PDF (``ui/report_pdf.py``), with its own progress."""

    def __call__(self, report: Report, progress: Progress | None = None, /) -> bytes: ...


# An export's progress bar, in thousandths: building the report, then laying it out.
_PROGRESS_STEPS = 1000
_BUILT_AT = {ReportFormat.PDF: 150}

# Daily check-offs and acknowledgements are summed up in the commitments table.
_TIMELINE_LEFT_OUT = {
    EventKind.COMMITMENT_CHECKED,
    EventKind.COMMITMENT_ACKNOWLEDGED,
    EventKind.VAULT_COUNTERSIGNED,
    EventKind.SESSION_COSIGNED,
}
_SESSION_KINDS = {
    "weekly": "Weekly check-in",
    "dinner": "Progress dinner",
    "therapy": "Therapy session",
}
_CHECKIN_TITLES = {
    "daily": "Daily check-in",
    "weekly": "Weekly review",
    "monthly": "Monthly review",
}


@dataclass(frozen=True, slots=True)
class ExportResult:
    path: Path
    export_id: str
    sha256: str
    size: int


def _bounds(start: date, end: date) -> tuple[datetime, datetime]:
    """The range as UTC instants: from local midnight of ``start`` to local midnight
    after ``end``."""
    first = datetime.combine(start, time.min).astimezone()
    after = datetime.combine(end + timedelta(days=1), time.min).astimezone()
    return first.astimezone(UTC), after.astimezone(UTC)


def _local_day(moment: datetime) -> date:
    return moment.astimezone().date()


def _percent(kept: int, decided: int) -> str:
    return f"{round(100 * kept / decided)} %" if decided else "—"


def render(
    report: Report, fmt: ReportFormat, pdf: Renderer | None, progress: Progress | None = None
) -> bytes:
    if fmt == ReportFormat.MARKDOWN:
        return to_markdown(report).encode()
    if fmt == ReportFormat.JSON:
        return to_json(report).encode()
    if pdf is None:
        raise InvalidInput("PDF needs the app's layout engine; choose Markdown or JSON here.")
    return pdf(report, progress)


def _between(progress: Progress | None, low: int, high: int) -> Progress | None:
    """``progress`` for one stage of an export, drawn from ``low`` to ``high`` of
    ``_PROGRESS_STEPS``."""
    if progress is None:
        return None
    report = progress
    return lambda done, total: report(low + (high - low) * done // max(total, 1), _PROGRESS_STEPS)


@dataclass(frozen=True, slots=True)
class Departure:
    """The other partner left the vault (their signed partner.left): a report is then
    made by the one who stayed, alone, and says so."""

    partner_id: str
    label: str
    at: datetime

    @property
    def text(self) -> str:
        return f"{self.label} left the vault on {self.at.astimezone():%d %B %Y}"


class ReportService:
    def __init__(self, vault: OpenVault) -> None:
        self._vault = vault
        self._checkins_read: tuple[tuple[date, date], list[Checkin]] | None = None

    # --- who ---------------------------------------------------------------------

    def labels(self) -> dict[str, str]:
        labels = self._vault.ledger.partner_labels()
        labels[BOTH] = "Both of us"
        return labels

    def other_label(self) -> str:
        for partner in self._vault.keyslots.partners:
            if partner.id != self._vault.partner_id:
                return partner.label
        raise NotAllowed(
            "Your partner has left this vault, so no one can agree to an export of your "
            "shared history with you."
        )

    def other_name(self) -> str:
        """The other partner's name, whether they are here or have left."""
        departed = self.departure()
        return departed.label if departed is not None else self.other_label()

    def departure(self) -> Departure | None:
        """The other partner's departure, once they have left: their key slots are gone
        and the ledger holds their own signed partner.left. None while both are here."""
        me = self._vault.partner_id
        if any(p.id != me for p in self._vault.keyslots.partners):
            return None
        labels = self._vault.ledger.partner_labels()
        for partner, _seq, at in reversed(self._vault.ledger.departures()):
            if partner != me:
                return Departure(partner, labels.get(partner, "?"), datetime.fromisoformat(at))
        return None

    # --- building ------------------------------------------------------------------

    def private_candidates(self, start: date, end: date) -> list[tuple[int, datetime, str]]:
        """(id, when, first line) of this partner's own entries in the range, for the
        one-by-one picker. Empty in a shared session."""
        journal = self._vault.journal
        if journal is None:
            return []
        first, after = _bounds(start, end)
        return [
            (r.id, r.created_at, r.title)
            for r in journal.all_records()
            if first <= r.created_at < after
        ]

    def build(
        self,
        request: ReportRequest,
        consented_by: str,
        progress: Progress | None = None,
        at: datetime | None = None,
        after_left: str = "",
    ) -> Report:
        builders: dict[ReportSection, Callable[[ReportRequest], ReportPart]] = {
            ReportSection.TIMELINE: self._timeline,
            ReportSection.COMMITMENTS: self._commitments,
            ReportSection.AGREEMENT: self._agreement,
            ReportSection.SETBACKS: self._setbacks,
            ReportSection.WINS: self._wins,
            ReportSection.CHECKINS: self._checkins,
            ReportSection.SESSIONS: self._sessions,
        }
        chosen = [s for s in ReportSection if s in request.sections]
        steps = len(chosen) + (1 if request.private_records else 0)
        parts: list[ReportPart] = []
        self._checkins_read = None  # read afresh for each report
        try:
            for index, section in enumerate(chosen):
                if progress is not None:
                    progress(index, steps)
                parts.append(builders[section](request))
        finally:
            self._checkins_read = None
        if request.private_records:
            parts.append(self._private(request))
        if progress is not None:
            progress(steps, steps)
        labels = self._vault.ledger.partner_labels()
        return Report(
            partners=tuple(labels.values()),
            start=request.start,
            end=request.end,
            made_at=at or now(),
            made_by=labels.get(self._vault.partner_id, "?"),
            consented_by=consented_by,
            parts=tuple(parts),
            after_left=after_left,
        )

    def _timeline_items(self, request: ReportRequest) -> Iterable[TimelineItem]:
        first, after = _bounds(request.start, request.end)
        cursor: tuple[str, int] | None = (after.isoformat(timespec="microseconds"), 1 << 62)
        # (no ``kinds`` filter for the left-out check-offs: SQLite then takes the
        # kind index and sorts every page, 3x slower than skipping them here)
        while cursor is not None:
            page = self._vault.ledger.timeline(limit=5000, after=cursor)
            if not page:
                return
            for item in page:
                if item.occurred_at < first:
                    return
                yield item
            last = page[-1]
            cursor = (last.occurred_at.isoformat(timespec="microseconds"), last.seq)

    def _timeline(self, request: ReportRequest) -> ReportPart:
        # A check-in's answers are in the report once: under "Check-in answers" when
        # that part is chosen (the timeline says where), else here in full. A
        # ten-year ledger held 2.3 million characters of answers twice.
        answered = (
            {c.seq for c in self._checkins_in(request)}
            if ReportSection.CHECKINS in request.sections
            else set()
        )
        items = []
        where = ReportSection.CHECKINS.label  # (a dict made per call: once, not per item)
        for i in self._timeline_items(request):
            if i.kind in _TIMELINE_LEFT_OUT:
                continue
            if i.retracted:
                text = "(retracted by its author)"
            elif i.seq in answered:
                title = _CHECKIN_TITLES.get(str(i.data.get("checkin")), "Check-in")
                text = f"{title}: the answers are under “{where}”."
            else:
                text = headline(i)
            items.append(ReportItem(i.occurred_at, i.author_label, i.kind.label, text, _details(i)))
        items.reverse()  # oldest first, as a story is read
        return ReportPart(
            ReportSection.TIMELINE.value,
            ReportSection.TIMELINE.label,
            "Everything the couple wrote to the shared ledger in this period, oldest first "
            "(daily check-offs are counted in the commitments section"
            + (
                "; check-in answers are under “Check-in answers”)."
                if ReportSection.CHECKINS in request.sections
                else ")."
            ),
            items=tuple(items),
        )

    def _commitments(self, request: ReportRequest) -> ReportPart:
        conn = self._vault.connection
        labels = self.labels()
        # period_outcomes' own grouping (each commitment's outcomes per day), read once
        # for all commitments instead of a CheckOff per row scanned for each of them
        recorded = progress_store.outcomes_by_day(conn)
        upto = min(request.end + timedelta(days=1), local_today())
        rows: list[tuple[str, ...]] = []
        weekly = (request.end - request.start).days <= 7 * 16
        buckets: dict[date, list[int]] = {}
        for commitment in practice_store.commitments(conn, include_ended=True):
            counts = dict.fromkeys(Outcome, 0)
            periods = outcomes_from_days(commitment, recorded.get(commitment.id, {}), upto)
            for (_first_day, last_day), outcome in periods:
                if outcome is None or not request.start <= last_day <= request.end:
                    continue
                counts[outcome] += 1
                key = (
                    last_day - timedelta(days=last_day.weekday())
                    if weekly
                    else last_day.replace(day=1)
                )
                bucket = buckets.setdefault(key, [0, 0])
                if outcome != Outcome.RENEGOTIATED:
                    bucket[1] += 1
                    bucket[0] += 1 if outcome.counts_as_kept else 0
            kept = counts[Outcome.KEPT] + counts[Outcome.KEPT_HARD_DAY]
            decided = kept + counts[Outcome.MISSED]
            if not decided and not counts[Outcome.RENEGOTIATED]:
                continue
            rows.append(
                (
                    commitment.title + (" (ended)" if commitment.ended else ""),
                    labels.get(commitment.owner, "?"),
                    commitment.cadence.describe(),
                    str(kept),
                    str(counts[Outcome.KEPT_HARD_DAY]),
                    str(counts[Outcome.MISSED]),
                    str(counts[Outcome.RENEGOTIATED]),
                    _percent(kept, decided),
                )
            )
        tables = [
            ReportTable(
                "Each commitment in this period",
                (
                    "Commitment",
                    "Owner",
                    "Cadence",
                    "Kept",
                    "of which hard-day",
                    "Missed",
                    "Renegotiated",
                    "Reliability",
                ),
                tuple(rows),
            )
        ]
        if buckets:
            tables.append(
                ReportTable(
                    "Kept, week by week" if weekly else "Kept, month by month",
                    ("Week of" if weekly else "Month", "Kept", "Due", "Reliability"),
                    tuple(
                        (
                            f"{key:%d %b %Y}" if weekly else f"{key:%B %Y}",
                            str(kept),
                            str(decided),
                            _percent(kept, decided),
                        )
                        for key, (kept, decided) in sorted(buckets.items())
                    ),
                )
            )
        return ReportPart(
            ReportSection.COMMITMENTS.value,
            ReportSection.COMMITMENTS.label,
            "Reliability is kept ÷ (kept + missed); renegotiated periods count neither way.",
            tables=tuple(tables) if rows else (),
        )

    def _agreement(self, request: ReportRequest) -> ReportPart:
        labels = self.labels()
        versions = practice_store.agreement_versions(self._vault.connection)
        items = []
        titles = {key: title for key, title, _ in SECTIONS}
        for index, version in enumerate(versions):
            if not request.start <= _local_day(version.proposed_at) <= request.end:
                continue
            before = versions[index - 1].sections if index else {}
            changes = []
            for key, title in titles.items():
                diff = word_diff(before.get(key, ""), version.sections.get(key, ""))
                if any(c.kind != "same" for c in diff):
                    marked = "".join(
                        c.text
                        if c.kind == "same"
                        else (f"[+{c.text}+]" if c.kind == "added" else f"[-{c.text}-]")
                        for c in diff
                    )
                    changes.append((f"Changes in “{title}”", marked))
            text = "\n\n".join(
                f"{titles[key]}: {version.sections[key]}"
                for key in titles
                if version.sections.get(key)
            )
            acknowledged = ", ".join(labels.get(p, "?") for p in sorted(version.acknowledged_by))
            items.append(
                ReportItem(
                    version.proposed_at,
                    labels.get(version.author, "?"),
                    f"Version {version.number}",
                    text,
                    (
                        *((("Note", version.note),) if version.note else ()),
                        ("Acknowledged by", acknowledged or "nobody yet"),
                        *changes,
                    ),
                )
            )
        return ReportPart(
            ReportSection.AGREEMENT.value,
            ReportSection.AGREEMENT.label,
            "Each version proposed in this period, with the words added [+like this+] and "
            "removed [-like this-] since the version before.",
            items=tuple(items),
        )

    def _setbacks(self, request: ReportRequest) -> ReportPart:
        labels = self.labels()
        items = []
        for setback in sorted(practice_store.setbacks(self._vault.connection), key=lambda s: s.day):
            if not request.start <= setback.day <= request.end:
                continue
            details: list[tuple[str, str]] = []
            if setback.trigger:
                details.append(("Trigger", setback.trigger))
            if setback.impact:
                details.append(("Impact", setback.impact))
            for step in setback.steps:
                when = step.at.astimezone().strftime("%d %b %Y")
                note = f": {step.note}" if step.note else ""
                details.append(
                    (step.step.label, f"by {labels.get(step.author, '?')} on {when}{note}")
                )
            for measure in setback.countermeasures:
                details.append(("Counter-measure", measure))
            state = "open" if setback.open else "restored"
            items.append(
                ReportItem(
                    setback.day,
                    labels.get(setback.author, "?"),
                    f"Setback ({state})",
                    setback.what,
                    tuple(details),
                )
            )
        return ReportPart(
            ReportSection.SETBACKS.value,
            ReportSection.SETBACKS.label,
            "Each setback logged in this period and where its repair stands "
            "(acknowledge → repair → restore).",
            items=tuple(items),
        )

    def _wins(self, request: ReportRequest) -> ReportPart:
        labels = self.labels()
        items = [
            ReportItem(
                win.day,
                labels.get(win.author, "?"),
                "Milestone" if win.detected else "Win",
                win.text,
            )
            for win in sorted(practice_store.wins(self._vault.connection), key=lambda w: w.day)
            if request.start <= win.day <= request.end
        ]
        return ReportPart(ReportSection.WINS.value, ReportSection.WINS.label, items=tuple(items))

    def _checkins_in(self, request: ReportRequest) -> list[Checkin]:
        """The check-ins answered in the range, oldest first (read once per report)."""
        key = (request.start, request.end)
        if self._checkins_read is None or self._checkins_read[0] != key:
            found = sorted(
                (
                    c
                    for c in practice_store.checkins(self._vault.connection, limit=1_000_000)
                    if request.start <= c.day <= request.end
                ),
                key=lambda c: (c.day, c.seq),
            )
            self._checkins_read = (key, found)
        return self._checkins_read[1]

    def _checkins(self, request: ReportRequest) -> ReportPart:
        labels = self.labels()
        items = [
            ReportItem(
                c.day,
                labels.get(c.author, "?"),
                _CHECKIN_TITLES.get(c.kind.value, "Check-in"),
                "",
                tuple((q, a) for q, a in c.answers if a),
            )
            for c in self._checkins_in(request)
        ]
        return ReportPart(
            ReportSection.CHECKINS.value,
            ReportSection.CHECKINS.label,
            "Each partner's own answers, as they wrote them.",
            items=tuple(items),
        )

    def _sessions(self, request: ReportRequest) -> ReportPart:
        labels = self.labels()
        conn = self._vault.connection
        items = []
        for session in reversed(practice_store.joint_sessions(conn)):
            opened: datetime = session["opened_at"]
            if not request.start <= _local_day(opened) <= request.end:
                continue
            details: list[tuple[str, str]] = [
                (
                    "Signed by",
                    f"{labels.get(session['opened_by'], '?')} and "
                    f"{labels.get(session['cosigned_by'], '?')}",
                )
            ]
            for kind, author, text in session["items"]:
                label = "Outcome" if kind == EventKind.SESSION_OUTCOME else "Note"
                details.append((f"{label} ({labels.get(author, '?')})", text))
            items.append(
                ReportItem(
                    opened,
                    "",
                    _SESSION_KINDS.get(session["kind"], "Joint session"),
                    "",
                    tuple(details),
                )
            )
        first, after = _bounds(request.start, request.end)
        rows = []
        for _, text, notes in practice_store.objectives(conn):
            inside = [
                f"{when.astimezone():%d %b}: {note} ({labels.get(author, '?')})"
                for author, note, when in notes
                if first <= when < after
            ]
            rows.append((text, "; ".join(inside) or "—"))
        tables = (
            (
                ReportTable(
                    "Therapy objectives and progress in this period",
                    ("Objective", "Progress"),
                    tuple(rows),
                ),
            )
            if rows
            else ()
        )
        return ReportPart(
            ReportSection.SESSIONS.value,
            ReportSection.SESSIONS.label,
            tables=tables,
            items=tuple(items),
        )

    def _private(self, request: ReportRequest) -> ReportPart:
        journal = self._vault.journal
        if journal is None:
            raise NotAllowed(
                "Private entries can be added only by their author, in their own unlocked "
                "session (not in a shared session)."
            )
        first, after = _bounds(request.start, request.end)
        me = self._vault.partner.label
        items = []
        for record_id in dict.fromkeys(request.private_records):
            record = journal.get(record_id)
            if not first <= record.created_at < after:
                raise InvalidInput(
                    f"Entry #{record_id} is outside the report's range; choose entries from "
                    "the range only."
                )
            details = []
            if record.feelings:
                details.append(("Feelings", ", ".join(record.feelings)))
            if record.tags:
                details.append(("Tags", ", ".join(record.tags)))
            items.append(
                ReportItem(record.created_at, me, record.kind.label, record.body, tuple(details))
            )
        items.sort(key=lambda i: i.when)
        return ReportPart(
            "private",
            f"From {me}'s private journal",
            f"{me} chose these entries one by one to include; nothing else from either "
            "private journal is in this report.",
            items=tuple(items),
        )

    # --- exporting, with both partners' signatures -----------------------------------

    def _proved_build(
        self,
        request: ReportRequest,
        alone: bool,
        progress: Progress | None,
        verified: ShownState | None,
    ) -> Report:
        """``build``, from projections proved equal to the signed events.

        The other partner can edit shared.db at any moment with the shared key, the
        projections included (a reflection's words, a check-in's answers, a name).
        When ``verified`` (what this session's full check proved) is still the live
        file's state, the head and the hash of every projection row are read in the
        same read transaction as the report itself, so nothing can change in between
        (~0.25 s). Otherwise a consistent copy of the files is checked — the chain,
        its signatures, a replay of every event against every projection, the pinned
        partners and remembered heads (``verify.check_for_report``, ~4 s on the
        ten-year vault, in a process of its own) — and the report is made from that
        same copy. A finding stops the export before anything is written or signed.
        ``alone``: the other partner left; the report says so (``_signed_build``)."""
        if verified is not None:
            with self._vault.snapshot():
                if self._vault.shown_state() == verified:
                    return self._signed_build(request, alone, progress)
        from twofold.services import check_child

        # (no progress while it checks: the dialog's bar stays busy until the build)
        reader = self._vault.reader_opener(on_copy=True)()
        try:
            found = check_child.report_check(reader)  # its replay's memory goes with it
            if found.shown is None:
                raise _not_proved(found)
            if reader.copy_refused is None:
                # The copy, which Twofold never writes: but it is a file in the vault
                # folder, which the other partner (the same OS account) can edit with
                # the shared key between its check and this build. Made from it only
                # while it holds what was checked, read in the build's transaction.
                with reader.snapshot():
                    if reader.shown_state() == found.shown:
                        return ReportService(reader)._signed_build(request, alone, progress)
                raise _changed()
        finally:
            reader.close()
        # No copy could be made (a full disk, a read-only folder): the live files were
        # checked, and the report is made from them only if they still hold that state.
        with self._vault.snapshot():
            if self._vault.shown_state() == found.shown:
                return self._signed_build(request, alone, progress)
        raise _changed()

    def _signed_build(
        self, request: ReportRequest, alone: bool, progress: Progress | None
    ) -> Report:
        """``build`` in the proved state, with the names in its first lines read there
        too: who agreed is the other partner's name in the signed first event (never
        keyslots.json's, which is not signed); a report made ``alone`` follows the
        other partner's signed partner.left, read in the same state."""
        if alone:
            departed = self.departure()
            if departed is None:
                raise _changed()
            return self.build(request, "", progress, after_left=departed.text)
        me = self._vault.partner_id
        labels = self._vault.ledger.partner_labels()
        other = next((label for pid, label in labels.items() if pid != me), "?")
        return self.build(request, other, progress)

    def export(
        self,
        request: ReportRequest,
        target: Path,
        other_passphrase: str,
        *,
        pdf: Renderer | None = None,
        overwrite: bool = False,
        progress: Progress | None = None,
        verified: ShownState | None = None,
    ) -> ExportResult:
        """Both consent: the other partner's passphrase signs ``export.agreed``.
        Runs the KDF: call from a worker.

        Nothing in the report is taken from ``shared.db`` unproved: it is made from the
        projections only while they are exactly what the signed events give
        (``_proved_build``). ``verified``: what this session's full check proved, if
        it did; when the file still holds it, the report is made from the live file
        without a replay of its own.

        After the other partner left the vault (their signed partner.left), no second
        signature is possible: the one who stayed makes it alone, and both the report
        and its ``export.made`` event say so plainly. Nothing of the leaver's private
        journal can be in it (it was never readable here, and it is gone)."""
        departed = self.departure()
        other = departed.label if departed is not None else self.other_label()
        if departed is None and not other_passphrase:
            raise NotAllowed(
                f"A report of your shared history needs {other}'s agreement: {other} types "
                "their own passphrase to sign it."
            )
        if request.private_records and self._vault.journal is None:
            raise NotAllowed(
                "Private entries can be added only by their author, in their own unlocked session."
            )
        target = target.expanduser().absolute()
        _check_target(target, self._vault.folder, overwrite)
        # The other partner's KDF runs on a thread of its own while this one builds
        # (Argon2 releases the GIL): their consent is checked before anything is laid
        # out or written, as before, and a wrong passphrase stops the build at its
        # next step.
        consent = (
            None if departed is not None else _Beside(self._vault.cosigner_opener(other_passphrase))
        )
        cosigner = None
        try:
            built_at = _BUILT_AT.get(request.format, _PROGRESS_STEPS)
            with _without_cyclic_gc():
                report = self._proved_build(
                    request,
                    departed is not None,
                    _stopping(consent, _between(progress, 0, built_at)),
                    verified,
                )
                cosigner = consent.result() if consent is not None else None
                data = render(
                    report, request.format, pdf, _between(progress, built_at, _PROGRESS_STEPS)
                )
            digest = hashlib.sha256(data).hexdigest()
            partial = target.with_name(f".{target.name}.{secrets.token_hex(4)}.part")
            try:
                with partial.open("wb") as handle:
                    handle.write(data)
                    handle.flush()
                    os.fsync(handle.fileno())
                export_id = uuid.uuid4().hex
                at = now()
                with self._vault.write("The export"):
                    self._vault.ledger.record(
                        ExportMade(
                            export_id=export_id,
                            format=request.format.value,
                            start=request.start,
                            end=request.end,
                            sections=tuple(s.value for s in request.sections),
                            sha256=digest,
                            private_entries=len(set(request.private_records)),
                            after_left=departed.partner_id if departed is not None else "",
                        ),
                        at,
                    )
                    if cosigner is not None:
                        cosigner.record(ExportAgreed(export_id), at)
                partial.replace(target)
                fsync_folder(target.parent)
            except BaseException:
                partial.unlink(missing_ok=True)
                raise
        finally:
            if consent is not None:
                cosigner = consent.settle()
            if cosigner is not None:
                cosigner.close()
        return ExportResult(target, export_id, digest, len(data))


def _changed() -> NotAllowed:
    return NotAllowed(
        "The shared ledger changed while it was being checked for the report; make "
        "the report again."
    )


def _not_proved(found: VerifyReport) -> VaultDamaged:
    """A failed verification (the command line's exit 4, as ``twofold verify``'s)."""
    problem = next((detail for _, passed, detail in found.checks if not passed), "")
    return VaultDamaged(
        "The report was not made: the shared ledger does not match what you both signed "
        f"({problem}). A report now could carry words neither of you wrote. The timeline's "
        "banner and 'twofold verify' say what changed; restore shared.db from a backup, "
        "then make the report again."
    )


def _check_target(target: Path, vault_folder: Path, overwrite: bool) -> None:
    if not target.parent.is_dir():
        raise InvalidInput(f"{target.parent} does not exist; choose a folder that does.")
    if target.is_dir():
        raise InvalidInput(f"{target} is a folder; give a file name.")
    if target.exists() and not overwrite:
        raise InvalidInput(f"{target} already exists; choose another name.")
    vault = vault_folder.expanduser().absolute()
    if target.parent == vault or vault in target.parents:
        raise InvalidInput(
            "Save the export outside the vault folder: it is plaintext, and the vault "
            "folder is meant to hold only encrypted files."
        )


def _details(item: TimelineItem) -> tuple[tuple[str, str], ...]:
    """The line under a timeline item (a request, a trigger, the parts of an export)."""
    if item.retracted:
        return ()
    if item.kind == EventKind.REFLECTION_SHARED:
        return (("Request", item.request),) if item.request else ()
    second = second_line(item)
    return (("Details", second),) if second else ()


class _Beside:
    """``work()`` on a thread of its own, started now (the other partner's KDF while
    the report is built)."""

    def __init__(self, work: Callable[[], Cosigner]) -> None:
        import threading  # not at import: the command line's start (test_cli_start)

        self._done: Cosigner | None = None
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, args=(work,), name="co-signature")
        self._thread.start()

    def _run(self, work: Callable[[], Cosigner]) -> None:
        try:
            self._done = work()
        except BaseException as error:  # handed to the thread that waits (result)
            self._error = error

    def failed(self) -> BaseException | None:
        """Its error, once it has ended with one (without waiting)."""
        return None if self._thread.is_alive() else self._error

    def result(self) -> Cosigner:
        """Waits; its result, or its error raised here."""
        self._thread.join()
        if self._error is not None:
            raise self._error
        assert self._done is not None
        return self._done

    def settle(self) -> Cosigner | None:
        """Waits; its result, if it made one, for the caller to close (also after the
        build failed: the keys it unwrapped are wiped, never left to the thread)."""
        self._thread.join()
        return self._done


def _stopping(consent: _Beside | None, progress: Progress | None) -> Progress | None:
    """``progress`` that also stops the build once the co-signature has failed (a
    wrong passphrase): its error is raised at the build's next step."""
    if consent is None:
        return progress

    def step(done: int, total: int) -> None:
        error = consent.failed()
        if error is not None:
            raise error
        if progress is not None:
            progress(done, total)

    return step


@contextmanager
def _without_cyclic_gc() -> Iterator[None]:
    """A ten-year report is hundreds of thousands of small objects that all live until
    the file is written: the cyclic collector's passes over them freed nothing and cost
    0.5–0.9 s of the JSON export's 3 s (measured on the ten-year vault). Reference
    counting frees as always; the collector is back on afterwards, also after an error."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
