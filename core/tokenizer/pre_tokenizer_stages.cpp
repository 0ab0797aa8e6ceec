#include "tokenizer/pre_tokenizer_stages.h"

#include "common/error.h"
#include "tokenizer/normalizer_stages.h"

#include <QChar>
#include <QJsonArray>
#include <QJsonObject>

namespace bertlens {

namespace {

using Words = std::vector<NormalizedString>;

// Each word cut where `kind` changes (kind -1: dropped), as Hugging Face's splits by a character
// class; `isolate` makes every code point of a kind > 0 a word of its own.
template <typename Kind> void splitBy(Words &words, Kind kind, bool isolate)
{
    Words out;
    for (const NormalizedString &w : words) {
        size_t at = 0;
        while (at < w.text.size()) {
            const int k = kind(w.text[at]);
            size_t end = at + 1;
            if (!(isolate && k > 0))
                while (end < w.text.size() && kind(w.text[end]) == k)
                    ++end;
            if (k >= 0)
                out.push_back(w.slice(int(at), int(end)));
            at = end;
        }
    }
    words = std::move(out);
}

bool isWordChar(char32_t c) // Rust regex's \w: letters, marks, digits, connector punctuation
{
    return QChar::isLetterOrNumber(c) || QChar::isMark(c) || QChar::category(c) == QChar::Punctuation_Connector;
}

bool isPunctuation(char32_t c)
{
    return QChar::isPunct(c) || (c >= 33 && c <= 47) || (c >= 58 && c <= 64) || (c >= 91 && c <= 96) || (c >= 123 && c <= 126);
}

void addStage(std::vector<std::function<void(Words &)>> &stages, const QJsonObject &o, const std::string &path)
{
    const QString type = o.value("type").toString();
    if (type == "Sequence") {
        for (const QJsonValue &v : o.value("pretokenizers").toArray())
            addStage(stages, v.toObject(), path);
    } else if (type == "WhitespaceSplit") {
        stages.push_back([](Words &w) { splitBy(w, [](char32_t c) { return QChar::isSpace(c) ? -1 : 0; }, false); });
    } else if (type == "Whitespace") {
        stages.push_back([](Words &w) {
            splitBy(w, [](char32_t c) { return QChar::isSpace(c) ? -1 : isWordChar(c) ? 0 : 1; }, false);
        });
    } else if (type == "Punctuation") {
        if (o.value("behavior").toString("Isolated") != "Isolated")
            throw modelError(path + ": Punctuation with behavior '" + o.value("behavior").toString().toStdString()
                             + "' is not supported (Isolated)");
        stages.push_back([](Words &w) { splitBy(w, [](char32_t c) { return isPunctuation(c) ? 1 : 0; }, true); });
    } else if (type == "Digits") {
        const bool each = o.value("individual_digits").toBool(false);
        stages.push_back([each](Words &w) { splitBy(w, [](char32_t c) { return QChar::isDigit(c) ? 1 : 0; }, each); });
    } else if (type == "Metaspace") {
        const CodePoints replacement = [&] {
            CodePoints cps;
            decodeUtf8(o.value("replacement").toString("\u2581").toStdString(), cps);
            return cps;
        }();
        if (replacement.size() != 1)
            throw modelError(path + ": Metaspace's replacement must be one character");
        // The older files say add_prefix_space; the newer prepend_scheme.
        const QString scheme = o.contains("prepend_scheme") ? o.value("prepend_scheme").toString()
                                                              : (o.value("add_prefix_space").toBool(true) ? "always" : "never");
        if (scheme != "always" && scheme != "first" && scheme != "never")
            throw modelError(path + ": Metaspace's prepend_scheme '" + scheme.toStdString() + "' is not always, first or never");
        const bool splitWords = o.value("split").toBool(true);
        const char32_t mark = replacement[0];
        stages.push_back([mark, scheme, splitWords](Words &words) {
            Words out;
            for (NormalizedString &w : words) {
                for (char32_t &c : w.text)
                    if (c == U' ')
                        c = mark;
                const bool starts = !w.align.empty() && w.align[0].first == 0;
                if (!w.text.empty() && w.text[0] != mark && (scheme == "always" || (scheme == "first" && starts)))
                    prependTo(w, std::u32string_view(&mark, 1));
                if (!splitWords) {
                    out.push_back(std::move(w));
                    continue;
                }
                size_t begin = 0;
                for (size_t i = 1; i <= w.text.size(); ++i)
                    if (i == w.text.size() || w.text[i] == mark) {
                        out.push_back(w.slice(int(begin), int(i)));
                        begin = i;
                    }
            }
            words = std::move(out);
        });
    } else {
        throw modelError(path + ": pre-tokenizer '" + type.toStdString()
                         + "' is not supported here (WhitespaceSplit, Whitespace, Punctuation, Digits, Metaspace, Sequence)");
    }
}

} // namespace

PreTokenizerStages PreTokenizerStages::fromJson(const QJsonValue &value, const std::string &path)
{
    PreTokenizerStages p;
    if (!value.isNull() && !value.isUndefined())
        addStage(p.m_stages, value.toObject(), path);
    return p;
}

std::vector<NormalizedString> PreTokenizerStages::split(NormalizedString text) const
{
    Words words;
    if (!text.text.empty())
        words.push_back(std::move(text));
    for (const Stage &stage : m_stages)
        stage(words);
    return words;
}

} // namespace bertlens
