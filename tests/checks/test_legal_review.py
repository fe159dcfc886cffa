"""Independent legal review of the catalogue (issue 12): citations and wording that said more
than the law, each pinned by a test that fails on the old text.

Sources verified (search, 2026-11-27):
- 官民データ活用推進基本法 第9条 has four paragraphs; publication is 第4項 (iuris.jp, as amended
  by 令和3年法律第35号: 第3項 defines 市町村官民データ活用推進計画 「次項において」 only).
- The 手引 are 「都道府県…」 and 「市町村官民データ活用推進計画策定の手引」 (cio.go.jp/chihou-tebiki).
- APPI 第74条 is 「個人情報ファイルの保有等に関する事前通知」 by a national 行政機関 to the PPC;
  the register is 第75条; 施行令第20条 is 「個人情報ファイル簿の作成及び公表」 (iuris.jp).
- APPI 第27条: besides consent and the cases of 第1項, a business may provide by the opt-out of
  第2項 (closed for 要配慮) or as joint use (第5項第3号), where the recipient is no third party.
- APPI 第69条第1項 (法令に基づく場合) stands apart from 第2項; 「相当の理由」 is a requirement of
  第2項第2号 and 第3号 only (compliance21.com/?p=2010 quotes the text).
"""

from __future__ import annotations

from checks.builders import clean_plan, fired, personal_source, where
from planner.checks import registered, run_checks
from planner.files.paths import sample_plan_path
from planner.files.planfile import load_plan
from planner.plan.model import Acquisition, Category, DataUse, Flow, LegalBasis, Purpose

_NO_SUCH_GUIDE = "地方公共団体官民データ活用推進計画策定の手引"


def _every_text():
    for r in registered():
        yield r.id, r.reference("ja") + r.fix("ja") + r.title("ja")
    sample = sample_plan_path()
    for path in (sample, sample.with_name("prefecture-plan.yaml")):
        for f in run_checks(load_plan(path)):
            yield f.rule, f.message("ja") + f.reference("ja") + f.fix("ja")


def test_no_rule_cites_a_guide_that_does_not_exist_or_a_paragraph_9_5():
    for rule_id, text in _every_text():
        assert _NO_SUCH_GUIDE not in text, rule_id
        assert "第9条第4項・第5項" not in text, rule_id


def test_rdy008_cites_basic_act_9_4_for_publication():
    r = {r.id: r for r in registered()}["RDY008"]
    assert "第9条第4項" in r.reference("ja") and "9(5)" not in r.reference("en")
    assert "市町村（都道府県）官民データ活用推進計画策定の手引" in r.reference("ja")


def test_prv017_names_article_75_as_the_register_not_74():
    r = {r.id: r for r in registered()}["PRV017"]
    ref = r.reference("ja")
    assert "第75条（個人情報ファイル簿の作成及び公表" in ref
    assert "第74条・第75条（個人情報ファイル簿" not in ref
    assert "Arts. 74 and 75 (register" not in r.reference("en")


def _received(category):
    plan = clean_plan()
    plan.data_sources[0] = personal_source(category=category,
                                           acquisition=Acquisition.THIRD_PARTY_PROVIDED,
                                           agreement="データ提供契約")
    return plan


def test_prv004_names_opt_out_and_joint_use_as_lawful_routes_for_a_business():
    (f,) = fired(_received(Category.PERSONAL), "PRV004")
    # Not "only with consent or a case of 27(1)": 27(2) opt-out and 27(5)(iii) joint use too.
    assert "オプトアウト" in f.message("ja") and "第5項第3号" in f.message("ja")
    assert "opt-out" in f.message("en") and "27(5)(iii)" in f.message("en")
    assert "ただし書" not in f.message("ja")
    (f,) = fired(_received(Category.SPECIAL_CARE), "PRV004")
    assert "第27条第2項ただし書" in f.message("ja")


def test_legal_messages_say_jichitai_not_shi():
    """A prefecture's or town's plan must not read 「市に提供」 (b2d0537 made the rest say 自治体)."""
    (f,) = fired(_received(Category.PERSONAL), "PRV004")
    assert "市に提供" not in f.message("ja") and "市の側" not in f.message("ja")
    plan = clean_plan()
    plan.measures[0].uses[0] = DataUse("D-1", flow=Flow.OUTSOURCE, purpose=Purpose.WITHIN)
    plan.data_sources[0].category = Category.SPECIFIC_PERSONAL
    (f,) = fired(plan, "PRV018")
    assert "市の許諾" not in f.message("ja") and "市は委託先" not in f.message("ja")


def _out_of_purpose(basis, category=Category.PERSONAL):
    plan = clean_plan()
    plan.measures[0].uses[0] = DataUse("D-1", flow=Flow.INTERNAL_USE,
                                       purpose=Purpose.OUT_OF_PURPOSE, legal_basis=basis)
    plan.data_sources[0].category = category
    return plan


def test_prv020_by_law_asks_for_the_law_not_a_considerable_reason():
    (f,) = fired(_out_of_purpose(LegalBasis.LAW), "PRV020")
    assert f.field == "uses[0].rationale"
    assert "法令の名称と条項" in f.fix("ja") and "第69条第1項" in f.message("ja")
    assert "相当の理由" not in f.message("ja") and "ただし書" not in f.message("ja")


def test_prv020_considerable_reason_is_that_of_cases_ii_and_iii():
    (f,) = fired(_out_of_purpose(LegalBasis.INTERNAL_CONSIDERABLE_REASON), "PRV020")
    assert "第2号・第3号の「相当の理由」" in f.message("ja")
    assert "第69条第2項各号の「相当の理由」" not in f.message("ja")
    # My Number data: Art. 69 as read by 番号法 30(1) has no 「法令に基づく」 route; unchanged.
    (f,) = fired(_out_of_purpose(LegalBasis.LAW, Category.SPECIFIC_PERSONAL), "PRV020")
    assert "ただし書" in f.message("ja")
    plan = _out_of_purpose(LegalBasis.LAW)
    plan.measures[0].uses[0].rationale = "災害対策基本法第49条の11第2項に基づく提供"
    assert where(plan, "PRV020") == []


def test_prv007_names_the_duty_of_a_business_that_made_the_anonymized_data():
    """A payment company usually makes the anonymized data itself: its duty to publish and
    tell is Art. 43(4) (old 36(4)); Art. 44 is that of a business that received it."""
    plan = clean_plan()
    plan.data_sources[0] = personal_source(category=Category.ANONYMIZED,
                                           acquisition=Acquisition.THIRD_PARTY_PROVIDED)
    (f,) = fired(plan, "PRV007")
    assert "第43条第4項" in f.reference("ja") and "第43条第4項" in f.fix("ja")
    assert "43(4)" in f.reference("en") and "第44条" in f.reference("ja")


def test_prv021_leaves_the_mandatory_consultation_on_a_request_for_review_alone():
    """Art. 105 (審査会への諮問; 105(3) for local bodies) makes consulting the 審査会 on a
    審査請求 a duty; PRV021 is about the optional consultation of Art. 129."""
    from planner.plan.model import Sections
    plan = clean_plan()
    plan.plan.sections = Sections(security=(
        "開示決定等に対する審査請求があったときは、個人情報保護審査会に諮問します。"))
    assert where(plan, "PRV021") == []
    plan.plan.sections = Sections(security="必要に応じて個人情報保護審査会に諮問します。")
    assert where(plan, "PRV021") == [((), "plan.sections.security")]
