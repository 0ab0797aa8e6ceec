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
    if (m_labels) {
        const size_t last = m_line.rfind('\t');
        m_labels->push_back(last == std::string::npos ? std::string() : m_line.substr(last + 1));
        if (last != std::string::npos)
            m_line.resize(last);
    }
    const size_t tab = m_pairs ? m_line.find('\t') : std::string::npos;
    input.hasPair = tab != std::string::npos;
    input.text = input.hasPair ? m_line.substr(0, tab) : m_line;
    input.pair = input.hasPair ? m_line.substr(tab + 1) : std::string();
    return true;
}

ShardRange shardRange(long long count, int shard, int shards)
{
    const auto bound = [&](long long k) { return (long long)((unsigned __int128)count * (unsigned long long)k / (unsigned)shards); };
    return {bound(shard), bound(shard + 1)};
}

bool InputRange::next(SentenceInput &input)
{
    for (; m_read < m_range.first; ++m_read)
        if (!m_inputs.next(input))
            return false;
    if (m_read >= m_range.end || !m_inputs.next(input))
        return false;
    ++m_read;
    return true;
}

} // namespace bertlens
