"""The ``planner`` command (domain.md §6): a front door with no logic of its own.

Exit codes are a public contract: 0 success (check: no error findings), 1 check found
error findings, 2 the input could not be used. User errors never print a traceback;
``--debug`` shows one.
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import os
import sys
from pathlib import Path
from typing import NoReturn

from planner import __version__
from planner.plan.bilingual import Text

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_UNUSABLE = 2


def _lang(args: argparse.Namespace) -> str:
    return getattr(args, "lang", None) or "ja"


def _say(message: str) -> None:
    """A message on stderr; what it quotes from files cannot drive the terminal (T5)."""
    from planner.checks.report import terminal_safe

    print("\n".join(terminal_safe(line) for line in message.split("\n")), file=sys.stderr)  # noqa: T201


def cmd_check(args: argparse.Namespace) -> int:
    """planner check PLAN [--format text|json] [--lang ja|en]."""
    from planner.checks import run_checks
    from planner.checks.report import format_json, format_text, supports_color
    from planner.files.planfile import load_document

    doc = load_document(args.plan)
    for notice in doc.notices:  # an older schema_version, upgraded in memory: the file is untouched
        _say(notice.format(_lang(args)))
    findings = run_checks(doc.plan)
    if args.format == "json":
        sys.stdout.write(format_json(findings, lang=_lang(args)))
    else:
        color = supports_color(sys.stdout) and not args.no_color
        sys.stdout.write(format_text(findings, lang=_lang(args), color=color, document=doc))
    return EXIT_FINDINGS if any(f.severity == "error" for f in findings) else EXIT_OK


def cmd_render(args: argparse.Namespace) -> int:
    """planner render PLAN -o OUT.docx|OUT.pdf [--template NAME_OR_DIR] [--include-checks]
    [--final]."""
    from planner.files.planfile import load_plan
    from planner.sandbox.parent import refuse_output, render_safely

    refuse_output(Path(args.output), (args.plan,))
    plan = load_plan(args.plan)
    # Built-in packs render here; anyone else's in a separate, time- and memory-limited
    # process (a pack from someone else must not run code, read files or hang us).
    notices: list[tuple[str, str]] = []  # what was removed from the pack's Word file
    render_safely(plan, Path(args.output), template=args.template,
                  include_checks=args.include_checks, lang=_lang(args), notices=notices,
                  final=args.final)
    for ja, en in notices:
        _say(en if _lang(args) == "en" else ja)
    _say(("Wrote " if _lang(args) == "en" else "出力しました: ") + str(args.output))
    return EXIT_OK


def cmd_new(args: argparse.Namespace) -> int:
    """planner new -o PLAN [--template NAME] [--municipality NAME]."""
    from planner.render.starter import write_new_plan
    from planner.sandbox.parent import refuse_output

    refuse_output(Path(args.output))
    backup = write_new_plan(Path(args.output), template=args.template,
                            municipality=args.municipality, force=args.force)
    if backup is not None:
        _say(f"The file that was there is kept as {backup}" if _lang(args) == "en"
              else f"上書きしたファイルは {backup} に残しました")
    _say(("Created " if _lang(args) == "en" else "作成しました: ") + str(args.output))
    return EXIT_OK


def cmd_templates(args: argparse.Namespace) -> int:
    """planner templates: list built-in and user template packs."""
    from planner.checks.report import terminal_safe
    from planner.files.appdirs import user_templates_dir
    from planner.render.packs import list_packs, skipped_packs_message

    lang = _lang(args)
    problems: list = []  # a broken user pack is left out, with a warning, never a hang
    for pack in list_packs(problems):
        # A pack's name and title are someone else's text: never raw controls (T5).
        fields = (pack.name, pack.title(lang), pack.origin_label(lang), str(pack.path))
        print("\t".join(terminal_safe(field) for field in fields))  # noqa: T201 (the listing)
    # On stderr, so the list on stdout stays one pack per line for scripts.
    if problems:
        _say(skipped_packs_message(problems, lang))
    where = user_templates_dir()
    _say(Text(f"ユーザーのテンプレートパックの置き場所: {where}", f"User packs go in: {where}").get(lang))
    return EXIT_OK


def cmd_gui(args: argparse.Namespace) -> int:
    """planner gui [PLAN]: open the desktop app."""
    from planner.errors import PlannerError

    if not _has_display():
        raise PlannerError(
            "画面（ディスプレイ）がないため、アプリを開けません。点検は planner check、"
            "計画書の出力は planner render で行えます。",
            "There is no display to open the app on. Use 'planner check' to check a plan "
            "and 'planner render' to write its document.")
    try:
        from planner.ui.app import run
    except ImportError as exc:  # Qt missing or broken in this environment
        raise PlannerError(
            f"デスクトップアプリの部品（Qt）を読み込めません（{exc}）。planner を入れ直してください。",
            f"The desktop app's Qt libraries cannot be loaded ({exc}). Reinstall planner.",
        ) from None
    return run(getattr(args, "plan", None))


def _has_display() -> bool:
    """False on a Linux/BSD server with no X11 or Wayland display (Qt would abort there)."""
    if sys.platform in ("win32", "darwin") or os.environ.get("QT_QPA_PLATFORM"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


class _Parser(argparse.ArgumentParser):
    """argparse, with its (English) complaint led by a Japanese line saying what to do."""

    def error(self, message: str) -> NoReturn:
        """Print usage and the error in both languages, then exit 2 (the §6 code)."""
        self.print_usage(sys.stderr)
        self.exit(EXIT_UNUSABLE,
                  f"{self.prog}: コマンドの指定に誤りがあります（{message}）。"
                  f"「{self.prog} --help」で使い方を確認してください。\n"
                  f"{self.prog}: error: {message}\n")


def build_parser() -> argparse.ArgumentParser:
    """The argument parser; flags and names are the §6 contract."""
    parser = _Parser(
        prog="planner",
        description="官民データ活用推進計画の作成・点検・出力 / "
        "Write, check and publish a public-private data utilization promotion plan.",
    )
    parser.add_argument("--version", action="version", version=f"planner {__version__}")
    parser.add_argument("--debug", action="store_true", help="show tracebacks (for developers)")
    sub = parser.add_subparsers(dest="command")

    p = sub.add_parser("gui", help="デスクトップアプリを開く / open the desktop app")
    p.add_argument("plan", nargs="?")
    p.set_defaults(func=cmd_gui)

    p = sub.add_parser("check", help="計画を点検する / check a plan")
    p.add_argument("plan")
    p.add_argument("--format", choices=["text", "json"], default="text")
    p.add_argument("--lang", choices=["ja", "en"], default="ja")
    p.add_argument("--no-color", action="store_true", help="never colour the output")
    p.set_defaults(func=cmd_check)

    p = sub.add_parser("render", help="計画書（.docx / .pdf）を出力する / write the plan document")
    p.add_argument("plan")
    p.add_argument("-o", "--output", required=True)
    p.add_argument("--template", default=None, help="template pack name or folder")
    p.add_argument("--include-checks", action="store_true", help="add 別表3 点検結果")
    p.add_argument("--final", action="store_true",
                   help="確定版として出力（エラーや未記入があれば出力しない） / write the final "
                        "document; refuse while errors or placeholders remain")
    p.add_argument("--lang", choices=["ja", "en"], default="ja")
    p.set_defaults(func=cmd_render)

    p = sub.add_parser("new", help="新しい計画ファイルを作る / start a new plan file")
    p.add_argument("-o", "--output", required=True)
    p.add_argument("--template", default=None, help="template pack whose starter plan to use")
    p.add_argument("--municipality", default=None)
    p.add_argument("--force", action="store_true",
                   help="既存のファイルを上書き（元のファイルは .bak に残す） / overwrite an "
                        "existing file, keeping it as FILE.bak")
    p.add_argument("--lang", choices=["ja", "en"], default="ja")
    p.set_defaults(func=cmd_new)

    p = sub.add_parser("templates", help="テンプレートパックの一覧 / list template packs")
    p.add_argument("--lang", choices=["ja", "en"], default="ja")
    p.set_defaults(func=cmd_templates)
    return parser


def _configure_streams() -> None:
    """UTF-8 out, so a Japanese Windows console or a pipe never shows mojibake."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            with contextlib.suppress(ValueError, OSError):  # pragma: no cover - exotic streams
                reconfigure(encoding="utf-8", errors="replace")


