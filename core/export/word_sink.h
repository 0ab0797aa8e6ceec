#pragma once

#include "pipeline/pipeline.h"

#include <memory>

namespace bertlens {

class ChineseSegmenter;

// A sink that hands `inner` words instead of tokens (see analysis/word_groups.h): the encoding's
// tokens become words (pieces merged, Chinese characters grouped with the segmenter when given),
// hidden states the mean of each word's token vectors, attention maps word × word (rows mean,
// columns sum). What bertlens-cli --aggregate words writes.
std::unique_ptr<SentenceSink> aggregateWords(std::unique_ptr<SentenceSink> inner, const ChineseSegmenter *segmenter);

} // namespace bertlens
