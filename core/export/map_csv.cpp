#include "export/map_csv.h"

#include "analysis/maps/collected_vectors.h"
#include "export/csv_format.h"
#include "io/atomic_file.h"

namespace bertlens {

void writeMapCsv(const std::string &path, const CollectedVectors &points, const MapResult &map, const std::vector<std::string> &labels,
                 const std::vector<int32_t> &clusters)
{
    AtomicFile file(path);
    std::string out = "sentence,token_index,text,label,x,y,cluster\n";
    for (size_t i = 0; i < points.sentence.size(); ++i) {
        out += std::to_string(points.sentence[i] + 1) + "," + (points.token[i] < 0 ? std::string() : std::to_string(points.token[i])) + ",";
        appendCsvField(out, points.text[i]);
        out += ",";
        const size_t sentence = size_t(points.sentence[i]);
        if (sentence < labels.size())
            appendCsvField(out, labels[sentence]);
        out += ",";
        appendFloat(out, map.layout.at(int(i), 0));
        out += ",";
        appendFloat(out, map.layout.at(int(i), 1));
        out += "," + (i < clusters.size() ? std::to_string(clusters[i] + 1) : std::string()) + "\n";
        if (out.size() > (1 << 20)) {
            file.write(out);
            out.clear();
        }
    }
    file.write(out);
    file.commit();
}

} // namespace bertlens
