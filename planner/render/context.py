"""The document context: the plan turned into plain, cleaned, ready-to-print values.

Templates and the Word writer read only this (dicts, lists and strings), never the model,
so a consultant's template sees the same names the documentation lists. All plan text is
passed through :func:`clean_text`; years are printed as 和暦 with the Western year.
"""

from __future__ import annotations

from typing import Any

from planner.checks.readiness import chapter_text
from planner.plan import opendata, vocab, wareki
from planner.plan.bilingual import Text, join
from planner.plan.graph import ArticleUse, EdgeKind, PlanGraph
from planner.plan.model import DataSource, Kpi, Measure, OpenData, Plan, PlanKind
from planner.render.marks import placeholder
from planner.render.text import clean_text

#: Chapters in the official municipal template's order (domain.md §5); cover comes from Word.
OUTLINE = ("toc", "current_state", "purpose", "positioning", "organization", "basic_policy",
           "measures", "security", "appendix_kpis", "appendix_data", "appendix_graph",
           "appendix_checks", "appendix_history", "appendix_glossary", "contact")

NONE_MARK = "—"
#: Articles a municipality's plan is never short of: Art. 19 is addressed to the state.
_NOT_A_GAP = frozenset({19})


def _ph(lang: str, ja: str, en: str) -> str:
    return placeholder(Text(ja, en).get(lang))


def _unless_within(part: str, whole: str) -> str:
    """``part`` unless ``whole`` already contains it (spaces of either width ignored)."""
    squash = str.maketrans("", "", " \u3000\t\n")
    return "" if part and part.translate(squash) in whole.translate(squash) else part


def one_line(value: Any) -> str:
    """Cleaned text on a single line (titles never break a heading)."""
    return " ".join(clean_text(value).split())


def number_text(value: Any, unit: str | None = None) -> str:
    """1,200人/月 for numbers, the words themselves for qualitative values."""
    if value is None or value == "":
        return ""
    if isinstance(value, bool):
        text = str(value)
    elif isinstance(value, int):
        text = f"{value:,}"
    elif isinstance(value, float):
        text = f"{value:,.2f}".rstrip("0").rstrip(".")
    else:
        return clean_text(value)
    return text + one_line(unit)


def _use_words(flow: Any, purpose: Any, lang: str) -> str:
    """The use as a sentence, from the vocabulary's ``phrase`` of its flow and purpose."""
    verb = vocab.label("flow", flow, lang, "phrase") if flow else ""
    how = vocab.label("purpose", purpose, lang, "phrase") if purpose else ""
    return Text(f"{how}{verb or '利用します'}。",
                " ".join(x for x in ("The data", verb or "is used", how) if x) + ".").get(lang)


def legal_basis_text(use_basis: Any, purpose: Any, lang: str) -> str:
    """The basis of a use in words, citing the article; '未設定' when nothing is given."""
    if use_basis:
        term = vocab.term("legal_basis", str(use_basis))
        if not term:
            return str(use_basis)
        label, help_ = term.text("label"), term.text("help")
        return Text(_explained_ja(label.ja, help_.ja), f"{label.en}（{help_.en}）").get(lang)
    # No basis chosen: the purpose's own article, as the vocabulary's ``basis`` cites it
    # (新規取得 61(1)/62, 変更 61(3), 目的内 69(1), 統計 69(2) beyond the purpose).
    cited = vocab.text("purpose", purpose, "basis") if purpose else None
    if cited and cited.ja:
        return (vocab.text("purpose", purpose) + cited).get(lang)
    return _ph(lang, "根拠", "legal basis")


def _explained_ja(label: str, help_: str) -> str:
    """A legal basis with its meaning, brackets nested at most twice."""
    if help_.startswith(label.split("（")[0]):
        return help_  # 「法令に基づく場合（…）」, not 「法令に基づく（法令に基づく場合（…））」
    if label.endswith("）"):
        return f"{label}：{help_}"  # no brackets nested three deep
    return f"{label}（{help_}）"


