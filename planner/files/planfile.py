"""Reading and writing plan files (YAML, UTF-8, schema_version 2; version 1 is still read).

Loading runs in stages, each refusing only what it can see (domain.md §2: an incomplete
plan loads; only malformed files are refused):

1. read — bytes from disk; too large, missing, a folder, not UTF-8 (io/reading.py)
2. parse — safe YAML to plain data; syntax, tags, anchors, duplicate keys (io/yamlparse.py)
3. migrate — schema_version: newer than supported is refused, older is upgraded in memory
   (io/migrate.py); ``LoadedPlan.migrated_from`` and ``.notices`` say so, so the app can
   tell the user before the first save writes the new version. Reading never writes.
4. validate — against plan_schema/plan.schema.json; types, codes, unknown keys (io/schema.py);
   then the 施策体系 is a tree of at most 3 levels (io/structure.py)
5. build — plain data to model dataclasses (codec.py)

Every problem a stage finds is reported at once (up to MAX_PROBLEMS) with file, line and
column, in PlanFileError. Saving is in io/writing.py: deterministic YAML, atomic replace,
backups.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from planner.io.comments import Comments, collect, restore
from planner.io.items import name_items
from planner.io.messages import violation_problem
from planner.io.migrate import Notice, VersionError, migrate
from planner.io.problems import MAX_PROBLEMS, SEARCH_LIMIT, PlanFileError, Problem, capped
from planner.io.reading import MAX_BYTES, decode, read_file
from planner.io.schema import validate
from planner.io.structure import pillar_problems
from planner.io.writing import ANY, SaveError, atomic_write, dump_yaml
from planner.io.yamlparse import Parsed, item_lines, parse, position
from planner.plan.codec import plan_from_dict, plan_to_dict
from planner.plan.model import SCHEMA_VERSION, ItemKind, Plan

__all__ = [
    "MAX_PROBLEMS", "SUPPORTED_SCHEMA_VERSION", "LoadedPlan", "PlanFileError", "Problem",
    "SaveError", "dumps_plan", "dumps_plan_compact", "load_document", "load_plan", "loads_document",
    "loads_plan", "save_plan",
]

#: The newest schema_version this planner reads and the one it writes.
SUPPORTED_SCHEMA_VERSION = SCHEMA_VERSION

#: The comment that tells a YAML language server which schema to use; kept across saves.
MODELINE_PREFIX = "# yaml-language-server:"


@dataclass
class LoadedPlan:
    """A plan with where it came from: ``locations`` maps item ids to 1-based lines.

    ``migrated_from`` is the file's older schema_version when it was upgraded on loading
    (None when the file is current): saving will write SUPPORTED_SCHEMA_VERSION, so the
    app says so before the first save. ``notices`` are what the upgrade asks the user to
    confirm, located in the file (the first one says that the file was upgraded).
    """

    plan: Plan
    path: Path | None = None
    locations: dict[str, int] = field(default_factory=dict)
    migrated_from: int | None = None
    notices: list[Problem] = field(default_factory=list)
    #: Comment lines in the file (the yaml-language-server line excluded). Saving keeps
    #: them beside their items (io/comments.py); the app may say so before the first save.
    comment_lines: int = 0

    @property
    def migrated(self) -> bool:
        """True when saving will write a newer schema_version than the file has."""
        return self.migrated_from is not None


def _fail(parsed: Parsed, problems: list[Problem]) -> PlanFileError:
    """Parse problems plus schema problems, dropping schema echoes at the same place; each
    reported problem inside an item names it (done here, so only failing loads pay)."""
    seen = {(p.line, p.column) for p in parsed.problems}
    rest = [p for p in problems if (p.line, p.column) not in seen]
    return PlanFileError(name_items(capped([*parsed.problems, *rest]), parsed.root))


def _version_problem(err: VersionError, parsed: Parsed) -> Problem:
    line, column = position(parsed.root, ("schema_version",))
    if err.code == "newer_version":
        ja = (f"この計画ファイルは新しい版の planner で作られています（schema_version {err.version}、"
              f"この planner は {SUPPORTED_SCHEMA_VERSION} まで）。planner を更新してから開いてください。")
        en = (f"This plan was made by a newer planner (schema_version {err.version}; this planner "
              f"reads up to {SUPPORTED_SCHEMA_VERSION}). Update planner to open it.")
    else:
        ja = (f"schema_version {err.version} の計画ファイルには対応していません"
              f"（対応: 1〜{SUPPORTED_SCHEMA_VERSION}）。schema_version を確認してください。")
        en = (f"schema_version {err.version} is not supported (supported: 1 to "
              f"{SUPPORTED_SCHEMA_VERSION}). Check schema_version.")
    return Problem(parsed.filename, line, column, ja, en, err.code)


def _migration_notices(parsed: Parsed, version: int, notices: list[Notice]) -> list[Problem]:
    line, column = position(parsed.root, ("schema_version",))
    first = Problem(
        parsed.filename, line, column,
        (f"この計画ファイルは以前の形式（schema_version {version}）で書かれています。読み込むときに新しい形式"
         f"（{SUPPORTED_SCHEMA_VERSION}）に変換しました。保存すると新しい形式で書き込まれ、以前の planner では"
         "開けなくなります。"),
        (f"This plan file is in an older format (schema_version {version}); it was converted to "
         f"version {SUPPORTED_SCHEMA_VERSION} on loading. Saving writes the new version, which older "
         "planners cannot open."), "migrated")
    located = []
    for notice in notices:
        line, column = position(parsed.root, notice.path)
        located.append(Problem(parsed.filename, line, column, notice.message_ja, notice.message_en,
                               notice.code))
    return [first, *name_items(located, parsed.root)]


def _structure_problems(parsed: Parsed, data: dict[str, Any]) -> list[Problem]:
    """The 施策体系 must be a tree of at most three levels (io/structure.py)."""
    problems = []
    for path, ja, en, code in pillar_problems(data):
        line, column = position(parsed.root, path)
        problems.append(Problem(parsed.filename, line, column, ja, en, code))
    return problems


class _Checked:
    """What the checking stages give: the parse, the valid data and the migration's notices."""

    def __init__(self, parsed: Parsed, data: dict[str, Any], migrated_from: int | None,
                 notices: list[Problem]) -> None:
        self.parsed, self.data = parsed, data
        self.migrated_from, self.notices = migrated_from, notices


