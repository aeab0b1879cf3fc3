// PeopleFrames: one frontal frame of each of several people (video frames and photos from
// ../shared/testdata), for tests that transform real faces by known amounts.
#pragma once

#include <opencv2/core/mat.hpp>
#include <string>
#include <vector>

namespace posesmart::test {

struct PersonFrame {
    std::string name;
    cv::Mat bgr;
};

std::vector<PersonFrame> peopleFrames();

}  // namespace posesmart::test
