"""OPN: whether published data is really open data (オープンデータ基本指針, 5-star)."""

from __future__ import annotations

from collections.abc import Callable, Iterator

from planner.checks import names
from planner.checks.finding import Severity
from planner.checks.registry import Hit, rule
from planner.plan import vocab
from planner.plan.graph import PlanGraph
from planner.plan.model import (
    Acquisition,
    Category,
    DataSource,
    Integrity,
)
from planner.plan.opendata import (
    NEVER_OPEN_CATEGORIES,
    NOT_MACHINE_READABLE,
    five_star_level,
    published_format,
    superseded_license,
)

GUIDELINE_JA = ("オープンデータ基本指針（平成29年5月30日 IT総合戦略本部・官民データ活用推進"
                "戦略会議決定）")
GUIDELINE_EN = ("Basic Guidelines on Open Data (2017-05-30, IT Strategic Headquarters and "
                "Strategic Conference for the Advancement of Public and Private Sector Data "
                "Utilization)")
_LOCAL_JA = "地方公共団体オープンデータ推進ガイドライン"
_LOCAL_EN = "Guidelines for promoting open data in local governments"


def _published(g: PlanGraph) -> Iterator[DataSource]:
    """Published sources that could lawfully be open data (publishing the rest is PRV003's
    error, not a licence question)."""
    return (d for d in g.published_sources() if d.category not in NEVER_OPEN_CATEGORIES)


def _od_field(key: str) -> str:
    return f"open_data.{key}"


def _each_published(g: PlanGraph, lacking: Callable[[DataSource], bool], message_ja: str,
                    message_en: str, fix_ja: str, fix_en: str, field: str) -> Iterator[Hit]:
    """One hit per published source that is ``lacking``; ``{item}`` in a message names it."""
    for d in _published(g):
        if lacking(d):
            yield Hit((d.id,), message_ja.format(item=names.ja(d)),
                      message_en.format(item=names.en(d)), fix_ja, fix_en, field=field)


@rule("OPN001", Severity.WARNING,
      title_ja="公開データに利用ルール（ライセンス）がない、又はCC BY 4.0と互換でない",
      title_en="Published data without a licence, or with one not compatible with CC BY 4.0",
      reference_ja=GUIDELINE_JA + "（二次利用可能なルール）",
      reference_en=GUIDELINE_EN + " (terms allowing reuse)",
      fix_ja="CC BY 4.0（推奨）、CC0又は公共データ利用規約（PDL1.0）を選んでください。",
      fix_en="Choose CC BY 4.0 (recommended), CC0 or the Public Data License 1.0.")
def licence_missing(g: PlanGraph) -> Iterator[Hit]:
    """Published data whose licence is missing or not CC BY 4.0 compatible.

    A licence that has been replaced (政府標準利用規約（第2.0版） → 公共データ利用規約（第1.0版）
    on 2024-07-05, licenses.yaml ``superseded_by``) is still compatible, but a plan adopted
    now should choose its successor: OPN001 says so.
    """
    for d in _published(g):
        licence = d.open_data.license if d.open_data else None
        successor = superseded_license(licence)
        if successor is not None:
            yield _superseded_hit(d, licence, *successor)
            continue
        if vocab.license_compatible(licence):
            continue
        if licence is None:
            why_ja, why_en = "利用ルール（ライセンス）が設定されていません", "no licence is set"
        else:
            why_ja = (f"利用ルール「{vocab.label('license', licence)}」は、CC BY 4.0との互換性が"
                      "確認できません")
            why_en = (f'its terms ("{vocab.label("license", licence, "en")}") are not known to be '
                      "compatible with CC BY 4.0")
        yield Hit((d.id,),
                  f"公開する{names.ja(d)}の{why_ja}。営利目的を含めて二次利用できるルールがなければ、"
                  "オープンデータとは言えません。",
                  f"{names.en(d)} is published, but {why_en}; without terms allowing any reuse, "
                  "including commercial, it is not open data.",
                  "「ライセンス」でCC BY 4.0（推奨）、CC0又は公共データ利用規約（PDL1.0）を選んで"
                  "ください。政府標準利用規約（第2.0版）は令和6年7月5日に公共データ利用規約"
                  "（第1.0版）に改められています。",
                  "Choose CC BY 4.0 (recommended), CC0 or the Public Data License 1.0 as its "
                  "licence; the Government Standard Terms of Use 2.0 were replaced by PDL 1.0 "
                  "on 2024-07-05.", field=_od_field("license"))


