#include "io/torch_pickle.h"

#include "io/pickle_machine.h"

#include <ATen/ATen.h>

#include <cstring>
#include <set>

namespace bertlens {

namespace {

using namespace pickle;

// Limits that no state dict comes near, so that a crafted pickle cannot exhaust the stack.
constexpr int kMaxDictDepth = 64;

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
