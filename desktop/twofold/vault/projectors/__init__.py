"""One projector per feature, registered by event kind (see ``base``; the feature
modules are imported on the first projection)."""

from twofold.vault.projectors.base import (
    Refused,
    project,
    projects,
    registered,
    timeline_item,
)

__all__ = ["Refused", "project", "projects", "registered", "timeline_item"]