def _superseded_hit(d: DataSource, licence: str | None, successor: str, on: str) -> Hit:
    old_ja, old_en = vocab.label("license", licence), vocab.label("license", licence, "en")
    new_ja, new_en = vocab.label("license", successor), vocab.label("license", successor, "en")
    y, m, day = (int(p) for p in on.split("-"))
    on_ja = f"令和{y - 2018}年{m}月{day}日"
    return Hit((d.id,),
               f"公開する{names.ja(d)}の利用ルール「{old_ja}」は、{on_ja}に「{new_ja}」に改められて"
               "います。CC BY 4.0との互換性は保たれていますが、これから公開するデータには改められた"
               "利用規約を使うのが適切です。",
               f'{names.en(d)} is published under "{old_en}", which was replaced by "{new_en}" '
               f"on {on}; it remains compatible with CC BY 4.0, but data published from now on "
               "should use the new terms.",
               f"「ライセンス」を「{new_ja}」（又はCC BY 4.0）にしてください。既に公開している"
               "データは、掲載ページの利用規約の表示もあわせて更新してください。",
               f'Set its licence to "{new_en}" (or CC BY 4.0), and update the terms shown on the '
               "publication page for data already published.", field=_od_field("license"),
               reference_ja="公共データ利用規約（第1.0版）（令和6年7月5日 デジタル社会推進会議"
                            "幹事会決定）、" + GUIDELINE_JA,
               reference_en="Public Data License 1.0 (2024-07-05); " + GUIDELINE_EN)


@rule("OPN002", Severity.WARNING,
      title_ja="公開データが機械判読に適さない形式（PDF・画像・紙）。5つ星の段階を示す",
      title_en="Published data in a format that is not machine-readable (pdf, image, paper); "
               "its 5-star level is reported",
      reference_ja=GUIDELINE_JA + "（機械判読に適したもの）、二次利用の促進のための府省のデータ"
                   "公開に関する基本的考え方（ガイドライン）別添2（文書データは.odt・.docxも可）、"
                   "5つ星オープンデータ",
      reference_en=GUIDELINE_EN + " (machine-readable); Basic approach to publishing ministries' "
                   "data for reuse, attachment 2 (.odt and .docx acceptable for documents); "
                   "5-star open data",
      fix_ja="表のデータはCSV・JSON・XMLなど（★★★以上）で、文書はテキスト、HTML、.odt又は.docxで"
             "公開してください。",
      fix_en="Publish tables as CSV, JSON or XML (3 stars+), and documents as text, HTML, .odt "
             "or .docx.")
def not_machine_readable(g: PlanGraph) -> Iterator[Hit]:
    """Published data in formats a machine cannot read, with its 5-star level."""
    for d in _published(g):
        fmt = published_format(d)
        if fmt not in NOT_MACHINE_READABLE:
            continue
        stars = five_star_level(d)
        fmt_ja, fmt_en = vocab.label("format", fmt), vocab.label("format", fmt, "en")
        field = "open_data.format" if d.open_data and d.open_data.format else "format"
        yield Hit((d.id,),
                  f"公開する{names.ja(d)}の形式が{fmt_ja}で、機械判読に適していません"
                  f"（5つ星の段階: {vocab.five_star_label(stars)}）。",
                  f"{names.en(d)} is published as {fmt_en}, which machines cannot read "
                  f"(5-star level: {vocab.five_star_label(stars, 'en')}).",
                  "表や一覧のデータなら、元の表計算ファイルやデータベースからCSV（★★★）を出力して"
                  "公開してください。文章が中心の文書なら、元のファイルをテキスト、HTML、"
                  ".odt又は.docx（国際標準の文書形式）で公開してください。人が読むためのPDFは"
                  "併せて掲載して構いません。",
                  "For tables and lists, export CSV (3 stars) from the source spreadsheet or "
                  "database and publish it; for a text document, publish the source file as "
                  "text, HTML, .odt or .docx (international standard document formats). The "
                  "PDF for human readers may stay alongside.", field=field)


