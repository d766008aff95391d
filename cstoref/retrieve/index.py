"""The index: each term maps to the fields of the records it occurs in, and its positions there.

Like an FTS5 table, it knows nothing of ranking. It is built from `Store.records()`, every
table alike; for the bundled store it is built ahead of time and shipped (see `bundled_text`).
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from typing import Any

from . import analysis
from .typos import Vocabulary

#: where a field lies in its record, best first: what ranking calls the attribute
NAME, OWN, NESTED, POINTER = 0, 1, 2, 3
TIER_NAMES = ("name", "text", "nested", "pointer")

#: a record's own name: a match here means the record is what was asked for
#: a fact's key is its topic (founded, seat, chairmanship): a name of the fact
NAME_KEYS = frozenset({"name", "aliases", "iso3", "iso2", "code", "codes", "abbreviation", "subject", "key"})
#: fields with no words of their own: ids, citations' source ids, and the kinds of values
SKIP_KEYS = frozenset({"id", "source", "rank", "qualifier", "property", "kind", "translation", "language",
                       "scope", "file", "url"})
_LANGS = frozenset({"en", "ar", "ru"})
#: a field's name holds words too (legal_basis) when it has more than one
KEY_WORDS = "#"

FORMAT = 2
_HERE = os.path.dirname(os.path.abspath(__file__))
BUNDLED = os.path.join(_HERE, "bundled.json")


def leaves(record: dict[str, Any]) -> Iterator[tuple[tuple[Any, ...], Any, int]]:
    """Every string or number of a record with its path and tier; a field name of several
    words comes first, as its own field."""
    for key, value in record.items():
        if key in SKIP_KEYS:
            continue
        tier = NAME if key in NAME_KEYS else OWN
        if "_" in key:
            yield (key, KEY_WORDS), key.replace("_", " "), tier
        stack: list[tuple[tuple[Any, ...], Any]] = [((key,), value)]
        while stack:
            path, item = stack.pop()
            if isinstance(item, bool) or item is None:
                continue
            if isinstance(item, (str, int, float)):
                own = all(isinstance(p, int) or p in _LANGS for p in path[1:])
                yield path, item, tier if own else NESTED
            elif isinstance(item, dict):
                stack.extend(((*path, k), v) for k, v in reversed(item.items()) if k not in SKIP_KEYS)
            elif isinstance(item, list):
                stack.extend(((*path, i), v) for i, v in reversed(list(enumerate(item))))


def names(record: dict[str, Any]) -> list[str]:
    """A record's name in each language and its aliases."""
    name = record.get("name")
    found = [v for v in name.values() if isinstance(v, str)] if isinstance(name, dict) else []
    aliases = record.get("aliases")
    if isinstance(aliases, dict):
        for values in aliases.values():
            found += [v for v in values or () if isinstance(v, str)]
    return found


def is_entity(record: dict[str, Any]) -> bool:
    """A thing with names others mention (a country, a person, a place, an organisation)."""
    return isinstance(record.get("name"), dict) and ("aliases" in record or "iso3" in record)


def resolve(record: dict[str, Any], path: list[Any] | tuple[Any, ...]) -> str:
    """The text of the field at `path` (a field name's own words for a KEY_WORDS path)."""
    if path and path[-1] == KEY_WORDS:
        return str(path[0]).replace("_", " ")
    item: Any = record
    for step in path:
        item = item[step]
    return item if isinstance(item, str) else str(item)


