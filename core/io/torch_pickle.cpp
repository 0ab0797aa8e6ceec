// Over 400 lines on purpose: the unpickler's private value model, its opcode machine, and the two
// torch.save layouts that drive it share types that nothing else may see (a restricted unpickler is
// safer with no public surface but unpickleStateDict/unpickleLegacyStateDict).
#include "io/torch_pickle.h"

#include "common/error.h"

#include <ATen/ATen.h>

#include <cstring>
#include <map>
#include <iterator>
#include <memory>
#include <set>
#include <variant>

namespace bertlens {

namespace {

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

// Limits that no state dict comes near, so that a crafted pickle cannot exhaust the stack.
constexpr int kMaxDictDepth = 64;

const std::map<std::string, at::ScalarType> kStorageTypes = {
    {"torch.FloatStorage", at::kFloat},   {"torch.HalfStorage", at::kHalf},   {"torch.BFloat16Storage", at::kBFloat16},
    {"torch.DoubleStorage", at::kDouble}, {"torch.LongStorage", at::kLong},   {"torch.IntStorage", at::kInt},
    {"torch.ShortStorage", at::kShort},   {"torch.CharStorage", at::kChar},   {"torch.ByteStorage", at::kByte},
    {"torch.BoolStorage", at::kBool},
};

const char *const kCallables[] = {
    "collections.OrderedDict",
    "torch._utils._rebuild_tensor_v2",
    "torch._utils._rebuild_parameter",
};

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

Ref Unpickler::global(const std::string &module, const std::string &name)
{
    const std::string full = module + "." + name;
    if (kStorageTypes.count(full))
        return make(Global{full});
    for (const char *allowed : kCallables)
        if (full == allowed)
            return make(Global{full});
    fail("refusing pickle global '" + full + "': a state dict holds only tensors, and nothing in a weights file is executed");
}

Ref Unpickler::persistentLoad(const Ref &pid)
{
    // ('storage', <storage type>, key, location, numel)
    auto *t = std::get_if<Tuple>(&pid->v);
    if (!t || t->items.size() < 5)
        fail("unexpected persistent id");
    auto *kind = std::get_if<std::string>(&t->items[0]->v);
    auto *type = std::get_if<Global>(&t->items[1]->v);
    auto *key = std::get_if<std::string>(&t->items[2]->v);
    if (!kind || *kind != "storage" || !type || !key || !kStorageTypes.count(type->name))
        fail("unexpected persistent id");
    const int64_t numel = asInt(t->items[4], "storage size");
    return make(Storage{m_loader(*key, kStorageTypes.at(type->name), numel)});
}

Ref Unpickler::reduce(const Ref &callable, const Ref &args)
{
    auto *g = std::get_if<Global>(&callable->v);
    auto *a = std::get_if<Tuple>(&args->v);
    if (!g || !a)
        fail("unsupported pickle REDUCE");
    if (g->name == "collections.OrderedDict")
        return container(Dict{});
    if (g->name == "torch._utils._rebuild_parameter") {
        if (a->items.empty() || !std::holds_alternative<at::Tensor>(a->items[0]->v))
            fail("malformed parameter");
        return a->items[0];
    }
    if (g->name == "torch._utils._rebuild_tensor_v2") {
        // (storage, storage_offset, size, stride, requires_grad, backward_hooks[, metadata])
        if (a->items.size() < 4)
            fail("malformed tensor");
        auto *storage = std::get_if<Storage>(&a->items[0]->v);
        if (!storage)
            fail("tensor without storage");
        const int64_t offset = asInt(a->items[1], "storage offset");
        const auto sizes = asInts(a->items[2], "tensor size");
        const auto strides = asInts(a->items[3], "tensor stride");
        if (sizes.size() != strides.size())
            fail("tensor size and stride differ in length");
        // Checked arithmetic: sizes and strides come from the file. A tensor has no more elements
        // than its storage, so no later copy of it can outgrow the file.
        int64_t last = offset, numel = 1;
        for (size_t i = 0; i < sizes.size(); ++i) {
            if (sizes[i] < 0 || strides[i] < 0)
                fail("negative tensor size or stride");
            int64_t reach = 0;
            if (__builtin_mul_overflow(numel, sizes[i], &numel) || (sizes[i] > 0 && __builtin_mul_overflow(sizes[i] - 1, strides[i], &reach))
                || __builtin_add_overflow(last, reach, &last))
                fail("tensor size or stride overflows");
        }
        if (offset < 0 || (numel > 0 && last >= storage->data.numel()) || numel > storage->data.numel())
            fail("tensor extends beyond its storage");
        return make(storage->data.as_strided(sizes, strides, offset));
    }
    fail("unsupported call of " + g->name);
}

void Unpickler::setItems(Ref &dict, const std::vector<Ref> &kv)
{
    auto *d = std::get_if<Dict>(&dict->v);
    if (!d || kv.size() % 2)
        fail("SETITEMS on something that is not a dict");
    for (size_t i = 0; i < kv.size(); i += 2)
        d->items.emplace_back(kv[i], kv[i + 1]);
}

Ref Unpickler::run()
{
    while (true) {
        m_opStart = m_p;
        const unsigned char op = *take(1);
        switch (op) {
        case 0x80: take(1); break;             // PROTO
        case 0x95: take(8); break;             // FRAME
        case '(': m_marks.push_back(m_stack.size()); break;
        case '.': return pop();                // STOP
        case '0': pop(); break;                // POP
        case '1': popToMark(); break;          // POP_MARK
        case '2': m_stack.push_back(top()); break;
        case 'N': m_stack.push_back(make(None{})); break;
        case 0x88: m_stack.push_back(make(true)); break;
        case 0x89: m_stack.push_back(make(false)); break;
        case 'J': m_stack.push_back(make(int64_t(int32_t(le(4))))); break;
        case 'K': m_stack.push_back(make(int64_t(le(1)))); break;
        case 'M': m_stack.push_back(make(int64_t(le(2)))); break;
        case 0x8a: {                           // LONG1
            const size_t n = size_t(le(1));
            if (n > 8) {
                m_stack.push_back(make(BigInt{bytes(n)}));
                break;
            }
            uint64_t v = n ? le(n) : 0;
            if (n && n < 8 && (v >> (8 * n - 1)) & 1)
                v |= ~uint64_t(0) << (8 * n);
            m_stack.push_back(make(int64_t(v)));
            break;
        }
        case 'G': {                            // BINFLOAT, big-endian
            uint64_t bits = 0;
            for (const unsigned char *p = take(8), *e = p + 8; p < e; ++p)
                bits = (bits << 8) | *p;
            double d;
            std::memcpy(&d, &bits, 8);
            m_stack.push_back(make(d));
            break;
        }
        case 'X': m_stack.push_back(make(bytes(size_t(le(4))))); break;
        case 0x8c: m_stack.push_back(make(bytes(size_t(le(1))))); break;
        case 0x8d: m_stack.push_back(make(bytes(size_t(le(8))))); break;
        case 'B': m_stack.push_back(make(bytes(size_t(le(4))))); break;
        case 'C': m_stack.push_back(make(bytes(size_t(le(1))))); break;
        case 'T': m_stack.push_back(make(bytes(size_t(le(4))))); break;
        case 'U': m_stack.push_back(make(bytes(size_t(le(1))))); break;
        case ')': m_stack.push_back(container(Tuple{})); break;
        case 0x85: m_stack.push_back(container(Tuple{{pop()}})); break;
        case 0x86: { auto b = pop(), a = pop(); m_stack.push_back(container(Tuple{{a, b}})); break; }
        case 0x87: { auto c = pop(), b = pop(), a = pop(); m_stack.push_back(container(Tuple{{a, b, c}})); break; }
        case 't': m_stack.push_back(container(Tuple{popToMark()})); break;
        case ']': m_stack.push_back(container(List{})); break;
        case 'l': m_stack.push_back(container(List{popToMark()})); break;
        case '}': m_stack.push_back(container(Dict{})); break;
        case 'd': { auto d = container(Dict{}); setItems(d, popToMark()); m_stack.push_back(d); break; }
        case 'a': {
            auto v = pop();
            auto *l = std::get_if<List>(&top()->v);
            if (!l)
                fail("APPEND on something that is not a list");
            l->items.push_back(v);
            break;
        }
        case 'e': {
            auto items = popToMark();
            auto *l = std::get_if<List>(&top()->v);
            if (!l)
                fail("APPENDS on something that is not a list");
            l->items.insert(l->items.end(), items.begin(), items.end());
            break;
        }
        case 's': { auto v = pop(), k = pop(); setItems(top(), {k, v}); break; }
        case 'u': { auto kv = popToMark(); setItems(top(), kv); break; }
        case 'q': m_memo[le(1)] = top(); break;
        case 'r': m_memo[le(4)] = top(); break;
        case 0x94: m_memo[m_memo.size()] = top(); break;
        case 'h':
        case 'j': {
            const uint64_t key = le(op == 'h' ? 1 : 4);
            const auto it = m_memo.find(key);
            if (it == m_memo.end())
                fail("pickle memo entry " + std::to_string(key) + " is missing");
            m_stack.push_back(it->second);
            break;
        }
        case 'c': {
            const std::string module = line();
            const std::string name = line();
            m_stack.push_back(global(module, name));
            break;
        }
        case 0x93: {                           // STACK_GLOBAL
            auto name = pop(), module = pop();
            auto *n = std::get_if<std::string>(&name->v);
            auto *m = std::get_if<std::string>(&module->v);
            if (!n || !m)
                fail("malformed STACK_GLOBAL");
            m_stack.push_back(global(*m, *n));
            break;
        }
        case 'Q': { auto pid = pop(); m_stack.push_back(persistentLoad(pid)); break; }
        case 'R': { auto args = pop(), callable = pop(); m_stack.push_back(reduce(callable, args)); break; }
        case 'b': pop(); break; // BUILD: the only state here is an OrderedDict's _metadata, not needed
        default: {
            char hex[8];
            std::snprintf(hex, sizeof hex, "0x%02x", op);
            fail(std::string("unsupported pickle opcode ") + hex);
        }
        }
    }
}

// Each dict is expanded once: a dict met twice (a cycle, or "billion laughs" sharing) is refused,
// so the work is bounded by the number of values in the file.
void flatten(const Ref &dict, const std::string &prefix, int depth, std::set<const Value *> &seen, NamedTensors &out,
             const std::string &context)
{
    if (depth > kMaxDictDepth)
        throw modelError(context + ": dicts nested more than " + std::to_string(kMaxDictDepth) + " deep at '" + prefix + "'");
    if (!seen.insert(dict.get()).second)
        throw modelError(context + ": the pickle refers to the same dict twice (at '" + prefix + "'); a state dict never does");
    for (const auto &[k, v] : std::get<Dict>(dict->v).items) {
        auto *key = std::get_if<std::string>(&k->v);
        if (!key)
            continue;
        if (auto *t = std::get_if<at::Tensor>(&v->v))
            out.emplace_back(prefix + *key, *t);
        else if (std::holds_alternative<Dict>(v->v))
            flatten(v, prefix + *key + ".", depth + 1, seen, out, context);
    }
}

NamedTensors stateDictOf(const Ref &root, const std::string &context)
{
    if (!std::holds_alternative<Dict>(root->v))
        throw modelError(context + ": the pickled object is not a state dict");
    NamedTensors out;
    std::set<const Value *> seen;
    flatten(root, "", 0, seen, out, context);
    return out;
}

} // namespace

NamedTensors unpickleLegacyStateDict(const unsigned char *data, size_t size, const std::string &context)
{
    // Pickles in sequence: magic number, protocol version, system info, the state dict (storages
    // as persistent ids), the list of storage keys; then each storage as a little-endian int64
    // element count followed by its bytes. Storages are created while the state dict is read, and
    // filled once their bytes are reached; tensors are views of them. Together they may not claim
    // more bytes than the file has, and every one must be filled from it.
    std::map<std::string, at::Tensor> storages;
    size_t claimed = 0;
    const StorageLoader deferred = [&](const std::string &key, at::ScalarType type, int64_t numel) {
        auto &s = storages[key];
        if (!s.defined()) {
            const size_t element = c10::elementSize(type);
            if (numel < 0 || uint64_t(numel) > (size - claimed) / element)
                throw modelError(context + ": storage " + key + " claims " + std::to_string(numel)
                                 + " elements, more than the file holds");
            claimed += size_t(numel) * element;
            s = at::empty({numel}, at::TensorOptions().dtype(type));
        }
        return s;
    };
    const StorageLoader refuse = [&context](const std::string &, at::ScalarType, int64_t) -> at::Tensor {
        throw modelError(context + ": unexpected storage in a header pickle");
    };
    size_t pos = 0;
    std::vector<std::unique_ptr<Unpickler>> pickles; // alive until the state dict is flattened
    auto next = [&](const StorageLoader &loader) {
        pickles.push_back(std::make_unique<Unpickler>(data + pos, size - pos, loader, context));
        Ref r = pickles.back()->run();
        pos += pickles.back()->consumed();
        return r;
    };
    const Ref magic = next(refuse);
    const auto *m = std::get_if<BigInt>(&magic->v);
    if (!m || m->littleEndian != std::string("\x6c\xfc\x9c\x46\xf9\x20\x6a\xa8\x50\x19", 10))
        throw modelError(context + ": not a torch.save file (neither a zip archive nor the legacy format)");
    next(refuse); // protocol version
    next(refuse); // system info
    const Ref root = next(deferred);
    const Ref keys = next(refuse);
    const auto *keyList = std::get_if<List>(&keys->v);
    if (!keyList)
        throw modelError(context + ": malformed legacy torch.save file (no storage key list)");
    std::set<std::string> filled;
    for (const Ref &k : keyList->items) {
        const auto *key = std::get_if<std::string>(&k->v);
        if (!key || !storages.count(*key))
            throw modelError(context + ": malformed legacy torch.save file (unknown storage key)");
        if (!filled.insert(*key).second)
            throw modelError(context + ": storage " + *key + " is listed twice");
        at::Tensor &s = storages[*key];
        if (size - pos < 8)
            throw modelError(context + ": truncated storage " + *key);
        int64_t numel = 0;
        std::memcpy(&numel, data + pos, 8);
        pos += 8;
        if (numel != s.numel() || (size - pos) / s.element_size() < size_t(numel))
            throw modelError(context + ": storage " + *key + " is truncated or has the wrong size");
        const size_t bytes = size_t(numel) * s.element_size();
        std::memcpy(s.data_ptr(), data + pos, bytes);
        pos += bytes;
    }
    NamedTensors tensors = stateDictOf(root, context);
    for (const auto &[key, storage] : storages)
        if (!filled.count(key))
            for (const auto &[name, tensor] : tensors)
                if (tensor.storage().is_alias_of(storage.storage()))
                    throw modelError(context + ": tensor " + name + " has no data in the file (its storage " + key
                                     + " is not in the storage list)");
    return tensors;
}

NamedTensors unpickleStateDict(const unsigned char *data, size_t size,
                                                                  const StorageLoader &loadStorage,
                                                                  const std::string &context)
{
    Unpickler unpickler(data, size, loadStorage, context);
    return stateDictOf(unpickler.run(), context);
}

} // namespace bertlens
