#!/bin/sh
# The corpus benchmark of docs/ and README's Speed section: BertLens (whole process: load,
# tokenize, forward, pool, write .npy) against the peers' forward + pooling only, on the same
# model and corpus (bench/peers/prepare.py). Run by hand on a quiet machine, not in CI:
#   bench/peers/run.sh BUILD_DIR WORK_DIR [THREADS]
# Needs /usr/bin/python3 with python3-torch and python3-numpy, node, and onnxruntime-node 1.20.1
# installed with `npm install --ignore-scripts onnxruntime-node@1.20.1` in WORK_DIR (NODE_PATH).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
build=$(cd "$1" && pwd)
work=$2
threads=${3:-2}
cli="$build/app/cli/bertlens-cli"
py=/usr/bin/python3
mkdir -p "$work"
[ -f "$work/model/model.safetensors" ] || $py "$here/prepare.py" "$work"
[ -f "$work/model.onnx" ] || (cd "$here" && $py export_onnx.py "$work/model" "$work/model.onnx")
[ -f "$work/model-everything.onnx" ] || (cd "$here" && $py export_onnx.py "$work/model" "$work/model-everything.onnx" --everything)
"$cli" tokenize --model "$work/model" --input "$work/corpus.txt" > "$work/ids.jsonl"
tokens=$($py -c "import json,sys; print(sum(len(json.loads(l)['ids']) for l in open(sys.argv[1])))" "$work/ids.jsonl")

# Wall time of a whole bertlens-cli process, in seconds.
run_bertlens() {
    start=$(date +%s.%N)
    "$cli" embed --model "$work/model" --input "$work/corpus.txt" --output "$work/$1.npy" --layers -1 --pooling mean \
        --threads "$threads" --precision "$2" 2>/dev/null
    echo "$(date +%s.%N) - $start" | bc
}
fp32=$(run_bertlens bertlens-fp32 fp32)
bf16=$(run_bertlens bertlens-bf16 bf16)
torch1=$(cd "$here" && $py torch_embed.py "$work/model" "$work/ids.jsonl" "$work/pytorch-eager-1-thread.npy" 1)
torch2=$(cd "$here" && $py torch_embed.py "$work/model" "$work/ids.jsonl" "$work/pytorch-eager-$threads-threads.npy" "$threads")
ort=$(NODE_PATH="$work/node_modules" node "$here/ort_embed.js" "$work/model.onnx" "$work/ids.jsonl" "$work/onnx-runtime-fp32.npy" "$threads")
cat > "$work/times.json" <<JSON
{"BertLens fp32 (whole process)": $fp32, "BertLens bf16 (whole process)": $bf16,
 "ONNX Runtime fp32 (forward + pooling)": $ort,
 "PyTorch eager 1 thread (forward + pooling)": $torch1, "PyTorch eager $threads threads (forward + pooling)": $torch2}
JSON
# Fixed shapes: bench_forward (with its GEMM baseline) and ONNX Runtime, one after the other.
"$build/bench/bench_forward" --threads "$threads" --precision both --json "$work/bertlens-shapes.json" > "$work/bench_forward.txt"
NODE_PATH="$work/node_modules" node "$here/ort_shapes.js" "$work/model.onnx" "$work/model-everything.onnx" "$threads" > "$work/ort-shapes.json"
echo "$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(nproc) cores, $threads threads; $(wc -l < "$work/corpus.txt") sentences, $tokens tokens"
$py "$here/compare.py" "$work" "$tokens"
