#!/usr/bin/env python3
"""Harder blink dev data: deterministic variants of the two labelled blink clips, with their labels.

usage: scripts/devdata/make_blink_variants.py [OUT_DIR] [--testdata ../shared/testdata] [--force] [--only TEXT]

From ../shared/testdata/blink/ (talkingface_0-100s.mp4, 360x288 24 fps; seven_blinks_webcam.mp4,
1620x1080 30 fps) and nothing else, it writes into OUT_DIR (default build/devdata/blink under the
repository root) one video per variant and, next to it, VARIANT.csv: the labels in the format of
labels.csv (video column = the variant's file name). `CLIP__original.mp4` is a link to the clip itself.
Variants, named CLIP__TAG[__TAG...] (x264 CRF 14 unless a tag says otherwise; see variants() below):
  fps15 fps24 fps30         ffmpeg fps filter (drops or repeats frames)
  scaleS                    S x the size (even sizes, bicubic); talkingface 0.5 0.75 1.5 2 (its face
                            box is 128 px wide, so 0.5x leaves 64 px, found in 2400 of 2400 frames;
                            0.33x would leave 42 px, at the detector's ~40 px limit, and is left out);
                            seven_blinks (face box 408 px) 0.33 0.5 0.75 and 1.19 (1920 wide: 1.5x
                            and 2x are capped there)
  dark bright noise lowlight  RGB values x0.5 / x1.6 (clipped at 255) / temporal noise
                            (noise=alls=12:allf=t, fixed seed) / dark then noise
  crfN                      x264 CRF 18 23 28 30, yuv420p
  mjpegQ                    MJPEG in .avi at JPEG quality ~Q (90 50 70): -q:v 2 / 7 / 4, matched to
                            libjpeg's quality scale by luma PSNR on frames of both clips
  pan panslow               a 5/6-size crop window sliding sideways (sine, period 1.2 s / 2.4 s): the
                            face moves across the picture at up to 2.8 / 1.4 (talkingface) and 3.8 / 1.9
                            (seven_blinks) inter-ocular distances per second, like quick head moves
  cutNNs, cutT_inblink, cutT_rand  talkingface cut 10 s long at every 10 s offset; starting in the
                            middle of labelled blinks 7, 13 and 23 (eyes closed in the first frame);
                            at 3 offsets drawn with random.Random(15).random(); seven_blinks from the
                            middle of its 2nd blink to its end.
  and combinations (fps15__crf28, scale0.75__lowlight, ...).

Label mapping. Source frame i is on screen during [i/fps, (i+1)/fps) (the clips have constant
frame rates, pts = i/fps), so a labelled event start..end covers [start/fps, (end+1)/fps). A
variant's frame n is on screen during [n/fps', (n+1)/fps') from the cut's first frame; the event
maps to every variant frame whose span overlaps its own (exact fractions). The fps filter fills
frame n with the source frame on screen just before the middle of n's span (checked with framemd5),
so every variant frame that shows a labelled frame is labelled: at 30 fps a repeated frame in each
of its copies; at 15 fps also the frame at each end whose span is only partly inside the event (at
most one frame more on each side than the frames that show it). A detection on the frames that show
the blink therefore always matches, and score_blinks.py's 2-frame tolerance adds 133 ms each side
at 15 fps (83 ms at 24 fps). Times: the label's own times minus the cut's start. Edges: an event is
kept only when the variant shows open eyes before and after it (its first frame is not the
variant's first and its last is not the variant's last); an event a cut starts or ends inside, or
touches, is dropped, since the lids' closing or reopening is not in the clip, and a detection there
counts as a false alarm. Dropped events are listed as '#' lines in VARIANT.csv (the scorer skips them).

Re-running gives the same files (fixed parameters and seeds, bit-exact muxing, 2 encoder threads);
existing files are kept unless --force. One line is printed per variant.
"""
import argparse
import csv
import math
import os
import random
import subprocess
import sys
from fractions import Fraction

CLIPS = {
    "talkingface": {"file": "talkingface_0-100s.mp4", "fps": 24, "size": (360, 288)},
    "seven_blinks": {"file": "seven_blinks_webcam.mp4", "fps": 30, "size": (1620, 1080)},
}
BASE_CRF = 14  # variants about something else than compression: visually lossless
NOISE = "noise=alls=12:allf=t:all_seed=20261"
LIGHT = {
    "dark": ["format=rgb24", "lutrgb=r=val*0.5:g=val*0.5:b=val*0.5"],
    "bright": ["format=rgb24", "lutrgb=r=val*1.6:g=val*1.6:b=val*1.6"],  # lutrgb clips to 0-255
    "noise": [NOISE],
    "lowlight": ["format=rgb24", "lutrgb=r=val*0.5:g=val*0.5:b=val*0.5", "format=yuv420p", NOISE],
}
MJPEG_QSCALE = {90: 2, 70: 4, 50: 7}  # JPEG quality -> ffmpeg mjpeg -q:v
SCALES = {"talkingface": {"scale0.5": 0.5, "scale0.75": 0.75, "scale1.5": 1.5, "scale2": 2.0},
          "seven_blinks": {"scale0.33": 0.33, "scale0.5": 0.5, "scale0.75": 0.75, "scale1.19": 1920 / 1620}}
