"""The plan as people who write one think of it: plain dataclasses and code enums.

This module is the vocabulary of the whole core (see ../shared/design/domain.md §1–§2).
It imports nothing but the standard library; files, graphs, checks, documents and the UI
all build on it. Codes are ``StrEnum`` members, so ``Category.PERSONAL == "personal"``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

SCHEMA_VERSION = 1


class PlanKind(StrEnum):
    """Who adopts the plan (基本法 Art. 9: prefectures must, municipalities should)."""

    MUNICIPALITY = "municipality"
    PREFECTURE = "prefecture"


class Acquisition(StrEnum):
    """Where a data source comes from (データの取得経路)."""

    STATUTORY = "statutory"  # 法定事務で取得した既存データ
    SELF_COLLECTED = "self_collected"  # 自主事業として自力で収集
    PRIVATE_SHARED = "private_shared"  # 民間との共同利用
    THIRD_PARTY_PROVIDED = "third_party_provided"  # 第三者から提供を受ける
    EXTERNAL_OPEN = "external_open"  # 公開データ・公的統計


class Category(StrEnum):
    """What kind of data it is, which decides the legal regime (データの種類)."""

    NON_PERSONAL = "non_personal"  # 非パーソナルデータ
    STATISTICAL = "statistical"  # 統計情報
    PERSONAL = "personal"  # 個人情報（保有個人情報）
    SPECIAL_CARE = "special_care"  # 要配慮個人情報
    SPECIFIC_PERSONAL = "specific_personal"  # 特定個人情報
    ANONYMIZED = "anonymized"  # 行政機関等匿名加工情報 / 匿名加工情報
    NON_IDENTIFYING = "non_identifying"  # 非識別加工情報（旧制度）


#: Categories that are personal information (匿名加工情報 is not).
PERSONAL_CATEGORIES = frozenset(
    {Category.PERSONAL, Category.SPECIAL_CARE, Category.SPECIFIC_PERSONAL, Category.NON_IDENTIFYING}
)


class Flow(StrEnum):
    """What a measure does with the data it uses."""

    INTERNAL_USE = "internal_use"  # 庁内利用
    PROVIDE_PUBLIC_BODY = "provide_public_body"  # 他の行政機関等への提供
    OUTSOURCE = "outsource"  # 委託先での取扱い
    PROVIDE_PRIVATE = "provide_private"  # 民間への提供（共同利用を含む）
    PUBLISH = "publish"  # 公開（オープンデータ）
    RECEIVE = "receive"  # 受領


#: Flows by which data leaves the municipality.
PROVISION_FLOWS = frozenset({Flow.PROVIDE_PUBLIC_BODY, Flow.PROVIDE_PRIVATE, Flow.PUBLISH})


class Purpose(StrEnum):
    """How a use relates to the purpose the data was held for."""

    WITHIN = "within"  # 利用目的の範囲内
    NEW_PURPOSE = "new_purpose"  # 新規取得分に目的を設定
    CHANGED = "changed"  # 利用目的の変更（APPI 61(3)）
    OUT_OF_PURPOSE = "out_of_purpose"  # 目的外利用・提供
    STATISTICS_ONLY = "statistics_only"  # 統計情報に変換して利用


class LegalBasis(StrEnum):
    """The basis on which data is used, provided, held or received."""

    LAW = "law"  # 法令に基づく (APPI 69(1))
    CONSENT = "consent"  # 本人同意 (69(2)(i))
    INTERNAL_CONSIDERABLE_REASON = "internal_considerable_reason"  # 69(2)(ii)
    PUBLIC_BODY_CONSIDERABLE_REASON = "public_body_considerable_reason"  # 69(2)(iii)
    STATISTICS_RESEARCH = "statistics_research"  # 69(2)(iv)
    SPECIAL_REASON = "special_reason"  # 69(2)(iv)
    MYNUMBER_ART19 = "mynumber_art19"  # 番号法19条各号
    ANONYMIZED_PROPOSAL = "anonymized_proposal"  # APPI 109–（提案募集・契約）


class DataFormat(StrEnum):
    """File or delivery format of a data source."""

    CSV = "csv"
    XLSX = "xlsx"
    JSON = "json"
    XML = "xml"
    RDF = "rdf"
    PDF = "pdf"
    DOCX = "docx"
    IMAGE = "image"
    PAPER = "paper"
    DB = "db"
    API = "api"
    OTHER = "other"


#: Formats a machine cannot read (OPN002).
NON_MACHINE_READABLE_FORMATS = frozenset(
    {DataFormat.PDF, DataFormat.DOCX, DataFormat.IMAGE, DataFormat.PAPER}
)


class UpdateFrequency(StrEnum):
    """How often a data source is refreshed."""

    REALTIME = "realtime"
    DAILY = "daily"
    WEEKLY = "weekly"
    MONTHLY = "monthly"
    QUARTERLY = "quarterly"
    YEARLY = "yearly"
    IRREGULAR = "irregular"


class SafetyMeasure(StrEnum):
    """安全管理措置 declared for a data source."""

    ORGANIZATIONAL = "organizational"  # 組織的
    HUMAN = "human"  # 人的
    PHYSICAL = "physical"  # 物理的
    TECHNICAL = "technical"  # 技術的


class License(StrEnum):
    """Licence under which published data is offered."""

    CC_BY_4_0 = "CC-BY-4.0"
    CC0_1_0 = "CC0-1.0"
    PDL_1_0 = "PDL-1.0"  # 公共データ利用規約
    GSTOU_2_0 = "GSTOU-2.0"  # 政府標準利用規約 2.0
    OTHER = "other"


#: Licences compatible with CC BY 4.0 (オープンデータ基本指針).
CC_BY_COMPATIBLE_LICENSES = frozenset(
    {License.CC_BY_4_0, License.CC0_1_0, License.PDL_1_0, License.GSTOU_2_0}
)


class Integrity(StrEnum):
    """How published data is protected against tampering."""

    NONE = "none"
    KEEP_ORIGINALS = "keep_originals"
    CHECKSUM = "checksum"
    SIGNATURE = "signature"


class KpiType(StrEnum):
    """KPI進捗 (output of the measure) or KPI効果 (effect on the issue)."""

    PROGRESS = "progress"
    EFFECT = "effect"


class PriorityField(StrEnum):
    """重点分野 of the national basic plan."""

    E_GOVERNMENT = "e_government"
    HEALTH = "health"
    TOURISM = "tourism"
    FINANCE = "finance"
    AGRICULTURE = "agriculture"
    MANUFACTURING = "manufacturing"
    INFRASTRUCTURE_DISASTER = "infrastructure_disaster"
    MOBILITY = "mobility"


#: Outline ids of the free-text chapters in ``plan.sections`` (domain.md §5).
SECTION_IDS = ("current_state", "purpose", "positioning", "organization", "basic_policy", "security")

#: 基本法 Chapter 3 articles a measure can serve.
ARTICLE_NUMBERS = tuple(range(10, 20))


@dataclass
class FiscalYearRange:
    """A span of fiscal years (年度, April–March), both ends inclusive."""

    start_fy: int | None = None
    end_fy: int | None = None


@dataclass
class Sections:
    """Free prose per chapter, keyed by outline id."""

    current_state: str | None = None
    purpose: str | None = None
    positioning: str | None = None
    organization: str | None = None
    basic_policy: str | None = None
    security: str | None = None


@dataclass
class PlanInfo:
    """The plan's own facts: title, who adopts it, for which years."""

    title: str = ""
    municipality: str | None = None
    municipality_code: str | None = None  # 全国地方公共団体コード, 6 digits
    kind: PlanKind | None = None
    period: FiscalYearRange | None = None
    adopted_on: str | None = None  # ISO date string, never a datetime
    version: str | None = None
    sections: Sections = field(default_factory=Sections)


