"""PRV: personal information used, provided, published, obtained and kept lawfully."""

from __future__ import annotations

import pytest

from checks.builders import clean_plan, fired, personal_source, where
from planner.checks import Severity
from planner.plan.model import (
    Acquisition,
    Category,
    DataUse,
    FiscalYearRange,
    Flow,
    Kpi,
    LegalBasis,
    Measure,
    Measurement,
    OpenData,
    Purpose,
    SafetyMeasure,
)

PRVS = [f"PRV{n:03d}" for n in range(1, 16)]


def _use(plan, **kw):
    """Change the clean plan's personal use M-1 → D-1."""
    for key, value in kw.items():
        setattr(plan.measures[0].uses[0], key, value)
    return plan


def _category(plan, category):
    plan.data_sources[0].category = category
    return plan


def test_clean_plan_has_no_privacy_findings():
    plan = clean_plan()
    assert {r: where(plan, r) for r in PRVS} == {r: [] for r in PRVS}


# PRV001 ---------------------------------------------------------------------------------

@pytest.mark.parametrize("category", [Category.PERSONAL, Category.SPECIAL_CARE,
                                      Category.NON_IDENTIFYING])
def test_prv001_out_of_purpose_without_basis(category):
    plan = _use(_category(clean_plan(), category), purpose=Purpose.OUT_OF_PURPOSE)
    (f,) = fired(plan, "PRV001")
    assert (f.nodes, f.field) == (("M-1", "D-1"), "uses[0].legal_basis")
    assert f.reference("ja") == "個人情報の保護に関する法律 第69条（利用及び提供の制限）"
    assert f.reference("en") == "APPI Art. 69 (restriction of use and provision)"
    assert "確認してください" in f.fix("ja")


def test_prv001_not_with_a_basis_or_within_purpose():
    plan = _use(clean_plan(), purpose=Purpose.OUT_OF_PURPOSE,
                legal_basis=LegalBasis.INTERNAL_CONSIDERABLE_REASON)
    assert where(plan, "PRV001") == []
    assert where(_use(clean_plan(), purpose=Purpose.CHANGED), "PRV001") == []


# PRV002 ---------------------------------------------------------------------------------

def test_prv002_provision_without_art19_and_out_of_purpose():
    plan = _category(clean_plan(), Category.SPECIFIC_PERSONAL)
    _use(plan, flow=Flow.PROVIDE_PUBLIC_BODY, purpose=Purpose.OUT_OF_PURPOSE,
         legal_basis=LegalBasis.PUBLIC_BODY_CONSIDERABLE_REASON)
    findings = fired(plan, "PRV002")
    assert [(f.nodes, f.field) for f in findings] == [(("M-1", "D-1"), "uses[0].legal_basis"),
                                                     (("M-1", "D-1"), "uses[0].purpose")]
    assert "番号法 第19条" in findings[0].reference("ja")
    assert "第30条第1項" in findings[1].reference("ja")


def test_prv002_not_for_art19_provision_within_purpose():
    plan = _category(clean_plan(), Category.SPECIFIC_PERSONAL)
    _use(plan, flow=Flow.PROVIDE_PUBLIC_BODY, legal_basis=LegalBasis.MYNUMBER_ART19)
    assert where(plan, "PRV002") == []


# PRV003 ---------------------------------------------------------------------------------

@pytest.mark.parametrize("category", [Category.PERSONAL, Category.SPECIAL_CARE,
                                      Category.SPECIFIC_PERSONAL, Category.ANONYMIZED,
                                      Category.NON_IDENTIFYING])
def test_prv003_publishing_personal_data(category):
    plan = _use(_category(clean_plan(), category), flow=Flow.PUBLISH)
    assert where(plan, "PRV003") == [(("M-1", "D-1"), "uses[0].flow")]


def test_prv003_open_data_flag_on_personal_source():
    plan = clean_plan()
    plan.data_sources[0].open_data = OpenData(publish=True)
    (f,) = fired(plan, "PRV003")
    assert (f.nodes, f.field) == (("D-1",), "open_data.publish")
    assert "オープンデータ基本指針" in f.reference("ja")


