"""The forms of an issue (地域課題) and a measure (施策): every field of the file format."""

from __future__ import annotations

from planner.plan.model import PriorityField
from planner.ui.document import PlanDocument
from planner.ui.editors import fields, v2_fields
from planner.ui.editors.binding import BoundForm, Fold
from planner.ui.editors.form_builder import FormBuilder
from planner.ui.editors.links import articles_grid, link_list
from planner.ui.editors.pillar_tree import pillar_combo
from planner.ui.editors.uses_table import UsesTable
from planner.ui.i18n import translate


class IssueForm(BoundForm):
    """地域課題: title, description, evidence."""

    def __init__(self, doc: PlanDocument) -> None:
        super().__init__(doc, "issues")
        b = FormBuilder(self)
        b.item_opening(translate("form", "地域課題"),  # singular in English
                       translate("ui", "課題名(&T)"), translate("ui", "例：高齢者の移動手段の確保"))
        b.row(translate("ui", "説明(&D)"), fields.text_edit(self, "description",
                                                translate("ui", "どのような課題か、誰が困っているか")))
        b.row(translate("ui", "根拠(&N)"), fields.text_edit(self, "evidence", translate("ui", "例：国勢調査（2020年）で"
                                                                      "高齢化率35％")),
              translate("ui", "課題の根拠となる統計やデータ（EBPM）。空欄だと点検で指摘されます。"))
        b.finish()


class MeasureForm(BoundForm):
    """施策: what it does, which issues it answers, articles, fields, schedule, data uses."""

    def __init__(self, doc: PlanDocument) -> None:
        super().__init__(doc, "measures")
        b = FormBuilder(self)
        b.item_opening(translate("form", "施策"),  # singular in English
                       translate("ui", "施策名(&T)"), translate("ui", "例：デマンド交通の運行最適化"))
        b.row(translate("ui", "内容(&D)"), fields.text_edit(self, "description", translate("ui", "何をするか")))
        pillar_note = b.note("")
        b.row(translate("ui", "施策体系(&P)"), pillar_combo(self),
              translate("ui", "この施策が属するいちばん下の階層。施策体系は「施策体系」タブで作ります。"))
        b.row(translate("ui", "主管課 ◎(&O)"), fields.line_edit(self, "owner", translate("ui", "例：企画課")),
              translate("ui", "施策を主に担当する課。"))
        b.row(translate("ui", "連携課 ○"), v2_fields.cooperating(self),
              translate("ui", "連携して取り組む課を1行に1つ。"))
        b.row(translate("ui", "開始年度"), fields.fy_spin(self, "schedule.start_fy"))
        b.row(translate("ui", "終了年度"), fields.fy_spin(self, "schedule.end_fy"),
              translate("ui", "計画期間の中に収めてください。"))
        b.section(translate("ui", "対応する地域課題"))
        b.row(translate("ui", "課題(&I)"), link_list(self, "addresses", "issues"),
              translate("ui", "この施策が解決をめざす課題にチェックを付けます。"))
        b.section(translate("ui", "基本法の条項・重点分野"))
        b.row(translate("ui", "条項"), articles_grid(self),
              translate("ui", "◎は主に該当する条項、○は関連する条項です（計画書第5章の表になります）。"))
        b.row(translate("ui", "重点分野"), fields.check_set(self, "fields", "field", PriorityField, 4))
        b.section(translate("ui", "利用するデータ"))
        self.uses = UsesTable(self)
        b.outer.addWidget(self.uses)
        b.finish()
        # No 施策体系 yet: nothing to choose, and the note says where it is made.
        self.pillar_note = pillar_note
        self.fold(Fold(("pillar",), lambda m: bool(doc.plan.pillars) or m.pillar is not None,
                       lambda _m: translate(
                           "ui", "施策体系がまだないので選べません。「施策体系」タブで作ると"
                           "選べるようになります。"), pillar_note))
        for signal in (doc.item_added, doc.item_removed):
            signal.connect(self._on_pillars_changed)

    def _on_pillars_changed(self, kind: str, *_args: object) -> None:
        if kind == "pillars":
            self.apply_folds()
