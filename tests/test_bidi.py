"""cstoref.bidi: cleaning, measuring, shaping, wrapping and reordering one table cell."""

from __future__ import annotations

import ast
import subprocess
import sys
import unicodedata
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cstoref import bidi as cb
from cstoref.bidi import Block, clean, direction, isolate, layout, pad, shape, width

MODULE = Path(cb.__file__)

# ------------------------------------------------------------------------------------------
# strategies
# ------------------------------------------------------------------------------------------

ARABIC = "ابتثجحخدذرزسشصضطظعغفقكلمنهويءآأإؤئةىـ"
LATIN = "abcdefghijklmnopqrstuvwxyzCSTOUD"
DIGITS = "0123456789٠١٢٣٤٥٦٧٨٩"
HARAKAT = "".join(chr(cp) for cp in range(0x064B, 0x0653))
BRACKETS = "()[]{}<>«»‹›"
PUNCT = ".,:;!?-/%+#،؛؟'\"&*=_"
# Things data might carry that must never reach the terminal.
CONTROLS = [
    "\x1b[31m", "\x1b[2J", "\x1b[?1049h", "\x1b]0;evil title\x07", "\x1b]52;c;SGVsbG8=\x1b\\",
    "\x1b]8;;https://example.com\x1b\\", "\x1bP1$r\x1b\\", "\x1b_apc\x1b\\", "\x1b(B", "\x1b7",
    "\x1b", "\x1b[", "\x9b31m", "\x9d0;title\x07", "\x90q\x9c", "\x9b", "\x00", "\x07", "\x08",
    "\r", "\x0b", "\x0c", "\x7f", "\x85", "\t", "\u202a", "\u202b", "\u202c", "\u202d", "\u202e",
    "\u2066", "\u2067", "\u2068", "\u2069", "\u200e", "\u200f", "\u061c", "\u200d", "\ufe0f",
    "\ufe0e", "\u200b", "\u00ad", "\ufeff", "\u2028", "\u2029",
]
WORDS = ["لا", "لأ", "الله", "\u200c", "git status", "(CSTO)", "  ", "\n\n"]
TOKENS = (
    list(ARABIC) * 4 + list(LATIN) * 2 + list(DIGITS) + list(HARAKAT) * 2 + list(BRACKETS)
    + list(PUNCT) + [" "] * 12 + ["\n"] * 2 + CONTROLS + WORDS
)
texts = st.lists(st.sampled_from(TOKENS), max_size=90).map("".join)
# A single line as the wrapper hands it to the reorderer: cleaned, no controls, no newline.
LINE_TOKENS = (
    list(ARABIC) * 3 + list(LATIN) * 2 + list(DIGITS) + list(HARAKAT) + list(BRACKETS) + list(PUNCT)
    + [" "] * 6 + list("שלום۴⁅⁆〈〉（）［］$€°£~^|\\@\u00a0\u202f\u2007\u0301\u0670")
)
lines_ = st.lists(st.sampled_from(LINE_TOKENS), min_size=1, max_size=50).map("".join)

