"""OPN: published data is open data (licence, format, update, fee, tags, integrity, cells)."""

from __future__ import annotations

import pytest

from checks.builders import clean_plan, fired, open_source, where
from planner.plan.model import (
    Acquisition,
    Category,
    DataFormat,
    Integrity,
    License,
    UpdateFrequency,
)

OPNS = [f"OPN{n:03d}" for n in range(1, 9)]


def _od(plan, **kw):
    for key, value in kw.items():
        setattr(plan.data_sources[1].open_data, key, value)
    return plan


def test_clean_plan_has_no_open_data_findings():
    plan = clean_plan()
    assert {r: where(plan, r) for r in OPNS} == {r: [] for r in OPNS}


@pytest.mark.parametrize("licence", [None, License.OTHER])
def test_opn001_licence_missing_or_incompatible(licence):
    assert where(_od(clean_plan(), license=licence), "OPN001") == [(("D-2",), "open_data.license")]


@pytest.mark.parametrize("licence", [License.CC0_1_0, License.PDL_1_0])
def test_opn001_compatible_licences_pass(licence):
    assert where(_od(clean_plan(), license=licence), "OPN001") == []


def test_opn001_says_the_government_standard_terms_were_replaced_by_pdl():
    (f,) = fired(_od(clean_plan(), license=License.GSTOU_2_0), "OPN001")
    assert (f.nodes, f.field) == (("D-2",), "open_data.license")
    assert "令和6年7月5日" in f.message("ja") and "公共データ利用規約" in f.message("ja")
    assert "2024-07-05" in f.message("en") and "Public Data License 1.0" in f.message("en")
    assert "互換性は保たれています" in f.message("ja")  # still compatible: no more than that


def test_opn001_published_by_flow_only_still_needs_a_licence():
    plan = clean_plan()
    plan.data_sources[1].open_data = None  # published only by M-1's publish flow
    assert where(plan, "OPN001") == [(("D-2",), "open_data.license")]


def test_opn002_pdf_reports_its_star_level():
    plan = _od(clean_plan(), format=DataFormat.PDF)
    (f,) = fired(plan, "OPN002")
    assert (f.nodes, f.field) == (("D-2",), "open_data.format")
    assert "★ オープンライセンスで公開" in f.message("ja")
    assert "5-star level: ★ Open licence" in f.message("en")


def test_opn002_word_documents_are_an_acceptable_open_format():
    # 二次利用ガイドライン 別添2: .odt and .docx are acceptable for document data.
    assert where(_od(clean_plan(), format=DataFormat.DOCX), "OPN002") == []


def test_opn002_fix_speaks_of_documents_too():
    (f,) = fired(_od(clean_plan(), format=DataFormat.PDF), "OPN002")
    assert "CSV" in f.fix("ja") and ".docx" in f.fix("ja") and "文書" in f.fix("ja")


def test_opn002_falls_back_to_the_source_format():
    plan = _od(clean_plan(), format=None)
    plan.data_sources[1].format = DataFormat.PAPER
    assert where(plan, "OPN002") == [(("D-2",), "format")]


def test_opn003_update_frequency():
    plan = clean_plan()
    plan.data_sources[1].update_frequency = None
    assert where(plan, "OPN003") == [(("D-2",), "update_frequency")]
    plan.data_sources[1].update_frequency = UpdateFrequency.IRREGULAR
    assert where(plan, "OPN003") == []


def test_opn004_fee():
    (f,) = fired(_od(clean_plan(), fee=500), "OPN004")
    assert (f.nodes, f.field) == (("D-2",), "open_data.fee")
    assert "500円の料金" in f.message("ja")


def test_opn005_tags():
    assert where(_od(clean_plan(), tags=[]), "OPN005") == [(("D-2",), "open_data.tags")]


def test_opn006_integrity_none_only():
    assert where(_od(clean_plan(), integrity=Integrity.NONE), "OPN006") == [
        (("D-2",), "open_data.integrity")]
    assert where(_od(clean_plan(), integrity=None), "OPN006") == []


@pytest.mark.parametrize("cells, fires", [(None, True), (2, True), (3, False), (10, False)])
def test_opn007_small_cells(cells, fires):
    plan = clean_plan()
    plan.data_sources[1].min_cell_size = cells
    assert where(plan, "OPN007") == ([(("D-2",), "min_cell_size")] if fires else [])


@pytest.mark.parametrize("threshold, cells, fires", [
    (5, 4, True), (5, 5, False), (10, 5, True), (None, 3, False), (None, 2, True)])
def test_opn007_threshold_is_a_plan_setting(threshold, cells, fires):
    plan = clean_plan()
    plan.plan.min_cell_size_threshold = threshold
    plan.data_sources[1].min_cell_size = cells
    assert where(plan, "OPN007") == ([(("D-2",), "min_cell_size")] if fires else [])


def test_opn007_says_the_default_is_a_convention_not_law():
    plan = clean_plan()
    plan.data_sources[1].min_cell_size = 2
    (f,) = fired(plan, "OPN007")
    assert "法令の定めではありません" in f.message("ja") and "not a legal rule" in f.message("en")
    plan.plan.min_cell_size_threshold = 5
    plan.data_sources[1].min_cell_size = 4
    (f,) = fired(plan, "OPN007")
    assert "計画で定めた基準の5を下回ります" in f.message("ja")


def test_opn007_threshold_round_trips_through_the_plan_file():
    from planner.files.planfile import dumps_plan, loads_plan

    plan = clean_plan()
    plan.plan.min_cell_size_threshold = 10
    text = dumps_plan(plan)
    assert "min_cell_size_threshold: 10" in text
    assert loads_plan(text).plan.min_cell_size_threshold == 10


def test_opn007_only_statistics():
    plan = clean_plan()
    plan.data_sources.append(open_source("D-3", category=Category.NON_PERSONAL,
                                         min_cell_size=None))
    plan.kpis[0].source = "D-3"
    assert where(plan, "OPN007") == []


def test_unpublished_data_is_not_judged_as_open_data():
    plan = _od(clean_plan(), publish=False, license=None, fee=100)
    plan.measures[0].uses.pop()  # no publish flow either
    assert {r: where(plan, r) for r in OPNS} == {r: [] for r in OPNS}


@pytest.mark.parametrize("acq", [Acquisition.THIRD_PARTY_PROVIDED, Acquisition.PRIVATE_SHARED])
def test_opn008_data_from_others_published(acq):
    plan = clean_plan()
    plan.data_sources[1].acquisition = acq
    plan.data_sources[1].agreement = "データ利用許諾契約"
    (f,) = fired(plan, "OPN008")
    assert (f.nodes, f.field) == (("D-2",), "agreement")
    assert "二次利用" in f.fix("ja")


def test_opn008_not_for_own_or_unpublished_data():
    plan = clean_plan()
    assert where(plan, "OPN008") == []  # D-2 is self-collected
    plan.data_sources[1].acquisition = Acquisition.THIRD_PARTY_PROVIDED
    plan.data_sources[1].open_data = None
    plan.measures[0].uses.pop()  # no publish flow either
    assert where(plan, "OPN008") == []
