#pragma once
// The restricted unpickler's machine, private to core/io (torch_pickle.cpp drives it over the two
// torch.save layouts): a value model that holds only what a state dict holds, and an opcode loop
// that never calls anything named in the file.

#include "io/torch_pickle.h"

#include "common/error.h"

#include <ATen/core/Tensor.h>

#include <cstdint>
#include <iterator>
#include <map>
#include <memory>
#include <string>
#include <variant>
#include <vector>

namespace bertlens::pickle {

struct Value;
using Ref = std::shared_ptr<Value>;

struct Global {
    std::string name; // "module.qualname"
};
struct Storage {
    at::Tensor data;
};
struct Tuple {
    std::vector<Ref> items;
};
struct List {
    std::vector<Ref> items;
};
struct Dict {
    std::vector<std::pair<Ref, Ref>> items;
};
struct None {};
struct BigInt {
    std::string littleEndian; // integers beyond 64 bits: only the legacy magic number
};

struct Value {
    std::variant<None, BigInt, bool, int64_t, double, std::string, Tuple, List, Dict, Global, Storage, at::Tensor> v;
};

template <class T> Ref make(T x)
{
    auto r = std::make_shared<Value>();
    r->v = std::move(x);
    return r;
}


class Unpickler {
public:
    Unpickler(const unsigned char *data, size_t size, const StorageLoader &loader, const std::string &context)
        : m_p(data), m_end(data + size), m_begin(data), m_loader(loader), m_context(context)
    {
    }

    ~Unpickler() { teardown(); }
    Ref run();
    size_t consumed() const { return size_t(m_p - m_begin); }

private:
    [[noreturn]] void fail(const std::string &what) const
    {
        throw modelError(m_context + ": " + what + " (pickle byte " + std::to_string(m_opStart - m_begin) + ")");
    }
    const unsigned char *take(size_t n)
    {
        if (size_t(m_end - m_p) < n)
            fail("truncated pickle data");
        const unsigned char *at = m_p;
        m_p += n;
        return at;
    }
    uint64_t le(size_t n)
    {
        const unsigned char *p = take(n);
        uint64_t v = 0;
        for (size_t i = n; i-- > 0;)
            v = (v << 8) | p[i];
        return v;
    }
    std::string line()
    {
        const unsigned char *start = m_p;
        while (m_p < m_end && *m_p != '\n')
            ++m_p;
        if (m_p == m_end)
            fail("truncated pickle data");
        return std::string(reinterpret_cast<const char *>(start), size_t(m_p++ - start));
    }
    std::string bytes(size_t n) { return std::string(reinterpret_cast<const char *>(take(n)), n); }
    Ref pop()
    {
        if (m_stack.empty())
            fail("pickle stack underflow");
        Ref r = m_stack.back();
        m_stack.pop_back();
        return r;
    }
    Ref &top()
    {
        if (m_stack.empty())
            fail("pickle stack underflow");
        return m_stack.back();
    }
    std::vector<Ref> popToMark()
    {
        if (m_marks.empty())
            fail("pickle mark missing");
        const size_t mark = m_marks.back();
        m_marks.pop_back();
        if (mark > m_stack.size())
            fail("pickle mark lies beyond the stack (items were popped past it)");
        std::vector<Ref> items(m_stack.begin() + long(mark), m_stack.end());
        m_stack.resize(mark);
        return items;
    }
    // Containers are created through here, so that teardown() can empty them all.
    template <class T> Ref container(T x)
    {
        Ref r = make(std::move(x));
        m_containers.push_back(r);
        return r;
    }
    // Empties every container before any is destroyed: a pickle may build cycles (a dict that
    // holds itself) or nesting a million deep, and neither may leak or recurse when freed.
    void teardown()
    {
        std::vector<Ref> graveyard;
        for (const Ref &c : m_containers) {
            if (auto *t = std::get_if<Tuple>(&c->v))
                std::move(t->items.begin(), t->items.end(), std::back_inserter(graveyard)), t->items.clear();
            else if (auto *l = std::get_if<List>(&c->v))
                std::move(l->items.begin(), l->items.end(), std::back_inserter(graveyard)), l->items.clear();
            else if (auto *d = std::get_if<Dict>(&c->v)) {
                for (auto &[k, v] : d->items) {
                    graveyard.push_back(std::move(k));
                    graveyard.push_back(std::move(v));
                }
                d->items.clear();
            }
        }
        m_stack.clear();
        m_memo.clear();
        m_containers.clear();
    }
    Ref global(const std::string &module, const std::string &name);
    Ref reduce(const Ref &callable, const Ref &args);
    Ref persistentLoad(const Ref &pid);
    void setItems(Ref &dict, const std::vector<Ref> &kv);
    int64_t asInt(const Ref &r, const char *what)
    {
        if (auto *i = std::get_if<int64_t>(&r->v))
            return *i;
        fail(std::string("expected an integer for ") + what);
    }
    std::vector<int64_t> asInts(const Ref &r, const char *what)
    {
        auto *t = std::get_if<Tuple>(&r->v);
        if (!t)
            fail(std::string("expected a tuple for ") + what);
        std::vector<int64_t> out;
        for (const auto &x : t->items)
            out.push_back(asInt(x, what));
        return out;
    }

    const unsigned char *m_p;
    const unsigned char *m_end;
    const unsigned char *m_begin;
    const unsigned char *m_opStart = nullptr;
    const StorageLoader &m_loader;
    const std::string &m_context;
    std::vector<Ref> m_stack;
    std::vector<size_t> m_marks;
    std::map<uint64_t, Ref> m_memo;
    std::vector<Ref> m_containers;
};

} // namespace bertlens::pickle
