#include "fixtures.h"

#include "common/error.h"
#include "model/loaded_model.h"
#include "pipeline/pipeline.h"

#include <QTemporaryDir>

using namespace bertlens;

namespace {

std::shared_ptr<const LoadedModel> tinyModel()
{
    static const auto model = LoadedModel::load(test::fixturePath("models/tiny-safetensors"));
    return model;
}

// Keeps copies of everything the pipeline hands over.
class RecordingSink : public SentenceSink {
public:
    explicit RecordingSink(bool attentions = true, std::vector<int> layers = {}) : m_attentions(attentions), m_layers(std::move(layers)) {}
    bool needsAttentions() const override { return m_attentions; }
    std::vector<int> layers() const override { return m_layers; }
    void add(const SentenceResult &r) override
    {
        indices.push_back(r.index);
        inputs.push_back(r.input);
        encodings.push_back(r.encoding);
        hidden.push_back(r.output.hidden.clone());
        attentions.push_back(r.output.attentions.defined() ? r.output.attentions.clone() : at::Tensor());
    }
    void finish() override { finished = true; }

    std::vector<long long> indices;
    std::vector<SentenceInput> inputs;
    std::vector<Encoding> encodings;
    std::vector<at::Tensor> hidden, attentions;
    bool finished = false;

private:
    bool m_attentions;
    std::vector<int> m_layers;
};

// A text source over fixed lines, as a file would give them.
class Lines : public TextSource {
public:
    explicit Lines(std::vector<std::string> lines) : m_lines(std::move(lines)) {}
    bool next(std::string &text) override
    {
        if (m_next >= m_lines.size())
            return false;
        text = m_lines[m_next++];
        return true;
    }
    long long done() const override { return (long long)m_next; }
    long long total() const override { return (long long)m_lines.size(); }
    std::string name() const override { return "lines"; }

private:
    std::vector<std::string> m_lines;
    size_t m_next = 0;
};

} // namespace

class TestPipeline : public QObject {
    Q_OBJECT

private Q_SLOTS:
    // Batching and padding must not change a sentence's numbers: every golden sentence (pairs
    // included) through the pipeline, in batches that do not divide the count, equals the
    // float64 reference.
    // Sorting by length within a window (the scheduler) must not change which result belongs to
    // which input, nor the order the sink sees them in.
    void batchedResultsMatchReference_data()
    {
        QTest::addColumn<int>("batchSize");
        QTest::addColumn<int>("batchTokens");
        QTest::addColumn<int>("sortWindow");
        QTest::newRow("alone") << 1 << 2048 << 1;
        QTest::newRow("batch 2, input order") << 2 << 2048 << 1;
        QTest::newRow("batch 2, sorted") << 2 << 2048 << 64;
        QTest::newRow("one batch") << 64 << 2048 << 64;
        QTest::newRow("token budget, windows of 3") << 64 << 24 << 3;
    }
    void batchedResultsMatchReference()
    {
        QFETCH(int, batchSize);
        QFETCH(int, batchTokens);
        QFETCH(int, sortWindow);
        const auto sentences = test::goldenSentences();
        InputList inputs(sentences);
        RecordingSink sink;
        PipelineOptions options;
        options.batchSize = batchSize;
        options.batchTokens = batchTokens;
        options.sortWindow = sortWindow;
        runPipeline(*tinyModel(), inputs, sink, options);
        QVERIFY(sink.finished);
        QCOMPARE(sink.indices.size(), sentences.size());
        for (size_t s = 0; s < sentences.size(); ++s) {
            QCOMPARE(sink.indices[s], (long long)s);
            QCOMPARE(sink.inputs[s].hasPair, sentences[s].hasPair);
            const std::string key = "s" + std::to_string(s);
            const at::Tensor ids = test::goldenTensor(key + ".ids");
            QCOMPARE(int64_t(sink.encodings[s].size()), ids.size(0));
            QVERIFY(test::maxAbsDiff(sink.hidden[s], test::goldenTensor(key + ".f32.hidden")) < test::kTolerance);
            QVERIFY(test::maxAbsDiff(sink.attentions[s], test::goldenTensor(key + ".f32.attentions")) < test::kTolerance);
        }
    }

