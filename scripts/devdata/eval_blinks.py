#!/usr/bin/env python3
"""Blink accuracy on the dev variants (scripts/devdata/make_blink_variants.py), with each miss explained.

usage: scripts/devdata/eval_blinks.py [DIR] [--cli build/dev/bin/posesmart-cli] [--testdata ../shared/testdata]
                                      [--work DIR/eval] [--jobs 2] [--only TEXT] [--reuse]

For every VIDEO in DIR (default build/devdata/blink) that has its labels VIDEO.csv next to it, it runs
`posesmart-cli analyze VIDEO --json --frames --calibrate-seconds 0` (2 at a time at most; the
outputs go to --work, and --reuse keeps those already there), scores the blinks with
../shared/tools/score_blinks.py against VIDEO.csv, and prints Markdown:
  1. per variant: tp / fp / fn, precision, recall, F1, and each miss with the label's time in the
     variant and what the engine saw over the label's frames: a closure there instead, a blink off
     by more than the scorer's tolerance, frames without a face, the largest |yaw|, the head speed
     (~: the face box centre's speed over 0.25 s in inter-ocular distances per second), frames whose
     eyes the engine could not read (eyes_usable), the eye aspect ratio's dip below
     its median of the 2 s before, and a class (the first that fits, in the order of CLASSES);
     and each false alarm's time;
  2. misses by class over all variants;
  3. for every cut: how many of the blinks the engine finds in the full clip (CLIP__original) lie
     in the cut (a frame before, two after) and how many of those it finds in the cut, scored by
     the same scorer with the full run's blinks as the labels; the lost ones with what was seen.
A miss is a label that no detection covers (the scorer called with that label alone); when the
scorer's fn is higher, one detection covered two labels, and the rest are counted as "merged".
The scores, misses and cut checks are also written to WORK/summary.json:
{"variants": [{name, score: {tp, fp, fn, precision, recall, f1}, misses, false_alarms}],
 "cuts": [{name, blinks_in_cut, found}]} (scripts/readme_tables.py prints the README's table from it).
"""
import argparse
import concurrent.futures
import csv
import glob
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile

CLASSES = ["face lost", "head turn (|yaw| > 30)", "eyes not readable (landmarks jumping)", "reported unreadable",
           "closure instead", "blink off by > 2 frames", "start of clip (< 3 s)",
           "no event, eye aspect ratio dip < 10%", "no event", "merged with a neighbour"]


def run_scorer(scorer, labels, video, detected):
    out = subprocess.run([sys.executable, scorer, labels, video, detected], capture_output=True, text=True, check=True)
    v = dict(re.findall(r"(\w+)=([0-9.]+)", out.stdout))
    return {k: int(v[k]) for k in ("tp", "fp", "fn")} | {k: float(v[k]) for k in ("precision", "recall", "f1")}


def read_labels(path):
    """(comment lines, label rows) of a variant's CSV."""
    with open(path) as f:
        lines = f.readlines()
    return [l for l in lines if l.startswith("#")], list(csv.DictReader(l for l in lines if not l.startswith("#")))


def write_csv(path, rows):
    with open(path, "w", newline="") as f:
        w = csv.DictWriter(f, ["video", "kind", "start_frame", "end_frame", "start_s", "end_s"], lineterminator="\n")
        w.writeheader()
        w.writerows(rows)


def uncovered(scorer, video, rows, det, tmp):
    """Labels that no detection covers: the scorer run with each label alone."""
    missed = []
    for i, row in enumerate(rows):
        if row["kind"] != "blink":
            continue
        path = os.path.join(tmp, f"label{i}.csv")
        write_csv(path, [row])
        if run_scorer(scorer, path, video, det)["tp"] == 0:
            missed.append(row)
    return missed


def false_alarms(scorer, labels, video, doc, tmp):
    """Detections that cover no label: the scorer run with each detection alone."""
    out = []
    for i, blink in enumerate(doc["blinks"]):
        path = os.path.join(tmp, f"det{i}.json")
        with open(path, "w") as f:
            json.dump({"fps": doc["fps"], "blinks": [blink]}, f)
        if run_scorer(scorer, labels, video, path)["tp"] == 0:
            out.append(blink)
    return out


