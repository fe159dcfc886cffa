"""Bilingual text and the vocabulary's label variants: one way to say a code in two languages."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from planner.plan import vocab
from planner.plan.bilingual import Text


def test_text_gives_each_language_and_japanese_for_anything_else():
    text = Text("計画全体", "Whole plan")
    assert (text.get("ja"), text.get("en"), text.get("fr"), text.get()) == (
        "計画全体", "Whole plan", "計画全体", "計画全体")


def test_text_formats_both_languages_and_puts_text_arguments_in_their_language():
    item = Text("施策", "measure")
    said = Text("{0}が{n}件あります", "{n} {0}s").format(item, n=3)
    assert said == Text("施策が3件あります", "3 measures")
    assert Text("a", "b") + "!" == Text("a!", "b!")
    assert Text("a", "b") + Text("c", "d") == Text("ac", "bd")


@pytest.mark.parametrize("kind", ["flow", "purpose", "legal_basis"])
def test_every_data_use_choice_has_a_label_short_label_and_meaning_in_both_languages(kind):
    for term in vocab.terms(kind):
        for variant in ("label", "short", "help"):
            text = term.text(variant)
            assert text.ja and text.en, (kind, term.code, variant)


@pytest.mark.parametrize("kind", ["flow", "purpose"])
def test_the_document_sentence_of_every_flow_and_purpose_comes_from_the_vocabulary(kind):
    for term in vocab.terms(kind):
        phrase = term.text("phrase")
        assert phrase.ja and phrase.en, (kind, term.code)


def test_variants_fall_back_as_documented():
    assert vocab.label("format", "csv", "en", "short") == vocab.label("format", "csv", "en")
    assert vocab.label("format", "csv", "en", "note") == ""
    assert vocab.label("flow", "no_such_flow", "en") == "no_such_flow"
    assert vocab.label("flow", "no_such_flow", "en", "phrase") == ""
    assert vocab.label("flow", None) == ""


def test_the_short_label_is_what_the_table_cell_shows_and_differs_from_the_list_label():
    assert vocab.label("purpose", "new_purpose") == "新規取得分に目的を設定"
    assert vocab.label("purpose", "new_purpose", "ja", "short") == "新規に目的設定"
    assert vocab.label("purpose", "new_purpose", "en", "short") == "New purpose"


def test_an_article_is_named_in_both_languages():
    art = vocab.article(11)
    assert art is not None
    assert art.name.get("ja") == "基本法第11条（オープンデータ）"
    assert art.name.get("en").startswith("Basic Act Art. 11 (")


def test_the_core_never_branches_on_the_language():
    """One way to say things in two languages: ``Text(ja, en).get(lang)``, not ``if lang == "en"``."""
    root = Path(__file__).resolve().parents[1] / "planner"
    branch = re.compile(r"""lang\s*[!=]=\s*["']en["']""")
    found = [f"{path.relative_to(root)}:{n}"
             for path in sorted(root.rglob("*.py")) if path.name != "bilingual.py"
             for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
             if branch.search(line)]
    assert not found, f"say it with planner.plan.bilingual.Text: {found}"


def test_a_kpi_target_and_a_related_plan_are_worded_from_the_vocabulary():
    assert vocab.label("direction", "decrease", "ja", "phrase") == "以下"
    sentence = vocab.text("relation", "parent", "phrase").format(title="第2次総合計画")
    assert sentence.get("ja") == "本計画は、第2次総合計画を上位計画とする計画です。"
    assert sentence.get("en") == "This plan sits under 第2次総合計画."
    assert vocab.label("purpose", "changed", "en", "basis") == "（APPI Art. 61(3)）"
