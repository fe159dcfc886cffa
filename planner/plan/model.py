"""The plan as people who write one think of it: plain dataclasses and code enums.

This module is the vocabulary of the whole core (see ../shared/design/domain.md §1–§2).
It imports nothing but the standard library; files, graphs, checks, documents and the UI
all build on it. Codes are ``StrEnum`` members, so ``Category.PERSONAL == "personal"``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from planner.plan.bilingual import Text

SCHEMA_VERSION = 2


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
    ADMINISTRATIVE_ANONYMIZED = "administrative_anonymized"  # 行政機関等匿名加工情報 (APPI 109–)
    ANONYMIZED = "anonymized"  # 匿名加工情報（事業者から受領, APPI 123）
    PSEUDONYMIZED = "pseudonymized"  # 仮名加工情報 (APPI 73)
    NON_IDENTIFYING = "non_identifying"  # 非識別加工情報（旧制度）


#: Categories that are personal information (匿名加工情報 is not).
PERSONAL_CATEGORIES = frozenset(
    {Category.PERSONAL, Category.SPECIAL_CARE, Category.SPECIFIC_PERSONAL, Category.NON_IDENTIFYING}
)


#: Both kinds of 匿名加工情報 (what schema v1 called ``anonymized``).
ANONYMIZED_CATEGORIES = frozenset({Category.ADMINISTRATIVE_ANONYMIZED, Category.ANONYMIZED})


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


class Direction(StrEnum):
    """Which way a KPI should move: 以上をめざす, 以下をめざす or 維持."""

    INCREASE = "increase"
    DECREASE = "decrease"
    MAINTAIN = "maintain"


class Relation(StrEnum):
    """How the plan stands to another plan."""

    PARENT = "parent"  # the plan sits under it (総合計画)
    SERVES_AS = "serves_as"  # the plan doubles as it (ICT計画を兼ねる)
    ALIGNED = "aligned"  # the plan aligns with it


class OutlineId(StrEnum):
    """Chapters of the generated document (domain.md §5), where extra sections may follow."""

    COVER = "cover"
    CURRENT_STATE = "current_state"
    PURPOSE = "purpose"
    POSITIONING = "positioning"
    ORGANIZATION = "organization"
    BASIC_POLICY = "basic_policy"
    MEASURES = "measures"
    SECURITY = "security"
    APPENDIX_KPIS = "appendix_kpis"
    APPENDIX_DATA = "appendix_data"
    APPENDIX_GRAPH = "appendix_graph"
    APPENDIX_CHECKS = "appendix_checks"


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


#: Deepest level of the 施策体系 (基本目標 → 基本施策 → 取組).
MAX_PILLAR_DEPTH = 3


@dataclass(frozen=True)
class PlanDate:
    """A date as plans give it: ``2026-03-27``, or only the month, ``2019-03``."""

    year: int
    month: int
    day: int | None = None

    @property
    def month_only(self) -> bool:
        """True when the plan states only the year and month (2019年3月)."""
        return self.day is None

    @classmethod
    def parse(cls, text: str | None) -> PlanDate | None:
        """The date written as ``YYYY-MM-DD`` or ``YYYY-MM``; None for anything else."""
        import datetime

        if not text or not isinstance(text, str):
            return None
        parts = text.split("-")
        if len(parts) not in (2, 3) or not all(p.isdigit() and p.isascii() for p in parts):
            return None
        if len(parts[0]) != 4 or any(len(p) != 2 for p in parts[1:]):
            return None
        year, month = int(parts[0]), int(parts[1])
        day = int(parts[2]) if len(parts) == 3 else None
        try:
            datetime.date(year, month, day or 1)
        except ValueError:
            return None
        return cls(year, month, day)

    def iso(self) -> str:
        """``2026-03-27`` or ``2019-03``: how the plan file writes it."""
        head = f"{self.year:04d}-{self.month:02d}"
        return head if self.day is None else f"{head}-{self.day:02d}"


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
class RelatedPlan:
    """Another plan this one sits under, doubles as, or aligns with."""

    title: str | None = None
    relation: Relation | None = None


@dataclass
class HistoryEntry:
    """One step of 策定・改定の経過 (a committee, a public comment, adoption)."""

    date: str | None = None  # YYYY-MM-DD or YYYY-MM, like adopted_on
    event: str | None = None

    @property
    def plan_date(self) -> PlanDate | None:
        """``date`` as a value."""
        return PlanDate.parse(self.date)


@dataclass
class GlossaryEntry:
    """One 用語集 entry (appendix)."""

    term: str | None = None
    definition: str | None = None


@dataclass
class ExtraSection:
    """A chapter the official outline lacks (はじめに, 首長あいさつ), placed after ``after``."""

    title: str | None = None
    after: OutlineId | None = None
    text: str | None = None


@dataclass
class PlanInfo:
    """The plan's own facts: title, who adopts it, for which years."""

    title: str = ""
    municipality: str | None = None
    municipality_code: str | None = None  # 全国地方公共団体コード, 6 digits
    kind: PlanKind | None = None
    period: FiscalYearRange | None = None
    adopted_on: str | None = None  # YYYY-MM-DD or YYYY-MM (PlanDate), never a datetime
    version: str | None = None
    # New in schema v2: keyword-only, so positional construction of v1 fields still works.
    department: str | None = field(default=None, kw_only=True)  # 所管課, printed on the cover
    contact: str | None = field(default=None, kw_only=True)  # 問い合わせ先
    sections: Sections = field(default_factory=Sections)
    related_plans: list[RelatedPlan] = field(default_factory=list, kw_only=True)
    history: list[HistoryEntry] = field(default_factory=list, kw_only=True)
    glossary: list[GlossaryEntry] = field(default_factory=list, kw_only=True)
    extra_sections: list[ExtraSection] = field(default_factory=list, kw_only=True)
    # Smallest count a published statistical table may show (OPN007); None: the default 3,
    # a statistical disclosure convention, not a legal rule.
    min_cell_size_threshold: int | None = field(default=None, kw_only=True)

    @property
    def adopted_date(self) -> PlanDate | None:
        """``adopted_on`` as a value, telling whether only the month is known."""
        return PlanDate.parse(self.adopted_on)


