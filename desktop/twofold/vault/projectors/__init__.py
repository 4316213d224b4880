"""One projector per feature, registered by event kind (see ``base``; the feature
modules are imported on the first projection)."""

from twofold.vault.projectors.base import (
    Refused,
    Rewind,
    card_only,
    project,
    project_cards,
    project_in_batch,
    projects,
    registered,
    timeline_item,
)

__all__ = [
    "Refused",
    "Rewind",
    "card_only",
    "project",
    "project_cards",
    "project_in_batch",
    "projects",
    "registered",
    "timeline_item",
]