def _as_file_association(argv: list[str], parser: argparse.ArgumentParser) -> list[str]:
    """``planner PLAN.yaml`` (how Windows calls a program for a double-clicked file) is
    ``planner gui PLAN.yaml``; anything else (a mistyped command) is left to argparse."""
    commands = next((a.choices for a in parser._actions
                     if isinstance(a, argparse._SubParsersAction)), {})
    if (len(argv) == 1 and argv[0] not in commands and not argv[0].startswith("-")
            and (argv[0].lower().endswith((".yaml", ".yml")) or Path(argv[0]).is_file())):
        return ["gui", argv[0]]
    return argv


def main(argv: list[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    from planner.errors import user_error_message

    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["--planner-sandbox-child"] and len(argv) == 2:
        # A frozen (bundled) app has no "python -c": planner.sandbox.parent starts the program
        # itself with this flag to render a template pack in the limited child process.
        from planner.sandbox.parent import child_main

        child_main(argv[1])
        return EXIT_OK
    _configure_streams()
    parser = build_parser()
    argv = _as_file_association(argv, parser)
    args = parser.parse_args(argv)
    if args.command is None:
        args.func, args.plan = cmd_gui, None
    collecting = gc.isenabled()
    if args.func in (cmd_check, cmd_render):
        # One-shot commands: the cyclic collector only rescans the freshly loaded plan
        # (a third of a check's time); the process frees everything when it exits.
        gc.disable()
        _one_shot[0] = True
    try:
        return args.func(args)
    except KeyboardInterrupt:
        return 130
    except Exception as exc:
        message = user_error_message(exc, _lang(args))
        if message is None or args.debug:
            raise
        _say(message)
        return EXIT_UNUSABLE
    finally:
        if collecting:  # main() is also called in-process (tests, the frozen app)
            gc.enable()


#: Set by main() when it ran a one-shot command (check, render); read by run().
_one_shot = [False]


def run() -> NoReturn:
    """``planner`` as a process: the console script and ``python -m planner``.

    After a one-shot command the process ends at once, its output flushed: tearing the
    interpreter down (freeing the plan, the document's XML and every module, object by
    object) took 0.07 s of a prefecture plan's 1.4 s render. By then everything planner
    wrote is complete and closed (atomic writes are synced and renamed). The app and the
    sandbox child end the ordinary way.
    """
    code = main()
    if not _one_shot[0]:
        sys.exit(code)
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(OSError, ValueError):  # a closed pipe (planner check | head)
            stream.flush()
    os._exit(code)


if __name__ == "__main__":  # pragma: no cover
    run()
