#include "analysis/probe/labelled_inputs.h"

#include "common/error.h"
#include "io/text_source.h"
#include "tokenizer/unicode_text.h"

#include <algorithm>

namespace bertlens {

std::vector<LabelledInput> readLabelledInputs(const std::string &path)
{
    LineReader reader(path);
    std::vector<LabelledInput> out;
    int columns = 0; // 2 or 3, from the first example
    std::string text;
    for (long long line = 0; reader.next(text); ++line) {
        if (text.find_first_not_of(" \t\r") == std::string::npos || text[0] == '#')
            continue;
        const std::string where = reader.name() + ": line " + std::to_string(line + 1);
        CodePoints cps;
        size_t bad = 0;
        if (!decodeUtf8(text, cps, &bad))
            throw inputError(where + " is not valid UTF-8 (byte " + std::to_string(bad + 1) + ")");
        if ((long long)out.size() == kMaxLabelledLines)
            throw inputError(reader.name() + ": more than " + std::to_string(kMaxLabelledLines) + " labelled lines");
        const int tabs = int(std::count(text.begin(), text.end(), '\t'));
        if (tabs < 1 || tabs > 2)
            throw inputError(where + " has " + std::to_string(tabs)
                             + " TABs: a labelled line is TEXT<TAB>LABEL, or TEXT<TAB>TEXT_B<TAB>LABEL for a pair");
        if (columns == 0)
            columns = tabs + 1;
        else if (columns != tabs + 1)
            throw inputError(where + " has " + std::to_string(tabs + 1) + " columns, the lines before it " + std::to_string(columns)
                             + ": a file holds texts or pairs, not both");
        LabelledInput example;
        example.line = line;
        const size_t last = text.rfind('\t');
        example.label = text.substr(last + 1);
        const std::string texts = text.substr(0, last);
        if (example.label.find_first_not_of(" \r") == std::string::npos)
            throw inputError(where + " has an empty label");
        if (tabs == 2) {
            const size_t first = texts.find('\t');
            example.input.text = texts.substr(0, first);
            example.input.pair = texts.substr(first + 1);
            example.input.hasPair = true;
        } else {
            example.input.text = texts;
        }
        out.push_back(std::move(example));
    }
    return out;
}

} // namespace bertlens
