"""``twofold <command>``: the command line over the services.

Secrets never come from arguments (they would sit in shell history and ``ps``):
passphrases are read from ``--passphrase-file`` (first line) or a hidden prompt.
Every failure prints one line to stderr and exits non-zero.
"""

from __future__ import annotations

import contextlib
import keyword
import os
import sys
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path

from twofold import __version__
from twofold.domain.errors import InvalidInput, TwofoldError
from twofold.services.session import (
    Session,
    create_vault,
    reset_passphrase,
    unlock,
    unlock_session,
)

TYPE_CHECKING = False  # what type checkers assume True: typing is not imported
if TYPE_CHECKING:
    from typing import NoReturn, TextIO

# The rest is imported where it is used: a command pays only for what it runs (the
# demo, backups, the editor, crash reports, the enums of other commands' choices; Qt
# never, the entry point owns the window). ``twofold search`` is the measured case
# (tests/unit/test_cli_start.py keeps it light).

if TYPE_CHECKING:
    import argparse

    from twofold.services.report import Renderer

EXIT_BUG = 70


class Console:
    """Where the command line reads secrets and writes results; tests swap it."""

    def __init__(self, out: TextIO | None = None, err: TextIO | None = None) -> None:
        self.out = out or sys.stdout
        self.err = err or sys.stderr

    def print(self, text: str = "") -> None:
        print(text, file=self.out)

    def warn(self, text: str) -> None:
        print(f"twofold: {text}", file=self.err)

    def status(self, text: str) -> None:
        """What a slow command is doing, on the error stream (the results stay alone on
        standard output)."""
        print(text, file=self.err, flush=True)

    def secret(self, prompt: str) -> str:
        if not sys.stdin.isatty():
            raise InvalidInput("No terminal to ask for the passphrase; use --passphrase-file FILE.")

        import getpass  # only when a terminal is asked

        return getpass.getpass(prompt)

    @property
    def interactive(self) -> bool:
        return sys.stdin.isatty() and self.out.isatty()

    def pause(self, prompt: str) -> None:
        """Wait for Enter on the terminal (a hand-over between partners)."""
        import getpass

        getpass.getpass(prompt)  # nothing typed is echoed or kept

    def clear(self) -> None:
        self.out.write("\033[2J\033[3J\033[H")
        self.out.flush()


def reserve_private_file(path: Path) -> int:
    """Create ``path`` for one recovery code: mode 0600, never over an existing file."""
    try:
        return os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError as exc:
        raise InvalidInput(
            f"{path} already exists; Twofold never overwrites a recovery file. "
            "Name a new file; nothing was created."
        ) from exc
    except OSError as exc:
        raise InvalidInput(f"Cannot create {path}: {exc.strerror}. Nothing was created.") from exc


def sheet_text(label: str, code: str, folder: Path) -> str:
    return (
        f"Twofold recovery code for {label}\n"
        f"Vault: {folder}\n\n"
        f"    {code}\n\n"
        f"Only {label} should ever see this code. With it, anyone can set a new passphrase "
        f"for {label} and read {label}'s private journal. Keep it on paper or where only "
        "you can reach it, then delete this file. Renew it any time with "
        "'twofold renew-recovery' (the old code then stops working).\n"
    )


def write_reserved(fd: int, text: str) -> None:
    try:
        os.write(fd, text.encode("utf-8"))
        os.fsync(fd)
    finally:
        os.close(fd)


MAX_SECRET_FILE = 64 * 1024  # a passphrase file is a line, not a document
MAX_ID = 2**63 - 1  # SQLite's largest integer
EXIT_BROKEN_PIPE = 141  # 128 + SIGPIPE, as a shell pipeline expects
SEARCH_LIMIT = 200  # the newest matches a search lists, as the window does
MAX_SEARCH_LIMIT = 10_000


def _bad_value(message: str) -> Exception:
    """What an argument's type raises for argparse to report (argparse is imported
    only when a command line needs it: see ``quick_parse``)."""
    import argparse

    return argparse.ArgumentTypeError(message)


def _positive(text: str) -> int:
    """A search's --limit: a whole number from 1 to MAX_SEARCH_LIMIT."""
    try:
        value = int(text)
    except ValueError:
        value = 0
    if not 1 <= value <= MAX_SEARCH_LIMIT:
        raise _bad_value(f"a whole number from 1 to {MAX_SEARCH_LIMIT:,}")
    return value


TEXT_VISIBLE = (
    "--text is visible to other users of this computer (the process list) and stays in "
    "your shell history; pipe the text on stdin or leave --text out to use $EDITOR."
)


def read_secret_file(path: Path) -> str:
    """The first line of a UTF-8 file; a byte-order mark is not part of the passphrase."""
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_SECRET_FILE + 1)
    except OSError as exc:
        raise InvalidInput(f"Cannot read the passphrase file {path}: {exc.strerror}.") from exc
    if len(data) > MAX_SECRET_FILE:
        raise InvalidInput(
            f"The passphrase file {path} is larger than {MAX_SECRET_FILE // 1024} KiB; "
            "it should hold the passphrase on its first line."
        )
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InvalidInput(
            f"The passphrase file {path} is not UTF-8 text (byte {exc.start}); save it as "
            "UTF-8 with the passphrase on the first line."
        ) from exc
    text = text.removeprefix("\ufeff")
    if "\x00" in text:
        raise InvalidInput(f"The passphrase file {path} holds binary data, not text.")
    first = text.splitlines()[0] if text else ""
    if not first.strip():
        raise InvalidInput(f"The passphrase file {path} is empty.")
    return first


