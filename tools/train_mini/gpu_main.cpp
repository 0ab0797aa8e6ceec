// bertlens-train-gpu: the BertLens Mini trainer for a machine with a CUDA GPU and PyTorch's
// LibTorch but no Qt (tools/train_mini/build_gpu.sh builds it there). It trains with the same code
// as `bertlens-train-mini train` (mlm_training.cpp, the core's BertModel and MlmHead) on examples
// that `bertlens-train-mini examples` tokenised, and writes the F32 weights as safetensors for
// `bertlens-train-mini package` (F16 shards weights-N.safetensors in --out).
//   bertlens-train-gpu --examples train.blex[,more.blex...] --heldout heldout.blex --out DIR --vocab vocab.txt
//       [--hidden 256 --layers 6 --heads 4 --ffn 1024 --seq 128] [--batch 256 --steps N --lr X]
//       [--minutes M] [--seed N] [--bf16] [--dropout P] [--checkpoint DIR]
#include "example_file.h"
#include "mlm_training.h"

#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <string>

using namespace bertlens;
using namespace bertlens::train;

namespace {

// safetensors by hand (this machine has no Qt, so not the core's writer), F16: the shipped model
// is F16 anyway, and the files must come back from the GPU machine in pieces under 16 MB.
void writeSafetensors(const std::string &path, const NamedTensors &tensors)
{
    std::string header = "{\"__metadata__\":{\"format\":\"pt\"}";
    uint64_t offset = 0;
    for (const auto &[name, t] : tensors) {
        std::string shape;
        for (int64_t d : t.sizes())
            shape += (shape.empty() ? "" : ",") + std::to_string(d);
        const uint64_t bytes = uint64_t(t.numel()) * 2;
        header += ",\"" + name + "\":{\"dtype\":\"F16\",\"shape\":[" + shape + "],\"data_offsets\":[" + std::to_string(offset)
            + "," + std::to_string(offset + bytes) + "]}";
        offset += bytes;
    }
    header += "}";
    while ((header.size() + 8) % 8)
        header += ' ';
    std::ofstream out(path + ".part", std::ios::binary);
    const uint64_t n = header.size();
    out.write(reinterpret_cast<const char *>(&n), 8);
    out.write(header.data(), std::streamsize(header.size()));
    for (const auto &[name, t] : tensors) {
        const torch::Tensor c = t.to(torch::kHalf).contiguous();
        out.write(static_cast<const char *>(c.data_ptr()), std::streamsize(c.numel() * 2));
    }
    if (!out.flush())
        throw std::runtime_error(path + ": cannot write");
    out.close();
    std::filesystem::rename(path + ".part", path);
}

// Shards of at most ~12 MB: weights-1.safetensors, weights-2.safetensors, ...
void writeShards(const std::string &dir, const NamedTensors &tensors)
{
    NamedTensors shard;
    int64_t bytes = 0, index = 0;
    auto flush = [&] {
        if (!shard.empty())
            writeSafetensors((std::filesystem::path(dir) / ("weights-" + std::to_string(++index) + ".safetensors")).string(), shard);
        shard.clear();
        bytes = 0;
    };
    for (const auto &[name, t] : tensors) {
        if (bytes + t.numel() * 2 > (12 << 20))
            flush();
        shard.emplace_back(name, t);
        bytes += t.numel() * 2;
    }
    flush();
}

} // namespace

int main(int argc, char **argv)
{
    std::map<std::string, std::string> a = {{"hidden", "256"}, {"layers", "6"}, {"heads", "4"}, {"ffn", "1024"}, {"seq", "128"},
                                            {"batch", "256"},  {"steps", "8000"}, {"lr", "1e-3"}, {"minutes", "1e9"}, {"seed", "1"}};
    for (int i = 1; i < argc; ++i) {
        const std::string key = argv[i];
        if (key == "--bf16")
            a["bf16"] = "1";
        else if (key.rfind("--", 0) == 0 && i + 1 < argc)
            a[key.substr(2)] = argv[++i];
        else
            return std::fprintf(stderr, "bertlens-train-gpu: unexpected argument %s\n", argv[i]), 2;
    }
    for (const char *required : {"examples", "heldout", "out", "vocab"})
        if (!a.count(required))
            return std::fprintf(stderr, "bertlens-train-gpu: --%s is required\n", required), 2;
    try {
        BertConfig config;
        std::vector<std::string> vocab;
        {
            std::ifstream in(a["vocab"]);
            for (std::string line; std::getline(in, line);)
                vocab.push_back(line.substr(0, line.find_last_not_of(" \r") + 1));
        }
        const SpecialIds special = specialIdsOf(vocab);
        config.vocabSize = int(vocab.size());
        config.hiddenSize = std::stoi(a["hidden"]);
        config.numLayers = std::stoi(a["layers"]);
        config.numHeads = std::stoi(a["heads"]);
        config.intermediateSize = std::stoi(a["ffn"]);
        config.maxPositions = std::stoi(a["seq"]);
        TrainOptions options;
        options.steps = std::stoi(a["steps"]);
        options.batch = std::stoi(a["batch"]);
        options.lr = std::stod(a["lr"]);
        options.dropout = a.count("dropout") ? std::stod(a["dropout"]) : 0.0;
        options.minutes = std::stod(a["minutes"]);
        options.seed = std::stoull(a["seed"]);
        options.device = torch::cuda::is_available() ? torch::Device(torch::kCUDA) : torch::Device(torch::kCPU);
        options.compute = a.count("bf16") ? torch::kBFloat16 : torch::kFloat;
        options.checkpointDir = a.count("checkpoint") ? a["checkpoint"] : "";
        options.saveEvery = 0;
        std::filesystem::create_directories(a["out"]);
        MlmModel model(config, options.seed, options.device);
        options.onSave = [&](int) { writeShards(a["out"], model.named()); };
        Examples train;
        for (size_t from = 0; from <= a["examples"].size();) {
            const size_t comma = std::min(a["examples"].find(',', from), a["examples"].size());
            auto more = readExamples(a["examples"].substr(from, comma - from));
            std::move(more.begin(), more.end(), std::back_inserter(train));
            from = comma + 1;
        }
        const auto heldout = readExamples(a["heldout"]);
        std::printf("device %s, %s, %zu training examples, %zu held out\n", options.device.str().c_str(),
                    options.compute == torch::kFloat ? "F32" : "BF16 mixed precision", train.size(), heldout.size());
        const int steps = trainMlm(model, train, special, options);
        const auto [loss, accuracy] = evaluateMlm(model, heldout, special, options);
        std::printf("{\"steps\": %d, \"heldout_mlm_loss\": %.4f, \"heldout_masked_accuracy\": %.4f}\n", steps, loss, accuracy);
        return 0;
    } catch (const std::exception &e) {
        std::fprintf(stderr, "bertlens-train-gpu: %s\n", e.what());
        return 1;
    }
}
