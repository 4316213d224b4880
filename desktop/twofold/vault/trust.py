"""What each partner keeps where the other cannot reach it (DESIGN §3.3).

* **Pinned identity**: both partners' ids, public keys and names, written into each
  partner's own journal (under a key the other never holds) at setup, or at the first
  unlock after upgrading (trust on first use). A rewritten first event, a key that
  changed, or a name that differs is named against it.
* **Seen heads**: the ledger head (seq, digest, author, when) at every unlock and
  every read, in the journal. A shorter chain, or another event at a seq once seen,
  is named with who saw what, when.
* **The OS keyring** (Secret Service, Keychain, Credential Manager) keeps the last
  seen head too, outside the vault folder, so restoring the whole folder to an older
  copy is noticed. Where there is no keyring, this part is silently absent.
"""

from __future__ import annotations

import json
from datetime import datetime

from twofold.domain.events import GenesisPartner
from twofold.domain.ledger import LedgerEvent, Problem
from twofold.domain.valueclass import valueclass
from twofold.vault.journal_store import CHECKIN_PENDING, JournalStore
from twofold.vault.ledger_store import LedgerStore

TYPE_CHECKING = False  # what type checkers assume True: typing is not imported
if TYPE_CHECKING:
    from typing import Any

PIN_KEY = "pinned_partners"
SEEN_KEY = "ledger_seen"
MAX_SEEN = 100  # remembered heads (the oldest go first)
KEYRING_SERVICE = "Twofold: last seen ledger head"


@valueclass
class Pin:
    partners: tuple[GenesisPartner, ...]
    at: str  # ISO time of pinning
    how: str  # "setup" or "first unlock"


@valueclass
class Seen:
    seq: int
    digest: str  # hex
    author: str  # who wrote the event at that seq
    at: str  # ISO time it was seen

    def day(self) -> str:
        return _when(self.at)


def _when(iso: str) -> str:
    try:
        return datetime.fromisoformat(iso).astimezone().strftime("%d %b %Y, %H:%M")
    except ValueError:
        return iso


# --- pinned identity -------------------------------------------------------------


def pin_record(partners: tuple[GenesisPartner, ...], at: datetime, how: str) -> str:
    return json.dumps(
        {
            "at": at.isoformat(timespec="seconds"),
            "how": how,
            "partners": [
                {"id": p.id, "label": p.label, "public_key": p.public_key} for p in partners
            ],
        },
        sort_keys=True,
    )


def pinned(journal: JournalStore) -> Pin | None:
    raw = journal.meta(PIN_KEY)
    if not raw:
        return None
    data = json.loads(raw)
    return Pin(
        tuple(
            GenesisPartner(str(p["id"]), str(p["label"]), str(p["public_key"]))
            for p in data["partners"]
        ),
        str(data["at"]),
        str(data["how"]),
    )


def pin_if_missing(
    journal: JournalStore, partners: tuple[GenesisPartner, ...], at: datetime
) -> bool:
    """Trust on first use for vaults made before pinning. Inside a write transaction."""
    if journal.meta(PIN_KEY) or not partners:
        return False
    journal.set_meta(PIN_KEY, pin_record(partners, at, "first unlock"))
    return True


def identity_problems(pin: Pin | None, signed: tuple[GenesisPartner, ...]) -> list[Problem]:
    if pin is None:
        return []
    when = f"pinned in your journal at {pin.how} on {_when(pin.at)}"
    problems: list[Problem] = []
    current = {p.id: p for p in signed}
    for p in pin.partners:
        now = current.pop(p.id, None)
        if now is None:
            problems.append(
                Problem(
                    "event #1 (vault.created)",
                    f"no longer names {p.label} ({when}): the first event was rewritten",
                )
            )
        elif now.public_key != p.public_key:
            problems.append(
                Problem(
                    "event #1 (vault.created)",
                    f"gives {p.label} a signing key other than the one {when}: the first "
                    "event was rewritten, and events signed with that key are not theirs",
                )
            )
        elif now.label != p.label:
            problems.append(
                Problem(
                    "event #1 (vault.created)",
                    f"names {p.label} “{now.label}” ({when}): the first event was rewritten",
                )
            )
    for p in current.values():
        problems.append(
            Problem(
                "event #1 (vault.created)",
                f"names an unknown partner “{p.label}” with an unknown key ({when} were "
                "only the two of you): the first event was rewritten",
            )
        )
    return problems


# --- seen heads --------------------------------------------------------------------