@pytest.mark.parametrize("category, ja, en", [
    (Category.ADMINISTRATIVE_ANONYMIZED, "第109条第2項", "Art. 109(2)"),
    (Category.ANONYMIZED, "第123条", "Art. 123"),
    (Category.PSEUDONYMIZED, "第73条", "Art. 73"),
])
def test_prv003_each_kind_of_processed_data_cites_its_own_article(category, ja, en):
    plan = _use(_category(clean_plan(), category), flow=Flow.PUBLISH)
    (f,) = fired(plan, "PRV003")
    assert ja in f.reference("ja") and en in f.reference("en")


def test_prv003_messages_name_the_limit_that_applies():
    (personal,) = fired(_use(clean_plan(), flow=Flow.PUBLISH), "PRV003")
    assert "オープンデータ基本指針" in personal.message("ja") and "第69条" in personal.message("ja")
    assert "法令に基づいて公表している情報" in personal.fix("ja")  # not an absolute ban
    plan = _use(_category(clean_plan(), Category.SPECIFIC_PERSONAL), flow=Flow.PUBLISH)
    (specific,) = fired(plan, "PRV003")
    assert "番号法第19条" in specific.message("ja")
    plan = _use(_category(clean_plan(), Category.ADMINISTRATIVE_ANONYMIZED), flow=Flow.PUBLISH)
    (anonymized,) = fired(plan, "PRV003")
    assert "提案募集" in anonymized.fix("ja")
    plan = _use(_category(clean_plan(), Category.ANONYMIZED), flow=Flow.PUBLISH)
    (received,) = fired(plan, "PRV003")
    assert "第123条第1項" in received.message("ja") and "提案募集" not in received.fix("ja")


def test_prv003_statistics_may_be_published():
    assert where(clean_plan(), "PRV003") == []  # D-2 statistical is published


# PRV004 ---------------------------------------------------------------------------------

def _received_special_care(**kw):
    plan = clean_plan()
    plan.data_sources[0] = personal_source(category=Category.SPECIAL_CARE,
                                           acquisition=Acquisition.THIRD_PARTY_PROVIDED,
                                           agreement="データ提供契約", **kw)
    return plan


def test_prv004_special_care_received_without_consent_or_law():
    (f,) = fired(_received_special_care(), "PRV004")
    assert (f.nodes, f.field) == (("D-1",), "consent")
    assert "第64条" in f.reference("ja") and "第27条" in f.reference("ja")


@pytest.mark.parametrize("kw", [{"consent": "申込書で同意を取得"},
                                {"legal_basis": LegalBasis.LAW}])
def test_prv004_not_with_consent_or_law(kw):
    assert where(_received_special_care(**kw), "PRV004") == []


def test_prv004_consent_or_law_on_the_receive_use_counts():
    plan = _received_special_care()
    _use(plan, flow=Flow.RECEIVE, legal_basis=LegalBasis.CONSENT)
    assert where(plan, "PRV004") == []
    _use(plan, flow=Flow.INTERNAL_USE)  # a basis for using the data is not one for receiving it
    assert where(plan, "PRV004") == [(("D-1",), "consent")]


def test_prv004_only_for_data_from_outside():
    plan = _received_special_care()
    plan.data_sources[0].acquisition = Acquisition.STATUTORY
    assert where(plan, "PRV004") == []


def test_prv004_is_a_warning_about_the_providers_basis_not_the_municipalitys_consent():
    (f,) = fired(_received_special_care(), "PRV004")
    assert f.severity == Severity.WARNING
    # The municipality needs no consent for what its duties require (61(1), 64) …
    assert "自治体の側に本人の同意は必要ありません" in f.message("ja")
    # … the provider does (27), and for special-care data the opt-out route is closed.
    assert "第27条第1項" in f.message("ja") and "第27条第2項ただし書" in f.message("ja")


def test_prv004_covers_all_personal_data_received_not_only_special_care():
    plan = _received_special_care()
    plan.data_sources[0].category = Category.PERSONAL
    (f,) = fired(plan, "PRV004")
    assert f.nodes == ("D-1",) and "第27条第2項ただし書" not in f.message("ja")
    plan.data_sources[0].category = Category.SPECIFIC_PERSONAL  # 番号法 19 (PRV002), not 27
    assert where(plan, "PRV004") == []


# PRV005 ---------------------------------------------------------------------------------

