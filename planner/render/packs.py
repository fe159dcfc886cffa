"""Template packs: a folder with pack.yaml, a Word reference file and section text templates.

A consultant restyles the document by editing ``reference.docx`` in Word and rewords it by
editing ``sections/*.md.j2``; no code. Built-in packs live in ``templates/``; user packs in
the application-data folder (``planner.appdirs.user_templates_dir``) or anywhere by path.
Templates run in jinja2's ImmutableSandboxedEnvironment with StrictUndefined.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

import jinja2
import yaml
from jinja2.exceptions import SecurityError
from jinja2.sandbox import MAX_RANGE, ImmutableSandboxedEnvironment

from planner.appdirs import user_templates_dir
from planner.errors import PlannerError
from planner.paths import templates_dir
from planner.render.text import finalize

MANIFEST = "pack.yaml"
DEFAULT_PACK = "municipal"
_ORIGIN_LABELS = {
    "builtin": ("組み込み", "built-in"),
    "user": ("ユーザー", "user"),
    "path": ("フォルダ指定", "by path"),
}
_KEYS = {"name", "title", "description", "version", "language", "reference", "starter"}
#: Largest string or list a template may build with ``*`` (characters or items).
MAX_REPEAT = 5_000_000
#: Largest exponent a template may use with ``**``.
MAX_EXPONENT = 4096


def _safe_range(*args: int) -> range:
    """jinja's range limit, raised as a SecurityError so every layer sees a refusal."""
    rng = range(*args)
    if len(rng) > MAX_RANGE:
        raise SecurityError(f"range too large ({len(rng)} items; at most {MAX_RANGE})")
    return rng


class PackEnvironment(ImmutableSandboxedEnvironment):
    """jinja's immutable sandbox, with ``*`` and ``**`` size-checked before they allocate.

    ``'a' * 10**10`` or ``9 ** 999999999`` would otherwise exhaust memory or CPU inside
    the sandbox itself; here they fail at once, in-process (built-in packs) and in the
    sandbox child (everyone else's) alike.
    """

    # Intercepted operators are also exempt from compile-time constant folding, which
    # would otherwise compute ``9 ** 999999999`` while merely compiling the template.
    intercepted_binops = frozenset({"*", "**"})

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.globals["range"] = _safe_range

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        """Refuse a repetition or power too large to compute, then do the operation."""
        if operator == "*":
            for seq, n in ((left, right), (right, left)):
                sized = isinstance(seq, str | list | tuple) and isinstance(n, int)
                if sized and len(seq) * n > MAX_REPEAT:
                    raise SecurityError(f"repetition too large ({len(seq)} × {n})")
        if operator == "**" and isinstance(right, int) and abs(right) > MAX_EXPONENT:
            raise SecurityError(f"exponent too large ({right})")
        return super().call_binop(context, operator, left, right)


class PackError(PlannerError):
    """A template pack cannot be found, read or rendered."""


@dataclass(frozen=True)
class Pack:
    """One template pack as its manifest describes it."""

    name: str
    path: Path
    titles: dict[str, str]
    descriptions: dict[str, str]
    version: str
    language: str
    origin: str  # builtin | user | path
    reference_name: str = "reference.docx"
    starter_name: str = "starter.yaml"

    def title(self, lang: str = "ja") -> str:
        """The pack's display name in ``lang``."""
        return self.titles.get(lang) or self.titles.get("ja") or self.name

    def description(self, lang: str = "ja") -> str:
        """What the pack is for, in ``lang``."""
        return self.descriptions.get(lang) or self.descriptions.get("ja") or ""

    def origin_label(self, lang: str = "ja") -> str:
        """組み込み / ユーザー / フォルダ指定 (built-in / user / by path)."""
        ja, en = _ORIGIN_LABELS[self.origin]
        return en if lang == "en" else ja

    @property
    def starter_plan_path(self) -> Path:
        """The plan ``planner new --template NAME`` starts from (falls back to municipal's)."""
        own = self.path / self.starter_name
        return own if own.is_file() else _builtin_dir() / DEFAULT_PACK / "starter.yaml"

    @property
    def reference_docx(self) -> Path:
        """The Word file carrying styles, cover, headers/footers and logo."""
        own = self.path / self.reference_name
        return own if own.is_file() else _builtin_dir() / DEFAULT_PACK / "reference.docx"

    @cached_property
    def environment(self) -> jinja2.Environment:
        """The sandbox the pack's section templates run in (own files first, then municipal)."""
        dirs = [self.path / "sections", _builtin_dir() / DEFAULT_PACK / "sections"]
        return PackEnvironment(
            loader=jinja2.FileSystemLoader([str(d) for d in dirs if d.is_dir()], encoding="utf-8"),
            undefined=jinja2.StrictUndefined,
            finalize=finalize,
            autoescape=False,
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=True,
        )

    def render_section(self, section_id: str, context: dict[str, Any]) -> str:
        """Render ``sections/<section_id>.md.j2``; a PackError names the file and line."""
        name = f"{section_id}.md.j2"
        try:
            return self.environment.get_template(name).render(context)
        except jinja2.TemplateNotFound as exc:
            if exc.name == name:  # the section's own file, not something it includes
                raise PackError(
                    f"テンプレートパック「{self.name}」にセクションのテンプレート {name} がありません。",
                    f"Template pack '{self.name}' has no section template {name}.",
                ) from None
            raise template_error(exc, self, name) from exc  # an include/import inside it
        except Exception as exc:  # any template failure is the template's fault
            raise template_error(exc, self, name) from exc


