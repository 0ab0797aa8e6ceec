#include "model/knockout.h"

#include "common/error.h"

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

} // namespace bertlens
