"""The retrieval engine without the command line: each filter, the index, matching, each
ranking rule, and a set of queries a user would type against the bundled store."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cstoref.retrieve import Engine, analysis, engine
from cstoref.retrieve.index import NAME, NESTED, OWN, POINTER, build, for_store
from cstoref.retrieve.match import budget, query_words
from cstoref.retrieve.typos import Vocabulary, distance
from cstoref.store import load


# -- the tokenizer and each filter ------------------------------------------------------
def test_tokenize_gives_offsets_and_keeps_numbers_and_apostrophes_whole() -> None:
    text = "About 3,600 troops: Tokayev's (٣٬٦٠٠) قَالَ"
    words = [(text[s:e], w) for s, e, w in analysis.tokenize(text)]
    assert [w for _, w in words] == ["About", "3,600", "troops", "Tokayev's", "٣٬٦٠٠", "قَالَ"]
    assert all(a == b for a, b in words)


def test_compatible_unshapes_presentation_forms() -> None:
    assert analysis.compatible("ﺑﺸﻜﻴﻚ") == ("بشكيك",)
    assert analysis.compatible("２０２２") == ("2022",)


def test_lowercase() -> None:
    assert analysis.lowercase("KAZAKHSTAN") == ("kazakhstan",)


def test_unmark_drops_harakat_tatweel_and_accents() -> None:
    assert analysis.unmark("أَرْمِينِيَا") == ("أرمينيا",)
    assert analysis.unmark("كـــازاخستان") == ("كازاخستان",)
    assert analysis.unmark("café") == ("cafe",)
    assert analysis.unmark("\u064e") == ()


def test_arabic_letters_fold_hamza_alef_ta_marbuta_and_digits() -> None:
    assert analysis.arabic_letters("إأآا") == ("اااا",)
    assert analysis.arabic_letters("مدينة") == ("مدينه",)
    assert analysis.arabic_letters("مستوى") == ("مستوي",)
    assert analysis.arabic_letters("٣٬٦٠٠") == ("3600",)
    assert analysis.arabic_letters("3,600") == ("3600",)


@pytest.mark.parametrize(("word", "stem"), [
    ("الكتاب", "كتاب"), ("والكتاب", "كتاب"), ("بالكتاب", "كتاب"), ("للامم", "امم"), ("وللامم", "امم"),
    ("الله", "الله"),  # no three letters after the article: not ال + له
    ("روسيا", "روسيا"),
])
def test_arabic_article(word: str, stem: str) -> None:
    assert analysis.arabic_article(word) == (stem,)


def test_arabic_particle_keeps_both_readings() -> None:
    assert analysis.arabic_particle("بروسيا") == ("بروسيا", "روسيا")
    assert analysis.arabic_particle("وكازاخستان") == ("وكازاخستان", "كازاخستان")
    assert analysis.arabic_particle("بوتن") == ("بوتن",)  # too short to lose a letter
    assert analysis.arabic_particle("being") == ("being",)


@pytest.mark.parametrize(("word", "stem"), [
    ("مراقبين", "مراقب"), ("مراقبون", "مراقب"), ("مراقبات", "مراقب"), ("مراقبه", "مراقب"),
    ("كازاخيه", "كازاخ"), ("قوات", "قوات"),  # two letters would be left
])
def test_arabic_suffix(word: str, stem: str) -> None:
    assert analysis.arabic_suffix(word) == (stem,)


def test_english_irregular_and_stem() -> None:
    assert analysis.english_irregular("withdrew") == ("withdraw",)
    assert analysis.english_irregular("troops") == ("troops",)
    assert analysis.english_stem("observers") == analysis.english_stem("observer")
    assert analysis.english_stem("us") == ("us",)  # short words are left whole
    assert analysis.english_stem("روسيا") == ("روسيا",)


@pytest.mark.parametrize(("adjective", "country"), [
    ("Russian", "Russia"), ("Kazakh", "Kazakhstan"), ("Kyrgyz", "Kyrgyzstan"), ("Armenian", "Armenia"),
    ("Belarusian", "Belarus"), ("Tajik", "Tajikistan"), ("Ukrainian", "Ukraine"), ("Afghan", "Afghanistan")])
def test_a_peoples_adjective_is_its_country(adjective: str, country: str) -> None:
    assert analysis.stems(analysis.normalise(adjective)) == analysis.stems(analysis.normalise(country))


@pytest.mark.parametrize(("adjective", "country"), [
    ("الروسية", "روسيا"), ("الروس", "روسيا"), ("الكازاخية", "كازاخستان"), ("القرغيزية", "قرغيزستان"),
    ("القيرغيزية", "قيرغيزستان"), ("الأرمنية", "أرمينيا"), ("الطاجيكية", "طاجيكستان"), ("الأوزبكية", "أوزبكستان")])
def test_an_arabic_peoples_adjective_is_its_country(adjective: str, country: str) -> None:
    assert analysis.stems(analysis.normalise(adjective))[0] == analysis.stems(analysis.normalise(country))[0]


def test_russian_troops_find_the_record_that_names_russia() -> None:
    records = [("events", {"id": "ev-r", "text": {"en": "Troops from Russia arrive", "ar": "وصول قوات"}}),
               ("events", {"id": "ev-o", "text": {"en": "Troops arrive", "ar": "وصول قوات"}})]
    hits = Engine(build(records), records).search("Russian troops")[1]
    assert [hit.record["id"] for hit in hits] == ["ev-r"]
    assert hits[0].matched["words"][0]["typos"] == 0


def test_the_chain_is_the_same_on_text_and_query() -> None:
    text = "Observers WITHDREW from «والمراقبين» in 2022"
    indexed = [terms for _, _, _, terms in analysis.analyse(text)]
    asked = [w.terms for w in query_words(text)]
    assert indexed == asked
    assert ("withdraw",) in asked and ("مراقب",) in asked


# -- a small store, to see each part at work ----------------------------------------------
RECORDS = [
    ("countries", {"id": "rus", "iso3": "RUS", "iso2": "RU", "name": {"en": "Russia", "ar": "روسيا"},
                   "aliases": {"en": ["Russian Federation"], "ar": []}, "status": "member"}),
    ("people", {"id": "p-tok", "name": {"en": "Kassym-Jomart Tokayev", "ar": "قاسم جومارت توكاييف"},
                "aliases": {"en": ["Tokaev"], "ar": ["توكايف"]}, "role": {"en": "President", "ar": "رئيس"},
                "country": "KAZ"}),
    ("events", {"id": "ev-talks", "text": {"en": "Talks in Moscow about troops", "ar": "محادثات"},
                "claims": [{"value": "the observers left", "sources": [{"source": "x", "excerpt": "قال توكايف"}]}]}),
    ("events", {"id": "ev-us", "text": {"en": "The US and us", "ar": "امريكا"}}),
    ("quotes", {"id": "q-1", "speaker": "p-tok", "text": {"en": "Order is restored", "ar": "عاد النظام"}}),
    ("events", {"id": "ev-order", "text": {"en": "restored order", "ar": "النظام"}}),
    ("events", {"id": "ev-far", "text": {"en": "order was at last after many days restored", "ar": "ن"}}),
    ("events", {"id": "ev-rus", "text": {"en": "talks", "ar": "محادثات في روسيا"}}),
]


@pytest.fixture(scope="module")
def small() -> Engine:
    return Engine(build(RECORDS), RECORDS)


def ids(small: Engine, query: str) -> list[str]:
    return [hit.record["id"] for hit in small.search(query)[1]]


def test_index_maps_terms_to_records_fields_and_tiers(small: Engine) -> None:
    index = small.index
    where = {(index.docs[index.doc[f]][1], index.tier[f], tuple(index.path(f)))
             for f, _ in index.occurrences("tokayev")}
    assert ("p-tok", NAME, ("name", "en")) in where
    assert {index.tier[f] for f, _ in index.occurrences("observ")} == {NESTED}
    assert {index.tier[f] for f, _ in index.occurrences("moscow")} == {OWN}
    # The quote names its speaker by id: a pointer to the person (entity 1), not words.
    pointed = [(index.docs[index.doc[f]][1], index.tier[f]) for f, _ in index.occurrences("@1")]
    assert ("q-1", POINTER) in pointed and "p-tok" not in index.postings


def test_a_text_held_by_several_fields_is_posted_once() -> None:
    records = [("events", {"id": f"e{i}", "text": {"en": "same words", "ar": "same words"}}) for i in range(3)]
    index = build(records)
    assert index.posting("word") == [0, 1]
    assert len(index.occurrences("word")) == 6


def test_every_word_must_match_in_any_order(small: Engine) -> None:
    assert ids(small, "troops Moscow") == ["ev-talks"]
    assert ids(small, "Moscow Paris") == []


def test_relaxed_when_no_record_has_every_word(small: Engine) -> None:
    found = small.search("troops Paris", relax=True)[1]
    assert [h.record["id"] for h in found] == ["ev-talks"]
    assert found[0].matched["missing"] == ["Paris"] and found[0].matched["rules"]["words"] == 1
    assert small.search("troops Moscow", relax=True)[1][0].matched["rules"]["words"] == 0


def test_short_words_match_whole_words_only(small: Engine) -> None:
    assert ids(small, "US") == ["ev-us"]  # not inside Russia, nor Russian
    assert ids(small, "rus") == ["rus", "ev-rus"]  # a code is a whole word too, naming its country


def test_stop_words_need_not_match(small: Engine) -> None:
    assert ids(small, "the troops") == ids(small, "troops") == ["ev-talks"]


@pytest.mark.parametrize(("question", "answer"), [
    ("when were the talks in Moscow", "ev-talks"), ("how many troops were there", "ev-talks"),
    ("متى المحادثات في روسيا", "ev-rus"), ("كم محادثات في روسيا", "ev-rus"), ("كم عدد المحادثات في روسيا", "ev-rus"),
])
def test_the_words_of_a_question_need_not_match(small: Engine, question: str, answer: str) -> None:
    found = small.search(question)[1]
    assert [h.record["id"] for h in found] == [answer]
    assert found[0].matched["missing"] == []


@pytest.mark.parametrize(("word", "allowed"), [("abcd", 0), ("abcde", 1), ("abcdefgh", 1), ("abcdefghi", 2)])
def test_typo_budget(word: str, allowed: int) -> None:
    assert budget(word) == allowed


def _osa(a: str, b: str) -> int:
    """The textbook table, in full, to check the bounded one against."""
    d = [[i + j if i * j == 0 else 0 for j in range(len(b) + 1)] for i in range(len(a) + 1)]
    for i in range(1, len(a) + 1):
        for j in range(1, len(b) + 1):
            d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] != b[j - 1]))
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1)
    return d[len(a)][len(b)]


@settings(max_examples=400, deadline=None)
@given(st.text("abcyتوك", max_size=9), st.text("abcyتوك", max_size=9), st.integers(0, 3))
def test_bounded_distance_is_the_osa_distance(a: str, b: str, limit: int) -> None:
    full = _osa(a, b)
    assert distance(a, b, limit) == (full if full <= limit else limit + 1)


def test_vocabulary_near_finds_every_term_within_the_typos() -> None:
    terms = ["kazakhstan", "kyrgyzstan", "tokayev", "tokaev", "toka", "kazakh"]
    near = Vocabulary(terms).near("kazakstan", 2)
    assert sorted(near) == sorted((t, _osa("kazakstan", t)) for t in terms if 0 < _osa("kazakstan", t) <= 2)


def test_typos_count_a_transposition_as_one(small: Engine) -> None:
    hits = small.search("Tokyaev")[1]  # a and y swapped
    assert hits[0].record["id"] == "p-tok"
    assert hits[0].matched["words"][0] == {**hits[0].matched["words"][0], "exact": False, "typos": 1}
    assert ids(small, "Tkaiyv") == []  # three edits


def test_aliases_cross_languages(small: Engine) -> None:
    """Tokaev (an alias) finds the excerpt that writes توكاييف, and the quote that points at him."""
    assert set(ids(small, "Tokaev")) == {"p-tok", "ev-talks", "q-1"}
    assert set(ids(small, "توكايف")) == {"p-tok", "ev-talks", "q-1"}


def test_a_name_of_several_words_needs_two_of_them_to_name_its_entity(small: Engine) -> None:
    assert ids(small, "Federation") == ["rus"]  # one word of «Russian Federation» names nothing
    assert set(ids(small, "Russian Federation")) == {"rus", "ev-rus"}  # the whole name: روسيا too
    assert set(ids(small, "Jomart Tokayev")) == {"p-tok", "ev-talks", "q-1"}  # two words of three


def test_rule_attribute_name_then_own_text_then_nested_then_pointer(small: Engine) -> None:
    found = small.search("Tokayev")[1]
    assert [h.record["id"] for h in found] == ["p-tok", "ev-talks", "q-1"]
    assert [h.matched["rules"]["attribute"] for h in found] == ["name", "nested", "pointer"]


def test_rule_proximity_prefers_the_words_close_and_in_order(small: Engine) -> None:
    found = small.search("order restored")[1]
    assert [h.record["id"] for h in found] == ["q-1", "ev-order", "ev-far"]
    assert [h.matched["rules"]["proximity"] for h in found] == [1, 2, 6]


def test_rule_typo_exact_before_fuzzy() -> None:
    records = [("events", {"id": "a", "text": {"en": "Tokaiev", "ar": "ا"}}),
               ("events", {"id": "b", "text": {"en": "Tokayev", "ar": "ب"}})]
    found = Engine(build(records), records).search("Tokayev")[1]
    assert [h.record["id"] for h in found] == ["b", "a"]
    assert [h.matched["rules"]["typo"] for h in found] == [0, 1]


def test_rule_exactness_a_name_that_is_the_query_first() -> None:
    records = [("deployments", {"id": "d", "name": {"en": "Operation in Kazakhstan", "ar": "عملية"}}),
               ("countries", {"id": "kaz", "iso3": "KAZ", "name": {"en": "Kazakhstan", "ar": "كازاخستان"}})]
    found = Engine(build(records), records).search("Kazakhstan")[1]
    assert [h.record["id"] for h in found] == ["kaz", "d"]
    assert [h.matched["rules"]["exactness"] for h in found] == [0, 1]


def test_ties_keep_the_store_order_and_scores_fall_in_rank_order() -> None:
    records = [("events", {"id": f"e{i}", "text": {"en": "same words", "ar": "ن"}}) for i in range(5)]
    found = Engine(build(records), records).search("words")[1]
    assert [h.record["id"] for h in found] == ["e0", "e1", "e2", "e3", "e4"]
    live = engine(load(None)).search("Kazakhstan")[1]
    scores = [h.score for h in live]
    assert scores == sorted(scores, reverse=True) and all(0 < s <= 1 for s in scores)


def test_snippet_marks_the_matched_words(small: Engine) -> None:
    hit = small.search("troops")[1][0]
    assert [hit.snippet[s:e] for s, e in hit.marks] == ["troops"]
    pointer = small.search("Tokayev")[1][-1]
    assert pointer.snippet == "speaker: p-tok"


# -- the prebuilt index ---------------------------------------------------------------------
def test_the_bundled_store_loads_its_shipped_index_and_another_store_builds_one(tmp_path, store_doc) -> None:
    from cstoref.retrieve import index as module

    bundled = load(None)
    shipped = for_store(bundled)
    built = build(list(bundled.records()))
    assert shipped.to_json("x") == built.to_json("x")
    assert isinstance(json.load(open(module.BUNDLED, encoding="utf-8"))["postings"]["tokayev"], str)
    copy = tmp_path / "store.json"
    copy.write_text(json.dumps(store_doc, ensure_ascii=False), encoding="utf-8")
    other = load(str(copy))
    assert engine(other).search("Tokaiev")[1][0].record["id"] == "p-tokayev"


# -- queries a user would type, on the bundled store --------------------------------------
NAMES = [
    ("Kyrgyzstan", "kgz"), ("Kirgizstan", "kgz"), ("Kyrgystan", "kgz"), ("قرغيزستان", "kgz"), ("KGZ", "kgz"),
    ("Kazakstan", "kaz"), ("كازاخستان", "kaz"), ("Tajikstan", "tjk"), ("Afganistan", "afg"),
    ("Tokaiev", "p-tokayev"), ("Tokaev", "p-tokayev"), ("Tokayev", "p-tokayev"), ("توكاييف", "p-tokayev"),
    ("Tokayev Kassym-Jomart", "p-tokayev"), ("Jomart Kassym Tokaev", "p-tokayev"), ("Jomart Tokayev", "p-tokayev"),
    ("Kasym-Zhomart Tokaev", "p-tokayev"), ("Almaty", "almaty"), ("ألماتا", "almaty"), ("الناتو", "nato"),
    ("UN", "un"), ("بيشكيك", "bishkek"), ("Dushanbe", "dushanbe"), ("Moscow", "moscow"), ("موسكو", "moscow"),
    ("Massimov Karim", "p-massimov"), ("Karim Masimov", "p-massimov"), ("نزاربايف", "p-nazarbayev"),
    ("Nazarbaev", "p-nazarbayev"), ("Pashinian", "p-pashinyan"), ("باشينيان", "p-pashinyan"),
    ("بوتين فلاديمير", "p-putin"), ("Zas Stanislav", "p-zas"), ("روسيا البيضاء", "blr"), ("Belarus", "blr"),
]


@pytest.mark.parametrize(("query", "wanted"), NAMES)
def test_a_name_or_code_brings_its_record_first(query: str, wanted: str) -> None:
    hits = engine(load(None)).search(query)[1]
    assert hits and hits[0].record["id"] == wanted, [h.record["id"] for h in hits[:5]]


TOPICS = [
    ("observers", "afg"), ("observer", "afg"), ("المراقبين", "ev-2004-un-observer"),
    ("withdrew", "ev-2022-01-19-withdrawal-complete"), ("بشكيك", "ev-2025-11-27-bishkek-summit"),
    ("legal basis Kazakhstan", "dep-2022-kaz"), ("Kazakhstan legal basis", "dep-2022-kaz"),
    ("Armenian troops", "dep-2021-arm"), ("troops Armenia", "dep-2021-arm"),
    ("UN observer status", "f-un-observer"), ("status observer UN", "f-un-observer"),
    ("Almaty airport", "ev-2022-01-almaty-airport-seized"), ("airport Almaty", "ev-2022-01-almaty-airport-seized"),
    ("Putin colour revolutions", "q-putin-colour-revolutions-004"), ("peacekeepers", "fig-peacekeeping-force"),
    ("الأمم المتحدة", "ev-2004-un-observer"),
]


@pytest.mark.parametrize(("query", "wanted"), TOPICS)
def test_a_topic_brings_its_record_into_the_top_three(query: str, wanted: str) -> None:
    hits = engine(load(None)).search(query)[1]
    assert wanted in [h.record["id"] for h in hits[:3]], [h.record["id"] for h in hits[:5]]


def test_legal_basis_finds_the_deployments_by_their_field_of_that_name() -> None:
    hits = engine(load(None)).search("legal basis")[1]
    assert hits and all("legal_basis" in h.record for h in hits[:3])
    assert hits[0].matched["rules"]["proximity"] == 0


def test_did_you_mean_offers_names_in_the_script_typed() -> None:
    found = engine(load(None))
    words, hits = found.search("Kzkhstn")
    assert not hits and "Kazakhstan" in found.suggest(words)
    words, hits = found.search("كزخستن")
    assert not hits
    near = found.suggest(words)
    assert near and all(analysis.is_arabic(n) for n in near)


def test_a_chairman_is_a_chair() -> None:
    """Who chairs: the chairman, the chairmanship and the verb are one word to a reader."""
    forms = {word: analysis.stems(analysis.normalise(word)) for word in ("chairman", "chairmanship", "chaired", "chairs", "chair")}
    assert len(set(forms.values())) == 1, forms


def test_of_records_with_every_word_the_one_named_for_one_of_them_comes_first() -> None:
    records = [("events", {"id": "ev-both", "text": {"en": "Kazakhstan troops news", "ar": "خبر"}}),
               ("deployments", {"id": "dep-k", "name": {"en": "Operation in Kazakhstan", "ar": "عملية"},
                                "summary": {"en": "Many days later the troops left", "ar": "غادرت"}})]
    hits = Engine(build(records), records).search("kazakhstan troops")[1]
    assert [hit.record["id"] for hit in hits] == ["dep-k", "ev-both"]
    assert [hit.matched["rules"]["named"] for hit in hits] == [1, 2]
    assert hits[1].matched["rules"]["proximity"] < hits[0].matched["rules"]["proximity"]


def test_a_record_that_points_to_the_country_asked_for_comes_before_one_that_mentions_it() -> None:
    records = [("countries", {"id": "kaz", "iso3": "KAZ", "name": {"en": "Kazakhstan", "ar": "كازاخستان"}}),
               ("deployments", {"id": "dep-other", "name": {"en": "Appeal for troops", "ar": "طلب"},
                                "summary": {"en": "Kazakhstan troops", "ar": "قوات"}}),
               ("deployments", {"id": "dep-kaz", "host": "KAZ", "name": {"en": "The operation", "ar": "العملية"},
                                "summary": {"en": "Kazakhstan asked; many days later the troops left", "ar": "غادرت"}})]
    hits = Engine(build(records), records).search("kazakhstan troops")[1]
    assert [hit.record["id"] for hit in hits] == ["dep-kaz", "dep-other"]
    assert [hit.matched["rules"]["linked"] for hit in hits] == [0, 1]
    assert hits[1].matched["rules"]["named"] < hits[0].matched["rules"]["named"]
    assert hits[1].matched["rules"]["proximity"] < hits[0].matched["rules"]["proximity"]