class ContextBuilder:
    """Builds the context for one plan and language."""

    def __init__(self, plan: Plan, lang: str = "ja", graph: PlanGraph | None = None) -> None:
        self.plan, self.lang = plan, lang
        #: Every relation (who addresses what, which KPIs evaluate a measure, which data
        #: a use names) is the graph's answer, the checker's too.
        self.graph = graph if graph is not None else PlanGraph(plan)
        # A plan adopted in an earlier era names its years as its own text does (wareki).
        self.era = wareki.document_era(plan.plan.adopted_on)
        self.issue_no = {i.id: n for n, i in enumerate(plan.issues, 1)}
        # 第6章 follows the 施策体系 (or the 雛型's five 取組); measures are numbered in that order.
        self.groups, self.measure_no = measure_groups(plan, lang, self.graph)
        self.data = self.graph.data_source
        self.publish_ids = opendata.publish_flow_ids(plan)

    def label(self, kind: str, code: Any) -> str:
        """A code's label in the context's language."""
        return clean_text(vocab.label(kind, code, self.lang))

    def build(self) -> dict[str, Any]:
        """The whole context, as documented in docs/templates.md."""
        return {
            "lang": self.lang,
            "plan": self.plan_info(),
            "issues": [self.issue(i) for i in self.plan.issues],
            "measures": [self.measure(m) for m in self.plan.measures],
            "measure_groups": self.measure_group_rows(),
            "history": self.history(),
            "extra_sections": self.extra_sections(),
            "glossary": self.glossary(),
            "articles": self.articles(),
            "data_sources": [self.data_source(d) for d in self.plan.data_sources],
            "kpis": [self.kpi(k) for k in self.plan.kpis],
            "personal_uses": self.personal_uses(),
            "personal": self.personal_facts(),
            "article_facts": self.article_facts(),
            "related_plans": self.related_plans(),
            "draft": False,
            "draft_mark": "",
            "include_checks": False,
            "findings": [],
        }

    def plan_info(self) -> dict[str, Any]:
        """Title, who adopts it, period and the chapters' own prose."""
        info = self.plan.plan
        period = info.period
        start = period.start_fy if period else None
        end = period.end_fy if period else None
        # Template text (the starter's instructions, 〇〇市) is not the plan's own: the
        # chapter prints as a placeholder, exactly as an empty one does.
        sections = {k: clean_text(chapter_text(self.plan, k)) for k in vars(info.sections)}
        return {
            "title": one_line(info.title),
            "municipality": one_line(info.municipality) or one_line(info.title),
            "municipality_code": one_line(info.municipality_code),
            "department": one_line(getattr(info, "department", None)),
            "contact": clean_text(getattr(info, "contact", None)).strip(),
            # 問い合わせ先 names the department once: not again when the contact says it.
            "contact_department": _unless_within(one_line(getattr(info, "department", None)),
                                                 clean_text(getattr(info, "contact", None))),
            "kind": str(info.kind or ""),
            "is_prefecture": info.kind == PlanKind.PREFECTURE,
            "is_municipality": info.kind == PlanKind.MUNICIPALITY,
            "kind_label": self.label("plan_kind", info.kind) if info.kind else "",
            "start_fy": wareki.fiscal_year(start, self.lang, self.era),
            "end_fy": wareki.fiscal_year(end, self.lang, self.era),
            "period": wareki.fiscal_range(start, end, self.lang, self.era),
            "years": (end - start + 1) if start and end and end >= start else None,
            "adopted_on": clean_text(wareki.date(info.adopted_on, self.lang)),
            "era": self.era or "",
            "version": one_line(info.version),
            "sections": sections,
        }

    def issue(self, issue: Any) -> dict[str, Any]:
        """An issue with its evidence and the measures that answer it."""
        answering = self.graph.measures_addressing(issue.id)
        return {
            "id": one_line(issue.id), "number": self.issue_no[issue.id],
            "title": one_line(issue.title),
            "description": clean_text(issue.description).strip(),
            "evidence": clean_text(issue.evidence).strip(),
            "measures": [self.measure_ref(m) for m in answering],
        }

    def measure_ref(self, m: Measure) -> dict[str, Any]:
        """How other parts name a measure: 施策3 デマンド交通の運行最適化."""
        n = self.measure_no.get(m.id, "")
        # 施策1　… with a full-width space
        label = Text(f"施策{n}　{one_line(m.title)}", f"Measure {n} {one_line(m.title)}").get(self.lang)
        return {"id": one_line(m.id), "number": n, "title": one_line(m.title), "label": label}

    def measure(self, m: Measure) -> dict[str, Any]:
        """One measure with its issues, data uses, KPIs, schedule and owner."""
        return {
            **self.measure_ref(m),
            "description": clean_text(m.description).strip(),
            "owner": one_line(m.owner) or _ph(self.lang, "担当課", "lead department"),
            "cooperating": [one_line(c) for c in getattr(m, "cooperating", []) or [] if c],
            "owner_line": self.owner_line(m),
            "schedule": self.schedule(m),
            "issues": [{"id": i.id, "number": self.issue_no[i.id], "title": one_line(i.title)}
                       for i in self.graph.issues_of(m)],
            "articles_primary": [self._article_name(a) for a in m.articles.primary],
            "articles_related": [self._article_name(a) for a in m.articles.related],
            "fields": [self.label("field", f) for f in m.fields],
            "uses": [self.use(u) for u in m.uses],
            "kpis": [self.kpi(k) for k in self.graph.kpis_evaluating(m.id)],
        }

    def owner_line(self, m: Measure) -> str:
        """担当課 with the cooperating departments: 企画課（連携：交通政策課、福祉課）."""
        owner = one_line(m.owner) or _ph(self.lang, "担当課", "lead department")
        others = [one_line(c) for c in getattr(m, "cooperating", []) or [] if c]
        if not others:
            return owner
        return Text(f"{owner}（連携：{'、'.join(others)}）",
                    f"{owner} (with {', '.join(others)})").get(self.lang)

    def measure_group_rows(self) -> list[dict[str, Any]]:
        """第6章's sections: each group heading with its measures, in document order."""
        by_id = {m.id: m for m in self.plan.measures}
        return [{**g, "measures": [self.measure(by_id[i]) for i in g["measure_ids"]]}
                for g in self.groups]

    def history(self) -> list[dict[str, str]]:
        """策定の経過 (schema v2): 和暦 date and event, in the plan's order."""
        return [{"date": clean_text(wareki.date(h.date, self.lang)) if h.date else "",
                 "event": clean_text(h.event).strip()}
                for h in getattr(self.plan.plan, "history", None) or []
                if (h.date or h.event)]

    def extra_sections(self) -> list[dict[str, str]]:
        """The plan's own chapters with where they go (``after`` an outline id; the end else)."""
        places = {"cover", *OUTLINE}
        rows = []
        for e in getattr(self.plan.plan, "extra_sections", None) or []:
            after = str(e.after or "")
            rows.append({"title": one_line(e.title) or _ph(self.lang, "章の題名", "title"),
                         "after": after if after in places and after != "toc" else "contact",
                         "text": clean_text(e.text).strip() or _ph(self.lang, "本文", "text")})
        return rows

    def glossary(self) -> list[dict[str, str]]:
        """用語集 (schema v2): term and definition."""
        return [{"term": one_line(g.term), "definition": clean_text(g.definition).strip()}
                for g in getattr(self.plan.plan, "glossary", None) or [] if g.term]

    def schedule(self, m: Measure) -> str:
        """令和8年度（2026年度）〜令和10年度（2028年度）; a placeholder for a missing end."""
        sched = m.schedule
        start = sched.start_fy if sched else None
        end = sched.end_fy if sched else None
        if start is None and end is None:
            return _ph(self.lang, "実施期間", "schedule")
        sep = Text("〜", " – ").get(self.lang)
        first = (wareki.fiscal_year(start, self.lang, self.era) if start is not None
                 else _ph(self.lang, "開始年度", "first year"))
        last = (wareki.fiscal_year(end, self.lang, self.era) if end is not None
                else _ph(self.lang, "終了年度", "last year"))
        return f"{first}{sep}{last}"

    def _article_name(self, number: int) -> str:
        art = vocab.article(number)
        return art.name.get(self.lang) if art is not None else str(number)

    def use(self, u: Any) -> dict[str, Any]:
        """A measure→data link in plain words."""
        d: DataSource | None = self.data(u.data)
        return {
            "data_id": one_line(u.data),
            "data_title": one_line(d.title) if d else one_line(u.data) or NONE_MARK,
            "category": self.label("category", d.category) if d else "",
            "holder": one_line(d.holder) if d else "",
            "flow": self.label("flow", u.flow),
            "purpose": self.label("purpose", u.purpose),
            "how": clean_text(_use_words(u.flow, u.purpose, self.lang)),
            "rationale": clean_text(u.rationale).strip(),
            "legal_basis": clean_text(legal_basis_text(u.legal_basis, u.purpose, self.lang)),
            "personal": bool(d and d.is_personal),
        }

    def articles(self) -> list[dict[str, Any]]:
        """基本法 Arts. 10–19, each with the measures serving it as ◎ primary / ○ related."""
        served = self.graph.article_uses()
        return [self._article_row(art, served.get(art.number)) for art in vocab.articles()]

    def _article_row(self, art: Any, use: ArticleUse | None) -> dict[str, Any]:
        primary = list(use.primary) if use else []
        chosen = {id(m) for m in primary}
        return {
            "number": art.number, "ref": art.ref.get(self.lang),
            "title": art.title.get(self.lang), "short": art.short.get(self.lang),
            "primary": [self.measure_ref(m) for m in primary],
            "related": [self.measure_ref(m) for m in (use.related if use else ())
                        if id(m) not in chosen],
        }

    def data_source(self, d: DataSource) -> dict[str, Any]:
        """A row of the data inventory (データ棚卸し)."""
        # The same facts the checker uses, so the document and the findings agree.
        publish = opendata.is_published(d, self.publish_ids)
        stars = opendata.five_star_level(d, publish)
        return {
            "id": one_line(d.id), "title": one_line(d.title),
            "acquisition": self.label("acquisition", d.acquisition),
            "category": self.label("category", d.category),
            "holder": one_line(d.holder), "format": self.label("format", d.format),
            "update_frequency": self.label("update_frequency", d.update_frequency),
            "personal": d.is_personal,
            "stars": ("★" * stars) if stars else NONE_MARK,
            "open_data": self._open_data_plan(d, publish),
        }

    def _open_data_plan(self, d: DataSource, publish: bool) -> str:
        if not publish:
            if d.category in opendata.NEVER_OPEN_CATEGORIES:
                if d.is_personal:
                    return Text("公開対象外（個人情報）", "Not published (personal data)").get(self.lang)
                # 匿名加工情報 and the like are not personal information: name what they are.
                kind = self.label("category", d.category)
                return Text(f"公開対象外（{kind}）", f"Not published ({kind})").get(self.lang)
            return Text("公開予定なし", "Not planned").get(self.lang)
        od = d.open_data or OpenData()
        parts = [vocab.text("license", od.license) if od.license else None,
                 vocab.text("format", od.format) if od.format else None]
        if od.standard_dataset:
            name = vocab.label("standard_dataset", od.standard_dataset)
            parts.append(Text(f"標準DS {od.standard_dataset} {name}",
                              f"standard dataset {od.standard_dataset}"))
        detail = join(p for p in parts if p)
        said = Text(f"公開（{detail.ja}）", f"Publish ({detail.en})") if detail.ja else Text("公開", "Publish")
        return clean_text(said.get(self.lang))

    def kpi(self, k: Kpi) -> dict[str, Any]:
        """A KPI with baseline and target printed with their 和暦 years."""
        src = self.data(k.source)
        base = self.kpi_value(k, k.baseline, target=False)
        target = self.kpi_value(k, k.target, target=True)
        return {
            "id": one_line(k.id), "title": one_line(k.title),
            "type": self.label("kpi_type", k.type),
            "unit": one_line(k.unit),
            "baseline": base or _ph(self.lang, "基準値", "baseline"),
            "baseline_fy": wareki.fiscal_year(k.baseline.fy, self.lang, self.era)
            if k.baseline and base else "",
            "target": target or _ph(self.lang, "目標値", "target"),
            "target_fy": wareki.fiscal_year(k.target.fy, self.lang, self.era)
            if k.target and target else "",
            "source": (one_line(src.title) if src else one_line(k.source))
            or _ph(self.lang, "出典", "source"),
            "source_id": one_line(k.source),
            "direction": self.direction_word(k),
            "cumulative": bool(getattr(k, "cumulative", None)),
            "milestones": [{"fy": wareki.fiscal_year_short(ms.fy, self.era) if ms.fy else "",
                            "value": self.kpi_value(k, ms, target=False)}
                           for ms in getattr(k, "milestones", None) or []],
            "milestones_text": self.milestones_text(k),
            "rationale": clean_text(k.rationale).strip()
            or _ph(self.lang, "目標値設定の考え方", "why this target"),
            "measures": [self.measure_ref(m) for m in self.graph.measures_evaluated(k)],
        }

    def direction_word(self, k: Kpi) -> str:
        """以上 / 以下 / 維持 (what the target means), '' when the plan does not say."""
        return vocab.label("direction", getattr(k, "direction", None), self.lang, "phrase")

    def kpi_value(self, k: Kpi, m: Any, target: bool) -> str:
        """累計500人以上 / 41%（見込） / a deferred target in words; '' when there is none."""
        if m is None:
            return ""
        text = clean_text(getattr(m, "text", None)).strip()
        value = number_text(m.value, k.unit) if m.value is not None and m.value != "" else ""
        if not value:
            return text
        said = Text(value, value)
        if getattr(k, "cumulative", None):
            said = Text(f"累計{value}", f"{value} (cumulative)")
        if target:
            word = vocab.text("direction", getattr(k, "direction", None), "phrase")
            if word.ja:
                said += Text("（維持）" if word.ja == "維持" else word.ja, f" {word.en}")
        if getattr(m, "estimated", None):
            said += Text("（見込）", " (estimate)")
        return said.get(self.lang)

    def milestones_text(self, k: Kpi) -> str:
        """年度別目標 on lines: 令和9年度 1,500人/月."""
        rows = []
        for ms in getattr(k, "milestones", None) or []:
            value = self.kpi_value(k, ms, target=False)
            if ms.fy is None and not value:
                continue
            year = Text(wareki.fiscal_year_short(ms.fy, self.era), f"FY{ms.fy}").get(self.lang) \
                if ms.fy else ""
            rows.append(f"{year}\n{value}".strip())  # a narrow cell never breaks a number
        return "\n".join(rows)

    def personal_uses(self) -> list[dict[str, Any]]:
        """Every use of personal-category data, with the measure and its legal basis (第7章)."""
        rows = []
        for m in self.plan.measures:
            for u in m.uses:
                d = self.data(u.data)
                if d is not None and d.is_personal:
                    rows.append({"measure": self.measure_ref(m), **self.use(u)})
        return rows


    def personal_facts(self) -> dict[str, Any]:
        """Whether the measures use personal data: "some", "none" or "unknown" (and why).

        "none" is said only when every measure lists its data and every used source has a
        category, none of them personal; a measure with no data, a use naming no known source
        or a source without a category leaves it unknown, and the document says what is missing.
        """
        lang = self.lang
        uses = self.personal_uses()
        missing: list[str] = []
        used: set[str] = set()
        if not self.plan.measures:
            missing.append(Text("施策が未登録", "no measures yet").get(lang))
        for m in self.plan.measures:
            if not m.uses:
                missing.append(self.measure_ref(m)["label"]
                               + Text("（データ未設定）", ": no data").get(lang))
            for u in m.uses:
                d = self.data(u.data)
                if d is None:
                    missing.append(self.measure_ref(m)["label"]
                                   + Text("（データ未選択の利用）", ": a use names no data").get(lang))
                elif d.category is None:
                    missing.append(one_line(d.title) + Text("（区分未設定）", ": no category").get(lang))
                else:
                    used.add(d.id)
        if missing:
            shown = "、".join(dict.fromkeys(missing[:6])) + (" ほか" if len(missing) > 6 else "")
            unknown = Text(f"個人情報を含むデータの利用の有無（判断できない項目：{shown}）",
                           f"whether personal data is used (cannot tell: {shown})").get(lang)
            return {"status": "unknown", "uses": uses, "unknown": unknown,
                    "data_count": len(used)}
        return {"status": "some" if uses else "none", "uses": uses, "unknown": "",
                "data_count": len(used)}

    def article_facts(self) -> dict[str, Any]:
        """Which Chapter 3 articles no measure serves, when the plan says enough to tell.

        "unknown" when a measure has no article at all (it might serve any of them); Art. 19
        is never listed, since it is addressed to the state.
        """
        measures = self.plan.measures
        if not measures:
            return {"status": "no_measures", "uncovered": [], "unknown": ""}
        blank = [m for m in measures if not (m.articles.primary or m.articles.related)]
        if blank:
            names = "、".join(self.measure_ref(m)["label"] for m in blank[:6])
            more = f" ほか{len(blank) - 6}件" if len(blank) > 6 else ""
            text = Text(f"基本法の条項（◎・○）が未設定の施策があるため、対応する施策のない条項を"
                        f"示せません（{names}{more}）",
                        f"Basic Act articles of some measures ({names}), so the articles no "
                        "measure serves cannot be named").get(self.lang)
            return {"status": "unknown", "uncovered": [], "unknown": text}
        uncovered = [a for a in self.articles() if not (a["primary"] or a["related"])
                     and a["number"] not in _NOT_A_GAP]
        return {"status": "known", "uncovered": uncovered, "unknown": ""}

    def related_plans(self) -> list[dict[str, str]]:
        """Related plans (schema v2) as the sentences 第3章 prints: only what the data says."""
        rows = []
        for r in getattr(self.plan.plan, "related_plans", None) or []:
            title = one_line(getattr(r, "title", None))
            relation = str(getattr(r, "relation", "") or "")
            if not title:
                continue
            phrase = vocab.text("relation", relation, "phrase")
            if not phrase.ja:
                phrase = Text("関連する計画: {title}", "Related plan: {title}.")
            sentence = phrase.format(title=title).get(self.lang)
            rows.append({"title": title, "relation": relation, "sentence": sentence})
        return rows


