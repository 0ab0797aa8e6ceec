#pragma once

#include "io/named_tensors.h"
#include "io/safetensors.h"
#include "model/bert_config.h"

#include <map>
#include <string>
#include <vector>

namespace bertlens {

struct ModelFolderContents {
    BertConfig config;
    std::vector<std::string> vocab; // one entry per id
    NamedTensors tensors;           // checkpoint names
    StoredFloat dtype = StoredFloat::F32;
    bool lowercase = true;          // do_lower_case (and accent stripping) of the tokenizer
    std::map<std::string, std::string> metadata; // safetensors __metadata__, besides "format": "pt"
};

// Writes a HuggingFace model folder (config.json, vocab.txt, tokenizer_config.json,
// model.safetensors) that LoadedModel::load and HuggingFace both read; the folder is created
// if needed and each file appears complete or not at all.
void writeModelFolder(const std::string &dir, const ModelFolderContents &contents);

} // namespace bertlens
