"""RDY: whether the plan is ready to go to a committee as its final document.

A plan started from a template pack's starter loads and checks, yet says nothing of its
own: the name is 〇〇市, the chapters hold the starter's instructions (「…を記載します」),
and there are no issues, measures or KPIs. These rules say so, and say what a reviewer
would send back (no schedule, no target rationale, no security chapter, no contact).
Items missing the same thing are listed in one finding (one omission, one finding).

The same facts decide what the document prints as a placeholder (planner.render), so a
plan is "ready" exactly when the document has no placeholder left and no error remains.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

from planner.checks import names
from planner.checks.finding import Finding, Severity
from planner.checks.listing import listing_hit
from planner.checks.registry import Hit, rule
from planner.plan.bilingual import Text, join
from planner.plan.graph import PlanGraph
from planner.plan.model import Plan

#: Chapters whose prose only the plan can give; each prints as a placeholder when empty.
PROSE_CHAPTERS = {
    "current_state": ("第1章 現状及び課題", "chapter 1 (current state and issues)"),
    "purpose": ("第2章 計画の目的", "chapter 2 (purpose)"),
    "organization": ("第4章 推進体制", "chapter 4 (organization)"),
    "basic_policy": ("第5章 施策の基本的な方針", "chapter 5 (basic policy)"),
    "security": ("第7章 セキュリティ及び個人情報の適正な取扱いの確保",
                 "chapter 7 (security and personal information)"),
}
#: Every chapter with prose, in outline order, for the template-text check.
ALL_CHAPTERS = {k: PROSE_CHAPTERS.get(k) or ("第3章 計画の位置付け", "chapter 3 (positioning)")
                for k in ("current_state", "purpose", "positioning", "organization",
                          "basic_policy", "security")}

#: Placeholder names (〇〇市, ○○県) and the marks a document placeholder carries.
_DUMMY_NAME = re.compile("[〇○]{2}")
#: Words that only instructions use, whatever their sentence.
_INSTRUCTION_WORDS = ("【未記入", "を記載してください", "書き換えてください")
_SELF = re.compile("本[市区町村都道府県]")
_SENTENCE = re.compile(r"[^。\n]+。?")

#: The 手引 exist only as 「市町村…」 and 「都道府県…官民データ活用推進計画策定の手引」 (cio.go.jp).
_REF_JA = "市町村（都道府県）官民データ活用推進計画策定の手引（計画の構成・雛型）"
_REF_EN = "Guides to drafting municipal (prefectural) plans (structure and template)"


@functools.cache
def starter_sentences() -> frozenset[str]:
    """Every sentence of the built-in starters' chapter text (本市/本県 written 本市)."""
    from planner.errors import PlannerError
    from planner.files.paths import templates_dir
    from planner.io.yamlparse import load_strict

    found: set[str] = set()
    for path in sorted(templates_dir().glob("*/starter.yaml")):
        try:
            data = load_strict(path.read_text(encoding="utf-8"), str(path)) or {}
        except (OSError, PlannerError):  # a broken starter is the pack check's business
            continue
        sections = (data.get("plan") or {}).get("sections") or {}
        for text in sections.values():
            found.update(_sentences(str(text or "")))
    return frozenset(found)


def _sentences(text: str) -> list[str]:
    normal = _SELF.sub("本市", text)
    return [s.strip() for s in _SENTENCE.findall(normal) if len(s.strip()) >= 12]


def is_template_text(text: str | None) -> bool:
    """True when ``text`` still holds a starter's instructions or a 〇〇 placeholder name."""
    if not text or not text.strip():
        return False
    if _DUMMY_NAME.search(text) or any(w in text for w in _INSTRUCTION_WORDS):
        return True
    starters = starter_sentences()
    return any(s in starters for s in _sentences(text))


def chapter_text(plan: Plan, key: str) -> str:
    """The plan's own prose for a chapter: '' when empty or still template text."""
    text = (getattr(plan.plan.sections, key, None) or "").strip()
    return "" if is_template_text(text) else text


def _join(parts: list[str], lang: str) -> str:
    return Text(names.join_ja(parts), names.join_en(parts)).get(lang)