PAN_PERIOD_SEC = {"pan": 1.2, "panslow": 2.4}
CUT_SEC = 10
RANDOM_SEED = 15
TALKINGFACE_FRAMES = 2400


class Variant:
    def __init__(self, clip, tags, cut=None):
        self.clip, self.tags, self.cut = clip, tags, cut  # cut: (first source frame, frame count or None)
        self.fps = None
        self.filters = []
        self.codec = ("x264", BASE_CRF)
        for tag in tags:
            self._apply(tag)

    def _apply(self, tag):
        w, h = CLIPS[self.clip]["size"]
        if tag.startswith("fps"):
            self.fps = int(tag[3:])
        elif tag in SCALES[self.clip]:
            factor = SCALES[self.clip][tag]
            self.filters.append(f"scale={even(w * factor)}:{even(h * factor)}:flags=bicubic")
        elif tag in LIGHT:
            self.filters += LIGHT[tag]
        elif tag in PAN_PERIOD_SEC:
            cw, ch = even(w * 5 / 6), even(h * 5 / 6)
            period = PAN_PERIOD_SEC[tag]
            self.filters.append(f"crop={cw}:{ch}:x='(in_w-out_w)/2*(1+sin(2*PI*t/{period}))':y=(in_h-out_h)/2")
        elif tag.startswith("crf"):
            self.codec = ("x264", int(tag[3:]))
        elif tag.startswith("mjpeg"):
            self.codec = ("mjpeg", MJPEG_QSCALE[int(tag[5:])])
        elif not tag.startswith("cut") and tag != "original":
            raise ValueError(tag)

    @property
    def name(self):
        return "__".join([self.clip] + self.tags) + (".avi" if self.codec[0] == "mjpeg" else ".mp4")


def even(x):
    return max(2, int(round(x / 2)) * 2)


def read_labels(path, video):
    with open(path) as f:
        return [r for r in csv.DictReader(line for line in f if not line.startswith("#")) if r["video"] == video]


def variants(labels):
    out = []
    for clip in CLIPS:
        out.append(Variant(clip, ["original"]))
        out += [Variant(clip, [f"fps{f}"]) for f in (15, 24, 30)]
        out += [Variant(clip, [t]) for t in SCALES[clip]]
        out += [Variant(clip, [t]) for t in LIGHT]
        out += [Variant(clip, [f"crf{c}"]) for c in (18, 23, 28, 30)]
        out += [Variant(clip, [f"mjpeg{q}"]) for q in (90, 70, 50)]
        out += [Variant(clip, [t]) for t in PAN_PERIOD_SEC]
        out.append(Variant(clip, ["fps15", "crf28"]))
    out.append(Variant("talkingface", ["scale0.75", "lowlight"]))
    out.append(Variant("talkingface", ["fps15", "noise", "crf28"]))
    out.append(Variant("seven_blinks", ["scale0.5", "lowlight", "mjpeg50"]))
    out.append(Variant("seven_blinks", ["scale0.33", "fps15", "crf30"]))
    # Cuts of the talking face, 10 s long: every 10 s, inside blinks, at seeded random offsets.
    fps = CLIPS["talkingface"]["fps"]
    n = CUT_SEC * fps
    out += [Variant("talkingface", [f"cut{k * CUT_SEC:02d}s"], (k * n, n)) for k in range(10)]
    tf = [r for r in labels["talkingface"] if r["kind"] == "blink"]
    for index in (7, 13, 23):  # 1-based: blinks 1060-1069, 1386-1399, 1921-1930
        mid = (int(tf[index - 1]["start_frame"]) + int(tf[index - 1]["end_frame"])) // 2
        out.append(Variant("talkingface", [f"cut{mid / fps:05.2f}s_inblink"], (mid, n)))
    rng = random.Random(RANDOM_SEED)
    for _ in range(3):
        start = int(rng.random() * (TALKINGFACE_FRAMES - n + 1))
        out.append(Variant("talkingface", [f"cut{start / fps:05.2f}s_rand"], (start, n)))
    sb = [r for r in labels["seven_blinks"] if r["kind"] == "blink"]
    mid = (int(sb[1]["start_frame"]) + int(sb[1]["end_frame"])) // 2
    out.append(Variant("seven_blinks", [f"cut{mid / 30:05.2f}s_inblink"], (mid, None)))
    return out


def recipe(v):
    """The ffmpeg filter chain and encoder arguments of a variant."""
    chain = []
    if v.cut:
        first, count = v.cut
        chain.append(f"trim=start_frame={first}" + (f":end_frame={first + count}" if count else ""))
        chain.append("setpts=PTS-STARTPTS")
    if v.fps:
        chain.append(f"fps={v.fps}")
    chain += v.filters
    kind, value = v.codec
    if kind == "x264":
        chain.append("format=yuv420p")
        return chain, ["-c:v", "libx264", "-preset", "medium", "-crf", str(value), "-threads", "2"]
    chain.append("format=yuvj420p")
    return chain, ["-c:v", "mjpeg", "-q:v", str(value)]


