#!/usr/bin/env python3
"""Prints the README's tables of measured figures from the program's own output, and with --update
puts them into the README between `<!-- table:NAME -->` and `<!-- /table:NAME -->`.

usage: scripts/readme_tables.py blinks SUMMARY.json [--update README.md]
       scripts/readme_tables.py posture ANALYZE.json [--update README.md]

blinks:  SUMMARY.json is the summary.json of scripts/devdata/eval_blinks.py: one row per variant
         (tp / fp / fn, precision, recall, F1) and one per cut (blinks of the full run in the cut,
         found in the cut). Tables `blink-variants` and `blink-cuts`.
posture: ANALYZE.json is `posesmart-cli analyze VIDEO --json` output: its posture segments, the time
         spent in each, and the calibration. Table `posture-segments`.
With --update the README is rewritten only when a table changed; the exit code is 0 either way.
"""
import argparse
import json
import re
import sys


def blink_tables(summary):
    rows = ["| variant | tp / fp / fn | precision | recall | F1 |", "|---|---|---|---|---|"]
    for v in summary["variants"]:
        s = v["score"]
        name = v["name"].rsplit(".", 1)[0]
        rows.append(f"| {name} | {s['tp']} / {s['fp']} / {s['fn']} | {s['precision']:.3f} | {s['recall']:.3f} "
                    f"| {s['f1']:.3f} |")
    cuts = ["| cut (10 s) | blinks of the full run in the cut | found in the cut | share |", "|---|---|---|---|"]
    for c in summary["cuts"]:
        share = f"{c['found'] / c['blinks_in_cut']:.2f}" if c["blinks_in_cut"] else "-"
        cuts.append(f"| {c['name'].rsplit('.', 1)[0]} | {c['blinks_in_cut']} | {c['found']} | {share} |")
    return {"blink-variants": "\n".join(rows), "blink-cuts": "\n".join(cuts)}


def posture_tables(doc):
    rows = ["| from (s) | to (s) | state reported |", "|---|---|---|"]
    for s in doc["posture"]:
        rows.append(f"| {s['start_s']:.1f} | {s['end_s']:.1f} | {s['state']} |")
    return {"posture-segments": "\n".join(rows)}


def update(readme, tables):
    with open(readme) as f:
        text = f.read()
    for name, table in tables.items():
        pattern = re.compile(rf"(<!-- table:{re.escape(name)} -->\n)(?:.*?\n)??( *<!-- /table:{re.escape(name)} -->)", re.S)
        if not pattern.search(text):
            sys.exit(f"readme_tables.py: no <!-- table:{name} --> ... <!-- /table:{name} --> in {readme}")
        # Tables inside list items keep the marker's indentation.
        indent = re.search(rf"\n( *)<!-- table:{re.escape(name)} -->", text).group(1)
        body = "\n".join(indent + line for line in table.split("\n"))
        text = pattern.sub(lambda m: m.group(1) + body + "\n" + m.group(2), text)
    with open(readme) as f:
        old = f.read()
    if text != old:
        with open(readme, "w") as f:
            f.write(text)


def main():
    ap = argparse.ArgumentParser(description="Print (and update) the README's tables of figures.")
    ap.add_argument("kind", choices=["blinks", "posture"])
    ap.add_argument("json")
    ap.add_argument("--update", metavar="README.md")
    a = ap.parse_args()
    with open(a.json) as f:
        doc = json.load(f)
    tables = blink_tables(doc) if a.kind == "blinks" else posture_tables(doc)
    for name, table in tables.items():
        print(f"{name}:\n{table}\n")
    if a.update:
        update(a.update, tables)


if __name__ == "__main__":
    main()
