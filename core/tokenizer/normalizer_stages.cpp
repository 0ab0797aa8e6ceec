#include "tokenizer/normalizer_stages.h"

#include "common/error.h"
#include "tokenizer/precompiled_charsmap.h"

#include <QChar>
#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>
#include <QString>

#include <memory>

namespace bertlens {

namespace {

using Changes = std::vector<std::pair<char32_t, int>>;

CodePoints codePointsOf(const QString &s)
{
    CodePoints out;
    for (char32_t c : s.toUcs4())
        out += c;
    return out;
}

// Each code point mapped to its own replacement (the first takes its place, the rest are inserted).
template <typename Map> void mapEach(NormalizedString &s, Map map)
{
    Changes changes;
    changes.reserve(s.text.size());
    int skip = 0;
    for (char32_t c : s.text) {
        const CodePoints to = map(c);
        for (size_t i = 0; i < to.size(); ++i)
            changes.emplace_back(to[i], i == 0 ? 0 : 1);
        if (to.empty()) // dropped: removed with the code point kept before it
            changes.empty() ? void(++skip) : void(changes.back().second -= 1);
    }
    s.transform(changes, skip);
}

// A Unicode normal form, segment by segment (a starter and the marks after it), so that each
// output code point stays aligned with the segment it came from.
void normalForm(NormalizedString &s, QString::NormalizationForm form)
{
    Changes changes;
    size_t at = 0;
    while (at < s.text.size()) {
        size_t end = at + 1;
        while (end < s.text.size() && QChar::combiningClass(s.text[end]) != 0)
            ++end;
        const QString segment = QString::fromUcs4(s.text.data() + at, qsizetype(end - at)).normalized(form);
        const CodePoints to = codePointsOf(segment);
        const long diff = long(to.size()) - long(end - at);
        for (size_t i = 0; i < to.size(); ++i)
            changes.emplace_back(to[i], diff > 0 && i >= to.size() - size_t(diff) ? 1 : 0);
        if (diff < 0 && !changes.empty())
            changes.back().second += int(diff);
        at = end;
    }
    s.transform(changes);
}

// Replaces every match of `pattern` with `content`, aligned as Hugging Face's replace() aligns it
// (with the last code point of the match).
void replaceMatches(NormalizedString &s, const QRegularExpression &pattern, const CodePoints &content)
{
    const QString text = QString::fromUcs4(s.text.data(), qsizetype(s.text.size()));
    std::vector<int> codePointAt(size_t(text.size()) + 1); // UTF-16 index → code point index
    for (qsizetype i = 0, cp = 0; i <= text.size(); ++i) {
        codePointAt[size_t(i)] = int(cp);
        if (i < text.size() && !(text[i].isHighSurrogate() && i + 1 < text.size()))
            ++cp;
    }
    NormalizedString out;
    size_t at = 0;
    auto it = pattern.globalMatch(text);
    while (it.hasNext()) {
        const QRegularExpressionMatch m = it.next();
        const size_t begin = size_t(codePointAt[size_t(m.capturedStart())]), end = size_t(codePointAt[size_t(m.capturedEnd())]);
        if (begin == end)
            continue;
        for (; at < begin; ++at) {
            out.text += s.text[at];
            out.align.push_back(s.align[at]);
        }
        for (char32_t c : content) {
            out.text += c;
            out.align.push_back(s.align[end - 1]);
        }
        at = end;
    }
    for (; at < s.text.size(); ++at) {
        out.text += s.text[at];
        out.align.push_back(s.align[at]);
    }
    s = std::move(out);
}

void addStage(std::vector<std::function<void(NormalizedString &)>> &stages, const QJsonObject &o, const std::string &path)
{
    const QString type = o.value("type").toString();
    if (type == "Sequence") {
        for (const QJsonValue &v : o.value("normalizers").toArray())
            addStage(stages, v.toObject(), path);
    } else if (type == "Precompiled") {
        const QByteArray data = QByteArray::fromBase64(o.value("precompiled_charsmap").toString().toLatin1());
        if (data.isEmpty())
            return; // an empty charsmap normalizes nothing, as in Hugging Face's
        auto map = std::make_shared<PrecompiledCharsmap>(data.toStdString(), path);
        stages.push_back([map](NormalizedString &s) { map->normalize(s); });
    } else if (type == "Replace") {
        const QJsonObject pattern = o.value("pattern").toObject();
        QRegularExpression re;
        if (pattern.contains("Regex"))
            re.setPattern(pattern.value("Regex").toString());
        else if (pattern.contains("String"))
            re.setPattern(QRegularExpression::escape(pattern.value("String").toString()));
        else
            throw modelError(path + ": a Replace normalizer without a String or Regex pattern");
        re.setPatternOptions(QRegularExpression::UseUnicodePropertiesOption);
        if (!re.isValid())
            throw modelError(path + ": the Replace normalizer's pattern is not a valid regular expression ("
                             + re.errorString().toStdString() + ")");
        const CodePoints content = codePointsOf(o.value("content").toString());
        stages.push_back([re, content](NormalizedString &s) { replaceMatches(s, re, content); });
    } else if (type == "Lowercase") {
        stages.push_back([](NormalizedString &s) { mapEach(s, [](char32_t c) { return unicode::toLower(c); }); });
    } else if (type == "StripAccents") {
        stages.push_back([](NormalizedString &s) {
            mapEach(s, [](char32_t c) {
                return QChar::category(c) == QChar::Mark_NonSpacing ? CodePoints() : CodePoints(1, c);
            });
        });
    } else if (type == "NFC" || type == "NFD" || type == "NFKC" || type == "NFKD") {
        const auto form = type == "NFC"    ? QString::NormalizationForm_C
                          : type == "NFD"  ? QString::NormalizationForm_D
                          : type == "NFKC" ? QString::NormalizationForm_KC
                                           : QString::NormalizationForm_KD;
        stages.push_back([form](NormalizedString &s) { normalForm(s, form); });
    } else if (type == "Strip") {
        const bool left = o.value("strip_left").toBool(true), right = o.value("strip_right").toBool(true);
        stages.push_back([left, right](NormalizedString &s) {
            size_t b = 0, e = s.text.size();
            while (left && b < e && QChar::isSpace(s.text[b]))
                ++b;
            while (right && e > b && QChar::isSpace(s.text[e - 1]))
                --e;
            s = s.slice(int(b), int(e));
        });
    } else if (type == "Prepend") {
        const CodePoints prefix = codePointsOf(o.value("prepend").toString());
        stages.push_back([prefix](NormalizedString &s) { prependTo(s, prefix); });
    } else {
        throw modelError(path + ": normalizer '" + type.toStdString()
                         + "' is not supported here (Precompiled, Replace, Lowercase, NFC, NFD, NFKC, NFKD, "
                           "StripAccents, Strip, Prepend, Sequence)");
    }
}

} // namespace

NormalizerStages NormalizerStages::fromJson(const QJsonValue &value, const std::string &path)
{
    NormalizerStages n;
    if (!value.isNull() && !value.isUndefined())
        addStage(n.m_stages, value.toObject(), path);
    return n;
}

void NormalizerStages::apply(NormalizedString &s) const
{
    for (const auto &stage : m_stages)
        stage(s);
}

void prependTo(NormalizedString &s, std::u32string_view prefix)
{
    if (s.text.empty() || prefix.empty())
        return;
    Changes changes;
    for (size_t i = 0; i < prefix.size(); ++i)
        changes.emplace_back(prefix[i], i == 0 ? 0 : 1);
    changes.emplace_back(s.text[0], 1);
    for (size_t i = 1; i < s.text.size(); ++i)
        changes.emplace_back(s.text[i], 0);
    s.transform(changes);
}

} // namespace bertlens
