#include "io/pickle_machine.h"

#include <ATen/ATen.h>

#include <cstring>

namespace bertlens::pickle {

namespace {

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

} // namespace

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

} // namespace bertlens::pickle
