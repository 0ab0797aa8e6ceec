#include "tokenizer/post_processor.h"

#include "common/error.h"
#include "tokenizer/vocab.h"

#include <QJsonArray>

namespace bertlens {

namespace {

using Item = PostProcessor::Item;

Item special(int id, int type = 0) { return {-1, id, type}; }
Item sequence(int which, int type) { return {which, -1, type}; }

int specialId(const QJsonValue &nameAndId, const Vocab &vocab, const std::string &path, const char *what)
{
    const int id = nameAndId.toArray().at(1).toInt(-1);
    if (id < 0 || id >= vocab.size())
        throw modelError(path + ": the post-processor's " + what + " token has no id in the vocabulary");
    return id;
}

std::vector<Item> templateItems(const QJsonObject &processor, const char *key, const Vocab &vocab, const std::string &path)
{
    const QJsonObject specials = processor.value("special_tokens").toObject();
    std::vector<Item> items;
    for (const QJsonValue &v : processor.value(key).toArray()) {
        const QJsonObject o = v.toObject();
        if (o.contains("Sequence")) {
            const QJsonObject s = o.value("Sequence").toObject();
            const QString which = s.value("id").toString();
            if (which != "A" && which != "B")
                throw modelError(path + ": TemplateProcessing's sequence '" + which.toStdString() + "' is neither A nor B");
            items.push_back(sequence(which == "A" ? 0 : 1, s.value("type_id").toInt(0)));
        } else if (o.contains("SpecialToken")) {
            const QJsonObject s = o.value("SpecialToken").toObject();
            const QString name = s.value("id").toString();
            const QJsonArray ids = specials.value(name).toObject().value("ids").toArray();
            if (ids.isEmpty())
                throw modelError(path + ": TemplateProcessing's special token '" + name.toStdString() + "' has no ids");
            for (const QJsonValue &id : ids) {
                if (id.toInt(-1) < 0 || id.toInt(-1) >= vocab.size())
                    throw modelError(path + ": TemplateProcessing's special token '" + name.toStdString()
                                     + "' has an id outside the vocabulary");
                items.push_back(special(id.toInt(), s.value("type_id").toInt(0)));
            }
        } else {
            throw modelError(path + ": TemplateProcessing's " + key + " holds an entry that is neither a Sequence nor a SpecialToken");
        }
    }
    return items;
}

} // namespace

PostProcessor PostProcessor::bert(int cls, int sep, Truncation truncation)
{
    PostProcessor p;
    p.single = {special(cls), sequence(0, 0), special(sep)};
    p.pair = {special(cls), sequence(0, 0), special(sep), sequence(1, 1), special(sep, 1)};
    p.truncation = truncation;
    return p;
}

PostProcessor PostProcessor::fromJson(const QJsonValue &value, const Vocab &vocab, const std::string &path)
{
    PostProcessor p;
    if (value.isNull() || value.isUndefined()) {
        p.single = {sequence(0, 0)};
        p.pair = {sequence(0, 0), sequence(1, 1)};
        return p;
    }
    const QJsonObject o = value.toObject();
    const std::string type = o.value("type").toString().toStdString();
    if (type == "Sequence") {
        // Hugging Face's newer files put ByteLevel's offset trimming (the tokenizer's part) beside the template.
        QJsonValue main;
        for (const QJsonValue &v : o.value("processors").toArray())
            if (v.toObject().value("type").toString() != "ByteLevel") {
                if (!main.isUndefined())
                    throw modelError(path + ": a post-processor Sequence with more than one template is not supported");
                main = v;
            }
        return fromJson(main.isUndefined() ? QJsonValue() : main, vocab, path);
    }
    if (type == "BertProcessing")
        return bert(specialId(o.value("cls"), vocab, path, "cls"), specialId(o.value("sep"), vocab, path, "sep"),
                    Truncation::HuggingFace);
    if (type == "RobertaProcessing") {
        const int cls = specialId(o.value("cls"), vocab, path, "cls"), sep = specialId(o.value("sep"), vocab, path, "sep");
        p.single = {special(cls), sequence(0, 0), special(sep)};
        p.pair = {special(cls), sequence(0, 0), special(sep), special(sep), sequence(1, 0), special(sep)};
        return p;
    }
    if (type == "TemplateProcessing") {
        p.single = templateItems(o, "single", vocab, path);
        p.pair = templateItems(o, "pair", vocab, path);
        for (const Item &i : p.single)
            if (i.sequence == 1)
                throw modelError(path + ": TemplateProcessing's single template names the second sequence B");
        return p;
    }
    throw modelError(path + ": post-processor '" + type
                     + "' is not supported (BertProcessing, RobertaProcessing, TemplateProcessing, ByteLevel, Sequence)");
}

int PostProcessor::added(bool isPair) const
{
    int n = 0;
    for (const Item &i : isPair ? pair : single)
        n += i.sequence < 0;
    return n;
}

int PostProcessor::firstSpecial() const
{
    return !single.empty() && single.front().sequence < 0 ? single.front().specialId : -1;
}

int PostProcessor::lastSpecial() const
{
    return !single.empty() && single.back().sequence < 0 ? single.back().specialId : -1;
}

Encoding PostProcessor::assemble(const std::vector<TokenPiece> &a, const std::vector<TokenPiece> *b, int maxLength,
                                 const Vocab &vocab) const
{
    const int specials = added(b != nullptr);
    if (maxLength != 0 && maxLength < specials + 1)
        throw inputError("max length " + std::to_string(maxLength) + " leaves no room for text (the special tokens alone take "
                         + std::to_string(specials) + ")");
    size_t keepA = a.size(), keepB = b ? b->size() : 0;
    const int total = int(keepA + keepB) + specials;
    const bool firstWasLonger = keepA > keepB;
    while (maxLength > 0 && int(keepA + keepB) + specials > maxLength) {
        const bool fromA = keepA != keepB                           ? keepA > keepB
                           : truncation == Truncation::OriginalBert ? false
                                                                    : !firstWasLonger;
        (fromA ? keepA : keepB)--;
    }
    Encoding enc;
    enc.untruncatedLength = total;
    enc.truncated = int(keepA + keepB) + specials < total;
    auto add = [&](int id, int typeId, std::pair<int, int> offsets, int word) {
        enc.ids.push_back(id);
        enc.typeIds.push_back(typeId);
        enc.tokens.push_back(vocab.token(id));
        enc.offsets.push_back(offsets);
        enc.specialMask.push_back(word < 0);
        enc.wordIds.push_back(word);
    };
    for (const Item &item : b ? pair : single) {
        if (item.sequence < 0) {
            add(item.specialId, item.typeId, {0, 0}, -1);
            continue;
        }
        const std::vector<TokenPiece> &pieces = item.sequence == 0 ? a : *b;
        const size_t keep = item.sequence == 0 ? keepA : keepB;
        for (size_t i = 0; i < keep; ++i)
            add(pieces[i].id, item.typeId, {pieces[i].begin, pieces[i].end}, pieces[i].word);
    }
    return enc;
}

} // namespace bertlens
