"""PRV016–PRV023 and OPN009: what a 法務担当 asks beyond the use rules (issue 12)."""

from __future__ import annotations

import pytest

from checks.builders import clean_plan, fired, open_source, personal_source, where
from planner.checks import Severity
from planner.plan.model import (
    Acquisition,
    Category,
    DataUse,
    Flow,
    LegalBasis,
    Purpose,
    Sections,
)

NEW = [f"PRV{n:03d}" for n in range(16, 24)] + ["OPN009"]


def _use(plan, **kw):
    """Replace M-1's use of D-1 (uses[0]) with one built from ``kw``."""
    plan.measures[0].uses[0] = DataUse("D-1", **{"flow": Flow.INTERNAL_USE,
                                                 "purpose": Purpose.WITHIN, **kw})
    return plan


def test_clean_plan_has_none_of_the_review_findings():
    plan = clean_plan()
    assert {r: where(plan, r) for r in NEW} == {r: [] for r in NEW}


# PRV016 ---------------------------------------------------------------------------------

def _bodies(holder: str, owner: str):
    plan = clean_plan()
    plan.data_sources[0].holder = holder
    plan.measures[0].owner = owner
    return plan


def test_prv016_internal_use_across_executive_bodies_is_provision():
    (f,) = fired(_bodies("市民課", "教育委員会学校教育課"), "PRV016")
    assert (f.nodes, f.field) == (("M-1", "D-1"), "uses[0].flow")
    assert "第2条第11項" in f.message("ja") and "他の行政機関等への提供" in f.message("ja")
    assert f.severity == Severity.WARNING


@pytest.mark.parametrize("holder, owner", [("市民課", "企画課"), ("教育委員会学務課", "教育委員会指導課"),
                                           ("市民課", None), ("", "教育委員会")])
def test_prv016_not_within_one_body_or_when_unknown(holder, owner):
    assert where(_bodies(holder, owner), "PRV016") == []


def test_prv016_not_when_the_flow_already_says_provision():
    plan = _use(_bodies("市民課", "教育委員会学校教育課"), flow=Flow.PROVIDE_PUBLIC_BODY)
    assert where(plan, "PRV016") == []


def test_prv016_welfare_commissioners_are_not_a_private_party():
    plan = _use(clean_plan(), flow=Flow.PROVIDE_PRIVATE, rationale="民生委員に名簿を提供する")
    plan.data_sources[0].agreement = "協定"
    (f,) = fired(plan, "PRV016")
    assert f.field == "uses[0].flow" and "特別職の地方公務員" in f.message("ja")
    assert "3-3-3" in f.reference("ja")


def test_prv016_private_provision_without_commissioners_is_left_alone():
    plan = _use(clean_plan(), flow=Flow.PROVIDE_PRIVATE, rationale="自主防災組織に提供する")
    plan.data_sources[0].agreement = "協定"
    assert where(plan, "PRV016") == []


# PRV017 ---------------------------------------------------------------------------------

@pytest.mark.parametrize("kw, why", [
    ({"purpose": Purpose.NEW_PURPOSE}, "新たな取得"),
    ({"purpose": Purpose.CHANGED}, "利用目的の変更"),
    ({"flow": Flow.PROVIDE_PUBLIC_BODY}, "外部への提供"),
])
def test_prv017_file_register_reminder(kw, why):
    (f,) = fired(_use(clean_plan(), **kw), "PRV017")
    assert f.nodes == ("D-1",) and f.field is None and f.severity == Severity.INFO
    assert why in f.message("ja") and "第75条" in f.message("ja")


def test_prv017_not_for_use_within_purpose_or_non_personal_data():
    plan = clean_plan()  # D-1 used within purpose; D-2 statistical, published
    assert where(plan, "PRV017") == []


# PRV018 ---------------------------------------------------------------------------------

def _my_number_outsourced(**kw):
    plan = _use(clean_plan(), flow=Flow.OUTSOURCE, **kw)
    plan.data_sources[0].category = Category.SPECIFIC_PERSONAL
    return plan


def test_prv018_outsourcing_my_number_data_needs_art19_and_a_contract():
    (f,) = fired(_my_number_outsourced(), "PRV018")
    assert (f.nodes, f.field) == (("M-1", "D-1"), "uses[0].legal_basis")
    for article in ("第9条第1項後段", "第10条", "第11条", "第19条"):
        assert article in f.message("ja") + f.reference("ja"), article
    assert "号番号" in f.fix("ja")  # the 号 changed in 2023: the message names the case, not a number


def test_prv018_contract_missing_points_at_the_rationale():
    (f,) = fired(_my_number_outsourced(legal_basis=LegalBasis.MYNUMBER_ART19), "PRV018")
    assert f.field == "uses[0].rationale" and "委託契約" in f.message("ja")


def test_prv018_not_with_basis_and_contract_or_for_other_data():
    plan = _my_number_outsourced(legal_basis=LegalBasis.MYNUMBER_ART19)
    plan.data_sources[0].agreement = "委託契約書"
    assert where(plan, "PRV018") == []
    plan = _use(clean_plan(), flow=Flow.OUTSOURCE)  # ordinary personal data: APPI 66
    assert where(plan, "PRV018") == []


# PRV019 ---------------------------------------------------------------------------------

