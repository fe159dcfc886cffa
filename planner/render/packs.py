"""Template packs: a folder with pack.yaml, a Word reference file and section text templates.

A consultant restyles the document by editing ``reference.docx`` in Word and rewords it by
editing ``sections/*.md.j2``; no code. Built-in packs live in ``templates/``; user packs in
the application-data folder (``planner.files.appdirs.user_templates_dir``) or anywhere by path.
Templates run in jinja2's ImmutableSandboxedEnvironment with StrictUndefined.
"""

from __future__ import annotations

import difflib
import os
import re
import string
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

import jinja2
from jinja2.exceptions import SecurityError
from jinja2.filters import do_format, do_indent
from jinja2.loaders import split_template_path
from jinja2.sandbox import MAX_RANGE, ImmutableSandboxedEnvironment

from planner.errors import PlannerError
from planner.files.appdirs import user_templates_dir
from planner.files.paths import templates_dir
from planner.plan.bilingual import Text
from planner.render.packfiles import (
    MAX_MANIFEST,
    MAX_SECTION,
    PackError,
    PackRefused,
    check_relative_name,
    read_pack_file,
)
from planner.render.text import finalize

__all__ = ["DEFAULT_PACK", "MANIFEST", "Pack", "PackEnvironment", "PackError", "PackRefused",
           "find_pack", "list_packs", "load_pack"]

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
#: Largest integer (in bits, about 30,000 digits) ``**`` or ``*`` may produce: a chain such as
#: ``((9**4096)**4096)**4096`` is refused from the size of its operands, before computing.
MAX_INT_BITS = 100_000


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
    intercepted_binops = frozenset({"*", "**", "%"})

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.globals["range"] = _safe_range
        # Filters that pad: their width is checked before the string is made.
        self.filters["center"] = _sized_center
        self.filters["indent"] = _sized_indent
        self.filters["format"] = _sized_format

    def wrap_str_format(self, value: Any) -> Callable[..., str] | None:
        """``'{:>999999999}'.format(x)``: widths in a str.format pattern checked first."""
        wrapped = super().wrap_str_format(value)
        if wrapped is not None:
            _check_format_pattern(value.__self__)
        return wrapped

    def call(__self, __context: Any, __obj: Any, *args: Any, **kwargs: Any) -> Any:
        """``'x'.ljust(10**9)`` and the other padding methods: the width checked first."""
        if getattr(__obj, "__name__", None) in _PADDING_METHODS \
                and isinstance(getattr(__obj, "__self__", None), str):
            _check_width(next(iter(args), kwargs.get("width", kwargs.get("tabsize", 0))))
        return super().call(__context, __obj, *args, **kwargs)

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        """Refuse a repetition or power too large to compute, then do the operation."""
        if operator == "*":
            for seq, n in ((left, right), (right, left)):
                sized = isinstance(seq, str | list | tuple) and isinstance(n, int)
                if sized and len(seq) * n > MAX_REPEAT:
                    raise SecurityError(f"repetition too large ({len(seq)} × {n})")
            if _both_ints(left, right) and left.bit_length() + right.bit_length() > MAX_INT_BITS:
                raise SecurityError("product too large (more than "
                                    f"{MAX_INT_BITS:,} bits)")
        if operator == "%" and isinstance(left, str):
            _check_printf_pattern(left)
        if operator == "**" and isinstance(right, int) and abs(right) > MAX_EXPONENT:
            raise SecurityError(f"exponent too large ({right})")
        if operator == "**" and _both_ints(left, right) and right > 0 \
                and (abs(left).bit_length() - 1) * right > MAX_INT_BITS:
            raise SecurityError(f"power too large (more than {MAX_INT_BITS:,} bits)")
        return super().call_binop(context, operator, left, right)


_PADDING_METHODS = frozenset({"center", "ljust", "rjust", "zfill", "expandtabs"})
# A printf conversion's width and precision (``*`` takes them from the arguments).
_PRINTF_SPEC = re.compile(r"%(?:\([^)]*\))?[-#0 +]*(\*|\d+)?(?:\.(\*|\d+))?")
_NUMBERS = re.compile(r"\d+")


def _check_width(width: object) -> None:
    if isinstance(width, int) and width > MAX_REPEAT:
        raise SecurityError(f"width too large ({width}; at most {MAX_REPEAT:,})")


def _check_printf_pattern(pattern: str) -> None:
    """Refuse ``'%999999999d'`` (and ``'%*d'``) before Python pads anything."""
    for match in _PRINTF_SPEC.finditer(pattern):
        for part in match.groups():
            if part == "*":
                raise SecurityError("a width taken from the arguments (%*) is not allowed")
            if part:
                _check_width(int(part))