def test_prv005_non_identifying_used_internally():
    plan = _category(clean_plan(), Category.NON_IDENTIFYING)
    (f,) = fired(plan, "PRV005")
    assert (f.nodes, f.field) == (("D-1", "M-1"), "category")
    assert "行政機関等匿名加工情報" in f.fix("ja")


def test_prv005_outsourcing_is_handling_inside_too():
    plan = _use(_category(clean_plan(), Category.NON_IDENTIFYING), flow=Flow.OUTSOURCE)
    assert where(plan, "PRV005") == [(("D-1", "M-1"), "category")]


def test_prv005_not_when_provided_outside():
    plan = _use(_category(clean_plan(), Category.NON_IDENTIFYING), flow=Flow.PROVIDE_PRIVATE)
    plan.data_sources[0].agreement = "協定"
    assert where(plan, "PRV005") == []


# PRV006 / PRV007 --------------------------------------------------------------------------

def test_prv006_personal_to_private_without_agreement():
    plan = _use(clean_plan(), flow=Flow.PROVIDE_PRIVATE)
    (f,) = fired(plan, "PRV006")
    assert (f.nodes, f.field) == (("D-1", "M-1"), "agreement")
    assert "第70条" in f.reference("ja")
    # Art. 70 is a request for measures "where necessary", not a duty to contract.
    assert f.severity == Severity.WARNING and "必要があると認めるとき" in f.message("ja")
    plan.data_sources[0].agreement = "見守り協定"
    assert where(plan, "PRV006") == []


@pytest.mark.parametrize("acq", [Acquisition.THIRD_PARTY_PROVIDED, Acquisition.PRIVATE_SHARED])
def test_prv007_outside_source_without_agreement(acq):
    plan = clean_plan()
    plan.data_sources[1].acquisition = acq
    assert where(plan, "PRV007") == [(("D-2",), "agreement")]
    plan.data_sources[1].agreement = "データ提供協定"
    assert where(plan, "PRV007") == []


def test_prv007_received_anonymized_cites_the_providers_and_the_municipalitys_articles():
    plan = _category(clean_plan(), Category.ANONYMIZED)
    plan.data_sources[0].acquisition = Acquisition.THIRD_PARTY_PROVIDED
    (f,) = fired(plan, "PRV007")
    assert "第44条" in f.reference("ja") and "第123条" in f.reference("ja")
    assert "44" in f.reference("en") and "識別行為の禁止" in f.fix("ja")
    plan.data_sources[0].agreement = "匿名加工情報提供契約"
    assert where(plan, "PRV007") == []


# PRV008 / PRV009 / PRV010 ------------------------------------------------------------------

def test_prv008_specific_personal_needs_all_four_safeguards():
    plan = _category(clean_plan(), Category.SPECIFIC_PERSONAL)
    assert where(plan, "PRV008") == []
    plan.data_sources[0].safety_measures = [SafetyMeasure.ORGANIZATIONAL, SafetyMeasure.HUMAN]
    (f,) = fired(plan, "PRV008")
    assert (f.nodes, f.field) == (("D-1",), "safety_measures")
    assert "物理的安全管理措置、技術的安全管理措置が記載されていません" in f.message("ja")


def test_prv009_personal_without_retention():
    plan = clean_plan()
    plan.data_sources[0].retention = None
    plan.data_sources[1].retention = None  # statistical: no retention needed
    assert where(plan, "PRV009") == [(("D-1",), "retention")]


def test_prv010_kpi_from_personal_data():
    plan = clean_plan()
    assert where(plan, "PRV010") == []
    plan.kpis[0].source = "D-1"
    assert where(plan, "PRV010") == [(("K-1", "D-1"), "source")]


# PRV011 / PRV012 / PRV013 / PRV014 ---------------------------------------------------------

def test_prv011_received_anonymized_needs_the_art_123_steps():
    plan = _use(_category(clean_plan(), Category.ANONYMIZED), flow=Flow.PROVIDE_PRIVATE,
                rationale="観光協会に提供する。")
    (f,) = fired(plan, "PRV011")
    assert (f.nodes, f.field) == (("M-1", "D-1"), "uses[0].rationale")
    assert "第123条" in f.reference("ja") and "第123条第1項" in f.message("ja") and "公表" in f.message("ja")
    _use(plan, flow=Flow.PROVIDE_PRIVATE, rationale="契約で再提供が認められており、項目と方法を"
         "公表し、提供先に匿名加工情報である旨を明示する。")
    assert where(plan, "PRV011") == []