def seen(frames, doc, alarms, start, end, fps):
    """What the engine saw over frames start..end (alarms: the detections that matched no label): (class, description)."""
    rows = [r for r in frames if start <= int(r["frame"]) <= end]
    before = [r for r in frames if start - 2 * fps <= int(r["frame"]) < start and r["ear_left"]]
    lead = [r for r in frames if start - 0.25 * fps <= int(r["frame"]) <= end and r["yaw_deg"]]
    face = [r for r in rows if r["ear_left"]]
    yaw = max((abs(float(r["yaw_deg"])) for r in lead), default=0.0)
    speed = 0.0
    by_frame = {int(r["frame"]): r for r in frames}
    for r in face:
        past = by_frame.get(int(r["frame"]) - max(1, round(0.25 * fps)))
        if past and past["box_x"]:
            dx = float(r["box_x"]) + float(r["box_w"]) / 2 - float(past["box_x"]) - float(past["box_w"]) / 2
            dy = float(r["box_y"]) + float(r["box_h"]) / 2 - float(past["box_y"]) - float(past["box_h"]) / 2
            dt = float(r["t_s"]) - float(past["t_s"])
            speed = max(speed, (dx * dx + dy * dy) ** 0.5 / float(r["iod_px"]) / dt)
    ear = lambda r: (float(r["ear_left"]) + float(r["ear_right"])) / 2
    dip = 1 - min(map(ear, face)) / statistics.median(map(ear, before)) if face and before else 0.0
    closures = [c for c in doc["closures"] if c["start_frame"] <= end + 2 and c["end_frame"] >= start - 2]
    unreadable = [c for c in doc.get("unreadable", []) if c["start_frame"] <= end + 2 and c["end_frame"] >= start - 2]
    unread = sum(1 for r in face if r.get("eyes_usable") == "0")
    near = [b for b in alarms if b["start_frame"] <= end + fps / 2 and b["end_frame"] >= start - fps / 2]
    first_face = next((float(r["t_s"]) for r in frames if r["ear_left"]), 0.0)
    t = start / fps
    what = [f"face {len(face)}/{len(rows)}", f"unread {unread}", f"yaw {yaw:.0f}", f"~{speed:.1f} IOD/s",
            f"EAR {-100 * dip:+.0f}%"]
    if closures:
        what.insert(0, "closure " + ", ".join(f"{c['start_s']:.2f}-{c['end_s']:.2f} s" for c in closures))
    if near:
        off = min(near, key=lambda b: abs(b["start_frame"] - start))
        what.insert(0, f"unmatched blink at frames {off['start_frame']}-{off['end_frame']}")
    if len(face) < len(rows):
        cls = CLASSES[0]
    elif yaw > 30:
        cls = CLASSES[1]
    elif unread:
        cls = CLASSES[2]
    elif unreadable:
        cls = CLASSES[3]
    elif closures:
        cls = CLASSES[4]
    elif near:
        cls = CLASSES[5]
    elif t - first_face < 3:
        cls = CLASSES[6]
    else:
        cls = CLASSES[7] if dip < 0.10 else CLASSES[8]
    return cls, ", ".join(what)


def evaluate(video, a, scorer):
    name = os.path.basename(video)
    stem = os.path.join(a.work, os.path.splitext(name)[0])
    labels = os.path.splitext(video)[0] + ".csv"
    det, frames_csv = stem + ".json", stem + ".frames.csv"
    if not (a.reuse and os.path.exists(det) and os.path.exists(frames_csv)):
        subprocess.run([a.cli, "analyze", video, "--json", det, "--frames", frames_csv, "--calibrate-seconds", "0"],
                       check=True, stdout=subprocess.DEVNULL)
    with open(det) as f:
        doc = json.load(f)
    with open(frames_csv) as f:
        frames = list(csv.DictReader(f))
    comments, rows = read_labels(labels)
    result = {"name": name, "score": run_scorer(scorer, labels, name, det), "doc": doc, "frames": frames,
              "comments": comments, "misses": [], "false_alarms": []}
    with tempfile.TemporaryDirectory() as tmp:
        alarms = false_alarms(scorer, labels, name, doc, tmp)
        result["false_alarms"] = [b["start_s"] for b in alarms]
        for row in uncovered(scorer, name, rows, det, tmp):
            cls, what = seen(frames, doc, alarms, int(row["start_frame"]), int(row["end_frame"]), doc["fps"])
            result["misses"].append({"t": float(row["start_s"]), "frames": (row["start_frame"], row["end_frame"]),
                                     "class": cls, "seen": what})
        for _ in range(result["score"]["fn"] - len(result["misses"])):
            result["misses"].append({"t": None, "class": CLASSES[9], "seen": "one detection covered two labels"})
    return result


