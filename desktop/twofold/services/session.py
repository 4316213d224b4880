"""Unlocking, and the open session every front end works through."""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from datetime import date, datetime
from functools import cached_property
from pathlib import Path

from twofold.domain.errors import (
    DiskFull,
    InvalidInput,
    NotAllowed,
    TwofoldError,
    VaultDamaged,
    VaultInUse,
    VaultReadOnly,
)
from twofold.domain.journal_filter import kinds_named
from twofold.domain.passphrase import normalise_passphrase
from twofold.domain.search import SearchHits, fts_query
from twofold.domain.valueclass import valueclass
from twofold.services.journal import JournalService
from twofold.services.locked import is_open_elsewhere as is_open_elsewhere
from twofold.services.locked import partner_labels as partner_labels
from twofold.services.locked import vault_exists as vault_exists
from twofold.services.paths import default_backup_folder
from twofold.services.sharing import SharingService, finish_pending_share
from twofold.services.signing import adopt_consent_rules
from twofold.services.timeline import (
    TimelineService,
    keep_retractions_checked,
    reconcile_retractions,
)
from twofold.vault import readable, readable_copy, trust
from twofold.vault import vault as vault_files
from twofold.vault.crypto import KdfParams
from twofold.vault.database import DatabaseError
from twofold.vault.journal_store import CHECKIN_PENDING
from twofold.vault.projectors import replay
from twofold.vault.search_store import search
from twofold.vault.vault import NewPartner, OpenVault

TYPE_CHECKING = False  # what type checkers assume True: typing is not imported
if TYPE_CHECKING:
    from typing import TypeVar

# What a command such as ``search`` or ``list`` never needs is imported on first use:
# the practice services, reports, imports, exports, backups, ending, verification.
if TYPE_CHECKING:
    from twofold.domain.ledger import ShownState, VerifyReport
    from twofold.domain.records import JournalFormat
    from twofold.domain.report import ReportFormat
    from twofold.services.agreement import AgreementService
    from twofold.services.backups import BackupResult, ReplaceResult
    from twofold.services.checkins import CheckinService
    from twofold.services.commitments import CommitmentService
    from twofold.services.consent import RequestService, RolesService
    from twofold.services.ending import LeaveOutcome
    from twofold.services.imports import ImportService
    from twofold.services.joint import JointSessionService
    from twofold.services.journal_export import JournalExportResult
    from twofold.services.progress import ProgressService
    from twofold.services.report import Renderer, ReportService
    from twofold.services.safety import SafetyService
    from twofold.services.setbacks import SetbackService, WinService
    from twofold.services.together import TogetherService
    from twofold.vault.search_index import Tidied

MIN_PASSPHRASE = 8
if TYPE_CHECKING:
    T = TypeVar("T")
BACKUP_FOLDER_KEY = "backup_folder"  # shared.db settings: both partners' folder
BACKUP_FOLDER_SEEN = "backup_folder_seen"  # journal meta: that folder as this partner knew it


KEYS_SEEN = "keys_seen_seq"
TAKEN = "taken"


