"""Stage 3, migrate: bring a file written for an older schema_version up to the current one.

Each step upgrades plain data from version N to N+1 and may leave notices: things the
user should confirm because the step had to choose (domain.md §2.4). Steps never remove
what the user wrote; a value they cannot place is left for the schema check to word.

v1 → v2: everything v1 holds keeps its meaning, except the category ``anonymized``, which
v2 splits. A source the municipality holds itself (``statutory``, ``self_collected``, or
no acquisition given) becomes ``administrative_anonymized`` (行政機関等匿名加工情報); one it
received becomes ``anonymized`` (匿名加工情報 received from a business). A quantitative
KPI's value written with its unit (``"38.6%"``) is split into value and unit where the
KPI has no other unit. v1's single ``open_data.standard_dataset`` is still a valid key
(the codec reads it as the first of ``standard_datasets``), so it is left as written.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from planner.plan.model import SCHEMA_VERSION


@dataclass(frozen=True)
class Notice:
    """Something a migration step changed that the user should confirm, at ``path``.

    The message does not name the item: the loader prefixes the item it lies in."""

    path: tuple[str | int, ...]
    message_ja: str
    message_en: str
    code: str = "migrated"


Step = Callable[[dict[str, Any], list[Notice]], dict[str, Any]]


class VersionError(Exception):
    """The file's schema_version cannot be handled: ``code`` is newer_version or unsupported_version."""

    def __init__(self, code: str, version: Any) -> None:
        super().__init__(f"{code}: {version}")
        self.code = code
        self.version = version


_HELD = frozenset({"statutory", "self_collected", None})
_RECEIVED = frozenset({"private_shared", "third_party_provided", "external_open"})


def _items(data: dict[str, Any], key: str) -> list[tuple[int, dict[str, Any]]]:
    items = data.get(key)
    if not isinstance(items, list):
        return []
    return [(i, item) for i, item in enumerate(items) if isinstance(item, dict)]


def _split_anonymized(data: dict[str, Any], notices: list[Notice]) -> None:
    for index, source in _items(data, "data_sources"):
        if source.get("category") != "anonymized":
            continue
        acquisition = source.get("acquisition")
        if acquisition in _HELD:
            source["category"] = "administrative_anonymized"
            ja_new, en_new = "行政機関等匿名加工情報（administrative_anonymized）", "administrative_anonymized"
            ja_why, en_why = "自治体が保有するデータなので", "the municipality holds it"
        elif acquisition in _RECEIVED:
            ja_new, en_new = "匿名加工情報（事業者から受領、anonymized）", "anonymized (received from a business)"
            ja_why, en_why = "外部から受け取るデータなので", "it is received from outside"
        else:
            continue  # an unknown acquisition code: the schema check reports it
        notices.append(Notice(
            ("data_sources", index, "category"),
            (f"旧形式の「匿名加工情報」は新しい形式で2つに分かれました。"
             f"{ja_why}「{ja_new}」としました。正しいか確認してください。"),
            (f"the old “anonymized” category is split in two; as "
             f"{en_why}, it is now “{en_new}”. Please confirm."),
            "confirm_category"))


# A number followed by a unit: "38.6%", "1,200人", "５０件" (full-width digits too).
_NUMBER_WITH_UNIT = re.compile(r"\s*([-+]?[0-9][0-9,]*(?:\.[0-9]+)?)\s*([^\s0-9][^0-9]*?)?\s*")


def _number_and_unit(text: str) -> tuple[int | float, str] | None:
    match = _NUMBER_WITH_UNIT.fullmatch(unicodedata.normalize("NFKC", text))
    if match is None or not match[2]:
        return None
    digits = match[1].replace(",", "")
    number: int | float = float(digits) if "." in digits else int(digits)
    return number, match[2]


def _kpi_values(kpi: dict[str, Any]) -> list[tuple[tuple[str | int, ...], dict[str, Any]]]:
    """Every mapping holding a ``value`` in a KPI, with its path inside the KPI."""
    found: list[tuple[tuple[str | int, ...], dict[str, Any]]] = [
        ((key,), kpi[key]) for key in ("baseline", "target") if isinstance(kpi.get(key), dict)]
    for key in ("milestones", "actuals"):
        for i, entry in enumerate(kpi.get(key) or []) if isinstance(kpi.get(key), list) else ():
            if isinstance(entry, dict):
                found.append(((key, i), entry))
    return found


def _split_units(data: dict[str, Any], notices: list[Notice]) -> None:
    for index, kpi in _items(data, "kpis"):
        if kpi.get("quantitative") is not True:
            continue
        for inner, holder in _kpi_values(kpi):
            value = holder.get("value")
            split = _number_and_unit(value) if isinstance(value, str) else None
            unit = kpi.get("unit")
            if split is None or (unit not in (None, "") and unit != split[1]):
                continue
            holder["value"], kpi["unit"] = split
            notices.append(Notice(
                ("kpis", index, *inner, "value"),
                (f"値「{value}」を数値 {split[0]} と単位「{split[1]}」（unit）に分けました。"
                 "単位は値に含めず unit に書きます。"),
                (f"the value “{value}” is now the number {split[0]} with the unit "
                 f"“{split[1]}”; units go in unit, not in values."),
                "split_unit"))


def v1_to_v2(data: dict[str, Any], notices: list[Notice]) -> dict[str, Any]:
    """Schema v1 → v2 (domain.md §2.4): split the anonymized category, units out of values."""
    _split_anonymized(data, notices)
    _split_units(data, notices)
    return data


#: Step from version N (the key) to N+1.
MIGRATIONS: dict[int, Step] = {1: v1_to_v2}


def migrate(data: dict[str, Any], *, current: int = SCHEMA_VERSION,
            steps: Mapping[int, Step] | None = None,
            notices: list[Notice] | None = None) -> dict[str, Any]:
    """``data`` upgraded to ``current``; VersionError if too new or with no path from it.

    What a step wants the user to confirm is appended to ``notices``.
    """
    steps = MIGRATIONS if steps is None else steps
    notices = [] if notices is None else notices
    version = data.get("schema_version")
    if type(version) is not int:
        return data  # wrong or missing: the schema check words that problem
    if version > current:
        raise VersionError("newer_version", version)
    while version < current:
        step = steps.get(version)
        if step is None:
            raise VersionError("unsupported_version", version)
        data = step(data, notices)
        version += 1
        data["schema_version"] = version
    return data
