// bertlens-cli search: the corpus lines, or the token occurrences, nearest to a query by cosine
// (format in README.md). The corpus index is saved next to the corpus and reused while the model,
// layer, pooling and corpus are unchanged.
#include "commands.h"

#include "json.h"
#include "options.h"
#include "progress_reporter.h"

#include "analysis/corpus_index.h"
#include "model/loaded_model.h"

#include <QCommandLineParser>

#include <cstdio>

namespace bertlens::cli {

namespace {

const QCommandLineOption kCorpus("corpus", "the corpus: one sentence per line (TEXT or TEXT<TAB>LABEL)", "FILE");
const QCommandLineOption kSearchLayer("layer", "the hidden state searched, 0 (embeddings) .. N; default the last", "L");
const QCommandLineOption kSearchPooling("pooling", "mean, cls, max or mean_sqrt_len (line vectors)", "POOLING", "mean");
const QCommandLineOption kSearchTopK("top-k", "hits", "N", "10");
const QCommandLineOption kToken("token", "search the occurrences nearest to token I of the query ([CLS] = 0)", "I");

} // namespace

int search(const QStringList &args)
{
    QCommandLineParser parser;
    parser.addPositionalArgument("QUERY", "the text searched for");
    parse(parser, args, {kModel, kCorpus, kSearchLayer, kSearchPooling, kSearchTopK, kToken, kThreads, kPrecision});
    const QStringList queries = parser.positionalArguments();
    if (queries.size() != 1)
        throw usage("search: give one QUERY (quote it)");
    const std::string corpus = required(parser, kCorpus, "search");
    const int topK = positiveInt(parser, kSearchTopK);
    applyThreads(parser);
    const auto model = loadModel(parser, args[0]);
    CorpusIndexOptions options;
    options.pooling = parsePooling(parser.value(kSearchPooling).toStdString());
    if (parser.isSet(kSearchLayer))
        options.layer = intBetween(parser, kSearchLayer, 0, model->config.numLayers);
    const std::string indexPath = CorpusIndex::indexPathFor(corpus);
    std::string why;
    CorpusIndex index = CorpusIndex::load(indexPath, *model, corpus, options, &why);
    if (index.empty()) {
        std::fprintf(stderr, "bertlens-cli: indexing %s (%s)\n", corpus.c_str(), why.c_str());
        ProgressReporter reporter;
        options.progress = [&](long long done, long long total) { reporter.update(done, total); };
        index = CorpusIndex::build(*model, corpus, options);
        try {
            index.save(indexPath);
        } catch (const std::exception &e) {
            std::fprintf(stderr, "bertlens-cli: the index is not kept: %s\n", e.what());
        }
    }
    const std::string query = queries[0].toStdString();
    std::string out;
    if (parser.isSet(kToken)) {
        const int token = intBetween(parser, kToken, 0, model->maxLength - 1);
        for (const TokenHit &hit : index.nearestTokens(*model, query, token, topK)) {
            out += "{\"line\": " + std::to_string(hit.line + 1) + ", \"token_index\": " + std::to_string(hit.token) + ", \"token\": ";
            appendJsonString(out, hit.text);
            out += ", \"score\": ";
            appendJsonNumber(out, hit.score);
            out += "}\n";
        }
    } else {
        for (const SentenceHit &hit : index.nearestLines(*model, query, topK)) {
            out += "{\"line\": " + std::to_string(hit.line + 1) + ", \"text\": ";
            appendJsonString(out, index.lineAt(hit.line).text);
            out += ", \"score\": ";
            appendJsonNumber(out, hit.score);
            out += "}\n";
        }
    }
    writeStdout(out);
    return 0;
}

} // namespace bertlens::cli