@valueclass
class KeyNotice:
    """A change to the unlocked partner's own key slots since they last confirmed
    having seen one: shown at unlock until dismissed."""

    seq: int
    how: str  # "change" | "reset" | "renew" | "taken" (see ``taken``)
    at: datetime

    @property
    def taken(self) -> bool:
        """The ledger's signing key for you is not the one in your slot: someone with
        an old copy of your key replaced it. Not dismissable: it stays while true."""
        return self.how == TAKEN

    @property
    def text(self) -> str:
        when = f"{self.at.astimezone():%-d %b} at {self.at.astimezone():%H:%M}"
        if self.taken:
            where = f"event #{self.seq}, " if self.seq else ""
            return (
                f"Your signing key was taken over: the shared ledger replaced it on {when} "
                f"({where}a key change signed with your old key) with a key that is not in "
                "your key slots. Someone who once opened your slot — with an old passphrase "
                "or recovery code and an old copy of keyslots.json or a backup — did this, "
                "and events signed as you from then on are not yours (Verify names them). "
                "The ledger cannot give the key back: any rule that let your old key win "
                "would let their copy of it win too. What to do: sign nothing more here "
                "(Twofold refuses it); run Verify and keep its report; change your "
                "passphrase so your private journal gets a new key; export your journal; "
                "talk it through with your counselor; and if you go on, start a new vault "
                "together, each choosing new secrets alone."
            )
        what = {
            "change": f"Your passphrase was changed on {when}.",
            "reset": f"Your passphrase was reset with your recovery code on {when}.",
            "renew": f"Your recovery code was renewed on {when}.",
        }.get(self.how, f"Your keys were changed on {when}.")
        return (
            f"{what} If this was not you, someone knows your "
            f"{'passphrase' if self.how == 'renew' else 'passphrase or recovery code'}: "
            "change your passphrase now (Settings → Change passphrase), which also gives "
            "you a new recovery code and makes every older one useless, and keep the new "
            "code where only you can reach it."
        )


@valueclass
class CreatedVault:
    folder: Path
    recovery_codes: dict[str, str]  # partner label → code, shown once


