"""Saving a hand-edited file keeps its comments beside the items they stood by (issue 11.7)."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from planner.files.paths import sample_plan_path, templates_dir
from planner.files.planfile import dumps_plan, load_document, load_plan, loads_plan, save_plan
from planner.io.comments import ORPHANS_HEADING, collect, restore

V1 = Path(__file__).parent / "data" / "v1"

COMMENTED = textwrap.dedent("""\
    # 〇〇市の計画（担当: 企画課）
    # 2026-02 改訂作業中
    schema_version: 2
    plan:
      title: 〇〇市官民データ活用推進計画  # 正式名称は議会で確定
      period: {start_fy: 2026, end_fy: 2030}
    issues:
      # 市民アンケートから
      - id: I-1
        title: 移動手段の確保
        evidence: "回答者の38%が #通院の足がない と回答"  # 2024年調査
    measures:
      - id: M-1
        title: デマンド交通
        addresses: [I-1]
        # データは運行事業者と協定を結んでから
        uses:
          - {data: D-1, flow: internal_use, purpose: within}
      # M-2 は来年度に検討
      - id: M-2
        title: 窓口改革
        description: |
          書かない窓口を導入する。
          # これはコメントではなく本文
    data_sources:
      - {id: D-1, title: 運行記録}
    kpis: []
    # 以上
    """)


def _comment_lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip().startswith("#")]


def test_comments_are_found_outside_text_only():
    comments = collect(COMMENTED)
    assert comments.count == 8
    flat = [c for block in comments.before.values() for c in block]
    assert "# これはコメントではなく本文" not in flat
    assert not any("通院" in c for c in flat)


def test_saving_keeps_every_comment_beside_its_item(tmp_path):
    path = tmp_path / "plan.yaml"
    path.write_text(COMMENTED, encoding="utf-8")
    plan = load_plan(path)
    plan.measures[0].title = "デマンド交通の運行最適化"
    plan.measures.insert(0, plan.measures.pop(1))  # reorder: comments move with their item
    save_plan(plan, path)
    text = path.read_text(encoding="utf-8")
    assert load_plan(path) == plan
    lines = text.splitlines()
    assert lines[:2] == ["# 〇〇市の計画（担当: 企画課）", "# 2026-02 改訂作業中"]

    def before(marker: str) -> str:
        return lines[next(i for i, line in enumerate(lines) if line.strip() == marker) - 1]

    assert before("- id: M-2").strip() == "# M-2 は来年度に検討"
    assert before("- id: I-1").strip() == "# 市民アンケートから"
    assert before("uses:").strip() == "# データは運行事業者と協定を結んでから"
    assert before("title: 〇〇市官民データ活用推進計画").strip() == "# 正式名称は議会で確定"
    assert lines[-1] == "# 以上"
    assert "# これはコメントではなく本文" in text and "#通院の足がない" in text
    # The two comments at line ends are now whole lines above them: 7 + 2.
    assert len(_comment_lines(text)) == len(_comment_lines(COMMENTED)) + 2


def test_a_comment_of_a_deleted_item_is_kept_at_the_end(tmp_path):
    path = tmp_path / "plan.yaml"
    path.write_text(COMMENTED, encoding="utf-8")
    plan = load_plan(path)
    del plan.measures[1]
    save_plan(plan, path)
    text = path.read_text(encoding="utf-8")
    assert ORPHANS_HEADING in text
    tail = text.split(ORPHANS_HEADING)[1]
    assert "# M-2 は来年度に検討" in tail
    assert load_plan(path) == plan


def test_a_file_without_comments_saves_exactly_as_dumped(tmp_path):
    path = tmp_path / "plan.yaml"
    plan = loads_plan(COMMENTED)
    path.write_text(dumps_plan(plan), encoding="utf-8")
    save_plan(plan, path)
    assert path.read_text(encoding="utf-8") == dumps_plan(plan)


@pytest.mark.parametrize("path", [*sorted(V1.glob("*.yaml")), sample_plan_path(),
                                  *sorted(templates_dir().glob("*/starter.yaml"))],
                         ids=lambda p: p.parent.name + "/" + p.name)
def test_shipped_and_v1_files_keep_all_their_comments_through_a_save(tmp_path, path):
    original = path.read_text(encoding="utf-8")
    target = tmp_path / "copy.yaml"
    target.write_text(original, encoding="utf-8")
    loaded = load_document(target)
    assert loaded.comment_lines == len(_comment_lines(original)) - original.startswith(
        "# yaml-language-server")
    save_plan(loaded.plan, target)
    saved = target.read_text(encoding="utf-8")
    assert sorted(_comment_lines(saved)) == sorted(_comment_lines(original))
    assert load_plan(target) == loaded.plan


def test_restore_without_comments_is_the_identity():
    text = dumps_plan(loads_plan(COMMENTED))
    assert restore(text, collect(text)) == text


def test_the_app_keeps_comments_when_it_saves_a_hand_edited_file(qtbot, tmp_path):
    """Through the real window: open, edit, Save — the comments are still there."""
    from planner.ui.commands import set_plan_field
    from tests.ui.helpers import open_window

    path = tmp_path / "plan.yaml"
    path.write_text(COMMENTED, encoding="utf-8")
    window = open_window(qtbot)
    assert window.files.open_path(path)
    window.doc.undo_stack.push(set_plan_field(window.doc, "title", "改訂版", merge=False))
    assert window.files.save()
    saved = path.read_text(encoding="utf-8")
    assert "title: 改訂版" in saved
    for comment in ("# 〇〇市の計画（担当: 企画課）", "# M-2 は来年度に検討", "# 以上",
                    "# データは運行事業者と協定を結んでから"):
        assert comment in saved
    assert load_plan(path).plan.title == "改訂版"
    window.close()


def test_a_byte_order_mark_does_not_hide_the_first_comment(tmp_path):
    path = tmp_path / "bom.yaml"
    path.write_bytes("\ufeff".encode() + COMMENTED.encode("utf-8"))
    loaded = load_document(path)
    assert loaded.comment_lines == collect(COMMENTED).count
    save_plan(loaded.plan, path)
    assert path.read_text(encoding="utf-8").startswith("# 〇〇市の計画（担当: 企画課）\n")


ITEMS_WITHOUT_IDS = textwrap.dedent("""\
    schema_version: 2
    plan:
      title: T
      period: {start_fy: 2026, end_fy: 2030}
    issues:
      - {id: I-1, title: a}
      - {id: I-2, title: b}
    measures:
      - id: M-1
        title: m
        addresses:
          # I-1 は仮
          - I-1
          - I-2
        uses:
          # 住基: 審議会諮問済み
          - {data: D-1, flow: internal_use, purpose: within}
          - {data: D-2, flow: internal_use, purpose: within}
          # 地図の二つ目の使い方
          - {data: D-2, flow: internal_use, purpose: within}
    data_sources:
      - {id: D-1, title: 住基}
      - {id: D-2, title: 地図}
    kpis: []
    """)


def test_deleting_an_item_without_id_never_moves_its_comment_onto_the_next(tmp_path):
    """Red team: list items without an id (uses, addresses, milestones …) were anchored by
    position, so deleting the first moved its comment onto the second — a note about 住基
    then stood above the use of the map."""
    path = tmp_path / "plan.yaml"
    path.write_text(ITEMS_WITHOUT_IDS, encoding="utf-8")
    plan = load_plan(path)
    measure = plan.measures[0]
    measure.addresses = ["I-2"]
    measure.uses = measure.uses[1:]
    save_plan(plan, path)
    text = path.read_text(encoding="utf-8")
    assert load_plan(path) == plan
    head, _, tail = text.partition(ORPHANS_HEADING)
    assert "# I-1 は仮" in tail and "# 住基: 審議会諮問済み" in tail
    assert "I-1 は仮" not in head and "住基" not in head.split("data_sources:")[0]
    # the repeated use keeps its own comment, above the second D-2 use, not the first
    uses = head.split("uses:")[1].split("data_sources:")[0]
    assert uses.index("# 地図の二つ目の使い方") > uses.index("data: D-2")


def test_editing_a_uses_flow_keeps_its_comment_beside_it(tmp_path):
    path = tmp_path / "plan.yaml"
    path.write_text(ITEMS_WITHOUT_IDS, encoding="utf-8")
    plan = load_plan(path)
    plan.measures[0].uses[0].flow = type(plan.measures[0].uses[0].flow)("provide_private")
    save_plan(plan, path)
    text = path.read_text(encoding="utf-8")
    assert ORPHANS_HEADING not in text
    assert "# 住基: 審議会諮問済み\n      - data: D-1\n        flow: provide_private" in text