@rule("RDY001", Severity.ERROR,
      title_ja="地域課題・施策・評価指標（KPI）のいずれかが1件もない",
      title_en="The plan has no issues, no measures or no KPIs",
      reference_ja=f"官民データ活用推進基本法 第9条、{_REF_JA}",
      reference_en=f"Basic Act Art. 9; {_REF_EN}",
      fix_ja="地域課題・施策・KPIの各ステップで、計画の中身を登録してください。",
      fix_en="Enter the plan's issues, measures and KPIs in their steps.")
def plan_is_empty(g: PlanGraph) -> Iterator[Hit]:
    """One finding naming which of issues, measures and KPIs the plan has none of."""
    plan = g.plan
    missing = [(k, ja, en) for k, ja, en in (
        ("issues", "地域課題", "issues"), ("measures", "施策", "measures"),
        ("kpis", "評価指標（KPI）", "KPIs")) if not getattr(plan, k)]
    if not missing:
        return
    ja = "・".join(m[1] for m in missing)
    en = _join([m[2] for m in missing], "en")
    yield Hit((), f"計画に{ja}が1件もありません。このままでは計画書の中心となる章が空のままです。",
              f"The plan has no {en}, so the chapters at the heart of the document are empty.",
              f"{ja}を登録してください。",
              f"Enter the plan's {en}.")


@rule("RDY002", Severity.ERROR,
      title_ja="ひな形の文章（〇〇市、「…を記載します」などの書き方の手引き）が残っている",
      title_en="Template text (〇〇市, the starter's writing instructions) is still in the plan",
      reference_ja=_REF_JA, reference_en=_REF_EN,
      fix_ja="ひな形の文章を、自治体自身の内容に書き換えてください。",
      fix_en="Replace the template text with the municipality's own words.")
def template_text_left(g: PlanGraph) -> Iterator[Hit]:
    """One finding listing every field that still holds starter or placeholder text."""
    info = g.plan.plan
    places: list[tuple[str, str, str]] = []
    for key, ja, en in (("title", "計画の名称", "the title"),
                        ("municipality", "自治体名", "the municipality's name")):
        value = getattr(info, key) or ""
        if _DUMMY_NAME.search(value):
            places.append((f"plan.{key}", ja, en))
    for key, (ja, en) in ALL_CHAPTERS.items():
        if is_template_text(getattr(info.sections, key, None)):
            places.append((f"plan.sections.{key}", ja, en))
    if not places:
        return
    yield Hit((), f"ひな形の文章が残っています（{_join([p[1] for p in places], 'ja')}）。"
              "計画書では、これらは【未記入】として示されます。",
              f"Template text is still in {_join([p[2] for p in places], 'en')}; the "
              "document shows these as placeholders.",
              "〇〇市などの仮の名前を自治体名に、章の本文の書き方の手引き（「…を記載します」）を"
              "自治体自身の文章に書き換えてください。アプリの「例文を挿入」で標準的な文例を入れ、"
              "それを直して使うこともできます。",
              "Put the real name in place of 〇〇市 and replace the chapters' writing "
              "instructions with your own text; 例文を挿入 in the app inserts standard wording "
              "to edit.",
              field=places[0][0])


@rule("RDY003", Severity.WARNING,
      title_ja="本文が書かれていない章がある（計画書では【未記入】と示される）",
      title_en="A chapter has no text (the document shows a placeholder)",
      reference_ja=_REF_JA, reference_en=_REF_EN,
      fix_ja="その章の本文を書いてください。",
      fix_en="Write the chapter's text.")
def chapter_missing(g: PlanGraph) -> Iterator[Hit]:
    """One finding listing the chapters with no prose of the plan's own (template text aside)."""
    sections = g.plan.plan.sections
    empty = [(k, ja, en) for k, (ja, en) in PROSE_CHAPTERS.items()
             if not (getattr(sections, k, None) or "").strip()]
    if not empty:
        return
    security = any(k == "security" for k, _, _ in empty)
    note_ja = ("第7章（セキュリティ及び個人情報）は、審議で必ず確認される章です。" if security else "")
    note_en = (" Chapter 7 (security and personal information) is one a committee always "
               "reads." if security else "")
    yield Hit((), f"本文が書かれていない章があります（{_join([e[1] for e in empty], 'ja')}）。"
              f"計画書ではこれらの章が【未記入】と示されます。{note_ja}",
              f"Some chapters have no text ({_join([e[2] for e in empty], 'en')}); the "
              f"document shows them as placeholders.{note_en}",
              "基本情報のステップで各章の本文を書いてください。「例文を挿入」で標準的な文例を"
              "入れ、自治体の実情に合わせて直すこともできます。",
              "Write each chapter's text in the basic information step; 例文を挿入 inserts "
              "standard wording to adapt.",
              field=f"plan.sections.{empty[0][0]}")


