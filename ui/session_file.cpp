#include "session_file.h"

#include "common/error.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace bertlens {

namespace {

constexpr const char *kFormat = "bertlens-session";

const char *projectionName(ProjectionMode m)
{
    switch (m) {
    case ProjectionMode::Tokens: return "tokens";
    case ProjectionMode::Sentences: return "sentences";
    case ProjectionMode::Trajectory: return "trajectory";
    }
    return "tokens";
}

const char *similarityName(SimilarityMode m)
{
    switch (m) {
    case SimilarityMode::Tokens: return "tokens";
    case SimilarityMode::Sentences: return "sentences";
    case SimilarityMode::AcrossSentences: return "across_sentences";
    case SimilarityMode::SameWord: return "same_word";
    }
    return "tokens";
}

// Reads typed fields, naming the file and the field in every complaint.
class Fields {
public:
    Fields(const QJsonObject &object, const QString &path) : m_object(object), m_path(path) {}
    QString string(const char *name, const QString &fallback = {}) const
    {
        const QJsonValue v = m_object.value(name);
        if (v.isUndefined() || v.isNull())
            return fallback;
        if (!v.isString())
            throw wrong(name, "a string");
        return v.toString();
    }
    int integer(const char *name, int fallback, int least, int most) const
    {
        const QJsonValue v = m_object.value(name);
        if (v.isUndefined())
            return fallback;
        if (!v.isDouble() || v.toDouble() != double(v.toInt()) || v.toInt() < least || v.toInt() > most)
            throw wrong(name, "an integer from " + std::to_string(least) + " to " + std::to_string(most));
        return v.toInt();
    }
    bool boolean(const char *name, bool fallback) const
    {
        const QJsonValue v = m_object.value(name);
        if (v.isUndefined())
            return fallback;
        if (!v.isBool())
            throw wrong(name, "true or false");
        return v.toBool();
    }
    template <class E> E choice(const char *name, E fallback, std::initializer_list<std::pair<const char *, E>> options) const
    {
        const QString s = string(name);
        if (s.isEmpty())
            return fallback;
        std::string allowed;
        for (const auto &[text, value] : options) {
            if (s == text)
                return value;
            allowed += (allowed.empty() ? "" : ", ") + std::string(text);
        }
        throw wrong(name, "one of " + allowed);
    }

private:
    Error wrong(const char *name, const std::string &what) const
    {
        return Error(ErrorKind::Usage, m_path.toStdString() + ": \"" + name + "\" must be " + what);
    }
    QJsonObject m_object;
    QString m_path;
};

} // namespace

QByteArray writeSession(const SessionState &s)
{
    const ViewSelection &v = s.selection;
    QJsonObject o{{"format", kFormat},
                  {"version", SessionState::kVersion},
                  {"model", s.model},
                  {"sentences", s.sentences},
                  {"pairs", s.pairs},
                  {"sentence", v.sentence},
                  {"layer", v.layer},
                  {"head", v.head},
                  {"token", v.token},
                  {"rollout", v.rollout},
                  {"centre", v.centre},
                  {"words", v.words},
                  {"hide_special_columns", v.hideSpecialColumns},
                  {"pooling", poolingName(v.pooling)},
                  {"projection", projectionName(v.projection)},
                  {"map", mapMethodName(v.mapMethod).id},
                  {"map_seed", int(v.mapSeed)},
                  {"colour", v.colour == MapColour::Word ? "word" : v.colour == MapColour::Cluster ? "cluster" : "sentence"},
                  {"clusters", v.clusters},
                  {"map_without_special", v.mapWithoutSpecial},
                  {"similarity", similarityName(v.similarity)},
                  {"other_sentence", v.otherSentence},
                  {"tab", s.tab},
                  {"walkthrough_step", s.walkthroughStep}};
    if (!s.compareModel.isEmpty()) {
        o["compare_model"] = s.compareModel;
        o["compare_layer"] = s.compareLayer;
    }
    if (!s.corpus.isEmpty())
        o["corpus"] = s.corpus;
    QStringList heads, ffn;
    for (const auto &[layer, head] : s.knockout.heads)
        heads << QString("%1:%2").arg(layer).arg(head + 1);
    for (int layer : s.knockout.ffn)
        ffn << QString::number(layer);
    if (!heads.isEmpty())
        o["knock_out_heads"] = heads.join(", ");
    if (!ffn.isEmpty())
        o["knock_out_ffn"] = ffn.join(", ");
    if (!s.explainMethod.isEmpty())
        o["explain_method"] = s.explainMethod;
    if (!s.explainTarget.isEmpty())
        o["explain_target"] = s.explainTarget;
    return QJsonDocument(o).toJson(QJsonDocument::Indented);
}

