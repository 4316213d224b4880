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


def _snippet_word_by_word(text: str, typed: str, width: int = 16) -> str:
    """make_snippet as it was before the ASCII shortcut: every word folded and tested."""
    from twofold.domain.search import _TOKEN, _fold

    wanted = [_fold(w) for w in _TOKEN.findall(typed)]
    if not wanted:
        return " ".join(text.split()[:width])
    prefix = not typed.endswith(tuple(" \t\"'"))
    exact, last = set(wanted[:-1]), wanted[-1]

    def matches(word: str) -> bool:
        folded = _fold(word)
        return folded in exact or folded == last or (prefix and folded.startswith(last))

    words = text.split()
    first = next((i for i, w in enumerate(words) if any(matches(t) for t in _TOKEN.findall(w))), 0)
    start = max(0, first - width // 3)
    window = words[start : start + width]
    marked = [f"[{w}]" if any(matches(t) for t in _TOKEN.findall(w)) else w for w in window]
    head = "…" if start > 0 else ""
    tail = "…" if start + width < len(words) else ""
    return head + " ".join(marked) + tail


_PIECES = ["trust", "Trust", "tru", "walk", "WALKED", "x1", "_", "-", "(", ")", "'", ".", "1.",
           "café", "Straße", "ﬁsh", "⒈", "²", "\t", "\n", "\x1c", " ", "  "]  # fmt: skip


@given(
    text=st.lists(st.sampled_from(_PIECES) | st.text(max_size=4), max_size=60).map("".join),
    typed=st.lists(st.sampled_from(_PIECES) | st.text(max_size=3), max_size=5).map("".join),
    width=st.sampled_from([1, 4, 16]),
)
@settings(max_examples=600, deadline=None)
def test_a_snippet_is_the_one_word_by_word_testing_made(text: str, typed: str, width: int) -> None:
    """The first match of a plain-ASCII text is found by one expression over the lowered
    text; the snippet is the one testing every word made, for any text and query."""
    assert make_snippet(text, typed, width=width) == _snippet_word_by_word(text, typed, width)


def test_a_snippet_of_ascii_text_finds_the_first_match_by_one_expression() -> None:
    text = "Walked (trust-fall) far; the TRUSTY walkers came.\tWalk 2"
    for typed, expected in [
        ("trust", "Walked [(trust-fall)] far; the [TRUSTY] walkers came. Walk 2"),
        ("trust ", "Walked [(trust-fall)] far; the TRUSTY walkers came. Walk 2"),
        ("far walk", "[Walked] (trust-fall) [far;] the TRUSTY [walkers] came. [Walk] 2"),
        ("2", "…the TRUSTY walkers came. Walk [2]"),
        ("nowhere", "Walked (trust-fall) far; the TRUSTY walkers came. Walk 2"),
    ]:
        assert make_snippet(text, typed) == expected == _snippet_word_by_word(text, typed)
    far = " ".join(f"w{i}" for i in range(40)) + " (Trust)" + " tail" * 30
    assert make_snippet(far, "trust") == _snippet_word_by_word(far, "trust")
    assert make_snippet(far, "trust").startswith("…w35 w36 w37 w38 w39 [(Trust)] tail")
