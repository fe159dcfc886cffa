"""The form of a KPI (評価指標): type, baseline, target, the measures it evaluates, actuals."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from planner.plan.model import Actual, Kpi, KpiType
from planner.ui import icons
from planner.ui.document import PlanDocument
from planner.ui.editors import fields, v2_fields
from planner.ui.editors.binding import Binding, BoundForm, Fold
from planner.ui.editors.form_builder import FormBuilder
from planner.ui.editors.fyspin import current_fiscal_year, fy_text, parse_year, plan_era
from planner.ui.editors.links import link_combo, link_list
from planner.ui.i18n import fill, translate


def parse_value(text: str) -> int | float | str | None:
    """A KPI value: a number when it reads as one (1,200 → 1200), else the words."""
    text = text.strip()
    if not text:
        return None
    plain = text.replace(",", "").replace("，", "")
    for kind in (int, float):
        try:
            return kind(plain)
        except ValueError:
            pass
    return text


class ActualsTable(QWidget):
    """実績値 by fiscal year: a two-column table, edited as a whole list."""

    def __init__(self, form: BoundForm) -> None:
        super().__init__()
        self.table = QTableWidget(0, 2)
        self.table.setHorizontalHeaderLabels([translate("ui", "年度"), translate("ui", "実績値")])
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setVisible(False)
        self.table.setTabKeyNavigation(False)  # arrows move between cells; Tab moves on
        self.table.setMaximumHeight(self.fontMetrics().lineSpacing() * 8)
        add = QPushButton(icons.add(), translate("ui", "実績を追加(&A)"))
        remove = QPushButton(icons.delete(), translate("ui", "選んだ行を削除(&R)"))
        row = QHBoxLayout()
        row.addWidget(add)
        row.addWidget(remove)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        layout.addLayout(row)
        self.form = form
        self._era: str | None = None
        self.binding = Binding(form, "actuals", self, self.show_actuals)
        self.binding.label = translate("ui", "実績値")
        self.binding.follows_era = True
        self.table.setAccessibleName(translate("ui", "実績値（年度ごと）"))
        self.table.itemChanged.connect(lambda _i: self.binding.commit(self.current()))
        add.clicked.connect(self._add)
        remove.clicked.connect(self._remove)
        form.add_binding(self.binding)
        self.setFocusProxy(self.table)

    def show_actuals(self, actuals: Any) -> None:
        """Show the list (unchanged rows are left alone)."""
        actuals = list(actuals or [])
        era = plan_era(self.form.doc)
        if actuals == self.current() and era == self._era:
            return
        self._era = era
        self.table.blockSignals(True)
        self.table.setRowCount(0)
        for actual in actuals:
            r = self.table.rowCount()
            self.table.insertRow(r)
            fy = "" if actual.fy is None else fy_text(actual.fy, era)
            self.table.setItem(r, 0, QTableWidgetItem(fy))
            self.table.setItem(r, 1, QTableWidgetItem("" if actual.value is None
                                                      else str(actual.value)))
        self.table.blockSignals(False)

    def current(self) -> list[Actual]:
        """The rows as Actual records."""
        out = []
        for r in range(self.table.rowCount()):
            fy_item, value_item = self.table.item(r, 0), self.table.item(r, 1)
            out.append(Actual(fy=parse_year(fy_item.text()) if fy_item else None,
                              value=parse_value(value_item.text()) if value_item else None))
        return out

    def _add(self) -> None:
        actuals = self.current()
        last = max((a.fy for a in actuals if a.fy), default=current_fiscal_year() - 1)
        self.binding.commit([*actuals, Actual(fy=last + 1)])

    def _remove(self) -> None:
        r = self.table.currentRow()
        if r >= 0:
            actuals = self.current()
            del actuals[r]
            self.binding.commit(actuals)


def _measurement(form: BoundForm, key: str, value_label: str, year_label: str) -> QWidget:
    """A value and its fiscal year side by side (基準値 / 目標値), each with its own name."""
    box = QWidget()
    row = QHBoxLayout(box)
    row.setContentsMargins(0, 0, 0, 0)
    value = fields.line_edit(form, f"{key}.value", translate("ui", "数値または文章"), parse=parse_value)
    form.bindings[-1].label = value_label
    value.setAccessibleName(value_label)
    year = fields.fy_spin(form, f"{key}.fy")
    form.bindings[-1].label = year_label
    year.setAccessibleName(year_label)
    estimated = v2_fields.flag(form, f"{key}.estimated", translate("ui", "見込"),
                               translate("ui", "実績ではなく見込値のとき（計画書に「（見込）」と書かれます）。"))
    estimated.setAccessibleName(fill(translate("ui", "%1は見込値"), value_label))
    row.addWidget(value, 2)
    row.addWidget(year, 1)
    row.addWidget(estimated)
    box.setFocusProxy(value)
    return box


class KpiForm(BoundForm):
    """評価指標: what is measured, from which data, with baseline, target and actuals."""

    #: Meaningless for a qualitative KPI (measured in words).
    QUANTITATIVE_ONLY = ("unit", "direction", "cumulative")

    def __init__(self, doc: PlanDocument) -> None:
        super().__init__(doc, "kpis")
        b = FormBuilder(self)
        b.item_opening(translate("form", "KPI"),  # singular in English
                       translate("ui", "指標名(&T)"), translate("ui", "例：デマンド交通の月間利用者数"))
        b.row(translate("ui", "種別"), fields.code_combo(self, "type", "kpi_type", KpiType))
        b.row(translate("ui", "定量／定性"), fields.choice_combo(self, "quantitative", [
            (translate("ui", "（未選択）"), None), (translate("ui", "定量（数値で測る）"), True),
            (translate("ui", "定性（文章で評価する）"), False)]))
        qualitative_note = b.note("")
        b.row(translate("ui", "単位(&U)"), fields.line_edit(self, "unit", translate("ui", "例：人/月")),
              translate("ui", "単位はここに書きます（値に「%」などを含めない）。"))
        b.row(translate("ui", "めざす方向"), fields.choice_combo(self, "direction", v2_fields.direction_choices()))
        b.row(translate("ui", "累計"), v2_fields.flag(self, "cumulative", translate("ui", "累計値で測る"),
                                                    translate("ui", "各年度の値ではなく、累計で数える指標。")))
        b.row(translate("ui", "基準値・年度"), _measurement(
            self, "baseline", translate("ui", "基準値"), translate("ui", "基準年度")))
        b.row(translate("ui", "目標値・年度"), _measurement(
            self, "target", translate("ui", "目標値"), translate("ui", "目標年度")),
              translate("ui", "目標年度は計画期間の中に、基準年度は目標年度より前にします。"))
        text_note = b.note("")
        b.row(translate("ui", "目標（文章）"), fields.line_edit(
            self, "target.text", translate("ui", "例：令和9年度を目途に目標値を設定")),
              translate("ui", "定性の指標や、目標値を後で定める場合に書きます（目標年度も選びます）。"))
        b.row(translate("ui", "年度別目標"), v2_fields.milestones(self),
              translate("ui", "目標年度までの途中の年度ごとの目標値。年度は計画期間の中にします。"))
        b.row(translate("ui", "目標値設定の考え方"), fields.text_edit(self, "rationale", "", 3))
        b.section(translate("ui", "評価する施策と出典"))
        b.row(translate("ui", "施策(&M)"), link_list(self, "measures", "measures"),
              translate("ui", "このKPIで評価する施策にチェックを付けます。"))
        b.row(translate("ui", "出典データ(&S)"), link_combo(self, "source", "data_sources"),
              translate("ui", "この指標を何のデータで測るか。前のステップ「データ」で登録したものから選びます。"))
        b.section(translate("ui", "実績値（毎年度の点検用）"))
        b.outer.addWidget(ActualsTable(self))
        b.finish()
        # Fields that do not apply fold with a reason; what was typed stays in the plan.
        self.qualitative_note, self.text_note = qualitative_note, text_note
        self.fold(Fold(self.QUANTITATIVE_ONLY, lambda k: k.quantitative is not False,
                       lambda _k: translate(
                           "ui", "定性（文章で評価する）指標なので、単位・めざす方向・累計の欄は"
                           "使いません（入力した内容は消えずに残ります）。"),
                       qualitative_note))
        self.fold(Fold(("target.text",), _words_apply, lambda _k: translate(
            "ui", "定量の指標で目標値が入っているので、目標（文章）は使いません。目標値を"
            "後で定めるときは、目標値を空にしてから書きます。"), text_note))

def _words_apply(kpi: Kpi) -> bool:
    """目標（文章） is for a qualitative KPI, or a quantitative one whose value is not set
    yet (令和9年度を目途に目標値を設定)."""
    value = getattr(kpi.target, "value", None)
    return kpi.quantitative is not True or value in (None, "")
