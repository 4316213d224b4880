"""The benchmark: the ten-year vault against DESIGN §6's budgets, jrnl and the floor.

    uv run python -m tests.benchmarks                 # full run (about 40 minutes, loaded)
    uv run python -m tests.benchmarks --quick         # tiny vault, no jrnl, no growth
    uv run python -m tests.benchmarks --only pages,export,import --out late.md
                                                      # selected rows only

``--only`` takes a comma-separated list of row groups (``GROUPS`` below; unknown
names are refused with the list): the table then holds those rows only, measured as in
a full run, so rows touched late in a session can be refreshed in minutes instead of
re-running everything. The groups:

    kdf       the two Argon2id rows
    launch    launch → unlock window painted
    unlock    unlock after KDF → populated timeline
    search    search rare / common / common as a prefix, with the floor (after the
              search index upkeep, which runs first: see ``index_upkeep``)
    upkeep    the search index upkeep after unlock alone: the merge, saves during it
    save      save one reflection durably, with the floor; the editor's save
    practice  commitments screen, sharing step, timeline scroll
    window    first unlock in the window, RSS open / peak, ✓ Verified
    cli       command-line search, cold, KDF excluded
    verify    full verify of the ledger
    backup    saves during the daily backup, the backup's lock holds
    pages     “Our progress” / “My patterns” shown, and RSS with them
    export    therapist report PDF / JSON
    import    Day One import
    jrnl      the CLI beside jrnl (list, search, add)
    growth    the growth table (1k / 10k / 50k; ``--growth`` picks the sizes)
    disk      the disk floor: one 4 KiB write + fdatasync beside the vault, 20 s

Prints one table; never fails the test suite (a smoke version runs there).
"""

from __future__ import annotations

import argparse
import json
import math
import os
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from tests.benchmarks.floor import SAVE_TEXT
from tests.benchmarks.jrnl_side import Jrnl
from tests.benchmarks.text import COMMON_WORD, RARE_WORD
from tests.benchmarks.workload import PASSPHRASES, Workload, build_vault, jrnl_text
from twofold.services.journal import JournalService
from twofold.services.session import Session, unlock
from twofold.vault import crypto, keyslots
from twofold.vault import vault as vault_files
from twofold.vault.crypto import KdfParams
from twofold.vault.locks import WriteLock

ROOT = Path(__file__).resolve().parents[2]
# What a person types: a finished word (a trailing space ends it), or a word being
# typed, which search-as-you-type asks as a prefix ("trust" → trust*).
SEARCHES = (
    (RARE_WORD + " ", "rare word"),
    (COMMON_WORD + " ", "common word"),
    (COMMON_WORD, "common word as a prefix"),
)
SEARCH_BUDGET = {"rare word": 30, "common word": 10, "common word as a prefix": 10}
# DESIGN §6: search "≤ 30 ms and ≤ 1.2× the floor"; launch "≤ 0.3 s (was 0.5)"
SEARCH_FLOOR_RATIO = 1.2
# Writes beside background work (DESIGN §6: "≤ 50 ms"), judged at the 99th percentile
# since session 28: until then every sample, and this VM's disk alone, idle, takes over
# 50 ms for 0.3% of its fdatasyncs (up to 0.56 s; the "disk floor" row measures it in
# each run), so one such stall among the ~270 commits of a merge decided the row.
TAIL_BUDGET_TEXT = "≤ 50 ms (p99)"
# A search takes 1-3 ms: 200 of them (and 200 of the floor beside them) cost a second
# and give a median a ratio at 1.2 can be judged by (18 gave 1.05-1.13 for one build)
SEARCH_SAMPLES = 200
LAUNCH_BUDGET_MS = 300
PROBE = Path(__file__).with_name("probe.py")
GROUPS = (
    "kdf",
    "launch",
    "unlock",
    "search",
    "upkeep",
    "save",
    "practice",
    "window",
    "cli",
    "verify",
    "backup",
    "pages",
    "export",
    "import",
    "jrnl",
    "growth",
    "disk",
)


def _everything(group: str) -> bool:
    return True


@dataclass
class Row:
    name: str
    samples: list[float]  # seconds, or MB for memory rows
    unit: str = "ms"
    budget: float | None = None  # in the row's unit
    budget_min: float | None = None  # a range's lower end (the KDF: not weaker than meant)
    budget_text: str = ""
    jrnl: float | None = None
    floor: float | None = None
    note: str = ""
    # the budget holds for the 99th percentile of the samples (nearest rank: the slowest
    # of up to 100), not only the median; the spread still shows the slowest
    tail: bool = False

    @property
    def built(self) -> bool:
        return bool(self.samples)

    @property
    def median(self) -> float:
        if not self.samples:
            return float("nan")
        return statistics.median(self.samples) * (1000 if self.unit == "ms" else 1)

    @property
    def p99(self) -> float:
        """The 99th percentile by nearest rank, in the row's unit."""
        ordered = sorted(self.samples)
        scale = 1000 if self.unit == "ms" else 1
        return ordered[max(0, math.ceil(0.99 * len(ordered)) - 1)] * scale

    def spread(self) -> str:
        if not self.samples:
            return ""
        scale = 1000 if self.unit == "ms" else 1
        span = f"{min(self.samples) * scale:.1f}–{max(self.samples) * scale:.1f}"
        return f"{span} (p99 {self.p99:.1f})" if self.tail else span

    def status(self) -> str:
        if not self.samples:
            return "not built yet"
        if self.budget is None:
            return ""
        ok = (self.p99 if self.tail else self.median) <= self.budget
        if self.budget_min is not None and self.median < self.budget_min:
            return "UNDER"
        if self.floor is not None and self.name.startswith("search"):
            ok = ok and self.median <= SEARCH_FLOOR_RATIO * self.floor
        return "within" if ok else "OVER"


