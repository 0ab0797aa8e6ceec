#pragma once

#include "io/model_folder.h"
#include "model/bert_config.h"
#include "model/bert_model.h"
#include "model/model_summary.h"
#include "model/weight_store.h"
#include "tokenizer/bert_tokenizer.h"

#include <memory>
#include <string>

namespace bertlens {

// Everything read from one model folder: config, tokenizer and encoder. Immutable once loaded,
// so one instance can be shared by several threads.
struct LoadedModel {
    ModelFolder folder;
    BertConfig config;
    std::unique_ptr<BertTokenizer> tokenizer;
    std::unique_ptr<BertModel> encoder;
    WeightStore weights; // every tensor of the checkpoint, also those the encoder does not use
    int maxLength = 0;   // the longest input the model takes, special tokens included

    static std::shared_ptr<const LoadedModel> load(const std::string &dir);
    std::string name() const;
};

} // namespace bertlens