def _parse_and_check(text: str | bytes, filename: str) -> tuple[Parsed, dict[str, Any]]:
    """Stages decode → parse → migrate → validate; raises PlanFileError listing every problem."""
    checked = _check(text, filename)
    return checked.parsed, checked.data


def _check(text: str | bytes, filename: str) -> _Checked:
    """Stages decode → parse → migrate → validate; raises PlanFileError listing every problem."""
    if isinstance(text, bytes):
        text = decode(text, filename)
    elif text.startswith("\ufeff"):
        text = text[1:]
    parsed = parse(text, filename)
    if parsed.fatal:
        raise _fail(parsed, [])
    if parsed.root is None:
        raise PlanFileError([Problem(
            filename, None, None,
            "ファイルが空です。「planner new」で新しい計画を作るか、「schema_version: 2」と「plan:」の行を書いてください。",
            "The file is empty. Start a plan with “planner new”, or write “schema_version: 2” "
            "and “plan:” lines.", "empty")])
    data = parsed.data
    version = data.get("schema_version") if isinstance(data, dict) else None
    notices: list[Notice] = []
    if isinstance(data, dict):
        try:
            data = migrate(data, notices=notices)
        except VersionError as err:
            raise _fail(parsed, [_version_problem(err, parsed)]) from None
    limit = max(1, SEARCH_LIMIT - len(parsed.problems))
    problems = [violation_problem(v, parsed.root, filename) for v in validate(data, limit)]
    if not problems and not parsed.problems:
        problems = _structure_problems(parsed, data)
    if problems or parsed.problems:
        raise _fail(parsed, problems)
    if type(version) is int and version < SUPPORTED_SCHEMA_VERSION:
        return _Checked(parsed, data, version, _migration_notices(parsed, version, notices))
    return _Checked(parsed, data, None, [])


def loads_plan(text: str | bytes, filename: str = "<string>") -> Plan:
    """Parse a plan from text or bytes; raise PlanFileError if it cannot be used."""
    _, data = _parse_and_check(text, filename)
    return plan_from_dict(data)


def load_plan(path: str | Path) -> Plan:
    """Load the plan file at ``path``."""
    return loads_plan(read_file(path), str(path))


