#!/usr/bin/env python3
"""Runs every posesmart-cli command that README.md shows, in the README's order, and fails when one
fails (non-zero exit) or when there is none.

    readme_commands.py README.md POSESMART_CLI TESTDATA_DIR

A command is a line of a ```sh block, or an inline `code span`, that starts with `posesmart-cli` and
has at least one option (`--...`); a span that only names a subcommand (`posesmart-cli report`) is
prose, and usage synopses are ```text blocks. Comments after `#` are dropped. The commands run with
bash in one scratch folder (files one writes, the next reads), with `../shared/testdata` there
pointing at TESTDATA_DIR and `posesmart-cli` on the PATH. Exit 77 (skipped) without the test data.
"""
import os
import re
import shlex
import subprocess
import sys
import tempfile
import time


def commands(readme_text):
    found = []
    fence = None  # the language of the open ``` block, or None outside blocks
    for line in readme_text.splitlines():
        stripped = line.strip()
        if stripped.startswith("```"):
            fence = stripped[3:].strip() if fence is None else None
            continue
        if fence is not None:
            candidates = [stripped] if fence == "sh" else []
        else:
            candidates = re.findall(r"`(posesmart-cli [^`]*)`", line)
        for candidate in candidates:
            words = shlex.split(candidate, comments=True)
            if words and words[0] == "posesmart-cli" and any(w.startswith("--") for w in words):
                found.append(shlex.join(words))
    return found


def main():
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    readme, cli, testdata = sys.argv[1:]
    if not os.path.isdir(testdata):
        print(f"SKIPPED: test data not found at {testdata}")
        return 77
    with open(readme, encoding="utf-8") as f:
        found = commands(f.read())
    if not found:
        print(f"FAIL: no posesmart-cli command found in {readme}")
        return 1
    with tempfile.TemporaryDirectory(prefix="posesmart-readme.") as scratch:
        os.makedirs(os.path.join(scratch, "shared"))
        os.symlink(os.path.abspath(testdata), os.path.join(scratch, "shared", "testdata"))
        work = os.path.join(scratch, "work")
        os.makedirs(work)
        bin_dir = os.path.join(scratch, "bin")
        os.makedirs(bin_dir)
        os.symlink(os.path.abspath(cli), os.path.join(bin_dir, "posesmart-cli"))
        env = dict(os.environ, PATH=bin_dir + os.pathsep + os.environ.get("PATH", ""),
                   HOME=scratch, XDG_DATA_HOME=os.path.join(scratch, "data"))
        for number, command in enumerate(found, 1):
            start = time.monotonic()
            run = subprocess.run(["bash", "-c", command], cwd=work, env=env, stdout=subprocess.PIPE,
                                 stderr=subprocess.STDOUT, text=True)
            print(f"[{number}/{len(found)}] {command}  (exit {run.returncode}, "
                  f"{time.monotonic() - start:.1f} s)")
            if run.returncode != 0:
                print(run.stdout)
                print(f"FAIL: the README's command failed: {command}")
                return 1
    print(f"all {len(found)} commands of {readme} ran")
    return 0


if __name__ == "__main__":
    sys.exit(main())
