// ONNX Runtime peer: forward + mean pooling of the corpus (timed) with the same sorted batches of
// 32 as the PyTorch peer; vectors to a float32 .npy in input order.
// Usage: node ort_embed.js MODEL.onnx IDS_JSONL OUT.npy THREADS   (onnxruntime-node in NODE_PATH)
const fs = require('fs');
const ort = require('onnxruntime-node');

async function main() {
    const [modelPath, idsPath, outPath, threads] = process.argv.slice(2);
    const session = await ort.InferenceSession.create(modelPath, {
        intraOpNumThreads: Number(threads), interOpNumThreads: 1, graphOptimizationLevel: 'all', executionMode: 'sequential',
    });
    const ids = fs.readFileSync(idsPath, 'utf8').split('\n').filter(l => l.trim()).map(l => JSON.parse(l).ids);
    const order = ids.map((_, i) => i).sort((a, b) => ids[a].length - ids[b].length || a - b);
    const h = 768;
    const out = new Float32Array(ids.length * h);
    const start = process.hrtime.bigint();
    for (let s = 0; s < order.length; s += 32) {
        const chunk = order.slice(s, s + 32);
        const t = Math.max(...chunk.map(i => ids[i].length));
        const inputIds = new BigInt64Array(chunk.length * t), mask = new BigInt64Array(chunk.length * t);
        chunk.forEach((i, row) => ids[i].forEach((id, j) => { inputIds[row * t + j] = BigInt(id); mask[row * t + j] = 1n; }));
        const result = await session.run({
            input_ids: new ort.Tensor('int64', inputIds, [chunk.length, t]),
            attention_mask: new ort.Tensor('int64', mask, [chunk.length, t]),
        });
        const pooled = result.pooled.data;
        chunk.forEach((i, row) => out.set(pooled.subarray(row * h, (row + 1) * h), i * h));
    }
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    let header = `{'descr': '<f4', 'fortran_order': False, 'shape': (${ids.length}, ${h}), }`;
    header += ' '.repeat(63 - ((10 + header.length) % 64)) + '\n';
    const prefix = Buffer.alloc(10);
    prefix.write('\x93NUMPY', 0, 'latin1'); prefix[6] = 1; prefix[7] = 0; prefix.writeUInt16LE(header.length, 8);
    fs.writeFileSync(outPath, Buffer.concat([prefix, Buffer.from(header, 'latin1'), Buffer.from(out.buffer)]));
    console.log(seconds.toFixed(3));
}
main().catch(e => { console.error(e); process.exit(1); });