def _check_format_pattern(pattern: str) -> None:
    """Refuse ``'{:>999999999}'`` and widths taken from arguments (``'{:{w}}'``)."""
    try:
        fields = list(string.Formatter().parse(pattern))
    except ValueError:
        return  # Python itself refuses the pattern when it is used
    for _, _, spec, _ in fields:
        if spec and "{" in spec:
            raise SecurityError("a width taken from the arguments ({:{w}}) is not allowed")
        for number in _NUMBERS.findall(spec or ""):
            _check_width(int(number))


def _sized_center(value: Any, width: int = 80) -> str:
    _check_width(width)
    return str(value).center(width)


def _sized_indent(text: Any, width: int | str = 4, first: bool = False,
                  blank: bool = False) -> str:
    pad = width if isinstance(width, int) else len(width)
    _check_width(pad * (str(text).count("\n") + 1))  # every line gets the padding
    return do_indent(text, width, first, blank)


def _sized_format(value: Any, *args: Any, **kwargs: Any) -> str:
    _check_printf_pattern(str(value))
    return do_format(value, *args, **kwargs)


def _both_ints(left: Any, right: Any) -> bool:
    return isinstance(left, int) and isinstance(right, int) \
        and not isinstance(left, bool) and not isinstance(right, bool)


class _PackLoader(jinja2.FileSystemLoader):
    """jinja's folder loader, reading each template through :func:`read_pack_file`.

    A template that is a link out of its folder, a FIFO, a device or over MAX_SECTION is
    refused with a PackRefused naming it (the plain loader would follow the link, or wait
    forever on the FIFO).
    """

    def get_source(self, environment: jinja2.Environment,
                   template: str) -> tuple[str, str, Callable[[], bool]]:
        pieces = split_template_path(template)  # refuses ".." itself
        for folder in self.searchpath:
            path = Path(folder, *pieces)
            if not os.path.lexists(path):
                continue
            try:  # inside the pack itself: a sections folder linked elsewhere is refused too
                data = read_pack_file(path, Path(folder).parent, MAX_SECTION)
            except FileNotFoundError:  # a dangling link: as if absent
                continue
            text = data.decode(self.encoding)
            mtime = os.path.getmtime(path)
            return text, os.path.normpath(path), lambda p=path, m=mtime: _unchanged(p, m)
        raise jinja2.TemplateNotFound(template)


def _unchanged(path: Path, mtime: float) -> bool:
    try:
        return os.path.getmtime(path) == mtime
    except OSError:
        return False


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
        return Text(*_ORIGIN_LABELS[self.origin]).get(lang)

    @property
    def starter_plan_path(self) -> Path:
        """The plan ``planner new --template NAME`` starts from (falls back to municipal's).

        Whatever stands at the pack's own name is the pack's, even a FIFO or a link: reading
        it (:func:`read_pack_file`) then refuses it instead of quietly using another file.
        """
        own = self.path / self.starter_name
        return own if os.path.lexists(own) else _builtin_dir() / DEFAULT_PACK / "starter.yaml"

    @property
    def reference_docx(self) -> Path:
        """The Word file carrying styles, cover, headers/footers and logo."""
        own = self.path / self.reference_name
        return own if os.path.lexists(own) else _builtin_dir() / DEFAULT_PACK / "reference.docx"

    def file_root(self, path: Path) -> Path:
        """The folder ``path`` (one of this pack's files, or a fallback) must stay inside."""
        return self.path if Path(path).is_relative_to(self.path) else _builtin_dir() / DEFAULT_PACK

    @cached_property
    def reference_notes(self) -> list[tuple[str, str]]:
        """What was removed from this pack's Word file in this render: (ja, en) messages."""
        return []

    @cached_property
    def environment(self) -> jinja2.Environment:
        """The sandbox the pack's section templates run in (own files first, then municipal)."""
        dirs = [self.path / "sections", _builtin_dir() / DEFAULT_PACK / "sections"]
        return PackEnvironment(
            # utf-8-sig: Windows Notepad may start a file with a BOM, which would otherwise
            # stick to the first line and turn "# 第1章" into body text.
            loader=_PackLoader([str(d) for d in dirs if d.is_dir()], encoding="utf-8-sig"),
            undefined=jinja2.StrictUndefined,
            finalize=finalize,
            autoescape=False,
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=True,
        )

    def open_reference(self, style_names: Iterable[str] = ()) -> Any:
        """The reference Word file as a python-docx Document; PackError when it is damaged.

        Any of ``style_names`` it lacks (a consultant deleted or renamed one, or built the
        file from a blank Word document) is borrowed from the built-in pack, so headings
        stay headings and tables keep their look instead of silently turning into 標準.
        """
        from planner.render.reference_styles import borrow_styles, normalise_names

        document, notes = _open_docx(self.reference_docx, self.file_root(self.reference_docx))
        self.reference_notes[:] = notes
        default = _builtin_dir() / DEFAULT_PACK / "reference.docx"
        names = normalise_names(document, list(style_names))
        if names and self.reference_docx.resolve() != default.resolve():
            borrow_styles(document, _open_docx(default, default.parent)[0], names)
        return document

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
        except PackRefused:
            raise  # names the refused file itself (a link out of the pack, a FIFO…)
        except Exception as exc:  # any template failure is the template's fault
            raise template_error(exc, self, name, context) from exc