class Session:
    """An unlocked vault as the app sees it. ``journal`` and ``sharing`` are None in
    a shared session: the private journal's key was never unwrapped."""

    def __init__(self, vault: OpenVault) -> None:
        self._vault = vault
        self.folder = vault.folder
        self.partner_id = vault.partner_id
        self.partner_label = vault.partner.label
        self.is_shared_session = vault.is_session
        self.journal = None if vault.is_session else JournalService(vault)
        self.sharing = None if vault.is_session else SharingService(vault)
        self.timeline = TimelineService(vault)
        self.warnings = list(vault.warnings)
        self.shared_damage = vault.shared_damage
        if vault.shared_damage is not None:
            self.warnings.append(
                f"{vault.shared_damage} Your own journal opened for reading and export only; "
                "the shared ledger is unavailable until shared.db is restored."
            )
        self._locked = False
        self._left_out_before = readable.left_out()
        # the head this partner had seen before this unlock: the quick check starts there
        self.previous_seen: trust.Seen | None = None
        # what this session's last full check proved (``ShownState``): a report made
        # while the file still holds it skips its own replay (``ReportService``)
        self.verified: ShownState | None = None

    def rows_left_out(self) -> int:
        """Rows of shared.db left out of the pages read since unlock, because they
        hold what Twofold never writes (edited with a SQLCipher tool)."""
        return readable.left_out() - self._left_out_before

    @cached_property
    def imports(self) -> ImportService | None:
        from twofold.services.imports import ImportService

        return None if self._vault.is_session else ImportService(self._vault)

    @cached_property
    def reports(self) -> ReportService:
        from twofold.services.report import ReportService

        return ReportService(self._vault)

    @cached_property
    def commitments(self) -> CommitmentService:
        from twofold.services.commitments import CommitmentService

        return CommitmentService(self._vault)

    @cached_property
    def safety(self) -> SafetyService:
        from twofold.services.safety import SafetyService

        return SafetyService(self._vault)

    @cached_property
    def agreement(self) -> AgreementService:
        from twofold.services.agreement import AgreementService

        return AgreementService(self._vault)

    @cached_property
    def checkins(self) -> CheckinService:
        from twofold.services.checkins import CheckinService

        return CheckinService(self._vault)

    @cached_property
    def setbacks(self) -> SetbackService:
        from twofold.services.setbacks import SetbackService

        return SetbackService(self._vault)

    @cached_property
    def wins(self) -> WinService:
        from twofold.services.setbacks import WinService

        return WinService(self._vault)

    @cached_property
    def together(self) -> TogetherService:
        from twofold.services.together import TogetherService

        return TogetherService(self._vault)

    @cached_property
    def joint(self) -> JointSessionService:
        from twofold.services.joint import JointSessionService

        return JointSessionService(self._vault)

    @cached_property
    def progress(self) -> ProgressService:
        from twofold.services.progress import ProgressService

        return ProgressService(self._vault)

    @cached_property
    def requests(self) -> RequestService:
        from twofold.services.consent import RequestService

        return RequestService(self._vault)

    @cached_property
    def roles(self) -> RolesService:
        from twofold.services.consent import RolesService

        return RolesService(self._vault)

    @property
    def locked(self) -> bool:
        return self._locked

    @property
    def partner_labels(self) -> dict[str, str]:
        return self.timeline.labels()

    def search(self, text: str, limit: int = 200, *, shared_only: bool = False) -> SearchHits:
        """Private journal and shared ledger in one query, newest first; the result's
        ``unsearched`` names a side whose search index could not be read.
        ``shared_only``: the shared ledger alone (the timeline's search), so ``limit``
        counts shared matches."""
        query = fts_query(text)
        shared_only = shared_only or self.is_shared_session
        kinds, rest = ((), text) if shared_only else kinds_named(text)
        if query is None and not kinds:
            return SearchHits()
        return search(
            self._vault.connection,
            query or "",
            text,
            include_private=not shared_only,
            labels=self.partner_labels,
            own_label=self.partner_label,
            limit=limit,
            kinds=tuple(str(k) for k in kinds),
            kind_query=fts_query(rest) if rest.strip() else None,
        )

    def verify(self) -> VerifyReport:
        """Everything: every event, every projection, every remembered head."""
        from twofold.services.verify import verify

        return verify(self._vault)

    def check_for_report(self) -> VerifyReport:
        """What a report relies on, checked now (``verify.check_for_report``); what it
        proved is remembered for the next report, as a full check's is."""
        from twofold.services.verify import check_for_report

        report = check_for_report(self._vault)
        self.verified = report.shown
        return report

    def verify_quick(self) -> VerifyReport:
        """The genesis, your pinned partners, and the events since you last looked."""
        from twofold.services.verify import verify_since

        return verify_since(self._vault, self.previous_seen)

    def note_seen(self) -> None:
        """Remember the ledger head you are looking at, in your journal."""
        journal = self._vault.journal
        if journal is None:
            return
        with self._vault.write("Your journal"):
            trust.note_seen(journal, self._vault.ledger, vault_files.now())

    def detached(self, work: Callable[[Session], T], *, on_copy: bool = False) -> Callable[[], T]:
        """``work`` to run on a worker thread, on its own connection to the same vault
        (verification, milestone detection): the window stays usable meanwhile and no
        connection is shared between threads. The connection is opened by ``run`` on
        that thread; the keys are copied now (a vault locked meanwhile opens nothing).
        ``on_copy``: it reads a consistent copy of the files, made by ``run`` and
        removed when the work ends (``OpenVault.reader_opener``)."""
        open_reader = self._vault.reader_opener(on_copy=on_copy)
        main = self._vault

        def run() -> T:
            reader = open_reader()
            try:
                if reader.copy_refused is not None:
                    from twofold.services.diagnostics import log_failure

                    log_failure("verify.copy", reader.copy_refused, bug=False)
                if not on_copy:
                    return work(Session(reader))
                # a check of a copy nobody will see once the vault is locked stops
                # (``priority.Stopped``), and its copy goes at once
                from twofold.vault import priority

                with priority.stops_when(lambda: main.closed):
                    return work(Session(reader))
            finally:
                reader.close()

        return run

    def detached_verify(self) -> Callable[[], VerifyReport]:
        """The full check, to run on a worker. It reads a copy of the files made as one
        moment: minutes of reading never make a save wait, and what the couple writes
        meanwhile is not mistaken for a change made outside Twofold."""
        check = self.detached(_full_check, on_copy=True)

        def run() -> VerifyReport:
            report = check()
            self.verified = report.shown  # for the reports made in this session
            return report

        return run

    def detached_report_check(self) -> Callable[[], VerifyReport]:
        """``check_for_report`` of a consistent copy, for a worker: the report dialog
        starts it as it opens, so the export finds the ledger proved
        (``ReportService``: no check of its own) and a ledger edited behind your back
        is said before anyone types a passphrase. What it proved is kept, as a full
        check's is."""
        from twofold.services import check_child

        check = self.detached(lambda reader: check_child.report_check(reader._vault), on_copy=True)

        def run() -> VerifyReport:
            report = check()
            self.verified = report.shown
            return report

        return run

    def search_tidier(self) -> Callable[[], list[Tidied]] | None:
        """The search indexes' merge (``vault.search_index``) for a worker, on its own
        connection; it stops between two steps once this session is locked. None when
        this vault may write nothing (read-only folder, damaged shared.db). Index
        upkeep only: the same rows, the same answers, nothing a person wrote."""
        if self._locked or not self._vault.search_indexes():
            return None
        main = self._vault

        job = self.detached(lambda session: session._vault.tidy_search(lambda: main.closed))

        def tidy() -> list[Tidied]:
            try:
                return job()
            except (NotAllowed, VaultInUse, VaultReadOnly, DiskFull):
                # locked before it began, the lock kept by a backup, the disk refused:
                # what was merged is kept, the next unlock goes on
                return []

        return tidy

    def export_journal(
        self,
        target: Path,
        fmt: JournalFormat,
        *,
        with_history: bool = False,
        progress: Callable[[int, int], None] | None = None,
        cancelled: Callable[[], bool] | None = None,
    ) -> JournalExportResult:
        """Your own journal as plaintext files (owner only)."""
        from twofold.services.journal_export import export_journal

        return export_journal(
            self._vault,
            target,
            fmt,
            with_history=with_history,
            progress=progress,
            cancelled=cancelled,
        )

    def detached_verify_quick(self) -> Callable[[], VerifyReport]:
        previous = self.previous_seen

        def quick(session: Session) -> VerifyReport:
            session.previous_seen = previous
            return session.verify_quick()

        return self.detached(quick)

    # --- ending (final: each ends this session) -----------------------------------

    def shred_journal(
        self, confirmation: str, passphrase: str, kdf: KdfParams | None = None
    ) -> str:
        """Delete your private journal for good; returns your new recovery code."""
        from twofold.services.ending import EndingService

        try:
            return EndingService(self._vault).shred_journal(confirmation, passphrase, kdf)
        finally:
            self._locked = self._vault.closed or self._locked

    def leave(
        self,
        confirmation: str,
        remaining_passphrase: str,
        *,
        copy_to: Path | None = None,
        copy_format: ReportFormat | None = None,  # None: PDF
        pdf: Renderer | None = None,
        kdf: KdfParams | None = None,
    ) -> LeaveOutcome:
        """Leave the vault (the other partner, present, types their passphrase)."""
        from twofold.domain.report import ReportFormat
        from twofold.services.ending import EndingService

        try:
            return EndingService(self._vault).leave(
                confirmation,
                remaining_passphrase,
                copy_to=copy_to,
                copy_format=copy_format or ReportFormat.PDF,
                pdf=pdf,
                kdf=kdf,
            )
        finally:
            self._locked = self._vault.closed or self._locked

    def change_passphrase(self, new_passphrase: str, kdf: KdfParams | None = None) -> str:
        """A new passphrase, a new journal key and a new recovery code (returned, to
        be shown once): the old passphrase and code open nothing current."""
        check_passphrase(new_passphrase, (self.partner_label,))
        self._check_not_the_others(new_passphrase)
        return self._vault.set_passphrase(new_passphrase, kdf)

    def renew_recovery_code(self, passphrase: str, kdf: KdfParams | None = None) -> str:
        """A new recovery code (returned, to be shown once); the old one is revoked."""
        return self._vault.renew_recovery_code(passphrase, kdf)

    def key_notices(self) -> list[KeyNotice]:
        """What changed about your own key slots since you last dismissed a notice,
        and, first, whether the ledger's signing key for you is still yours (in a
        shared session too)."""
        notices: list[KeyNotice] = []
        taken = self._vault.key_taken()
        if taken is not None:
            at = datetime.fromisoformat(taken.at) if taken.at else datetime.now().astimezone()
            notices.append(KeyNotice(taken.seq, TAKEN, at))
        if self.journal is None:
            return notices
        seen = self._vault.journal.meta(KEYS_SEEN) if self._vault.journal else None
        after = int(seen) if seen and seen.isdigit() else 0
        return notices + [
            KeyNotice(seq, how, datetime.fromisoformat(at))
            for seq, how, at in self._vault.ledger.key_changes(self.partner_id, after)
            if taken is None or seq != taken.seq  # that one is the takeover, said above
        ]

    def dismiss_key_notices(self) -> None:
        """Confirm the key changes shown (a taken-over key is not dismissable)."""
        notices = [n for n in self.key_notices() if not n.taken]
        if not notices or self._vault.journal is None:
            return
        with self._vault.write("Your journal"):
            self._vault.journal.set_meta(KEYS_SEEN, str(notices[-1].seq))

    def _check_not_the_others(self, passphrase: str) -> None:
        if self._vault.opens_other_partner(passphrase):
            raise InvalidInput(
                "That passphrase is your partner's. Each partner needs their own secret; "
                "choose another one. Nothing was changed."
            )

    # --- backups -----------------------------------------------------------------

    def backup_folder(self) -> Path:
        """Both partners' daily backups go to one folder (a retraction or deletion
        replaces the backups there), kept in shared.db. The other partner can set it
        with a SQLCipher tool: only a full path as text is used, and a change neither
        made here is told at the next unlock (``_note_backup_folder``)."""
        chosen = _usable_folder(self._vault.ledger.setting(BACKUP_FOLDER_KEY))
        return chosen or default_backup_folder(self.folder)

    def set_backup_folder(self, folder: Path | None) -> None:
        journal = self._vault.journal
        if journal is None:
            raise NotAllowed(
                "Each partner can change the backup folder, unlocked alone. Nothing was changed."
            )
        if folder is not None and _usable_folder(str(folder)) is None:
            raise InvalidInput(
                f"“{folder}” is not a full folder path (one that starts at the top of "
                "the disk). Nothing was changed."
            )
        value = str(folder) if folder else ""
        with self._vault.write("Your settings"):
            self._vault.ledger.set_setting(BACKUP_FOLDER_KEY, value)
            journal.set_meta(BACKUP_FOLDER_SEEN, value)  # your own change: nothing to tell

    def auto_backup(self, today: date | None = None) -> BackupResult:
        """Today's rotating backup, if not made yet (one per day of use, last 10 kept).
        Not while shared.db is damaged: rotating would replace the good backups from
        before the damage with copies of it."""

        if self.shared_damage is not None:
            raise VaultDamaged(
                "Today's automatic backup was not made: shared.db is damaged, so the "
                "backups from before the damage are kept as they are."
            )
        from twofold.services.backups import rotate_daily

        return rotate_daily(self.folder, self.backup_folder(), today)

    def replace_backups(self, today: date | None = None) -> ReplaceResult:
        """Replace the automatic backups with one made now (see ``replace_daily``)."""
        return self.backup_replacer(today)()

    def backup_replacer(self, today: date | None = None) -> Callable[[], ReplaceResult]:
        """The same, to run on a worker thread (the settings are read here, on this
        session's connection; the work itself only copies files). Not while shared.db
        is damaged: the good backups from before the damage are kept."""
        if self.shared_damage is not None:
            raise VaultDamaged(
                "The automatic backups were not replaced: shared.db is damaged, so the "
                "backups from before the damage are kept as they are."
            )
        from twofold.services.backups import replace_daily

        folder, target = self.folder, self.backup_folder()
        return lambda: replace_daily(folder, target, today)

    def __enter__(self) -> Session:
        return self

    def __exit__(self, *exc: object) -> None:
        self.lock()

    def lock(self) -> None:
        """Close the connection and zero the keys. The session cannot be used again."""
        if not self._locked:
            self._vault.close()
            self._locked = True


