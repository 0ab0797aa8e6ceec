#include "export/layer_selection.h"

#include "common/error.h"

#include <algorithm>
#include <sstream>

namespace bertlens {

namespace {

std::vector<int> parse(const std::string &spec, int first, int last)
{
    std::vector<int> layers;
    if (spec == "all") {
        for (int i = first; i <= last; ++i)
            layers.push_back(i);
        return layers;
    }
    std::stringstream items(spec);
    std::string item;
    while (std::getline(items, item, ',')) {
        size_t used = 0;
        int value = 0;
        try {
            value = std::stoi(item, &used);
        } catch (const std::exception &) {
            used = 0;
        }
        if (item.empty() || used != item.size())
            throw Error(ErrorKind::Usage, "layer '" + item + "' in '" + spec + "' is not a number");
        const int resolved = value < 0 ? last + 1 + value : value;
        if (resolved < first || resolved > last)
            throw Error(ErrorKind::Usage, "layer " + item + " is out of range: this model has layers " + std::to_string(first)
                                              + ".." + std::to_string(last));
        if (std::find(layers.begin(), layers.end(), resolved) != layers.end())
            throw Error(ErrorKind::Usage, "layer " + item + " in '" + spec + "' names layer " + std::to_string(resolved)
                                              + " a second time");
        layers.push_back(resolved);
    }
    if (layers.empty())
        throw Error(ErrorKind::Usage, "no layers given");
    return layers;
}

} // namespace

std::vector<int> parseHiddenLayers(const std::string &spec, int numLayers) { return parse(spec, 0, numLayers); }

std::vector<int> parseAttentionLayers(const std::string &spec, int numLayers) { return parse(spec, 1, numLayers); }

} // namespace bertlens