def template_error(exc: BaseException, pack: Pack, name: str,
                   context: dict[str, Any] | None = None) -> PackError:
    """A clear message naming the template file and line that failed, and what to do."""
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
    if isinstance(exc, UnicodeDecodeError):
        own = pack.path / "sections" / name
        return PackError(f"{own if own.is_file() else name}: {_NOT_UTF8[0]}。",
                         f"{own if own.is_file() else name}: {_NOT_UTF8[1]}.")
    ja, en = explain(exc, context)
    return PackError(
        f"{where}: テンプレートの誤りです。{ja}パック「{pack.name}」の該当行を直してください。",
        f"{where}: template error. {en} Fix that line of pack '{pack.name}'.",
    )


_NOT_UTF8 = (("文字コードが UTF-8 ではありません（Shift_JIS で保存されている可能性があります）。"
             "メモ帳などで開き、文字コード「UTF-8」を選んで保存し直してください"),
             ("the file is not UTF-8 (perhaps Shift_JIS). Open it in Notepad or another editor "
             "and save it again with the encoding UTF-8"))
#: Where a placeholder in reference.docx sits, as a consultant finds it in Word.
REFERENCE_PLACES = {"body": ("表紙", "cover"), "header": ("ヘッダー", "header"),
                    "footer": ("フッター", "footer")}


def reference_error(exc: BaseException, pack: Pack, place: str, text: str,
                    context: dict[str, Any] | None = None) -> PackError:
    """A placeholder in reference.docx failed: name the file, the place and the paragraph."""
    ja_place, en_place = REFERENCE_PLACES.get(place, REFERENCE_PLACES["body"])
    shown = text if len(text) <= 60 else text[:57] + "…"
    ja, en = explain(exc, context)
    return PackError(
        f"{pack.reference_docx}（{ja_place}の「{shown}」）: 差し込みの誤りです。{ja}"
        "Wordでこのファイルを開き、その段落を直して保存してください。",
        f"{pack.reference_docx} ({en_place}, \"{shown}\"): placeholder error. {en} "
        "Open the file in Word, fix that paragraph and save.",
    )


_UNDEFINED = (re.compile(r"has no attribute '([^']+)'"), re.compile(r"^'([^']+)' is undefined"),
              re.compile(r"has no element '?([^']+?)'?$"))
_DOCS_HINT = ("使える値の名前は説明書 templates.md の「4. 文言を変える」にあります。",
              "The names you can use are listed in templates.md, section 4.")


def explain(exc: BaseException, context: dict[str, Any] | None = None) -> tuple[str, str]:
    """(Japanese, English) words for a template failure a consultant can act on."""
    if isinstance(exc, PlannerError):  # a directive such as table("kpi") refused itself
        return exc.message("ja"), exc.message("en")
    raw = getattr(exc, "message", None) or str(exc) or type(exc).__name__
    if isinstance(exc, jinja2.UndefinedError):
        name = next((m.group(1) for rx in _UNDEFINED if (m := rx.search(raw))), "?")
        close = _close_names(name, context, top_level=raw.endswith("is undefined"))
        ja = f"「{name}」という値はありません（{raw}）。"
        en = f"There is no value '{name}' ({raw})."
        if close:
            ja += "「" + "」か「".join(close) + "」のことではありませんか。"
            en += " Did you mean " + " or ".join(f"'{c}'" for c in close) + "?"
        return ja + _DOCS_HINT[0], f"{en} {_DOCS_HINT[1]}"
    if isinstance(exc, jinja2.TemplateSyntaxError):
        ja, en = _explain_syntax(raw)
        return f"{ja.rstrip('。')}（{raw}）。", f"{en} ({raw})"
    if isinstance(exc, SecurityError):
        return (f"テンプレートでは使えない操作です（{raw}）。",
                f"Templates may not do this ({raw}).")
    return f"{raw}。", f"{raw}."