def _full_check(session: Session) -> VerifyReport:
    """The full check of what ``session`` (a reader) reads, in a process of its own
    (``check_child``: no interpreter shared with the window's saves); on this thread
    where that process cannot start or gives no report, so it is never skipped."""
    from twofold.services import check_child

    try:
        return check_child.run(session._vault)
    except check_child.NoReport as exc:
        from twofold.services.diagnostics import log_failure

        log_failure("verify.process", exc, bug=False)
        return session.verify()


def check_passphrase(passphrase: str, names: tuple[str, ...] = ()) -> None:
    """The same rules as the setup wizard's strength meter."""
    if len(passphrase) < MIN_PASSPHRASE:
        raise InvalidInput(
            f"A passphrase needs at least {MIN_PASSPHRASE} characters; "
            "four or five unrelated words are easy to remember and hard to guess."
        )
    from twofold.services.content import passphrase_strength

    strength = passphrase_strength(passphrase, names)
    if not strength.acceptable:
        advice = " ".join(strength.feedback[:2])
        raise InvalidInput(f"That passphrase is too easy to guess ({strength.label}). {advice}")


def create_vault(
    folder: Path,
    partners: list[tuple[str, str]],
    kdf: KdfParams | None = None,
    at: datetime | None = None,
    *,
    hurt: list[str] | None = None,
    words: str = "",
) -> CreatedVault:
    """``kdf`` is a test-only override; by default it is calibrated on this machine
    toward ~0.5 s and never below m=64 MiB, t=3, p=4. ``hurt`` (partner labels, may be
    empty) and ``words``: who was hurt, said at setup by both (issue 12); None: not
    asked."""
    names = tuple(label for label, _ in partners)
    for _, passphrase in partners:
        check_passphrase(passphrase, names)
    secrets = {normalise_passphrase(passphrase) for _, passphrase in partners}
    if len(partners) == 2 and len(secrets) == 1:
        raise InvalidInput(
            "The two partners chose the same passphrase. Each needs their own: with one "
            "secret, either of you could open the other's journal and sign as the other."
        )
    params = kdf or KdfParams.calibrated()
    codes = vault_files.create(
        folder, [NewPartner(label, passphrase) for label, passphrase in partners], params, at
    )
    if hurt is not None:
        # said at setup, with both present: signed by the first, co-signed by the second
        (first, first_pass), (_, second_pass) = partners
        with unlock(folder, first, first_pass) as session:
            ids = {label: pid for pid, label in session.partner_labels.items()}
            session.roles.propose([ids[h] for h in hurt], words, second_pass)
    return CreatedVault(folder, codes)