FORBIDDEN = (
    {chr(cp) for cp in range(0x20)} | {chr(cp) for cp in range(0x7F, 0xA0)}
    | set("\u200e\u200f\u061c\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
    | set("\u200d\ufe0e\ufe0f\u200b\u00ad\ufeff\u2028\u2029")
)
PAIRS = dict(zip(BRACKETS, ")(][}{><»«›‹"))


def _visible(line: str) -> int:
    return sum(1 for c in line if width(c) > 0)


def _letters(text: str) -> Counter:
    """What a line holds, whatever its order, shaping and mirroring."""
    text = unicodedata.normalize("NFKC", text)
    return Counter(min(c, PAIRS.get(c, c)) for c in text if c not in " \u200c")


HIDDEN = "\u200d\u200e\u200f\u061c"  # kept by clean for resolution and shaping, never printed


def _normalised(text: str) -> str:
    paragraphs = clean(text).strip(" \n").split("\n")
    # A word of nothing but joiners and bidi marks prints nothing and keeps no space of its own.
    joined = "\n".join(" ".join(w for w in p.split(" ") if w and not set(w) <= set(HIDDEN + "\u200c")) for p in paragraphs)
    return "".join(c for c in joined if c not in HIDDEN)


def _assert_rebuilds(logical: list[str], text: str, limit: int, visual: bool) -> None:
    """The logical lines, rejoined at the breaks, are the cleaned text with spaces normalised."""
    target = _normalised(text)
    pos = 0
    for line in logical:
        assert target.startswith(line, pos), (line, target[pos:])
        pos += len(line)
        if pos < len(target):
            if target[pos] in " \n":
                pos += 1
            else:  # a break inside a word: only for a word wider than the line
                start = max(target.rfind(" ", 0, pos), target.rfind("\n", 0, pos)) + 1
                ends = [x for x in (target.find(" ", pos), target.find("\n", pos)) if x != -1]
                word = target[start : min(ends, default=len(target))]
                assert width(shape(word) if visual else word) > limit, (word, limit)
    assert pos == len(target)


# ------------------------------------------------------------------------------------------
# properties of layout
# ------------------------------------------------------------------------------------------


@settings(max_examples=400, deadline=None, derandomize=True, database=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=texts, limit=st.integers(1, 60), visual=st.booleans())
def test_layout_properties(text, limit, visual):
    block = layout(text, limit, visual=visual)
    assert isinstance(block, Block)
    assert len(block.lines) == len(block.logical) >= 1
    for line in block.lines:
        # Wider than asked only when one character is wider than the whole width.
        assert width(line) <= limit or _visible(line) == 1, (line, limit)
        # No padding of our own; a space may start a line only to carry a stray mark.
        assert not line.endswith(" ")
        assert not line.startswith(" ") or width(line[1:2]) == 0, line
        assert not FORBIDDEN & set(line), [hex(ord(c)) for c in FORBIDDEN & set(line)]
    for line in block.logical:
        assert line == line.strip(" ")
        assert not FORBIDDEN & set(line)
    _assert_rebuilds(block.logical, text, limit, visual)
    if visual:
        # Line by line, the shown line holds exactly the letters of its logical line: the
        # first visual line holds the first logical words (nothing read bottom-up).
        for shown, logical in zip(block.lines, block.logical):
            assert _letters(shown) == _letters(logical), (shown, logical)
    else:
        assert block.lines == block.logical


@settings(max_examples=200, deadline=None)
@given(text=texts, limit=st.integers(1, 60))
def test_layout_rtl_cell_lines_match_logical_lines(text, limit):
    block = layout("منظمة " + text, limit, visual=True)
    assert block.rtl
    assert _letters(block.lines[0]) == _letters(block.logical[0])
    assert "".join(block.logical).startswith("منظمة")


@settings(max_examples=150, deadline=None)
@given(text=texts)
def test_clean_removes_controls_and_is_idempotent(text):
    cleaned = clean(text)
    assert not (FORBIDDEN - {"\n"} - set(HIDDEN)) & set(cleaned)
    assert clean(cleaned) == cleaned


# ------------------------------------------------------------------------------------------
# examples
# ------------------------------------------------------------------------------------------

SENTENCE = "منظمة معاهدة الأمن الجماعي هي تحالف عسكري تأسس عام ١٩٩٢ ويضم ست دول"


def _unreverse(line: str) -> str:
    """A pure Arabic display line back in logical order, letters unshaped."""
    return unicodedata.normalize("NFKC", line[::-1])


@pytest.mark.parametrize("text, expected", [
    ("\u200c \u0627", "\u0627"),  # a joiner before a space joins nothing and keeps no space
    ("\u200e \u0627", "\u0627"),
    ("\u0627 \u200f", "\u0627"),
    ("a \u200c b", "a b"),  # not "a  b"
    ("\u200d b", "b"),
    ("\u200c", ""),
])
@pytest.mark.parametrize("limit", [1, 2, 3, 20])
def test_a_word_of_only_joiners_and_marks_keeps_no_space(text, expected, limit):
    for visual in (False, True):
        block = layout(text, limit, visual=visual)
        assert " ".join(line for line in block.logical if line) == expected
        for line in block.lines:
            assert line == line.strip(" ") and "  " not in line, (text, limit, visual, block.lines)


def test_a_space_a_bidi_mark_reorders_to_the_edge_is_not_shown():
    # LRM makes " a" one left-to-right run, so the space lands at the shown line's left edge.
    assert layout("\u0627\u200e a", 3, visual=True).lines == ["a\ufe8d"]
    # A space that carries a mark with no letter before it stays.
    assert layout("\u0301 a", 3, visual=True).lines == ["\u0301 a"]


def test_a_bidi_mark_alone_still_takes_part_in_resolution():
    # RLM between two Latin words in an Arabic cell: the words keep the order the mark gives.
    assert layout("\u0627 a \u200f b", 20, visual=True).lines == layout("\u0627 a\u200f b", 20, visual=True).lines


def test_long_arabic_sentence_reads_from_the_top_line_down():
    block = layout(SENTENCE, 20, visual=True)
    assert block.rtl and len(block.lines) >= 3
    assert all(width(line) <= 20 for line in block.lines)
    assert block.logical[0].split()[0] == "منظمة"
    assert _unreverse(block.lines[0]).startswith("منظمة معاهدة")
    assert _unreverse(block.lines[-1]).endswith("دول")
    assert " ".join(block.logical) == SENTENCE


def test_latin_phrase_inside_arabic_is_not_reversed():
    text = "نفّذ الأمر git status ثم انتظر"
    wide = layout(text, 40, visual=True)
    assert "git status" in wide.lines[0]
    assert "sutats" not in wide.lines[0]
    narrow = layout(text, 12, visual=True)
    git = next(i for i, line in enumerate(narrow.lines) if "git" in line)
    status = next(i for i, line in enumerate(narrow.lines) if "status" in line)
    assert git <= status  # top to bottom, never split in reverse


def test_lam_alef_is_one_cell():
    assert shape("لا") == "\ufefb"
    assert width(shape("لا")) == 1
    assert layout("لا", 5, visual=True).lines == ["\ufefb"]
    assert "\ufefc" in shape("السلام")  # final form inside a word
    assert width(shape("السلام")) == 5
    # A cut inside a long word never separates lam from its alef: together they are one cell.
    block = layout("سلاسلاسلا", 2, visual=True)
    assert all(width(line) <= 2 for line in block.lines)
    assert not any(line.endswith("ل") for line in block.logical)


def test_no_word_ligatures():
    for text in ("الله", "بسم الله الرحمن الرحيم", "محمد رسول الله صلى الله عليه وسلم", "ريال أكبر"):
        shaped = shape(text)
        assert not any(0xFDF0 <= ord(c) <= 0xFDFF for c in shaped), shaped
        assert width(shaped) == len(text)  # one cell a letter: nothing drawn wider
        for line in layout(text, 80, visual=True).lines:
            assert "\ufdf2" not in line and "\ufdfd" not in line
    # Ligature code points already in the data go back to their letters.
    assert clean("\ufdf2") == "الله"
    assert clean("\ufdfd") == "بسم الله الرحمن الرحيم"  # no Unicode decomposition: spelled out
    assert clean("\ufdfc") == "ریال"
    word_ligatures = [chr(cp) for cp in range(0xFD40, 0xFE00) if "LIGATURE" in unicodedata.name(chr(cp), "")]
    assert len(word_ligatures) > 60
    for c in word_ligatures:
        assert all(width(x) <= 1 for x in clean(c)) and c not in clean(c), hex(ord(c))
    assert clean("\ufefb") == "\ufefb"  # lam-alef stays: one cell


def _clusters_of(line: str) -> list[str]:
    out: list[str] = []
    for c in line:
        if out and width(c) == 0:
            out[-1] += c
        else:
            out.append(c)
    return out


@pytest.mark.parametrize("text", ["كَتَبَ الوَلَدُ الدَّرْسَ", "لاَ", "إِلَى الوَطَنِ", "مُنَظَّمَةٌ", "بَ"])
def test_harakat_kept_and_each_follows_its_letter(text):
    (line,) = layout(text, 80, visual=True).lines
    assert sum(1 for c in line if c in HARAKAT) == sum(1 for c in text if c in HARAKAT)
    assert line[0] not in HARAKAT
    # Read the display clusters (letter + its marks) right to left: the logical text again.
    words = [
        unicodedata.normalize("NFKC", "".join(reversed(_clusters_of(w))))
        for w in reversed(line.split(" "))
    ]
    assert words == [unicodedata.normalize("NFKC", w) for w in text.split(" ")]


def test_harakat_on_lam_alef_follow_the_ligature():
    # One cell holds both letters, so the lam's mark comes after it too, never before.
    assert layout("لَا", 10, visual=True).lines == ["\ufefb\u064e"]
    assert layout("لاَ", 10, visual=True).lines == ["\ufefb\u064e"]
    (line,) = layout("السَّلَامُ", 20, visual=True).lines
    assert line.startswith("\ufee1\u064f\ufefc\u064e")  # meem+damma, then lam-alef+fatha


def test_harakat_in_a_left_to_right_cell_and_at_the_start():
    (line,) = layout("hello بَت", 80, visual=True).lines
    assert line.startswith("hello ")
    assert "\ufe91\u064e" in line  # beh (initial form) then its fatha
    (line,) = layout("َبت", 80, visual=True).lines  # a stray leading mark is not lost
    assert "\u064e" in line


def test_brackets_are_mirrored_in_rtl_cells():
    (line,) = layout("«السعر 25 دولار (USD)»", 60, visual=True).lines
    assert "(USD)" in line and ")USD(" not in line
    assert line.startswith("«") and line.endswith("»")
    assert "25" in line
    (line,) = layout("منظمة معاهدة الأمن الجماعي (CSTO)", 60, visual=True).lines
    assert line.startswith("(CSTO) ")
    (line,) = layout("منظمة «(CSTO)»", 60, visual=True).lines
    assert line.startswith("«(CSTO)» ")
    (line,) = layout("«(CSTO)» منظمة", 60, visual=True, base="rtl").lines
    assert line.endswith(" «(CSTO)»")
    (line,) = layout("(منظمة)", 60, visual=True).lines
    assert line[0] == "(" and line[-1] == ")"


def test_brackets_in_ltr_cells_are_untouched():
    text = "see [1] (USD) <x> {y} «q» ‹r›"
    assert layout(text, 80, visual=True).lines == [text]
    (line,) = layout("CSTO (منظمة) members", 80, visual=True).lines
    assert line.startswith("CSTO (") and line.endswith(") members")


def test_each_paragraph_of_a_cell_is_reordered_on_its_own():
    block = layout("مرحبا\nhello عالم\n\nسطر ثالث طويل جدا (CSTO)", 10, visual=True)
    assert block.lines[0] == shape("مرحبا")[::-1]
    assert block.lines[1].endswith("hello")  # right-to-left cell: "hello", logically first, is on the right
    assert block.lines[2] == ""
    assert all("\n" not in line for line in block.lines)


def test_newline_is_never_moved_by_reordering():
    block = layout("مرحبا\nhello عالم", 40, visual=True)
    assert len(block.lines) == 2
    assert block.logical == ["مرحبا", "hello عالم"]
    assert "hello" in block.lines[1]


def test_logical_mode_is_cleaned_wrapped_unshaped_unreordered():
    block = layout("  منظمة\u202e   معاهدة\x1b[31m الأمن  ", 12, visual=False)
    assert block.lines == block.logical == ["منظمة معاهدة", "الأمن"]
    assert block.rtl


def test_layout_edges():
    assert layout("", 10, visual=True).lines == [""]
    assert layout("", 10, visual=False).lines == [""]
    assert layout(" \n \x1b[0m", 10, visual=True).lines == [""]
    assert layout("abc", 0, visual=False).lines == ["a", "b", "c"]  # width < 1 counts as 1
    assert layout("abc", -5, visual=True).lines == ["a", "b", "c"]
    assert layout("中文", 1, visual=False).lines == ["中", "文"]  # wider than the width: alone
    assert layout("a\n\nb\n", 5, visual=False).lines == ["a", "", "b"]
    assert layout("hello", 3, visual=False).logical == ["hel", "lo"]
    assert layout("éé", 1, visual=False).lines == ["é", "é"]  # a mark stays with its letter
    assert layout("e\u0301e\u0301", 1, visual=False).lines == ["e\u0301", "e\u0301"]


def test_base_direction_override():
    assert layout("hello", 10, visual=True, base="rtl").rtl
    assert layout("hello", 10, visual=True, base="R").rtl
    assert not layout("مرحبا", 10, visual=True, base="ltr").rtl
    assert not layout("مرحبا", 10, visual=True, base="L").rtl
    assert layout("hi!", 10, visual=True, base="rtl").lines == ["!hi"]
    with pytest.raises(ValueError):
        layout("x", 10, visual=True, base="up")


def test_direction_is_found_once_for_the_whole_cell():
    # The second line starts with Latin, but it is laid out in the cell's direction.
    block = layout("مرحبا بكم\ngit status هنا", 40, visual=True)
    assert block.rtl
    assert block.lines[1].startswith(shape("هنا")[::-1])


# ------------------------------------------------------------------------------------------
# clean
# ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "raw, expected",
    [
        ("\x1b[31mred\x1b[0m", "red"),
        ("a\x1b[2J\x1b[Hb", "ab"),
        ("\x1b]0;evil title\x07ok", "ok"),
        ("\x1b]52;c;SGVsbG8=\x1b\\ok", "ok"),
        ("\x1b]8;;https://x.test\x1b\\link\x1b]8;;\x1b\\", "link"),
        ("\x1bP1$r\x1b\\ok", "ok"),
        ("\x1b_payload\x1b\\ok", "ok"),
        ("\x1b^pm\x1b\\ok\x1bXsos\x1b\\", "ok"),
        ("\x1b(Bok\x1b7\x1b8", "ok"),
        ("ok\x1b", "ok"),
        ("\x9b2Jok", "ok"),
        ("\x9d0;title\x07ok", "ok"),
        ("\x9d0;title\x9cok", "ok"),
        ("\x90q\x9cok", "ok"),
        ("\x1b]0;never closed", ""),
        ("a\x00b\x07c\x08d\x0be\x0cf\x7fg\x85h\x80i\x9cj", "abcdefghij"),
        ("ok\x9fapc string never closed", "ok"),
        ("a\tb", "a b"),
        ("a\r\nb\rc", "a\nb\nc"),
        ("a\u2028b\u2029c", "a\nb\nc"),
        ("\u202eabc\u202c \u2067x\u2069 y z", "abc x y z"),
        ("\u202a\u202b\u202d\u2066\u2068", ""),
        ("\u200fy\u200e \u061cz ب\u200dب", "\u200fy\u200e \u061cz ب\u200dب"),  # marks, joiners: for layout
        ("❤\ufe0f ☺\ufe0e", "❤ ☺"),
        ("soft\u00adhy\u200bphen\ufeff", "softhyphen"),
        ("a\u00a0b\u2003c\u3000d", "a\u00a0b c d"),
        ("می\u200cخواهم", "می\u200cخواهم"),
        ("\udcff", "\ufffd"),
        ("كَتَبَ ١٢٣ abc, (x) «y»", "كَتَبَ ١٢٣ abc, (x) «y»"),
    ],
)
def test_clean(raw, expected):
    assert clean(raw) == expected