@dataclass
class Issue:
    """地域課題: a local problem the plan sets out to answer."""

    id: str
    title: str
    description: str | None = None
    evidence: str | None = None  # 根拠となる統計・データ (EBPM)


@dataclass
class Articles:
    """基本法 articles a measure serves: ◎ primary, ○ related."""

    primary: list[int] = field(default_factory=list)
    related: list[int] = field(default_factory=list)


@dataclass
class DataUse:
    """One measure→data link, carrying the legal facts of that use."""

    data: str | None = None
    flow: Flow | None = None
    purpose: Purpose | None = None
    legal_basis: LegalBasis | None = None
    rationale: str | None = None


@dataclass
class Measure:
    """施策: what the municipality will do about one or more issues."""

    id: str
    title: str
    description: str | None = None
    addresses: list[str] = field(default_factory=list)
    articles: Articles = field(default_factory=Articles)
    fields: list[PriorityField] = field(default_factory=list)
    owner: str | None = None
    schedule: FiscalYearRange | None = None
    uses: list[DataUse] = field(default_factory=list)


@dataclass
class OpenData:
    """How the plan publishes a data source as open data."""

    publish: bool | None = None
    license: License | None = None
    format: DataFormat | None = None
    fee: int | float | None = None
    url: str | None = None
    tags: list[str] = field(default_factory=list)
    standard_dataset: str | None = None  # 自治体標準オープンデータセット number, "01"…
    integrity: Integrity | None = None