def unlock(folder: Path, who: str, passphrase: str) -> Session:
    return _opened(vault_files.unlock_partner(folder, who, passphrase))


def unlock_session(folder: Path, passphrase: str, who: str | None = None) -> Session:
    opened = vault_files.unlock_session(folder, passphrase, who)
    try:
        adopt_consent_rules(opened)
    except VaultDamaged:
        pass  # reported by verify; it must not lock you out
    except BaseException:
        opened.close()
        raise
    return Session(opened)


def reset_passphrase(
    folder: Path, who: str, recovery_code: str, new_passphrase: str, kdf: KdfParams | None = None
) -> tuple[Session, str]:
    """Forgotten passphrase: the recovery code sets a new one and is replaced by a new
    code (a used code never works twice). Returns the session and the new code."""
    check_passphrase(new_passphrase, (who,))
    opened = vault_files.unlock_with_recovery_code(folder, who, recovery_code)
    try:
        session = Session(opened)
        session._check_not_the_others(new_passphrase)
        new_code = opened.set_passphrase(new_passphrase, kdf, origin="reset")
    except BaseException:
        opened.close()
        raise
    return _opened(opened), new_code


def _opened(vault: OpenVault) -> Session:
    previous: trust.Seen | None = None
    try:
        if vault.journal is not None:
            finish_pending_share(vault)
        reconcile_retractions(vault)
        previous = _pin_and_see(vault)
        # signing may be refused (a key taken over is told at unlock): the rules are
        # adopted and sealed answers revealed at the next unlock that can sign
        with contextlib.suppress(NotAllowed):
            adopt_consent_rules(vault)
            if vault.journal is not None and vault.journal.meta_items_with_prefix(
                CHECKIN_PENDING
            ):  # this partner's sealed answers wait: reveal those that are due
                from twofold.services.checkins import CheckinService

                CheckinService(vault).reveal_due()
    except VaultDamaged:
        pass  # a damaged page is reported by verify and per record; it must not lock you out
    except BaseException:
        vault.close()
        raise
    session = Session(vault)
    session.previous_seen = previous
    # A copy someone chose to keep readable follows the plan the other may have changed;
    # failing to refresh it (a read-only folder) must not keep anyone out.
    with contextlib.suppress(TwofoldError, OSError):
        if readable_copy.copies(vault.folder):  # none unless someone chose one
            session.safety.refresh_readable_copies()
    return session


