"""How findings name items: 施策『デマンド交通の運行最適化』（M-1） / measure "…" (M-1)."""

from __future__ import annotations

from planner.plan import vocab
from planner.plan.model import DataSource, Issue, ItemKind, Kpi, Measure, Pillar, kind_word


def kind_label(item: object, lang: str = "ja") -> str:
    """地域課題 / 施策 / データ / KPI for the item's class (``planner.plan.model.ITEM_KINDS``)."""
    return kind_word(ItemKind.of(item), lang)


def ja(item: Issue | Pillar | Measure | DataSource | Kpi) -> str:
    """The item as a Japanese reviewer names it: 施策『タイトル』（M-1）."""
    title = f"『{item.title}』" if item.title else ""
    return f"{kind_label(item)}{title}（{item.id}）"


def en(item: Issue | Pillar | Measure | DataSource | Kpi) -> str:
    """The item named in English: measure "title" (M-1)."""
    title = f' "{item.title}"' if item.title else ""
    return f"{kind_label(item, 'en')}{title} ({item.id})"


def category_ja(data: DataSource) -> str:
    """The data source's category label, or データ when not set."""
    return vocab.label("category", data.category) or "データ"


def category_en(data: DataSource) -> str:
    """The data source's category label in English (lower-cased for running text)."""
    text = vocab.label("category", data.category, "en") or "data"
    return text[0].lower() + text[1:]


def join_ja(parts: list[str]) -> str:
    """Japanese enumeration with 、."""
    return "、".join(parts)


def join_en(parts: list[str]) -> str:
    """English enumeration with commas."""
    return ", ".join(parts)


def bare_ja(item: Issue | Measure | DataSource | Kpi) -> str:
    """『タイトル』（ID） without the kind, for phrases that name the kind themselves."""
    return (f"『{item.title}』" if item.title else "") + f"（{item.id}）"


def bare_en(item: Issue | Measure | DataSource | Kpi) -> str:
    """"title" (ID) without the kind."""
    return (f'"{item.title}" ' if item.title else "") + f"({item.id})"


def data_ja(data: DataSource) -> str:
    """A data source named with its category: 要配慮個人情報『…』（D-1）."""
    return category_ja(data) + bare_ja(data)


def data_en(data: DataSource) -> str:
    """A data source named with its category: special-care personal information "…" (D-1)."""
    return f"{category_en(data)} {bare_en(data)}"