#: The five 取組 of the municipal 雛型, by the Basic Act article a measure mainly serves.
CORE_GROUPS = (
    (10, Text("手続における情報通信技術の利用等（オンライン化）", "Online procedures")),
    (11, Text("官民データの容易な利用等（オープンデータ）", "Open data")),
    (13, Text("個人番号カードの普及及び活用", "My Number Card")),
    (14, Text("利用の機会等の格差の是正（デジタルデバイド対策）", "Digital divide")),
    (15, Text("情報システムに係る規格の整備及び互換性の確保等（標準化・BPR）",
              "Standards and business process review")),
)


def measure_groups(plan: Plan, lang: str = "ja", graph: PlanGraph | None = None,
                   ) -> tuple[list[dict[str, Any]], dict[str, str]]:
    """第6章's groups and each measure's number (``graph``: the plan's PlanGraph, whose
    pillar tree and in_pillar edges say what is under what).

    With pillars (施策体系): one group per pillar, depth first, numbered 1 / 1-1 / 1-1-1 (derived,
    never stored); a measure is numbered within its pillar (1-1-1, 1-1-2 …). Measures outside
    any pillar follow under その他の施策. Without pillars: the 雛型's five 取組 (基本法 Arts. 10,
    11, 13, 14, 15) by each measure's first ◎ article among them, then the rest; measures are
    numbered 1, 2, 3 … in that order.
    """
    groups: list[dict[str, Any]] = []
    numbers: dict[str, str] = {}
    pillars = list(getattr(plan, "pillars", None) or [])
    if not plan.measures and not pillars:
        return groups, numbers
    if pillars:
        g = graph if graph is not None else PlanGraph(plan)
        tree = g.pillars  # the numbering the checker's messages use too

        def walk(parent: str | None, level: int) -> None:
            for p in tree.children.get(parent, []):
                number = tree.numbers.get(p.id)
                if number is None or level > 3:  # a cycle or a 4th level: the loader refuses it
                    continue
                mine = g.referrers(p.id, EdgeKind.IN_PILLAR)
                for j, m in enumerate(mine, 1):
                    numbers.setdefault(m.id, f"{number}-{j}")
                groups.append({"level": level, "number": number, "title": one_line(p.title),
                               "heading": f"{number}　{one_line(p.title)}",
                               "description": clean_text(getattr(p, "description", None)).strip(),
                               "leaf": not tree.children.get(p.id),
                               "measure_ids": [m.id for m in mine]})
                walk(p.id, level + 1)

        walk(None, 1)
        rest = [m for m in plan.measures if m.id not in numbers]
        for j, m in enumerate(rest, 1):
            numbers[m.id] = str(j)
    else:
        rest = list(plan.measures)
        n = 0
        for art, name in CORE_GROUPS:
            mine = [m for m in rest if _core_primary(m) == art]
            if not mine:
                continue
            rest = [m for m in rest if m not in mine]
            for m in mine:
                n += 1
                numbers[m.id] = str(n)
            title = Text(f"{name.ja}（基本法第{art}条）",
                         f"{name.en} (Basic Act Art. {art})").get(lang)
            groups.append({"level": 1, "number": "", "title": title, "heading": title,
                           "description": "", "leaf": True, "measure_ids": [m.id for m in mine]})
        for m in rest:
            n += 1
            numbers[m.id] = str(n)
    if rest:
        # Without pillars and with no measure under a 取組, a lone "other" heading says nothing.
        title = "" if not groups and not pillars else Text("その他の施策", "Other measures").get(lang)
        groups.append({"level": 1, "number": "", "title": title, "heading": title,
                       "description": "", "leaf": True, "measure_ids": [m.id for m in rest]})
    return groups, numbers


def _core_primary(m: Measure) -> int | None:
    """The first ◎ article of ``m`` among the five 取組 of the 雛型, None when there is none."""
    core = {art for art, _ in CORE_GROUPS}
    return next((a for a in m.articles.primary if a in core), None)


def build_context(plan: Plan, lang: str = "ja", graph: PlanGraph | None = None,
                  ) -> dict[str, Any]:
    """The plain document context for ``plan`` in ``lang`` (``graph``: its PlanGraph, when
    the caller has built it)."""
    return ContextBuilder(plan, lang, graph).build()
