#include "export/csv_format.h"

#include <charconv>

namespace bertlens {

void appendFloat(std::string &out, float value)
{
    char buffer[32];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
    out.append(buffer, result.ptr);
}

void appendCsvField(std::string &out, const std::string &field)
{
    if (field.find_first_of(",\"\r\n") == std::string::npos) {
        out += field;
        return;
    }
    out += '"';
    for (char c : field) {
        if (c == '"')
            out += '"';
        out += c;
    }
    out += '"';
}

std::vector<std::vector<std::string>> parseCsv(const std::string &csv)
{
    std::vector<std::vector<std::string>> rows;
    std::vector<std::string> row;
    std::string field;
    bool quoted = false, any = false;
    for (size_t i = 0; i < csv.size(); ++i) {
        const char c = csv[i];
        if (quoted) {
            if (c == '"' && i + 1 < csv.size() && csv[i + 1] == '"')
                field += '"', ++i;
            else if (c == '"')
                quoted = false;
            else
                field += c;
            continue;
        }
        any = true;
        if (c == '"')
            quoted = true;
        else if (c == ',')
            row.push_back(std::move(field)), field.clear();
        else if (c == '\n') {
            row.push_back(std::move(field)), field.clear();
            rows.push_back(std::move(row)), row.clear();
            any = false;
        } else if (c != '\r')
            field += c;
    }
    if (any || !field.empty() || !row.empty()) {
        row.push_back(std::move(field));
        rows.push_back(std::move(row));
    }
    return rows;
}

} // namespace bertlens
