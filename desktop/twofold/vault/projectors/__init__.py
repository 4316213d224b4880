"""One projector per feature, registered by event kind (see ``base``)."""

from twofold.vault.projectors import (  # noqa: F401  (importing registers them)
    agreement,
    checkins,
    commitments,
    consent,
    exports,
    joint,
    keys,
    reflections,
    setbacks,
    together,
)
from twofold.vault.projectors.base import (
    Refused,
    project,
    projects,
    registered,
    timeline_item,
)

__all__ = ["Refused", "project", "projects", "registered", "timeline_item"]