    // A sink that reads two layers gets those two, in its order, equal to the full run's.
    void onlyTheLayersTheSinkReads()
    {
        const std::vector<SentenceInput> texts{{"hello world", "", false}, {"a longer sentence than that", "", false}};
        InputList all(texts), some(texts);
        RecordingSink full(false), partial(false, {2, 0});
        runPipeline(*tinyModel(), all, full, {});
        runPipeline(*tinyModel(), some, partial, {});
        for (size_t s = 0; s < texts.size(); ++s) {
            QCOMPARE(partial.hidden[s].size(0), 2);
            QVERIFY(partial.hidden[s][0].equal(full.hidden[s][2]));
            QVERIFY(partial.hidden[s][1].equal(full.hidden[s][0]));
        }
    }

    void attentionsOnlyForSinksThatAsk()
    {
        InputList inputs({{"hello world", "", false}});
        RecordingSink sink(false);
        runPipeline(*tinyModel(), inputs, sink, {});
        QCOMPARE(sink.hidden.size(), size_t(1));
        QVERIFY(!sink.attentions[0].defined());
    }

    void linesBecomePairsAtTheirFirstTab()
    {
        Lines lines({"a b\tc d", "no tab", "x\ty\tz", ""});
        LineInputs pairs(lines, true);
        SentenceInput in;
        QVERIFY(pairs.next(in));
        QVERIFY(in.hasPair);
        QCOMPARE(in.text, std::string("a b"));
        QCOMPARE(in.pair, std::string("c d"));
        QVERIFY(pairs.next(in));
        QVERIFY(!in.hasPair);
        QCOMPARE(in.text, std::string("no tab"));
        QVERIFY(pairs.next(in));
        QCOMPARE(in.text, std::string("x"));
        QCOMPARE(in.pair, std::string("y\tz"));
        QVERIFY(pairs.next(in));
        QVERIFY(!in.hasPair);
        QVERIFY(in.text.empty());
        QVERIFY(!pairs.next(in));

        Lines again({"a b\tc d"});
        LineInputs singles(again, false);
        QVERIFY(singles.next(in));
        QVERIFY(!in.hasPair);
        QCOMPARE(in.text, std::string("a b\tc d"));
    }

    // A pair line gives [CLS] A [SEP] B [SEP] with segment ids, as the window shows it.
    void pairLinesRunAsPairs()
    {
        Lines lines({"how are you?\ti am a bert model."});
        LineInputs inputs(lines, true);
        RecordingSink sink;
        runPipeline(*tinyModel(), inputs, sink, {});
        const Encoding expected = tinyModel()->tokenizer->encodePair("how are you?", "i am a bert model.");
        QCOMPARE(sink.encodings.at(0).ids, expected.ids);
        QCOMPARE(sink.encodings.at(0).typeIds, expected.typeIds);
    }

    void truncationAndProgressAreReported()
    {
        InputList inputs({{"short", "", false}, {"a b c d e f g h i j k l m", "", false}, {"x", "", false}});
        RecordingSink sink(false);
        PipelineOptions options;
        options.maxLength = 8;
        options.batchSize = 2;
        std::vector<long long> truncated;
        options.onTruncated = [&](long long index, int length, int kept) {
            truncated.push_back(index);
            QVERIFY(length > kept);
            QCOMPARE(kept, 8);
        };
        std::vector<long long> progress;
        options.progress = [&](long long done, long long total) {
            progress.push_back(done);
            QCOMPARE(total, 3LL);
        };
        runPipeline(*tinyModel(), inputs, sink, options);
        QCOMPARE(truncated, std::vector<long long>{1});
        // One report per batch, weighted by tokens, ending at the total.
        QCOMPARE(progress.size(), size_t(2));
        QVERIFY(progress[0] < progress[1]);
        QCOMPARE(progress.back(), 3LL);
        QCOMPARE(sink.encodings.at(1).size(), 8);
    }

    void cancellationStopsBeforeTheSinkFinishes()
    {
        InputList inputs({{"hello", "", false}, {"world", "", false}});
        RecordingSink sink;
        CancelToken cancel;
        cancel.cancel();
        PipelineOptions options;
        options.cancel = &cancel;
        try {
            runPipeline(*tinyModel(), inputs, sink, options);
            QFAIL("not cancelled");
        } catch (const Error &e) {
            QCOMPARE(e.kind(), ErrorKind::Cancelled);
        }
        QVERIFY(!sink.finished);
        QVERIFY(sink.indices.empty());
    }

