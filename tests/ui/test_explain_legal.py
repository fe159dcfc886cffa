"""The app's explanations of flows and purposes (the vocabulary's ``note``) say no more than
the law (legal review).

- Publishing personal data is a provision; APPI Art. 69 restricts it when it goes beyond
  the purpose, which a publication the law provides for is not (the old text called every
  publication out-of-purpose).
- The personal information file register is APPI Art. 75; Art. 74 is a national body's
  notice to the PPC and does not apply to local governments.
- Prefectures, towns and villages write plans too: 自治体, not 市.
"""

from __future__ import annotations

from planner.plan import vocab


def test_publish_is_a_provision_restricted_only_beyond_the_purpose():
    note = vocab.label("flow", "publish", "ja", "note")
    assert "公開は目的外提供として" not in note
    assert "利用目的以外の目的であれば個人情報保護法第69条" in note


def test_purpose_change_names_article_75_for_the_register():
    note = vocab.label("purpose", "changed", "ja", "note")
    assert "第74条" not in note and "第75条" in note


def test_outsourcing_note_says_jichitai():
    note = vocab.label("flow", "outsource", "ja", "note")
    assert "市は" not in note and "市の許諾" not in note
    assert "自治体は安全管理措置" in note
