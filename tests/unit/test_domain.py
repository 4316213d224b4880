from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from twofold.domain.istatement import suggestions
from twofold.domain.passphrase import estimate
from twofold.domain.search import fts_query, make_snippet


def test_fts_query_quotes_words_and_prefixes_the_last() -> None:
    assert fts_query("trust  OR repair") == '"trust" "OR" "repair"*'
    assert fts_query("trust ") == '"trust"'
    assert fts_query("  ***  ") is None


def test_snippet_marks_matches_accent_and_case_blind() -> None:
    text = (
        " ".join(f"w{i}" for i in range(40))
        + " Café ouvert "
        + " ".join(f"x{i}" for i in range(40))
    )
    snippet = make_snippet(text, "cafe ouv")
    assert "[Café]" in snippet and "[ouvert]" in snippet
    assert snippet.startswith("…") and snippet.endswith("…")
    assert make_snippet("short text", "nothing") == "short text"


def test_istatement_notices_blame_and_respects_dismissal() -> None:
    found = suggestions("It was fine. You never listen to me! Then dinner.")
    assert [s.phrase.lower() for s in found] == ["you never"]
    assert found[0].sentence == "You never listen to me!"
    assert suggestions("You never listen to me!", frozenset({"You never listen to me!"})) == []
    assert suggestions("I felt alone when you left early because I was scared.") == []
    assert [s.noticed for s in suggestions("You make me feel small.")] == ["“you make me”"]


def test_passphrase_strength_gives_concrete_feedback() -> None:
    common = frozenset({"password", "dragon", "sunshine"})
    assert estimate("password", common).score == 0
    weak = estimate("Sam1234", common, ("Sam",))
    assert weak.score <= 1 and any("names" in f for f in weak.feedback)
    assert any("1234" in f for f in weak.feedback)
    strong = estimate("lamp orbit velvet canyon", common)
    assert strong.score >= 3 and strong.acceptable


@given(st.text(max_size=40) | st.text(st.characters(max_codepoint=127), max_size=40))
@settings(max_examples=300, deadline=None)
def test_a_word_folds_the_same_with_or_without_the_ascii_shortcut(word: str) -> None:
    """``search._fold`` skips the Unicode decomposition for ASCII words (a snippet folds
    every word it looks at); the result is the one the full folding gives."""
    import unicodedata

    from twofold.domain.search import _fold

    full = "".join(
        ch for ch in unicodedata.normalize("NFKD", word.casefold()) if not unicodedata.combining(ch)
    )
    assert _fold(word) == full
