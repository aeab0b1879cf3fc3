#!/usr/bin/env python3
"""Posture dev data: clips made by exact transforms of real frames, with their ground truth.

usage: scripts/devdata/make_posture_clips.py [OUT_DIR] [--scenarios DIR] [--testdata DIR]
           [--cli PATH] [--synth PATH] [--force] [--only TEXT] [--list]

Each scenario is a CSV in scripts/devdata/posture/: a stretch of a real recording from
../shared/testdata and the segments of the clip, each with a transform sized in inter-ocular
distances (IOD) of the source. Comment lines before the first segment describe it; these keys set it:

    # source: blink/talkingface_0-100s.mp4    (relative to --testdata)
    # from: 0                                 (seconds in the source; frame round(s * fps))
    # to: 100
    # order: forward | pingpong               (pingpong: forward, backward, ... until `length`)
    # length: 96                              (seconds, for pingpong and loop)
    # mode: transform | loop                  (loop: the stretch repeated as it is, stream copy)
    # ramp: 1.5                               (seconds each transform takes to come and go)
    # calibration: ok | refused:face | refused:moved | refused:turned | refused:tilted | any
    # alerts: none | no_posture | any         (none: no alert at all; no_posture: no posture alert)
    start_s,end_s,state,zoom,drop_iod,angle_deg
    0,12,good,1,0,0
    12,24,forward_head,1.2,0.35,0

Segments follow each other from 0 to the clip's end; state is good, forward_head, slouch, too_close,
tilted or away. A transform in the first segment is in full from the first frame (a calibration on
a turned head, say), not ramped in.

zoom (1.2: the face 20% larger), drop_iod (the eye line this many IOD lower than where it is in the
source; negative: higher), angle_deg (rotation, + counter-clockwise in the image, so the measured
roll, + clockwise, goes down by that much). ../shared/tools/posture_synth applies them to the real
frames, ramped over RAMP seconds (labelled `transition`); the person's own movement stays in.

posture_synth zooms and rotates about the frame centre, which moves a face that is not at the centre;
the vertical shift given to it undoes that for the eye line, so that the eye line ends up exactly
drop_iod below its place in the source frame. For that the script measures the source once with
`posesmart-cli analyze SRC --frames` (cached in OUT_DIR/measure/): iod_px per frame, and the eye-line
centre, which the CSV does not have, estimated from the 68-point box as box_y + 0.185 box_h and box
centre x + 0.06 iod_px (on the three sources, within 0.03 IOD of the true eye line on average, so
the zoom's correction is off by at most 0.01 IOD; checked against the landmarks' eye centres). The
IOD unit is the median iod_px of the source frames shown in the first 10 s of the clip (what the
CLI calibrates on by default). NAME.json's source_* values (what the person does on his own in a
segment) come from the same estimate: per-second medians are within 0.05 IOD of the truth 9 times
in 10, worst 0.15 (eyebrows moving the box top).

Output, per scenario NAME, into OUT_DIR (default build/devdata/posture under the repository root):
  NAME.mp4          x264 CRF 16, yuv420p, the source's size and frame rate
  NAME.labels.csv   start_s,end_s,state,zoom,drop_iod,angle_deg (transition rows without transform)
  NAME.json         what the clip is: source stretch, frame order, IOD unit, the expected calibration
                    verdict and alerts, each segment's posture_synth parameters and what the source
                    itself does in it (its own eye-line drop, scale and roll against the first 10 s)
Existing, up-to-date clips are kept unless --force (a clip whose scenario file changed is rebuilt).
Re-running gives the same files (fixed parameters, bit-exact muxing, 2 encoder threads).
Needs python3, ffmpeg/ffprobe, posesmart-cli and posture_synth (built with g++ and OpenCV into
OUT_DIR/bin/ when --synth is not given).
"""
import argparse
import csv
import hashlib
import json
import math
import os
import shutil
import subprocess
import sys
import tempfile

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
VERSION = "posture-clips-2"  # part of every clip's digest: bump when the making changes
EYE_Y_FROM_BOX_TOP_BOX_H = 0.185
EYE_X_FROM_BOX_CENTRE_IOD = 0.06
CALIBRATION_S = 10.0
STATES = {"good", "forward_head", "slouch", "too_close", "tilted", "away", "unknown", "transition"}
CALIBRATION_EXPECTATIONS = {"ok", "refused:face", "refused:moved", "refused:turned", "refused:tilted", "any"}
ENCODE = ["-c:v", "libx264", "-preset", "medium", "-crf", "16", "-pix_fmt", "yuv420p", "-threads", "2",
          "-fflags", "+bitexact", "-flags:v", "+bitexact", "-map_metadata", "-1", "-an"]


