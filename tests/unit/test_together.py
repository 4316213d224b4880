from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import SAM_PASS
from twofold.domain.errors import InvalidInput
from twofold.domain.ledger import EventKind
from twofold.services.session import Session, unlock


def test_values_appreciations_and_the_story(alex: Session, vault_dir: Path) -> None:
    with pytest.raises(InvalidInput, match="at most 7"):
        alex.together.set_values([f"v{n}" for n in range(8)])
    alex.together.set_values(["Honesty", "reliability", "Honesty", " kindness ", ""])
    assert alex.together.values() == ["Honesty", "reliability", "kindness"]
    alex.together.appreciate("You made tea without asking")
    alex.together.add_chapter(
        "The night we started again", "We sat on the kitchen floor and talked until two."
    )
    with pytest.raises(InvalidInput):
        alex.together.add_chapter("", "words")
    alex.lock()
    sam = unlock(vault_dir, "Sam", SAM_PASS)
    sam.together.add_chapter("The river walk", "The first hour without the affair in the room.")
    assert [title for _, title, _, _ in sam.together.story()] == [
        "The night we started again",
        "The river walk",
    ]
    assert sam.together.appreciations()[0][1] == "You made tea without asking"
    kinds = {i.kind for i in sam.timeline.page()}
    assert {EventKind.VALUES_SET, EventKind.APPRECIATION, EventKind.STORY_CHAPTER} <= kinds
    assert sam.search("kitchen")
    assert sam.verify().ok
    sam.lock()
