"""Passphrase strength with concrete feedback, offline (DESIGN §3 lessons).

A rough guess-count estimate: words from a list of common passwords count as one
guess each, and the feedback says exactly what would help."""

from __future__ import annotations

import math
import re
import unicodedata

from twofold.domain.valueclass import valueclass

SUGGESTED_LENGTH = 12
MIN_LENGTH = 8


@valueclass
class Strength:
    score: int  # 0 (very weak) … 4 (strong)
    bits: float
    feedback: tuple[str, ...]

    @property
    def label(self) -> str:
        return ("Very weak", "Weak", "Fair", "Good", "Strong")[self.score]

    @property
    def acceptable(self) -> bool:
        return self.score >= 2


def _charset_size(text: str) -> int:
    size = 0
    if re.search(r"[a-z]", text):
        size += 26
    if re.search(r"[A-Z]", text):
        size += 26
    if re.search(r"[0-9]", text):
        size += 10
    if re.search(r"[^a-zA-Z0-9]", text):
        size += 33
    return max(size, 1)


def estimate(passphrase: str, common: frozenset[str], names: tuple[str, ...] = ()) -> Strength:
    feedback: list[str] = []
    text = passphrase
    lowered = text.casefold()
    if not text:
        return Strength(0, 0.0, ("Choose a passphrase: four or five unrelated words work well.",))
    words = re.findall(r"[a-z]+", lowered)
    if lowered.strip() in common or lowered.replace(" ", "") in common:
        return Strength(
            0, 4.0, ("This is one of the most common passwords; pick something of your own.",)
        )
    bits = len(text) * math.log2(_charset_size(text))
    common_words = [w for w in words if w in common and len(w) >= 3]
    for word in common_words:
        bits -= len(word) * math.log2(26) - 10  # a common word costs ~1,000 guesses
    for name in names:
        if name and name.casefold() in lowered:
            bits -= len(name) * 4
            feedback.append("Leave out your names: they are the first thing anyone would try.")
    if re.search(r"(.)\1\1", text):
        bits -= 10
        feedback.append("Avoid repeated characters like “aaa”.")
    if re.search(r"(?:0123|1234|2345|3456|4567|5678|6789|abcd|qwer|asdf)", lowered):
        bits -= 15
        feedback.append("Avoid sequences like “1234” or “qwerty”.")
    if re.search(r"(?:19|20)\d\d", text):
        bits -= 8
        feedback.append("Years and dates are easy to guess.")
    bits = max(bits, 0.0)
    if len(text) < MIN_LENGTH:
        feedback.insert(
            0, f"Use at least {MIN_LENGTH} characters; {SUGGESTED_LENGTH} or more is better."
        )
    elif len(text) < SUGGESTED_LENGTH:
        feedback.insert(0, f"Longer is stronger: aim for {SUGGESTED_LENGTH} characters or more.")
    if len(words) < 3 and bits < 60:
        feedback.append("Try four or five unrelated words, e.g. “lamp orbit velvet canyon”.")
    if common_words and bits < 60:
        feedback.append(f"“{common_words[0]}” is a very common word; add words no one would guess.")
    score = 0 if bits < 28 else 1 if bits < 40 else 2 if bits < 55 else 3 if bits < 70 else 4
    if len(text) < MIN_LENGTH:
        score = min(score, 1)
    if not feedback and score >= 3:
        feedback.append("Strong. Use it for Twofold only, nowhere else.")
    return Strength(score, bits, tuple(dict.fromkeys(feedback)))


def normalise_passphrase(passphrase: str) -> bytes:
    """NFKD, no truncation: the same words typed on another keyboard still unlock."""
    return unicodedata.normalize("NFKD", passphrase).encode("utf-8")


def same_passphrase(first: str, second: str) -> bool:
    """Whether two typed passphrases would open the same slot (each partner needs their own)."""
    return normalise_passphrase(first) == normalise_passphrase(second)
