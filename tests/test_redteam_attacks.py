"""Red-team regressions against the schema v2 day's changes (each failed before its fix)."""

from __future__ import annotations

import textwrap

from planner.files.planfile import loads_document

V1_ANONYMIZED = textwrap.dedent("""\
    schema_version: 1
    plan:
      title: T
      period: {start_fy: 2026, end_fy: 2030}
    issues: []
    measures: []
    data_sources:
      - {id: D-1, title: 健診, category: anonymized, acquisition: statutory}
    kpis:
      - id: K-1
        title: 率
        quantitative: true
        baseline: {value: "38.6%", fy: 2025}
    """)


def test_a_migration_notice_names_its_item_once():
    """The notices named the item themselves and the loader prefixed it again:
    「データ D-1『健診』: データ D-1『健診』: 旧形式の…」."""
    doc = loads_document(V1_ANONYMIZED, "old.yaml")
    texts = {lang: [n.text(lang) for n in doc.notices[1:]] for lang in ("ja", "en")}
    assert [t.count("D-1") for t in texts["ja"]] == [1, 0]
    assert [t.count("K-1") for t in texts["ja"]] == [0, 1]
    assert texts["ja"][0].startswith("データ D-1『健診』: 旧形式の")
    assert texts["ja"][1].startswith("KPI K-1『率』: 値「38.6%」")
    assert [t.count("D-1") + t.count("K-1") for t in texts["en"]] == [1, 1]