def test_prv011_pseudonymized_only_by_law():
    plan = _use(_category(clean_plan(), Category.PSEUDONYMIZED), flow=Flow.PROVIDE_PUBLIC_BODY)
    (f,) = fired(plan, "PRV011")
    assert f.field == "uses[0].legal_basis" and "第73条第1項" in f.message("ja")
    _use(plan, flow=Flow.PROVIDE_PUBLIC_BODY, legal_basis=LegalBasis.LAW)
    assert where(plan, "PRV011") == []
    _use(plan, flow=Flow.INTERNAL_USE)  # using it inside is not provision
    assert where(plan, "PRV011") == []


def test_prv011_anonymized_provided_outside_procedure():
    plan = _use(_category(clean_plan(), Category.ADMINISTRATIVE_ANONYMIZED),
                flow=Flow.PROVIDE_PRIVATE, legal_basis=LegalBasis.SPECIAL_REASON)
    assert where(plan, "PRV011") == [(("M-1", "D-1"), "uses[0].legal_basis")]
    assert "第109条第2項第2号" in fired(plan, "PRV011")[0].fix("ja")
    _use(plan, legal_basis=LegalBasis.ANONYMIZED_PROPOSAL)
    assert where(plan, "PRV011") == []
    _use(plan, legal_basis=LegalBasis.LAW)
    assert where(plan, "PRV011") == []


def _one_out_of_purpose_use(start_fy=2027, end_fy=2027):
    plan = _use(clean_plan(), purpose=Purpose.OUT_OF_PURPOSE,
                legal_basis=LegalBasis.INTERNAL_CONSIDERABLE_REASON)
    plan.measures[0].schedule = FiscalYearRange(start_fy, end_fy)
    return plan


def test_prv012_one_measure_in_one_year_is_the_occasional_use_69_2_allows():
    assert where(_one_out_of_purpose_use(), "PRV012") == []
    plan = _one_out_of_purpose_use()
    plan.measures[0].schedule = None  # nothing tells it is routine
    assert where(plan, "PRV012") == []


def test_prv012_occasional_decides_when_recorded():
    plan = _one_out_of_purpose_use(2027, 2030)
    plan.measures[0].uses[0].occasional = True  # a one-off inside a longer measure
    assert where(plan, "PRV012") == []
    plan = _one_out_of_purpose_use()  # one year, but recorded as not occasional
    plan.measures[0].uses[0].occasional = False
    (f,) = fired(plan, "PRV012")
    assert "臨時的な利用ではない" in f.message("ja") and f.nodes == ("D-1", "M-1")


def test_prv012_one_measure_over_several_years_is_routine():
    (f,) = fired(_one_out_of_purpose_use(2027, 2030), "PRV012")
    assert (f.nodes, f.field) == (("D-1", "M-1"), "original_purpose")
    assert "2027〜2030年度" in f.message("ja") and "臨時的" in f.message("ja")
    assert "3-3-2" in f.message("ja") and "第61条第1項" in f.reference("ja")


def test_prv012_out_of_purpose_repeated():
    plan = _one_out_of_purpose_use()
    plan.measures.append(Measure("M-2", "見守り", addresses=["I-1"], uses=[
        DataUse("D-1", Flow.INTERNAL_USE, Purpose.OUT_OF_PURPOSE,
                LegalBasis.INTERNAL_CONSIDERABLE_REASON)]))
    plan.kpis.append(Kpi("K-2", "見守り件数", measures=["M-2"], source="D-2",
                         baseline=Measurement(1, 2025), target=Measurement(2, 2030)))
    (f,) = fired(plan, "PRV012")
    assert (f.nodes, f.field) == (("D-1", "M-1", "M-2"), "original_purpose")
    assert "第61条第1項・第3項" in f.reference("ja")


def _two_out_of_purpose_uses(category):
    plan = _category(clean_plan(), category)
    _use(plan, purpose=Purpose.OUT_OF_PURPOSE, legal_basis=LegalBasis.INTERNAL_CONSIDERABLE_REASON)
    plan.measures.append(Measure("M-2", "見守り", addresses=["I-1"], uses=[
        DataUse("D-1", Flow.INTERNAL_USE, Purpose.OUT_OF_PURPOSE)]))
    return plan