def seen_heads(journal: JournalStore) -> list[Seen]:
    stored = journal.metas((SEEN_KEY, "ledger_head_seq", "ledger_head_hash"))
    raw = stored.get(SEEN_KEY)
    heads: list[Seen] = []
    if raw:
        try:
            heads = [
                Seen(int(s["seq"]), str(s["digest"]), str(s["author"]), str(s["at"]))
                for s in json.loads(raw)
            ]
        except (ValueError, KeyError, TypeError):
            heads = []
    # the head remembered before seen heads existed (after this partner's own writes)
    seq, digest = stored.get("ledger_head_seq"), stored.get("ledger_head_hash")
    if seq and digest and not any(h.seq == int(seq) for h in heads):
        heads.insert(0, Seen(int(seq), digest, "", ""))
    return heads


def last_seen(journal: JournalStore) -> Seen | None:
    heads = seen_heads(journal)
    return max(heads, key=lambda h: h.seq) if heads else None


def note_seen(journal: JournalStore, ledger: LedgerStore, at: datetime) -> Seen | None:
    """Remember the current head (inside a write transaction). Nothing is written when
    it is already remembered, or when the ledger no longer holds the last seen head
    (that is a finding for ``verify``, not a new truth to remember).

    Every save of a reflection calls this, and the head is nearly always the one
    already remembered: that case is decided from the head row alone (its seq and
    digest against the last remembered), one read of the ledger instead of four
    (1.3 ms of each save's 3.8 ms of CPU on the ten-year vault)."""
    heads = seen_heads(journal)
    seq, digest = ledger.head()
    if seq == 0:
        return None
    last = max(heads, key=lambda h: h.seq) if heads else None
    if last is not None and last.seq == seq:
        # Remembered already; the same place now holding another event is
        # ``verify``'s finding, not a new head to remember.
        return last if last.digest == digest.hex() else None
    head = ledger.event_at(seq)
    if head is None:
        return None
    if last is not None and seen_problems([last], ledger):
        return None
    seen = Seen(
        head.header.seq,
        head.header.digest().hex(),
        head.header.author,
        at.isoformat(timespec="seconds"),
    )
    kept = [*[h for h in heads if h.author or h.at][-(MAX_SEEN - 1) :], seen]
    journal.set_meta(
        SEEN_KEY,
        json.dumps(
            [{"seq": h.seq, "digest": h.digest, "author": h.author, "at": h.at} for h in kept]
        ),
    )
    journal.set_meta("ledger_head_seq", str(seen.seq))
    journal.set_meta("ledger_head_hash", seen.digest)
    return seen


def seen_problems(
    heads: list[Seen],
    ledger: LedgerStore,
    labels: dict[str, str] | None = None,
    where: str = "your journal",
) -> list[Problem]:
    """Each remembered head must still be in the ledger, unchanged."""
    labels = labels or {}
    problems: list[Problem] = []
    if not heads:
        return problems
    end = ledger.head()[0]
    for h in sorted(heads, key=lambda s: s.seq, reverse=True):
        event = ledger.event_at(h.seq)
        whose = f" by {labels.get(h.author, h.author)}" if h.author else ""
        when = f" on {h.day()}" if h.at else ""
        if event is None:
            problems.append(
                Problem(
                    "shared.db",
                    f"{where} saw event #{h.seq}{whose}{when}; the ledger now ends at "
                    f"#{end}: events you saw were deleted (the ledger was rolled back or cut)",
                )
            )
            break
        if event.header.digest().hex() != h.digest:
            problems.append(
                Problem(
                    _name(event),
                    f"is not the event #{h.seq}{whose} that {where} saw{when}: "
                    "the ledger was rewritten from there",
                )
            )
            break
    return problems


# --- a journal older than what its owner signed -----------------------------------

BEHIND_KEY = "journal_behind"  # journal meta: the finding, kept until a newer file returns
# Kinds only signed with the author's own journal open, which remembers them in the same
# transaction (a check-in's sealed answers) or in a step the next unlock finishes before
# anything is read (a share's plan, then its link and the head): an event of these by
# the owner after the head their journal remembers means the journal file is older
# than the owner's own signature — it was replaced by an older copy of itself.
_SHARE = "reflection.shared"
_SEALED = "checkin.sealed"
_REVEALED = "checkin.revealed"


