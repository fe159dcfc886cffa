"""The one table of item kinds (planner.plan.model.ITEM_KINDS) and what reads it."""

from __future__ import annotations

import dataclasses

from planner.plan import model
from planner.plan.codec import plan_to_dict
from planner.plan.model import ITEM_KINDS, ItemKind, Pillar, Plan, kind_word


def test_every_item_list_of_the_plan_has_one_kind_in_file_order():
    lists = [f.name for f in dataclasses.fields(Plan) if f.name not in ("plan", "schema_version")]
    assert list(ItemKind) == lists == list(ITEM_KINDS)


def test_a_kind_knows_its_class_prefix_and_words():
    assert ItemKind.of(model.Measure("M-1", "t")) is ItemKind.MEASURE
    assert ItemKind.of(Pillar("P-1", "t")) is ItemKind.PILLAR
    assert ItemKind.of("M-1") is None
    assert ItemKind.from_key("data_sources") is ItemKind.DATA and ItemKind.from_key("plan") is None
    assert [k.prefix for k in ItemKind] == ["I", "P", "M", "D", "K"]
    assert (ItemKind.PILLAR.word(), ItemKind.DATA.word("en")) == ("施策体系", "data source")
    assert kind_word("nothing") == "項目" and kind_word(None, "en") == "item"
    assert all(ItemKind.of(k.cls("X-1", "t")) is k for k in ItemKind)


def test_the_file_lists_pillars_only_when_there_are_some_after_the_issues():
    plan = Plan()
    assert list(plan_to_dict(plan))[2:] == ["issues", "measures", "data_sources", "kpis"]
    plan.pillars = [Pillar("P-1", "基本目標")]
    assert list(plan_to_dict(plan))[2:] == [k.value for k in ItemKind]
