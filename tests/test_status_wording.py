"""A country's status is worded from its periods: one that was only ever an observer and left
is a "former observer" (مراقب سابق), not a "former member", in every command; JSON keeps the
stored status."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import clean_env, run_cli, run_json

from cstoref.answers.common import STATUS_TEXT, status_text

WIDE = {"COLUMNS": "200"}


def _row(output: str, name: str) -> str:
    return next(line for line in output.splitlines() if name in line)


def test_status_text_reads_the_periods() -> None:
    observer = {"status": "former", "periods": [{"status": "observer", "start": "2013", "end": "2021-08"}]}
    member = {"status": "former", "periods": [{"status": "member", "start": "1994", "end": "2009"}]}
    assert status_text(observer) == {"en": "former observer", "ar": "مراقب سابق"}
    assert status_text(member) == STATUS_TEXT["former"]
    assert status_text({"status": "former"}) == STATUS_TEXT["former"]
    assert status_text({"status": "observer", "periods": observer["periods"]}) == STATUS_TEXT["observer"]
    # A member who later only observed, then left, is not called a former observer alone.
    both = {"status": "former", "periods": [*member["periods"], *observer["periods"]]}
    assert status_text(both) == STATUS_TEXT["former"]


def test_members_call_afghanistan_a_former_observer_in_both_languages() -> None:
    en = run_cli("members", "--lang", "en", "--bidi", "logical", env=clean_env(**WIDE))
    assert en.returncode == 0, en.stderr
    row = _row(en.stdout, "Afghanistan")
    assert "former observer" in row and "former member" not in row
    assert "former member" in _row(en.stdout, "Georgia")
    ar = run_cli("members", "--lang", "ar", "--bidi", "logical", env=clean_env(**WIDE))
    assert ar.returncode == 0, ar.stderr
    row = _row(ar.stdout, "أفغانستان")
    assert "مراقب سابق" in row and "عضو سابق" not in row


def test_the_former_heading_names_observers_when_one_is_listed() -> None:
    result = run_cli("members", "--status", "former", "--lang", "en", "--bidi", "logical", env=clean_env(**WIDE))
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[0].strip() == "Former members and observers of the CSTO"


def test_a_store_without_former_observers_keeps_the_plain_heading(tmp_path: Path, store_doc: dict) -> None:
    doc = json.loads(json.dumps(store_doc))
    afg = next(c for c in doc["countries"].values() if c["id"] == "afg")
    for period in afg["periods"]:
        period["status"] = "member"
    path = tmp_path / "afg-a-member.json"
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    result = run_cli("members", "--status", "former", "--lang", "en", "--bidi", "logical", "--db", str(path),
                     env=clean_env(**WIDE))
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[0].strip() == "Former members of the CSTO"
    assert "former member" in _row(result.stdout, "Afghanistan")


def test_show_and_search_word_it_alike_and_json_keeps_the_stored_status() -> None:
    shown = run_cli("show", "afg", "--lang", "en", "--bidi", "logical", env=clean_env(**WIDE))
    assert shown.returncode == 0, shown.stderr
    status = _row(shown.stdout, "Status")
    assert "former observer" in status and "former member" not in status
    found = run_cli("search", "Afghanistan", "--lang", "en", "--bidi", "logical", env=clean_env(**WIDE))
    assert found.returncode == 0, found.stderr
    assert "former observer" in found.stdout and "former member" not in _row(found.stdout, "Afghanistan")
    members = run_json("members")
    afg = next(c for c in (members if isinstance(members, list) else members["results"]) if c["id"] == "afg")
    assert afg["status"] == "former"
