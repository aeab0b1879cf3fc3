#include "PeopleFrames.h"

#include "TestData.h"
#include "VideoFrames.h"

#include <opencv2/imgcodecs.hpp>

namespace posesmart::test {

std::vector<PersonFrame> peopleFrames() {
    std::vector<PersonFrame> out;
    out.push_back({"talkingface #100", framesAt(testData("blink/talkingface_0-100s.mp4"), {100}).front()});
    out.push_back({"seven_blinks #20", framesAt(testData("blink/seven_blinks_webcam.mp4"), {20}).front()});
    out.push_back({"lean_turn #150", framesAt(testData("posture/webcam_lean_turn_a.mp4"), {150}).front()});
    for (const char* photo : {"faces/obama-1080p.jpg", "identity/named/biden/biden2.jpg",
                              "identity/named/rose_leslie/img2.jpg", "identity/named/alex_lacamoire/img1.jpg",
                              "identity/yale/subject03/normal.png", "identity/yale/subject07/normal.png"}) {
        out.push_back({photo, cv::imread(testData(photo).string(), cv::IMREAD_COLOR)});
    }
    return out;
}

}  // namespace posesmart::test
