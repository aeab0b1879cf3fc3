#!/usr/bin/env python3
"""Scores posesmart-cli's posture states on the clips of make_posture_clips.py.

usage: scripts/devdata/eval_posture.py [CLIPS_DIR] [--cli PATH] [--calibrate-seconds N] [--work DIR]
           [--only TEXT] [--rerun] [--markdown FILE]

For each clip in CLIPS_DIR (default build/devdata/posture: NAME.mp4, NAME.labels.csv, NAME.json) it
runs `posesmart-cli analyze NAME.mp4 --json OUT.json` (default build/dev/bin/posesmart-cli, which
calibrates on the first 10 s; results are kept in --work, default CLIPS_DIR/eval/<cli>-<stamp>/, and
reused while newer than the clip and the CLI, unless --rerun), then reports:

- per labelled segment, the share of its time the JSON's `posture` segments give the labelled
  state. Transitions are left out, and so are the first 2 s of every segment but the clip's first
  (a new state must hold 2 s before it is reported). Pass: >= 0.90, good >= 0.95. Segments are
  scored on clips whose expected calibration is `ok` (a refused calibration leaves nothing judged);
- the calibration: expected verdict (NAME.json `expect.calibration`: ok, refused:face,
  refused:moved, refused:turned, refused:tilted, or any = not scored) against the JSON's
  summary.calibration, the refusal's reason classified from its words;
- alerts: clips that expect none (`expect.alerts` = none, the 10-minute loops) fail on any alert;
  `no_posture` fails only on a posture alert (a person who really blinks little may rightly hear so).

Prints Markdown tables and PASS/FAIL; the exit code is 1 when anything fails.
"""
import argparse
import csv
import hashlib
import json
import os
import subprocess
import sys
import time

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
HOLD_S = 2.0
MIN_SHARE = 0.90
MIN_SHARE_GOOD = 0.95
# Words of PostureCalibrator's reasons (core/analysis/PostureCalibration.cpp) -> class.
REASONS = [("face", ["a face was seen in", "face in view", "no face", "left"]),
           ("turned", ["turned"]),
           ("tilted", ["tilted"]),
           ("moved", ["out of your usual place", "moved", "movement"])]


def classify_reason(text):
    low = (text or "").lower()
    for name, words in REASONS:
        if any(w in low for w in words):
            return name
    return "other"


def read_labels(path):
    with open(path) as f:
        return [{"start_s": float(r["start_s"]), "end_s": float(r["end_s"]), "state": r["state"],
                 "transform": transform_text(r)} for r in csv.DictReader(f)]


def transform_text(row):
    parts = []
    if row.get("zoom") not in ("", "1", None):
        parts.append("x" + row["zoom"])
    if row.get("drop_iod") not in ("", "0", None):
        parts.append(row["drop_iod"] + " IOD down" if not row["drop_iod"].startswith("-") else row["drop_iod"][1:] + " IOD up")
    if row.get("angle_deg") not in ("", "0", None):
        parts.append(row["angle_deg"] + " deg")
    return ", ".join(parts) or "-"


def overlap(a0, a1, b0, b1):
    return max(0.0, min(a1, b1) - max(a0, b0))


def score_segment(segment, posture):
    t0 = segment["start_s"] + (HOLD_S if segment["start_s"] > 1e-6 else 0.0)
    t1 = segment["end_s"]
    if t1 - t0 <= 0.05:
        return None
    by_state = {}
    for p in posture:
        d = overlap(t0, t1, p["start_s"], p["end_s"])
        if d > 0:
            by_state[p["state"]] = by_state.get(p["state"], 0.0) + d
    right = by_state.get(segment["state"], 0.0) / (t1 - t0)
    others = sorted(((d, s) for s, d in by_state.items() if s != segment["state"]), reverse=True)
    other = "%s %.2f" % (others[0][1], others[0][0] / (t1 - t0)) if others else "-"
    need = MIN_SHARE_GOOD if segment["state"] == "good" else MIN_SHARE
    return {"from_s": t0, "to_s": t1, "share": right, "other": other, "need": need, "pass": right >= need - 1e-9}