def die(message):
    sys.exit("make_posture_clips: " + message)


def run(cmd, **kwargs):
    result = subprocess.run(cmd, **kwargs)
    if result.returncode != 0:
        die("failed (%d): %s" % (result.returncode, " ".join(cmd)))
    return result


# ---------------------------------------------------------------- scenarios

def read_scenario(path):
    text = open(path, encoding="utf-8").read()
    meta, rows, description, header = {}, [], [], False
    for number, line in enumerate(text.splitlines(), 1):
        stripped = line.strip()
        if not stripped:
            continue
        if stripped.startswith("#"):
            body = stripped[1:].strip()
            key, sep, value = body.partition(":")
            if sep and key.strip() in {"source", "from", "to", "order", "length", "ramp", "calibration",
                                       "alerts", "mode"}:
                meta[key.strip()] = value.strip()
            elif body and not header:
                description.append(body)
            continue
        cells = [c.strip() for c in stripped.split(",")]
        if cells[0] == "start_s":
            header = True
            continue
        if len(cells) != 6:
            die("%s:%d: want start_s,end_s,state,zoom,drop_iod,angle_deg" % (path, number))
        try:
            t0, t1, zoom, drop, angle = float(cells[0]), float(cells[1]), float(cells[3]), float(cells[4]), float(cells[5])
        except ValueError:
            die("%s:%d: not a number" % (path, number))
        if cells[2] not in STATES or cells[2] == "transition":
            die("%s:%d: unknown state %r" % (path, number, cells[2]))
        rows.append({"start_s": t0, "end_s": t1, "state": cells[2], "zoom": zoom, "drop_iod": drop, "angle_deg": angle})
    name = os.path.splitext(os.path.basename(path))[0]
    for key in ("source", "from", "to"):
        if key not in meta:
            die("%s: missing '# %s:'" % (path, key))
    sc = {
        "name": name,
        "file": path,
        "description": " ".join(description),
        "source": meta["source"],
        "from_s": float(meta["from"]),
        "to_s": float(meta["to"]),
        "mode": meta.get("mode", "transform"),
        "order": meta.get("order", "forward"),
        "length_s": float(meta["length"]) if "length" in meta else None,
        "ramp_s": float(meta.get("ramp", "1.5")),
        "calibration": meta.get("calibration", "ok"),
        "alerts": meta.get("alerts", "any"),
        "segments": rows,
        "digest": hashlib.sha256((VERSION + "\n" + text).encode()).hexdigest()[:16],
    }
    if sc["mode"] not in ("transform", "loop"):
        die("%s: mode is transform or loop" % path)
    if sc["order"] not in ("forward", "pingpong"):
        die("%s: order is forward or pingpong" % path)
    if sc["calibration"] not in CALIBRATION_EXPECTATIONS:
        die("%s: calibration is one of %s" % (path, ", ".join(sorted(CALIBRATION_EXPECTATIONS))))
    if sc["alerts"] not in ("none", "no_posture", "any"):
        die("%s: alerts is none, no_posture or any" % path)
    if sc["mode"] == "transform":
        if not rows:
            die("%s: no segments" % path)
        t = 0.0
        for r in rows:
            if abs(r["start_s"] - t) > 1e-9 or r["end_s"] <= r["start_s"]:
                die("%s: segments must follow each other from 0 (at %g)" % (path, r["start_s"]))
            neutral = r["zoom"] == 1 and r["drop_iod"] == 0 and r["angle_deg"] == 0
            first_cut = r is rows[0]
            if not neutral and r["end_s"] - r["start_s"] < (1 if first_cut else 2) * sc["ramp_s"]:
                die("%s: segment at %g is shorter than its ramps" % (path, r["start_s"]))
            t = r["end_s"]
        sc["clip_s"] = t
    return sc


# ---------------------------------------------------------------- sources

