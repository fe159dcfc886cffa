"""Open-data facts of a plan: what it publishes, at which 5-star level, which standard sets.

Used by the checker (OPN rules, COV002), the document (別表2 データ一覧) and the UI.
"Published" follows domain.md §1: ``open_data.publish: true``, or a measure uses the
source with flow ``publish``.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from planner.files.paths import resources_dir
from planner.plan import vocab
from planner.plan.model import (
    ANONYMIZED_CATEGORIES,
    PERSONAL_CATEGORIES,
    Category,
    DataFormat,
    DataSource,
    Flow,
    Plan,
)
from planner.plan.vocab import Term

#: Data that can never be open data: personal information and 匿名加工情報.
NEVER_OPEN_CATEGORIES = PERSONAL_CATEGORIES | ANONYMIZED_CATEGORIES | {Category.PSEUDONYMIZED}


#: Formats OPN002 reports as not machine-readable. Word files are not among them: the
#: 二次利用 guideline's 別添2 accepts .odt and .docx (open standard formats) for document data.
NOT_MACHINE_READABLE = frozenset({DataFormat.PDF, DataFormat.IMAGE, DataFormat.PAPER})


@cache
def _superseded() -> dict[str, tuple[str, str]]:
    from planner.io.yamlparse import load_strict  # the loader vocab.py reads vocabularies with

    path = resources_dir() / "vocab" / "licenses.yaml"
    rows = load_strict(path.read_text(encoding="utf-8"), str(path))
    return {str(r["code"]): (str(r["superseded_by"]), str(r.get("superseded_on", "")))
            for r in rows if r.get("superseded_by")}


def superseded_license(code: object) -> tuple[str, str] | None:
    """(successor code, ISO date) when the licence has been replaced (GSTOU-2.0 → PDL-1.0)."""
    return _superseded().get(str(code)) if code is not None else None


def publish_flow_ids(plan: Plan) -> set[str]:
    """Ids of data sources some measure uses with flow ``publish``."""
    return {u.data for m in plan.measures for u in m.uses if u.flow == Flow.PUBLISH and u.data}


def is_published(data: DataSource, publish_ids: set[str] | None = None) -> bool:
    """True if the source is published (pass ``publish_flow_ids(plan)`` to count flows)."""
    if data.open_data is not None and data.open_data.publish:
        return True
    return publish_ids is not None and data.id in publish_ids


def published_sources(plan: Plan) -> list[DataSource]:
    """Every published data source, in file order."""
    ids = publish_flow_ids(plan)
    return [d for d in plan.data_sources if is_published(d, ids)]


def published_format(data: DataSource) -> DataFormat | None:
    """The format the source is (or would be) published in: open_data.format, else format."""
    if data.open_data is not None and data.open_data.format is not None:
        return data.open_data.format
    return data.format


def five_star_level(data: DataSource, published: bool = True) -> int:
    """The 5-star level of a published source (0 unpublished or without an open licence)."""
    if not published:
        return 0
    licence = data.open_data.license if data.open_data is not None else None
    return vocab.five_star(published_format(data), licensed=vocab.license_compatible(licence))


def five_star_levels(plan: Plan) -> dict[str, int]:
    """Data id → 5-star level, for every published source."""
    return {d.id: five_star_level(d) for d in published_sources(plan)}


@dataclass(frozen=True)
class DatasetCoverage:
    """Which 自治体標準オープンデータセット the plan publishes."""

    published: dict[str, tuple[DataSource, ...]]  # dataset number → sources publishing it
    missing: tuple[Term, ...]  # datasets of the list no published source is tagged with
    total: int  # size of the list
    #: Published sources that stand for a whole catalogue (``open_data.dataset_count``).
    catalogues: tuple[DataSource, ...] = ()

    @property
    def catalogue_datasets(self) -> int:
        """How many datasets the plan's published catalogues hold together."""
        return sum(d.open_data.dataset_count or 0 for d in self.catalogues if d.open_data)

    @property
    def count(self) -> int:
        """How many datasets of the list are published."""
        return self.total - len(self.missing)


def standard_dataset_coverage(plan: Plan) -> DatasetCoverage:
    """Coverage of the standard dataset list by published sources' ``standard_datasets``
    (a catalogue source may cover several; its ``dataset_count`` is reported beside)."""
    datasets = vocab.standard_datasets()
    known = {t.code for t in datasets}
    found: dict[str, list[DataSource]] = {}
    catalogues: list[DataSource] = []
    for d in published_sources(plan):
        codes = d.open_data.standard_datasets if d.open_data is not None else []
        for code in dict.fromkeys(codes):
            if code in known:
                found.setdefault(code, []).append(d)
        if d.open_data is not None and d.open_data.dataset_count:
            catalogues.append(d)
    published = {t.code: tuple(found[t.code]) for t in datasets if t.code in found}
    missing = tuple(t for t in datasets if t.code not in found)
    return DatasetCoverage(published, missing, len(datasets), tuple(catalogues))