def _explain_syntax(raw: str) -> tuple[str, str]:
    low = raw.lower()
    if low.startswith("unexpected end of template"):
        return ("「{% if %}」や「{% for %}」を閉じる「{% endif %}」「{% endfor %}」が足りません。",
                "An {% if %} or {% for %} is not closed by {% endif %} / {% endfor %}.")
    if low.startswith("encountered unknown tag"):
        return ("この「{% … %}」は使えません。つづりと、対応する {% if %}・{% for %} を確かめてください。",
                "This {% … %} tag is unknown: check its spelling and its {% if %} / {% for %}.")
    if low.startswith("no filter named"):
        return ("「|」の後の名前（フィルター）がありません。", "There is no such filter after '|'.")
    if any(q in raw for q in "“”‘’「」"):
        return ("引用符は半角の \" か ' を使ってください（Wordの自動修正で全角になることがあります）。",
                "Use straight quotes \" or ' (Word may have turned them into curly ones).")
    return ("「{{ … }}」「{% … %}」の括弧の組み合わせか書き方が正しくありません。",
            "The {{ … }} / {% … %} brackets or what is inside them are not right.")


def _close_names(name: str, context: dict[str, Any] | None, top_level: bool) -> list[str]:
    """Names in the context spelled like ``name``: full paths (plan.title) for a bare name."""
    paths = _paths(context or {}, "")
    if top_level:  # {{ municipality }} for {{ plan.municipality }}
        by_leaf: dict[str, str] = {}
        for path in sorted(paths, key=len):
            by_leaf.setdefault(path.rsplit(".", 1)[-1], path)
        leaves = difflib.get_close_matches(name, sorted(by_leaf), n=2, cutoff=0.6)
        return [by_leaf[leaf] for leaf in leaves if by_leaf[leaf] != name]
    names = {path.rsplit(".", 1)[-1] for path in paths} - {name}
    return difflib.get_close_matches(name, sorted(names), n=2, cutoff=0.6)


def _paths(value: Any, prefix: str, depth: int = 0) -> set[str]:
    """Every dotted name in the context (a list's items through its first one)."""
    found: set[str] = set()
    if depth > 4:
        return found
    if isinstance(value, dict):
        for key, item in value.items():
            path = f"{prefix}.{key}" if prefix else str(key)
            found.add(path)
            found |= _paths(item, path, depth + 1)
    elif isinstance(value, list | tuple) and value:
        found |= _paths(value[0], prefix, depth + 1)
    return found


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


def _open_docx(path: Path, root: Path) -> tuple[Any, list[tuple[str, str]]]:
    """The Word file at ``path`` (inside ``root``), cleaned of everything that reaches outside
    (:mod:`planner.render.docx_safety`), and a message naming what was removed, if anything."""
    import io

    import docx

    from planner.render.docx_safety import clean_reference, harden_python_docx, summary
    from planner.render.packfiles import MAX_REFERENCE

    try:
        data = read_pack_file(path, root, MAX_REFERENCE)
    except FileNotFoundError:
        raise PackError(f"{path}: Wordファイルが見つかりません。", f"{path}: Word file not found.") \
            from None
    clean, removed = clean_reference(data, path)  # before python-docx parses any of it
    harden_python_docx()
    notes = [(summary(removed, path, "ja"), summary(removed, path, "en"))] if removed else []
    try:
        return docx.Document(io.BytesIO(clean)), notes
    except Exception as exc:  # noqa: BLE001 - a damaged Word file is the pack's problem
        raise PackError(
            f"{path}: Wordファイルを開けません（{exc}）。Wordで開き直して保存してください。",
            f"{path}: cannot open the Word file ({exc}). Re-save it in Word.",
        ) from None


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
    """Read the pack in ``folder``; PackError when its manifest is missing or malformed.

    pack.yaml is read like every pack file (inside the pack, a regular file, at most
    MAX_MANIFEST bytes, never blocking) and parsed by the plan loader's strict YAML rules
    (no anchors or aliases: a 500-byte alias bomb is refused at once).
    """
    from planner.io.problems import PlanFileError
    from planner.io.yamlparse import load_strict

    manifest = folder / MANIFEST
    try:
        data = load_strict(read_pack_file(manifest, folder, MAX_MANIFEST).decode("utf-8-sig"),
                           str(manifest))
    except FileNotFoundError:
        raise PackError(f"{folder}: テンプレートパックではありません（{MANIFEST} がありません）。",
                        f"{folder}: not a template pack (no {MANIFEST}).") from None
    except UnicodeDecodeError:
        raise _bad_manifest(manifest, _NOT_UTF8[0], _NOT_UTF8[1]) from None
    except PlanFileError as exc:
        raise PackError(exc.message_ja, exc.message_en) from None
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise _bad_manifest(manifest, f"読み込めません（{reason}）", f"cannot be read ({reason})") \
            from None
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
        reference_name=check_relative_name(str(data.get("reference") or "reference.docx"),
                                           manifest, "reference"),
        starter_name=check_relative_name(str(data.get("starter") or "starter.yaml"),
                                         manifest, "starter"),
    )