def probe(path):
    out = run(["ffprobe", "-v", "error", "-select_streams", "v:0", "-count_packets", "-show_entries",
               "stream=width,height,r_frame_rate,nb_read_packets", "-of", "json", path],
              capture_output=True, text=True).stdout
    s = json.loads(out)["streams"][0]
    num, den = s["r_frame_rate"].split("/")
    return {"width": int(s["width"]), "height": int(s["height"]), "fps": float(num) / float(den),
            "frames": int(s["nb_read_packets"])}


def measure(source, out_dir, cli):
    """Per-frame measurements of the whole source file (cached)."""
    os.makedirs(os.path.join(out_dir, "measure"), exist_ok=True)
    st = os.stat(source)
    key = hashlib.sha256(("%s %d %d" % (os.path.abspath(source), st.st_size, int(st.st_mtime))).encode()).hexdigest()[:10]
    path = os.path.join(out_dir, "measure", "%s.%s.frames.csv" % (os.path.basename(source), key))
    if not os.path.exists(path):
        if not os.access(cli, os.X_OK):
            die("posesmart-cli not found at %s (build it, or use --cli)" % cli)
        run([cli, "analyze", source, "--frames", path + ".tmp", "--calibrate-seconds", "0"], stdout=subprocess.DEVNULL)
        os.replace(path + ".tmp", path)
    frames = {}
    with open(path) as f:
        for row in csv.DictReader(f):
            if row["iod_px"]:
                iod = float(row["iod_px"])
                frames[int(row["frame"])] = {
                    "iod": iod,
                    "eye_y": float(row["box_y"]) + EYE_Y_FROM_BOX_TOP_BOX_H * float(row["box_h"]),
                    "eye_x": float(row["box_x"]) + float(row["box_w"]) / 2 + EYE_X_FROM_BOX_CENTRE_IOD * iod,
                    "roll": float(row["roll_deg"]),
                }
    return frames


def frame_order(sc, info):
    """Source frame numbers, in the order the clip shows them."""
    fps = info["fps"]
    first, end = int(round(sc["from_s"] * fps)), min(info["frames"], int(round(sc["to_s"] * fps)))
    if end - first < 2:
        die("%s: the source stretch is empty" % sc["name"])
    forward = list(range(first, end))
    if sc["mode"] == "loop" or sc["order"] == "forward":
        if sc["mode"] == "transform" and sc["clip_s"] > len(forward) / fps + 1e-6:
            die("%s: segments run to %g s, the stretch has %.3f s" % (sc["name"], sc["clip_s"], len(forward) / fps))
        return forward
    want = int(round((sc["length_s"] or sc["clip_s"]) * fps))
    cycle = forward + forward[-2:0:-1]  # turn without showing the end frames twice
    order = [cycle[i % len(cycle)] for i in range(want)]
    if sc["clip_s"] > want / fps + 1e-6:
        die("%s: segments run to %g s, length is %g s" % (sc["name"], sc["clip_s"], want / fps))
    return order


def prepare_source(source, info, order, work):
    """The frames in clip order as a lossless FFV1 file that posture_synth reads from its start."""
    first, last = min(order), max(order)
    raw = os.path.join(work, "stretch.yuv")
    run(["ffmpeg", "-v", "error", "-y", "-i", source, "-an", "-vf",
         "trim=start_frame=%d:end_frame=%d,setpts=PTS-STARTPTS" % (first, last + 1),
         "-f", "rawvideo", "-pix_fmt", "yuv420p", raw])
    size = info["width"] * info["height"] * 3 // 2
    have = os.path.getsize(raw) // size
    if have < last - first + 1:
        die("%s: decoded %d frames of %d" % (source, have, last - first + 1))
    out = os.path.join(work, "prepared.mkv")
    enc = subprocess.Popen(["ffmpeg", "-v", "error", "-y", "-f", "rawvideo", "-pix_fmt", "yuv420p", "-s",
                            "%dx%d" % (info["width"], info["height"]), "-framerate", fmt(info["fps"]), "-i", "-",
                            "-c:v", "ffv1", "-threads", "2", "-fflags", "+bitexact", "-flags:v", "+bitexact", out],
                           stdin=subprocess.PIPE)
    with open(raw, "rb") as f:
        for n in order:
            f.seek((n - first) * size)
            enc.stdin.write(f.read(size))
    enc.stdin.close()
    if enc.wait() != 0:
        die("ffmpeg (FFV1) failed")
    os.remove(raw)
    return out


def fmt(x):
    return ("%.6f" % x).rstrip("0").rstrip(".")