class Index:
    """Postings (term -> flat [field, position, ...]) over fields; "@N" terms are entity N,
    mentioned by one of its names or pointed at by its id or code.

    Fields are parallel lists (doc, tier, number of words, path). Loaded from the shipped
    file, a term's postings and a field's path stay text until a query needs them.
    """

    def __init__(self) -> None:
        self.docs: list[tuple[str, str]] = []
        self.doc: list[int] = []
        self.tier: list[int] = []
        self.size: list[int] = []
        self._paths: list[Any] = []
        #: term -> flat [text, position, ...]
        self.postings: dict[str, Any] = {}
        #: text -> the fields that hold it
        self.texts: list[Any] = []
        self.lengths: list[int] = []
        #: per entity: its doc, each of its names as terms, its codes
        self.entities: list[tuple[int, list[list[str]], list[str]]] = []
        #: a term -> a word of the store that gives it, for "did you mean"
        self.surfaces: dict[str, str] = {}
        #: English words -> their terms (as a list, or joined by spaces once loaded)
        self.known: dict[str, Any] = {}
        self._vocabulary: Vocabulary | None = None
        self._name_terms: frozenset[str] | None = None

    def add_field(self, doc: int, tier: int, path: list[Any], size: int) -> int:
        self.doc.append(doc)
        self.tier.append(tier)
        self.size.append(size)
        self._paths.append(path)
        return len(self.doc) - 1

    def path(self, fid: int) -> list[Any]:
        path = self._paths[fid]
        if isinstance(path, str):
            path = self._paths[fid] = json.loads(path)
        return path

    def posting(self, term: str) -> list[int]:
        flat = self.postings[term]
        if isinstance(flat, str):
            flat = self.postings[term] = [int(n) for n in flat.split()]
        return flat

    def holders(self, tid: int) -> list[int]:
        """The fields that hold text `tid`."""
        fields = self.texts[tid]
        if isinstance(fields, str):
            fields = self.texts[tid] = [int(n) for n in fields.split()]
        return fields

    def occurrences(self, term: str) -> list[tuple[int, int]]:
        """(field, position) of every occurrence of `term`."""
        flat = self.posting(term)
        return [(fid, flat[k + 1]) for k in range(0, len(flat), 2) for fid in self.holders(flat[k])]

    def vocabulary(self) -> Vocabulary:
        """The index's terms (not its entities), to look typos up in."""
        if self._vocabulary is None:
            self._vocabulary = Vocabulary([t for t in self.postings if t[0] != "@"])
        return self._vocabulary

    def name_terms(self) -> frozenset[str]:
        """The terms of the entities' names (every spelling), each of their words."""
        if self._name_terms is None:
            self._name_terms = frozenset(term for _, variants, _ in self.entities for variant in variants for term in variant)
        return self._name_terms

    def to_json(self, fingerprint: str) -> str:
        data = {"format": FORMAT, "store": fingerprint, "docs": self.docs, "doc": self.doc, "tier": self.tier,
                "size": self.size, "paths": [json.dumps(self.path(f), ensure_ascii=False) for f in range(len(self.doc))],
                "texts": [" ".join(map(str, self.holders(t))) for t in range(len(self.texts))],
                "lengths": self.lengths, "entities": self.entities, "surfaces": self.surfaces,
                "known": {k: v if isinstance(v, str) else " ".join(v) for k, v in self.known.items()},
                "postings": {t: " ".join(map(str, self.posting(t))) for t in self.postings}}
        return json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n"

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Index:
        index = cls()
        index.docs = data["docs"]
        index.doc, index.tier, index.size, index._paths = data["doc"], data["tier"], data["size"], data["paths"]
        index.texts = data["texts"]
        index.lengths = data["lengths"]
        index.entities = data["entities"]
        index.surfaces = data["surfaces"]
        index.postings = data["postings"]
        index.known = data["known"]
        analysis.table.update(data["known"])
        return index


