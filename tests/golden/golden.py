#!/usr/bin/python3
"""Golden outputs of every bundled sample, every report format, both languages.

    golden.py check  SIAP_BINARY SOURCE_DIR   # regenerate into a temporary directory and compare
    golden.py update SIAP_BINARY SOURCE_DIR   # rewrite tests/golden/out/ (a change in output is its own commit)

Each case of cases.txt runs as `siap --lang L assess INPUT ARGS --format
text,json,csv,md,html,xlsx,responses,map -o DIR` from SOURCE_DIR with
SOURCE_DATE_EPOCH fixed. Text outputs are kept as written; an XLSX is kept as
its XML parts (NAME.xlsx.d/PART), because the zip container's bytes are
libxlsxwriter's business, while every cell, style and chart is in the XML;
its pictures (xl/media) are left out: a rasterised map depends on the fonts
installed, and peta.svg holds the map itself.
"""
import difflib
import os
import shlex
import shutil
import subprocess
import sys
import tempfile
import zipfile

EPOCH = "1767225600"  # 2026-01-01T00:00:00Z
LANGS = ("id", "en")
FORMATS = "text,json,csv,md,html,xlsx,responses,map"


def read_cases(golden_dir):
    cases = []
    with open(os.path.join(golden_dir, "cases.txt"), encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            name, source, args = (part.strip() for part in line.split("|", 2))
            cases.append((name, source, shlex.split(args)))
    return cases


def generate(siap, source_dir, target):
    """Writes every case's outputs under target/NAME/LANG/; returns failures."""
    failures = []
    env = dict(os.environ, SOURCE_DATE_EPOCH=EPOCH, NO_COLOR="1")
    for name, source, args in read_cases(os.path.join(source_dir, "tests", "golden")):
        for lang in LANGS:
            out = os.path.join(target, name, lang)
            with tempfile.TemporaryDirectory() as scratch:
                cmd = [siap, "--lang", lang, "-q", "assess", source, *args, "--format", FORMATS, "-o", scratch]
                run = subprocess.run(cmd, cwd=source_dir, env=env, capture_output=True, text=True)
                if run.returncode != 0:
                    failures.append(f"{name}/{lang}: exit {run.returncode}: {run.stderr.strip()}")
                    continue
                os.makedirs(out)
                for file in sorted(os.listdir(scratch)):
                    path = os.path.join(scratch, file)
                    if file.endswith(".xlsx"):
                        with zipfile.ZipFile(path) as z:
                            for part in sorted(z.namelist()):
                                # A map's raster depends on the fonts installed; the SVG (peta.svg) is the golden of the map.
                                if part.startswith("xl/media/"):
                                    continue
                                dest = os.path.join(out, file + ".d", part)
                                os.makedirs(os.path.dirname(dest), exist_ok=True)
                                with open(dest, "wb") as f:
                                    f.write(z.read(part))
                    else:
                        shutil.copyfile(path, os.path.join(out, file))
    return failures


def files_under(root):
    found = set()
    for here, _, files in os.walk(root):
        for file in files:
            found.add(os.path.relpath(os.path.join(here, file), root))
    return found


def compare(expected_root, actual_root):
    problems = []
    expected, actual = files_under(expected_root), files_under(actual_root)
    for missing in sorted(expected - actual):
        problems.append(f"missing: {missing}")
    for extra in sorted(actual - expected):
        problems.append(f"not in the golden outputs: {extra}")
    for rel in sorted(expected & actual):
        with open(os.path.join(expected_root, rel), "rb") as f:
            want = f.read()
        with open(os.path.join(actual_root, rel), "rb") as f:
            got = f.read()
        if want == got:
            continue
        diff = difflib.unified_diff(want.decode("utf-8", "replace").splitlines(), got.decode("utf-8", "replace").splitlines(),
                                    "golden/" + rel, "now/" + rel, n=1, lineterm="")
        shown = list(diff)[:40]
        problems.append(f"differs: {rel}\n" + "\n".join(line[:300] for line in shown))
    return problems


def main():
    if len(sys.argv) != 4 or sys.argv[1] not in ("check", "update"):
        print(__doc__, file=sys.stderr)
        return 2
    mode, siap, source_dir = sys.argv[1], os.path.abspath(sys.argv[2]), os.path.abspath(sys.argv[3])
    golden = os.path.join(source_dir, "tests", "golden", "out")
    with tempfile.TemporaryDirectory() as tmp:
        now = os.path.join(tmp, "out")
        failures = generate(siap, source_dir, now)
        if failures:
            print("\n".join(failures), file=sys.stderr)
            return 1
        if mode == "update":
            shutil.rmtree(golden, ignore_errors=True)
            shutil.copytree(now, golden)
            print(f"golden outputs written: {len(files_under(golden))} files in {golden}")
            return 0
        problems = compare(golden, now)
        if problems:
            print("\n".join(problems), file=sys.stderr)
            print(f"{len(problems)} golden file(s) differ; if the change is intended, run "
                  f"tests/golden/golden.py update {sys.argv[2]} {sys.argv[3]} and commit it on its own", file=sys.stderr)
            return 1
        print(f"golden outputs identical: {len(files_under(golden))} files")
        return 0


if __name__ == "__main__":
    sys.exit(main())