@dataclass
class Table:
    rows: list[Row] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def add(self, row: Row) -> Row:
        self.rows.append(row)
        shown = f"{row.median:.1f} {row.unit}" if row.built else "not built yet"
        print(f"  {row.name}: {shown}", flush=True)
        return row

    def missing(self, name: str, budget_text: str, unit: str = "ms") -> Row:
        """A row whose feature is not on this branch yet: it says so, no number."""
        return self.add(Row(name, [], unit=unit, budget_text=budget_text))

    def render(self) -> str:
        head = (
            "measure",
            "median",
            "spread",
            "unit",
            "budget",
            "status",
            "jrnl",
            "÷jrnl",
            "floor",
            "÷floor",
        )
        lines = [head]
        for r in self.rows:
            lines.append(
                (
                    r.name,
                    f"{r.median:.1f}" if r.built else "—",
                    r.spread(),
                    r.unit,
                    r.budget_text,
                    r.status(),
                    "" if r.jrnl is None else f"{r.jrnl:.1f}",
                    "" if not r.jrnl or not r.built else f"{r.median / r.jrnl:.3f}",
                    "" if r.floor is None else f"{r.floor:.2f}",
                    "" if not r.floor or not r.built else f"{r.median / r.floor:.2f}",
                )
            )
        widths = [max(len(str(line[i])) for line in lines) for i in range(len(head))]
        out = []
        for n, line in enumerate(lines):
            out.append(
                "| " + " | ".join(str(c).ljust(w) for c, w in zip(line, widths, strict=True)) + " |"
            )
            if n == 0:
                out.append("|" + "|".join("-" * (w + 2) for w in widths) + "|")
        return "\n".join(out + [""] + [f"- {n}" for n in self.notes])


def timed(
    fn: Callable[[], object], reps: int, setup: Callable[[], object] | None = None
) -> list[float]:
    samples = []
    for _ in range(reps):
        if setup is not None:
            setup()
        started = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - started)
    return samples


def run_process(
    cmd: list[str], env: dict[str, str] | None = None, stdin: str | None = None
) -> float:
    started = time.perf_counter()
    subprocess.run(cmd, check=True, capture_output=True, text=True, env=env, input=stdin)
    return time.perf_counter() - started


def max_rss_mb(cmd: list[str], env: dict[str, str] | None = None) -> float:
    done = subprocess.run(
        ["/usr/bin/time", "-f", "%M", *cmd], capture_output=True, text=True, env=env, check=True
    )
    return int(done.stderr.strip().splitlines()[-1]) / 1024


def installed_env() -> dict[str, str]:
    """The environment of a measured process, like an installed app's: Python's
    cached bytecode is used. (This machine sets PYTHONDONTWRITEBYTECODE=1, which made
    every measured start compile all of Twofold, cryptography and jrnl from source —
    about 0.3 s more per process.) ``warm_up`` runs each command once first."""
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def probe_env() -> dict[str, str]:
    return {**installed_env(), "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"}


def twofold_command() -> list[str]:
    """What a user types: the ``twofold`` command the install put beside this Python
    (uv's console script: it imports ``twofold.__main__`` and calls ``main``), not
    ``python -m twofold``, which also imports runpy and importlib's helpers to find the
    package. Without an installed command (a bare source tree), ``-m`` stands in."""
    installed = Path(sys.executable).with_name("twofold")
    return [str(installed)] if installed.exists() else [sys.executable, "-m", "twofold"]


def warm_up(cmd: list[str], env: dict[str, str]) -> None:
    subprocess.run(cmd, capture_output=True, text=True, env=env, check=False)


def slot_kdf_seconds(folder: Path, who: str, reps: int = 5) -> float:
    slots = keyslots.load(folder)
    slot = slots.slot(slots.partner(who).id, "passphrase")
    return statistics.median(timed(lambda: crypto.derive_kek(b"x", slot.salt, slot.kdf), reps))


# --- the sections ----------------------------------------------------------------


def measure_core(
    table: Table,
    folder: Path,
    reps: int,
    floor: Path | None,
    wanted: Callable[[str], bool] = _everything,
) -> None:
    from PySide6.QtWidgets import QApplication

    QApplication.instance() or QApplication([])
    slots = keyslots.load(folder)
    slot = slots.slot(slots.partner("Alex").id, "passphrase")
    secret = crypto.normalise_passphrase(PASSPHRASES["Alex"])

    if wanted("launch"):
        measure_launch(table, folder, reps)
    if wanted("unlock"):
        measure_unlock(table, folder, reps, slots, slot, secret)
    if wanted("search") or wanted("save") or wanted("practice"):
        measure_session(table, folder, reps, floor, wanted)
    if wanted("window"):
        measure_window(table, folder)
    if wanted("cli"):
        measure_cli(table, folder, reps)


