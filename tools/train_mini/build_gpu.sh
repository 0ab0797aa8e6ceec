#!/bin/sh
# Builds bertlens-train-gpu against the LibTorch inside Python's PyTorch (with CUDA), on a machine
# without Qt or Debian's LibTorch: the GPU machine. The sources are gpu_sources.txt, the list CMake
# builds the same program from in CI. Usage: tools/train_mini/build_gpu.sh OUT_BINARY
set -eu
top=$(cd "$(dirname "$0")/../.." && pwd)
out=${1:-/tmp/bertlens-train-gpu}
torch_dir=$(python3 -c 'import os, torch; print(os.path.dirname(torch.__file__))')
abi=$(python3 -c 'import torch; print(int(torch._C._GLIBCXX_USE_CXX11_ABI))')
objs=""
pids=""
for f in $(grep -v '^#' "$top/tools/train_mini/gpu_sources.txt"); do
  obj=/tmp/bertlens-gpu-$(basename "$f" .cpp).o
  objs="$objs $obj"
  c++ -std=c++17 -O2 -D_GLIBCXX_USE_CXX11_ABI=$abi -I"$top/core" -I"$top/tools/train_mini" \
      -isystem "$torch_dir/include" -isystem "$torch_dir/include/torch/csrc/api/include" -c "$top/$f" -o "$obj" &
  pids="$pids $!"
done
for pid in $pids; do wait "$pid"; done
c++ -o "$out" $objs -L"$torch_dir/lib" -Wl,--no-as-needed -ltorch -ltorch_cuda -ltorch_cpu -lc10_cuda -lc10 \
    -Wl,-rpath,"$torch_dir/lib"
echo "built $out"
