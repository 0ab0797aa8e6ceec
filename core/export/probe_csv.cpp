#include "export/probe_csv.h"

#include "io/atomic_file.h"

#include <cstdio>

namespace bertlens {

namespace {

void appendShare(std::string &out, double value)
{
    char text[32];
    std::snprintf(text, sizeof text, ",%.6f", value);
    out += text;
}

} // namespace

std::string probeCsv(const ProbeResult &result)
{
    std::string out = "layer,accuracy,accuracy_sd,control,control_sd,selectivity,majority";
    for (int f = 1; f <= result.folds; ++f)
        out += ",fold_" + std::to_string(f);
    for (int f = 1; f <= result.folds; ++f)
        out += ",control_" + std::to_string(f);
    out += "\n";
    for (const LayerProbe &p : result.layers) {
        out += std::to_string(p.layer);
        const double accuracy = LayerProbe::mean(p.accuracy), control = LayerProbe::mean(p.control);
        for (double v : {accuracy, LayerProbe::deviation(p.accuracy), control, LayerProbe::deviation(p.control), accuracy - control,
                         result.majority})
            appendShare(out, v);
        for (double v : p.accuracy)
            appendShare(out, v);
        for (double v : p.control)
            appendShare(out, v);
        out += "\n";
    }
    return out;
}

void writeProbeCsv(const std::string &path, const ProbeResult &result)
{
    AtomicFile file(path);
    file.write(probeCsv(result));
    file.commit();
}

} // namespace bertlens
