"""The `quote` answer: who said what, matched by words or by the speaker's names."""

from __future__ import annotations

from typing import Any

from ..errors import NotFound, UsageError
from ..render import Column, Table, date_text
from ..store import Store
from .common import (
    Result,
    cited,
    disputed,
    h,
    id_column,
    legend,
    markers,
    name_notes,
    ordered,
    source_column,
    with_cite,
)

_QUOTE_FIELDS = ("id", "speaker", "role", "date", "text")


def _speaker_names(store: Store, quote: dict[str, Any]) -> list[str]:
    names = [quote["speaker_name"]["en"], quote["speaker_name"]["ar"]]
    person = store.by_id(quote["speaker"]) if quote.get("speaker") else None
    if person:
        names += [person["name"]["en"], person["name"]["ar"], *person.get("aliases", {}).get("en", []), *person.get("aliases", {}).get("ar", [])]
    return names


def title(text: str | None, speaker: str | None, random: bool) -> dict[str, str]:
    """The heading says which quotes the filters chose."""
    base = h("Quotes: the Arabic as printed, with our English translation", "اقتباسات: النص العربي كما نُشر مع ترجمتنا الإنجليزية")
    parts_en, parts_ar = [], []
    if speaker:
        parts_en.append(f"by {speaker}")
        parts_ar.append(f"قالها {speaker}")
    if text:
        parts_en.append(f"matching {text}")
        parts_ar.append(f"تطابق «{text}»")
    if random:
        parts_en.append("one at random")
        parts_ar.append("واحد عشوائيًا")
    if not parts_en:
        return base
    return h(f"{base['en']}: {', '.join(parts_en)}", f"{base['ar']}: {'، '.join(parts_ar)}")


def quote(store: Store, text: str | None = None, speaker: str | None = None, random: bool = False,
          cite: bool = False) -> Result:
    # Text folding is for the commands that match what the user typed, so it loads with them.
    from ..textnorm import fold, matches

    for given, what in ((text, "TEXT"), (speaker, "--speaker")):
        if given is not None and not fold(given):
            raise UsageError(f"{what} must contain letters or digits")

    def names_match(asked: str, names: list[str]) -> bool:
        """A name in any spelling, or its words in any order ("Tokayev Kassym-Jomart")."""
        words = fold(asked).split()
        return any(matches(asked, name) or (len(words) > 1 and all(w in fold(name) for w in words))
                   for name in names)

    def wanted(q: dict[str, Any]) -> bool:
        names = _speaker_names(store, q)
        if speaker is not None and not names_match(speaker, names):
            return False
        # TEXT is looked for in the words, their context and who said them: `quote Putin`.
        texts = (q["text"]["ar"], q["text"]["en"], *(q.get("context") or {}).values())
        return text is None or any(matches(text, t) for t in texts) or names_match(text, names)

    quotes = store.table("quotes")
    chosen = [q for q in quotes if wanted(q)]
    if not chosen:
        if not quotes:
            raise NotFound("this store has no quotes")
        speakers = ", ".join(sorted({q["speaker_name"]["en"] for q in quotes}))
        import shlex

        asked = shlex.quote(" ".join(given for given in (text, speaker) if given))
        raise NotFound(f"no quote matches; speakers are {speakers}; `cstoref search {asked}` finds every mention")
    if random:
        import random as _random

        chosen = [_random.choice(chosen)]
    rows = []
    for q in chosen:
        when = date_text(q.get("date"))
        context = q.get("context")
        note = q.get("date_note")
        rows.append(
            {
                "speaker": [q["speaker_name"], q.get("role")],
                # The Arabic is the original and comes first; the English is labelled as ours.
                "text": with_cite(
                    [{"ar": q["text"]["ar"]}, {"en": f"(our translation) {q['text']['en']}"}]
                    + ([{"style": "dim", "value": h(f"Context: {context['en']}", f"السياق: {context['ar']}")}] if context else [])
                    + disputed(q) + name_notes(store, q),
                    q, cite,
                ),
                "date": [when or h("undated", "غير مؤرخ")]
                + ([{"style": "dim", "value": h(f"Date: {note['en']}", f"التاريخ: {note['ar']}")}] if note else []),
                "src": markers(cited(q)),
                "id": q["id"],
            }
        )
    table = Table(
        title=title(text, speaker, random),
        columns=[
            Column("speaker", h("Speaker", "القائل")),
            Column("text", h("Quote", "الاقتباس")),
            Column("date", h("Date", "التاريخ")),
            source_column(),
            id_column(),
        ],
        rows=rows,
        note=legend(),
    )
    return Result([ordered(q, _QUOTE_FIELDS) for q in chosen], [table])
