// The C interface of libposesmart_fakecam_frames.so, the OpenCV part of the fake camera.

// The interposer dlopens it only when a fake camera starts streaming: programs that merely run with
// the interposer preloaded (bash, python, ffmpeg) then never load OpenCV.
#pragma once

#include <cstddef>
#include <cstdint>

extern "C" {

struct PosesmartFakecamFrames;

// Frames of `videoPath` (nullptr or "": a generated test pattern) as `fourcc` (V4L2 YUYV or MJPG)
// `width` x `height`. nullptr on failure, with a reason in `error` (`errorSize` bytes).
using PosesmartFakecamFramesOpen = PosesmartFakecamFrames* (*)(const char* videoPath, uint32_t fourcc,
                                                                uint32_t width, uint32_t height,
                                                                int jpegQuality, char* error, size_t errorSize);
// The encoded frame shown `seconds` after the stream started (the video loops). The bytes stay valid
// until the next call on the same handle. Returns 0 on success.
using PosesmartFakecamFramesAt = int (*)(PosesmartFakecamFrames* frames, double seconds,
                                         const unsigned char** data, size_t* size);
using PosesmartFakecamFramesClose = void (*)(PosesmartFakecamFrames* frames);

}

#define POSESMART_FAKECAM_FRAMES_OPEN "posesmart_fakecam_frames_open"
#define POSESMART_FAKECAM_FRAMES_AT "posesmart_fakecam_frames_at"
#define POSESMART_FAKECAM_FRAMES_CLOSE "posesmart_fakecam_frames_close"