@rule("RDY004", Severity.WARNING,
      title_ja="実施期間（開始年度・終了年度）のない施策がある",
      title_en="Measures without a schedule (first and last fiscal year)",
      reference_ja=_REF_JA, reference_en=_REF_EN,
      fix_ja="各施策の実施期間を記入してください。",
      fix_en="Enter each measure's schedule.")
def measures_without_schedule(g: PlanGraph) -> Iterator[Hit]:
    """One finding listing the measures with no start or no end year."""
    yield from listing_hit(
        [m for m in g.plan.measures
         if m.schedule is None or m.schedule.start_fy is None or m.schedule.end_fy is None],
        "実施期間の開始年度・終了年度がない施策が{n}件あります（{items}）。"
        "計画書では【未記入】と示されます。",
        "{n} measure(s) have no first or last fiscal year ({items}); the document shows a "
        "placeholder.",
        "施策ごとに、いつからいつまで実施するかを年度で記入してください。",
        "Enter, for each measure, the fiscal years it runs from and to.", field="schedule")


@rule("RDY005", Severity.WARNING,
      title_ja="目標値設定の考え方のないKPIがある",
      title_en="KPIs without the reasoning behind their target",
      reference_ja=f"{_REF_JA}、EBPM（証拠に基づく政策立案）",
      reference_en=f"{_REF_EN}; EBPM (evidence-based policy making)",
      fix_ja="目標値をどう決めたか（根拠となる実績や見込み）を書いてください。",
      fix_en="Say how each target was set (the record or estimate behind it).")
def kpis_without_rationale(g: PlanGraph) -> Iterator[Hit]:
    """One finding listing the KPIs with no 目標値設定の考え方."""
    yield from listing_hit(
        [k for k in g.plan.kpis if not (k.rationale or "").strip()],
        "目標値設定の考え方が書かれていないKPIが{n}件あります（{items}）。"
        "審議では目標値の根拠を問われます。",
        "{n} KPI(s) do not say how their target was set ({items}); a committee asks for it.",
        "KPIごとに、目標値をどう決めたか（過去の実績の伸び、国の目標など）を書いてください。",
        "Write, for each KPI, how the target was set (past growth, a national target …).",
        field="rationale")


@rule("RDY006", Severity.WARNING,
      title_ja="保有の根拠（法令・利用目的）が書かれていない個人情報のデータがある",
      title_en="Personal data without the basis on which it is held (law or purpose)",
      reference_ja="個人情報の保護に関する法律 第61条第1項（個人情報の保有の制限等）",
      reference_en="Act on the Protection of Personal Information Art. 61(1)",
      fix_ja="データの「根拠」又は「取得時の利用目的」を記入してください。",
      fix_en="Enter the data source's legal basis or the purpose it was collected for.")
def personal_without_basis(g: PlanGraph) -> Iterator[Hit]:
    """One finding listing personal-category sources with neither legal basis nor purpose."""
    yield from listing_hit(
        [d for d in g.plan.data_sources if d.is_personal
         and d.legal_basis is None and not (d.original_purpose or "").strip()],
        "個人情報を含むデータのうち、保有の根拠（法令又は利用目的）が書かれていないものが"
        "{n}件あります（{items}）。行政機関等は、所掌事務の遂行に必要な場合に限り、"
        "利用目的を特定して保有できます。法務担当と確認してください。",
        "{n} personal-data source(s) state neither a legal basis nor a purpose ({items}); a "
        "public body may hold personal information only as its duties require, for a "
        "specified purpose. Confirm with your legal department.",
        "保有の根拠となる法令（「根拠」）か、取得時の利用目的を記入してください。",
        "Enter the law it is held under (legal basis) or the purpose it was collected for.",
        field="original_purpose")