# ---------------------------------------------------------------- one clip

def median(values):
    values = sorted(values)
    return values[len(values) // 2] if values else float("nan")


def synth_segments(sc, info, order, frames):
    """posture_synth's segment lines, and per segment what the source does on its own."""
    fps, width, height = info["fps"], info["width"], info["height"]
    cx, cy = width / 2.0, height / 2.0

    def shown(t0, t1):
        return [frames[order[i]] for i in range(int(math.ceil(t0 * fps - 1e-9)), min(len(order), int(math.ceil(t1 * fps - 1e-9))))
                if order[i] in frames]

    calib = shown(0, CALIBRATION_S)
    if len(calib) < 10:
        calib = [m for m in (frames.get(n) for n in order) if m]  # no face at the start: the whole clip's
    if not calib:
        die("%s: no face measured in the source stretch" % sc["name"])
    iod_ref = median([m["iod"] for m in calib])
    eye_ref = median([m["eye_y"] for m in calib])
    roll_ref = median([m["roll"] for m in calib])
    zoom_cal = sc["segments"][0]["zoom"]
    lines, details = [], []
    for k, seg in enumerate(sc["segments"]):
        seen = shown(seg["start_s"], seg["end_s"]) or calib
        ex, ey = median([m["eye_x"] for m in seen]), median([m["eye_y"] for m in seen])
        theta = math.radians(seg["angle_deg"])
        alpha, beta = seg["zoom"] * math.cos(theta), seg["zoom"] * math.sin(theta)
        moved = -beta * (ex - cx) + (alpha - 1) * (ey - cy)  # where zoom and rotation take the eye line
        shift = (seg["drop_iod"] * iod_ref * zoom_cal - moved) / height
        neutral = seg["zoom"] == 1 and seg["drop_iod"] == 0 and seg["angle_deg"] == 0
        t0 = seg["start_s"]
        if k == 0 and not neutral:
            t0 -= sc["ramp_s"]  # the clip starts with the transform in full, not ramping in
        lines.append("%s,%s,%s,%s,%.6f,%s" % (fmt(t0), fmt(seg["end_s"]), seg["state"], fmt(seg["zoom"]), 0.0 if neutral else shift,
                                               fmt(seg["angle_deg"])))
        details.append({
            "start_s": seg["start_s"], "end_s": seg["end_s"], "state": seg["state"], "zoom": seg["zoom"],
            "drop_iod": seg["drop_iod"], "angle_deg": seg["angle_deg"], "synth_shift": round(0.0 if neutral else shift, 6),
            # the source on its own during the segment, against the clip's first 10 s
            "source_drop_iod": round((median([m["eye_y"] for m in seen]) - eye_ref) / iod_ref, 3),
            "source_scale": round(median([m["iod"] for m in seen]) / iod_ref, 3),
            "source_roll_deg": round(median([m["roll"] for m in seen]), 1),
            # what a measurement should then show, against a baseline from the first 10 s
            "expected_scale": round(seg["zoom"] / zoom_cal * median([m["iod"] for m in seen]) / iod_ref, 3),
            "expected_drop_iod": round(seg["drop_iod"] + seg["zoom"] / zoom_cal * (ey - eye_ref) / iod_ref, 3),
            "expected_roll_deg": round(median([m["roll"] for m in seen]) - seg["angle_deg"], 1),
        })
    return lines, details, {"iod_px": round(iod_ref, 2), "eye_line_y_px": round(eye_ref, 1), "roll_deg": round(roll_ref, 1),
                            "face_frames": len(calib)}


def read_synth_labels(path, sc):
    rows = []
    for line in open(path):
        cells = line.strip().split(",")
        if len(cells) != 3:
            if line.strip():
                die("posture_synth said: " + line.strip())
            continue
        t0, t1, state = max(0.0, float(cells[0])), float(cells[1]), cells[2]
        if t1 - t0 > 1e-9:
            rows.append([t0, t1, state])
    out = []
    for t0, t1, state in rows:
        seg = None
        if state != "transition":
            seg = next(s for s in sc["segments"] if s["start_s"] - 1e-6 <= t0 and t1 <= s["end_s"] + 1e-6 and s["state"] == state)
        out.append({"start_s": round(t0, 3), "end_s": round(t1, 3), "state": state,
                    "zoom": "" if seg is None else fmt(seg["zoom"]), "drop_iod": "" if seg is None else fmt(seg["drop_iod"]),
                    "angle_deg": "" if seg is None else fmt(seg["angle_deg"])})
    return out


def write_labels(path, rows):
    with open(path, "w", newline="") as f:
        w = csv.DictWriter(f, ["start_s", "end_s", "state", "zoom", "drop_iod", "angle_deg"], lineterminator="\n")
        w.writeheader()
        for r in rows:
            w.writerow(r)


def make_transform_clip(sc, source, info, frames, synth, out_dir):
    order = frame_order(sc, info)
    lines, details, ref = synth_segments(sc, info, order, frames)
    name = sc["name"]
    with tempfile.TemporaryDirectory(prefix=name + ".", dir=out_dir) as work:
        prepared = prepare_source(source, info, order, work)
        seg_path = os.path.join(out_dir, name + ".segments.csv")
        with open(seg_path, "w") as f:
            f.write("# posture_synth segments for %s (made by make_posture_clips.py from %s)\n" % (name, os.path.basename(sc["file"])))
            f.write("# start_s,end_s,state,zoom,shift,angle_deg\n" + "\n".join(lines) + "\n")
        labels_raw = os.path.join(work, "labels.csv")
        tmp_clip = os.path.join(work, "clip.mp4")
        with open(labels_raw, "w") as err:
            synth_proc = subprocess.Popen([synth, prepared, "0", fmt(sc["clip_s"]), seg_path, fmt(sc["ramp_s"])],
                                          stdout=subprocess.PIPE, stderr=err)
            enc = subprocess.run(["ffmpeg", "-v", "error", "-y", "-f", "rawvideo", "-pix_fmt", "bgr24", "-s",
                                  "%dx%d" % (info["width"], info["height"]), "-framerate", fmt(info["fps"]), "-i", "-"]
                                 + ENCODE + [tmp_clip], stdin=synth_proc.stdout)
            synth_proc.stdout.close()
            if synth_proc.wait() != 0 or enc.returncode != 0:
                die("%s: posture_synth or ffmpeg failed (%s)" % (name, open(labels_raw).read().strip()))
        labels = read_synth_labels(labels_raw, sc)
        os.replace(tmp_clip, os.path.join(out_dir, name + ".mp4"))
    return labels, details, ref, len(order)


def make_loop_clip(sc, source, info, out_dir):
    """The stretch repeated as it is (stream copy): for 'no alert in 10 minutes' checks."""
    name = sc["name"]
    fps = info["fps"]
    first, end = int(round(sc["from_s"] * fps)), min(info["frames"], int(round(sc["to_s"] * fps)))
    stretch_frames = end - first
    loops = int(math.ceil((sc["length_s"] or stretch_frames / fps) * fps / stretch_frames))
    with tempfile.TemporaryDirectory(prefix=name + ".", dir=out_dir) as work:
        piece = source
        if first != 0 or end != info["frames"]:
            piece = os.path.join(work, "piece.mp4")
            run(["ffmpeg", "-v", "error", "-y", "-i", source, "-vf",
                 "trim=start_frame=%d:end_frame=%d,setpts=PTS-STARTPTS" % (first, end)] + ENCODE[:4] + ["-crf", "14"] + ENCODE[6:] + [piece])
        tmp_clip = os.path.join(work, "clip.mp4")
        run(["ffmpeg", "-v", "error", "-y", "-stream_loop", str(loops - 1), "-i", piece, "-map", "0:v:0", "-c", "copy",
             "-fflags", "+bitexact", "-map_metadata", "-1", tmp_clip])
        os.replace(tmp_clip, os.path.join(out_dir, name + ".mp4"))
    length = loops * stretch_frames / fps
    labels = [{"start_s": 0.0, "end_s": round(length, 3), "state": "good", "zoom": "1", "drop_iod": "0", "angle_deg": "0"}]
    details = [{"start_s": 0.0, "end_s": round(length, 3), "state": "good", "loops": loops,
                "stretch_s": round(stretch_frames / fps, 3)}]
    return labels, details, None, loops * stretch_frames


# ---------------------------------------------------------------- posture_synth

def find_synth(args, out_dir, testdata):
    if args.synth:
        if not os.access(args.synth, os.X_OK):
            die("--synth %s is not an executable" % args.synth)
        return args.synth
    built = os.path.join(out_dir, "bin", "posture_synth")
    src = os.path.join(os.path.dirname(testdata.rstrip("/")), "tools", "posture_synth", "posture_synth.cpp")
    if os.access(built, os.X_OK) and (not os.path.exists(src) or os.path.getmtime(built) >= os.path.getmtime(src)):
        return built
    if not os.path.exists(src):
        die("posture_synth source not found at %s (use --synth)" % src)
    os.makedirs(os.path.dirname(built), exist_ok=True)
    flags = run(["pkg-config", "--cflags", "--libs", "opencv4"], capture_output=True, text=True).stdout.split()
    print("building %s" % built, flush=True)
    run(["g++", "-O2", "-std=c++17", src, "-o", built + ".tmp"] + flags)
    os.replace(built + ".tmp", built)
    return built


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("out_dir", nargs="?", default=os.path.join(REPO, "build", "devdata", "posture"))
    ap.add_argument("--scenarios", default=os.path.join(REPO, "scripts", "devdata", "posture"))
    ap.add_argument("--testdata", default=os.path.join(os.path.dirname(REPO), "shared", "testdata"))
    ap.add_argument("--cli", default=os.path.join(REPO, "build", "dev", "bin", "posesmart-cli"),
                    help="posesmart-cli, to measure the sources' inter-ocular distance")
    ap.add_argument("--synth", help="posture_synth binary (default: built into OUT_DIR/bin)")
    ap.add_argument("--force", action="store_true", help="remake clips that exist")
    ap.add_argument("--only", help="only scenarios whose name contains this")
    ap.add_argument("--list", action="store_true", help="list the scenarios and stop")
    args = ap.parse_args()
    if not os.path.isdir(args.testdata):
        die("test data not found at %s (use --testdata)" % args.testdata)
    names = sorted(f for f in os.listdir(args.scenarios) if f.endswith(".csv"))
    scenarios = [read_scenario(os.path.join(args.scenarios, f)) for f in names]
    if args.only:
        scenarios = [s for s in scenarios if args.only in s["name"]]
    if args.list:
        for sc in scenarios:
            print("%-28s %-8s %s %g-%g s  %s" % (sc["name"], sc["mode"], sc["source"], sc["from_s"], sc["to_s"], sc["description"]))
        return
    out_dir = os.path.abspath(args.out_dir)
    os.makedirs(out_dir, exist_ok=True)
    synth = None
    for sc in scenarios:
        name = sc["name"]
        meta_path = os.path.join(out_dir, name + ".json")
        outputs = [os.path.join(out_dir, name + ext) for ext in (".mp4", ".labels.csv", ".json")]
        if not args.force and all(os.path.exists(p) for p in outputs):
            try:
                same = json.load(open(meta_path)).get("digest") == sc["digest"]
            except (OSError, ValueError):
                same = False
            if same:
                print("%-28s kept" % name, flush=True)
                continue
            print("%-28s scenario changed: remaking" % name, flush=True)
        source = sc["source"] if os.path.isabs(sc["source"]) else os.path.join(args.testdata, sc["source"])
        if not os.path.exists(source):
            die("%s: source %s not found" % (name, source))
        info = probe(source)
        if sc["mode"] == "loop":
            labels, details, ref, n_frames = make_loop_clip(sc, source, info, out_dir)
        else:
            synth = synth or find_synth(args, out_dir, args.testdata)
            frames = measure(source, out_dir, args.cli)
            labels, details, ref, n_frames = make_transform_clip(sc, source, info, frames, synth, out_dir)
        write_labels(os.path.join(out_dir, name + ".labels.csv"), labels)
        meta = {
            "name": name, "description": sc["description"], "scenario": os.path.relpath(sc["file"], REPO),
            "digest": sc["digest"], "source": sc["source"], "from_s": sc["from_s"], "to_s": sc["to_s"],
            "mode": sc["mode"], "order": sc["order"], "ramp_s": sc["ramp_s"], "frames": n_frames,
            "fps": info["fps"], "width": info["width"], "height": info["height"],
            "expect": {"calibration": sc["calibration"], "alerts": sc["alerts"]},
            "reference": ref, "segments": details,
        }
        with open(meta_path, "w") as f:
            json.dump(meta, f, indent=1)
            f.write("\n")
        print("%-28s %5d frames, %d labelled segments" % (name, n_frames, len(labels)), flush=True)


if __name__ == "__main__":
    main()
