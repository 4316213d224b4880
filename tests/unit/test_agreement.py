"""The living agreement: versions, word-level diffs, in force once both acknowledged."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.conftest import SAM_PASS
from twofold.domain.agreement import Change, word_diff
from twofold.domain.errors import InvalidInput, NotAllowed
from twofold.domain.ledger import EventKind
from twofold.services.session import Session, unlock


def test_word_diff_marks_added_and_removed_words() -> None:
    changes = word_diff(
        "We talk every Sunday evening.", "We talk every Sunday and Wednesday evening."
    )
    assert changes == [
        Change("same", "We talk every Sunday "),
        Change("added", "and Wednesday "),
        Change("same", "evening."),
    ]
    assert not any(c.kind == "removed" for c in changes)
    assert "".join(c.text for c in changes if c.kind != "removed") == (
        "We talk every Sunday and Wednesday evening."
    )
    assert "".join(c.text for c in changes if c.kind != "added") == "We talk every Sunday evening."


def test_a_version_is_in_force_only_when_both_acknowledged(alex: Session, vault_dir: Path) -> None:
    assert alex.agreement.in_force() is None
    with pytest.raises(InvalidInput, match="empty"):
        alex.agreement.propose({"responsibilities": "  "})
    first = alex.agreement.propose(
        {
            "responsibilities": "Alex cooks on weekdays.",
            "boundaries": "No secret accounts.",
            "lapses": "Whoever notices says so the same day.",
        },
        note="A first draft",
    )
    assert alex.agreement.in_force() is None  # Sam has not acknowledged yet
    with pytest.raises(NotAllowed, match="already"):
        alex.agreement.acknowledge(first)
    alex.lock()

    sam = unlock(vault_dir, "Sam", SAM_PASS)
    sam.agreement.acknowledge(first)
    in_force = sam.agreement.in_force()
    assert in_force is not None and in_force.number == 1
    second = sam.agreement.propose(
        {**in_force.sections, "boundaries": "No secret accounts. Phones stay open to each other."}
    )
    with pytest.raises(NotAllowed, match="Nothing changed"):
        sam.agreement.propose(dict(sam.agreement.latest().sections))  # type: ignore[union-attr]
    assert sam.agreement.in_force() == in_force  # version 2 waits for Alex
    changes = sam.agreement.changes(second)
    assert changes["boundaries"] == [
        Change("same", "No secret accounts."),
        Change("added", " Phones stay open to each other."),
    ]
    assert all(c.kind == "same" for c in changes["responsibilities"])
    kinds = [i.kind for i in sam.timeline.page()]
    assert kinds.count(EventKind.AGREEMENT_PROPOSED) == 2
    assert sam.verify().ok
    sam.lock()


def test_word_diff_of_long_versions_is_exact_and_names_only_what_changed() -> None:
    """The report diffs every agreement version against the one before (40 over ten
    years): the common start and end are skipped, whitespace never starts a match,
    and the changes still rebuild both versions exactly."""
    import random

    from twofold.domain.agreement import word_diff

    rng = random.Random(7)
    words = ["trust", "time", "we", "agree", "to", "talk", "evening", "phone", "walk"]
    words += [f"word{n}" for n in range(300)]
    before = " ".join(rng.choice(words) for _ in range(3000))
    tokens = before.split(" ")
    tokens[1500] = "CHANGED"
    tokens.insert(10, "INSERTED")
    del tokens[2900]
    after = " ".join(tokens)
    changes = word_diff(before, after)
    assert "".join(c.text for c in changes if c.kind != "added") == before
    assert "".join(c.text for c in changes if c.kind != "removed") == after
    added = " ".join(c.text for c in changes if c.kind == "added")
    assert "CHANGED" in added and "INSERTED" in added and len(added.split()) <= 4
    assert len(" ".join(c.text for c in changes if c.kind == "removed").split()) <= 4
    for a, b in [("", "new words"), ("old words", ""), ("same", "same"), ("a  b", "a b")]:
        diff = word_diff(a, b)
        assert "".join(c.text for c in diff if c.kind != "added") == a
        assert "".join(c.text for c in diff if c.kind != "removed") == b


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from(["we", "talk", "on", "Sunday", " ", "  ", "\n", "phones", "."])),
    st.lists(st.sampled_from(["we", "talk", "on", "Sunday", " ", "  ", "\n", "open", "."])),
)
def test_a_word_diff_rebuilds_both_versions_exactly(old: list[str], new: list[str]) -> None:
    before, after = "".join(old), "".join(new)
    changes = word_diff(before, after)
    assert "".join(c.text for c in changes if c.kind != "added") == before
    assert "".join(c.text for c in changes if c.kind != "removed") == after
    assert all(c.text for c in changes)
    if before == after:
        assert all(c.kind == "same" for c in changes)
