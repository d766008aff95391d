"""The `quote` answer: who said what, matched by words or by the speaker's names."""

from __future__ import annotations

from ..errors import NotFound, UsageError, cut
from ..render import date_text
from ..store import Store
from ..tables import Column, Table
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


#: where TEXT is looked for: the words, their context and who said them (`quote Putin`)
_TEXT_KEYS = frozenset({"text", "context", "speaker_name", "speaker"})
#: where --speaker is looked for: the name printed with the quote, and the person it points at
_SPEAKER_KEYS = frozenset({"speaker_name", "speaker"})
_QUOTES = frozenset({"quotes"})


def _matching(store: Store, asked: str, what: str, keys: frozenset[str]) -> set[str]:
    """Ids of the quotes whose `keys` fields hold every word of `asked`, in any spelling."""
    from ..retrieve import TooLong, engine

    if not asked.strip():
        raise UsageError(f"{what} must contain letters or digits")
    try:
        words, hits = engine(store).search(asked, tables=_QUOTES, keys=keys)
    except TooLong as exc:
        raise UsageError(f"{what}: {exc}") from None
    if not words:
        raise UsageError(f"{what} must contain letters or digits")
    return {hit.record["id"] for hit in hits}


def title(text: str | None, speaker: str | None, random: bool) -> dict[str, str]:
    """The heading says which quotes the filters chose."""
    base = h("Quotes, translated by us from the Arabic as printed", "اقتباسات: النص العربي كما نُشر")
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
          limit: int | None = None, cite: bool = False) -> Result:
    # Matching goes through the search engine, with its analysis, spellings and typos: the
    # same words find the same quotes as `search` does.
    wanted = None
    for given, what, keys in ((text, "TEXT", _TEXT_KEYS), (speaker, "--speaker", _SPEAKER_KEYS)):
        if given is not None:
            ids = _matching(store, given, what, keys)
            wanted = ids if wanted is None else wanted & ids

    quotes = store.table("quotes")
    chosen = [q for q in quotes if wanted is None or q["id"] in wanted]
    if not chosen:
        if not quotes:
            raise NotFound("this store has no quotes")
        speakers = ", ".join(sorted({q["speaker_name"]["en"] for q in quotes}))
        import shlex

        asked = shlex.quote(cut(" ".join(given for given in (text, speaker) if given)))
        raise NotFound(f"no quote matches; speakers are {speakers}; `cstoref search {asked}` finds every mention")
    if random:
        import random as _random

        chosen = [_random.choice(chosen)]
    # --limit is applied by the caller, as for every list, which then says how many there are.

    def tables() -> list[Table]:
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
        return [Table(
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
        )]

    return Result([ordered(q, _QUOTE_FIELDS) for q in chosen], tables)
