"""The plan's own facts (基本情報): title, municipality, period, and the chapter prose."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QPlainTextEdit, QToolButton, QVBoxLayout, QWidget

from planner.plan.example_text import chapters_with_examples, example_text
from planner.plan.model import PlanKind
from planner.ui.document import PLAN, PlanDocument
from planner.ui.editors import fields, v2_fields
from planner.ui.editors.binding import BoundForm
from planner.ui.editors.form_builder import FormBuilder
from planner.ui.editors.plan_date import PlanDateEdit
from planner.ui.i18n import translate


def section_titles() -> list[tuple[str, str, str]]:
    """(outline id, chapter title, what to write) of the six prose chapters."""
    return [
        ("current_state", translate("ui", "第1章 現状及び課題"),
         translate("ui", "自治体の人口・産業・デジタル化の現状を書きます。個々の地域課題は次のステップで登録します。")),
        ("purpose", translate("ui", "第2章 計画の目的"), translate("ui", "この計画で何をめざすか。")),
        ("positioning", translate("ui", "第3章 計画の位置付け"),
         translate("ui", "総合計画など他の計画との関係。計画期間と基本法第9条の記述は自動で入ります。")),
        ("organization", translate("ui", "第4章 推進体制"), translate("ui", "推進本部、CIO、各課の役割など。")),
        ("basic_policy", translate("ui", "第5章 施策の基本的な方針"),
         translate("ui", "方針の文章。条項ごとの施策の表は自動で作られます。")),
        ("security", translate("ui", "第7章 セキュリティ及び個人情報の適正な取扱い"),
         translate("ui", "情報セキュリティポリシー、個人情報の取扱いの考え方。")),
    ]


def _code(text: str) -> str | None:
    return text.strip() or None


class PlanForm(BoundForm):
    """基本情報: every field of ``plan:`` in the file."""

    def __init__(self, doc: PlanDocument) -> None:
        super().__init__(doc, PLAN)
        b = FormBuilder(self)
        b.section(translate("ui", "計画"))
        b.row(translate("ui", "計画の名称(&T)"), fields.line_edit(self, "title",
                                                      translate("ui", "例：〇〇市官民データ活用推進計画")))
        b.row(translate("ui", "自治体名(&M)"), fields.line_edit(self, "municipality", translate("ui", "例：〇〇市")))
        code = fields.line_edit(self, "municipality_code", "012025", parse=_code)
        code.setInputMask("")
        code.setMaxLength(6)
        b.row(translate("ui", "団体コード"), code, translate("ui", "全国地方公共団体コード（検査数字を含む6桁）。"))
        b.row(translate("ui", "区分(&K)"), fields.code_combo(self, "kind", "plan_kind", PlanKind))
        b.row(translate("ui", "計画期間 開始年度(&S)"), fields.fy_spin(self, "period.start_fy"))
        b.row(translate("ui", "計画期間 終了年度(&D)"), fields.fy_spin(self, "period.end_fy"),
              translate("ui", "年度は4月から翌年3月まで。和暦は自動で表示されます。"))
        b.row(translate("ui", "策定日"), PlanDateEdit(self, "adopted_on"),
              translate("ui", "月までしか分からないときは「年月のみ」を選びます。"))
        b.row(translate("ui", "版(&R)"), fields.line_edit(self, "version", translate("ui", "例：1")),
              translate("ui", "表紙に「第1版」のように印刷されます。初めて策定する計画は空欄でもかまいません。"))
        b.row(translate("ui", "所管課"), fields.line_edit(self, "department", translate("ui", "例：企画部企画課")),
              translate("ui", "表紙に印刷されます。"))
        b.row(translate("ui", "問い合わせ先"), fields.line_edit(
            self, "contact", translate("ui", "例：企画課 電話 0000-00-0000 kikaku@example.lg.jp")))
        self._context(b)
        b.section(translate("ui", "各章の本文"), labels_above=True)
        b.note(translate("ui", "第6章 個別施策と別表（KPI一覧・データ一覧）は、地域課題・施策・データ・KPIの"
                         "各ステップの内容から自動で作られます。空欄の章は、計画書では【未記入】と"
                         "示されます。標準的な文例は「例文を挿入」で入れ、自治体に合わせて直せます。"))
        self.example_buttons: dict[str, QToolButton] = {}
        with_examples = set(chapters_with_examples())
        for key, title, hint in section_titles():
            edit = fields.text_edit(self, f"sections.{key}", hint, 4)
            b.row(title, self._with_example(key, edit) if key in with_examples else edit)
        b.finish()

    def _context(self, b: FormBuilder) -> None:
        """関連計画, 策定経過, 用語集 and the chapters the outline lacks (schema v2)."""
        b.section(translate("ui", "関連計画・策定経過・用語集"), labels_above=True)
        b.row(translate("ui", "関連計画"), v2_fields.related_plans(self),
              translate("ui", "総合計画など、この計画が位置付けられる計画・兼ねる計画・整合を図る計画。"
                        "第3章に書かれます。"))
        b.row(translate("ui", "策定経過"), v2_fields.history(self),
              translate("ui", "年月日は 2026-02-10 または 2026-02（月まで）の形で入力します。"))
        b.row(translate("ui", "用語集"), v2_fields.glossary(self))
        b.row(translate("ui", "追加の章"), v2_fields.extra_sections(self),
              translate("ui", "はじめに・首長あいさつなど、ひな形にない章。「置く場所」の章の後に入ります。"))

    def _with_example(self, key: str, edit: QPlainTextEdit) -> QWidget:
        """The chapter's text field with a small 「例文を挿入」 button under it."""
        button = QToolButton()
        button.setText(translate("ui", "例文を挿入"))
        button.setToolTip(translate("ui", "標準的な文例をこの章に入れます。入れた文章は計画の文章として"
                                    "扱われるので、自治体の実情に合わせて直してください。"))
        button.clicked.connect(lambda: self.insert_example(key, edit))
        self.example_buttons[key] = button
        box = QWidget()
        col = QVBoxLayout(box)
        col.setContentsMargins(0, 0, 0, 0)
        col.setSpacing(2)
        col.addWidget(edit)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(button)
        col.addLayout(row)
        box.setFocusProxy(edit)
        return box

    def insert_example(self, key: str, edit: QPlainTextEdit) -> None:
        """Insert the 例文 deliberately: it replaces template text, else follows what is there."""
        from planner.checks.readiness import is_template_text

        text = example_text(key, self.doc.plan.plan, self.doc.plan.measures)
        if not text:
            return
        current = edit.toPlainText().strip()
        if current and not is_template_text(current):
            text = current + "\n\n" + text
        edit.setPlainText(text)
        binding = self.binding(f"sections.{key}")
        if binding is not None:
            binding.seal()
