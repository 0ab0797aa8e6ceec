#pragma once

#include "io/text_source.h"

#include <string>
#include <vector>

namespace bertlens {

// One input of the model: a text, or a pair of texts ([CLS] A [SEP] B [SEP]).
struct SentenceInput {
    std::string text;
    std::string pair;
    bool hasPair = false;
};

// Inputs, one at a time, so that a corpus streams through in constant memory.
class InputSource {
public:
    virtual ~InputSource() = default;
    virtual bool next(SentenceInput &input) = 0;
    // Progress in the source's own unit (bytes of a file, inputs of a list); total < 0 if unknown.
    virtual long long done() const = 0;
    virtual long long total() const = 0;
    // For messages: the file's path, "standard input", or empty.
    virtual std::string name() const { return {}; }
};

class InputList : public InputSource {
public:
    explicit InputList(std::vector<SentenceInput> inputs) : m_inputs(std::move(inputs)) {}
    bool next(SentenceInput &input) override;
    long long done() const override { return (long long)m_next; }
    long long total() const override { return (long long)m_inputs.size(); }

private:
    std::vector<SentenceInput> m_inputs;
    size_t m_next = 0;
};

// Lines as inputs. With pairs, a line "A<TAB>B" is the pair (A, B) (split at its first TAB) and
// a line without a TAB is a single text; without pairs every line is one text, TABs included.
// With `labels`, each line ends in <TAB>LABEL: the label is cut off first and appended there (an
// empty one for a line without a TAB), one per line read.
class LineInputs : public InputSource {
public:
    LineInputs(TextSource &lines, bool pairs, std::vector<std::string> *labels = nullptr) : m_lines(lines), m_pairs(pairs), m_labels(labels) {}
    bool next(SentenceInput &input) override;
    long long done() const override { return m_lines.done(); }
    long long total() const override { return m_lines.total(); }
    std::string name() const override { return m_lines.name(); }

private:
    TextSource &m_lines;
    bool m_pairs;
    std::vector<std::string> *m_labels;
    std::string m_line;
};

// Shard `shard` of `shards` (0-based) of `count` inputs: the contiguous block [first, end) with
// first = shard·count/shards, so that the shards in order are the whole input.
struct ShardRange {
    long long first = 0, end = 0;
};
ShardRange shardRange(long long count, int shard, int shards);

// The inputs [first, end) of another source; those before `first` are read and dropped.
class InputRange : public InputSource {
public:
    InputRange(InputSource &inputs, ShardRange range) : m_inputs(inputs), m_range(range) {}
    bool next(SentenceInput &input) override;
    long long done() const override { return m_inputs.done(); }
    long long total() const override { return m_inputs.total(); }
    std::string name() const override { return m_inputs.name(); }

private:
    InputSource &m_inputs;
    ShardRange m_range;
    long long m_read = 0;
};

} // namespace bertlens
