"""One projector per feature, registered by event kind (see ``base``)."""

from twofold.vault.projectors import (  # noqa: F401  (importing registers them)
    agreement,
    checkins,
    commitments,
    exports,
    joint,
    keys,
    reflections,
    setbacks,
    together,
)
from twofold.vault.projectors.base import project, projects, registered, timeline_item

__all__ = ["project", "projects", "registered", "timeline_item"]
