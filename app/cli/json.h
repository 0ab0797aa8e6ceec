#pragma once
// JSON output of the CLI, written by hand: the formats are a contract (README), and the texts
// are raw UTF-8 bytes that must come out as they went in.

#include <charconv>
#include <cstdio>
#include <string>
#include <vector>

namespace bertlens::cli {

inline void appendJsonString(std::string &out, const std::string &s)
{
    out += '"';
    for (unsigned char c : s) {
        switch (c) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        case '\t': out += "\\t"; break;
        default:
            if (c < 0x20) {
                char buf[8];
                std::snprintf(buf, sizeof buf, "\\u%04x", c);
                out += buf;
            } else {
                out += char(c);
            }
        }
    }
    out += '"';
}

// The shortest text that reads back as the same double.
inline void appendJsonNumber(std::string &out, double value)
{
    char buffer[32];
    out.append(buffer, std::to_chars(buffer, buffer + sizeof buffer, value).ptr);
}

template <class T, class F> inline void appendJsonArray(std::string &out, const std::vector<T> &items, F appendItem)
{
    out += '[';
    for (size_t i = 0; i < items.size(); ++i) {
        if (i)
            out += ", ";
        appendItem(out, items[i]);
    }
    out += ']';
}

// `"tokens": [...], "ids": [...], "type_ids": [...]` of an encoding (tokenize, trace).
template <class Encoding> inline void appendEncodingIds(std::string &out, const Encoding &e)
{
    const auto appendInt = [](std::string &o, int v) { o += std::to_string(v); };
    out += "\"tokens\": ";
    appendJsonArray(out, e.tokens, appendJsonString);
    out += ", \"ids\": ";
    appendJsonArray(out, e.ids, appendInt);
    out += ", \"type_ids\": ";
    appendJsonArray(out, e.typeIds, appendInt);
}

} // namespace bertlens::cli