@valueclass
class Behind:
    seen_seq: int  # the head the journal file remembered
    seen_at: str  # when it saw it (ISO; "" when not known)
    seq: int  # the owner's own event it does not know
    kind: str
    at: str  # that event's signed moment (ISO)
    found: str  # when this was found (ISO)

    def text(self) -> str:
        """What the owner is told (ui/messages.py knows both sentences)."""
        seen, seq, when = self.seen_seq, self.seq, _when(self.at)
        if self.kind == _SHARE:
            return (
                f"Your private journal file is older than your own signature: it remembers "
                f"the shared ledger up to event #{seen}, but you shared a reflection in "
                f"event #{seq} on {when}. Someone replaced your journal file with an older "
                "copy of itself: what you wrote privately since then may be missing. "
                "Nothing was deleted or changed now. If a backup holds a newer journal, "
                "restore it; keep the Verify report."
            )
        return (
            f"Your private journal file is older than your own signature: it remembers "
            f"the shared ledger up to event #{seen}, but you answered a check-in in event "
            f"#{seq} on {when}, and its sealed answers are gone from it. Someone replaced "
            "your journal file with an older copy of itself: what you wrote privately "
            "since then may be missing. Nothing was deleted or changed now. If a backup "
            "holds a newer journal, restore it; keep the Verify report."
        )


def journal_behind(
    journal: JournalStore, ledger: LedgerStore, me: str, previous: Seen | None
) -> Behind | None:
    """The journal file is older than what its owner ``me`` signed since ``previous``
    (the head it remembered before this unlock), or None. Only when that head is still
    in the ledger unchanged: a cut or rewritten ledger is ``seen_problems``' finding."""
    if previous is None or seen_problems([previous], ledger):
        return None
    signed = ledger.signed_by_after(me, previous.seq, (_SHARE, _SEALED, _REVEALED))
    if not signed:
        return None
    pending = set(journal.meta_items_with_prefix(CHECKIN_PENDING))
    revealed = {
        str(data.get("checkin_id"))
        for _, kind, _, data in signed
        if kind == _REVEALED and isinstance(data, dict)
    }
    for seq, kind, at, data in signed:
        if kind == _REVEALED:
            continue
        if kind == _SEALED:
            # withdrawn (payload gone), revealed, or still waiting in this journal: known
            if not isinstance(data, dict):
                continue
            checkin = str(data.get("checkin_id"))
            if checkin in pending or checkin in revealed:
                continue
        return Behind(
            previous.seq, previous.at, seq, kind, at, datetime.now().astimezone().isoformat()
        )
    return None


def note_behind(journal: JournalStore, behind: Behind) -> None:
    """Inside a write: keep the finding in the journal (the first one found stays)."""
    if journal.meta(BEHIND_KEY):
        return
    journal.set_meta(
        BEHIND_KEY,
        json.dumps(
            {
                "seen_seq": behind.seen_seq,
                "seen_at": behind.seen_at,
                "seq": behind.seq,
                "kind": behind.kind,
                "at": behind.at,
                "found": behind.found,
            },
            sort_keys=True,
        ),
    )


def noted_behind(journal: JournalStore) -> Behind | None:
    raw = journal.meta(BEHIND_KEY)
    if not raw:
        return None
    try:
        d = json.loads(raw)
        return Behind(
            int(d["seen_seq"]),
            str(d["seen_at"]),
            int(d["seq"]),
            str(d["kind"]),
            str(d["at"]),
            str(d["found"]),
        )
    except (ValueError, KeyError, TypeError):
        return None


def behind_problems(journal: JournalStore) -> list[Problem]:
    behind = noted_behind(journal)
    if behind is None:
        return []
    return [Problem("your journal file", behind.text())]


def _name(event: LedgerEvent) -> str:
    h = event.header
    return f"event #{h.seq} ({h.kind}, {h.occurred_at[:10]})"


# --- the OS keyring ----------------------------------------------------------------


def _account(vault_id: str, partner_id: str) -> str:
    return f"{vault_id}:{partner_id}"


def keyring_recall(vault_id: str, partner_id: str) -> Seen | None:
    """The head kept in the OS keyring, or None (no keyring, nothing kept, any error)."""
    try:
        import keyring

        raw = keyring.get_password(KEYRING_SERVICE, _account(vault_id, partner_id))
        if not raw:
            return None
        data: dict[str, Any] = json.loads(raw)
        return Seen(int(data["seq"]), str(data["digest"]), str(data["author"]), str(data["at"]))
    except Exception:  # no backend, a locked keyring, a refused prompt: degrade silently
        return None


def keyring_remember(vault_id: str, partner_id: str, seen: Seen) -> bool:
    try:
        import keyring

        keyring.set_password(
            KEYRING_SERVICE,
            _account(vault_id, partner_id),
            json.dumps(
                {"seq": seen.seq, "digest": seen.digest, "author": seen.author, "at": seen.at}
            ),
        )
        return True
    except Exception:
        return False
