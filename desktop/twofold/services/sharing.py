"""The sharing step (DESIGN §5): outbox → shared version → preview → one atomic confirm."""

from __future__ import annotations

import contextlib
import json
from collections.abc import Sequence
from datetime import datetime

from twofold.domain import events
from twofold.domain.errors import InvalidInput, NotAllowed, NotFound
from twofold.domain.sharing import OutboxItem, SharePreview, check_shared_text
from twofold.services.journal import journal_of, record_ledger_head
from twofold.vault.vault import OpenVault, now

MAX_REQUEST = 2_000


class SharingService:
    def __init__(self, vault: OpenVault) -> None:
        self._vault = vault
        self._store = journal_of(vault)

    @property
    def partner_label(self) -> str:
        others = [p for p in self._vault.keyslots.partners if p.id != self._vault.partner_id]
        return others[0].label if others else "your partner"

    def add(self, record_id: int, passage: str | None = None) -> int:
        """Put a record, or a passage of it, in the private outbox. The shared version
        starts as that text and is edited before confirming."""
        from twofold.domain.text import contains_passage, markdown_to_plain  # not at unlock

        record = self._store.get(record_id)
        # The reader's text, not the stored Markdown: a passage is found by its words
        # (a selection holds no markup and none of the stored line layout), and a whole
        # entry is shared as the author saw it, paragraphs kept, nothing wrapped.
        chosen = (
            passage.replace("\u2029", "\n").replace("\u2028", "\n")
            if passage is not None
            else markdown_to_plain(record.body)
        ).strip()
        if not chosen:
            raise InvalidInput("Select the passage you want to share first.")
        if passage is not None and not contains_passage(record.body, chosen):
            raise InvalidInput("That passage is not part of the entry.")
        with self._vault.write("Your outbox"):
            return self._store.add_to_outbox(record_id, chosen, chosen, now())

    def update(self, item_id: int, shared_text: str, request: str = "") -> None:
        request = request.strip()
        if len(request) > MAX_REQUEST:
            raise InvalidInput(f"Keep the request under {MAX_REQUEST:,} characters.")
        # An empty version is allowed while editing; confirm refuses it. The version
        # edited away is words too: no page image of it stays in the rollback journal.
        with self._vault.write("Your outbox", removes_text=True):
            self._store.update_outbox(item_id, shared_text.strip(), request)

    def remove(self, item_id: int) -> None:
        with self._vault.write("Your outbox", removes_text=True):
            self._store.remove_from_outbox(item_id)

    def outbox(self) -> list[OutboxItem]:
        return self._store.outbox()

    def preview(self, item_ids: Sequence[int] = ()) -> SharePreview:
        items = self._store.outbox(item_ids)
        if item_ids and len(items) != len(set(item_ids)):
            raise NotFound("Some of those items are no longer in your outbox.")
        if not items:
            raise InvalidInput("Your outbox is empty: add an entry to share first.")
        for item in items:
            check_shared_text(item.shared_text)
        return SharePreview(self.partner_label, tuple(items))

    def direct(self, record_id: int, text: str | None = None, request: str = "") -> SharePreview:
        """What sharing one record straight away would show, without writing anything
        (the command line: the outbox is never touched, so an interrupted share leaves
        nothing behind)."""
        from twofold.domain.text import markdown_to_plain  # not at unlock

        record = self._store.get(record_id)
        request = request.strip()
        if len(request) > MAX_REQUEST:
            raise InvalidInput(f"Keep the request under {MAX_REQUEST:,} characters.")
        body = markdown_to_plain(record.body)
        shared = check_shared_text(body if text is None else text)
        item = OutboxItem(0, record_id, body, shared, request, now())
        return SharePreview(self.partner_label, (item,))

    def confirm_direct(self, preview: SharePreview, at: datetime | None = None) -> list[str]:
        """Share a ``direct`` preview: signed events and private share links, or
        nothing at all (the same three one-file steps as ``confirm``)."""
        for item in preview.items:
            self._store.get(item.record_id)  # still there
        return self._share(preview, at)

    def confirm(self, preview: SharePreview, at: datetime | None = None) -> list[str]:
        """Share exactly what the preview showed: signed ledger events, private share
        links, outbox cleared. All or nothing, in three one-file steps:

        1. the journal names the events it is about to share (``share_pending``);
        2. shared.db gets the signed events, in one transaction;
        3. the journal links them and clears the outbox (``finish_pending_share``).

        A crash after 1 leaves no event: the next unlock drops the plan. A crash
        after 2 leaves the events: the next unlock finishes 3. Why not one
        transaction over both files: SQLite truncates the rollback journals of such
        a commit, and their freed blocks keep old page images (retracted text among
        them) where nothing can overwrite them; one-file commits keep the journal in
        place (``journal_mode=PERSIST``), so a removal can overwrite it."""
        current = {item.id: item for item in self._store.outbox([i.id for i in preview.items])}
        if any(current.get(item.id) != item for item in preview.items):
            raise NotAllowed("Your outbox changed after the preview; look at the preview again.")
        return self._share(preview, at)

    def _share(self, preview: SharePreview, at: datetime | None) -> list[str]:
        import uuid  # not at unlock (finish_pending_share)

        at = at or now()
        plan = [
            {"item": item.id, "record": item.record_id, "event": uuid.uuid4().hex}
            for item in preview.items
        ]
        texts = [check_shared_text(item.shared_text) for item in preview.items]
        with self._vault.write("The sharing step"):
            self._store.set_meta(SHARE_PENDING, json.dumps({"at": at.isoformat(), "items": plan}))
        with self._vault.write("The sharing step"):
            self._vault.ledger.record_all(
                [
                    (events.ReflectionShared(text, item.request), str(step["event"]))
                    for item, step, text in zip(preview.items, plan, texts, strict=True)
                ],
                at,
            )
        finish_pending_share(self._vault)
        return [str(step["event"]) for step in plan]


SHARE_PENDING = "share_pending"


def finish_pending_share(vault: OpenVault) -> int:
    """Step 3 of the sharing step, also run at unlock after a crash: link the events
    that reached the ledger and clear their outbox items, or drop a plan whose
    events never did. Returns how many shares were finished."""
    store = journal_of(vault)
    raw = store.meta(SHARE_PENDING)
    if not raw:
        return 0
    try:
        data = json.loads(raw)
        plan = [(int(s["item"]), int(s["record"]), str(s["event"])) for s in data["items"]]
        at = datetime.fromisoformat(str(data["at"]))
    except (ValueError, KeyError, TypeError):
        plan, at = [], now()
    present = vault.ledger.present([event_id for _, _, event_id in plan])
    landed = [step for step in plan if step[2] in present]
    with vault.write("The sharing step", removes_text=bool(landed)):
        for item, record, event_id in landed:
            store.link_share(record, event_id, at)
            with contextlib.suppress(NotFound):
                store.remove_from_outbox(item)
        store.set_meta(SHARE_PENDING, "")
        record_ledger_head(vault)
    return len(landed)
