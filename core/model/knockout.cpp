#include "model/knockout.h"

#include "common/error.h"

#include <ATen/ATen.h>

#include <sstream>

namespace bertlens {

int Knockout::firstLayer() const
{
    int first = 0;
    for (const auto &[layer, head] : heads)
        first = first ? std::min(first, layer) : layer;
    for (int layer : ffn)
        first = first ? std::min(first, layer) : layer;
    return first;
}

void Knockout::check(int numLayers, int numHeads) const
{
    for (const auto &[layer, head] : heads)
        if (layer < 1 || layer > numLayers || head < 0 || head >= numHeads)
            throw Error(ErrorKind::Usage, "head " + std::to_string(layer) + ":" + std::to_string(head + 1)
                                              + " does not exist (layers 1.." + std::to_string(numLayers) + ", heads 1.."
                                              + std::to_string(numHeads) + ")");
    for (int layer : ffn)
        if (layer < 1 || layer > numLayers)
            throw Error(ErrorKind::Usage, "FFN of layer " + std::to_string(layer) + " does not exist (layers 1.."
                                              + std::to_string(numLayers) + ")");
}

std::string Knockout::describe() const
{
    std::string out;
    if (!heads.empty()) {
        out += heads.size() == 1 ? "head " : "heads ";
        bool first = true;
        for (const auto &[layer, head] : heads) {
            out += (first ? "" : ", ") + std::to_string(layer) + ":" + std::to_string(head + 1);
            first = false;
        }
    }
    if (!ffn.empty()) {
        out += out.empty() ? "FFN " : "; FFN ";
        bool first = true;
        for (int layer : ffn) {
            out += (first ? "" : ", ") + std::to_string(layer);
            first = false;
        }
    }
    return out;
}

namespace {

int parseNumber(const std::string &part, const std::string &whole, const char *what)
{
    size_t used = 0;
    int value = 0;
    try {
        value = std::stoi(part, &used);
    } catch (const std::exception &) {
        used = 0;
    }
    if (part.empty() || used != part.size())
        throw Error(ErrorKind::Usage, std::string(what) + " '" + whole + "' is not a number");
    return value;
}

std::vector<std::string> splitList(const std::string &list)
{
    std::vector<std::string> parts;
    std::stringstream in(list);
    for (std::string part; std::getline(in, part, ',');)
        if (!part.empty())
            parts.push_back(part);
    return parts;
}

} // namespace

Knockout parseKnockout(const std::string &heads, const std::string &ffn, int numLayers, int numHeads)
{
    Knockout k;
    for (const std::string &part : splitList(heads)) {
        const size_t colon = part.find(':');
        if (colon == std::string::npos)
            throw Error(ErrorKind::Usage, "knock-out head '" + part + "' is not LAYER:HEAD (e.g. 3:2)");
        const int layer = parseNumber(part.substr(0, colon), part, "knock-out head");
        const int head = parseNumber(part.substr(colon + 1), part, "knock-out head");
        k.heads.insert({layer, head - 1});
    }
    for (const std::string &part : splitList(ffn))
        k.ffn.insert(parseNumber(part, part, "knock-out FFN layer"));
    k.check(numLayers, numHeads);
    return k;
}

KnockoutHook::KnockoutHook(Knockout common, std::vector<Knockout> perRow)
    : m_common(std::move(common)), m_perRow(std::move(perRow))
{
}

bool KnockoutHook::touches(const Knockout &k, Point point, int layer) const
{
    if (point == Point::Context)
        for (const auto &[l, h] : k.heads)
            if (l == layer)
                return true;
    return point == Point::FfnOutput && k.ffn.count(layer);
}

bool KnockoutHook::wants(Point point, int layer) const
{
    if (touches(m_common, point, layer))
        return true;
    for (const Knockout &k : m_perRow)
        if (touches(k, point, layer))
            return true;
    return false;
}

at::Tensor KnockoutHook::visit(Point point, int layer, const at::Tensor &value, const BatchShape &shape)
{
    if (!m_perRow.empty() && int64_t(m_perRow.size()) != shape.batch)
        throw Error(ErrorKind::Usage, "a knock-out per sentence needs one for each of the batch's "
                                          + std::to_string(shape.batch) + " sentences");
    auto kept = [&](const Knockout &k, int head) {
        return head < 0 ? !k.ffn.count(layer) : !k.heads.count({layer, head});
    };
    if (point == Point::Context) { // [B, heads, T, d]: one factor per sentence and head
        const int64_t heads = value.size(1);
        std::vector<float> factors(size_t(shape.batch * heads));
        for (int64_t b = 0; b < shape.batch; ++b)
            for (int64_t h = 0; h < heads; ++h)
                factors[size_t(b * heads + h)] =
                    kept(m_common, int(h)) && (m_perRow.empty() || kept(m_perRow[size_t(b)], int(h))) ? 1.f : 0.f;
        const at::Tensor mask = at::tensor(factors).to(value.scalar_type()).view({shape.batch, heads, 1, 1});
        return value * mask;
    }
    // FfnOutput, [N, H]: one factor per sentence, spread over its rows.
    std::vector<float> factors(size_t(shape.batch));
    for (int64_t b = 0; b < shape.batch; ++b)
        factors[size_t(b)] = kept(m_common, -1) && (m_perRow.empty() || kept(m_perRow[size_t(b)], -1)) ? 1.f : 0.f;
    const at::Tensor rowFactor = at::tensor(factors).to(value.scalar_type()).index_select(0, shape.rowOfToken);
    return value * rowFactor.unsqueeze(1);
}

} // namespace bertlens
