// posesmart-convert-face-weights: builds dlib's face-recognition ResNet from the TensorFlow.js
// port in @vladmandic/face-api (model/face_recognition_model-weights_manifest.json and
// model/face_recognition_model.bin, some tensors uint8-quantised with scale/min) and saves it in
// dlib's format, as dlib_face_recognition_resnet_model_v1.dat.
//
// usage: posesmart-convert-face-weights MANIFEST.json WEIGHTS.bin OUT.dat
#include "identity/FaceRecognitionNet.h"

#include <cstring>
#include <fstream>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string>
#include <vector>

namespace {

using namespace posesmart::facenet;

struct Tensor {
    std::vector<long> shape;
    std::vector<float> values;
};

// Every tensor of the manifest, dequantised: value = q * scale + min for uint8 ones.
std::map<std::string, Tensor> readWeights(const std::string& manifestPath, const std::string& binPath) {
    std::ifstream manifestIn(manifestPath);
    if (!manifestIn) throw std::runtime_error("cannot read " + manifestPath);
    const auto manifest = nlohmann::json::parse(manifestIn);
    std::ifstream binIn(binPath, std::ios::binary);
    if (!binIn) throw std::runtime_error("cannot read " + binPath);
    const std::vector<char> bin((std::istreambuf_iterator<char>(binIn)), std::istreambuf_iterator<char>());
    std::map<std::string, Tensor> out;
    std::size_t offset = 0;
    for (const auto& group : manifest) {
        for (const auto& w : group.at("weights")) {
            Tensor t;
            std::size_t count = 1;
            for (const auto& d : w.at("shape")) {
                t.shape.push_back(d.get<long>());
                count *= d.get<std::size_t>();
            }
            t.values.resize(count);
            if (w.contains("quantization")) {
                const auto& q = w.at("quantization");
                if (q.at("dtype") != "uint8") throw std::runtime_error("unsupported quantisation " + q.dump());
                const auto scale = q.at("scale").get<float>();
                const auto min = q.at("min").get<float>();
                if (offset + count > bin.size()) throw std::runtime_error("weights file too short");
                for (std::size_t i = 0; i < count; ++i) {
                    t.values[i] = static_cast<float>(static_cast<unsigned char>(bin[offset + i])) * scale + min;
                }
                offset += count;
            } else {
                if (w.at("dtype") != "float32") throw std::runtime_error("unsupported dtype " + w.dump());
                if (offset + 4 * count > bin.size()) throw std::runtime_error("weights file too short");
                std::memcpy(t.values.data(), bin.data() + offset, 4 * count);
                offset += 4 * count;
            }
            out[w.at("name").get<std::string>()] = std::move(t);
        }
    }
    if (offset != bin.size())
        throw std::runtime_error("weights file has " + std::to_string(bin.size() - offset) + " unused bytes");
    return out;
}

// The computational layers of the network, input side first.
struct Layers {
    std::vector<tensor*> convs;  // params of each con_: filters (out, in, h, w) then biases
    std::vector<affine_*> affines;
    tensor* fc = nullptr;
};

// dlib copies the visitor it is given: this one writes through a pointer.
struct LayerCollector {
    Layers* out;
    template <long N, long R, long C, int SY, int SX, int PY, int PX>
    void operator()(con_<N, R, C, SY, SX, PY, PX>& l) const {
        out->convs.insert(out->convs.begin(), &l.get_layer_params());
    }
    void operator()(affine_& l) const { out->affines.insert(out->affines.begin(), &l); }
    template <unsigned long N, fc_bias_mode B>
    void operator()(fc_<N, B>& l) const {
        out->fc = &l.get_layer_params();
    }
    template <typename T>
    void operator()(T&) const {}
};

struct ConvMode {
    void operator()(affine_& l) const { l = affine_(CONV_MODE); }
    template <typename T>
    void operator()(T&) const {}
};

void fillConv(tensor& params, const Tensor& filters, const Tensor& bias, const std::string& name) {
    // TensorFlow: [h, w, in, out]; dlib: [out][in][h][w], then one bias per output.
    const long h = filters.shape.at(0), w = filters.shape.at(1), in = filters.shape.at(2), out = filters.shape.at(3);
    if (static_cast<long>(params.size()) != out * in * h * w + out) {
        throw std::runtime_error(name + ": dlib expects " + std::to_string(params.size()) + " values, got " +
                                 std::to_string(out * in * h * w + out));
    }
    float* p = params.host();
    for (long o = 0; o < out; ++o)
        for (long i = 0; i < in; ++i)
            for (long y = 0; y < h; ++y)
                for (long x = 0; x < w; ++x) *p++ = filters.values[((y * w + x) * in + i) * out + o];
    for (long o = 0; o < out; ++o) *p++ = bias.values.at(static_cast<std::size_t>(o));
}

void fillAffine(affine_& layer, const Tensor& gamma, const Tensor& beta, const std::string& name) {
    auto g = layer.get_gamma();
    auto b = layer.get_beta();
    if (g.size() != gamma.values.size() || b.size() != beta.values.size()) {
        throw std::runtime_error(name + ": affine layer size mismatch");
    }
    std::memcpy(g.host(), gamma.values.data(), 4 * gamma.values.size());
    std::memcpy(b.host(), beta.values.data(), 4 * beta.values.size());
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 4) {
        std::cerr << "usage: posesmart-convert-face-weights MANIFEST.json WEIGHTS.bin OUT.dat\n";
        return 2;
    }
    try {
        const auto weights = readWeights(argv[1], argv[2]);
        const auto get = [&](const std::string& name) -> const Tensor& {
            const auto it = weights.find(name);
            if (it == weights.end()) throw std::runtime_error("tensor " + name + " missing");
            return it->second;
        };
        anet_type net;
        // The trained network's batch normalisation became per-channel affine layers.
        visit_computational_layers(net, ConvMode{});
        // One forward pass allocates every layer's parameters.
        matrix<rgb_pixel> blank(150, 150);
        assign_all_pixels(blank, rgb_pixel(128, 128, 128));
        net(blank);
        Layers layers;
        visit_computational_layers(net, LayerCollector{&layers});

        std::vector<std::string> convNames = {"conv32_down"};
        for (const char* unit :
             {"conv32_1", "conv32_2", "conv32_3", "conv64_down", "conv64_1", "conv64_2", "conv64_3", "conv128_down",
              "conv128_1", "conv128_2", "conv256_down", "conv256_1", "conv256_2", "conv256_down_out"}) {
            convNames.push_back(std::string(unit) + "/conv1");
            convNames.push_back(std::string(unit) + "/conv2");
        }
        if (layers.convs.size() != convNames.size() || layers.affines.size() != convNames.size() || !layers.fc) {
            throw std::runtime_error("network has " + std::to_string(layers.convs.size()) + " convolutions, expected " +
                                     std::to_string(convNames.size()));
        }
        for (std::size_t i = 0; i < convNames.size(); ++i) {
            const std::string& n = convNames[i];
            fillConv(*layers.convs[i], get(n + "/conv/filters"), get(n + "/conv/bias"), n);
            fillAffine(*layers.affines[i], get(n + "/scale/weights"), get(n + "/scale/biases"), n);
        }
        const Tensor& fc = get("fc");
        if (layers.fc->size() != fc.values.size()) throw std::runtime_error("fc size mismatch");
        std::memcpy(layers.fc->host(), fc.values.data(), 4 * fc.values.size());
        net.clean();
        serialize(argv[3]) << net;
        std::cout << "converted " << convNames.size() << " convolutions and the 256x128 projection into " << argv[3]
                  << "\n";
    } catch (const std::exception& e) {
        std::cerr << "posesmart-convert-face-weights: error: " << e.what() << "\n";
        return 1;
    }
    return 0;
}
