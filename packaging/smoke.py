"""Smoke tests of a frozen planner bundle, run from outside the source tree.

    python3 packaging/smoke.py dist/planner

Used by .ci/run (Linux) and .github/workflows/windows.yml (Windows) alike. Every check runs
the bundle's own programs in a fresh temporary folder with its own ``PLANNER_HOME`` and
temp folder, so nothing of this checkout or of the user running it can leak in. Standard
library only. Exit code 0 only if every check passed; the last line says how many did.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EXE = ".exe" if os.name == "nt" else ""


def _version() -> str:
    text = (ROOT / "planner" / "__init__.py").read_text(encoding="utf-8")
    return re.search(r'^__version__ = "([^"]+)"', text, re.MULTILINE).group(1)


def _tree(folder: Path) -> list[str]:
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*"))


class Smoke:
    """One temporary world (cwd, home, temp) and the bundle's two programs."""

    def __init__(self, bundle: Path, work: Path) -> None:
        self.bundle = bundle
        self.cli = bundle / f"planner-cli{EXE}"
        self.app = bundle / f"planner{EXE}"
        self.data = bundle / "_internal" / "planner" / "_data"
        self.sample = self.data / "resources" / "samples" / "sample-plan.yaml"
        self.work = work
        self.home = work / "home"
        self.tmp = work / "tmp"
        for folder in (self.home, self.tmp):
            folder.mkdir()
        env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "PLANNER_"))}
        env.update(PLANNER_HOME=str(self.home), TMP=str(self.tmp), TEMP=str(self.tmp),
                   TMPDIR=str(self.tmp), QT_QPA_PLATFORM="offscreen")
        self.env = env
        self.passed: list[str] = []
        self.failed: list[str] = []
        self.skipped: list[str] = []

    def run(self, *args: str, program: Path | None = None, timeout: float = 120,
            env: dict | None = None) -> subprocess.CompletedProcess:
        return subprocess.run([str(program or self.cli), *args], cwd=self.work,
                              env={**self.env, **(env or {})}, capture_output=True,
                              timeout=timeout, check=False, encoding="utf-8", errors="replace")

    def check(self, name: str, test) -> None:
        started = time.monotonic()
        try:
            note = test()
        except Exception as exc:  # noqa: BLE001 - every failure is reported, then counted
            self.failed.append(name)
            print(f"FAIL {name}: {type(exc).__name__}: {exc}", flush=True)
            return
        took = time.monotonic() - started
        if note and note.startswith("skip"):
            self.skipped.append(name)
            print(f"skip {name}: {note}", flush=True)
        else:
            self.passed.append(name)
            print(f"ok   {name} ({took:.1f} s){': ' + note if note else ''}", flush=True)

    def user_pack(self, name: str, payload: str | None = None) -> Path:
        """A copy of the bundled municipal pack in the user's templates folder."""
        pack = self.home / "templates" / name
        shutil.copytree(self.data / "templates" / "municipal", pack)
        manifest = pack / "pack.yaml"
        manifest.write_text(manifest.read_text(encoding="utf-8")
                            .replace("name: municipal", f"name: {name}"), encoding="utf-8")
        if payload is not None:
            (pack / "sections" / "purpose.md.j2").write_text(payload + "\n", encoding="utf-8")
        return pack


def _expect(proc: subprocess.CompletedProcess, code: int) -> None:
    if proc.returncode != code:
        raise AssertionError(f"exit {proc.returncode}, wanted {code}\n"
                             f"stdout: {proc.stdout[-2000:]}\nstderr: {proc.stderr[-2000:]}")


def _docx_text(path: Path) -> str:
    with zipfile.ZipFile(path) as docx:
        return docx.read("word/document.xml").decode("utf-8")


