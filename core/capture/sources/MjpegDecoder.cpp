#include "MjpegDecoder.h"

// <cstdio> comes before jpeglib.h, which needs FILE and size_t declared.
#include <algorithm>
#include <csetjmp>
#include <cstdio>
#include <jpeglib.h>
// jerror.h after jpeglib.h: the warning codes.
#include <jerror.h>

#ifndef JCS_EXTENSIONS
#error "libjpeg-turbo is needed (JCS_EXT_BGR output): Debian's libjpeg-dev is libjpeg62-turbo-dev"
#endif

namespace posesmart {

namespace {

// libjpeg reports a fatal error by calling error_exit, which must not return: it jumps back into
// decode(). Warnings are not printed; the ones that say the frame's data ended early are noted.
struct ErrorManager {
    jpeg_error_mgr base{};
    std::jmp_buf jump{};
    bool cutShort = false;
};

[[noreturn]] void jumpOnError(j_common_ptr info) {
    auto* manager = reinterpret_cast<ErrorManager*>(info->err);  // base is its first member
    std::longjmp(manager->jump, 1);
}

void noteWarning(j_common_ptr info, int level) {
    auto* manager = reinterpret_cast<ErrorManager*>(info->err);
    if (level < 0 && (manager->base.msg_code == JWRN_JPEG_EOF || manager->base.msg_code == JWRN_HIT_MARKER)) {
        manager->cutShort = true;
    }
}

}  // namespace

struct MjpegDecoder::State {
    ErrorManager errors;
    jpeg_decompress_struct info{};
};

MjpegDecoder::MjpegDecoder() : m_state(std::make_unique<State>()) {
    m_state->info.err = jpeg_std_error(&m_state->errors.base);
    m_state->errors.base.error_exit = jumpOnError;
    m_state->errors.base.emit_message = noteWarning;
    jpeg_create_decompress(&m_state->info);
}

MjpegDecoder::~MjpegDecoder() {
    jpeg_destroy_decompress(&m_state->info);
}

// Only plain C data lives between setjmp and a jump back (nothing to destroy is skipped): `bgr` is the
// caller's, and its rows are written by libjpeg.
bool MjpegDecoder::decode(const std::uint8_t* data, std::size_t size, cv::Size expected, cv::Mat& bgr) {
    jpeg_decompress_struct& info = m_state->info;
    if (data == nullptr || size == 0) return false;
    m_state->errors.cutShort = false;
    if (setjmp(m_state->errors.jump) != 0) {
        jpeg_abort_decompress(&info);
        return false;
    }
    jpeg_mem_src(&info, data, static_cast<unsigned long>(size));
    if (jpeg_read_header(&info, TRUE) != JPEG_HEADER_OK || static_cast<int>(info.image_width) != expected.width ||
        static_cast<int>(info.image_height) != expected.height) {
        jpeg_abort_decompress(&info);
        return false;
    }
    info.out_color_space = JCS_EXT_BGR;
    jpeg_start_decompress(&info);
    if (info.output_components != 3) {
        jpeg_abort_decompress(&info);
        return false;
    }
    bgr.create(expected, CV_8UC3);
    constexpr int kRowsAtOnce = 16;  // libjpeg's largest output batch (4:2:0 with 2x2 IDCT scaling)
    JSAMPROW rows[kRowsAtOnce];
    while (info.output_scanline < info.output_height) {
        const int first = static_cast<int>(info.output_scanline);
        const int count = std::min(kRowsAtOnce, expected.height - first);
        for (int i = 0; i < count; ++i) rows[i] = bgr.ptr(first + i);
        jpeg_read_scanlines(&info, rows, static_cast<JDIMENSION>(count));
    }
    jpeg_finish_decompress(&info);
    return !m_state->errors.cutShort;
}

}  // namespace posesmart
