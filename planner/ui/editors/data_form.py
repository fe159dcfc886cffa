"""The form of a data source (データ), with its open-data plan as a group."""

from __future__ import annotations

from planner.plan import vocab
from planner.plan.model import (
    Acquisition,
    Category,
    DataFormat,
    Integrity,
    LegalBasis,
    License,
    SafetyMeasure,
    UpdateFrequency,
)
from planner.ui.document import PlanDocument
from planner.ui.editors import fields, v2_fields
from planner.ui.editors.binding import BoundForm, Fold
from planner.ui.editors.form_builder import FormBuilder
from planner.ui.i18n import fill, lang, translate


def _tags(text: str) -> list[str]:
    return [t.strip() for t in text.replace("、", ",").split(",") if t.strip()]



class DataForm(BoundForm):
    """データ: where it comes from, what kind, who holds it, how it is protected and opened."""

    def __init__(self, doc: PlanDocument) -> None:
        super().__init__(doc, "data_sources")
        b = FormBuilder(self)
        b.item_opening(translate("form", "データ"),  # singular in English
                       translate("ui", "データ名(&T)"), translate("ui", "例：住民基本台帳"))
        b.row(translate("ui", "取得経路(&A)"), fields.code_combo(self, "acquisition", "acquisition", Acquisition))
        b.row(translate("ui", "種類(&C)"), fields.code_combo(self, "category", "category", Category))
        b.row(translate("ui", "保有課(&O)"), fields.line_edit(self, "holder", translate("ui", "例：市民課")))
        b.row(translate("ui", "保有目的"), fields.line_edit(self, "original_purpose",
                                                translate("ui", "例：住民の居住関係の公証")),
              translate("ui", "このデータを取得・保有している本来の目的。目的外利用かどうかの判断基準です。"))
        b.row(translate("ui", "形式(&R)"), fields.code_combo(self, "format", "format", DataFormat))
        b.row(translate("ui", "更新頻度"), fields.code_combo(self, "update_frequency", "update_frequency",
                                                 UpdateFrequency))
        b.section(translate("ui", "個人情報の取扱い"))
        self.personal_note = b.note("")
        b.row(translate("ui", "保存期間"), fields.line_edit(self, "retention", translate("ui", "例：5年")),
              translate("ui", "個人情報を含むデータでは必ず定めます（保存期間の制限）。"))
        b.row(translate("ui", "安全管理措置"), fields.check_set(self, "safety_measures", "safety_measure",
                                                    SafetyMeasure, 2))
        b.row(translate("ui", "保有・受領の法的根拠"), fields.code_combo(self, "legal_basis", "legal_basis",
                                                             LegalBasis, translate("ui", "（なし）")))
        b.row(translate("ui", "協定・契約"), fields.line_edit(self, "agreement", translate("ui", "例：データ連携協定")),
              translate("ui", "民間との共同利用・第三者からの提供・民間への提供では、協定や契約の名称を書きます。"))
        b.row(translate("ui", "本人同意"), fields.line_edit(self, "consent", translate("ui", "例：申請書で同意を取得")))
        b.row(translate("ui", "最小セル数"), fields.int_spin(self, "min_cell_size", 10**6),
              translate("ui", "統計情報を公開するとき、最も小さい集計区分の人数。3未満は個人の特定につながります。"))
        b.section(translate("ui", "オープンデータとして公開する計画"))
        self.open_note = b.note("")
        b.row(translate("ui", "公開"), fields.choice_combo(self, "open_data.publish", [
            (translate("ui", "（未定）"), None), (translate("ui", "公開する"), True), (translate("ui", "公開しない"), False)]))
        b.row(translate("ui", "ライセンス"), fields.code_combo(self, "open_data.license", "license", License))
        b.row(translate("ui", "公開形式"), fields.code_combo(self, "open_data.format", "format", DataFormat))
        b.row(translate("ui", "料金（円）"), fields.int_spin(self, "open_data.fee", 10**7),
              translate("ui", "オープンデータは無償です（0円）。"))
        b.row(translate("ui", "URL"), fields.line_edit(self, "open_data.url", "https://"))
        b.row(translate("ui", "タグ"), fields.line_edit(self, "open_data.tags", translate("ui", "例：防災、避難所"),
                                            parse=_tags, show=lambda v: "、".join(v or [])))
        b.row(translate("ui", "標準データセット"), v2_fields.standard_datasets(self),
              translate("ui", "自治体標準オープンデータセットに当たるものにチェックを付けます（カタログはいくつでも）。"))
        b.row(translate("ui", "データセット数"), fields.int_spin(self, "open_data.dataset_count", 10**6),
              translate("ui", "このデータが公開カタログ全体を表すとき、公開しているデータセットの数。"))
        b.row(translate("ui", "改ざん対策"), fields.code_combo(self, "open_data.integrity", "integrity",
                                                   Integrity))
        b.finish()
        self._folds()

    # -- fields that do not apply ---------------------------------------------------------
    # Why: after 非パーソナルデータ the whole personal-information section, and after
    # 公開しない the licence, URL and 改ざん対策, stayed open to typing. They are disabled
    # with a one-line reason instead; what was entered stays in the plan (and in the file),
    # and comes back when the choice changes back.
    PERSONAL_ONLY = ("retention", "safety_measures", "consent")
    STATISTICAL_ONLY = ("min_cell_size",)
    PUBLISHED_ONLY = ("open_data.license", "open_data.format", "open_data.fee",
                      "open_data.url", "open_data.tags", "open_data.standard_datasets",
                      "open_data.dataset_count", "open_data.integrity")

    def _folds(self) -> None:
        self.fold(Fold(self.PERSONAL_ONLY,
                       lambda s: s.category is None or s.is_personal,
                       lambda s: fill(translate(
                           "ui", "「%1」なので、保存期間・安全管理措置・本人同意の欄は使いません"
                           "（入力した内容は消えずに残ります）。"), vocab.label("category", s.category, lang())),
                       self.personal_note))
        self.fold(Fold(self.STATISTICAL_ONLY,
                       lambda s: s.category is None or s.category == Category.STATISTICAL,
                       lambda _s: ""))
        self.fold(Fold(self.PUBLISHED_ONLY,
                       lambda s: getattr(s.open_data, "publish", None) is not False,
                       lambda _s: translate(
                           "ui", "「公開しない」ので、ライセンスから改ざん対策までの欄は使いません"
                           "（入力した内容は消えずに残り、「公開する」に戻すと使えます）。"),
                       self.open_note))