def record_id(text: str) -> int:
    """A record number as argparse reads it: a positive integer SQLite can hold."""
    try:
        value = int(text)
    except ValueError:
        raise _bad_value(f"{text!r} is not a record number") from None
    if not 1 <= value <= MAX_ID:
        raise _bad_value(f"{text} is not a record number (1 to {MAX_ID})")
    return value


def count(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise _bad_value(f"{text!r} is not a number") from None
    if not 1 <= value <= 1_000_000:
        raise _bad_value(f"{text} is not between 1 and 1,000,000")
    return value


def text_from_editor(console: Console) -> str:
    """``$VISUAL``/``$EDITOR`` on a private temporary file, as ``git commit`` does."""
    editor = os.environ.get("VISUAL") or os.environ.get("EDITOR")
    if not editor:
        raise InvalidInput(
            "No text to write: pipe it on stdin (twofold write < file) or set $EDITOR."
        )
    import shlex
    import subprocess
    import tempfile

    with tempfile.TemporaryDirectory(prefix="twofold-") as folder:
        path = Path(folder) / "entry.md"
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
        try:
            finished = subprocess.run([*shlex.split(editor), str(path)], check=False)
        except OSError as exc:
            raise InvalidInput(
                f"The editor {editor!r} could not be started: {exc.strerror}."
            ) from exc
        if finished.returncode != 0:
            raise InvalidInput("The editor exited with an error; nothing was written.")
        return path.read_text("utf-8", errors="replace")


def _passphrase(args: argparse.Namespace, console: Console, who: str, index: int = 0) -> str:
    files: list[Path] = args.passphrase_file or []
    if index < len(files):
        return read_secret_file(files[index])
    return console.secret(f"Passphrase for {who}: ")


def _new_passphrase(console: Console, who: str, given: Path | None) -> str:
    if given is not None:
        return read_secret_file(given)
    first = console.secret(f"New passphrase for {who}: ")
    if console.secret("Type it again: ") != first:
        raise InvalidInput("The two passphrases differ; nothing was changed.")
    return first


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError as exc:
        raise InvalidInput(f"{text!r} is not a date like 2026-03-31.") from exc


def _check_new_file(path: Path) -> None:
    if path.exists():
        raise InvalidInput(f"{path} already exists; name a new file.")
    if not path.parent.is_dir():
        raise InvalidInput(f"{path.parent} does not exist.")


def _write_private(path: Path, text: str) -> None:
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(text)


class Commands:
    def __init__(self, console: Console, pdf: Renderer | None = None) -> None:
        self.console = console
        self.pdf = pdf  # the PDF layout (Qt), handed in by the entry point

    def _pdf_renderer(self) -> Renderer:
        if self.pdf is None:
            raise InvalidInput(
                "PDF needs Qt, which this command line was started without; "
                "choose --format markdown or json."
            )
        return self.pdf

    def _unlock(self, args: argparse.Namespace) -> Session:
        return self._told(unlock(args.vault, args.who, _passphrase(args, self.console, args.who)))

    def _unlock_together(self, args: argparse.Namespace) -> Session:
        """The shared ledger alone (either partner's passphrase)."""
        passphrase = _passphrase(args, self.console, args.who)
        return self._told(unlock_session(args.vault, passphrase, args.who))

    def _told(self, session: Session) -> Session:
        """What the unlock found worth saying (an edited name in keyslots.json, the
        backup folder changed by someone else), as every command says it."""
        for warning in session.warnings:
            self.console.warn(warning)
        return session

    def _unsigned_warning(self, count: int) -> None:
        self.console.warn(
            f"{count} item(s) of the shared timeline were left out: what shared.db holds "
            "for them is not what was signed (changed outside Twofold, behind your back). "
            "Run 'twofold verify'."
        )

    def _auto_backup(self, session: Session) -> None:
        try:
            session.auto_backup()
        except TwofoldError as exc:
            self.console.warn(f"today's automatic backup failed: {exc}")

    def init(self, args: argparse.Namespace) -> int:
        """Each code reaches only its owner: a file each partner names
        (``--recovery-file``, once per partner, in partner order, mode 0600), or on a
        terminal one at a time, after the hand-over. Never both codes to stdout."""
        names: list[str] = args.partner
        if len(names) != 2:
            raise InvalidInput("Name both partners: --partner NAME --partner NAME.")
        targets: list[Path] = args.recovery_file or []
        if len(targets) not in (0, 2):
            raise InvalidInput(
                "Give --recovery-file once per partner, in the order of --partner "
                "(each partner names the file their own code goes to)."
            )
        if targets and targets[0].resolve() == targets[1].resolve():
            raise InvalidInput("The two partners' recovery files must differ.")
        if not targets and not self.console.interactive:
            raise InvalidInput(
                "Where should each partner's recovery code go? Give --recovery-file FILE once "
                "per partner, or run 'twofold init' on a terminal so each of you reads your "
                "own code in turn. Nothing was created."
            )
        files: list[Path] = args.passphrase_file or []
        partners = [
            (
                name,
                read_secret_file(files[i])
                if i < len(files)
                else _new_passphrase(self.console, name, None),
            )
            for i, name in enumerate(names)
        ]
        reserved: list[int] = []
        try:
            for path in targets:
                reserved.append(reserve_private_file(path))
        except BaseException:
            for fd, path in zip(reserved, targets, strict=False):
                os.close(fd)
                path.unlink(missing_ok=True)
            raise
        try:
            created = create_vault(args.vault, partners)
        except BaseException:
            for fd, path in zip(reserved, targets, strict=False):
                os.close(fd)
                path.unlink(missing_ok=True)
            raise
        codes = list(created.recovery_codes.items())
        self.console.print(f"Created a vault for {names[0]} and {names[1]} at {args.vault}")
        if reserved:
            for fd, (label, code) in zip(reserved, codes, strict=True):
                write_reserved(fd, sheet_text(label, code, args.vault))
            for path, (label, _) in zip(targets, codes, strict=True):
                self.console.print(f"{label}'s recovery code is in {path} (readable only by you).")
            self.console.print("Each of you: copy your code to paper, then delete the file.")
            return 0
        for index, (label, code) in enumerate(codes):
            other = codes[1 - index][0]
            self.console.print("")
            self.console.pause(
                f"{other}, please look away. {label}: press Enter when only you see the screen. "
            )
            self.console.print(sheet_text(label, code, args.vault))
            self.console.pause(f"{label}: press Enter once your code is on paper. ")
            self.console.clear()
        self.console.print("Both recovery codes were shown, each to its owner only.")
        return 0

    def write(self, args: argparse.Namespace) -> int:
        if args.text is not None:
            self.console.warn(TEXT_VISIBLE)
            text = args.text
        elif sys.stdin.isatty():
            text = text_from_editor(self.console)
        else:
            text = sys.stdin.read()
        if not text.strip():
            raise InvalidInput("The entry is empty; nothing was written.")
        from twofold.domain.records import RecordKind

        session = self._unlock(args)
        try:
            assert session.journal is not None
            record_id = session.journal.write(
                text, RecordKind(args.kind), args.feeling or (), args.tag or ()
            )
            self.console.print(str(record_id))
            self._auto_backup(session)
        finally:
            session.lock()
        return 0

    def list(self, args: argparse.Namespace) -> int:
        if args.shared:
            from twofold.domain.timeline_text import headline

            session = self._unlock_together(args)
            try:
                items = session.timeline.page(0, args.limit)
                unsigned = session.timeline.unsigned(items)
                for item in items:
                    when = item.occurred_at.astimezone().strftime("%Y-%m-%d %H:%M")
                    if item.event_id in unsigned or item.unverified:
                        body = "(not shown: it differs from its signed event)"
                    elif item.retracted:
                        body = "(retracted by its author)"
                    else:
                        body = headline(item)
                    first = body.splitlines()[0] if body else ""
                    self.console.print(
                        f"{item.event_id}  {when}  {item.author_label:<10} "
                        f"{item.kind.label:<18} {first}"
                    )
                if unsigned:
                    self._unsigned_warning(len(unsigned))
                    return 4
            finally:
                session.lock()
            return 0
        session = self._unlock(args)
        try:
            assert session.journal is not None
            listing = session.journal.listing(0, args.limit)
            for record in listing.records:
                when = record.created_at.astimezone().strftime("%Y-%m-%d %H:%M")
                marks = " [shared]" if record.shared else (" [outbox]" if record.in_outbox else "")
                self.console.print(
                    f"#{record.id:<5} {when}  {record.kind.label:<16} {record.title}{marks}"
                )
            for damaged in listing.damaged:
                self.console.warn(
                    f"record #{damaged.id} is damaged and cannot be read; the others are fine. "
                    "Run 'twofold verify'."
                )
            return 4 if listing.damaged or session.shared_damage else 0
        finally:
            session.lock()

    def checkins(self, args: argparse.Namespace) -> int:
        """Revealed check-ins of both partners, your own sealed ones, and where your
        partner has answered but the answers are not revealed yet (never their words)."""
        from twofold.domain.checkins import CheckinKind

        session = self._unlock(args)
        try:
            labels = session.partner_labels
            for kind in CheckinKind:
                status = session.checkins.period(kind)
                if status.message:
                    self.console.print(f"[{kind.value}] {status.message}")
            for checkin in session.checkins.my_sealed():
                self.console.print(
                    f"{checkin.day}  {session.partner_label:<10} {checkin.kind.value:<8} "
                    "(sealed: yours only until you have both answered)"
                )
                for question, answer in checkin.answers:
                    if answer:
                        self.console.print(f"    {question} — {answer}")
            for checkin in session.checkins.recent(limit=args.limit):
                who = labels.get(checkin.author, "?")
                self.console.print(f"{checkin.day}  {who:<10} {checkin.kind.value:<8}")
                for question, answer in checkin.answers:
                    if answer:
                        self.console.print(f"    {question} — {answer}")
        finally:
            session.lock()
        return 0

    def withdraw(self, args: argparse.Namespace) -> int:
        session = self._unlock(args)
        try:
            session.timeline.withdraw(args.event_id)
            self.console.print("Withdrawn: its words are gone; a signed trace stays.")
        finally:
            session.lock()
        return 0

    def search(self, args: argparse.Namespace) -> int:
        session = self._unlock(args)
        try:
            hits = session.search(" ".join(args.query), limit=args.limit)
            unsigned = session.timeline.unsigned_words(
                [(h.ref, h.author_label, h.when, h.text) for h in hits if h.source == "shared"]
            )
            for hit in hits:
                if hit.source == "shared" and hit.ref in unsigned:
                    continue
                when = hit.when.astimezone().strftime("%Y-%m-%d")
                ref = f"#{hit.ref}" if hit.source == "private" else hit.ref[:8]
                snippet = " ".join(hit.snippet.split())
                self.console.print(
                    f"[{hit.source}] {ref:<8} {when}  {hit.author_label:<10} {snippet}"
                )
            if len(hits) >= args.limit:  # never let the newest N pass for all of them
                self.console.warn(
                    f"these are the newest {args.limit} matches; there may be more: "
                    "add a word to narrow the search, or use --limit"
                )
            for source in hits.unsearched:
                part = "your journal" if source == "private" else "the shared timeline"
                self.console.warn(
                    f"{part} could not be searched: its search index is damaged or was "
                    "altered, so its matches are missing; the other matches are above. "
                    "Run 'twofold verify'."
                )
            if unsigned:
                self._unsigned_warning(len(unsigned))
            if hits.unsearched or unsigned:
                return 4
            if not hits:
                self.console.warn("no matches")
                return 1
            return 0
        finally:
            session.lock()

    def share(self, args: argparse.Namespace) -> int:
        if args.text is not None:
            self.console.warn(TEXT_VISIBLE)
        session = self._unlock(args)
        try:
            assert session.sharing is not None
            # Nothing is written before the one transaction that shares: an interrupted
            # share (Ctrl-C, a kill, a closed terminal) leaves nothing behind.
            preview = session.sharing.direct(args.record_id, args.text, args.request or "")
            self.console.print(preview.summary + ":")
            for entry in preview.items:
                self.console.print("")
                self.console.print(entry.shared_text)
                if entry.request:
                    self.console.print(f"  Request: {entry.request}")
            if sys.stdin.isatty() and not args.yes:
                answer = input("\nShare this now? [y/N] ").strip().lower()
                if answer not in ("y", "yes"):
                    self.console.warn("nothing was shared")
                    return 1
            event_ids = session.sharing.confirm_direct(preview)
            self.console.print("")
            self.console.print(f"Shared. Ledger event {event_ids[0]}")
            self._auto_backup(session)
        finally:
            session.lock()
        return 0

    def retract(self, args: argparse.Namespace) -> int:
        session = self._unlock(args)
        try:
            session.timeline.retract(args.event_id)
            self.console.print("Retracted. The content is gone; a signed retraction remains.")
        finally:
            session.lock()
        return 0

    def export(self, args: argparse.Namespace) -> int:
        if args.what == "journal":
            return self._export_journal(args)
        return self._export_report(args)

    def _export_journal(self, args: argparse.Namespace) -> int:
        from twofold.domain.records import JournalFormat

        if args.format not in (None, *(f.value for f in JournalFormat)):
            raise InvalidInput("Your journal exports as markdown, markdown-months or json.")
        fmt = JournalFormat(args.format or "markdown")
        session = self._unlock(args)
        try:
            result = session.export_journal(args.out, fmt, with_history=args.history)
        finally:
            session.lock()
        self.console.print(f"Exported {result.entries} entries ({fmt.label}) to {result.folder}.")
        self.console.warn(
            "these files are NOT encrypted: anyone who can open them can read your journal"
        )
        return 0

    def _export_report(self, args: argparse.Namespace) -> int:
        from twofold.domain.report import ReportFormat, ReportRequest, ReportSection

        if args.start is None or args.end is None:
            raise InvalidInput("Give the report's range: --from YYYY-MM-DD --to YYYY-MM-DD.")
        if args.format not in (None, *(f.value for f in ReportFormat)):
            raise InvalidInput("A report is made as pdf, markdown or json.")
        fmt = ReportFormat(args.format or "pdf")
        sections = tuple(
            ReportSection(s) for s in (args.section or [s.value for s in ReportSection])
        )
        request = ReportRequest(
            _day(args.start), _day(args.end), sections, fmt, tuple(args.private or ())
        )
        pdf = self._pdf_renderer() if fmt == ReportFormat.PDF else None
        session = self._unlock(args) if request.private_records else self._unlock_together(args)
        try:
            departed = session.reports.departure()
            if departed is not None:
                other_passphrase = ""  # they left: no second signature is possible
            elif args.partner_passphrase_file:
                other_passphrase = read_secret_file(args.partner_passphrase_file)
            else:
                other = session.reports.other_label()
                other_passphrase = self.console.secret(
                    f"{other}, to agree to this export type your own passphrase: "
                )
            self.console.status(
                "Checking the shared ledger against your signatures, then making the report…"
            )
            result = session.reports.export(
                request, args.out, other_passphrase, pdf=pdf, overwrite=args.overwrite
            )
        finally:
            session.lock()
        self.console.print(f"Report written to {result.path} ({request.describe()}).")
        if departed is not None:
            self.console.print(
                f"SHA-256 {result.sha256}; made by you alone, after {departed.text}: the "
                "report and the ledger say so."
            )
        else:
            self.console.print(
                f"SHA-256 {result.sha256}; the export is signed by both in the ledger."
            )
        self.console.warn("the report is NOT encrypted: keep it safe and delete it when done")
        return 0

    def _typed_confirmation(self, args: argparse.Namespace, expected: str, what: str) -> str:
        if args.confirm is not None:
            return str(args.confirm)
        if not sys.stdin.isatty():
            raise InvalidInput(f'{what} is final: add --confirm "{expected}" to confirm.')
        return input(f'{what} is final. Type "{expected}" to confirm: ')

    def leave(self, args: argparse.Namespace) -> int:
        from twofold.domain.report import ReportFormat
        from twofold.services.ending import CONFIRM_LEAVE

        if args.delete_journal:
            return self._delete_journal(args)
        if args.partner_recovery_file is None:
            raise InvalidInput(
                "Leaving gives your partner a new recovery code: name a new file for it with "
                "--partner-recovery-file FILE (it is written only there, readable only by you)."
            )
        _check_new_file(args.partner_recovery_file)
        session = self._unlock(args)
        try:
            other = session.reports.other_label()
            confirmation = self._typed_confirmation(args, CONFIRM_LEAVE, "Leaving the vault")
            other_passphrase = (
                read_secret_file(args.partner_passphrase_file)
                if args.partner_passphrase_file
                else self.console.secret(f"{other}, type your own passphrase to agree: ")
            )
            fmt = ReportFormat(args.copy_format)
            pdf = (
                self._pdf_renderer()
                if args.copy_to is not None and fmt == ReportFormat.PDF
                else None
            )
            outcome = session.leave(
                confirmation,
                other_passphrase,
                copy_to=args.copy_to,
                copy_format=fmt,
                pdf=pdf,
            )
        finally:
            session.lock()
        _write_private(args.partner_recovery_file, outcome.remaining_recovery_code + "\n")
        if outcome.copy is not None:
            self.console.print(
                f"Your read-only copy of the shared history is at {outcome.copy.path} "
                "(NOT encrypted)."
            )
        self.console.print(
            f"You have left the vault. {outcome.remaining_label}'s ledger has a new key; "
            f"their new recovery code is in {args.partner_recovery_file}."
        )
        return 0

    def _delete_journal(self, args: argparse.Namespace) -> int:
        from twofold.services.ending import CONFIRM_SHRED

        if args.recovery_file is not None:
            _check_new_file(args.recovery_file)
        session = self._unlock(args)
        try:
            self.console.print(
                "Tip: 'twofold export journal' first if you want to keep a copy (not encrypted)."
            )
            confirmation = self._typed_confirmation(
                args, CONFIRM_SHRED, "Deleting your private journal"
            )
            code = session.shred_journal(confirmation, _passphrase(args, self.console, args.who))
        finally:
            session.lock()
        self.console.print("Your private journal was deleted for good; a new, empty one is ready.")
        if args.recovery_file is not None:
            _write_private(args.recovery_file, code + "\n")
            self.console.print(f"Your new recovery code is in {args.recovery_file}.")
        else:
            self.console.print(f"Your new recovery code (write it down now): {code}")
        self.console.warn(
            "backups made before today still hold the old journal; delete them if you want "
            "it gone from them too"
        )
        return 0

    def import_(self, args: argparse.Namespace) -> int:
        # Parsed before the passphrase is asked: a malformed file fails at once.
        from twofold.services.imports import read_source

        parsed = read_source(args.source, args.timezone)
        session = self._unlock(args)
        try:
            if session.imports is None:
                raise InvalidInput("Imports go into your private journal.")
            preview = session.imports.preview(args.source, parsed)
            self.console.print(preview.summary() + ".")
            for line in preview.skipped():
                self.console.print(f"  skipped: {line}")
            for note in parsed.notes:
                self.console.print(f"  note: {note}")
            if args.dry_run or not preview.new:
                if not preview.new:
                    self.console.print("Nothing new to import.")
                return 0
            if sys.stdin.isatty() and not args.yes:
                answer = input(f"Import {len(preview.new)} entries? [y/N] ").strip().lower()
                if answer not in ("y", "yes"):
                    self.console.warn("nothing was imported")
                    return 1
            result = session.imports.run(preview)
            self.console.print(f"Imported {result.added} entries into your private journal.")
            self._auto_backup(session)
            self._merge_search_index(session)
        finally:
            session.lock()
        return 0

    def _merge_search_index(self, session: Session) -> None:
        """An import merges nothing into the search index (it stays fast); the window
        merges after it in the background. Here, now: otherwise a later save from the
        command line would do it inside that save (FTS5's crisis merge, seconds on a
        long journal). Ctrl+C stops it between two steps; the next unlock goes on."""
        tidy = session.search_tidier()
        if tidy is None:
            return
        self.console.print("Merging the search index, so searching and saving stay fast…")
        try:
            tidy()
        except KeyboardInterrupt:
            self.console.warn("stopped; the next unlock in the app merges the rest")

    def verify(self, args: argparse.Namespace) -> int:
        session = self._unlock(args)
        try:
            report = session.verify()
        finally:
            session.lock()
        for line in report.lines():
            self.console.print(line)
        if not report.ok:
            failed = next(detail for _, ok, detail in report.checks if not ok)
            self.console.warn(f"verification failed: {failed}")
            return 4
        return 0

    def backup(self, args: argparse.Namespace) -> int:

        from twofold.services import backups

        path = backups.backup_now(args.vault, args.to, overwrite=args.force)
        self.console.print(f"Backup written to {path} (encrypted, checked).")
        return 0

    def restore(self, args: argparse.Namespace) -> int:

        from twofold.services import backups

        backups.restore(args.file, args.vault)
        self.console.print(f"Restored into {args.vault}. Unlock it as usual.")
        return 0

    def demo(self, args: argparse.Namespace) -> int:

        from twofold.services.demo import create_demo

        made = create_demo(args.vault)
        self.console.print(f"Demo vault created at {made.folder}")
        for label, passphrase in made.passphrases.items():
            self.console.print(f"  {label}'s passphrase: {passphrase}")
        self.console.print(f"Try: twofold list --shared --vault {made.folder} --as Alex")
        return 0

    def _hand_over_code(self, who: str, code: str, target: Path | None, folder: Path) -> None:
        """A new code for the partner at the terminal (who just proved who they are)."""
        if target is not None:
            fd = reserve_private_file(target)
            write_reserved(fd, sheet_text(who, code, folder))
            self.console.print(f"Your new recovery code is in {target} (readable only by you).")
            return
        self.console.print(f"Your new recovery code (write it down now): {code}")

    def reset_passphrase(self, args: argparse.Namespace) -> int:
        code = (
            read_secret_file(args.recovery_file)
            if args.recovery_file
            else self.console.secret(f"Recovery code for {args.who}: ")
        )
        new = _new_passphrase(self.console, args.who, args.new_passphrase_file)
        fd = reserve_private_file(args.new_recovery_file) if args.new_recovery_file else None
        try:
            session, new_code = reset_passphrase(args.vault, args.who, code, new)
        except BaseException:
            if fd is not None:
                os.close(fd)
                args.new_recovery_file.unlink(missing_ok=True)
            raise
        session.lock()
        self.console.print(
            f"New passphrase and journal key set for {args.who}. The old passphrase and "
            "recovery code no longer open anything current."
        )
        self._hand_over_new_code(args, fd, new_code)
        self._backup_advice()
        return 0

    def _hand_over_new_code(self, args: argparse.Namespace, fd: int | None, code: str) -> None:
        """Into the file its owner named (reserved 0600 before anything changed), or
        on the terminal of the partner who asked for it."""
        if fd is not None:
            write_reserved(fd, sheet_text(args.who, code, args.vault))
            self.console.print(f"Your new recovery code is in {args.new_recovery_file}.")
        else:
            self.console.print(f"Your new recovery code (write it down now): {code}")

    def change_passphrase(self, args: argparse.Namespace) -> int:
        new = _new_passphrase(self.console, args.who, args.new_passphrase_file)
        fd = reserve_private_file(args.new_recovery_file) if args.new_recovery_file else None
        session: Session | None = None
        try:
            session = self._unlock(args)
            code = session.change_passphrase(new)
        except BaseException:
            if fd is not None:
                os.close(fd)
                args.new_recovery_file.unlink(missing_ok=True)
            raise
        finally:
            if session is not None:
                session.lock()
        self.console.print(
            f"Passphrase changed for {args.who}, with a new journal key and a new recovery "
            "code: the old passphrase and code no longer open anything current."
        )
        self._hand_over_new_code(args, fd, code)
        self._backup_advice()
        return 0

    def renew_recovery(self, args: argparse.Namespace) -> int:
        passphrase = _passphrase(args, self.console, args.who)
        fd = reserve_private_file(args.new_recovery_file) if args.new_recovery_file else None
        session: Session | None = None
        try:
            session = unlock(args.vault, args.who, passphrase)
            code = session.renew_recovery_code(passphrase)
        except BaseException:
            if fd is not None:
                os.close(fd)
                args.new_recovery_file.unlink(missing_ok=True)
            raise
        finally:
            if session is not None:
                session.lock()
        self.console.print(
            f"New recovery code for {args.who}; the old code no longer opens anything current."
        )
        self._hand_over_new_code(args, fd, code)
        self._backup_advice()
        return 0

    def replace_backups(self, args: argparse.Namespace) -> int:
        session = self._unlock(args)
        try:
            result = session.replace_backups()
        finally:
            session.lock()
        self.console.print(
            f"Replaced {len(result.replaced)} automatic backup(s) with one made now: "
            f"{result.path}. Copies kept elsewhere (other disks, cloud folders) still hold "
            "what they held; delete them yourself."
        )
        return 0

    def _backup_advice(self) -> None:
        self.console.print(
            "Backups made before this change still open with the old passphrase or code "
            "(as the journal was then). Replace the automatic ones with "
            "'twofold replace-backups', and delete copies kept elsewhere."
        )


class UsageError(InvalidInput):
    """A command line argparse could not read: one line, exit 2, nothing done."""


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The parser for every command, or with ``only`` for that one command alone: what
    running it needs (a command then pays neither for the other commands' arguments
    nor for the imports their choices need). A name that is no command builds all, so
    argparse names the choices."""
    import argparse

    class _Parser(argparse.ArgumentParser):
        def error(self, message: str) -> NoReturn:
            raise UsageError(f"{message} (see '{self.prog} --help')")

    parser = _Parser(
        prog="twofold",
        description="A private journal for two, with a shared, signed ledger. "
        "Run without a command to open the app.",
    )
    parser.add_argument("--version", action="version", version=f"twofold {__version__}")
    parser.add_argument("--demo", action="store_true", help="open the app on a fresh demo vault")
    parser.add_argument("--vault", type=Path, default=None, help="vault folder for the app")
    parser.add_argument(
        "--in-tray",
        action="store_true",
        help="start in the system tray, locked (how start-at-login opens the app)",
    )
    parser.add_argument(
        "--self-check",
        action="store_true",
        help="check this installation on a temporary vault (also the app's window) and exit",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    built: list[str] = []

    def command(
        name: str, text: str, *, who: bool = True, secret: bool = True
    ) -> argparse.ArgumentParser | None:
        if only is not None and name != only:
            return None
        built.append(name)
        p = sub.add_parser(name, help=text, description=text)
        p.add_argument("--vault", type=Path, help="vault folder (default: the app's own)")
        if who:
            p.add_argument("--as", dest="who", required=True, metavar="NAME", help="who you are")
        if secret:
            p.add_argument(
                "--passphrase-file",
                type=Path,
                action="append",
                metavar="FILE",
                help="read the passphrase from the first line of FILE",
            )
        return p

    if p := command("init", "create a vault for two partners", who=False):
        p.add_argument("--partner", action="append", required=True, metavar="NAME")
        p.add_argument(
            "--recovery-file",
            type=Path,
            action="append",
            metavar="FILE",
            help="where this partner's recovery code goes (once per partner, in partner order; "
            "created readable only by you, never overwritten)",
        )
    if p := command("write", "write a private entry (text from stdin, else $EDITOR)"):
        from twofold.domain.records import RecordKind

        p.add_argument("--text", help="the text itself (visible to other local users: avoid)")
        p.add_argument("--kind", choices=[k.value for k in RecordKind], default="reflection")
        p.add_argument("--feeling", action="append", metavar="WORD")
        p.add_argument("--tag", action="append", metavar="WORD")
    if p := command("list", "list your private entries, or the shared timeline"):
        p.add_argument("--shared", action="store_true", help="the shared timeline instead")
        p.add_argument("--limit", type=count, default=50)
    if p := command("search", "search your journal and the shared ledger"):
        p.add_argument("query", nargs="+")
        p.add_argument(
            "--limit",
            type=_positive,
            default=SEARCH_LIMIT,
            help=f"list at most this many of the newest matches (default {SEARCH_LIMIT})",
        )
    if p := command("share", "share one entry (or the version given with --text)"):
        p.add_argument("record_id", type=record_id, metavar="RECORD_ID")
        p.add_argument("--text", help="the version your partner will read")
        p.add_argument("--request", help="what you ask for, e.g. 'I'd like us to talk about…'")
        p.add_argument("--yes", action="store_true", help="do not ask before sharing")
    if p := command("retract", "retract one of your shared reflections"):
        p.add_argument("event_id", metavar="EVENT_ID")
    if p := command("checkins", "check-ins: both partners' once revealed, your own sealed ones"):
        p.add_argument("--limit", type=int, default=50)
    if p := command("withdraw", "withdraw something you wrote on the shared ledger"):
        p.add_argument("event_id", metavar="EVENT_ID")
    command("verify", "check files, ledger chain and signatures")
    if p := command("backup", "write one encrypted backup file", who=False, secret=False):
        p.add_argument("--to", type=Path, required=True, metavar="FILE")
        p.add_argument("--force", action="store_true", help="replace an existing backup file")
    if p := command("restore", "restore a backup into a new folder", who=False, secret=False):
        p.add_argument("file", type=Path, metavar="FILE")
    command("demo", "create a populated demo vault", who=False, secret=False)
    new_code_help = "write your new recovery code to FILE (mode 0600, never overwritten)"
    if p := command(
        "reset-passphrase", "set a new passphrase with your recovery code", secret=False
    ):
        p.add_argument("--recovery-file", type=Path, metavar="FILE")
        p.add_argument("--new-passphrase-file", type=Path, metavar="FILE")
        p.add_argument("--new-recovery-file", type=Path, metavar="FILE", help=new_code_help)
    if p := command(
        "export",
        "export a report for a therapist (both partners sign), or your own journal as files",
    ):
        from twofold.domain.records import JournalFormat
        from twofold.domain.report import ReportFormat, ReportSection

        p.add_argument("what", choices=["report", "journal"])
        p.add_argument(
            "--out",
            type=Path,
            required=True,
            metavar="PATH",
            help="file (report) or new folder (journal)",
        )
        p.add_argument(
            "--format",
            choices=[f.value for f in ReportFormat]
            + [f.value for f in JournalFormat if f.value != "json"],
            help="report: pdf (default), markdown, json; journal: markdown (default), markdown-months, json",
        )
        p.add_argument("--from", dest="start", metavar="YYYY-MM-DD", help="report: first day")
        p.add_argument("--to", dest="end", metavar="YYYY-MM-DD", help="report: last day")
        p.add_argument(
            "--section",
            action="append",
            choices=[s.value for s in ReportSection],
            help="report: a part to include (repeat; default: all)",
        )
        p.add_argument(
            "--private",
            action="append",
            type=int,
            metavar="RECORD_ID",
            help="report: one of YOUR private entries to include (repeat; see 'twofold list')",
        )
        p.add_argument(
            "--partner-passphrase-file",
            type=Path,
            metavar="FILE",
            help="report: the other partner's passphrase, which signs their agreement",
        )
        p.add_argument("--overwrite", action="store_true", help="report: replace an existing file")
        p.add_argument("--history", action="store_true", help="journal: include earlier versions")
    if p := command(
        "import",
        "import a Day One export (.zip/.json), a jrnl export (.json/.txt), Markdown or text "
        "files, or a folder of them, into your private journal",
    ):
        p.add_argument("source", type=Path, metavar="FILE_OR_FOLDER")
        p.add_argument(
            "--dry-run", action="store_true", help="show what would be imported; write nothing"
        )
        p.add_argument("--yes", action="store_true", help="do not ask before importing")
        p.add_argument(
            "--timezone",
            metavar="ZONE",
            help="zone for times given without one (default: this computer's)",
        )
    if p := command(
        "leave",
        "leave the vault (your partner, present, agrees with their passphrase), or with "
        "--delete-journal delete your private journal for good",
    ):
        from twofold.domain.report import ReportFormat

        p.add_argument(
            "--delete-journal",
            action="store_true",
            help="only delete your private journal (crypto-shred); you stay in the vault",
        )
        p.add_argument("--confirm", metavar="TEXT", help='"leave" or "delete my journal"')
        p.add_argument(
            "--partner-passphrase-file", type=Path, metavar="FILE", help="your partner's passphrase"
        )
        p.add_argument(
            "--partner-recovery-file",
            type=Path,
            metavar="FILE",
            help="a new file for your partner's new recovery code (mode 0600)",
        )
        p.add_argument(
            "--recovery-file",
            type=Path,
            metavar="FILE",
            help="--delete-journal: a new file for your own new recovery code",
        )
        p.add_argument(
            "--copy-to",
            type=Path,
            metavar="FILE",
            help="first take a read-only copy of the shared history up to today",
        )
        p.add_argument("--copy-format", choices=[f.value for f in ReportFormat], default="pdf")
    if p := command("change-passphrase", "change your passphrase (also gives a new recovery code)"):
        p.add_argument("--new-passphrase-file", type=Path, metavar="FILE")
        p.add_argument("--new-recovery-file", type=Path, metavar="FILE", help=new_code_help)
    command(
        "replace-backups",
        "replace the automatic backups with one made now (after a key change, retraction "
        "or deletion)",
    )
    if p := command("renew-recovery", "replace your recovery code (the old one stops working)"):
        p.add_argument("--new-recovery-file", type=Path, metavar="FILE", help=new_code_help)
    if only is not None and not built:
        return build_parser()
    return parser


# The plain command lines of the commands run most often are read without argparse:
# its import, gettext's look-ups of translation files and building the parser were
# about a tenth of a `twofold search`'s start (issue 17). ``quick_parse`` gives the
# namespace argparse would give for exactly these; anything else (help, a typo, an
# abbreviation, a value argparse refuses, words after an option that followed words,
# ``--``) returns None, and argparse reads the line and answers as it always did.
# tests/unit/test_cli_start.py holds the two to the same namespaces.
_QUICK_COMMON = {"--vault": "vault", "--as": "who", "--passphrase-file": "passphrase_file"}
_QUICK: dict[str, tuple[dict[str, Callable[[str], object]], dict[str, str], bool]] = {
    # command: (options with a value -> their type, flags -> their name, takes words)
    "search": ({"--limit": _positive}, {}, True),
    "list": ({"--limit": count}, {"--shared": "shared"}, False),
}
_QUICK_DEFAULTS: dict[str, dict[str, object]] = {
    "search": {"limit": SEARCH_LIMIT},
    "list": {"shared": False, "limit": 50},
}


def quick_parse(argv: Sequence[str]) -> argparse.Namespace | None:
    """The namespace of a plain ``search`` or ``list`` command line, or None when
    argparse should read it (see above)."""
    if not argv or argv[0] not in _QUICK:
        return None
    command = argv[0]
    typed, flags, takes_words = _QUICK[command]
    values: dict[str, object] = {
        "demo": False,
        "vault": None,
        "in_tray": False,
        "self_check": False,
        "command": command,
        "who": None,
        "passphrase_file": None,
        **_QUICK_DEFAULTS[command],
    }
    files: list[Path] = []
    words: list[str] = []
    words_ended = False  # an option after the words: argparse refuses more words
    tokens = iter(argv[1:])
    for token in tokens:
        if not token.startswith("-"):
            if words_ended or not takes_words:
                return None
            words.append(token)
            continue
        name, has_value, value = token.partition("=")
        words_ended = bool(words)
        if name in flags and not has_value:
            values[flags[name]] = True
            continue
        if name not in _QUICK_COMMON and name not in typed:
            return None
        if not has_value:
            value = next(tokens, "-")
            if value.startswith("-"):  # none, or what argparse may read as an option
                return None
        if name == "--vault":
            values["vault"] = Path(value)
        elif name == "--as":
            values["who"] = value
        elif name == "--passphrase-file":
            files.append(Path(value))
        else:
            try:
                values[name.removeprefix("--")] = typed[name](value)
            except Exception:  # argparse reads it again and reports it
                return None
    if values["who"] is None or (takes_words and not words):
        return None  # argparse names what is missing
    if files:
        values["passphrase_file"] = files
    if takes_words:
        values["query"] = words
    from types import SimpleNamespace

    return SimpleNamespace(**values)  # type: ignore[return-value]  # read as a Namespace


GuiCheck = Callable[[Callable[[str], None]], bool]


def self_check(console: Console, gui_check: GuiCheck | None) -> int:
    """The installation check; the window's part is given by the entry point, so the
    command line itself never imports Qt."""
    from twofold.services.selfcheck import run_self_check

    passed = run_self_check(console.print)
    if passed and gui_check is not None:
        passed = gui_check(console.print)
    return 0 if passed else 1


def run(
    argv: Sequence[str],
    *,
    console: Console | None = None,
    open_app: Callable[[argparse.Namespace], int] | None = None,
    gui_check: GuiCheck | None = None,
    pdf: Renderer | None = None,
) -> int:
    """Parse and run one command. ``pdf`` lays out a report as PDF (Qt, so the entry
    point hands it in). Tests lower the KDF cost with twofold.services.kdf, never here."""
    from twofold.services.paths import default_vault_folder

    console = console or Console()
    args = quick_parse(argv)
    if args is None:
        parser = build_parser(argv[0] if argv and not argv[0].startswith("-") else None)
        try:
            args = parser.parse_args(list(argv))
        except UsageError as exc:
            console.warn(str(exc))
            return exc.exit_code
        except SystemExit as exc:  # --help, --version
            return exc.code if isinstance(exc.code, int) else 0
    if args.command is not None and getattr(args, "vault", None) is None:
        args.vault = default_vault_folder()
    try:
        if args.command is None and args.self_check:
            return self_check(console, gui_check)
        if args.command is None:
            if open_app is None:
                build_parser().print_help(console.out)
                return 0
            return open_app(args)
        name = args.command.replace("-", "_")
        handler = getattr(Commands(console, pdf), name + "_" if keyword.iskeyword(name) else name)
        return int(handler(args))
    except TwofoldError as exc:
        console.warn(str(exc))
        return exc.exit_code
    except KeyboardInterrupt:
        console.warn("interrupted; nothing half-done was kept")
        return 130
    except BrokenPipeError:
        # `twofold list | head`: the reader has all it wanted. Say nothing more on a
        # closed pipe, and keep Python from complaining about it at exit.
        _silence_stdout(console)
        return EXIT_BROKEN_PIPE
    except Exception as exc:  # a bug: say so plainly, keep the traceback out of sight
        if os.environ.get("TWOFOLD_DEBUG"):
            import traceback

            traceback.print_exc()
        report = _report_bug(exc)
        console.warn(
            f"unexpected error ({type(exc).__name__}): this is a bug in Twofold, please "
            f"report it. Your data was not changed by this failure.{report}"
        )
        return EXIT_BUG


def _report_bug(exc: BaseException) -> str:
    """Log the bug and write its report (types and code locations only)."""
    from twofold.services import diagnostics

    try:
        diagnostics.setup_logging()
        diagnostics.log_failure("cli", exc, bug=True)
        path = diagnostics.write_crash_report(exc)
    except OSError:
        return ""
    return f" A report without your words is in {path}." if path else ""


def _silence_stdout(console: Console) -> None:
    if console.out is sys.stdout:
        with contextlib.suppress(OSError, ValueError):
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
            os.close(devnull)