def _packs_in(root: Path, origin: str, problems: list[PackError] | None = None) -> list[Pack]:
    if not root.is_dir():
        return []
    packs = []
    folders = (p for p in root.iterdir() if p.is_dir() and not p.name.startswith(("_", ".")))
    for folder in sorted(folders):
        if os.path.lexists(folder / MANIFEST):  # a FIFO or link too: reading refuses it
            try:
                packs.append(load_pack(folder, origin))
            except PackError as exc:  # a broken user pack must not hide the others
                if problems is not None:
                    problems.append(exc)
    return packs


def list_packs(problems: list[PackError] | None = None) -> list[Pack]:
    """Every pack a name can reach: the user's first, then built-in ones they do not replace.

    A built-in pack with the same name as a user pack is left out, so each name in the
    list (and in the app's list) is the pack that name renders with. A pack that cannot
    be read is left out too; its error is appended to ``problems`` when one is given.
    """
    packs: list[Pack] = []
    for pack in (_packs_in(user_templates_dir(), "user", problems)
                 + _packs_in(_builtin_dir(), "builtin", problems)):
        if all(p.name != pack.name for p in packs):
            packs.append(pack)
    builtin = [p for p in packs if p.origin == "builtin"]
    return builtin + [p for p in packs if p.origin == "user"]


def skipped_packs_message(problems: list[PackError], lang: str = "ja") -> str:
    """One message saying which packs were left out of a list and why ("" if none were)."""
    if not problems:
        return ""
    head = Text("次のテンプレートパックは使えないため、一覧に出していません:",
                "Template packs left out of the list because they cannot be used:").get(lang)
    return "\n".join([head, *(f"- {p.message(lang)}" for p in problems)])


def find_pack(name_or_dir: str | Path | None = None) -> Pack:
    """The pack named ``name_or_dir`` (a user pack wins over a built-in one) or in that folder.

    The name is the ``name`` in pack.yaml; a folder name is used only when no pack has that
    name, so a renamed copy of ``municipal`` never replaces the built-in ``municipal``.
    """
    wanted = str(name_or_dir) if name_or_dir else DEFAULT_PACK
    as_path = Path(wanted).expanduser()
    if isinstance(name_or_dir, Path) or any(sep in wanted for sep in "/\\") or as_path.is_dir():
        if as_path.is_dir():
            return load_pack(as_path.resolve(), "path")
        raise PackError(f"テンプレートパックのフォルダ {wanted} が見つかりません。",
                        f"Template pack folder {wanted} not found.")
    roots = ((user_templates_dir(), "user"), (_builtin_dir(), "builtin"))
    for root, origin in roots:
        named = next((p for p in _packs_in(root, origin) if p.name == wanted), None)
        if named is not None:
            return named
    for root, origin in roots:
        if os.path.lexists(root / wanted / MANIFEST):  # a broken manifest says why here
            return load_pack(root / wanted, origin)
    raise _not_found(wanted)


def _not_found(wanted: str) -> PackError:
    names = ", ".join(p.name for p in list_packs()) or "—"
    broken = _broken_manifests()
    ja = f"テンプレートパック「{wanted}」が見つかりません（利用できるもの: {names}）。"
    en = f"Template pack '{wanted}' not found (available: {names})."
    if broken:  # a typo in pack.yaml hides a pack from the list; say so
        ja += " 次のパックは pack.yaml を読めないため使えません: " + " / ".join(
            e.message("ja") for e in broken)
        en += " These packs cannot be used because their pack.yaml cannot be read: " + \
            " / ".join(e.message("en") for e in broken)
    return PackError(ja, en)


def _broken_manifests() -> list[PackError]:
    """Errors of user packs whose pack.yaml cannot be read."""
    errors: list[PackError] = []
    _packs_in(user_templates_dir(), "user", errors)
    return errors
