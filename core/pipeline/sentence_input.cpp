#include "pipeline/sentence_input.h"

namespace bertlens {

bool InputList::next(SentenceInput &input)
{
    if (m_next >= m_inputs.size())
        return false;
    input = m_inputs[m_next++];
    return true;
}

bool LineInputs::next(SentenceInput &input)
{
    if (!m_lines.next(m_line))
        return false;
    const size_t tab = m_pairs ? m_line.find('\t') : std::string::npos;
    input.hasPair = tab != std::string::npos;
    input.text = input.hasPair ? m_line.substr(0, tab) : m_line;
    input.pair = input.hasPair ? m_line.substr(tab + 1) : std::string();
    return true;
}

} // namespace bertlens
