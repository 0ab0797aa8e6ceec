// bertlens-cli: the engine from the shell. Output formats and exit statuses are a contract
// documented in README.md.
#include "commands.h"

#include "common/error.h"

#include <QCoreApplication>

#include <c10/util/Exception.h>

#include <cstdio>
#include <exception>

namespace {

constexpr int kExitUsage = 2;
constexpr int kExitModel = 3;
constexpr int kExitInput = 4;

const char *kUsage =
    "usage: bertlens-cli COMMAND [OPTIONS]\n"
    "  info       --model DIR\n"
    "  tokenize   --model DIR [--pair TEXT_B] [--max-length N] TEXT\n"
    "  tokenize   --model DIR --input FILE|- [--max-length N]\n"
    "  embed      --model DIR --input FILE|- --output OUT.csv|OUT.npy [--pairs] [--layers all|-1|0,4,12]\n"
    "             [--pooling none|cls|mean|max|mean_sqrt_len] [--aggregate tokens|words] [--center] [--max-length N]\n"
    "             [--long-inputs truncate|windows|refuse] [--stride N]\n"
    "             [--batch-size N] [--threads N] [--precision fp32|bf16] [--shard K/N]\n"
    "             [--format csv|npy|projector [--labelled] [--clusters K]]   (projector: OUT is a folder)\n"
    "  attention  --model DIR --input FILE|- --output OUT.csv [--pairs] [--layers ...] [--rollout]\n"
    "             [--aggregate tokens|words] [--long-inputs truncate|refuse]\n"
    "             [--max-length N] [--batch-size N] [--threads N] [--precision fp32|bf16] [--shard K/N]\n"
    "  fill-mask  --model DIR [--top-k N] [--all-layers] [--pair TEXT_B] TEXT\n"
    "  fill-mask  --model DIR --input FILE|- [--top-k N] [--all-layers]\n"
    "  search     --model DIR --corpus FILE [--layer L] [--pooling mean|cls|max] [--top-k N] QUERY\n"
    "  search     --model DIR --corpus FILE [--layer L] [--top-k N] --token I QUERY\n"
    "  concat     --output OUT.npy IN.npy...   (joins the .npy outputs of embed --shard, in shard order)\n"
    "  download   MODEL_ID [--revision REV]    (into the Hugging Face cache; prints the folder)\n"
    "  trace      --model DIR [--pair TEXT_B] [--layer L] [--head H] --output OUT.json TEXT\n"
    "--model takes a folder or a Hugging Face model id (default: BertLens Mini, which ships with it;\n"
    "an id comes from the cache, else is downloaded; HF_ENDPOINT,\n"
    "HF_TOKEN, HF_HUB_OFFLINE, HF_HUB_CACHE / HF_HOME, HF_HUB_ETAG_TIMEOUT, HF_HUB_DOWNLOAD_TIMEOUT and\n"
    "https_proxy / http_proxy / no_proxy as huggingface_hub reads them).\n"
    "  explain    --model DIR --method occlusion|gradient|integrated-gradients [--steps N]\n"
    "             [--target mask|similarity] [--token WORD] [--pair TEXT_B] [--pooling P] [--layer L]\n"
    "             [--aggregate tokens|words] --output OUT.csv TEXT\n"
    "  heads      --model DIR [--target mask|similarity] [--token WORD] [--pair TEXT_B] --output OUT.csv TEXT\n"
    "  probe      --model DIR --input LABELLED.tsv --output OUT.csv [--pooling mean|cls|max] [--folds K] [--c C]\n"
    "             (a linear probe of every layer, cross-validated, against shuffled-label controls)\n"
    "  map        --model DIR --input FILE|- --output OUT.csv [--method pca|umap|tsne] [--seed N] [--layer L]\n"
    "             [--pooling none|cls|mean|max] [--clusters K] [--labelled] [--pairs]   (a 2-D map and its quality)\n"
    "embed, attention, fill-mask, trace, explain and heads take --knock-out-heads L:H,... and --knock-out-ffn L,...\n"
    "Sentences and heads count from 1, layers 1..N (0 = the embeddings), token positions from 0 ([CLS] = 0),\n"
    "as the window counts them.\n";

int fail(int status, const std::string &message)
{
    std::fprintf(stderr, "bertlens-cli: %s\n", message.c_str());
    return status;
}

// Qt would replace invalid bytes silently; the same bytes given with --input are refused.
bool validUtf8(const char *s)
{
    const QByteArray bytes(s);
    return QString::fromUtf8(bytes).toUtf8() == bytes;
}

} // namespace

int main(int argc, char **argv)
{
    for (int i = 1; i < argc; ++i)
        if (!validUtf8(argv[i]))
            return fail(kExitInput, "argument " + std::to_string(i) + " is not valid UTF-8");
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments().mid(1);
    if (args.isEmpty() || args[0] == "--help" || args[0] == "-h" || args[0] == "help") {
        std::fputs(kUsage, args.isEmpty() ? stderr : stdout);
        return args.isEmpty() ? kExitUsage : 0;
    }
    try {
        const QString command = args[0];
        if (command == "info")
            return bertlens::cli::info(args);
        if (command == "tokenize")
            return bertlens::cli::tokenize(args);
        if (command == "embed")
            return bertlens::cli::embed(args);
        if (command == "attention")
            return bertlens::cli::attention(args);
        if (command == "concat")
            return bertlens::cli::concat(args);
        if (command == "download")
            return bertlens::cli::download(args);
        if (command == "trace")
            return bertlens::cli::trace(args);
        if (command == "fill-mask")
            return bertlens::cli::fillMask(args);
        if (command == "search")
            return bertlens::cli::search(args);
        if (command == "explain")
            return bertlens::cli::explain(args);
        if (command == "heads")
            return bertlens::cli::heads(args);
        if (command == "probe")
            return bertlens::cli::probe(args);
        if (command == "map")
            return bertlens::cli::map(args);
        return fail(kExitUsage, "unknown command '" + command.toStdString() + "' (info, tokenize, embed, attention, fill-mask, search, concat, download, trace, explain, heads, probe, map)");
    } catch (const bertlens::Error &e) {
        switch (e.kind()) {
        case bertlens::ErrorKind::Usage: return fail(kExitUsage, e.what());
        case bertlens::ErrorKind::Model: return fail(kExitModel, e.what());
        default: return fail(kExitInput, e.what());
        }
    } catch (const std::bad_alloc &) {
        return fail(kExitInput, "out of memory (the input or model is too large for this machine)");
    } catch (const c10::Error &e) {
        return fail(kExitModel, std::string("LibTorch: ") + e.what_without_backtrace());
    } catch (const std::exception &e) {
        return fail(1, e.what());
    }
}
