"""Folding text for matching: the ways one name is written should compare equal."""

from __future__ import annotations

import re
import unicodedata

_ARABIC_FOLD = str.maketrans(
    {
        "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ٲ": "ا", "ٳ": "ا",
        "ؤ": "و", "ئ": "ي", "ى": "ي", "ی": "ي", "ې": "ي",
        "ة": "ه", "ک": "ك", "ـ": None, "ء": None,
    }
)
# Harakat, the superscript alef and Quranic marks carry no identity for a search.
_MARKS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed]")
_NON_WORD = re.compile(r"[\W_]+")


def fold(text: str) -> str:
    """Lower-case, accent-free, hamza/alef/ta-marbuta/alef-maqsura-neutral, single-spaced."""
    text = unicodedata.normalize("NFKC", text)
    text = _MARKS.sub("", text).translate(_ARABIC_FOLD)
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    text = "".join(ch for ch in decomposed if not unicodedata.combining(ch) or "\u0600" <= ch <= "\u06ff")
    return _NON_WORD.sub(" ", text).strip()


def matches(needle: str, haystack: str) -> bool:
    """Whether `needle` occurs in `haystack` once both are folded.

    A plain substring test: Arabic attaches و، ب، ل and ال to the word, so word starts
    would miss «وقرغيزستان» when asked for قرغيزستان.
    """
    folded_needle = fold(needle)
    return bool(folded_needle) and folded_needle in fold(haystack)