def ffmpeg(source, v, path):
    chain, codec = recipe(v)
    cmd = ["ffmpeg", "-nostdin", "-v", "error", "-y", "-i", source, "-vf", ",".join(chain), "-an", "-sn", "-dn",
           "-map_metadata", "-1", "-fflags", "+bitexact", "-flags:v", "+bitexact"] + codec + [path]
    subprocess.run(cmd, check=True)


def probe(path):
    out = subprocess.run(["ffprobe", "-v", "error", "-select_streams", "v:0", "-count_packets", "-show_entries",
                          "stream=width,height,nb_read_packets", "-of", "csv=p=0", path],
                         capture_output=True, text=True, check=True).stdout.strip().split(",")
    return int(out[0]), int(out[1]), int(out[2])


def map_labels(rows, v, frames):
    """Rows for the variant, and a comment line per dropped event (see the docstring)."""
    src_fps = CLIPS[v.clip]["fps"]
    fps = v.fps or src_fps
    cut = v.cut[0] if v.cut else 0
    kept, dropped = [], []
    for r in rows:
        s, e = int(r["start_frame"]), int(r["end_frame"])
        begin, end = Fraction(s - cut, src_fps), Fraction(e + 1 - cut, src_fps)
        first, last = math.floor(begin * fps), math.ceil(end * fps) - 1
        if first >= 1 and last <= frames - 2:
            shift = cut / src_fps
            kept.append([v.name, r["kind"], first, last, f"{float(r['start_s']) - shift:.3f}",
                         f"{float(r['end_s']) - shift:.3f}"])
        elif last >= 0 and first < frames:
            why = "no open eyes before it in the variant" if first < 1 else "no open eyes after it in the variant"
            dropped.append(f"# dropped: {r['kind']} source frames {s}-{e} ({r['start_s']}-{r['end_s']} s): {why}")
    return kept, dropped


def write_labels(path, v, kept, dropped):
    src = CLIPS[v.clip]["file"]
    with open(path + ".tmp", "w", newline="") as f:
        f.write(f"# Blink ground truth for {v.name}: {src} labels mapped by scripts/devdata/make_blink_variants.py.\n"
                "# Frames are 0-based decode order of this file; times in seconds from its start.\n"
                "# kind: blink (lid closes and reopens, < 0.5 s) | long_closure (eyes held shut; NOT a blink)\n")
        if v.tags != ["original"]:
            chain, codec = recipe(v)
            f.write(f"# made with: ffmpeg -i {src} -vf '{','.join(chain)}' {' '.join(codec)}\n")
        f.write(f"# cut_start_frame={v.cut[0] if v.cut else 0} source_fps={CLIPS[v.clip]['fps']}\n")
        for line in dropped:
            f.write(line + "\n")
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["video", "kind", "start_frame", "end_frame", "start_s", "end_s"])
        w.writerows(kept)
    os.replace(path + ".tmp", path)


def main():
    root = os.path.abspath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
    ap = argparse.ArgumentParser(description="Make the blink dev variants (see the module docstring).")
    ap.add_argument("out", nargs="?", default=os.path.join(root, "build", "devdata", "blink"))
    ap.add_argument("--testdata", default=os.path.join(root, "..", "shared", "testdata"))
    ap.add_argument("--force", action="store_true", help="remake files that exist")
    ap.add_argument("--only", default="", help="only variants whose name contains this")
    a = ap.parse_args()
    blink_dir = os.path.abspath(os.path.join(a.testdata, "blink"))
    labels_csv = os.path.join(blink_dir, "labels.csv")
    labels = {clip: read_labels(labels_csv, c["file"]) for clip, c in CLIPS.items()}
    os.makedirs(a.out, exist_ok=True)
    for v in variants(labels):
        if a.only not in v.name:
            continue
        video = os.path.join(a.out, v.name)
        csv_path = os.path.splitext(video)[0] + ".csv"
        source = os.path.join(blink_dir, CLIPS[v.clip]["file"])
        made = a.force or not os.path.lexists(video)
        if made:
            if os.path.lexists(video):
                os.remove(video)
            if v.tags == ["original"]:
                os.symlink(source, video)
            else:
                tmp = video + ".part" + os.path.splitext(video)[1]
                ffmpeg(source, v, tmp)
                os.replace(tmp, video)
        width, height, frames = probe(video)
        kept, dropped = map_labels(labels[v.clip], v, frames)
        if made or not os.path.exists(csv_path):
            write_labels(csv_path, v, kept, dropped)
        fps = v.fps or CLIPS[v.clip]["fps"]
        print(f"{'made' if made else 'kept'} {v.name}: {width}x{height} {fps} fps {frames} frames, "
              f"{len(kept)} labelled events, {len(dropped)} dropped at the edges", flush=True)


if __name__ == "__main__":
    sys.exit(main())