@pytest.mark.parametrize("purpose", [Purpose.NEW_PURPOSE, Purpose.CHANGED])
def test_prv019_privacy_impact_assessment_for_new_or_changed_files(purpose):
    plan = _use(clean_plan(), purpose=purpose)
    plan.data_sources[0].category = Category.SPECIFIC_PERSONAL
    (f,) = fired(plan, "PRV019")
    assert (f.nodes, f.field) == (("M-1", "D-1"), "uses[0].purpose")
    assert "第28条" in f.message("ja") and f.severity == Severity.INFO


def test_prv019_not_for_use_within_purpose_or_other_personal_data():
    plan = clean_plan()
    plan.data_sources[0].category = Category.SPECIFIC_PERSONAL
    assert where(plan, "PRV019") == []
    assert where(_use(clean_plan(), purpose=Purpose.NEW_PURPOSE), "PRV019") == []


# PRV020 ---------------------------------------------------------------------------------

def test_prv020_out_of_purpose_use_needs_a_written_reason():
    plan = _use(clean_plan(), purpose=Purpose.OUT_OF_PURPOSE,
                legal_basis=LegalBasis.INTERNAL_CONSIDERABLE_REASON)
    (f,) = fired(plan, "PRV020")
    assert (f.nodes, f.field) == (("M-1", "D-1"), "uses[0].rationale")
    assert "客観的" in f.message("ja") and "ただし書" in f.message("ja")


def test_prv020_not_with_a_reason_or_within_purpose():
    plan = _use(clean_plan(), purpose=Purpose.OUT_OF_PURPOSE,
                legal_basis=LegalBasis.INTERNAL_CONSIDERABLE_REASON,
                rationale="災害時の安否確認に限り、氏名・住所のみを利用する。")
    assert where(plan, "PRV020") == []
    assert where(clean_plan(), "PRV020") == []


# PRV021 ---------------------------------------------------------------------------------

def test_prv021_promising_to_consult_the_council_as_needed():
    plan = clean_plan()
    plan.plan.sections = Sections(security="必要に応じて個人情報保護審議会の意見を聴きます。")
    (f,) = fired(plan, "PRV021")
    assert (f.nodes, f.field) == ((), "plan.sections.security")
    assert "特に必要" in f.message("ja") and "第129条" in f.reference("ja")


@pytest.mark.parametrize("text", [
    "専門的な知見に基づく意見を聴くことが特に必要な場合は、個人情報保護審議会に諮問します。",
    "DX推進本部で点検し、懇話会の意見を聴きます。",  # no council on personal information
    "個人情報保護審議会は令和5年に廃止しました。",  # no consultation promised
])
def test_prv021_not_when_limited_or_not_a_consultation(text):
    plan = clean_plan()
    plan.plan.sections = Sections(organization=text)
    assert where(plan, "PRV021") == []


# PRV022 ---------------------------------------------------------------------------------

def _law_use(rationale):
    return _use(clean_plan(), purpose=Purpose.OUT_OF_PURPOSE, legal_basis=LegalBasis.LAW,
                rationale=rationale)


def test_prv022_an_ordinance_alone_is_left_to_the_legal_department():
    (f,) = fired(_law_use("みどり野市高齢者見守り条例第5条に基づき提供する。"), "PRV022")
    assert (f.nodes, f.field) == (("M-1", "D-1"), "uses[0].legal_basis")
    assert "判断を要します" in f.message("ja") and f.severity == Severity.INFO


@pytest.mark.parametrize("rationale", [
    "災害対策基本法第49条の11第2項に基づき提供する。",
    "介護保険法及び同法施行条例に基づき提供する。",  # a statute is cited too
    "",
])
def test_prv022_not_when_a_statute_is_cited(rationale):
    assert where(_law_use(rationale), "PRV022") == []


# PRV023 ---------------------------------------------------------------------------------

def test_prv023_the_old_term_non_identifying_is_named():
    plan = clean_plan()
    plan.data_sources[0].category = Category.NON_IDENTIFYING
    (f,) = fired(plan, "PRV023")
    assert (f.nodes, f.field) == (("D-1",), "category")
    assert "令和5年4月1日" in f.message("ja") and "2023-04-01" in f.message("en")


def test_prv023_not_for_other_categories():
    assert where(clean_plan(), "PRV023") == []


# OPN009 ---------------------------------------------------------------------------------

def test_opn009_food_business_list_can_name_sole_proprietors():
    plan = clean_plan()
    plan.data_sources[1] = open_source(category=Category.NON_PERSONAL, min_cell_size=None)
    plan.data_sources[1].open_data.standard_dataset = "15"
    (f,) = fired(plan, "OPN009")
    assert (f.nodes, f.field) == (("D-2",), "open_data.standard_dataset")
    assert "個人事業者" in f.message("ja") and f.severity == Severity.INFO


def test_opn009_not_for_other_lists_or_unpublished_ones():
    plan = clean_plan()
    assert where(plan, "OPN009") == []  # 04 population
    plan.data_sources[1].open_data.standard_dataset = "15"
    plan.data_sources[1].open_data.publish = False
    plan.measures[0].uses = plan.measures[0].uses[:1]
    assert where(plan, "OPN009") == []


def test_review_rules_ignore_data_from_outside_categories():
    plan = clean_plan()
    plan.data_sources[0] = personal_source(category=Category.STATISTICAL,
                                           acquisition=Acquisition.SELF_COLLECTED)
    _use(plan, purpose=Purpose.OUT_OF_PURPOSE, flow=Flow.PROVIDE_PRIVATE)
    assert [where(plan, r) for r in ("PRV016", "PRV017", "PRV020")] == [[], [], []]
