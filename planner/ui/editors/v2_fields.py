"""Schema v2's fields in the forms (domain.md §2.4): plan context lists, departments,
KPI direction / 累計 / 見込 / milestones, standard datasets. Small factories the forms
call, so the forms themselves change by a few lines."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QCheckBox, QGridLayout, QWidget

from planner.plan import vocab
from planner.plan.model import (
    Direction,
    ExtraSection,
    GlossaryEntry,
    HistoryEntry,
    Milestone,
    OutlineId,
    RelatedPlan,
    Relation,
)
from planner.ui.editors.binding import Binding, BoundForm
from planner.ui.editors.fyspin import fy_text, parse_year, plan_era
from planner.ui.editors.list_editor import Column, ListEditor
from planner.ui.editors.plan_date import normalise_date
from planner.ui.i18n import lang, translate


def _choices(kind: str, enum: type) -> list[tuple[str, Any]]:
    return [(translate("ui", "（未選択）"), None),
            *((t.label(lang()), enum(t.code)) for t in vocab.terms(kind))]


def related_plans(form: BoundForm) -> ListEditor:
    """関連計画: title + relation (上位計画 / 兼ねる計画 / 整合を図る計画)."""
    return ListEditor(form, "related_plans", [
        Column("title", translate("ui", "計画の名称")),
        Column("relation", translate("ui", "関係"), choices=_choices("relation", Relation),
               stretch=False)],
        RelatedPlan, translate("ui", "関連計画"), translate("ui", "関連計画を追加"))


def history(form: BoundForm) -> ListEditor:
    """策定・改定の経過: date (YYYY-MM-DD or YYYY-MM) + event."""
    return ListEditor(form, "history", [
        Column("date", translate("ui", "年月日"), parse=normalise_date, stretch=False),
        Column("event", translate("ui", "経過"))],
        HistoryEntry, translate("ui", "策定経過"), translate("ui", "経過を追加"))


def glossary(form: BoundForm) -> ListEditor:
    """用語集: term + definition."""
    return ListEditor(form, "glossary", [
        Column("term", translate("ui", "用語"), stretch=False),
        Column("definition", translate("ui", "説明"))],
        GlossaryEntry, translate("ui", "用語集"), translate("ui", "用語を追加"))


def extra_sections(form: BoundForm) -> ListEditor:
    """Chapters the official outline lacks (はじめに, 首長あいさつ): title, after, text."""
    return ListEditor(form, "extra_sections", [
        Column("title", translate("ui", "見出し"), stretch=False),
        Column("after", translate("ui", "置く場所（この章の後）"),
               choices=_choices("outline_id", OutlineId), stretch=False),
        Column("text", translate("ui", "本文"))],
        ExtraSection, translate("ui", "追加の章"), translate("ui", "章を追加"),
        new_record=lambda _rows: ExtraSection(title=translate("ui", "はじめに"),
                                              after=OutlineId.COVER))


def cooperating(form: BoundForm) -> ListEditor:
    """連携課 (○): a list of department names."""
    return ListEditor(form, "cooperating", [Column(None, translate("ui", "連携課（○）"))],
                      None, translate("ui", "連携課"), translate("ui", "連携課を追加"), lines=4)


def _value(text: str) -> Any:
    from planner.ui.editors.kpi_form import parse_value

    return parse_value(text)


def milestones(form: BoundForm) -> ListEditor:
    """年度別目標: 年度 | 目標値, a row per fiscal year."""
    def next_year(rows: list[Milestone]) -> Milestone:
        target = form.target
        known = [m.fy for m in rows if m.fy]
        if known:
            return Milestone(fy=max(known) + 1)
        base = getattr(getattr(target, "baseline", None), "fy", None)
        return Milestone(fy=base + 1 if base else None)

    editor = ListEditor(form, "milestones", [
        Column("fy", translate("ui", "年度"), parse=parse_year,
               show=lambda v: "" if v is None else fy_text(v, plan_era(form.doc))),
        Column("value", translate("ui", "目標値"), parse=_value)],
        Milestone, translate("ui", "年度別目標"), translate("ui", "年度を追加"),
        new_record=next_year)
    editor.binding.follows_era = True
    return editor


def direction_choices() -> list[tuple[str, Any]]:
    """めざす方向: 以上 / 以下 / 維持."""
    return _choices("direction", Direction)


def flag(form: BoundForm, path: str, text: str, tip: str = "") -> QCheckBox:
    """A yes/no fact (累計, 見込): absent from the file until the user says; once ticked
    and unticked it is saved as false, and a false read from the file stays false — the
    file keeps what the user set (domain.md writes ``cumulative: false``)."""
    check = QCheckBox(text)
    check.setToolTip(tip)
    binding = Binding(form, path, check, lambda v: check.setChecked(bool(v)))
    # clicked, not toggled: only the user's own click is a statement, not a reload.
    check.clicked.connect(lambda on: binding.commit(bool(on)))
    binding.label = text
    form.add_binding(binding)
    return check


def standard_datasets(form: BoundForm) -> QWidget:
    """自治体標準オープンデータセット: every number the source covers (a catalogue may cover many)."""
    box = QWidget()
    grid = QGridLayout(box)
    grid.setContentsMargins(0, 0, 0, 0)
    grid.setVerticalSpacing(0)
    checks: list[tuple[QCheckBox, str]] = []
    terms = vocab.standard_datasets()
    rows = (len(terms) + 1) // 2
    for n, term in enumerate(terms):
        check = QCheckBox(f"{term.code} {term.label(lang())}")
        grid.addWidget(check, n % rows, n // rows)  # numbered down the columns
        checks.append((check, term.code))

    def show(values: Any) -> None:
        for check, code in checks:
            check.blockSignals(True)
            check.setChecked(code in (values or []))
            check.blockSignals(False)

    binding = Binding(form, "open_data.standard_datasets", box, show)
    known = {code for _c, code in checks}

    def changed() -> None:
        current = [v for v in (binding.form.target and _current(binding)) or [] if v not in known]
        binding.commit([code for chk, code in checks if chk.isChecked()] + current)

    for check, _code in checks:
        check.toggled.connect(lambda _on: changed())
    box.setFocusProxy(checks[0][0])
    form.add_binding(binding)
    return box


def _current(binding: Binding) -> list[str]:
    from planner.ui import fieldpath

    return list(fieldpath.get_value(binding.form.target, binding.path) or [])