def build(records: list[tuple[str, dict[str, Any]]]) -> Index:
    """The index of `records` (table, record), in their order."""
    index = Index()
    postings = index.postings
    # What points at an entity: its id and its three-letter code, written as a field's whole value.
    pointer: dict[str, int] = {}
    entities: list[tuple[int, dict[str, Any]]] = []
    for doc, (_, record) in enumerate(records):
        if is_entity(record):
            entities.append((doc, record))
            for code in (record.get("id"), record.get("iso3")):
                if isinstance(code, str) and code:
                    pointer.setdefault(code, doc)
    # Each entity's names, as terms; the first term of a name -> (name, entity number).
    starts: dict[str, list[tuple[tuple[str, ...], int]]] = {}
    for number, (doc, record) in enumerate(entities):
        variants: list[list[str]] = []
        for name in names(record):
            terms = tuple(word[3][0] for word in analysis.analyse(name))
            if terms and list(terms) not in variants:
                variants.append(list(terms))
                starts.setdefault(terms[0], []).append((terms, number))
        codes = [c for c in (record.get("iso3"), record.get("iso2"), record.get("id")) if isinstance(c, str) and c]
        index.entities.append((doc, variants, codes))
    entity_of_doc = {doc: number for number, (doc, _) in enumerate(entities)}
    # A text is analysed and posted once, however many fields hold it (an excerpt cited by
    # several records; every copy in a store made of copies): text number -> its fields.
    texts: dict[str, int] = {}
    sizes: list[int] = []
    fields_of = index.texts
    norms: set[str] = set()
    for doc, (table, record) in enumerate(records):
        index.docs.append([table, str(record.get("id", doc))])
        length = 0
        for path, value, tier in leaves(record):
            if isinstance(value, str) and value in pointer and tier != NAME and pointer[value] != doc:
                key, tier = f"\0{value}", POINTER
            else:
                key = value if isinstance(value, str) else str(value)
            tid = texts.get(key)
            if tid is None:
                tid = texts[key] = len(sizes)
                fields_of.append([])
                if tier == POINTER:
                    postings.setdefault(f"@{entity_of_doc[pointer[value]]}", []).extend((tid, 0))
                    sizes.append(1)
                else:
                    sizes.append(_post(index, tid, key, starts, norms))
            if not sizes[tid]:
                continue
            fields_of[tid].append(index.add_field(doc, tier, list(path), sizes[tid]))
            length += sizes[tid]
        index.lengths.append(length)
    # English words with their stems, so that a query of the store's own words needs no stemmer.
    index.known = {norm: list(analysis.stems(norm)) for norm in sorted(norms)}
    return index


def _post(index: Index, tid: int, text: str, starts: dict[str, list[tuple[tuple[str, ...], int]]],
          norms: set[str]) -> int:
    """Post the words of text `tid`, and the entities its words name; its number of words."""
    postings = index.postings
    words = analysis.analyse(text)
    for position, (_, _, norm, terms) in enumerate(words):
        if norm.isascii():
            norms.add(norm)
        for term in terms:
            postings.setdefault(term, []).extend((tid, position))
            for name, number in starts.get(term, ()):
                if _mentions(words, position, name):
                    postings.setdefault(f"@{number}", []).extend((tid, position))
        if terms and terms[0] not in index.surfaces:
            index.surfaces[terms[0]] = norm
    return len(words)


def _mentions(words: list[tuple[int, int, str, tuple[str, ...]]], position: int, name: tuple[str, ...]) -> bool:
    if position + len(name) > len(words):
        return False
    return all(term in words[position + k][3] for k, term in enumerate(name))


def fingerprint(path: str) -> str:
    """Size and CRC-32 of a store file: enough to tell an edited store from the shipped one
    (zlib is built in; hashlib would load OpenSSL for it)."""
    import zlib

    with open(path, "rb") as handle:
        data = handle.read()
    return f"{len(data)}-{zlib.crc32(data):08x}"


def bundled_text() -> str:
    """The prebuilt index of the bundled store, as shipped (a generated file)."""
    from ..store import bundled_path, load

    store = load(None)
    return build(list(store.records())).to_json(fingerprint(bundled_path()))


def for_store(store: Any) -> Index:
    """The index of `store`: the shipped one when it was built from this very file.

    Any other store is indexed here; the shipped index's table of English stems still saves
    stemming the words it shares with the bundled store (a store of facts on the CSTO shares
    most of them), since Snowball in pure Python is the slow part of indexing.
    """
    from ..store import bundled_path

    records = list(store.records())
    try:
        with open(BUNDLED, encoding="utf-8") as handle:
            data = json.load(handle)
        if data.get("format") != FORMAT:
            data = {}
    except (OSError, ValueError):
        data = {}  # missing or unreadable: build, as for any other store
    if data and os.path.abspath(store.path) == os.path.abspath(bundled_path()) \
            and data.get("store") == fingerprint(store.path) and len(data["docs"]) == len(records):
        return Index.from_json(data)
    if isinstance(data.get("known"), dict):
        analysis.table.update(data["known"])
    return build(records)
