// The camera's MJPEG decoder against OpenCV's own decoding of the same JPEGs, made from a real photo
// the way webcams make them (4:2:2 and 4:2:0, with and without Huffman tables), and on frames a USB
// camera really sends now and then: cut short, or not JPEG at all.
#include "TestData.h"
#include "capture/sources/MjpegDecoder.h"

#include <catch2/catch.hpp>
#include <cstdio>
#include <cstdlib>
// jpeglib.h after cstdio: it needs FILE.
#include <jpeglib.h>
#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

using namespace posesmart;

namespace {

// A 640x480 picture of a real face.
cv::Mat webcamPicture() {
    const cv::Mat photo = cv::imread(test::testData("faces/obama-1080p.jpg").string(), cv::IMREAD_COLOR);
    REQUIRE_FALSE(photo.empty());
    cv::Mat picture;
    cv::resize(photo(cv::Rect((photo.cols - photo.rows * 4 / 3) / 2, 0, photo.rows * 4 / 3, photo.rows)), picture,
               {640, 480}, 0, 0, cv::INTER_AREA);
    return picture;
}

enum class Chroma { Half422, Quarter420 };

// A JPEG as a webcam makes it: libjpeg with the chroma subsampling asked for (OpenCV 4.6's imencode
// only makes 4:2:0, and most webcams send 4:2:2).
std::vector<std::uint8_t> encode(const cv::Mat& picture, int quality, Chroma chroma) {
    jpeg_compress_struct info{};
    jpeg_error_mgr errors{};
    info.err = jpeg_std_error(&errors);
    jpeg_create_compress(&info);
    unsigned char* buffer = nullptr;
    unsigned long size = 0;
    jpeg_mem_dest(&info, &buffer, &size);
    info.image_width = static_cast<JDIMENSION>(picture.cols);
    info.image_height = static_cast<JDIMENSION>(picture.rows);
    info.input_components = 3;
    info.in_color_space = JCS_EXT_BGR;
    jpeg_set_defaults(&info);
    jpeg_set_quality(&info, quality, TRUE);
    info.comp_info[0].h_samp_factor = 2;
    info.comp_info[0].v_samp_factor = chroma == Chroma::Half422 ? 1 : 2;
    jpeg_start_compress(&info, TRUE);
    while (info.next_scanline < info.image_height) {
        JSAMPROW row = const_cast<JSAMPROW>(picture.ptr(static_cast<int>(info.next_scanline)));
        jpeg_write_scanlines(&info, &row, 1);
    }
    jpeg_finish_compress(&info);
    jpeg_destroy_compress(&info);
    std::vector<std::uint8_t> jpeg(buffer, buffer + size);
    std::free(buffer);
    return jpeg;
}

// The JPEG without its Huffman tables (DHT segments), as motion-JPEG webcams send their frames.
std::vector<std::uint8_t> withoutHuffmanTables(const std::vector<std::uint8_t>& jpeg) {
    std::vector<std::uint8_t> out(jpeg.begin(), jpeg.begin() + 2);  // SOI
    std::size_t at = 2;
    while (at + 4 <= jpeg.size() && jpeg[at] == 0xFF && jpeg[at + 1] != 0xDA) {
        const std::size_t length = (static_cast<std::size_t>(jpeg[at + 2]) << 8U) | jpeg[at + 3];
        if (jpeg[at + 1] != 0xC4) out.insert(out.end(), jpeg.begin() + at, jpeg.begin() + at + 2 + length);
        at += 2 + length;
    }
    out.insert(out.end(), jpeg.begin() + at, jpeg.end());  // the scan and EOI
    return out;
}

double largestDifference(const cv::Mat& a, const cv::Mat& b) {
    return cv::norm(a, b, cv::NORM_INF);
}

}  // namespace