@rule("RDY007", Severity.WARNING,
      title_ja="担当課のない施策がある",
      title_en="Measures without a lead department",
      reference_ja=_REF_JA, reference_en=_REF_EN,
      fix_ja="各施策の担当課を記入してください。",
      fix_en="Enter each measure's lead department.")
def measures_without_owner(g: PlanGraph) -> Iterator[Hit]:
    """One finding listing the measures with no owner."""
    yield from listing_hit(
        [m for m in g.plan.measures if not (m.owner or "").strip()],
        "担当課が書かれていない施策が{n}件あります（{items}）。計画書では【未記入】と示されます。",
        "{n} measure(s) have no lead department ({items}); the document shows a placeholder.",
        "施策ごとに、実施に責任を持つ課を記入してください。",
        "Enter, for each measure, the department responsible for it.", field="owner")


@rule("RDY008", Severity.INFO,
      title_ja="問い合わせ先が書かれていない",
      title_en="The plan gives no contact",
      reference_ja=f"{_REF_JA}（計画の公表）、官民データ活用推進基本法 第9条第4項（計画の公表）",
      reference_en=f"{_REF_EN} (publishing the plan); Basic Act Art. 9(4) (publishing the plan)",
      fix_ja="計画の問い合わせ先（担当課、電話、メール）を記入してください。",
      fix_en="Enter the plan's contact (department, telephone, e-mail).")
def no_contact(g: PlanGraph) -> Iterator[Hit]:
    """The plan has no contact (schema v2 ``plan.contact``): the document ends without one."""
    info = g.plan.plan
    if (getattr(info, "contact", None) or "").strip():
        return
    yield Hit((), "計画の問い合わせ先が書かれていません。公表した計画を読んだ住民や事業者が、"
              "どこに問い合わせればよいか分かりません（計画書の末尾に問い合わせ先が入りません）。",
              "The plan gives no contact, so residents and businesses reading the published "
              "plan cannot tell whom to ask (the document ends without one).",
              "計画の問い合わせ先（担当課、電話番号、メールアドレス）を記入してください。",
              "Enter the plan's contact (department, telephone, e-mail).",
              field="plan.contact")


#: Readiness rules whose items the document prints as 【未記入】 placeholders.
PLACEHOLDER_RULES = frozenset({"RDY001", "RDY002", "RDY003", "RDY004", "RDY005", "RDY007"})


def blocking(findings: list[Finding]) -> list[Finding]:
    """Findings that keep the plan from being final: errors, and unwritten parts."""
    return [f for f in findings if f.severity == Severity.ERROR or f.rule in PLACEHOLDER_RULES]


def readiness_line(findings: list[Finding], lang: str = "ja") -> str:
    """One sentence: not ready (and why), or ready (mentioning warnings that remain)."""
    errors = sum(1 for f in findings if f.severity == Severity.ERROR)
    warnings = sum(1 for f in findings if f.severity == Severity.WARNING)
    unwritten = sum(1 for f in findings
                    if f.rule in PLACEHOLDER_RULES and f.severity != Severity.ERROR)
    if errors or unwritten:
        why = [Text(f"エラーが{errors}件", f"{errors} error(s)")] if errors else []
        if unwritten:
            why.append(Text(f"未記入・ひな形のままの箇所の指摘が{unwritten}件",
                            f"{unwritten} unwritten part(s)"))
        listed = join(why, en=" and ")
        return Text("まだ確定版にできません（出力すると「（案）」になります）: " + listed.ja
                    + f"あります（警告は全部で{warnings}件）。",
                    "Not ready: the document would be a draft (案) — "
                    + listed.en + f" remain; {warnings} warning(s) in all.").get(lang)
    if warnings:
        return Text(f"確定版として出力できます。ただし警告が{warnings}件あります。審議で問われる前に確認してください。",
                    f"Ready as a final document; {warnings} warning(s) remain that a committee "
                    "may ask about.").get(lang)
    return Text("確定版として出力できます。", "Ready as a final document.").get(lang)