@rule("OPN003", Severity.WARNING,
      title_ja="公開データに更新頻度の記載がない",
      title_en="Published data without an update frequency",
      reference_ja=_LOCAL_JA + "（更新頻度の明示）",
      reference_en=_LOCAL_EN + " (state the update frequency)",
      fix_ja="「更新頻度」を記入してください。",
      fix_en="Record the update frequency.")
def no_update_frequency(g: PlanGraph) -> Iterator[Hit]:
    """Published data that does not say how often it is refreshed."""
    yield from _each_published(
        g, lambda d: d.update_frequency is None,
        "公開する{item}の更新頻度が記載されていません。利用者はデータが"
        "いつ更新されるか分からず、安心して使い続けられません。",
        "{item} is published without an update frequency, so users cannot "
        "tell when it will be refreshed.",
        "「更新頻度」（毎月、毎年、不定期など）を記入し、公開ページにも明示してください。",
        "Record the update frequency (monthly, yearly, irregular …) and show it on "
        "the publication page.", field="update_frequency")


@rule("OPN004", Severity.ERROR,
      title_ja="公開データが有償になっている（オープンデータは無償）",
      title_en="Published data with a fee (open data is free of charge)",
      reference_ja=GUIDELINE_JA + "（無償で利用できるもの）",
      reference_en=GUIDELINE_EN + " (free of charge)",
      fix_ja="「料金（円）」を0にしてください。",
      fix_en="Set the fee to 0.")
def fee_charged(g: PlanGraph) -> Iterator[Hit]:
    """Published data that charges a fee."""
    for d in _published(g):
        fee = d.open_data.fee if d.open_data else None
        if isinstance(fee, int | float) and fee > 0:
            yield Hit((d.id,),
                      f"公開する{names.ja(d)}に{fee:g}円の料金が設定されています。オープンデータは"
                      "無償で利用できるものでなければなりません。",
                      f"{names.en(d)} is published with a fee of {fee:g} yen; open data must be "
                      "free of charge.",
                      "「料金（円）」を0にしてください。費用を回収する必要がある提供なら、オープンデータ"
                      "ではなく「民間への提供」として契約で扱ってください。",
                      "Set the fee to 0; if costs must be recovered, treat it as provision to a "
                      "private party under a contract rather than as open data.",
                      field=_od_field("fee"))


@rule("OPN005", Severity.INFO,
      title_ja="公開データにタグ（分類）がない",
      title_en="Published data with no tags",
      reference_ja=_LOCAL_JA + "（分類・タグ付け）",
      reference_en=_LOCAL_EN + " (categories and tags)",
      fix_ja="検索しやすいよう、分野を表すタグを付けてください。",
      fix_en="Add tags naming its field so that people can find it.")
def no_tags(g: PlanGraph) -> Iterator[Hit]:
    """Published data without tags."""
    yield from _each_published(
        g, lambda d: not (d.open_data and d.open_data.tags),
        "公開する{item}にタグ（分類）が付いていません。",
        "{item} is published without tags.",
        "カタログサイトで探しやすいよう、「防災」「子育て」など分野を表すタグを付けてください。",
        'Add tags naming its field ("disaster prevention", "childcare" …) so that '
        "it can be found in the catalogue.", field=_od_field("tags"))


@rule("OPN006", Severity.INFO,
      title_ja="公開データに改ざん対策がない（改ざん対策「なし」）",
      title_en="Published data with integrity \"none\" (tampering risk)",
      reference_ja=_LOCAL_JA + "（データの信頼性の確保や改ざんのリスク）",
      reference_en=_LOCAL_EN + " (reliability and tampering risk)",
      fix_ja="原本の保管やチェックサムの公開など、改ざんを確認できる対策を選んでください。",
      fix_en="Keep originals or publish checksums so that tampering can be detected.")
def no_integrity(g: PlanGraph) -> Iterator[Hit]:
    """Published data with no protection against tampering."""
    yield from _each_published(
        g, lambda d: d.open_data is not None and d.open_data.integrity == Integrity.NONE,
        "公開する{item}の改ざん対策が「なし」になっています。編集・加工された"
        "データが、あたかも自治体が作成したかのように流通するおそれがあります。",
        "{item} is published with no protection against tampering; altered "
        "copies could circulate as if the municipality had made them.",
        "公開済みのデータを削除せずに保管して照合できるようにするか、チェックサム"
        "（ハッシュ値）を併せて公開してください。",
        "Keep the published originals so that copies can be compared, or publish "
        "checksums alongside.", field=_od_field("integrity"))


