#include "options.h"

#include "common/error.h"
#include "common/threads.h"
#include "hub/hub_download.h"
#include "model/bundled_model.h"
#include "progress_reporter.h"
#include "model/loaded_model.h"
#include "pipeline/pipeline.h"

#include <QFileInfo>
#include <QDir>

#include <cstdio>

namespace bertlens::cli {

Error usage(const std::string &message) { return Error(ErrorKind::Usage, message); }


void parse(QCommandLineParser &parser, const QStringList &args, const QList<QCommandLineOption> &options)
{
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    parser.addOptions(options);
    if (!parser.parse(args))
        throw usage(args[0].toStdString() + ": " + parser.errorText().toStdString());
    for (const QString &name : parser.optionNames())
        if (parser.values(name).size() > 1)
            throw usage(args[0].toStdString() + ": --" + name.toStdString() + " is given more than once");
}

std::string required(const QCommandLineParser &parser, const QCommandLineOption &option, const QString &command)
{
    if (!parser.isSet(option))
        throw usage(command.toStdString() + ": --" + option.names().first().toStdString() + " is required");
    return parser.value(option).toStdString();
}

int positiveInt(const QCommandLineParser &parser, const QCommandLineOption &option)
{
    bool ok = false;
    const int v = parser.value(option).toInt(&ok);
    if (!ok || v < 1)
        throw usage("--" + option.names().first().toStdString() + " must be a positive integer, got '"
                    + parser.value(option).toStdString() + "'");
    return v;
}

int maxLengthOf(const QCommandLineParser &parser, const LoadedModel &model, bool pairs)
{
    return maxLengthOf(parser, model.maxLength, model.config, *model.tokenizer, pairs);
}

int maxLengthOf(const QCommandLineParser &parser, int modelMaxLength, const BertConfig &config, const Tokenizer &tokenizer,
                bool pairs)
{
    if (!parser.isSet(kMaxLength))
        return modelMaxLength;
    const int n = positiveInt(parser, kMaxLength);
    const int least = tokenizer.postProcessor().added(pairs); // the special tokens around the text(s)
    if (n < least)
        throw usage("--max-length must be at least " + std::to_string(least) + (pairs ? " for pairs" : "")
                    + " (room for the special tokens), got " + std::to_string(n));
    if (n > config.maxTokens())
        throw usage("--max-length " + std::to_string(n) + " exceeds the model's max_position_embeddings "
                    + std::to_string(config.maxPositions)
                    + (config.firstPosition() > 0 ? " (" + std::to_string(config.maxTokens()) + " tokens after padding_idx "
                                                        + std::to_string(config.padTokenId) + ")"
                                                  : std::string()));
    return n;
}

void applyThreads(const QCommandLineParser &parser)
{
    setComputeThreads(parser.isSet(kThreads) ? positiveInt(parser, kThreads) : defaultComputeThreads());
}

std::string modelDir(const QCommandLineParser &parser, const QString &command)
{
    ProgressReporter progress(ProgressReporter::Unit::Bytes);
    // Without --model: BertLens Mini, which ships with the program.
    const std::string model = parser.isSet(kModel) || bundledModelDir().empty() ? required(parser, kModel, command) : bundledModelDir();
    return resolveModelDir(
        model, HubOptions::fromEnvironment(), nullptr,
        [&progress](long long done, long long total) { progress.update(done, total); }, "main",
        [&progress](const HubNotice &n) { progress.notice(n.text()); });
}

std::shared_ptr<const LoadedModel> loadModel(const QCommandLineParser &parser, const QString &command)
{
    const std::string dir = modelDir(parser, command);
    std::string why;
    const Precision precision = effectivePrecision(parsePrecision(parser.value(kPrecision).toStdString()), &why);
    if (!why.empty())
        std::fprintf(stderr, "bertlens-cli: %s\n", why.c_str());
    return LoadedModel::load(dir, precision);
}

std::pair<int, int> shardOf(const QCommandLineParser &parser)
{
    if (!parser.isSet(kShard))
        return {0, 1};
    const QString value = parser.value(kShard);
    const QStringList parts = value.split('/');
    bool okK = false, okN = false;
    const int k = parts.size() == 2 ? parts[0].toInt(&okK) : -1;
    const int n = parts.size() == 2 ? parts[1].toInt(&okN) : 0;
    if (!okK || !okN || n < 1 || k < 0 || k >= n)
        throw usage("--shard must be K/N with 0 <= K < N (e.g. 0/4), got '" + value.toStdString() + "'");
    return {k, n};
}

void applyLongInputs(const QCommandLineParser &parser, const LoadedModel &model, LongInputs fallback, PipelineOptions &run)
{
    const QString how = parser.value(kLongInputs);
    run.longInputs = how.isEmpty() ? fallback
                     : how == "truncate" ? LongInputs::Truncate
                     : how == "windows"  ? LongInputs::Windows
                     : how == "refuse"   ? LongInputs::Refuse
                                         : throw usage("--long-inputs must be truncate, windows or refuse, got '" + how.toStdString() + "'");
    if (parser.isSet(kStride) && run.longInputs != LongInputs::Windows)
        throw usage("--stride goes with --long-inputs windows");
    const int room = run.maxLength - model.tokenizer->postProcessor().added(false);
    run.stride = parser.isSet(kStride) ? intBetween(parser, kStride, 0, std::max(0, room - 1)) : defaultStride(*model.tokenizer, run.maxLength);
    run.onWindows = [maxLength = run.maxLength, stride = run.stride](long long sentence, int length, int windows) {
        std::fprintf(stderr, "bertlens-cli: line %lld: %d tokens run as %d overlapping windows of %d (stride %d), stitched\n",
                     sentence + 1, length, windows, maxLength, stride);
    };
}

void reportTruncation(long long sentence, int length, int kept)
{
    std::fprintf(stderr, "bertlens-cli: line %lld: %d tokens truncated to %d\n", sentence + 1, length, kept);
}
void writeStdout(const std::string &s)
{
    if (std::fwrite(s.data(), 1, s.size(), stdout) != s.size())
        throw ioError("cannot write to standard output");
}
std::string checkedOutput(const QCommandLineParser &parser, const QString &command)
{
    const std::string output = required(parser, kOutput, command);
    const QFileInfo info(QString::fromStdString(output));
    if (info.isDir())
        throw usage("--output " + output + " is a folder, not a file");
    if (!info.absoluteDir().exists())
        throw usage("--output " + output + ": the folder " + info.absolutePath().toStdString() + " does not exist");
    return output;
}

Knockout knockoutOf(const QCommandLineParser &parser, const LoadedModel &model)
{
    const Knockout k = parseKnockout(parser.value(kKnockOutHeads).toStdString(), parser.value(kKnockOutFfn).toStdString(),
                                     model.config.numLayers, model.config.numHeads);
    if (!k.empty())
        std::fprintf(stderr, "bertlens-cli: knocked out: %s\n", k.describe().c_str());
    return k;
}

bool wordsOf(const QCommandLineParser &parser)
{
    const QString unit = parser.value(kAggregate);
    if (unit != "tokens" && unit != "words")
        throw usage("--aggregate must be tokens or words, got '" + unit.toStdString() + "'");
    return unit == "words";
}

int intBetween(const QCommandLineParser &parser, const QCommandLineOption &option, int least, int most)
{
    bool ok = false;
    const int v = parser.value(option).toInt(&ok);
    if (!ok || v < least || v > most)
        throw usage("--" + option.names().first().toStdString() + " must be between " + std::to_string(least) + " and "
                    + std::to_string(most) + ", got '" + parser.value(option).toStdString() + "'");
    return v;
}

} // namespace bertlens::cli