def template_error(exc: BaseException, pack: Pack, name: str) -> PackError:
    """A clear message naming the template file and line that failed."""
    filename, line = _template_location(exc, name)
    where = f"{filename}:{line}" if line else filename
    if isinstance(exc, jinja2.TemplateNotFound):
        missing = exc.name
        return PackError(
            f"{where}: テンプレートが読み込もうとした「{missing}」はパックにありません。"
            f"パック「{pack.name}」の該当行を直してください。",
            f"{where}: the template asks for '{missing}', which is not a file of the pack. "
            f"Fix that line of pack '{pack.name}'.",
        )
    reason = getattr(exc, "message", None) or str(exc) or type(exc).__name__
    return PackError(
        f"{where}: テンプレートの誤りです（{reason}）。パック「{pack.name}」の該当行を直してください。",
        f"{where}: template error ({reason}). Fix that line of pack '{pack.name}'.",
    )


def _template_location(exc: BaseException, name: str) -> tuple[str, int | None]:
    if isinstance(exc, jinja2.TemplateSyntaxError):
        return exc.filename or name, exc.lineno
    tb = exc.__traceback__
    found: tuple[str, int | None] = (name, None)
    while tb is not None:  # jinja maps template frames to the .j2 file and line
        code = tb.tb_frame.f_code
        if code.co_filename.endswith(".j2"):
            found = (code.co_filename, tb.tb_lineno)
        tb = tb.tb_next
    return found


def _builtin_dir() -> Path:
    return templates_dir()


def _text_map(value: Any, key: str, manifest: Path) -> dict[str, str]:
    if value is None:
        return {}
    if isinstance(value, str):
        return {"ja": value, "en": value}
    if isinstance(value, dict) and all(isinstance(v, str) for v in value.values()):
        return {str(k): v for k, v in value.items()}
    raise _bad_manifest(manifest, f"{key} は文字列か {{ja: …, en: …}} にしてください",
                        f"{key} must be a string or {{ja: …, en: …}}")


def _bad_manifest(manifest: Path, ja: str, en: str) -> PackError:
    return PackError(f"{manifest}: {ja}。", f"{manifest}: {en}.")


def load_pack(folder: Path, origin: str) -> Pack:
    """Read the pack in ``folder``; PackError when its manifest is missing or malformed."""
    manifest = folder / MANIFEST
    try:
        data = yaml.safe_load(manifest.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise PackError(f"{folder}: テンプレートパックではありません（{MANIFEST} がありません）。",
                        f"{folder}: not a template pack (no {MANIFEST}).") from None
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise _bad_manifest(manifest, f"読み込めません（{exc}）", f"cannot be read ({exc})") from None
    if not isinstance(data, dict):
        raise _bad_manifest(manifest, "キーと値の組で書いてください", "must be a mapping")
    unknown = sorted(set(data) - _KEYS)
    if unknown:
        raise _bad_manifest(manifest, f"不明なキー {', '.join(unknown)}", f"unknown keys {unknown}")
    return Pack(
        name=str(data.get("name") or folder.name),
        path=folder,
        titles=_text_map(data.get("title"), "title", manifest),
        descriptions=_text_map(data.get("description"), "description", manifest),
        version=str(data.get("version") or ""),
        language=str(data.get("language") or "ja"),
        origin=origin,
        reference_name=str(data.get("reference") or "reference.docx"),
        starter_name=str(data.get("starter") or "starter.yaml"),
    )


def _packs_in(root: Path, origin: str) -> list[Pack]:
    if not root.is_dir():
        return []
    packs = []
    folders = (p for p in root.iterdir() if p.is_dir() and not p.name.startswith(("_", ".")))
    for folder in sorted(folders):
        if (folder / MANIFEST).is_file():
            try:
                packs.append(load_pack(folder, origin))
            except PackError:
                continue  # a broken user pack must not hide the others from the list
    return packs


def list_packs() -> list[Pack]:
    """Built-in packs, then the user's packs, each sorted by folder name."""
    return _packs_in(_builtin_dir(), "builtin") + _packs_in(user_templates_dir(), "user")


def find_pack(name_or_dir: str | Path | None = None) -> Pack:
    """The pack named ``name_or_dir`` (a user pack wins over a built-in one) or in that folder."""
    wanted = str(name_or_dir) if name_or_dir else DEFAULT_PACK
    as_path = Path(wanted).expanduser()
    if isinstance(name_or_dir, Path) or any(sep in wanted for sep in "/\\") or as_path.is_dir():
        if as_path.is_dir():
            return load_pack(as_path.resolve(), "path")
        raise PackError(f"テンプレートパックのフォルダ {wanted} が見つかりません。",
                        f"Template pack folder {wanted} not found.")
    for root, origin in ((user_templates_dir(), "user"), (_builtin_dir(), "builtin")):
        folder = root / wanted
        if (folder / MANIFEST).is_file():
            return load_pack(folder, origin)
        # A consultant copies a pack folder and renames the pack in pack.yaml, not the folder.
        named = next((p for p in _packs_in(root, origin) if p.name == wanted), None)
        if named is not None:
            return named
    names = ", ".join(p.name for p in list_packs()) or "—"
    raise PackError(
        f"テンプレートパック「{wanted}」が見つかりません（利用できるもの: {names}）。",
        f"Template pack '{wanted}' not found (available: {names}).",
    )