@dataclass
class Issue:
    """地域課題: a local problem the plan sets out to answer."""

    id: str
    title: str
    description: str | None = None
    evidence: str | None = None  # 根拠となる統計・データ (EBPM)


@dataclass
class Pillar:
    """施策体系 node: 基本目標 → 基本施策 → 取組 (at most MAX_PILLAR_DEPTH levels).

    Numbering (1, 1-1, 1-1-1) is derived from the order of pillars, never stored.
    """

    id: str
    title: str
    parent: str | None = None  # the pillar one level up
    addresses: list[str] = field(default_factory=list)  # issues its measures inherit
    description: str | None = None


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
    occasional: bool | None = field(default=None, kw_only=True)  # 臨時的 (APPI 69(2)); None: by schedule
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
    pillar: str | None = field(default=None, kw_only=True)  # the lowest-level pillar it belongs to
    owner: str | None = None  # lead department (◎)
    cooperating: list[str] = field(default_factory=list, kw_only=True)  # cooperating departments (○)
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
    standard_datasets: list[str] = field(default_factory=list)  # 自治体標準OD numbers "01"…
    dataset_count: int | None = field(default=None, kw_only=True)  # datasets a catalogue stands for
    integrity: Integrity | None = None

    @property
    def standard_dataset(self) -> str | None:
        """The first standard dataset number (schema v1 had exactly one)."""
        return self.standard_datasets[0] if self.standard_datasets else None

    @standard_dataset.setter
    def standard_dataset(self, code: str | None) -> None:
        self.standard_datasets = [code, *self.standard_datasets[1:]] if code else \
            self.standard_datasets[1:]


_open_data_init = OpenData.__init__


def _open_data_init_v1(self: OpenData, *args: Any, standard_dataset: str | None = None,
                       **kwargs: Any) -> None:
    """OpenData(…) also takes schema v1's ``standard_dataset=`` (the first of the list)."""
    _open_data_init(self, *args, **kwargs)
    if standard_dataset is not None:
        self.standard_dataset = standard_dataset


