// ONNX Runtime on the fixed shapes of bench_forward, median of repeated runs in ms, one JSON
// line: one 32-token sentence with every hidden state and attention map (the window's forward,
// MODEL_EVERYTHING.onnx), and 128-token sequences in batches of 1 and 16 (MODEL.onnx, pooled).
// Usage: node ort_shapes.js MODEL.onnx MODEL_EVERYTHING.onnx THREADS
const ort = require('onnxruntime-node');

async function median(session, b, t, repeats) {
    const ids = new BigInt64Array(b * t).map((_, i) => BigInt(1000 + (i * 7919) % 20000));
    const feeds = { input_ids: new ort.Tensor('int64', ids, [b, t]),
                    attention_mask: new ort.Tensor('int64', new BigInt64Array(b * t).fill(1n), [b, t]) };
    await session.run(feeds); // warm-up
    const times = [];
    for (let i = 0; i < repeats; ++i) {
        const start = process.hrtime.bigint();
        await session.run(feeds);
        times.push(Number(process.hrtime.bigint() - start) / 1e6);
    }
    times.sort((x, y) => x - y);
    return times[Math.floor(times.length / 2)];
}

async function main() {
    const [pooledPath, everythingPath, threads] = process.argv.slice(2);
    const options = { intraOpNumThreads: Number(threads), interOpNumThreads: 1, graphOptimizationLevel: 'all' };
    const pooled = await ort.InferenceSession.create(pooledPath, options);
    const everything = await ort.InferenceSession.create(everythingPath, options);
    console.log(JSON.stringify({
        sentence32: await median(everything, 1, 32, 15),
        seq128batch1: await median(pooled, 1, 128, 7),
        seq128batch16: await median(pooled, 16, 128, 3),
    }));
}
main().catch(e => { console.error(e); process.exit(1); });
