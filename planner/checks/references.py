"""REF: references and ids that break the plan's own structure."""

from __future__ import annotations

from collections.abc import Iterator

from planner.checks import names
from planner.checks.finding import Severity
from planner.checks.registry import Hit, rule
from planner.plan.graph import Dangling, PlanGraph
from planner.plan.model import ItemKind

#: What the reference is called on the form, by the field that holds it.
_REF_JA = {"addresses": "対応する地域課題", "uses": "利用するデータ", "measures": "評価する施策",
           "source": "出典データ", "pillar": "施策体系", "parent": "上位の項目"}
_REF_EN = {"addresses": "issues addressed", "uses": "data used", "measures": "measures evaluated",
           "source": "source data", "pillar": "pillar", "parent": "parent pillar"}

_GUIDE_JA = "計画の内部整合性（課題・施策・データ・KPIの対応関係）"
_GUIDE_EN = "Internal consistency of the plan (issue–measure–data–KPI links)"


def _kind(kind: ItemKind) -> tuple[str, str]:
    """What a node kind is called, in Japanese and English."""
    return kind.word(), kind.word("en")


def _ref_name(d: Dangling) -> tuple[str, str]:
    key = d.field.split("[")[0].split(".")[0]
    return _REF_JA.get(key, d.field), _REF_EN.get(key, d.field)


@rule("REF001", Severity.ERROR,
      title_ja="存在しないIDを参照している（対応する地域課題、利用するデータ、評価する施策、出典データ）",
      title_en="A reference names an id that does not exist (addresses, uses.data, "
               "kpis.measures, kpis.source)",
      reference_ja=_GUIDE_JA, reference_en=_GUIDE_EN,
      fix_ja="参照先のIDを正しいものに直すか、参照先の項目を追加するか、参照を削除してください。",
      fix_en="Correct the id, add the missing item, or remove the reference.")
def broken_reference(g: PlanGraph) -> Iterator[Hit]:
    """References to ids that do not exist, or that name an item of another kind."""
    for d in g.dangling:
        ref_ja, ref_en = _ref_name(d)
        want_ja, want_en = _kind(d.expected)
        if d.actual is None:
            why_ja = f"ID「{d.target}」の{want_ja}は計画にありません"
            why_en = f'no {want_en} has the id "{d.target}"'
        else:
            is_ja, is_en = _kind(d.actual)
            why_ja = f"「{d.target}」は{is_ja}のIDで、{want_ja}ではありません"
            why_en = f'"{d.target}" is the id of a {is_en}, not of a {want_en}'
        yield Hit(
            (d.item.id, d.target),
            f"{names.ja(d.item)}の「{ref_ja}」が「{d.target}」を参照していますが、{why_ja}。",
            f'{names.en(d.item)} refers to "{d.target}" under {ref_en}, but {why_en}.',
            f"「{ref_ja}」で正しい{want_ja}を選び直してください。"
            f"まだ作っていない{want_ja}なら、先に追加してください。",
            f"Choose an existing {want_en} under {ref_en}, or add the {want_en} first.",
            field=d.field,
        )


@rule("REF002", Severity.ERROR,
      title_ja="同じIDが複数の項目で使われている",
      title_en="The same id is used twice",
      reference_ja=_GUIDE_JA + "（IDはファイル全体で一意）",
      reference_en=_GUIDE_EN + " (ids are unique across the file)",
      fix_ja="どちらかの項目に新しいIDを付け、参照しているところも合わせて直してください。",
      fix_en="Give one of the items a new id and update the references to it.")
def duplicate_id(g: PlanGraph) -> Iterator[Hit]:
    """Ids defined more than once anywhere in the file."""
    for item_id, places in g.duplicates().items():
        where_ja = names.join_ja([names.ja(o.item) for o in places])
        where_en = names.join_en([names.en(o.item) for o in places])
        yield Hit(
            (item_id,),
            f"ID「{item_id}」が{len(places)}つの項目で使われています（{where_ja}）。"
            "参照がどの項目を指すのか決まりません。",
            f'The id "{item_id}" is used by {len(places)} items ({where_en}); '
            "references to it are ambiguous.",
            f"2つ目以降の項目に別のID（例: {item_id}-2）を付け、"
            "その項目を参照すべき箇所を新しいIDに直してください。",
            f'Give the later item(s) a new id (e.g. "{item_id}-2") and point the references '
            "meant for them at the new id.",
            field="id",
        )