def checks(s: Smoke) -> None:
    """Every smoke test, in order."""
    out = s.work / "out"
    out.mkdir()

    def version():
        proc = s.run("--version")
        _expect(proc, 0)
        assert proc.stdout.strip() == f"planner {_version()}", proc.stdout

    def templates():
        proc = s.run("templates")
        _expect(proc, 0)
        packs = dict(line.split("\t")[0::3] for line in proc.stdout.splitlines())
        assert set(packs) == {"municipal", "prefecture"}, packs
        for where in packs.values():  # the bundle's own packs, not this checkout's
            assert Path(where).resolve().is_relative_to(s.bundle.resolve()), where

    def check_sample():
        _expect(s.run("check", str(s.sample)), 0)
        proc = s.run("check", str(s.sample), "--format", "json", "--lang", "en")
        _expect(proc, 0)
        rules = {f["rule"] for f in json.loads(proc.stdout)["findings"]}
        assert "PRV007" in rules, rules  # the sample's teaching findings are there

    def bad_input():
        proc = s.run("check", "存在しない計画.yaml")
        _expect(proc, 2)
        assert "Traceback" not in proc.stderr and "存在しない計画.yaml" in proc.stderr, proc.stderr

    def render_builtin():
        _expect(s.run("render", str(s.sample), "-o", str(out / "built-in.docx")), 0)
        assert "みどり野市" in _docx_text(out / "built-in.docx")

    def render_user_pack():
        s.user_pack("mypack")
        _expect(s.run("render", str(s.sample), "-o", str(out / "user.docx"),
                      "--template", "mypack"), 0)
        assert "みどり野市" in _docx_text(out / "user.docx")
        assert list(s.tmp.iterdir()) == [], "the sandbox's work folder was left behind"

    def sandbox_wall_is_exactly_the_bundle():
        """The frozen sandbox child may read its own program and _internal, and nothing else
        of the bundle's folder: a pack placed beside the programs renders only while the job
        names it as readable. (The job is the one planner.sandbox.parent writes; here it is written
        by hand, as a pack cannot get past the loader's own checks to test this wall.)"""
        pack = s.bundle / "outside-pack"
        shutil.copytree(s.data / "templates" / "municipal", pack)
        try:
            verdicts = []
            # The windowed program is the child when the app itself exports (no console).
            for program, allowed in ((s.app, [str(pack)]), (s.cli, [str(pack)]), (s.cli, [])):
                work = Path(tempfile.mkdtemp(dir=s.tmp))
                shutil.copyfile(s.sample, work / "plan.yaml")
                (work / "job.json").write_text(json.dumps({
                    "template": str(pack), "include_checks": False, "lang": "ja",
                    "timeout_s": 60, "memory_mb": 1024, "allowed_read": allowed}),
                    encoding="utf-8")
                _expect(s.run("--planner-sandbox-child", str(work), program=program), 0)
                verdicts.append(json.loads((work / "result.json").read_text(encoding="utf-8")))
                shutil.rmtree(work)
            *admitted, refused = verdicts
            assert all(verdict.get("ok") is True for verdict in admitted), admitted
            assert refused["kind"] == "refused", refused
            assert "sandbox" in refused["message_en"] and "outside-pack" in refused["message_en"]
        finally:
            shutil.rmtree(pack)

    def bundle_contents():
        """Qt's own translations kept (Japanese dialogs), ours too; unused Qt modules out."""
        names = {p.name for p in s.bundle.rglob("*")}
        assert "qtbase_ja.qm" in names and "planner_en.qm" in names
        assert {"rules.md", "it-guide.md", "install-ja.md"} <= names  # the ヘルプ menu's guides
        unused = {n for n in names if n.startswith(("QtNetwork.", "QtQml.", "QtQuick.",
                                                     "QtSql.", "QtTest.", "QtPdf."))}
        assert not unused, unused
        size = sum(p.stat().st_size for p in s.bundle.rglob("*")
                   if p.is_file() and not p.is_symlink())
        return f"{size / 2**20:.0f} MiB"

    def sandbox_memory_cap():
        """A pack's output past 1 GB, each piece within the width limits: RLIMIT_AS on
        POSIX, the Job Object on Windows, stop it."""
        s.user_pack("hog", "{% for i in range(100000) %}{{ 'a' * 4000000 }}{% endfor %}")
        proc = s.run("render", str(s.sample), "-o", str(out / "hog.docx"), "--template", "hog")
        _expect(proc, 2)
        assert "1024 MB" in proc.stderr and "メモリ" in proc.stderr, proc.stderr
        assert not (out / "hog.docx").exists()

    def new_from_template():
        proc = s.run("new", "-o", str(out / "新計画.yaml"), "--template", "prefecture",
                     "--municipality", "テスト県")
        _expect(proc, 0)
        assert "テスト県" in (out / "新計画.yaml").read_text(encoding="utf-8")
        assert s.run("check", str(out / "新計画.yaml")).returncode in (0, 1)

    def gui():
        """The windowed program, given a plan alone, opens its main window and quits."""
        proc = s.run(str(s.sample), program=s.app, timeout=90,
                     env={"PLANNER_BENCH_EXIT_ON_SHOWN": "1"})
        _expect(proc, 0)
        shown = re.search(r"window shown ([\d.]+) s", proc.stdout)
        if os.name != "nt":  # a windowed .exe may have no stdout at all
            assert shown, proc.stdout + proc.stderr
        return f"main window after {shown.group(1)} s" if shown else None

    before = _tree(s.bundle)
    for test in (bundle_contents, version, templates, check_sample, bad_input, render_builtin, render_user_pack,
                 sandbox_wall_is_exactly_the_bundle, sandbox_memory_cap, new_from_template, gui):
        s.check(test.__name__, test)

    def bundle_unchanged():
        added = sorted(set(_tree(s.bundle)) - set(before))
        assert added == [], f"written into the bundle: {added[:10]}"

    s.check("bundle_unchanged", bundle_unchanged)


def main(argv: list[str] | None = None) -> int:
    """Run every check against the bundle folder; 0 if all passed."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("bundle", type=Path, help="the dist/planner folder")
    args = parser.parse_args(argv)
    bundle = args.bundle.resolve()
    if not (bundle / f"planner-cli{EXE}").is_file():
        print(f"{bundle} is not a planner bundle (no planner-cli{EXE})", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory(prefix="planner-smoke-") as work:
        smoke = Smoke(bundle, Path(work).resolve())
        checks(smoke)
    skipped = f", {len(smoke.skipped)} skipped" if smoke.skipped else ""
    print(f"frozen: {len(smoke.passed)} passed, {len(smoke.failed)} failed{skipped}", flush=True)
    return 1 if smoke.failed else 0


if __name__ == "__main__":
    sys.exit(main())
