"""`search` and `quote` at the command line: ranked rows, --limit and --all, the JSON fields,
"did you mean", bad input, and the match highlighted on a terminal only."""

from __future__ import annotations

import io
import json
import re

import pytest
from conftest import clean_env, run_cli, run_json

from cstoref import bidi
from cstoref.answers import answer
from cstoref.context import Output
from cstoref.render import render_tables
from cstoref.store import load

ESC = "\x1b["


def ok_json(cli, *args: str) -> list[dict]:
    result = cli(*args, "--json")
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_results_are_ranked_across_kinds_not_grouped(cli) -> None:
    hits = ok_json(cli, "search", "Kyrgyzstan")
    assert hits[0]["id"] == "kgz"
    kinds = [h["kind"] for h in hits]
    # Kinds interleave in rank order: not one block per kind.
    blocks = [k for i, k in enumerate(kinds) if i == 0 or kinds[i - 1] != k]
    assert len(blocks) > len(set(kinds))


def test_json_fields_in_rank_order(cli) -> None:
    hits = ok_json(cli, "search", "Tokaiev")
    assert hits[0]["id"] == "p-tokayev"
    first = hits[0]
    assert list(first)[:4] == ["kind", "id", "label", "score"]
    assert {"matched", "record"} <= set(first)
    word = first["matched"]["words"][0]
    assert word["word"] == "Tokaiev" and word["exact"] is False and word["typos"] == 1 and word["fields"]
    assert set(first["matched"]["rules"]) == {"words", "attribute", "typo", "linked", "named", "proximity", "exactness"}
    assert first["matched"]["missing"] == []
    scores = [h["score"] for h in hits]
    assert scores == sorted(scores, reverse=True)
    exact = ok_json(cli, "search", "Tokayev")[0]["matched"]["words"][0]
    assert exact["exact"] is True and exact["typos"] == 0


def test_limit_applies_to_json_and_the_table(cli) -> None:
    every = ok_json(cli, "search", "Kazakhstan")
    assert len(every) > 10
    assert [h["id"] for h in ok_json(cli, "search", "Kazakhstan", "--limit", "3")] == [h["id"] for h in every[:3]]
    table = cli("search", "Kazakhstan", "--lang", "en", "--limit", "2", COLUMNS="200")
    assert table.returncode == 0
    assert f"({len(every)} found)" in table.stdout
    assert len(_rows(table.stdout)) == 2


def _rows(out: str) -> list[str]:
    """The first line of each row of a table in English: a kind in the first column."""
    return [line for line in out.split("\n") if re.match(r"│ [a-z]+ +│ \S", line)]


def test_the_terminal_shows_ten_unless_all(cli) -> None:
    count = len(ok_json(cli, "search", "Kazakhstan"))
    ten = cli("search", "Kazakhstan", "--lang", "en", COLUMNS="250").stdout
    every = cli("search", "Kazakhstan", "--lang", "en", "--all", COLUMNS="250").stdout
    assert len(_rows(ten)) == 10
    assert "--all" in ten
    assert len(_rows(every)) == count


def test_a_row_gives_the_answer_and_the_matching_text(cli) -> None:
    out = cli("search", "Tokayev", "--lang", "en", "--limit", "1", COLUMNS="250").stdout
    assert "President of Kazakhstan" in out  # the person's role
    hits = ok_json(cli, "search", "peacekeeping force")
    rank, found = next((i, h) for i, h in enumerate(hits) if h["kind"] == "figure")
    value = next(v for v in found["record"]["values"] if v["rank"] == "preferred")["value"]
    figure = cli("search", "peacekeeping force", "--lang", "en", "--limit", str(rank + 1), COLUMNS="250").stdout
    assert f"{value:,}" in figure  # a figure's value
    status = cli("search", "Afghanistan", "--lang", "en", "--limit", "1", COLUMNS="250").stdout
    assert "observer" in status


def test_us_does_not_match_inside_russia(cli) -> None:
    hits = ok_json(cli, "search", "US")
    assert "rus" not in {h["id"] for h in hits}
    for hit in hits:
        fields = hit["matched"]["words"][0]["fields"]
        texts = [_field(hit["record"], f) for f in fields]
        assert all(re.search(r"(?<![A-Za-z])us(?![A-Za-z])", t, re.I) for t in texts), texts


def _field(record: dict, path: str):
    for step in re.findall(r"[^.\[\]]+", path):
        record = record[int(step)] if step.isdigit() else record[step]
    return record