TEST_CASE("MJPEG frames decode to the picture OpenCV decodes") {
    const cv::Mat picture = webcamPicture();
    MjpegDecoder decoder;
    for (const Chroma chroma : {Chroma::Half422, Chroma::Quarter420}) {
        for (const int quality : {50, 80, 95}) {
            CAPTURE(chroma == Chroma::Half422 ? "4:2:2" : "4:2:0", quality);
            const std::vector<std::uint8_t> jpeg = encode(picture, quality, chroma);
            const cv::Mat expected = cv::imdecode(jpeg, cv::IMREAD_COLOR);
            cv::Mat bgr;
            REQUIRE(decoder.decode(jpeg.data(), jpeg.size(), {640, 480}, bgr));
            CHECK(bgr.type() == CV_8UC3);
            CHECK(bgr.size() == cv::Size(640, 480));
            CHECK(largestDifference(bgr, expected) == 0.0);
            // It is the picture, channels in BGR order (JPEG's loss aside).
            cv::Mat error;
            cv::absdiff(bgr, picture, error);
            const cv::Scalar meanError = cv::mean(error);
            CHECK(meanError[0] < 6.0);
            CHECK(meanError[2] < 6.0);
        }
    }
}

TEST_CASE("an MJPEG frame without Huffman tables decodes with the standard ones") {
    const cv::Mat picture = webcamPicture();
    const std::vector<std::uint8_t> jpeg = encode(picture, 80, Chroma::Half422);
    const std::vector<std::uint8_t> bare = withoutHuffmanTables(jpeg);
    REQUIRE(bare.size() + 400 < jpeg.size());  // the four tables took about 420 bytes
    MjpegDecoder decoder;
    cv::Mat full;
    cv::Mat fromBare;
    REQUIRE(decoder.decode(jpeg.data(), jpeg.size(), {640, 480}, full));
    REQUIRE(decoder.decode(bare.data(), bare.size(), {640, 480}, fromBare));
    CHECK(largestDifference(full, fromBare) == 0.0);
}

TEST_CASE("a damaged MJPEG frame is refused and the next one decodes") {
    const cv::Mat picture = webcamPicture();
    const std::vector<std::uint8_t> jpeg = encode(picture, 80, Chroma::Half422);
    MjpegDecoder decoder;
    cv::Mat bgr;
    SECTION("cut short on the way") {
        const std::vector<std::uint8_t> cut(jpeg.begin(), jpeg.begin() + static_cast<long>(jpeg.size() * 6 / 10));
        CHECK_FALSE(decoder.decode(cut.data(), cut.size(), {640, 480}, bgr));
    }
    SECTION("not a JPEG") {
        std::vector<std::uint8_t> noise(20000);
        cv::randu(noise, 0, 256);
        CHECK_FALSE(decoder.decode(noise.data(), noise.size(), {640, 480}, bgr));
        CHECK_FALSE(decoder.decode(jpeg.data(), 0, {640, 480}, bgr));
        CHECK_FALSE(decoder.decode(nullptr, 100, {640, 480}, bgr));
    }
    SECTION("its header gives another size") {
        CHECK_FALSE(decoder.decode(jpeg.data(), jpeg.size(), {1280, 720}, bgr));
        CHECK(bgr.empty());  // refused before anything was allocated
    }
    SECTION("a grey JPEG") {
        cv::Mat grey;
        cv::cvtColor(picture, grey, cv::COLOR_BGR2GRAY);
        std::vector<std::uint8_t> greyJpeg;
        REQUIRE(cv::imencode(".jpg", grey, greyJpeg, {cv::IMWRITE_JPEG_QUALITY, 90}));
        REQUIRE(decoder.decode(greyJpeg.data(), greyJpeg.size(), {640, 480}, bgr));
        std::vector<cv::Mat> channels;
        cv::split(bgr, channels);
        CHECK(largestDifference(channels[0], channels[2]) == 0.0);
        CHECK(largestDifference(channels[0], cv::imdecode(greyJpeg, cv::IMREAD_GRAYSCALE)) == 0.0);
    }
    cv::Mat good;
    REQUIRE(decoder.decode(jpeg.data(), jpeg.size(), {640, 480}, good));
    CHECK(largestDifference(good, cv::imdecode(jpeg, cv::IMREAD_COLOR)) == 0.0);
}
