#include "commands.h"

#include "json.h"
#include "options.h"

#include "progress_reporter.h"

#include "common/error.h"
#include "common/small_file.h"
#include "common/threads.h"
#include "analysis/pooling_mode.h"
#include "export/export_jobs.h"
#include "export/layer_selection.h"
#include "export/npy_format.h"
#include "hub/hub_download.h"
#include "export/vector_sinks.h"
#include "io/atomic_file.h"
#include "io/text_source.h"
#include "model/loaded_model.h"
#include "pipeline/sentence_input.h"
#include "tokenizer/chinese_segmenter.h"

#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>

#include <cstdio>
#include <limits>
#include <memory>
#include <optional>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <tuple>
#include <unistd.h>

#include <ATen/ATen.h>

namespace bertlens::cli {

namespace {

std::string encodingJson(const std::string &text, const std::string *pair, const Encoding &e)
{
    std::string out = "{\"text\": ";
    appendJsonString(out, text);
    if (pair) {
        out += ", \"pair\": ";
        appendJsonString(out, *pair);
    }
    out += ", ";
    appendEncodingIds(out, e);
    out += ", \"word_ids\": ";
    appendJsonArray(out, e.wordIds, [](std::string &o, int w) { o += w < 0 ? "null" : std::to_string(w); });
    out += ", \"offsets\": ";
    appendJsonArray(out, e.offsets, [](std::string &o, const std::pair<int, int> &p) {
        o += "[" + std::to_string(p.first) + ", " + std::to_string(p.second) + "]";
    });
    out += "}\n";
    return out;
}




const QCommandLineOption kFormat("format", "csv or npy (default: by the output's name), or projector: a folder for the Embedding Projector", "FORMAT");
const QCommandLineOption kLabelled("labelled", "with --format projector: each line ends in <TAB>LABEL, the metadata's label column");
const QCommandLineOption kClusters("clusters", "with --format projector: k-means clusters of each layer's vectors, the metadata's cluster column", "K");

// --output as the Embedding Projector's folder: made if missing, not a file.
std::string projectorFolder(const QCommandLineParser &parser)
{
    const std::string folder = required(parser, kOutput, "embed");
    const QFileInfo info(QString::fromStdString(folder));
    if (info.exists() && !info.isDir())
        throw usage("embed: --format projector writes a folder, and " + folder + " is a file");
    if (!info.exists() && !info.absoluteDir().exists())
        throw usage("embed: the folder " + info.absolutePath().toStdString() + " does not exist");
    return folder;
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
    job.run.knockout = knockoutOf(parser, model);
    return job;
}

// --aggregate words: checked against the other options, and jieba's dictionary read when installed.
void applyWords(const QCommandLineParser &parser, ExportJob &job, std::unique_ptr<ChineseSegmenter> &segmenter)
{
    job.words = wordsOf(parser);
    if (!job.words)
        return;
    if (job.pooling != Pooling::None || job.rollout)
        throw usage("--aggregate words goes with token rows: not with --pooling or --rollout");
    const std::string dictionary = ChineseSegmenter::defaultDictionary();
    if (!dictionary.empty())
        segmenter = std::make_unique<ChineseSegmenter>(ChineseSegmenter::load(dictionary));
    job.segmenter = segmenter.get();
}

// What --center subtracted, beside the output: {"centred": true, "pooling", "layers", "count",
// "mean": [[...] per layer]}.
std::string centreSidecarJson(const ExportJob &job, long long count)
{
    std::string out = std::string("{\"centred\": true, \"pooling\": \"") + poolingName(job.pooling) + "\", \"words\": "
        + (job.words ? "true" : "false") + ", \"layers\": [";
    for (size_t i = 0; i < job.layers.size(); ++i)
        out += (i ? ", " : "") + std::to_string(job.layers[i]);
    out += "], \"count\": " + std::to_string(count) + ", \"mean\": [";
    const at::Tensor mean = job.centre.contiguous();
    for (int64_t l = 0; l < mean.size(0); ++l) {
        out += l ? ", [" : "[";
        for (int64_t d = 0; d < mean.size(1); ++d) {
            if (d)
                out += ", ";
            appendFloat(out, mean[l][d].item<float>());
        }
        out += "]";
    }
    out += "]}\n";
    return out;
}

// Where the input is read twice (--center's mean, --shard's line count), it must be a regular
// file: standard input, a FIFO or a device can be read once, and a second pass would hang or differ.
void requireRereadable(const std::string &input, const std::string &why)
{
    if (input == "-")
        throw usage(why + ": give a file, not standard input");
    struct stat st {};
    if (::stat(input.c_str(), &st) == 0 && !S_ISREG(st.st_mode) && !S_ISDIR(st.st_mode))
        throw usage(why + ": " + input + " is " + describeFileType(st.st_mode) + ", which can be read only once; give a regular file");
}

// Before the long part, whether the output can fit: the least it will take (a float32 per value
// of each input line's vectors) against the space left where it goes. A disk that fills later
// still fails cleanly (the old file kept); this only saves the wait for a certain failure.
void checkFreeSpace(const std::string &input, const std::string &output, const ExportJob &job, int hiddenSize, int shards)
{
    struct stat st {};
    if (input == "-" || ::stat(input.c_str(), &st) != 0 || !S_ISREG(st.st_mode))
        return; // lines unknown until read
    if (::stat(output.c_str(), &st) == 0 && !S_ISREG(st.st_mode))
        return; // written through (/dev/null, a pipe)
    const std::string dir = QFileInfo(QString::fromStdString(output)).absolutePath().toStdString();
    struct statvfs fs {};
    if (::statvfs(dir.c_str(), &fs) != 0)
        return;
    long long lines = 0;
    LineReader counter(input);
    for (std::string line; counter.next(line);)
        lines += line.find_first_not_of(" \t\r") != std::string::npos;
    lines /= std::max(1, shards); // a shard writes its part
    const double needed = double(lines) * double(job.layers.size()) * hiddenSize * 4;
    const double free = double(fs.f_bavail) * double(fs.f_frsize);
    if (needed > free)
        throw ioError(output + ": needs at least " + std::to_string(int64_t(needed / 1e6 + 0.5)) + " MB (" + std::to_string(lines)
                      + " lines × " + std::to_string(job.layers.size()) + " layers × " + std::to_string(hiddenSize)
                      + " floats), and only " + std::to_string(int64_t(free / 1e6)) + " MB are free in " + dir);
}

// Streams the input file through an export, with progress on stderr.
template <class Export> void runExport(const QCommandLineParser &parser, const std::string &input, const LoadedModel &model,
                                       ExportJob job, Export exportFn, std::vector<std::string> *labels = nullptr)
{
    ProgressReporter progress;
    job.run.progress = [&progress](long long done, long long total) { progress.update(done, total); };
    const auto [shard, shards] = shardOf(parser);
    ShardRange range{0, std::numeric_limits<long long>::max()};
    if (shards > 1) {
        requireRereadable(input, "--shard counts the input's lines first");
        LineReader counter(input);
        long long lines = 0;
        for (std::string line; counter.next(line);)
            ++lines;
        range = shardRange(lines, shard, shards);
        job.run.firstIndex = range.first;
        job.csvHeader = shard == 0;
    }
    LineReader reader(input);
    LineInputs lines(reader, parser.isSet(kPairs), labels);
    InputRange inputs(lines, range);
    exportFn(model, inputs, job);
}


} // namespace

int info(const QStringList &args)
{
    QCommandLineParser parser;
    parse(parser, args, {kModel});
    const auto model = LoadedModel::load(modelDir(parser, args[0]));
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
    appendJsonString(out, model->weightsDtype);
    const auto &n = model->folder.tokenizerOptions.normalizer;
    const bool wordPiece = std::string(model->tokenizer->modelKind()) == "WordPiece";
    out += std::string(", \"tokenizer_model\": \"") + model->tokenizer->modelKind() + "\"";
    if (wordPiece) // the settings of BERT's normalizer; other families' stages come from tokenizer.json
        out += std::string(", \"do_lower_case\": ") + (n.lowercase ? "true" : "false")
               + ", \"strip_accents\": " + (n.stripAccents ? "true" : "false");
    out += ", \"vocab_entries\": " + std::to_string(model->tokenizer->vocab().size())
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
    // The tokenizer files and config.json are enough: no weights are read.
    const LoadedTokenizer model = LoadedTokenizer::load(modelDir(parser, args[0]));
    const int maxLength = maxLengthOf(parser, model.maxLength, model.config, *model.tokenizer, parser.isSet(kPair));

    if (!parser.isSet(kInput)) {
        const std::string text = texts[0].toStdString();
        if (parser.isSet(kPair)) {
            const std::string pair = parser.value(kPair).toStdString();
            const Encoding e = model.tokenizer->encodePair(text, pair, maxLength);
            if (e.truncated)
                reportTruncation(0, e.untruncatedLength, e.size());
            writeStdout(encodingJson(text, &pair, e));
        } else {
            const Encoding e = model.tokenizer->encode(text, maxLength);
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
            e = model.tokenizer->encode(line, maxLength);
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
    parse(parser, args, {kModel, kInput, kOutput, kPairs, kLayers, kPooling, kAggregate, kCenter, kMaxLength, kLongInputs, kStride,
                          kBatchSize, kThreads, kPrecision, kShard, kKnockOutHeads, kKnockOutFfn, kFormat, kLabelled, kClusters});
    const QString format = parser.value(kFormat);
    if (format != "csv" && format != "npy" && format != "projector" && !format.isEmpty())
        throw usage("embed: --format is csv, npy or projector (got '" + format.toStdString() + "')");
    const bool projector = format == "projector";
    if (projector && parser.isSet(kShard))
        throw usage("embed: an Embedding Projector folder is one export; give no --shard");
    if ((parser.isSet(kLabelled) || parser.isSet(kClusters)) && !projector)
        throw usage("embed: --labelled and --clusters go with --format projector (its metadata's label and cluster columns)");
    if (parser.isSet(kCenter) && parser.isSet(kShard))
        throw usage("embed: --center subtracts the mean of the whole input, which a shard does not see; centre after joining");
    const std::string input = required(parser, kInput, args[0]);
    if (parser.isSet(kCenter))
        requireRereadable(input, "embed: --center reads the input twice (once for the mean)");
    const std::string output = projector ? projectorFolder(parser) : checkedOutput(parser, args[0]);
    if (format == "npy" && !QString::fromStdString(output).endsWith(".npy"))
        throw usage("embed: --format npy writes OUT.npy; name the output so");
    applyThreads(parser);
    const auto model = loadModel(parser, args[0]);
    ExportJob job = exportJob(parser, *model, output);
    std::vector<std::string> labels;
    if (projector) {
        job.projector = true;
        job.projectorOptions.tensorName = QFileInfo(QString::fromStdString(model->folder.dir)).fileName().toStdString();
        if (parser.isSet(kClusters))
            job.projectorOptions.clusters = intBetween(parser, kClusters, 1, 1000);
        if (parser.isSet(kLabelled))
            job.projectorOptions.labelOf = [&labels](long long index) { return size_t(index) < labels.size() ? labels[size_t(index)] : std::string(); };
    }
    job.layers = parseHiddenLayers(parser.value(kLayers).toStdString(), model->config.numLayers);
    job.pooling = parsePooling(parser.value(kPooling).toStdString());
    // A sentence-transformers folder gives, by default, the vectors sentence-transformers gives.
    const SentenceTransformerModules &st = model->folder.sentenceTransformer;
    if (st.present && !parser.isSet(kPooling)) {
        job.pooling = parsePooling(st.pooling);
        job.normalize = st.normalize;
        if (!parser.isSet(kLayers))
            job.layers = {model->config.numLayers};
        std::fprintf(stderr, "bertlens-cli: a sentence-transformers model: %s, max length %d, as sentence-transformers "
                             "computes it (--pooling gives other vectors)\n",
                     st.describe().c_str(), job.run.maxLength);
    }
    // A sentence's vector should see all of it: by default, pooled vectors come from overlapping
    // windows — but a sentence-transformers folder's own vectors are cut at its max length, as
    // sentence-transformers' encode cuts them.
    const bool pooledByChoice = parser.isSet(kPooling) && job.pooling != Pooling::None;
    applyLongInputs(parser, *model, pooledByChoice ? LongInputs::Windows : LongInputs::Truncate, job.run);
    if (job.pooling == Pooling::None && QString::fromStdString(output).endsWith(".npy"))
        throw usage("embed: .npy output needs --pooling cls, mean, max or mean_sqrt_len (token vectors go to CSV)");
    std::unique_ptr<ChineseSegmenter> segmenter;
    applyWords(parser, job, segmenter);
    checkFreeSpace(input, output, job, model->config.hiddenSize, shardOf(parser).second);
    // The output and its sidecar change together or not at all: the sidecar is written before the
    // export and put in place right after the output; an export without --center removes the
    // sidecar of an earlier run, which would describe the new file wrongly.
    const std::string sidecarPath = output + ".centre.json";
    std::unique_ptr<AtomicFile> sidecar;
    if (parser.isSet(kCenter)) {
        LineReader reader(input);
        LineInputs inputs(reader, parser.isSet(kPairs));
        long long centred = 0;
        std::tie(job.centre, centred) = centreOf(*model, inputs, job);
        sidecar = std::make_unique<AtomicFile>(sidecarPath);
        sidecar->write(centreSidecarJson(job, centred));
    }
    runExport(parser, input, *model, job, exportEmbeddings, parser.isSet(kLabelled) ? &labels : nullptr);
    if (projector)
        std::fprintf(stderr, "bertlens-cli: wrote %s/vectors.tsv, metadata.tsv and projector_config.json: load the first two at "
                             "https://projector.tensorflow.org (Load)\n", output.c_str());
    if (sidecar) {
        try {
            sidecar->commit();
        } catch (const Error &) {
            ::unlink(sidecarPath.c_str()); // no sidecar rather than one of another run
            throw;
        }
    } else if (::unlink(sidecarPath.c_str()) == 0) {
        std::fprintf(stderr, "bertlens-cli: removed %s: it described an earlier, centred export to %s\n", sidecarPath.c_str(), output.c_str());
    }
    return 0;
}

int download(const QStringList &args)
{
    QCommandLineParser parser;
    parser.addPositionalArgument("MODEL_ID", "a Hugging Face model id, e.g. google-bert/bert-base-uncased");
    parse(parser, args, {kRevision});
    const QStringList ids = parser.positionalArguments();
    if (ids.size() != 1)
        throw usage("download: give one MODEL_ID");
    ProgressReporter progress(ProgressReporter::Unit::Bytes);
    const std::string dir = downloadModel(
        ids[0].toStdString(), parser.value(kRevision).toStdString(), HubOptions::fromEnvironment(), nullptr,
        [&progress](long long done, long long total) { progress.update(done, total); },
        [&progress](const HubNotice &n) { progress.notice(n.text()); });
    writeStdout(dir + "\n");
    return 0;
}

int concat(const QStringList &args)
{
    QCommandLineParser parser;
    parser.addPositionalArgument("IN.npy", "the shards' outputs, in shard order");
    parse(parser, args, {kOutput});
    const std::string output = checkedOutput(parser, args[0]);
    std::vector<std::string> inputs;
    for (const QString &path : parser.positionalArguments())
        inputs.push_back(path.toStdString());
    concatenateNpy(inputs, output);
    return 0;
}

int attention(const QStringList &args)
{
    QCommandLineParser parser;
    parse(parser, args, {kModel, kInput, kOutput, kPairs, kLayers, kRollout, kAggregate, kMaxLength, kLongInputs, kStride, kBatchSize, kThreads,
                          kPrecision, kShard, kKnockOutHeads, kKnockOutFfn});
    if (parser.value(kLongInputs) == "windows")
        throw usage("attention: --long-inputs truncate or refuse (attention maps do not cross windows)");
    const std::string input = required(parser, kInput, args[0]);
    const std::string output = checkedOutput(parser, args[0]);
    applyThreads(parser);
    const auto model = loadModel(parser, args[0]);
    ExportJob job = exportJob(parser, *model, output);
    job.layers = parseAttentionLayers(parser.value(kLayers).toStdString(), model->config.numLayers);
    job.rollout = parser.isSet(kRollout);
    applyLongInputs(parser, *model, LongInputs::Truncate, job.run);
    std::unique_ptr<ChineseSegmenter> segmenter;
    applyWords(parser, job, segmenter);
    runExport(parser, input, *model, job, exportAttention);
    return 0;
}

} // namespace bertlens::cli