def test_clean_keeps_what_is_text():
    text = "منظمة معاهدة الأمن الجماعي (CSTO)، ١٩٩٢: 6 دول! ـ مُنَظَّمَةٌ [1] {2} <3>"
    assert clean(text) == text


# ------------------------------------------------------------------------------------------
# width
# ------------------------------------------------------------------------------------------


def _survivors(start: int, end: int) -> list[str]:
    return [
        chr(cp) for cp in range(start, end + 1)
        if unicodedata.category(chr(cp)) != "Cn" and clean(chr(cp)) == chr(cp)
    ]


def test_width_agrees_with_rich():
    from rich.cells import cell_len

    samples = (
        _survivors(0x0620, 0x064A)  # Arabic letters
        + _survivors(0x064B, 0x065F) + ["\u0670"]  # harakat
        + _survivors(0x0660, 0x06FF)  # Arabic-Indic digits, Persian/Urdu letters, signs
        + _survivors(0xFB50, 0xFDFF) + _survivors(0xFE70, 0xFEFC)  # presentation forms
        + _survivors(0x0020, 0x007E) + _survivors(0x00A0, 0x017F)  # Latin, digits, punctuation
        + list("中文字日本語한국어カタカナＡＢＣ１２３。、（）") + ["\u200c"]
    )
    assert len(samples) > 800
    mismatches = [(hex(ord(c)), width(c), cell_len(c)) for c in samples if width(c) != cell_len(c)]
    assert not mismatches
    for text in (SENTENCE, "كَتَبَ الوَلَدُ (CSTO) 25", "中文 and عربي", "السلام عليكم"):
        for variant in (text, shape(text), layout(text, 12, visual=True).lines[0]):
            assert width(variant) == cell_len(variant)