def test_prv012_advice_follows_the_category():
    (specific,) = fired(_two_out_of_purpose_uses(Category.SPECIFIC_PERSONAL), "PRV012")
    assert "番号法" in specific.reference("ja") and "第9条" in specific.reference("ja")
    assert "利用目的の変更で範囲を広げることはできません" in specific.fix("ja")
    (other,) = fired(_two_out_of_purpose_uses(Category.NON_PERSONAL), "PRV012")
    assert "協定・契約" in other.reference("ja") and "第61条第3項" not in other.fix("ja")


@pytest.mark.parametrize("flow, basis, fires", [
    (Flow.PROVIDE_PRIVATE, LegalBasis.INTERNAL_CONSIDERABLE_REASON, True),
    (Flow.INTERNAL_USE, LegalBasis.PUBLIC_BODY_CONSIDERABLE_REASON, True),
    (Flow.INTERNAL_USE, LegalBasis.STATISTICS_RESEARCH, True),
    (Flow.INTERNAL_USE, LegalBasis.MYNUMBER_ART19, True),
    (Flow.INTERNAL_USE, LegalBasis.INTERNAL_CONSIDERABLE_REASON, False),
    (Flow.PROVIDE_PUBLIC_BODY, LegalBasis.PUBLIC_BODY_CONSIDERABLE_REASON, False),
    (Flow.PROVIDE_PRIVATE, LegalBasis.CONSENT, False),
])
def test_prv013_basis_must_fit_the_flow(flow, basis, fires):
    plan = _use(clean_plan(), flow=flow, purpose=Purpose.OUT_OF_PURPOSE, legal_basis=basis)
    expected = [(("M-1", "D-1"), "uses[0].legal_basis")] if fires else []
    assert where(plan, "PRV013") == expected


def test_prv014_personal_use_must_state_flow_and_purpose():
    plan = _use(clean_plan(), purpose=None)
    (f,) = fired(plan, "PRV014")
    assert (f.nodes, f.field) == (("M-1", "D-1"), "uses[0].purpose")
    _use(plan, purpose=Purpose.WITHIN, flow=None)
    assert where(plan, "PRV014") == [(("M-1", "D-1"), "uses[0].flow")]
    plan.data_sources[0].category = Category.STATISTICAL
    assert where(plan, "PRV014") == []


def test_prv013_a_basis_of_another_regime_is_named_as_such():
    plan = _use(clean_plan(), purpose=Purpose.OUT_OF_PURPOSE, legal_basis=LegalBasis.MYNUMBER_ART19)
    (f,) = fired(plan, "PRV013")
    assert "特定個人情報又は匿名加工情報のためのもの" in f.message("ja")


# PRV015 ---------------------------------------------------------------------------------

def test_prv015_personal_data_without_any_safeguard():
    plan = clean_plan()
    assert where(plan, "PRV015") == []
    plan.data_sources[0].safety_measures = []
    (f,) = fired(plan, "PRV015")
    assert (f.nodes, f.field) == (("D-1",), "safety_measures")
    assert "第66条第1項" in f.message("ja") and "委託" not in f.message("ja")
    plan.data_sources[0].safety_measures = [SafetyMeasure.ORGANIZATIONAL]  # some declared
    assert where(plan, "PRV015") == []


def test_prv015_names_the_outsourcing_measure():
    plan = _use(clean_plan(), flow=Flow.OUTSOURCE)
    plan.data_sources[0].safety_measures = []
    (f,) = fired(plan, "PRV015")
    assert f.nodes == ("D-1", "M-1")
    assert "第66条第2項第1号" in f.message("ja") and "委託契約" in f.fix("ja")


@pytest.mark.parametrize("category", [Category.SPECIFIC_PERSONAL, Category.STATISTICAL,
                                      Category.ANONYMIZED])
def test_prv015_not_for_specific_personal_or_non_personal(category):
    plan = _category(clean_plan(), category)
    plan.data_sources[0].safety_measures = []
    assert where(plan, "PRV015") == []  # specific personal: PRV008 asks for all four