SessionState readSession(const QByteArray &json, const QString &path)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        throw Error(ErrorKind::Usage, path.toStdString() + ": not a BertLens session (not a JSON object"
                                          + (error.error != QJsonParseError::NoError ? ": " + error.errorString().toStdString() + " at byte " + std::to_string(error.offset) : std::string())
                                          + ")");
    const QJsonObject o = doc.object();
    if (o.value("format").toString() != kFormat)
        throw Error(ErrorKind::Usage, path.toStdString() + ": not a BertLens session (\"format\" is not \"" + kFormat + "\")");
    const Fields f(o, path);
    const int version = f.integer("version", 0, 1, 1 << 20);
    if (version > SessionState::kVersion)
        throw Error(ErrorKind::Usage, path.toStdString() + ": made by a newer BertLens (session version " + std::to_string(version)
                                          + "; this one reads up to " + std::to_string(SessionState::kVersion) + ")");
    SessionState s;
    s.model = f.string("model");
    s.compareModel = f.string("compare_model");
    s.corpus = f.string("corpus");
    s.sentences = f.string("sentences");
    s.pairs = f.string("pairs");
    ViewSelection &v = s.selection;
    constexpr int kMany = 1 << 20;
    v.sentence = f.integer("sentence", 0, 0, kMany);
    v.layer = f.integer("layer", 0, 0, kMany);
    v.head = f.integer("head", -1, -1, kMany);
    v.token = f.integer("token", -1, -1, kMany);
    v.rollout = f.boolean("rollout", false);
    v.centre = f.boolean("centre", false);
    v.words = f.boolean("words", false);
    v.hideSpecialColumns = f.boolean("hide_special_columns", false);
    v.pooling = f.choice("pooling", Pooling::Mean, {{"cls", Pooling::Cls}, {"mean", Pooling::Mean}, {"max", Pooling::Max}});
    v.projection = f.choice("projection", ProjectionMode::Tokens, {{"tokens", ProjectionMode::Tokens}, {"sentences", ProjectionMode::Sentences},
                                                                   {"trajectory", ProjectionMode::Trajectory}});
    v.mapMethod = f.choice("map", MapMethod::Pca, {{"pca", MapMethod::Pca}, {"umap", MapMethod::Umap}, {"tsne", MapMethod::Tsne}});
    v.mapSeed = uint64_t(f.integer("map_seed", 42, 0, 99999));
    v.colour = f.choice("colour", MapColour::Sentence, {{"sentence", MapColour::Sentence}, {"word", MapColour::Word}, {"cluster", MapColour::Cluster}});
    v.clusters = f.integer("clusters", 4, 2, 20);
    v.mapWithoutSpecial = f.boolean("map_without_special", false);
    v.similarity = f.choice("similarity", SimilarityMode::Tokens, {{"tokens", SimilarityMode::Tokens}, {"sentences", SimilarityMode::Sentences},
                                                                   {"across_sentences", SimilarityMode::AcrossSentences},
                                                                   {"same_word", SimilarityMode::SameWord}});
    v.otherSentence = f.integer("other_sentence", 1, 0, kMany);
    s.compareLayer = f.integer("compare_layer", -1, -1, kMany);
    s.tab = f.integer("tab", 0, 0, 64);
    s.walkthroughStep = f.integer("walkthrough_step", 0, 0, 64);
    try { // the model checks the layers and heads when it runs
        s.knockout = parseKnockout(f.string("knock_out_heads").toStdString(), f.string("knock_out_ffn").toStdString(), kMany, kMany);
    } catch (const Error &e) {
        throw Error(ErrorKind::Usage, path.toStdString() + ": " + e.what());
    }
    s.explainMethod = f.string("explain_method");
    s.explainTarget = f.string("explain_target");
    return s;
}

} // namespace bertlens
