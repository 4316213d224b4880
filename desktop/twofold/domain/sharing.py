"""The sharing step's values and rules (DESIGN §5)."""

from __future__ import annotations

from datetime import datetime

from twofold.domain.errors import InvalidInput
from twofold.domain.valueclass import valueclass

MAX_SHARED_TEXT = 20_000


@valueclass
class OutboxItem:
    """A private record waiting to be shared, with the version the partner will read."""

    id: int
    record_id: int
    passage: str
    shared_text: str
    request: str
    added_at: datetime


@valueclass
class SharePreview:
    """Exactly what the partner will see once the author confirms."""

    partner_label: str
    items: tuple[OutboxItem, ...]

    @property
    def summary(self) -> str:
        count = len(self.items)
        noun = "reflection" if count == 1 else "reflections"
        return f"You are sharing {count} {noun} with {self.partner_label}"


def check_shared_text(text: str) -> str:
    cleaned = text.strip()
    if not cleaned:
        raise InvalidInput("The version to share is empty: write what your partner will read.")
    if len(cleaned) > MAX_SHARED_TEXT:
        raise InvalidInput(
            f"The version to share is {len(cleaned):,} characters; keep it under "
            f"{MAX_SHARED_TEXT:,} so it can be read together."
        )
    return cleaned
