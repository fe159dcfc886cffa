"""planner.plan.opendata: what a plan publishes, its 5-star levels, standard dataset coverage."""

from __future__ import annotations

import pytest

from checks.builders import clean_plan, open_source
from planner.files.paths import sample_plan_path
from planner.files.planfile import load_plan
from planner.plan import opendata
from planner.plan.model import DataFormat, License, OpenData


@pytest.mark.parametrize("fmt, licence, stars", [
    (DataFormat.CSV, License.CC_BY_4_0, 3),
    (DataFormat.XLSX, License.CC0_1_0, 2),
    (DataFormat.PDF, License.PDL_1_0, 1),
    (DataFormat.RDF, License.GSTOU_2_0, 4),
    (DataFormat.CSV, License.OTHER, 0),  # not an open licence: no star
    (DataFormat.CSV, None, 0),
])
def test_five_star_level(fmt, licence, stars):
    source = open_source(open_data=OpenData(publish=True, license=licence, format=fmt))
    assert opendata.five_star_level(source) == stars


def test_five_star_uses_source_format_when_open_data_has_none():
    source = open_source(format=DataFormat.JSON,
                         open_data=OpenData(publish=True, license=License.CC_BY_4_0))
    assert opendata.five_star_level(source) == 3
    assert opendata.five_star_level(source, published=False) == 0


def test_published_by_flag_or_by_flow():
    plan = clean_plan()
    assert [d.id for d in opendata.published_sources(plan)] == ["D-2"]
    plan.data_sources[1].open_data.publish = False
    assert [d.id for d in opendata.published_sources(plan)] == ["D-2"]  # M-1 publishes it
    plan.measures[0].uses.pop()
    assert opendata.published_sources(plan) == []


def test_sample_plan_levels_and_coverage():
    plan = load_plan(sample_plan_path())
    levels = opendata.five_star_levels(plan)
    assert set(levels) == {"D-2", "D-8", "D-9", "D-12", "D-13", "D-18"}
    assert set(levels.values()) == {3}
    cov = opendata.standard_dataset_coverage(plan)
    assert {code: [d.id for d in ds] for code, ds in cov.published.items()} == {
        "01": ["D-12"], "03": ["D-9"], "04": ["D-2"], "11": ["D-13"]}
    assert (cov.count, cov.total, len(cov.missing)) == (4, 27, 23)
    assert cov.missing[0].code == "02"
