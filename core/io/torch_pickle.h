#pragma once

#include "io/named_tensors.h"

#include <functional>
#include <string>

namespace bertlens {

// Loads the bytes of one storage of a torch.save archive as a 1-D tensor of `type`.
using StorageLoader = std::function<at::Tensor(const std::string &key, at::ScalarType type, int64_t numel)>;

// A restricted unpickler for the data.pkl of a state dict saved by torch.save. It rebuilds
// only dicts, lists, tuples, scalars, strings, storages and tensors; it never calls anything named
// in the file: any global outside a short allow-list is a model error naming it. Returns the
// (name, tensor) pairs of the top-level dict, nested dicts flattened with '.'.
NamedTensors unpickleStateDict(const unsigned char *data, size_t size,
                                                                  const StorageLoader &loadStorage,
                                                                  const std::string &context);

// The same for the legacy (before PyTorch 1.6) torch.save format: consecutive pickles followed by
// the raw storages, all in `data`.
NamedTensors unpickleLegacyStateDict(const unsigned char *data, size_t size,
                                                                        const std::string &context);

} // namespace bertlens
