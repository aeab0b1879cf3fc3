#include "IdentityCommand.h"

#include "common/Error.h"
#include "history/HistoryStore.h"
#include "identity/FaceDescriptor.h"

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <nlohmann/json.hpp>

namespace posesmart::cli {

namespace {

// Video frames used per input: one per second, at most this many.
constexpr int kMaxFacesPerInput = 10;

struct Described {
    std::vector<FaceDescriptor> descriptors;
    double describeMs = 0.0;  // total
};

// Descriptors of the faces in an image, a folder of images or a video (one frame per second).
Described describeInput(const std::string& input, const LandmarkModel& landmarks, FaceDescriptorModel& model,
                        const PipelineOptions& pipeline) {
    const auto source = openInput(input);
    AnalyzerSettings settings = analyzerSettings(pipeline, source->info());
    settings.independentFrames = true;
    FrameAnalyzer analyzer(landmarks, settings);
    Described out;
    double nextSec = 0.0;
    while (const auto frame = source->next()) {
        if (!source->info().independentFrames && frame->timestampSec < nextSec) continue;
        nextSec = frame->timestampSec + 1.0;
        const FrameResult result = analyzer.analyze(*frame);
        if (!result.landmarks) continue;
        const auto start = std::chrono::steady_clock::now();
        out.descriptors.push_back(model.describe(frame->bgr, *result.landmarks));
        out.describeMs += std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
        if (!source->info().independentFrames && static_cast<int>(out.descriptors.size()) >= kMaxFacesPerInput) break;
    }
    return out;
}

FaceDescriptor mean(const std::vector<FaceDescriptor>& all) {
    FaceDescriptor out{};
    for (const auto& d : all) {
        for (std::size_t i = 0; i < out.size(); ++i) out[i] += d[i] / static_cast<float>(all.size());
    }
    return out;
}

double quantile(std::vector<double> v, double q) {
    if (v.empty()) return 0.0;
    std::sort(v.begin(), v.end());
    return v[static_cast<std::size_t>(q * static_cast<double>(v.size() - 1) + 0.5)];
}

}  // namespace

IdentityCommand::IdentityCommand(CLI::App& parent)
    : m_command(parent.add_subcommand("identity", "Face ID: enrol a profile, verify a face, measure pair distances")) {
    m_command->require_subcommand(1);
    m_enroll = m_command->add_subcommand("enroll", "Store the mean face descriptor of the inputs in a profile");
    m_enroll->add_option("--profile", m_profile, "profile name")->required();
    m_enroll->add_option("--db", m_dbPath, "history database holding the profiles")->required();
    m_enroll->add_option("INPUT", m_inputs, "images, folders of images or videos of the person")->required();
    m_verify = m_command->add_subcommand("verify", "Say which enrolled profile the face in INPUT belongs to");
    m_verify->add_option("--db", m_dbPath, "history database holding the profiles")->required();
    m_verify->add_option("INPUT", m_input, "an image, a folder of images or a video")->required();
    m_verify->add_option("--json", m_jsonOut, "also write the distances to this file");
    m_pairs = m_command->add_subcommand("pairs", "All pairwise descriptor distances of a folder-per-person tree");
    m_pairs->add_option("DIR", m_dirs, "trees of one folder per person (same folder = same person)")
        ->required()
        ->check(CLI::ExistingDirectory);
    m_pairs->add_option("--json", m_jsonOut, "write the distances and their statistics to this file");
    for (CLI::App* sub : {m_enroll, m_verify, m_pairs}) {
        sub->add_option("--descriptor-model", m_descriptorModel, "dlib face-recognition ResNet (default: search)");
        addPipelineOptions(*sub, m_pipeline);
    }
}

int IdentityCommand::run() const {
    if (m_enroll->parsed()) return enroll();
    if (m_verify->parsed()) return verify();
    return pairs();
}

int IdentityCommand::enroll() const {
    const auto landmarks = loadLandmarkModel(m_pipeline);
    const auto model = loadDescriptorModel(m_descriptorModel);
    std::vector<FaceDescriptor> all;
    for (const auto& input : m_inputs) {
        const Described d = describeInput(input, *landmarks, *model, m_pipeline);
        if (d.descriptors.empty()) std::cerr << "posesmart-cli: no face in '" << input << "', skipped\n";
        all.insert(all.end(), d.descriptors.begin(), d.descriptors.end());
    }
    if (all.empty()) throw Error(ErrorKind::BadInput, "no face found in the inputs: nothing enrolled");
    const FaceDescriptor enrolled = mean(all);
    HistoryStore store(m_dbPath);
    const auto profile = store.profileId(m_profile);
    store.saveFaceDescriptor(profile, std::vector<float>(enrolled.begin(), enrolled.end()));
    std::cout << "enrolled '" << m_profile << "' from " << all.size() << (all.size() == 1 ? " face" : " faces") << "\n";
    return 0;
}

int IdentityCommand::verify() const {
    const auto landmarks = loadLandmarkModel(m_pipeline);
    const auto model = loadDescriptorModel(m_descriptorModel);
    const Described d = describeInput(m_input, *landmarks, *model, m_pipeline);
    if (d.descriptors.empty()) throw Error(ErrorKind::BadInput, "no face in '" + m_input + "'");
    const FaceDescriptor face = mean(d.descriptors);
    HistoryStore store(m_dbPath);
    nlohmann::json distances = nlohmann::json::object();
    std::string best;
    double bestDistance = 1e9;
    for (const auto& name : store.profileNames()) {
        const auto enrolled = store.faceDescriptor(store.profileId(name));
        if (!enrolled || enrolled->size() != face.size()) continue;
        FaceDescriptor e{};
        std::copy(enrolled->begin(), enrolled->end(), e.begin());
        const double distance = descriptorDistance(face, e);
        distances[name] = distance;
        if (distance < bestDistance) {
            bestDistance = distance;
            best = name;
        }
    }
    if (distances.empty()) throw Error(ErrorKind::BadInput, "no profile in '" + m_dbPath + "' is enrolled");
    const bool match = bestDistance < FaceDescriptorModel::kSamePersonDistance;
    std::cout << (match ? "you: " + best : std::string("another person")) << " (nearest '" << best << "' at "
              << std::fixed << std::setprecision(3) << bestDistance << ", threshold "
              << FaceDescriptorModel::kSamePersonDistance << ")\n";
    if (!m_jsonOut.empty()) {
        std::ofstream(m_jsonOut) << nlohmann::json{{"match", match ? nlohmann::json(best) : nlohmann::json(nullptr)},
                                                   {"distances", distances},
                                                   {"threshold", FaceDescriptorModel::kSamePersonDistance}}
                                        .dump(2)
                                 << "\n";
    }
    return 0;
}

int IdentityCommand::pairs() const {
    const auto landmarks = loadLandmarkModel(m_pipeline);
    const auto model = loadDescriptorModel(m_descriptorModel);
    struct Face {
        std::string person;
        std::string file;
        FaceDescriptor descriptor;
    };
    std::vector<Face> faces;
    std::vector<std::string> skipped;
    double describeMs = 0.0;
    std::vector<std::filesystem::path> people;
    for (const auto& dir : m_dirs) {
        for (const auto& entry : std::filesystem::directory_iterator(dir)) {
            if (entry.is_directory()) people.push_back(entry.path());
        }
    }
    std::sort(people.begin(), people.end());
    for (const auto& person : people) {
        // Named by tree and folder, so that two trees with a folder of the same name stay apart.
        const std::string personName = person.parent_path().filename().string() + "/" + person.filename().string();
        std::vector<std::filesystem::path> files;
        for (const auto& entry : std::filesystem::directory_iterator(person)) files.push_back(entry.path());
        std::sort(files.begin(), files.end());
        for (const auto& file : files) {
            Described d;
            try {
                d = describeInput(file.string(), *landmarks, *model, m_pipeline);
            } catch (const Error&) {
                skipped.push_back(file.string());
                continue;
            }
            if (d.descriptors.empty()) {
                skipped.push_back(file.string());
                continue;
            }
            describeMs += d.describeMs;
            faces.push_back({personName, file.filename().string(), d.descriptors.front()});
        }
    }
    std::vector<double> same;
    std::vector<double> different;
    nlohmann::json pairList = nlohmann::json::array();
    for (std::size_t i = 0; i < faces.size(); ++i) {
        for (std::size_t j = i + 1; j < faces.size(); ++j) {
            const double distance = descriptorDistance(faces[i].descriptor, faces[j].descriptor);
            const bool samePerson = faces[i].person == faces[j].person;
            (samePerson ? same : different).push_back(distance);
            pairList.push_back({{"a", faces[i].person + "/" + faces[i].file},
                                {"b", faces[j].person + "/" + faces[j].file},
                                {"same", samePerson},
                                {"distance", distance}});
        }
    }
    // Equal-error rate: the threshold where as many same-person pairs fall above it as
    // different-person pairs below it.
    double eer = 1.0;
    double eerThreshold = 0.0;
    for (double t = 0.2; t <= 1.0; t += 0.005) {
        const double frr =
            static_cast<double>(std::count_if(same.begin(), same.end(), [&](double d) { return d >= t; })) /
            static_cast<double>(std::max<std::size_t>(1, same.size()));
        const double far =
            static_cast<double>(std::count_if(different.begin(), different.end(), [&](double d) { return d < t; })) /
            static_cast<double>(std::max<std::size_t>(1, different.size()));
        if (std::max(frr, far) < eer) {
            eer = std::max(frr, far);
            eerThreshold = t;
        }
    }
    const double threshold = FaceDescriptorModel::kSamePersonDistance;
    const auto right = std::count_if(same.begin(), same.end(), [&](double d) { return d < threshold; }) +
                       std::count_if(different.begin(), different.end(), [&](double d) { return d >= threshold; });
    const double rightShare =
        static_cast<double>(right) / static_cast<double>(std::max<std::size_t>(1, same.size() + different.size()));
    const auto stats = [](const std::vector<double>& v) {
        return nlohmann::json{{"count", v.size()},          {"min", quantile(v, 0.0)},  {"p05", quantile(v, 0.05)},
                              {"median", quantile(v, 0.5)}, {"p95", quantile(v, 0.95)}, {"max", quantile(v, 1.0)}};
    };
    const double msPerFace = faces.empty() ? 0.0 : describeMs / static_cast<double>(faces.size());
    std::cout << faces.size() << " faces (" << skipped.size() << " without a face), " << same.size()
              << " same-person and " << different.size() << " different-person pairs\n"
              << std::fixed << std::setprecision(3) << "  same person:      median " << quantile(same, 0.5)
              << ", 95% under " << quantile(same, 0.95) << ", max " << quantile(same, 1.0) << "\n"
              << "  different people: median " << quantile(different, 0.5) << ", 5% under " << quantile(different, 0.05)
              << ", min " << quantile(different, 0.0) << "\n"
              << "  equal-error rate " << eer * 100.0 << "% at " << eerThreshold << "; at the threshold " << threshold
              << ": " << rightShare * 100.0 << "% of pairs on the right side\n"
              << "  descriptor " << std::setprecision(1) << msPerFace << " ms per face\n";
    if (!m_jsonOut.empty()) {
        std::ofstream file(m_jsonOut);
        file << nlohmann::json{{"faces", faces.size()},
                               {"skipped", skipped},
                               {"same", stats(same)},
                               {"different", stats(different)},
                               {"eer", eer},
                               {"eer_threshold", eerThreshold},
                               {"threshold", threshold},
                               {"right_share", rightShare},
                               {"ms_per_face", msPerFace},
                               {"pairs", pairList}}
                    .dump(1)
             << "\n";
        if (!file) throw Error(ErrorKind::Io, "cannot write '" + m_jsonOut + "'");
    }
    return 0;
}

}  // namespace posesmart::cli
