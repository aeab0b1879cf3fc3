#!/usr/bin/env python3
"""The 2022 blink rule next to PoseSmart's, scored by the shared scorer.

usage: scripts/blink_rules.py [--cli build/dev/bin/posesmart-cli] [--testdata ../shared/testdata]

For each labelled video it runs `posesmart-cli analyze --frames --json`, rebuilds the 2022 rule
from the per-frame eye aspect ratios (mean of both eyes < 0.27 is a blink), once sampled at 2 Hz
as the original client sent pictures (each positive sample counted as a blink, as the server
answered each request on its own) and once on every frame (each run of frames below 0.27 is one
blink), and prints a Markdown table of precision, recall and F1 from ../shared/tools/score_blinks.py.
"""
import argparse
import csv
import json
import os
import re
import subprocess
import sys
import tempfile

THRESHOLD = 0.27
VIDEOS = ["talkingface_0-100s.mp4", "seven_blinks_webcam.mp4"]


def rule_2022(rows, every_frame):
    blinks = []
    next_sample = 0.0
    run = None
    for row in rows:
        if row["ear_left"] == "":
            closed = False
        else:
            closed = (float(row["ear_left"]) + float(row["ear_right"])) / 2 < THRESHOLD
        frame, t = int(row["frame"]), float(row["t_s"])
        if every_frame:
            if closed and run is None:
                run = [frame, frame, t]
            elif closed:
                run[1] = frame
            elif run is not None:
                blinks.append(run)
                run = None
        elif t >= next_sample:
            next_sample += 0.5
            if closed:
                blinks.append([frame, frame, t])
    if run is not None:
        blinks.append(run)
    return [{"start_frame": s, "end_frame": e, "start_s": t} for s, e, t in blinks]


def score(scorer, labels, video, detected):
    out = subprocess.run([sys.executable, scorer, labels, video, detected], capture_output=True, text=True, check=True)
    values = dict(re.findall(r"(\w+)=([0-9.]+)", out.stdout))
    return values["precision"], values["recall"], values["f1"], values["tp"], values["fp"], values["fn"]


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser()
    ap.add_argument("--cli", default=os.path.join(here, "..", "build", "dev", "bin", "posesmart-cli"))
    ap.add_argument("--testdata", default=os.path.join(here, "..", "..", "shared", "testdata"))
    a = ap.parse_args()
    scorer = os.path.join(a.testdata, "..", "tools", "score_blinks.py")
    labels = os.path.join(a.testdata, "blink", "labels.csv")
    print("| video | method | precision | recall | F1 | tp / fp / fn |")
    print("|---|---|---|---|---|---|")
    with tempfile.TemporaryDirectory() as tmp:
        for video in VIDEOS:
            frames, ours = os.path.join(tmp, video + ".csv"), os.path.join(tmp, video + ".json")
            subprocess.run([a.cli, "analyze", os.path.join(a.testdata, "blink", video), "--frames", frames,
                            "--json", ours, "--calibrate-seconds", "0"], check=True, stdout=subprocess.DEVNULL)
            with open(frames) as f:
                rows = list(csv.DictReader(f))
            with open(ours) as f:
                fps = json.load(f)["fps"]
            methods = [("2022 rule, 2 Hz samples", rule_2022(rows, False)),
                       ("2022 rule, every frame", rule_2022(rows, True))]
            results = []
            for name, blinks in methods:
                path = os.path.join(tmp, video + "." + str(len(results)) + ".json")
                with open(path, "w") as f:
                    json.dump({"fps": fps, "blinks": blinks}, f)
                results.append((name, score(scorer, labels, video, path)))
            results.append(("PoseSmart", score(scorer, labels, video, ours)))
            for name, (p, r, f1, tp, fp, fn) in results:
                print(f"| {video} | {name} | {p} | {r} | {f1} | {tp} / {fp} / {fn} |")


if __name__ == "__main__":
    main()