#: OPN007's default: a statistical disclosure-control convention (cells of 1 or 2 can
#: single people out), not a figure any law sets. A plan may set its own
#: (``plan.min_cell_size_threshold``).
DEFAULT_MIN_CELL_SIZE = 3


def min_cell_threshold(g: PlanGraph) -> int:
    """The smallest count published statistics may show: the plan's setting, else 3."""
    return g.plan.plan.min_cell_size_threshold or DEFAULT_MIN_CELL_SIZE


@rule("OPN007", Severity.WARNING,
      title_ja="統計情報を最小セル数の基準（計画の設定。既定は3）未満又は不明のまま公開する",
      title_en="Statistical data published with min_cell_size below the plan's threshold "
               "(default 3), or unknown",
      reference_ja=GUIDELINE_JA + "（個人情報を含まないこと）、統計の秘匿処理の慣行（基準の"
                   "値は法令の定めではない）",
      reference_en=GUIDELINE_EN + " (no personal information); statistical disclosure control "
                   "practice (the threshold is a convention, not set by law)",
      fix_ja="度数が少ないセルを秘匿・統合し、公開する最小セル数（基準以上）を記入してください。",
      fix_en="Suppress or merge small cells and record the minimum cell count (at least the "
             "threshold).")
def small_cells(g: PlanGraph) -> Iterator[Hit]:
    """Published statistics whose smallest cell may single people out.

    The threshold is ``plan.min_cell_size_threshold`` when the plan sets one, else 3: a
    convention of statistical disclosure control, which the message says, never a legal
    minimum.
    """
    threshold = min_cell_threshold(g)
    own = g.plan.plan.min_cell_size_threshold is not None
    basis_ja = "計画で定めた基準" if own else "既定の基準（統計の秘匿処理の慣行。法令の定めではありません）"
    basis_en = "the plan's threshold" if own else ("the default threshold (a disclosure-control "
                                                   "convention, not a legal rule)")
    for d in _published(g):
        if d.category != Category.STATISTICAL:
            continue
        n = d.min_cell_size
        if n is not None and n >= threshold:
            continue
        state_ja = "記載されていません" if n is None else f"{n}で、{basis_ja}の{threshold}を下回ります"
        state_en = ("not recorded" if n is None
                    else f"{n}, below {basis_en} of {threshold}")
        yield Hit((d.id,),
                  f"公開する統計情報{names.bare_ja(d)}の最小セル数が{state_ja}。度数の少ないセルは、"
                  "地域や年齢と組み合わせると特定の個人を識別できるおそれがあります。",
                  f"The smallest published cell of statistical data {names.bare_en(d)} is "
                  f"{state_en}; small counts combined with area or age can single people out.",
                  f"度数が{threshold}未満のセルを秘匿するか上位の区分に統合し、公開する表の最小"
                  f"セル数（{threshold}以上）を「最小セル数」に記入してください。基準の値は、"
                  "計画の設定（min_cell_size_threshold）で変えられます。",
                  f"Suppress cells below {threshold} or merge them into a wider band, and record "
                  f"the smallest published count ({threshold} or more). The plan's setting "
                  "min_cell_size_threshold changes the threshold.", field="min_cell_size")


_RECEIVED = {Acquisition.THIRD_PARTY_PROVIDED: ("第三者から提供を受けた", "received from a third party"),
             Acquisition.PRIVATE_SHARED: ("民間と共同利用する", "used jointly with a private partner")}


@rule("OPN008", Severity.INFO,
      title_ja="他者から提供を受けたデータ（第三者提供・民間との共同利用）を公開する",
      title_en="Data received from a third party or shared with a private partner is published",
      reference_ja="二次利用の促進のための府省のデータ公開に関する基本的考え方（ガイドライン）"
                   "（入手するデータについて事前に関係者と合意）、" + _LOCAL_JA,
      reference_en="Basic approach to publishing ministries' data for reuse (agree with the "
                   "parties concerned in advance on data obtained from others); " + _LOCAL_EN,
      fix_ja="協定・契約が、オープンデータとしての公開とライセンスによる二次利用を認めているか"
             "確認してください。",
      fix_en="Check that the agreement allows publication as open data and reuse under the "
             "licence.")
