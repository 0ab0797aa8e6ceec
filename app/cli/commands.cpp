#include "commands.h"

#include "progress_reporter.h"

#include "common/error.h"
#include "common/threads.h"
#include "analysis/pooling_mode.h"
#include "export/export_jobs.h"
#include "export/layer_selection.h"
#include "io/text_source.h"
#include "model/loaded_model.h"
#include "pipeline/sentence_input.h"

#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>

#include <cstdio>
#include <optional>

namespace bertlens::cli {

namespace {

Error usage(const std::string &message) { return Error(ErrorKind::Usage, message); }

const QCommandLineOption kModel("model", "model folder", "DIR");
const QCommandLineOption kInput("input", "one text per line; - for standard input", "FILE");
const QCommandLineOption kOutput("output", "output file", "OUT");
const QCommandLineOption kPair("pair", "second text of a pair", "TEXT_B");
const QCommandLineOption kMaxLength("max-length", "maximum tokens, special tokens included", "N");
const QCommandLineOption kLayers("layers", "all, -1 or a list such as 0,4,12", "LAYERS", "all");
const QCommandLineOption kPooling("pooling", "none, cls, mean or max", "POOLING", "none");
const QCommandLineOption kBatchSize("batch-size", "sentences per forward pass", "N", QString::number(PipelineOptions().batchSize));
const QCommandLineOption kThreads("threads", "compute threads", "N");
const QCommandLineOption kPairs("pairs", "each line is TEXT_A<TAB>TEXT_B (a line without a TAB is one text)");

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

int maxLengthOf(const QCommandLineParser &parser, const LoadedModel &model, bool pairs = false)
{
    if (!parser.isSet(kMaxLength))
        return model.maxLength;
    const int n = positiveInt(parser, kMaxLength);
    const int least = pairs ? 3 : 2; // [CLS] and [SEP], and a second [SEP] for pairs
    if (n < least)
        throw usage("--max-length must be at least " + std::to_string(least) + (pairs ? " for pairs" : "")
                    + " (room for the special tokens), got " + std::to_string(n));
    if (n > model.config.maxPositions)
        throw usage("--max-length " + std::to_string(n) + " exceeds the model's max_position_embeddings "
                    + std::to_string(model.config.maxPositions));
    return n;
}

void applyThreads(const QCommandLineParser &parser)
{
    setComputeThreads(parser.isSet(kThreads) ? positiveInt(parser, kThreads) : defaultComputeThreads());
}

void appendJsonString(std::string &out, const std::string &s)
{
    out += '"';
    for (unsigned char c : s) {
        switch (c) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        case '\t': out += "\\t"; break;
        default:
            if (c < 0x20) {
                char buf[8];
                std::snprintf(buf, sizeof buf, "\\u%04x", c);
                out += buf;
            } else {
                out += char(c);
            }
        }
    }
    out += '"';
}

template <class T, class F> void appendJsonArray(std::string &out, const std::vector<T> &items, F appendItem)
{
    out += '[';
    for (size_t i = 0; i < items.size(); ++i) {
        if (i)
            out += ", ";
        appendItem(out, items[i]);
    }
    out += ']';
}

std::string encodingJson(const std::string &text, const std::string *pair, const Encoding &e)
{
    std::string out = "{\"text\": ";
    appendJsonString(out, text);
    if (pair) {
        out += ", \"pair\": ";
        appendJsonString(out, *pair);
    }
    out += ", \"tokens\": ";
    appendJsonArray(out, e.tokens, appendJsonString);
    const auto appendInt = [](std::string &o, int v) { o += std::to_string(v); };
    out += ", \"ids\": ";
    appendJsonArray(out, e.ids, appendInt);
    out += ", \"type_ids\": ";
    appendJsonArray(out, e.typeIds, appendInt);
    out += ", \"offsets\": ";
    appendJsonArray(out, e.offsets, [](std::string &o, const std::pair<int, int> &p) {
        o += "[" + std::to_string(p.first) + ", " + std::to_string(p.second) + "]";
    });
    out += "}\n";
    return out;
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

ExportJob exportJob(const QCommandLineParser &parser, const LoadedModel &model, const std::string &output)
{
    ExportJob job;
    job.output = output;
    job.run.maxLength = maxLengthOf(parser, model, parser.isSet(kPairs));
    job.run.batchSize = positiveInt(parser, kBatchSize);
    if (job.run.batchSize > PipelineOptions::kMaxBatchSize)
        throw usage("--batch-size must be at most " + std::to_string(PipelineOptions::kMaxBatchSize) + ", got "
                    + std::to_string(job.run.batchSize));
    job.run.onTruncated = reportTruncation;
    return job;
}

// Streams the input file through an export, with progress on stderr.
template <class Export> void runExport(const QCommandLineParser &parser, const std::string &input, const LoadedModel &model,
                                       ExportJob job, Export exportFn)
{
    ProgressReporter progress;
    job.run.progress = [&progress](long long done, long long total) { progress.update(done, total); };
    LineReader reader(input);
    LineInputs inputs(reader, parser.isSet(kPairs));
    exportFn(model, inputs, job);
}


} // namespace

int info(const QStringList &args)
{
    QCommandLineParser parser;
    parse(parser, args, {kModel});
    const auto model = LoadedModel::load(required(parser, kModel, args[0]));
    const BertConfig &c = model->config;
    std::string out = "{\"model_type\": ";
    appendJsonString(out, c.modelType);
    out += ", \"vocab_size\": " + std::to_string(c.vocabSize) + ", \"hidden_size\": " + std::to_string(c.hiddenSize)
        + ", \"num_layers\": " + std::to_string(c.numLayers) + ", \"num_heads\": " + std::to_string(c.numHeads)
        + ", \"intermediate_size\": " + std::to_string(c.intermediateSize)
        + ", \"max_position_embeddings\": " + std::to_string(c.maxPositions) + ", \"hidden_act\": ";
    appendJsonString(out, c.activationName);
    out += ", \"weights_file\": ";
    appendJsonString(out, model->folder.weightsPath);
    out += ", \"weights_dtype\": ";
    appendJsonString(out, model->checkpoint.storedDtype());
    const auto &n = model->tokenizer->options().normalizer;
    out += std::string(", \"do_lower_case\": ") + (n.lowercase ? "true" : "false")
        + ", \"strip_accents\": " + (n.stripAccents ? "true" : "false")
        + ", \"vocab_entries\": " + std::to_string(model->tokenizer->vocab().size())
        + ", \"max_length\": " + std::to_string(model->maxLength) + "}\n";
    writeStdout(out);
    return 0;
}

int tokenize(const QStringList &args)
{
    QCommandLineParser parser;
    parser.addPositionalArgument("TEXT", "text to tokenize");
    parse(parser, args, {kModel, kInput, kPair, kMaxLength});
    const QStringList texts = parser.positionalArguments(); // args[0], the command, counts as the program name
    if (parser.isSet(kInput) == !texts.isEmpty())
        throw usage("tokenize: give either one TEXT or --input FILE");
    if (texts.size() > 1)
        throw usage("tokenize: one TEXT only (quote it); for many texts use --input");
    if (parser.isSet(kInput) && parser.isSet(kPair))
        throw usage("tokenize: --pair goes with a TEXT argument, not with --input");
    const auto model = LoadedModel::load(required(parser, kModel, args[0]));
    const int maxLength = maxLengthOf(parser, *model, parser.isSet(kPair));

    if (!parser.isSet(kInput)) {
        const std::string text = texts[0].toStdString();
        if (parser.isSet(kPair)) {
            const std::string pair = parser.value(kPair).toStdString();
            const Encoding e = model->tokenizer->encodePair(text, pair, maxLength);
            if (e.truncated)
                reportTruncation(0, e.untruncatedLength, e.size());
            writeStdout(encodingJson(text, &pair, e));
        } else {
            const Encoding e = model->tokenizer->encode(text, maxLength);
            if (e.truncated)
                reportTruncation(0, e.untruncatedLength, e.size());
            writeStdout(encodingJson(text, nullptr, e));
        }
        return 0;
    }
    LineReader reader(parser.value(kInput).toStdString());
    std::string line;
    for (long long n = 0; reader.next(line); ++n) {
        Encoding e;
        try {
            e = model->tokenizer->encode(line, maxLength);
        } catch (const Error &error) {
            throw Error(error.kind(), reader.name() + ": line " + std::to_string(n + 1) + ": " + error.what());
        }
        if (e.truncated)
            reportTruncation(n, e.untruncatedLength, e.size());
        writeStdout(encodingJson(line, nullptr, e));
    }
    return 0;
}


int embed(const QStringList &args)
{
    QCommandLineParser parser;
    parse(parser, args, {kModel, kInput, kOutput, kPairs, kLayers, kPooling, kMaxLength, kBatchSize, kThreads});
    const std::string input = required(parser, kInput, args[0]);
    const std::string output = checkedOutput(parser, args[0]);
    const Pooling pooling = parsePooling(parser.value(kPooling).toStdString());
    if (pooling == Pooling::None && QString::fromStdString(output).endsWith(".npy"))
        throw usage("embed: .npy output needs --pooling cls, mean or max (token vectors go to CSV)");
    applyThreads(parser);
    const auto model = LoadedModel::load(required(parser, kModel, args[0]));
    ExportJob job = exportJob(parser, *model, output);
    job.layers = parseHiddenLayers(parser.value(kLayers).toStdString(), model->config.numLayers);
    job.pooling = pooling;
    runExport(parser, input, *model, job, exportEmbeddings);
    return 0;
}

int attention(const QStringList &args)
{
    QCommandLineParser parser;
    parse(parser, args, {kModel, kInput, kOutput, kPairs, kLayers, kMaxLength, kBatchSize, kThreads});
    const std::string input = required(parser, kInput, args[0]);
    const std::string output = checkedOutput(parser, args[0]);
    applyThreads(parser);
    const auto model = LoadedModel::load(required(parser, kModel, args[0]));
    ExportJob job = exportJob(parser, *model, output);
    job.layers = parseAttentionLayers(parser.value(kLayers).toStdString(), model->config.numLayers);
    runExport(parser, input, *model, job, exportAttention);
    return 0;
}

} // namespace bertlens::cli