def test_nothing_found_says_did_you_mean_in_the_language_typed(cli) -> None:
    english = cli("search", "Kzkhstn")
    assert english.returncode == 1 and "did you mean" in english.stderr and "Kazakhstan" in english.stderr
    arabic = cli("search", "كزخستن")
    assert arabic.returncode == 1 and "did you mean" in arabic.stderr
    suggested = arabic.stderr.split("did you mean", 1)[1]
    assert re.search("[\u0600-\u06ff]", suggested) and not re.search("[A-Za-z]", suggested)
    assert cli("search", "zzzzqqq").returncode == 1


def test_when_no_record_has_every_word_those_with_most_come_and_the_note_says_so(cli) -> None:
    hits = ok_json(cli, "search", "Karim Massimov arrested")
    assert hits[0]["id"] == "p-massimov" and hits[0]["matched"]["missing"] == ["arrested"]
    out = cli("search", "Karim Massimov arrested", "--lang", "en", COLUMNS="200").stdout
    assert "No record has every word" in out and "did you mean" in out
    arabic = cli("search", "Karim Massimov arrested", "--lang", "ar", "--bidi", "logical", COLUMNS="200").stdout
    assert "لا سجل يضم كل الكلمات" in arabic and "هل تقصد" in arabic and "did you mean" not in arabic


@pytest.mark.parametrize("text", ["", "   ", "\t", "!!!"])
def test_empty_or_blank_query_exits_2(cli, text: str) -> None:
    result = cli("search", text)
    assert result.returncode == 2 and "Traceback" not in result.stderr and result.stderr.count("\n") == 1


def test_a_ten_thousand_word_query_is_refused(cli) -> None:
    result = cli("search", " ".join(["Kazakhstan"] * 10_000))
    assert result.returncode == 2 and "at most" in result.stderr and "Traceback" not in result.stderr


def test_a_huge_word_finds_nothing_and_is_not_echoed_whole(cli) -> None:
    result = cli("search", "a" * 100_000)
    assert result.returncode == 1 and len(result.stderr) < 300


def test_control_characters_are_shown_escaped(cli) -> None:
    found = cli("search", "Putin\x1b", "--lang", "en", COLUMNS="200")
    assert found.returncode == 0 and "\x1b" not in found.stdout and "\\x1b" in found.stdout
    missing = cli("search", "zzqq\x07\u202e")
    assert missing.returncode == 1 and "\x07" not in missing.stderr and "\\x07" in missing.stderr
    assert "\\\\" not in missing.stderr  # escaped once, as show and quote do: \x07, not \\x07
    assert missing.stderr == "cstoref: nothing in the store matches 'zzqq\\x07\\u202e'\n"


def test_a_pipe_gets_no_colour(cli) -> None:
    assert ESC not in cli("search", "Kazakhstan").stdout


def _colour_lines(query: str, lang: str, mode: str) -> list[str]:
    out = Output(lang=lang, bidi=mode, width=120, tty=True, color=True, stdout=io.StringIO())
    return render_tables(answer("search")(load(), query).tables, out).split("\n")


@pytest.mark.parametrize("mode", ["visual", "logical"])
def test_the_match_is_highlighted_whole_words_only(mode: str) -> None:
    lines = _colour_lines("توكاييف", "ar", mode)
    marked = [m for line in lines for m in re.findall(r"\x1b\[1;33m(.*?)\x1b\[0m", line)]
    assert marked
    for word in marked:
        # A highlighted piece is one whole word, shaped (visual) or not, never part of one.
        assert " " not in word and bidi.width(word) > 0
        plain = bidi.clean(word)
        assert re.fullmatch(r"[\w\u0600-\u06ff\ufb50-\ufeff]+", plain)
    for line in lines:
        stripped = re.sub(r"\x1b\[[0-9;]*m", "", line)
        assert "\x1b" not in stripped


def test_highlight_in_english_marks_the_typed_word() -> None:
    lines = _colour_lines("Tokaiev", "en", "visual")
    marked = {m for line in lines for m in re.findall(r"\x1b\[1;33m(.*?)\x1b\[0m", line)}
    assert "Tokayev" in marked


# -- quote goes through the same engine ---------------------------------------------------
@pytest.mark.parametrize("name", ["Putin", "بوتين", "Poutin", "Vladimir Putin", "Putin Vladimir"])
def test_quote_speaker_in_any_spelling(cli, name: str) -> None:
    quotes = ok_json(cli, "quote", "--speaker", name)
    assert quotes and all(q["speaker"] == "p-putin" for q in quotes)


def test_quote_text_uses_the_same_analysis(cli) -> None:
    inflected = {q["id"] for q in ok_json(cli, "quote", "revolution")}
    assert "q-putin-colour-revolutions-004" in inflected
    assert ok_json(cli, "quote", "--limit", "1") and len(ok_json(cli, "quote", "--limit", "1")) == 1