def received_data_published(g: PlanGraph) -> Iterator[Hit]:
    """Published data that came from others: the municipality may not hold the rights to open it."""
    for d in _published(g):
        if d.acquisition not in _RECEIVED:
            continue
        how_ja, how_en = _RECEIVED[d.acquisition]
        yield Hit((d.id,),
                  f"公開する{names.ja(d)}は{how_ja}データです。提供元の権利や協定・契約の条件に"
                  "よっては、自治体がオープンデータとして公開し、誰にでも二次利用を認めることはでき"
                  "ません。",
                  f"{names.en(d)} is published but was {how_en}; depending on the provider's "
                  "rights and the agreement, the municipality may not be free to publish it for "
                  "anyone to reuse.",
                  "「協定・契約」に記入した協定・契約が、公開と選んだライセンスによる二次利用"
                  "（営利目的を含む）を認めているか確認してください。認めていない場合は、提供元と"
                  "合意してから公開してください。",
                  "Check that the agreement recorded for it allows publication and reuse "
                  "(including commercial) under the chosen licence; if not, agree with the "
                  "provider before publishing.", field="agreement")


#: 自治体標準オープンデータセット whose rows can name sole proprietors (個人事業者).
_NAMES_PROPRIETORS = {"15": ("食品等営業許可・届出一覧", "food business permits and notifications")}


def _standard_codes(d: DataSource) -> list[str]:
    """The standard dataset numbers a published source is tagged with (v1 and v2 keys)."""
    od = d.open_data
    if od is None:
        return []
    codes = list(getattr(od, "standard_datasets", None) or [])
    single = getattr(od, "standard_dataset", None)
    return codes + ([single] if single and single not in codes else [])


@rule("OPN009", Severity.INFO,
      title_ja="個人事業者の氏名が載り得る一覧（食品等営業許可・届出一覧など）を公開する",
      title_en="A published list that can name sole proprietors (food business permits …)",
      reference_ja="個人情報の保護に関する法律 第2条第1項（個人情報）・第69条（利用及び提供の"
                   "制限）、" + GUIDELINE_JA + "（個人情報を含まないこと）",
      reference_en="APPI Art. 2(1) (personal information) and Art. 69 (restriction of use and "
                   "provision); " + GUIDELINE_EN + " (no personal information)",
      fix_ja="個人事業者の氏名を載せる根拠（法令の定め、公表を利用目的として取得していることなど）"
             "を確認するか、氏名を除いて公開してください。",
      fix_en="Confirm the basis for naming sole proprietors, or publish the list without their "
             "names.")
def proprietors_named(g: PlanGraph) -> Iterator[Hit]:
    """Published lists (標準データセット 15 …) whose rows can name individual business owners.

    A sole proprietor's name is information about a living individual, hence personal
    information, even in a business list; publishing it is a provision that needs a basis.
    Whether the list names individuals and on which basis it is published is a judgement
    the plan cannot show, so this is advice.
    """
    for d in _published(g):
        hit = next((c for c in _standard_codes(d) if c in _NAMES_PROPRIETORS), None)
        if hit is None:
            continue
        what_ja, what_en = _NAMES_PROPRIETORS[hit]
        yield Hit((d.id,),
                  f"公開する{names.ja(d)}は標準データセット「{hit} {what_ja}」です。営業者が"
                  "個人事業者であれば、その氏名は生存する個人に関する情報として個人情報に当たり、"
                  "一覧の公開は提供に当たるため、その根拠が必要です。",
                  f"{names.en(d)} is published as standard dataset {hit} ({what_en}). Where "
                  "an operator is a sole proprietor, their name is personal information, and "
                  "publishing the list is a provision that needs a basis.",
                  "公表を定める法令があるか、公表することを利用目的として示して届出・申請を受けて"
                  "いるかを確認してください。根拠がなければ、法人の名称と営業所の所在地などに"
                  "限るか、個人事業者の氏名を屋号に置き換えて公開してください。法務担当（個人情報"
                  "保護担当）に確認してください。",
                  "Check whether a law provides for publication, or whether the application "
                  "forms state publication as a purpose; if neither, publish company names and "
                  "premises only, or trade names instead of proprietors' names. Confirm this "
                  "with your legal (data protection) department.", field="open_data.standard_dataset")