def cut_check(result, full, scorer):
    """Blinks of the full run inside the cut, and those the cut's run finds (scored by the scorer)."""
    start = int(next(re.search(r"cut_start_frame=(\d+)", c).group(1) for c in result["comments"] if "cut_start_frame" in c))
    fps, n = result["doc"]["fps"], result["doc"]["frames"]
    rows = []
    for b in full["doc"]["blinks"]:
        s, e = b["start_frame"] - start, b["end_frame"] - start
        if s >= 1 and e <= n - 3:  # seen closing, and reopened for the two frames the engine confirms over
            rows.append({"video": result["name"], "kind": "blink", "start_frame": s, "end_frame": e,
                         "start_s": f"{s / fps:.3f}", "end_s": f"{e / fps:.3f}"})
    with tempfile.TemporaryDirectory() as tmp:
        path, det = os.path.join(tmp, "full.csv"), os.path.join(tmp, "cut.json")
        write_csv(path, rows)
        with open(det, "w") as f:
            json.dump(result["doc"], f)
        score = run_scorer(scorer, path, result["name"], det)
        lost = uncovered(scorer, result["name"], rows, det, tmp)
        alarms = false_alarms(scorer, path, result["name"], result["doc"], tmp)
    lost = [(int(r["start_frame"]) / fps,) + seen(result["frames"], result["doc"], alarms, int(r["start_frame"]),
                                                  int(r["end_frame"]), fps) for r in lost]
    return len(rows), score["tp"], lost


def main():
    root = os.path.abspath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
    ap = argparse.ArgumentParser(description="Score the blink dev variants (see the module docstring).")
    ap.add_argument("dir", nargs="?", default=os.path.join(root, "build", "devdata", "blink"))
    ap.add_argument("--cli", default=os.path.join(root, "build", "dev", "bin", "posesmart-cli"))
    ap.add_argument("--testdata", default=os.path.join(root, "..", "shared", "testdata"))
    ap.add_argument("--work", help="where the JSON and per-frame CSV go (default DIR/eval)")
    ap.add_argument("--jobs", type=int, default=2, help="parallel analyses (at most 2)")
    ap.add_argument("--only", default="", help="only variants whose name contains this")
    ap.add_argument("--reuse", action="store_true", help="reuse the outputs already in --work")
    a = ap.parse_args()
    a.work = a.work or os.path.join(a.dir, "eval")
    os.makedirs(a.work, exist_ok=True)
    scorer = os.path.join(a.testdata, "..", "tools", "score_blinks.py")
    videos = sorted(v for v in glob.glob(os.path.join(a.dir, "*")) if v.endswith((".mp4", ".avi"))
                    and os.path.exists(os.path.splitext(v)[0] + ".csv") and a.only in os.path.basename(v))
    with concurrent.futures.ThreadPoolExecutor(max(1, min(2, a.jobs))) as pool:
        results = list(pool.map(lambda v: evaluate(v, a, scorer), videos))
    summary = {"variants": [{k: r[k] for k in ("name", "score", "misses", "false_alarms")} for r in results],
               "cuts": []}

    print("| variant | tp / fp / fn | precision | recall | F1 | misses: label time, what the engine saw | false alarms |")
    print("|---|---|---|---|---|---|---|")
    classes = {}
    for r in results:
        s = r["score"]
        misses = "; ".join(f"{m['t']:.2f} s: {m['class']} ({m['seen']})" if m["t"] is not None else m["class"]
                           for m in r["misses"]) or "-"
        alarms = ", ".join(f"{t:.2f} s" for t in r["false_alarms"]) or "-"
        print(f"| {r['name']} | {s['tp']} / {s['fp']} / {s['fn']} | {s['precision']:.3f} | {s['recall']:.3f} | "
              f"{s['f1']:.3f} | {misses} | {alarms} |")
        for m in r["misses"]:
            classes.setdefault(m["class"], []).append(r["name"])
    originals = [r["score"]["f1"] >= 0.95 for r in results if "__original." in r["name"]]
    others = [r["score"]["f1"] >= 0.90 for r in results if "__original." not in r["name"]]
    print(f"\nF1 >= 0.95: {sum(originals)} of {len(originals)} originals; F1 >= 0.90: {sum(others)} of {len(others)} variants.")
    print("\n| miss class | misses | variants |\n|---|---|---|")
    for cls in CLASSES:
        if cls in classes:
            print(f"| {cls} | {len(classes[cls])} | {len(set(classes[cls]))} |")

    full = {r["name"].split("__")[0]: r for r in results if "__original." in r["name"]}
    cuts = [r for r in results if "__cut" in r["name"] and r["name"].split("__")[0] in full]
    if cuts:
        print("\n| cut | full-run blinks in the cut | found in the cut | share | lost: time in the cut, what the engine saw |")
        print("|---|---|---|---|---|")
        for r in cuts:
            n, found, lost = cut_check(r, full[r["name"].split("__")[0]], scorer)
            summary["cuts"].append({"name": r["name"], "blinks_in_cut": n, "found": found})
            share = f"{found / n:.2f}" if n else "-"
            text = "; ".join(f"{t:.2f} s: {cls} ({what})" for t, cls, what in lost) or "-"
            print(f"| {r['name']} | {n} | {found} | {share} | {text} |")
    with open(os.path.join(a.work, "summary.json"), "w") as f:
        json.dump(summary, f, indent=1)


if __name__ == "__main__":
    main()