def test_width_values():
    assert width("") == 0
    assert width("abc 12") == 6
    assert width("مرحبا") == 5
    assert width("كَتَبَ") == 3
    assert width("\ufefb") == 1
    assert width("中文") == 4
    assert width("😀") == 2
    assert width("\u200c\u2068") == 0


# ------------------------------------------------------------------------------------------
# direction, pad, isolate
# ------------------------------------------------------------------------------------------


def test_direction():
    assert direction("مرحبا hello") == "rtl"
    assert direction("hello مرحبا") == "ltr"
    assert direction("123 (עברית)") == "rtl"  # Hebrew is R
    assert direction("  25 - ") == "ltr"  # no strong character
    assert direction("") == "ltr"
    assert direction("\u2066مرحبا\u2069 hello") == "ltr"  # P2 skips isolates
    assert direction("٣ ABC") == "ltr"  # Arabic-Indic digits are weak


def test_pad():
    assert pad("ab", 5, "left") == "ab   "
    assert pad("ab", 5, "right") == "   ab"
    assert pad("ab", 5, "center") == " ab  "
    assert pad("中", 4, "right") == "  中"
    assert pad("كَتَبَ", 5, "left") == "كَتَبَ  "
    assert width(pad(shape("السلام"), 9, "right")) == 9
    assert pad("abcdef", 3, "left") == "abcdef"
    with pytest.raises(ValueError):
        pad("x", 3, "middle")