@dataclass
class DataSource:
    """データ: a dataset the municipality holds, collects, shares, receives or reads."""

    id: str
    title: str
    acquisition: Acquisition | None = None
    category: Category | None = None
    holder: str | None = None
    original_purpose: str | None = None
    format: DataFormat | None = None
    update_frequency: UpdateFrequency | None = None
    retention: str | None = None
    safety_measures: list[SafetyMeasure] = field(default_factory=list)
    legal_basis: LegalBasis | None = None
    agreement: str | None = None
    consent: str | None = None
    min_cell_size: int | None = None
    open_data: OpenData | None = None

    @property
    def is_personal(self) -> bool:
        """True for the personal categories (domain.md §1)."""
        return self.category in PERSONAL_CATEGORIES


#: A KPI value: a number for quantitative KPIs, words for qualitative ones.
Value = int | float | str


@dataclass
class Measurement:
    """A KPI value in a fiscal year (基準値 or 目標値)."""

    value: Value | None = None
    fy: int | None = None


@dataclass
class Actual:
    """実績値 of a KPI in one fiscal year, for the yearly review."""

    fy: int | None = None
    value: Value | None = None


@dataclass
class Kpi:
    """評価指標: how a measure is evaluated, measured from one data source."""

    id: str
    title: str
    type: KpiType | None = None
    quantitative: bool | None = None
    unit: str | None = None
    baseline: Measurement | None = None
    target: Measurement | None = None
    measures: list[str] = field(default_factory=list)
    source: str | None = None
    rationale: str | None = None
    actuals: list[Actual] = field(default_factory=list)


@dataclass
class Plan:
    """A whole 官民データ活用推進計画 as written in one plan file."""

    plan: PlanInfo = field(default_factory=PlanInfo)
    issues: list[Issue] = field(default_factory=list)
    measures: list[Measure] = field(default_factory=list)
    data_sources: list[DataSource] = field(default_factory=list)
    kpis: list[Kpi] = field(default_factory=list)
    schema_version: int = SCHEMA_VERSION

    def items(self) -> list[Issue | Measure | DataSource | Kpi]:
        """Every identified item in file order: issues, measures, data sources, KPIs."""
        return [*self.issues, *self.measures, *self.data_sources, *self.kpis]

    def find(self, item_id: str) -> Issue | Measure | DataSource | Kpi | None:
        """The first item with this id, or None."""
        return next((item for item in self.items() if item.id == item_id), None)


#: The list key in the plan file for each item class, and back.
ITEM_KEYS: dict[type, str] = {
    Issue: "issues",
    Measure: "measures",
    DataSource: "data_sources",
    Kpi: "kpis",
}