def loads_document(text: str | bytes, filename: str = "<string>") -> LoadedPlan:
    """Parse a plan with the line of each item and what migrating it changed (nothing is
    written: a file in an older format stays as it is until the user saves)."""
    checked = _check(text, filename)
    locations = item_lines(checked.parsed.root, tuple(ItemKind))
    source = (text.decode("utf-8-sig") if isinstance(text, bytes) else text).removeprefix("\ufeff")
    comments = collect(source, skip_first_line=source.startswith(MODELINE_PREFIX),
                       root=checked.parsed.root)
    return LoadedPlan(plan_from_dict(checked.data), None, locations, checked.migrated_from,
                      checked.notices, comments.count)


def load_document(path: str | Path) -> LoadedPlan:
    """Load ``path`` keeping the line of each item, for messages that point into the file."""
    loaded = loads_document(read_file(path), str(path))
    loaded.path = Path(path)
    return loaded


def dumps_plan(plan: Plan) -> str:
    """The plan as deterministic, readable YAML (the same plan always gives the same text)."""
    return dump_yaml(plan_to_dict(plan))


def dumps_plan_compact(plan: Plan) -> str:
    """The plan as one-line JSON, which is also YAML that ``loads_plan`` reads back.

    For machine copies (recovery): ~20× faster than the readable form on a prefecture
    plan, so an autosave on the GUI thread never stalls typing.
    """
    return json.dumps(plan_to_dict(plan), ensure_ascii=False, separators=(",", ":"))


def _modeline(path: Path) -> str | None:
    """The yaml-language-server comment on the first line of the file being replaced."""
    try:
        with open(path, encoding="utf-8-sig") as fh:
            first = fh.readline(4096).rstrip("\r\n")
    except (OSError, UnicodeDecodeError):
        return None
    return first if first.startswith(MODELINE_PREFIX) else None


def _old_comments(path: Path) -> Comments:
    """The comments of the file at ``path`` (none if it is missing, too big or unreadable)."""
    try:
        if path.stat().st_size > MAX_BYTES:
            return Comments()
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError):
        return Comments()
    return collect(text, skip_first_line=text.startswith(MODELINE_PREFIX))


def _with_comments(text: str, comments: Comments, plan: Plan, path: Path) -> str:
    """``text`` with the old file's comments put back, if it still reads as ``plan``."""
    if not comments:
        return text
    kept = restore(text, comments)
    try:
        if loads_plan(kept, str(path)) == plan:
            return kept
    except PlanFileError:
        pass
    return text  # never trade the plan for a comment: save without them


def save_plan(plan: Plan, path: str | Path, *, backups: int = 1,
              backup_dir: Path | None = None, expected_sha256: str | None = ANY,
              comments_from: str | Path | bool | None = None) -> bytes:
    """Write the plan to ``path`` atomically, keeping the last ``backups`` old versions;
    return the bytes written (so a caller can stamp the file without reading it back).

    With ``expected_sha256`` (the digest of the file as opened; None for "no file"), a
    file that is anything else at the moment of the replace is left alone and
    ``planner.files.locking.FileChangedError`` raised: a concurrent write is reported, not lost.

    Comments of the file being replaced (or of ``comments_from``, the file the plan was
    opened from, for Save As) are kept beside the items they stood by (io/comments.py).
    ``comments_from=False``: the plan comes from no file (a new plan), so keep none — the
    comments of an unrelated file it replaces would stand beside the wrong items.

    The text is read back before anything is written: a plan that would not load again
    is refused with SaveError, so a save can never produce a file planner cannot open.
    """
    path = Path(path)
    text = dumps_plan(plan)
    try:
        again = loads_plan(text, str(path))
    except PlanFileError as exc:
        raise SaveError(f"{path}: 計画に保存できない値があるため保存しませんでした。\n{exc.message_ja}",
                        f"{path}: The plan holds values that cannot be saved; nothing was "
                        f"written.\n{exc.message_en}") from None
    if again != plan:
        raise SaveError(f"{path}: 保存内容を読み戻すと元の計画と一致しないため保存しませんでした（不具合です。報告してください）。",
                        f"{path}: The saved text does not read back as the same plan; "
                        "nothing was written (a bug; please report it).")
    if comments_from is False:
        modeline = None
    else:
        source = path if comments_from is None or comments_from is True else Path(comments_from)
        text = _with_comments(text, _old_comments(source), plan, path)
        modeline = _modeline(source)
    if modeline:
        text = f"{modeline}\n{text}"
    atomic_write(path, text, backups=backups, backup_dir=backup_dir,
                 expected_sha256=expected_sha256)
    return text.encode("utf-8")