def _usable_folder(value: str | None) -> Path | None:
    """A folder to write backups to: a full path as text (a relative one would land
    wherever the app was started from); None for empty, relative or odd values."""
    if not isinstance(value, str) or not value or "\x00" in value:
        return None
    folder = Path(value)
    return folder if folder.is_absolute() else None


def _note_backup_folder(vault: OpenVault) -> None:
    """Inside the unlock's write: the backup folder as this partner last knew it is
    kept in their own journal; one that changed since (the other partner in Settings,
    or anyone with a SQLCipher tool) is told, once. The first time it is only noted."""
    journal = vault.journal
    assert journal is not None
    chosen = _usable_folder(vault.ledger.setting(BACKUP_FOLDER_KEY))
    now_used = str(chosen) if chosen else ""
    seen = journal.meta(BACKUP_FOLDER_SEEN)
    if seen == now_used:
        return
    journal.set_meta(BACKUP_FOLDER_SEEN, now_used)
    if seen is not None:
        where = now_used or str(default_backup_folder(vault.folder))
        vault.warnings.append(
            f"The daily backups now go to {where}: the folder was changed since you last "
            "unlocked, not by you. If the two of you did not agree on it, choose the "
            "folder again in Settings → Backups."
        )


def _pin_and_see(vault: OpenVault) -> trust.Seen | None:
    """At every unlock: pin the partners on first use (vaults made before pinning) and
    remember the head now in view. Returns the head remembered before."""
    journal = vault.journal
    if journal is None or vault.shared_damage is not None:
        return None
    try:
        previous = trust.last_seen(journal)
        at = vault_files.now()
        with vault.write("Your journal"):
            genesis = vault.ledger.event_at(1)
            if genesis is not None and trust.pinned(journal) is None:
                trust.pin_if_missing(journal, replay.genesis_partners([genesis]), at)
            behind = trust.journal_behind(journal, vault.ledger, vault.partner_id, previous)
            if behind is not None:
                trust.note_behind(journal, behind)
                vault.warnings.append(behind.text())
            seen = trust.note_seen(journal, vault.ledger, at)
            _note_backup_folder(vault)
            if seen is not None and (previous is None or seen.seq != previous.seq):
                keep_retractions_checked(vault)  # a write that happens anyway
    except (DatabaseError, TwofoldError):
        return None  # a damaged ledger is named by verify; it must not lock you out
    return previous
