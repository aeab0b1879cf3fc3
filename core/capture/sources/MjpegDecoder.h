// MjpegDecoder: a webcam's MJPEG frames straight into BGR pictures with libjpeg-turbo. OpenCV's
// imdecode (4.6, Debian 12) has libjpeg write RGB and swaps the channels itself, a plain loop that
// costs more than the decoding; libjpeg-turbo writes BGR directly. The decompressor is kept between
// frames, so a frame costs no set-up. Frames without Huffman tables (the motion-JPEG habit of many
// webcams) are decoded with the standard tables. A frame whose data ends early (cut short on USB)
// is refused rather than analysed half grey, as libjpeg would pad it.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <opencv2/core/mat.hpp>

namespace posesmart {

class MjpegDecoder {
public:
    MjpegDecoder();
    ~MjpegDecoder();
    MjpegDecoder(const MjpegDecoder&) = delete;
    MjpegDecoder& operator=(const MjpegDecoder&) = delete;

    // Decodes one JPEG of the `expected` size into `bgr` (8-bit, 3 channels, reallocated only when
    // it is not that already). False when the data is not a JPEG that libjpeg can decode to colour,
    // its header gives another size (checked before anything is allocated) or its data ends early;
    // `bgr` is then unspecified.
    bool decode(const std::uint8_t* data, std::size_t size, cv::Size expected, cv::Mat& bgr);

private:
    struct State;
    std::unique_ptr<State> m_state;
};

}  // namespace posesmart