    // Long texts as overlapping windows (Hugging Face's return_overflowing_tokens with stride: each
    // window starts `stride` tokens before the previous ends), each token taken from the window
    // where it has the most context — computed here again, window by window, one forward pass each.
    void longTextsRunAsStitchedWindows()
    {
        const auto model = tinyModel();
        const std::string text = "the quick brown fox jumps over the lazy dog and then the dog runs far away into the "
                                 "forest where no fox has ever been seen before today";
        const int maxLength = 12, stride = 3, room = maxLength - 2;
        const Encoding full = model->tokenizer->encode(text);
        QVERIFY(full.size() > 2 * maxLength);
        std::vector<int> ids(full.ids.begin() + 1, full.ids.end() - 1); // the text tokens
        // The windows by definition: starts 0, 7, 14…, the last reaching the end.
        std::vector<std::pair<int, int>> spans; // first text token, count
        for (int start = 0;; start += room - stride) {
            const int count = std::min(room, int(ids.size()) - start);
            spans.emplace_back(start, count);
            if (start + count == int(ids.size()))
                break;
        }
        std::vector<at::Tensor> windowHidden;
        for (const auto &[start, count] : spans) {
            Encoding e = full;
            e.ids.assign(1, model->tokenizer->clsId());
            e.ids.insert(e.ids.end(), ids.begin() + start, ids.begin() + start + count);
            e.ids.push_back(model->tokenizer->sepId());
            e.typeIds.assign(e.ids.size(), 0);
            windowHidden.push_back(model->encoder->forward(makeBatch({&e}, 0)).hidden.select(1, 0)); // [L+1, t, H]
        }
        RecordingSink sink(false);
        Lines lines({"short one", text});
        LineInputs inputs(lines, false);
        PipelineOptions options;
        options.maxLength = maxLength;
        options.stride = stride;
        options.longInputs = LongInputs::Windows;
        std::vector<std::pair<long long, int>> reported;
        options.onWindows = [&](long long index, int length, int windows) {
            reported.emplace_back(index, windows);
            QCOMPARE(length, full.size());
        };
        runPipeline(*model, inputs, sink, options);
        QCOMPARE(reported, (std::vector<std::pair<long long, int>>{{1, int(spans.size())}}));
        QCOMPARE(sink.encodings[1].ids, full.ids);
        const at::Tensor got = sink.hidden[1]; // [L+1, T, H]
        QCOMPARE(got.size(1), int64_t(full.size()));
        auto expectColumn = [&](int position, int window, int inWindow) {
            const double d = (got.select(1, position) - windowHidden[size_t(window)].select(1, inWindow)).abs().max().item<double>();
            QVERIFY2(d < 1e-5, qPrintable(QString("token %1 from window %2: %3").arg(position).arg(window).arg(d)));
        };
        expectColumn(0, 0, 0);                                                      // [CLS] from the first
        expectColumn(full.size() - 1, int(spans.size()) - 1, spans.back().second + 1); // [SEP] from the last
        for (int t = 0; t < int(ids.size()); ++t) {
            int best = -1;
            double bestScore = -1;
            for (int k = 0; k < int(spans.size()); ++k) {
                const auto [start, count] = spans[size_t(k)];
                if (t < start || t >= start + count)
                    continue;
                const double score = std::min(t - start, start + count - 1 - t) + 0.01 * count;
                if (score > bestScore)
                    bestScore = score, best = k;
            }
            expectColumn(t + 1, best, t - spans[size_t(best)].first + 1);
        }
    }

    void longTextsRefusedWithTheCount()
    {
        RecordingSink sink(false);
        Lines lines({"fine", "the quick brown fox jumps over the lazy dog"});
        LineInputs inputs(lines, false);
        PipelineOptions options;
        options.maxLength = 6;
        options.longInputs = LongInputs::Refuse;
        try {
            runPipeline(*tinyModel(), inputs, sink, options);
            QFAIL("a long text was not refused");
        } catch (const Error &e) {
            QCOMPARE(e.kind(), ErrorKind::Input);
            const int count = tinyModel()->tokenizer->encode("the quick brown fox jumps over the lazy dog").size();
            QVERIFY2(QString(e.what()).contains(QString("line 2: %1 tokens, more than the 6").arg(count)), e.what());
        }
        // Attention maps do not cross windows: a sink that needs them cannot have windows.
        RecordingSink withAttentions(true);
        Lines again({"x"});
        LineInputs more(again, false);
        options.longInputs = LongInputs::Windows;
        QVERIFY_THROWS_EXCEPTION(Error, runPipeline(*tinyModel(), more, withAttentions, options));
    }
};

QTEST_GUILESS_MAIN(TestPipeline)
#include "test_pipeline.moc"