def test_isolate():
    assert isolate("مرحبا", True) == "\u2068مرحبا\u2069"
    assert isolate("hello", False) == "\u2068hello\u2069"
    # A wrapped line of an Arabic cell that starts with Latin keeps the cell's direction.
    assert isolate("git status هنا", True) == "\u2067git status هنا\u2069"
    assert isolate("25", True) == "\u206725\u2069"
    assert isolate("", True) == ""
    assert width(isolate("مرحبا", True)) == 5


# ------------------------------------------------------------------------------------------
# cheap to import
# ------------------------------------------------------------------------------------------


LAYOUT_MODULES = ("bidi", "cells", "uax9", "shaping", "mirroring")


def test_layout_modules_import_only_the_standard_library_and_each_other_at_top_level():
    for name in LAYOUT_MODULES:
        tree = ast.parse((MODULE.parent / f"{name}.py").read_text(encoding="utf-8"))
        top = set()
        for node in tree.body:
            if isinstance(node, ast.Import):
                top.update(alias.name.split(".")[0] for alias in node.names)
            elif isinstance(node, ast.ImportFrom):
                if node.level:
                    assert node.module in LAYOUT_MODULES or node.module is None, (name, node.module)
                    assert all(alias.name in LAYOUT_MODULES for alias in node.names) or node.module, name
                else:
                    top.add(node.module.split(".")[0])
        assert top <= {"__future__", "os", "re", "unicodedata", "functools", "itertools", "bisect"}, (name, top)
        every = {
            (alias.name if isinstance(node, ast.Import) else node.module or "").split(".")[0]
            for node in ast.walk(tree) if isinstance(node, (ast.Import, ast.ImportFrom))
            for alias in node.names
        }
        assert not every & {"rich", "typer", "bidi"}, name