def run_cli(cli, clip, out, extra):
    started = time.time()
    result = subprocess.run([cli, "analyze", clip, "--json", out + ".tmp"] + extra, capture_output=True, text=True)
    if result.returncode != 0 or not os.path.exists(out + ".tmp"):
        sys.exit("eval_posture: %s failed on %s:\n%s" % (cli, clip, result.stderr.strip()))
    os.replace(out + ".tmp", out)
    return time.time() - started


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("clips", nargs="?", default=os.path.join(REPO, "build", "devdata", "posture"))
    ap.add_argument("--cli", default=os.path.join(REPO, "build", "dev", "bin", "posesmart-cli"))
    ap.add_argument("--calibrate-seconds", type=float, help="passed to the CLI (its default: 10)")
    ap.add_argument("--work", help="where the CLI's JSON goes (default CLIPS/eval/<cli>-<stamp>)")
    ap.add_argument("--only", help="only clips whose name contains this")
    ap.add_argument("--rerun", action="store_true", help="run the CLI again even when its JSON is up to date")
    ap.add_argument("--markdown", help="also write the report to this file")
    args = ap.parse_args()
    cli = os.path.abspath(args.cli)
    if not os.access(cli, os.X_OK):
        sys.exit("eval_posture: posesmart-cli not found at %s (build it, or use --cli)" % cli)
    extra = ["--calibrate-seconds", repr(args.calibrate_seconds)] if args.calibrate_seconds is not None else []
    stamp = hashlib.sha1(("%s %d %s" % (cli, int(os.path.getmtime(cli)), " ".join(extra))).encode()).hexdigest()[:8]
    work = args.work or os.path.join(args.clips, "eval", "%s-%s" % (os.path.basename(cli), stamp))
    os.makedirs(work, exist_ok=True)
    names = sorted(f[:-5] for f in os.listdir(args.clips)
                   if f.endswith(".json") and os.path.exists(os.path.join(args.clips, f[:-5] + ".mp4")))
    if args.only:
        names = [n for n in names if args.only in n]
    if not names:
        sys.exit("eval_posture: no clips in %s (make them with scripts/devdata/make_posture_clips.py)" % args.clips)

    seg_rows, cal_rows, alert_rows, failures = [], [], [], 0
    for name in names:
        meta = json.load(open(os.path.join(args.clips, name + ".json")))
        clip = os.path.join(args.clips, name + ".mp4")
        out = os.path.join(work, name + ".json")
        if args.rerun or not os.path.exists(out) or os.path.getmtime(out) < max(os.path.getmtime(clip), os.path.getmtime(cli)):
            seconds = run_cli(cli, clip, out, extra)
            print("%-28s analysed in %.0f s" % (name, seconds), file=sys.stderr, flush=True)
        result = json.load(open(out))
        posture = result.get("posture", [])
        expect = meta.get("expect", {})
        calibration = result["summary"].get("calibration", {})
        status = calibration.get("status", "none")
        got = "ok" if status in ("ok", "profile") else "refused:" + classify_reason(calibration.get("reason"))
        want = expect.get("calibration", "ok")
        cal_pass = None if want == "any" else (got == want)
        failures += cal_pass is False
        num = lambda key, digits: "" if calibration.get(key) is None else "%.*f" % (digits, calibration[key])
        cal_rows.append([name, want, got, "%s/%s" % (calibration.get("kept_frames", ""), calibration.get("frames", "")),
                         num("drift_iod", 3), num("scale_drift", 3), num("median_yaw_deg", 1),
                         (calibration.get("reason") or "").replace("|", "/"),
                         {None: "not scored", True: "pass", False: "**FAIL**"}[cal_pass]])
        alerts = result.get("alerts", [])
        kinds = {}
        for a in alerts:
            kinds[a["kind"]] = kinds.get(a["kind"], 0) + 1
        wanted_alerts = expect.get("alerts", "any")
        posture_kinds = {"forward_head", "slouch", "too_close", "tilted"}
        counted = alerts if wanted_alerts == "none" else [a for a in alerts if a["kind"] in posture_kinds]
        alert_pass = None if wanted_alerts == "any" else not counted
        failures += alert_pass is False
        alert_rows.append([name, "%.0f" % (meta["frames"] / meta["fps"]), expect.get("alerts", "any"),
                           ", ".join("%s x%d at %s s" % (k, n, ",".join("%.0f" % a["t_s"] for a in alerts if a["kind"] == k))
                                     for k, n in sorted(kinds.items())) or "none",
                           {None: "not scored", True: "pass", False: "**FAIL**"}[alert_pass]])
        if want != "ok":
            continue
        for segment in read_labels(os.path.join(args.clips, name + ".labels.csv")):
            if segment["state"] == "transition":
                continue
            s = score_segment(segment, posture)
            if s is None:
                continue
            failures += not s["pass"]
            seg_rows.append([name, "%.1f-%.1f" % (segment["start_s"], segment["end_s"]), segment["state"], segment["transform"],
                             "%.1f-%.1f" % (s["from_s"], s["to_s"]), "%.3f" % s["share"], s["other"],
                             "pass" if s["pass"] else "**FAIL**"])

    lines = ["CLI: `%s`%s" % (cli, (" " + " ".join(extra)) if extra else ""), "",
             "### Posture per labelled segment (share of the judged time in the labelled state; "
             "pass >= %.2f, good >= %.2f)" % (MIN_SHARE, MIN_SHARE_GOOD), "",
             "| clip | segment (s) | state | transform | judged (s) | share right | most other | result |",
             "|---|---|---|---|---|---|---|---|"]
    lines += ["| " + " | ".join(r) + " |" for r in seg_rows]
    passed = sum(1 for r in seg_rows if r[-1] == "pass")
    lines += ["", "%d of %d segments pass." % (passed, len(seg_rows)), "",
              "### Calibration", "",
              "| clip | expected | got | kept/frames | eye-line MAD (IOD) | scale MAD | median yaw | reason | result |",
              "|---|---|---|---|---|---|---|---|---|"]
    lines += ["| " + " | ".join(r) + " |" for r in cal_rows]
    lines += ["", "### Alerts", "", "| clip | length (s) | expected | alerts | result |", "|---|---|---|---|---|"]
    lines += ["| " + " | ".join(r) + " |" for r in alert_rows]
    lines += ["", "**%s** (%d failure%s)" % ("PASS" if failures == 0 else "FAIL", failures, "" if failures == 1 else "s")]
    report = "\n".join(lines) + "\n"
    sys.stdout.write(report)
    if args.markdown:
        with open(args.markdown, "w") as f:
            f.write(report)
    sys.exit(0 if failures == 0 else 1)


if __name__ == "__main__":
    main()