def test_quote_with_a_huge_speaker_is_refused_in_linear_time(cli) -> None:
    result = cli("quote", "--speaker", "Putin " * 20_000)
    assert result.returncode == 2 and "Traceback" not in result.stderr


def test_search_on_a_db_store_is_indexed_when_loaded(tmp_path, store_doc) -> None:
    doc = json.loads(json.dumps(store_doc))
    person = next(iter(doc["people"].values()))
    person["aliases"]["en"].append("Qwertyuiop")
    path = tmp_path / "store.json"
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    result = run_cli("search", "Qwertyuiop", "--json", "--db", str(path), env=clean_env(), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)[0]["id"] == person["id"]


def test_unquoted_words_are_one_query() -> None:
    quoted = run_cli("search", "kazakhstan troops", "--json")
    unquoted = run_cli("search", "kazakhstan", "troops", "--json")
    assert quoted.returncode == unquoted.returncode == 0, unquoted.stderr
    assert json.loads(unquoted.stdout) == json.loads(quoted.stdout)
    assert {w["word"] for w in json.loads(unquoted.stdout)[0]["matched"]["words"]} == {"kazakhstan", "troops"}
    said = run_cli("quote", "fast", "changing", "world", "--json")
    assert said.returncode == 0 and json.loads(said.stdout) == json.loads(run_cli("quote", "fast changing world", "--json").stdout)


@pytest.mark.parametrize(("count", "words"), [
    (1, "نتيجة واحدة"), (2, "نتيجتان"), (3, "3 نتائج"), (10, "10 نتائج"), (11, "11 نتيجة"),
    (45, "45 نتيجة"), (100, "100 نتيجة"), (103, "103 نتائج"), (111, "111 نتيجة"),
])
def test_the_arabic_count_agrees_with_its_number(count: int, words: str) -> None:
    from cstoref.answers.search import results_ar

    assert results_ar(count) == words


@pytest.mark.parametrize(("question", "first"), [
    ("when was the csto founded", "f-founded"), ("where is the seat", "f-seat"), ("ماذا قال بوتين", "p-putin"),
    ("who was chairman in 2024", "f-chair-2024-kaz"), ("كم عدد القوات في كازاخستان", None),
])
def test_a_journalists_question_finds_its_answer_first(question: str, first: str | None) -> None:
    found = run_json("search", *question.split())
    results = found["results"] if isinstance(found, dict) else found
    assert results and results[0]["matched"]["missing"] == []
    if first:
        assert results[0]["id"] == first, [r["id"] for r in results[:5]]


def test_found_as_the_past_of_find_is_not_founded() -> None:
    from cstoref.retrieve import analysis

    stems = {w: analysis.stems(analysis.normalise(w)) for w in ("founded", "established", "found", "finds")}
    assert stems["founded"] == stems["established"] and stems["found"] == stems["finds"] != stems["founded"]


@pytest.mark.parametrize("typed", ["Putn", "putn", "بوتن"])
def test_a_four_letter_name_one_letter_off_is_found(typed: str) -> None:
    results = run_json("search", typed)
    assert results[0]["id"] == "p-putin"
    assert {r["id"] for r in run_json("quote", "--speaker", typed)} >= {"q-putin-fast-changing-000"}


def test_a_four_letter_word_with_a_meaning_of_its_own_is_no_name_typo() -> None:
    # «some» is one letter from Rome, but is a word of the store: no typo is read into it.
    from cstoref.retrieve import engine
    from cstoref.store import load

    words, hits = engine(load()).search("troops some")
    assert words[1].candidates and all(typos == 0 for typos in words[1].candidates.values())


def test_a_member_that_froze_its_participation_says_so_in_its_answer() -> None:
    result = run_cli("search", "Armenia", "--lang", "en", env=clean_env(COLUMNS="200"))
    assert result.returncode == 0, result.stderr
    lines = result.stdout.split("\n")
    start = next(i for i, line in enumerate(lines) if "│ arm " in line)
    answer = " ".join(line.split("│")[5].strip() for line in lines[start:start + 4])
    assert "member (since 15 May 1992); participation frozen since 22 Feb 2024" in " ".join(answer.split())
    ar = run_cli("search", "أرمينيا", "--lang", "ar", "--bidi", "logical", env=clean_env(COLUMNS="1000"))
    assert "المشاركة مجمّدة منذ 22 فبراير 2024" in ar.stdout


@pytest.mark.parametrize("question", ["kazakhstan troops", "how many troops did russia send to kazakhstan",
                                      "Russian troops in Kazakhstan", "قوات حفظ السلام كازاخستان",
                                      "عدد القوات الروسية في كازاخستان"])
def test_a_journalists_question_on_the_2022_deployment_opens_with_it(cli, question: str) -> None:
    assert ok_json(cli, "search", question)[0]["id"] == "dep-2022-kaz"