def test_libraries_load_only_for_visual_layout():
    code = """
import sys
from cstoref import bidi as m
m.layout("منظمة (CSTO)", 10, visual=False)
m.width("x"); m.clean("x"); m.direction("x"); m.pad("x", 3, "left"); m.isolate("x", False)
print(sorted(n for n in ("arabic_reshaper", "bidi", "rich", "typer") if n in sys.modules))
m.layout("منظمة (CSTO)", 10, visual=True)
print(sorted(n for n in ("arabic_reshaper", "bidi", "rich", "typer") if n in sys.modules))
"""
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    before, after = result.stdout.splitlines()
    assert before == "[]"
    assert after == "['arabic_reshaper']"


def test_a_broken_reshaper_config_variable_does_not_crash(tmp_path):
    code = """
from cstoref import bidi as m
print(m.layout("الله لا", 20, visual=True).lines[0])
"""
    env = {"PYTHON_ARABIC_RESHAPER_CONFIGURATION_FILE": str(tmp_path / "missing.ini"), "PYTHONUTF8": "1"}
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=60)
    assert result.returncode == 0, result.stderr
    assert "\ufdf2" not in result.stdout and "\ufefb" in result.stdout


@pytest.mark.parametrize(("text", "width", "lines"), [
    ("ev-1999-04-02-renewal-protocol", 13, ["ev-1999-04-", "02-renewal-", "protocol"]),
    ("f-abbreviation", 13, ["f-", "abbreviation"]),  # the rest fits on the next line
    ("abcdefghijklmnop", 6, ["abcdef", "ghijkl", "mnop"]),  # no hyphen: cut where the line ends
])
def test_a_long_id_is_cut_after_a_hyphen(text: str, width: int, lines: list[str]) -> None:
    assert layout(text, width, visual=False).lines == lines