OpenData.__init__ = _open_data_init_v1  # type: ignore[method-assign]


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
    """A KPI value in a fiscal year (基準値 or 目標値).

    ``estimated`` marks a 見込値; ``text`` states a qualitative or deferred target in words
    (令和9年度を目途に目標値を設定) instead of a value.
    """

    value: Value | None = None
    fy: int | None = None
    estimated: bool | None = None
    text: str | None = None


@dataclass
class Milestone:
    """年度別目標: the value a KPI should reach in one fiscal year on the way to its target."""

    fy: int | None = None
    value: Value | None = None


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
    unit: str | None = None  # units live here, never inside a value
    direction: Direction | None = field(default=None, kw_only=True)
    cumulative: bool | None = field(default=None, kw_only=True)  # 累計
    baseline: Measurement | None = None
    milestones: list[Milestone] = field(default_factory=list, kw_only=True)
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
    pillars: list[Pillar] = field(default_factory=list, kw_only=True)
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


# --- the kinds of item -------------------------------------------------------------------


class ItemKind(StrEnum):
    """The kinds of identified item a plan lists, valued by their list key in the file
    (``ItemKind.MEASURE == "measures"``), in the order the file writes the lists.

    Everything else about a kind — its class, id prefix, what people call it — is in
    ``ITEM_KINDS``, the one table the rest of the program reads (no other module spells
    the kinds out).
    """

    ISSUE = "issues"
    PILLAR = "pillars"  # the 施策体系 (schema v2): structure, not in ``Plan.items()``
    MEASURE = "measures"
    DATA = "data_sources"
    KPI = "kpis"

    @property
    def spec(self) -> KindSpec:
        """This kind's row of ``ITEM_KINDS``."""
        return ITEM_KINDS[self]

    @property
    def cls(self) -> type:
        """The dataclass of this kind's items."""
        return ITEM_KINDS[self].cls

    @property
    def prefix(self) -> str:
        """The id prefix domain.md §2 suggests: ``M`` for measures (ids read ``M-1``)."""
        return ITEM_KINDS[self].prefix

    def word(self, lang: str = "ja") -> str:
        """What people call an item of this kind: 施策 / measure."""
        return ITEM_KINDS[self].word.get(lang)

    def items(self, plan: Plan) -> list[Any]:
        """The plan's live list of this kind (``plan.measures``)."""
        return getattr(plan, self.value)

    @classmethod
    def of(cls, item: object) -> ItemKind | None:
        """The kind of an item (None for anything else)."""
        return _KIND_OF_CLASS.get(type(item))

    @classmethod
    def from_key(cls, list_key: object) -> ItemKind | None:
        """The kind whose list key is ``list_key`` (None for any other key)."""
        return cls._value2member_map_.get(list_key) if isinstance(list_key, str) else None  # type: ignore[return-value]


@dataclass(frozen=True)
class KindSpec:
    """One kind of item: its class, id prefix and name in both languages."""

    cls: type
    prefix: str
    word: Text


#: The one table of item kinds, in file order.
ITEM_KINDS: dict[ItemKind, KindSpec] = {
    ItemKind.ISSUE: KindSpec(Issue, "I", Text("地域課題", "issue")),
    ItemKind.PILLAR: KindSpec(Pillar, "P", Text("施策体系", "pillar")),
    ItemKind.MEASURE: KindSpec(Measure, "M", Text("施策", "measure")),
    ItemKind.DATA: KindSpec(DataSource, "D", Text("データ", "data source")),
    ItemKind.KPI: KindSpec(Kpi, "K", Text("KPI", "KPI")),
}
_KIND_OF_CLASS: dict[type, ItemKind] = {spec.cls: kind for kind, spec in ITEM_KINDS.items()}
#: The kinds ``Plan.items()`` returns: every kind but the 施策体系's pillars.
LISTED_KINDS = (ItemKind.ISSUE, ItemKind.MEASURE, ItemKind.DATA, ItemKind.KPI)


def kind_word(list_key: object, lang: str = "ja") -> str:
    """What people call an item of the list ``list_key`` (施策 / measure); 項目 / item for
    a key that names no kind."""
    kind = ItemKind.from_key(list_key)
    if kind is not None:
        return kind.word(lang)
    return Text("項目", "item").get(lang)