def measure_launch(table: Table, folder: Path, reps: int) -> None:
    warm_up([sys.executable, str(PROBE), "launch", str(folder)], probe_env())
    table.add(
        Row(
            "launch → unlock window painted",
            [
                run_process([sys.executable, str(PROBE), "launch", str(folder)], env=probe_env())
                for _ in range(max(3, reps // 3))
            ],
            budget=LAUNCH_BUDGET_MS,
            budget_text=f"≤ {LAUNCH_BUDGET_MS} ms",
            note="separate process, offscreen; the warm-up start wrote PySide's support "
            "files once (twofold/shiboken_files.py), as a user's first start does",
        )
    )


def measure_unlock(
    table: Table,
    folder: Path,
    reps: int,
    slots: keyslots.KeySlots,
    slot: keyslots.Slot,
    secret: bytes,
) -> None:
    from twofold.ui.models import JournalModel, TimelineModel

    holder: dict[str, object] = {}

    def prepare() -> None:
        holder["keys"] = slots.unlock(slot, secret)  # the KDF, not timed

    def open_and_populate() -> None:
        opened = vault_files.open_with_keys(folder, slots, holder["keys"])  # type: ignore[arg-type]
        session = Session(opened)
        timeline, journal = TimelineModel(), JournalModel()
        timeline.load(
            lambda o, n, last: session.timeline.page(o, n, after=last), session.timeline.count
        )
        session_journal = session.journal
        assert session_journal is not None
        journal.load(
            lambda o, n, last: session_journal.listing(o, n, last).records, session_journal.count
        )
        holder["session"] = session

    def close() -> None:
        session = holder.pop("session", None)
        if isinstance(session, Session):
            session.lock()

    samples = []
    for _ in range(reps):
        prepare()
        started = time.perf_counter()
        open_and_populate()
        samples.append(time.perf_counter() - started)
        close()
    table.add(
        Row("unlock after KDF → populated timeline", samples, budget=300, budget_text="≤ 300 ms")
    )


def measure_session(
    table: Table, folder: Path, reps: int, floor: Path | None, wanted: Callable[[str], bool]
) -> None:
    session = unlock(folder, "Alex", PASSPHRASES["Alex"])
    raw_search: dict[str, float] = {}
    floor_save: float | None = None
    floor_search: dict[str, float] = {}
    if floor is not None and (wanted("search") or wanted("save")):
        raw_search, floor_save, floor_search = measure_floor(floor, reps, wanted)
    paired = _PairedFloor(floor) if floor is not None and wanted("search") else None
    for typed, label in SEARCHES if wanted("search") else ():
        hits = len(session.search(typed))
        if paired is not None:
            samples, floor_samples = paired(partial(session.search, typed), typed, SEARCH_SAMPLES)
        else:
            samples, floor_samples = timed(partial(session.search, typed), SEARCH_SAMPLES), []
        row = table.add(
            Row(
                f"search private+shared, {label} ({hits} shown)",
                samples,
                budget=SEARCH_BUDGET[label],
                budget_text=f"≤ {SEARCH_BUDGET[label]} ms and ≤ {SEARCH_FLOOR_RATIO}× floor",
                floor=statistics.median(floor_samples) * 1000 if floor_samples else None,
            )
        )
        if typed in raw_search:
            table.notes.append(
                f"Search floor, {label}: in the floor column the same store call on the plain "
                f"copy in this process, each sample beside one of the row's "
                f"({_ms(floor_samples)} ms, spread {_spread(floor_samples)}); in a fresh "
                f"process of its own {floor_search[typed]:.2f} ms; the raw engine (no memory "
                f"security) {raw_search[typed]:.2f} ms (the search ÷ that: "
                f"{row.median / raw_search[typed]:.2f})."
            )
    if paired is not None:
        paired.close()
    journal = session.journal
    assert journal is not None
    if wanted("save"):
        save_row(table, journal, reps, floor_save)
    if wanted("practice"):
        practice_rows(table, session, reps)
    session.lock()


def _ms(samples: Sequence[float]) -> str:
    return f"{statistics.median(samples) * 1000:.2f}" if samples else "—"


def _spread(samples: Sequence[float]) -> str:
    return f"{min(samples) * 1000:.2f}–{max(samples) * 1000:.2f}" if samples else "—"


class _PairedFloor:
    """The search rows' floor, sample for sample beside the row's own samples.

    The same store call (``search_store.search``) on the plain copy, in the
    benchmark's own process, where the session has turned SQLCipher's memory security
    on as DESIGN §3 requires: one search, then its floor, then the floor first, and so
    on, so both see the same process, heap, page cache and minute. Until session 28 the
    floor ran minutes earlier in a fresh process of its own, and the ratio measured the
    two processes as much as Twofold's code: the same build gave the rare word 1.21× in
    one run and 1.78× in the next, while both, interleaved in one process, were 1.02–1.05×
    in every run (PERFORMANCE.md, session 28). The fresh process's floor stays in a note.
    """

    def __init__(self, folder: Path) -> None:
        from tests.benchmarks.floor import open_plain

        self._conn = open_plain(folder, memory_security=True)

    def __call__(
        self, search: Callable[[], object], typed: str, samples: int
    ) -> tuple[list[float], list[float]]:
        from twofold.domain.search import fts_query
        from twofold.vault.search_store import search as run_search

        query = fts_query(typed)
        assert query is not None, typed
        raw = partial(
            run_search, self._conn, query, typed, include_private=True, labels={}, own_label="Alex"
        )
        search(), raw()  # both read their pages into the cache first
        mine: list[float] = []
        floor: list[float] = []
        for n in range(samples):
            pairs = ((search, mine), (raw, floor))
            for action, into in pairs if n % 2 == 0 else reversed(pairs):
                started = time.perf_counter()
                action()
                into.append(time.perf_counter() - started)
        return mine, floor

    def close(self) -> None:
        self._conn.close()


def save_row(table: Table, journal: JournalService, reps: int, floor_save: float | None) -> None:
    table.add(
        Row(
            "save one reflection durably",
            timed(lambda: journal.write(SAVE_TEXT), reps * 3),
            budget=5,
            budget_text="≤ 5 ms",
            floor=floor_save,
        )
    )
    from twofold.domain.records import RecordKind
    from twofold.ui.editor import DRAFT_SLOT

    # What Ctrl+S (or the 4-second autosave) does after typing: the editor has kept a
    # draft 0.8 s after the typing stopped (not timed), then writes the entry and
    # removes the draft (until session 22 two transactions, now one).
    table.add(
        Row(
            "save from the editor, its draft removed (Ctrl+S)",
            timed(
                lambda: journal.write(SAVE_TEXT, draft=DRAFT_SLOT),
                reps * 3,
                setup=lambda: journal.save_draft(
                    DRAFT_SLOT, None, SAVE_TEXT, RecordKind.REFLECTION, (), ()
                ),
            ),
            budget=5,
            budget_text="≤ 5 ms",
        )
    )


def practice_rows(table: Table, session: Session, reps: int) -> None:
    journal, sharing = session.journal, session.sharing
    assert journal is not None and sharing is not None

    def fill_outbox() -> None:
        for item in sharing.outbox():
            sharing.remove(item.id)
        for n in range(50):
            sharing.add(journal.write(f"entry to share {n}"))

    commitments = session.commitments
    table.add(
        Row(
            f"commitments screen: {len(commitments.statuses())} statuses + 8 weeks",
            timed(lambda: (commitments.statuses(), commitments.weekly()), reps),
            note="ten years of daily check-offs",
        )
    )
    table.add(
        Row(
            "sharing step with 50 items",
            timed(lambda: sharing.confirm(sharing.preview()), max(3, reps // 2), setup=fill_outbox),
            budget=200,
            budget_text="≤ 200 ms",
        )
    )

    def scroll() -> None:
        from PySide6.QtCore import Qt

        from twofold.ui.models import GroupRole, ItemRole, TimelineModel

        model = TimelineModel()
        model.load(
            lambda o, n, last: session.timeline.page(o, n, after=last), session.timeline.count
        )
        while model.canFetchMore():
            model.fetchMore()
        for row in range(model.rowCount()):
            index = model.index(row)
            model.data(index, Qt.ItemDataRole.DisplayRole)
            model.data(index, ItemRole)
            model.data(index, GroupRole)

    table.add(
        Row(
            f"scroll the timeline model end to end ({session.timeline.count()} rows)",
            timed(scroll, 3),
            note="data() for every row",
        )
    )


def measure_window(table: Table, folder: Path) -> None:
    opened = [probe_open(folder, "Alex") for _ in range(3)]
    table.add(
        Row(
            "first unlock in the window after KDF (pages built during the KDF)",
            [o.unlocked for o in opened],
            budget=300,
            budget_text="≤ 300 ms",
        )
    )
    table.add(
        Row(
            "memory (RSS) with the vault open in the window",
            [o.settled for o in opened],
            unit="MB",
            budget=150,
            budget_text="≤ 150 MB",
            note="once today's backup and the verification are done",
        )
    )
    table.add(
        Row(
            "peak memory, first unlock of the day (backup + verify running)",
            [o.peak for o in opened],
            unit="MB",
        )
    )
    table.add(
        Row(
            "✓ Verified shown after unlock (window, after KDF)",
            [o.verified for o in opened if o.verified is not None],
            budget=500,
            budget_text="≤ 500 ms",
            note="the timeline's check mark from the quick check (Session.verify_quick: "
            "genesis, pinned partners, events since the head last seen); the full check "
            "follows in the background",
        )
    )


def measure_cli(table: Table, folder: Path, reps: int) -> None:
    kdf = slot_kdf_seconds(folder, "Alex")
    secret_file = folder.parent / "alex.pass"
    secret_file.write_text(PASSPHRASES["Alex"])
    cli = [
        *twofold_command(),
        "search",
        "--vault",
        str(folder),
        "--as",
        "Alex",
        "--passphrase-file",
        str(secret_file),
        RARE_WORD,
    ]
    warm_up(cli, probe_env())
    walls = [run_process(cli, env=probe_env()) for _ in range(max(3, reps // 3))]
    table.add(
        Row(
            "command-line search, cold, KDF excluded",
            [wall - kdf for wall in walls],
            budget=120,
            budget_text="≤ 120 ms",
            note="wall time of the installed `twofold search` command minus the slot's KDF",
        )
    )
    table.notes.append(
        "command-line search, cold: the command's walls "
        f"{', '.join(f'{wall * 1000:.1f}' for wall in walls)} ms minus the slot's KDF "
        f"{kdf * 1000:.1f} ms (median of 5 derivations in this process just before; "
        "the jrnl comparison's 'KDF excluded' rows subtract their own, measured later)"
    )


@dataclass(frozen=True)
class Opened:
    unlocked: float  # seconds from keys to the unlocked window painted
    rss: float  # MB right after
    verified: float | None  # seconds until the ✓ Verified shows (None: not shown)
    settled: float  # MB once today's backup and the verification are done
    peak: float  # MB, the process's high-water mark meanwhile


def probe_open(folder: Path, who: str) -> Opened:
    """The first unlock of the day in the window, in a fresh process."""
    out = subprocess.run(
        [sys.executable, str(PROBE), "open", str(folder), who],
        capture_output=True,
        text=True,
        env=probe_env(),
        check=True,
    )
    lines = dict(line.split(" ", 1) for line in out.stdout.splitlines() if " " in line)
    verified = lines.get("verified", "").split()
    return Opened(
        float(lines["unlocked"]),
        int(lines["rss"]) / 1024,
        float(verified[0]) if verified and verified[1:] == ["✓"] else None,
        int(lines["settled"]) / 1024,
        int(lines["peak"]) / 1024,
    )


def probe_page(folder: Path, who: str, key: str) -> tuple[float, float] | None:
    """(seconds to show page ``key`` after unlock, RSS in MB with it shown), or None
    when the window has no such page (the feature is not built on this branch)."""
    out = subprocess.run(
        [sys.executable, str(PROBE), "page", str(folder), who, key],
        capture_output=True,
        text=True,
        env=probe_env(),
        check=True,
    )
    if "missing" in out.stdout.split():
        return None
    lines = dict(line.split(" ", 1) for line in out.stdout.splitlines() if " " in line)
    return float(lines["page"]), int(lines["rss"]) / 1024


def measure_features(
    table: Table,
    folder: Path,
    reps: int,
    quick: bool = False,
    wanted: Callable[[str], bool] = _everything,
) -> None:
    """Rows users feel, some of them for features other issues build: each row probes
    for its feature and says "not built yet" until it is on main."""
    if wanted("verify") or wanted("backup"):
        session = unlock(folder, "Alex", PASSPHRASES["Alex"])
        try:
            if wanted("verify"):
                table.add(
                    Row(
                        f"full verify of the ledger ({session.timeline.count():,} items, "
                        "background)",
                        timed(lambda: session.detached_verify()(), max(2, reps // 4)),
                        note="as the window runs it: a consistent copy of the files made, "
                        "all pages, the chain, every signature, every projection replayed "
                        "and compared, every remembered head, the copy zeroed and removed",
                    )
                )
                for row in write_during_verify(session, folder):
                    table.add(row)
            if wanted("backup"):
                for row in write_during_backup(session, folder):
                    table.add(row)
        finally:
            session.lock()
    if wanted("pages"):
        measure_pages(table, folder, quick)
    if wanted("export"):
        measure_export(table, folder)
    if wanted("import"):
        measure_import(table, folder, 200 if quick else 10_000)


def measure_pages(table: Table, folder: Path, quick: bool) -> None:
    for key, name in (("progress", "Our progress"), ("patterns", "My patterns")):
        shown = [probe_page(folder, "Alex", key) for _ in range(1 if quick else 3)]
        found = [s for s in shown if s is not None]
        if not found:
            table.missing(f"“{name}” page shown after unlock", "≤ 300 ms")
            table.missing(f"memory (RSS) with “{name}” charts open", "≤ 200 MB", unit="MB")
            continue
        table.add(
            Row(
                f"“{name}” page shown after unlock",
                [f[0] for f in found],
                budget=300,
                budget_text="≤ 300 ms",
            )
        )
        table.add(
            Row(
                f"memory (RSS) with “{name}” charts open",
                [f[1] for f in found],
                unit="MB",
                budget=200,
                budget_text="≤ 200 MB",
            )
        )


def timed_write_lock(holds: list[float]) -> type[WriteLock]:
    """The vault's write lock, appending how long each hold lasted to ``holds`` (in
    seconds): put in a module's namespace to see what a save can have to wait for."""

    class TimedLock(WriteLock):
        def __enter__(self) -> TimedLock:
            super().__enter__()
            self._taken = time.perf_counter()
            return self

        def __exit__(self, *exc: object) -> None:
            holds.append(time.perf_counter() - self._taken)
            super().__exit__(*exc)  # type: ignore[arg-type]

    return TimedLock


def measure_disk(table: Table, root: Path, seconds: float = 20.0) -> None:
    """The disk's own floor for the rows that time durable writes: one 4 KiB write and
    an ``fdatasync`` every 10 ms in a file beside the vault (the same file system),
    nothing else of Twofold's running. A save or a merge step makes several such
    syncs, so a stall seen here is one they can meet too."""
    sync = getattr(os, "fdatasync", None) or os.fsync
    path = root / "disk-floor.bin"
    block = os.urandom(4096)
    settle_disk()
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
    samples: list[float] = []
    try:
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            os.pwrite(fd, block, (len(samples) % 256) * 4096)
            started = time.perf_counter()
            sync(fd)
            samples.append(time.perf_counter() - started)
            time.sleep(0.01)
    finally:
        os.close(fd)
        path.unlink(missing_ok=True)
    row = Row(
        f"disk floor: 4 KiB written + fdatasync ({len(samples):,} in {seconds:.0f} s)", samples
    )
    over = sum(1 for s in samples if s > 0.05)
    row.tail = True  # the spread shows its p99
    table.add(row)
    table.notes.append(
        f"Disk floor: of {len(samples):,} bare fdatasyncs, {over} took over 50 ms "
        f"({100 * over / max(1, len(samples)):.2f}%), the slowest {max(samples) * 1000:.0f} ms: "
        "the rows judged at p99 (writes beside background work) meet the same disk."
    )


def settle_disk() -> None:
    """Everything written so far on disk before a row that times saves beside other
    work. The benchmark's own setup (the vault copied in by the caller, the floor's
    plain copy, the copies of the sections) leaves 100-300 MB the kernel writes back
    up to 30 s later, and on ext4 a save's fsync commits the filesystem's journal and
    waits for other files' data allocated in it: a merge step's hold of the write lock
    was 33-46 ms at worst in three runs after a fresh copy, 14-16 ms in three after a
    sync (session 28). What is measured is then Twofold beside its own background work,
    as on a person's machine, not the benchmark's copying."""
    sync = getattr(os, "sync", None)  # not on Windows
    if sync is not None:
        sync()


def saves_while(
    running: Callable[[], bool], journal: JournalService, what: str, pause: float
) -> list[float]:
    """Save a reflection every ``pause`` seconds while ``running()``: each save's
    latency in seconds."""
    samples: list[float] = []
    while running():
        started = time.perf_counter()
        journal.write(f"A reflection written while {what} runs.")
        samples.append(time.perf_counter() - started)
        time.sleep(pause)
    return samples


def write_during_backup(session: Session, folder: Path) -> list[Row]:
    """Save reflections while the daily backup of this vault runs on another thread:
    each save's latency (the budget holds for the slowest), and how long the backup
    held the write lock each time it took it (what a save can have to wait for; the
    rest of a slow save is the disk and the CPU the backup shares)."""
    import threading

    from twofold.services.backups import backup_now
    from twofold.vault import backup as backup_files

    holds: list[float] = []
    TimedLock = timed_write_lock(holds)

    journal = session.journal
    assert journal is not None
    settle_disk()
    target = folder.parent / "backup-during-writes"
    target.mkdir(exist_ok=True)
    samples: list[float] = []
    # backup.py looks WriteLock up in its own namespace; swap it there for the timed one.
    backup_files.WriteLock = TimedLock  # type: ignore[attr-defined]
    try:
        for n in range(3):
            worker = threading.Thread(target=backup_now, args=(folder, target / f"daily-{n}"))
            worker.start()
            time.sleep(0.01)
            samples += saves_while(worker.is_alive, journal, "the backup", 0.02)
            worker.join()
    finally:
        backup_files.WriteLock = WriteLock  # type: ignore[attr-defined]  # restore
    shutil.rmtree(target)
    return [
        Row(
            f"save one reflection while the daily backup runs ({len(samples)} saves)",
            samples,
            budget=50,
            budget_text=TAIL_BUDGET_TEXT,
            tail=True,
            note="spread shows the slowest save",
        ),
        Row(
            f"write lock held by the daily backup ({len(holds)} times in 3 backups)",
            holds,
            budget=50,
            budget_text=TAIL_BUDGET_TEXT,
            tail=True,
            note="the longest wait a save can have for the backup",
        ),
    ]


def write_during_verify(session: Session, folder: Path) -> list[Row]:
    """Save reflections while the full verification runs on another thread, as the
    window runs it after the first unlock (on a copy of the files): each save's
    latency, and how long making the copy held the write lock each time."""
    import threading

    from twofold.domain.ledger import VerifyReport
    from twofold.vault import backup as backup_files

    holds: list[float] = []
    backup_files.WriteLock = timed_write_lock(holds)  # type: ignore[attr-defined]
    journal = session.journal
    assert journal is not None
    reports: list[VerifyReport] = []
    settle_disk()
    try:
        job = session.detached_verify()
        worker = threading.Thread(target=lambda: reports.append(job()))
        worker.start()
        samples = saves_while(worker.is_alive, journal, "the full check", 0.2)
        worker.join()
    finally:
        backup_files.WriteLock = WriteLock  # type: ignore[attr-defined]  # restore
    ok = "report ok" if reports and reports[0].ok else "REPORT NOT OK"
    return [
        Row(
            f"save one reflection while the full verify runs ({len(samples)} saves, {ok})",
            samples,
            budget=50,
            budget_text=TAIL_BUDGET_TEXT,
            tail=True,
            note="spread shows the slowest save; one save every 0.2 s",
        ),
        Row(
            f"write lock held by the full verify's copy ({len(holds)} times)",
            holds,
            budget=50,
            budget_text=TAIL_BUDGET_TEXT,
            tail=True,
            note="the copy checks under the lock that nothing changed; after 4 tries it "
            "brings the last changes over under it",
        ),
    ]


def index_upkeep(table: Table, folder: Path, prefix: str = "") -> None:
    """What the app does after an unlock, once today's backup is made: merge the search
    indexes' segments on a worker (``Session.search_tidier``, vault/search_index.py),
    while the person saves a reflection every 0.1 s. Measured as the first unlock
    after the vault was built (the bulk build leaves many segments, as years of saves
    one at a time do); the search rows after it, and the floor's plain copy, see the
    merged indexes, as the person's next session does. The search before the merge
    goes in the notes. Nothing to merge (a vault merged by an earlier run): one note."""
    import threading

    from twofold.vault import search_index

    indexes = (("main", "timeline_fts"), ("journal", "journal_fts"))
    session = unlock(folder, "Alex", PASSPHRASES["Alex"])
    try:
        conn = session._vault.connection
        journal = session.journal
        assert journal is not None

        def state() -> str:
            parts = []
            for schema, table_name in indexes:
                pages, size = conn.execute(
                    f"SELECT count(*), coalesce(sum(length(block)), 0) FROM {schema}.{table_name}_data"
                ).fetchone()
                count = search_index.segments(conn, schema, table_name)
                parts.append(
                    f"{table_name} {count} segments, {pages:,} records, {size / 1e6:.1f} MB"
                )
            return "; ".join(parts)

        before = state()
        if all(search_index.segments(conn, *i) <= search_index.TIDY_ABOVE for i in indexes):
            table.notes.append(f"{prefix}search index upkeep: nothing to merge ({before}).")
            return
        searched = {
            label: statistics.median(timed(partial(session.search, typed), 9)) * 1000
            for typed, label in SEARCHES
        }
        tidy = session.search_tidier()
        assert tidy is not None
        settle_disk()
        holds: list[float] = []
        TimedLock = timed_write_lock(holds)

        waits: list[float] = []

        class TimedWait(WriteLock):  # the saves' (vault.py's namespace)
            def __enter__(self) -> TimedWait:
                started = time.perf_counter()
                super().__enter__()
                waits.append(time.perf_counter() - started)
                return self

        done = threading.Event()
        spent: dict[str, float] = {}
        tidied: list[search_index.Tidied] = []

        def merge() -> None:
            # at the normal priority, as the window runs it (main_window._tidy_search:
            # a niced step holding the write lock kept saves waiting on a busy machine)
            cpu, wall = time.thread_time(), time.perf_counter()
            try:
                tidied.extend(tidy())
            finally:
                spent["cpu"], spent["wall"] = (
                    time.thread_time() - cpu,
                    time.perf_counter() - wall,
                )
                done.set()

        saves: list[float] = []
        rows: list[int] = []  # rows each save wrote (FTS5's merge work shows there)
        search_index.WriteLock = TimedLock  # type: ignore[attr-defined]  # its namespace
        vault_files.WriteLock = TimedWait  # type: ignore[attr-defined]
        try:
            worker = threading.Thread(target=merge)
            worker.start()
            while not done.is_set():
                time.sleep(0.1)
                started, changes = time.perf_counter(), conn.total_changes
                journal.write("A reflection written while the search index merges.")
                saves.append(time.perf_counter() - started)
                rows.append(conn.total_changes - changes)
            worker.join()
        finally:
            search_index.WriteLock = WriteLock  # type: ignore[attr-defined]
            vault_files.WriteLock = WriteLock  # type: ignore[attr-defined]
        # Each of those saves added a segment; more than TIDY_ABOVE left over is what
        # the next unlock's merge takes (not timed).
        again = session.search_tidier()
        assert again is not None
        later = sum(t.steps for t in again())
        after = state()
        steps = sum(t.steps for t in tidied)
        table.add(
            Row(
                f"{prefix}search index upkeep after unlock: both indexes merged ({steps} steps)",
                [spent["wall"]],
                unit="s",
                note=f"on a worker, {spent['cpu']:.2f} s of its CPU",
            )
        )
        if saves:
            table.add(
                Row(
                    f"{prefix}save one reflection while the search index merges ({len(saves)} saves)",
                    saves,
                    budget=50,
                    budget_text=TAIL_BUDGET_TEXT,
                    tail=True,
                    note="spread shows the slowest save",
                )
            )
            slowest = max(range(len(saves)), key=saves.__getitem__)
            table.notes.append(
                f"{prefix}the saves during the merge waited for the write lock "
                f"{statistics.median(waits) * 1000:.1f} ms (median), "
                f"{max(waits) * 1000:.1f} ms (longest); the rest of a save is its own "
                "work, the disk and the CPU it shares with the merge. Rows a save wrote: "
                f"{statistics.median(rows):.0f} (median: its own), {max(rows):,} (most); "
                f"the slowest save wrote {rows[slowest]:,} (hundreds more are FTS5's merge "
                f"work done inside the save). The merge's thread used {spent['cpu']:.2f} s "
                "of CPU."
            )
        table.add(
            Row(
                f"{prefix}write lock held by a merge step ({len(holds)} times)",
                holds,
                budget=50,
                budget_text=TAIL_BUDGET_TEXT,
                tail=True,
                note="the longest wait a save can have for the merge",
            )
        )
        table.notes.append(
            f"{prefix}search index upkeep: before {before}; after {after}"
            + (f" (and {later} steps of the next unlock's merge, for the saves')" if later else "")
            + ". The search rows "
            "measure the merged indexes (the person's next session). Before the merge, in "
            "the same session: "
            + ", ".join(f"{label} {ms:.2f} ms" for label, ms in searched.items())
            + "."
        )
    finally:
        session.lock()


def _copy(folder: Path, name: str) -> Path:
    copy = folder.parent / name
    if copy.exists():
        shutil.rmtree(copy)
    shutil.copytree(folder, copy)
    return copy


def measure_export(table: Table, folder: Path) -> None:
    """The therapist report of the whole shared ledger (issue 15), on a copy of the
    vault: an export is itself a signed ledger event."""
    try:
        from twofold.domain.report import ReportFormat, ReportRequest, ReportSection
    except ImportError:
        table.missing("therapist report, whole ten-year shared ledger, PDF", "≤ 10 s")
        table.missing("therapist report, whole ten-year shared ledger, JSON", "≤ 3 s")
        return
    from datetime import date

    copy = _copy(folder, "export-copy")
    session = unlock(copy, "Alex", PASSPHRASES["Alex"])
    out = copy.parent / "exports"
    out.mkdir(exist_ok=True)
    try:
        pdf = None
        try:
            from twofold.ui import report_pdf

            pdf = getattr(report_pdf, "render_pdf_headless", None) or report_pdf.render_pdf
        except ImportError:
            pass
        # Two ways a report proves what it reads (services/report.py ``_proved_build``):
        # after the window's full check proved the ledger (the state is checked by its
        # hash in the report's own read), and with a check of its own (the window's
        # check had not ended, or the ledger changed since: every export signs two
        # events, so a second export in a row is this one).
        for fmt, budget, label in (
            (ReportFormat.PDF, 10_000, "PDF"),
            (ReportFormat.JSON, 3_000, "JSON"),
        ):
            request = ReportRequest(date(2015, 1, 1), date.today(), tuple(ReportSection), fmt)
            proved: list[float] = []
            checking: list[float] = []
            for n in range(2):
                assert session.check_for_report().ok  # what the window's check leaves
                started = time.perf_counter()
                session.reports.export(
                    request,
                    out / f"proved-{n}{fmt.suffix}",
                    PASSPHRASES["Sam"],
                    pdf=pdf,
                    verified=session.verified,
                )
                proved.append(time.perf_counter() - started)
                started = time.perf_counter()
                session.reports.export(
                    request, out / f"checking-{n}{fmt.suffix}", PASSPHRASES["Sam"], pdf=pdf
                )
                checking.append(time.perf_counter() - started)
            table.add(
                Row(
                    f"therapist report, whole ten-year shared ledger, {label}",
                    proved,
                    budget=budget,
                    budget_text=f"≤ {budget // 1000} s",
                    note="after the window's full check; includes the other partner's KDF",
                )
            )
            table.add(
                Row(
                    f"therapist report, whole ten-year shared ledger, {label}, with its own check",
                    checking,
                    note="the ledger changed since the window's check: a copy checked first",
                )
            )
    finally:
        session.lock()
        shutil.rmtree(copy.parent / "export-copy")
        shutil.rmtree(out)


def day_one_export(path: Path, count: int) -> Path:
    """A Day One JSON export (``Journal.json`` in a zip) of ``count`` entries."""
    import json
    import uuid as uuid_module
    import zipfile
    from datetime import timedelta

    from tests.benchmarks.text import TextSource, ten_years_ago

    source = TextSource(seed=20261126)
    entries = [
        {
            "uuid": uuid_module.UUID(int=n + 1).hex.upper(),
            "creationDate": (e.at + timedelta(seconds=n)).strftime("%Y-%m-%dT%H:%M:%SZ"),
            "modifiedDate": e.at.strftime("%Y-%m-%dT%H:%M:%SZ"),
            "timeZone": "Europe/Berlin",
            "text": e.body,
            "tags": list(e.tags),
            "starred": n % 17 == 0,
        }
        for n, e in enumerate(source.entries(count, ten_years_ago(), 3650))
    ]
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(
            "Journal.json", json.dumps({"metadata": {"version": "1.0"}, "entries": entries})
        )
    return path


def measure_import(table: Table, folder: Path, count: int) -> None:
    name = f"import {count:,} Day One entries into the journal"
    try:
        from twofold.services.imports import import_path
    except ImportError:
        table.missing(name, "≤ 10 s")
        return
    export = day_one_export(folder.parent / f"dayone-{count}.zip", count)
    samples = []
    for _ in range(2):
        copy = _copy(folder, "import-copy")
        session = unlock(copy, "Alex", PASSPHRASES["Alex"])
        try:
            started = time.perf_counter()
            result = import_path(session, export)
            samples.append(time.perf_counter() - started)
            assert result.added == count, result
        finally:
            session.lock()
            shutil.rmtree(copy)
    table.add(
        Row(
            name,
            samples,
            budget=10_000,
            budget_text="≤ 10 s",
            note="into the ten-year journal: parse, preview, one transaction",
        )
    )


def export_floor(folder: Path, target: Path) -> Path:
    """A plain (unencrypted) copy of shared.db and Alex's journal: the floor."""
    if target.exists():
        shutil.rmtree(target)
    target.mkdir(parents=True)
    opened = vault_files.unlock_partner(folder, "Alex", PASSPHRASES["Alex"])
    try:
        conn = opened.connection
        for schema, name in (("main", "shared.db"), ("journal", "journal.db")):
            conn.execute("ATTACH DATABASE ? AS plain KEY ''", (str(target / name),))
            conn.execute(f"SELECT sqlcipher_export('plain', '{schema}')")
            conn.execute("DETACH DATABASE plain")
    finally:
        opened.close()
    return target


def measure_floor(
    target: Path, reps: int, wanted: Callable[[str], bool] = _everything
) -> tuple[dict[str, float], float | None, dict[str, float]]:
    """The same search and save code on the plain copy, each in a process of its own
    (floor.py says why and what is the same): the raw engine, and the search on the
    engine as DESIGN §3 requires it configured, SQLCipher's memory security on (the
    search rows' floor in sessions 25-27, in a note since ``_PairedFloor`` measures it in
    the row's own process). Returns the raw searches, the raw save, the searches under the
    memory security."""
    typed = [text for text, _ in SEARCHES] if wanted("search") else []
    searches: dict[str, float] = (
        json.loads(_floor("search", target, reps * 2, typed)) if typed else {}
    )
    secured: dict[str, float] = (
        json.loads(_floor("search", target, reps * 2, typed, memory_security=True)) if typed else {}
    )
    saved = float(_floor("save", target, reps * 3)) if wanted("save") else None
    return searches, saved, secured


def _floor(
    what: str, target: Path, samples: int, typed: Sequence[str] = (), memory_security: bool = False
) -> str:
    """What ``python -m tests.benchmarks.floor`` printed last: a median, or JSON."""
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "tests.benchmarks.floor",
            what,
            *(["--memory-security"] if memory_security else []),
            str(target),
            str(samples),
            *typed,
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    return done.stdout.strip().splitlines()[-1]


def measure_kdf(table: Table) -> None:
    calibrated = KdfParams.calibrated()
    strong = KdfParams.strong_minimum()
    for params, label in ((calibrated, "calibrated default"), (strong, "strong minimum")):
        table.add(
            Row(
                f"KDF Argon2id {params.memory_kib // 1024} MiB t={params.iterations} p={params.lanes} ({label})",
                timed(partial(crypto.derive_kek, b"pw", b"0" * 16, params), 5),
                budget=1000 if label.startswith("cal") else None,
                budget_min=300 if label.startswith("cal") else None,
                budget_text="0.3–1 s" if label.startswith("cal") else "",
                note="deliberate; reported apart",
            )
        )


def measure_jrnl(
    table: Table, jrnl: Jrnl, work: Workload, folder: Path, reps: int, label: str = ""
) -> None:
    home = folder.parent / f"jrnl-home{label}"
    if not home.exists():
        jrnl.make_journal(home, jrnl_text(work.entries["Alex"]))
    env = jrnl.env(home)
    jrnl_kdf = jrnl.kdf_seconds()
    our_kdf = slot_kdf_seconds(folder, "Alex")
    secret_file = folder.parent / "alex.pass"
    secret_file.write_text(PASSPHRASES["Alex"])
    ours = twofold_command()
    auth = ["--vault", str(folder), "--as", "Alex", "--passphrase-file", str(secret_file)]
    pairs = (
        ("list newest 10", [*ours, "list", *auth, "--limit", "10"], jrnl.command(home, "-n", "10")),
        (
            f"search '{RARE_WORD}'",
            [*ours, "search", *auth, RARE_WORD],
            jrnl.command(home, "-contains", RARE_WORD),
        ),
        (
            "add one entry",
            [*ours, "write", *auth, "--text", "One more reflection."],
            jrnl.command(home, "One more reflection."),
        ),
    )
    n = max(2, reps // 4)
    for name, twofold_cmd, jrnl_cmd in pairs:
        warm_up(jrnl_cmd, env)
        warm_up(twofold_cmd, probe_env())
        theirs = statistics.median([run_process(jrnl_cmd, env=env) for _ in range(n)])
        mine = [run_process(twofold_cmd, env=probe_env()) for _ in range(n)]
        table.add(Row(f"CLI {name}{label}, KDF included", mine, unit="ms", jrnl=theirs * 1000))
        table.add(
            Row(
                f"CLI {name}{label}, KDF excluded",
                [m - our_kdf for m in mine],
                jrnl=(theirs - jrnl_kdf) * 1000,
            )
        )
    table.notes.append(
        f"jrnl KDF: PBKDF2-SHA256 100,000 iterations = {jrnl_kdf * 1000:.0f} ms; Twofold's slot "
        f"KDF in this vault: Argon2id {our_kdf * 1000:.0f} ms (the calibrated default is slower "
        "on purpose). 'KDF excluded' subtracts each side's own KDF from its wall time."
    )


def measure_growth(table: Table, root: Path, sizes: list[int], jrnl: Jrnl | None) -> None:
    for size in sizes:
        folder = root / f"growth-{size}" / "vault"
        if not folder.exists():
            folder.parent.mkdir(parents=True, exist_ok=True)
            print(f"building the {size:,}-entry vault…", flush=True)
            work = build_vault(
                folder, size, 1000, partners=("Alex",), seed_offset=size, practice=False
            )
        else:
            work = Workload(folder, size, 1000)
            from tests.benchmarks.text import TextSource, ten_years_ago

            work.entries["Alex"] = list(
                TextSource(20261124 + size).entries(size, ten_years_ago(), 3650)
            )
        index_upkeep(table, folder, f"growth {size:,}: ")
        rows = growth_rows(folder, size)
        opened = probe_open(folder, "Alex")
        rows.append(
            Row(
                f"growth {size:,}: ✓ Verified shown after unlock",
                [] if opened.verified is None else [opened.verified],
            )
        )
        rows.append(
            Row(f"growth {size:,}: RSS, vault open in the window", [opened.settled], unit="MB")
        )
        rows.append(
            Row(f"growth {size:,}: peak RSS, first unlock of the day", [opened.peak], unit="MB")
        )
        if jrnl is not None:
            home = folder.parent / "jrnl-home"
            if not home.exists():
                jrnl.make_journal(home, jrnl_text(work.entries["Alex"]))
            env = jrnl.env(home)
            kdf = jrnl.kdf_seconds()
            rows[0].jrnl = (
                run_process(jrnl.command(home, "-contains", RARE_WORD), env=env) - kdf
            ) * 1000
            rows[3].jrnl = (run_process(jrnl.command(home, "growth entry"), env=env) - kdf) * 1000
            rows[-2].jrnl = max_rss_mb(jrnl.command(home, "-contains", RARE_WORD), env=env)
        for row in rows:
            table.add(row)
    table.notes.append(
        "Growth rows: one partner with N private entries and 1,000 shared events; "
        "jrnl figures are KDF-excluded (search, add) and its peak RSS."
    )


def growth_rows(folder: Path, size: int) -> list[Row]:
    session = unlock(folder, "Alex", PASSPHRASES["Alex"])
    try:
        journal = session.journal
        assert journal is not None
        rows = [
            Row(f"growth {size:,}: search {label}", timed(partial(session.search, typed), 9))
            for typed, label in SEARCHES
        ]
        rows.insert(
            3,
            Row(
                f"growth {size:,}: save one reflection",
                timed(lambda: journal.write("growth entry"), 15),
            ),
        )
        return rows
    finally:
        session.lock()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.benchmarks")
    parser.add_argument("--root", type=Path, default=ROOT / "bench-vaults")
    parser.add_argument("--quick", action="store_true", help="tiny vault; no jrnl, no growth")
    parser.add_argument("--no-jrnl", action="store_true")
    parser.add_argument("--growth", default="1000,10000,50000")
    parser.add_argument("--reps", type=int, default=9)
    parser.add_argument(
        "--growth-only", action="store_true", help="only the growth rows (= --only growth)"
    )
    parser.add_argument(
        "--only",
        default="",
        help="comma-separated row groups to measure, e.g. pages,export,import,search,cli,"
        f"growth (all: {','.join(GROUPS)})",
    )
    parser.add_argument("--out", type=Path, help="also write the table to this file")
    args = parser.parse_args(argv)
    only = {g.strip() for g in args.only.split(",") if g.strip()}
    if args.growth_only:
        only.add("growth")
    unknown = only - set(GROUPS)
    if unknown:
        parser.error(
            f"unknown row group(s) {', '.join(sorted(unknown))}; known: {', '.join(GROUPS)}"
        )

    def wanted(group: str) -> bool:
        return not only or group in only

    per_partner, events = (60, 200) if args.quick else (3650, 20_000)
    root = args.root / ("quick" if args.quick else "ten-year")
    folder = root / "vault"
    table = Table()
    started = time.perf_counter()
    if not folder.exists():
        root.mkdir(parents=True, exist_ok=True)
        print(
            f"building the reference vault: 2 × {per_partner:,} reflections, {events:,} shared events…",
            flush=True,
        )
        t = time.perf_counter()
        work = build_vault(folder, per_partner, events)
        table.notes.append(f"Generated the vault in {time.perf_counter() - t:.0f} s.")
    else:
        from tests.benchmarks.text import TextSource, ten_years_ago

        work = Workload(folder, per_partner, events)
        source = TextSource()
        for label in ("Alex", "Sam"):
            work.entries[label] = list(source.entries(per_partner, ten_years_ago(), 3650))
    reps = 3 if args.quick else args.reps
    print("measuring…", flush=True)
    if only:
        table.notes.append(f"Only these row groups were measured: {', '.join(sorted(only))}.")
    if wanted("search") or wanted("upkeep"):
        # before the floor's copy is made: the floor gets the same merged indexes
        index_upkeep(table, folder)
    floor = export_floor(folder, root / "floor") if wanted("search") or wanted("save") else None
    if not args.quick and wanted("disk"):
        measure_disk(table, root)
    if not args.quick and wanted("kdf"):
        measure_kdf(table)
    measure_core(table, folder, reps, floor, wanted)
    measure_features(table, folder, reps, quick=args.quick, wanted=wanted)
    jrnl = None
    if not (args.quick or args.no_jrnl) and (wanted("jrnl") or wanted("growth")):
        jrnl = Jrnl(args.root)
        version = jrnl.install()
        table.notes.append(
            f"Compared with {version} on the same {per_partner:,} reflections (Alex's)."
        )
        if wanted("jrnl"):
            measure_jrnl(table, jrnl, work, folder, reps)
    if not args.quick and args.growth and wanted("growth"):
        measure_growth(table, args.root, [int(s) for s in args.growth.split(",")], jrnl)
    table.notes.append(
        f"Whole run: {time.perf_counter() - started:.0f} s on {os.cpu_count()} cores."
    )
    rendered = table.render()
    print()
    print(rendered)
    if args.out:
        args.out.write_text(rendered + "\n")
    return 0
