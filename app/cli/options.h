#pragma once
// The CLI's options and their checks, shared by its commands: parsed once, here, at the edge.

#include "common/error.h"
#include "model/knockout.h"
#include "pipeline/pipeline.h"
#include "tokenizer/tokenizer.h"

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QStringList>

#include <memory>
#include <string>

namespace bertlens {
struct LoadedModel;
}

namespace bertlens::cli {

inline const QCommandLineOption kModel("model", "model folder, or a Hugging Face model id (ORG/NAME); default: BertLens Mini", "DIR|ID");
inline const QCommandLineOption kRevision("revision", "branch, tag or commit of the Hub model", "REV", "main");
inline const QCommandLineOption kInput("input", "one text per line; - for standard input", "FILE");
inline const QCommandLineOption kOutput("output", "output file", "OUT");
inline const QCommandLineOption kPair("pair", "second text of a pair", "TEXT_B");
inline const QCommandLineOption kMaxLength("max-length", "maximum tokens, special tokens included", "N");
inline const QCommandLineOption kLongInputs("long-inputs", "a text past the model's length: truncate, windows (overlapping, stitched) or refuse; default: windows with --pooling, else truncate", "HOW");
inline const QCommandLineOption kStride("stride", "with --long-inputs windows: tokens neighbouring windows share (default: 128, at most half a window)", "N");
inline const QCommandLineOption kLayers("layers", "all, -1 or a list such as 0,4,12", "LAYERS", "all");
inline const QCommandLineOption kPooling("pooling", "none, cls, mean or max", "POOLING", "none");
inline const QCommandLineOption kBatchSize("batch-size", "sentences per forward pass", "N", QString::number(PipelineOptions().batchSize));
inline const QCommandLineOption kThreads("threads", "compute threads", "N");
inline const QCommandLineOption kPrecision("precision", "fp32 (exact) or bf16 (matrix products in bfloat16; faster on CPUs with bf16)", "P", "fp32");
inline const QCommandLineOption kShard("shard", "K/N: only the K-th of N contiguous blocks of lines (K from 0); rows keep their corpus numbers", "K/N");
inline const QCommandLineOption kPairs("pairs", "each line is TEXT_A<TAB>TEXT_B (a line without a TAB is one text)");

inline const QCommandLineOption kTopK("top-k", "predictions per [MASK]", "N", "10");
inline const QCommandLineOption kAllLayers("all-layers", "also the predictions of every layer's hidden state");
inline const QCommandLineOption kAggregate("aggregate", "tokens, or words (pieces merged; Chinese words with jieba's dictionary)", "UNIT", "tokens");
inline const QCommandLineOption kCenter("center", "subtract the mean vector of the whole input (per layer) from every vector; a sidecar OUT.centre.json records it");
inline const QCommandLineOption kKnockOutHeads("knock-out-heads", "switch off these heads: LAYER:HEAD,... (layers 1..N, heads from 1)", "L:H,...");
inline const QCommandLineOption kKnockOutFfn("knock-out-ffn", "switch off the feed-forward blocks of these layers (1..N)", "L,...");
inline const QCommandLineOption kRollout("rollout", "attention rollout (Abnar & Zuidema 2020) instead of each head's map");

Error usage(const std::string &message);
// Parses args (args[0]: the command) and refuses an option given twice.
void parse(QCommandLineParser &parser, const QStringList &args, const QList<QCommandLineOption> &options);
std::string required(const QCommandLineParser &parser, const QCommandLineOption &option, const QString &command);
int positiveInt(const QCommandLineParser &parser, const QCommandLineOption &option);
// The option's integer, a usage error naming it unless least <= value <= most.
int intBetween(const QCommandLineParser &parser, const QCommandLineOption &option, int least, int most);
// --max-length, or the model's maximum; at least room for the special tokens.
int maxLengthOf(const QCommandLineParser &parser, const LoadedModel &model, bool pairs = false);
// --long-inputs and --stride into `run` (whose maxLength is set); `fallback` when not given.
void applyLongInputs(const QCommandLineParser &parser, const LoadedModel &model, LongInputs fallback, PipelineOptions &run);
int maxLengthOf(const QCommandLineParser &parser, int modelMaxLength, const BertConfig &config, const Tokenizer &tokenizer,
                bool pairs);
void applyThreads(const QCommandLineParser &parser);
// --model as a folder: itself, or a Hub id from the cache, downloaded first when missing (with
// progress on stderr).
std::string modelDir(const QCommandLineParser &parser, const QString &command);
// --model loaded for --precision (for commands that take it); says on stderr when bf16 falls back to fp32.
std::shared_ptr<const LoadedModel> loadModel(const QCommandLineParser &parser, const QString &command);
// --shard K/N as {K, N}; {0, 1} when absent. A usage error for anything but 0 <= K < N.
std::pair<int, int> shardOf(const QCommandLineParser &parser);
// "line N: M tokens truncated to K" on stderr.
void reportTruncation(long long sentence, int length, int kept);
void writeStdout(const std::string &s);
// --aggregate: true for words (a usage error names anything but tokens or words).
bool wordsOf(const QCommandLineParser &parser);
// --knock-out-heads and --knock-out-ffn, checked against the model; said on stderr when any.
Knockout knockoutOf(const QCommandLineParser &parser, const LoadedModel &model);
// --output, checked: not a folder, in a folder that exists.
std::string checkedOutput(const QCommandLineParser &parser, const QString &command);

} // namespace bertlens::cli
