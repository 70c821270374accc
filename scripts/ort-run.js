// Runs an ONNX model in ONNX Runtime (npm onnxruntime-node) on .npy inputs
// and writes its outputs as .npy, to cross-check qcc-run:
//
//   NODE_PATH=<dir with node_modules> node scripts/ort-run.js model.onnx \
//       out_dir input0.npy [input1.npy ...]
//
// Install ONNX Runtime without PyPI (see ../shared/models/README.md):
//   mkdir -p ort && cd ort && npm init -y && \
//     npm install --ignore-scripts onnxruntime-node@1.30.0
'use strict';
const fs = require('fs');
const path = require('path');
const ort = require('onnxruntime-node');

const kinds = {
  '<f4': ['float32', Float32Array], '<f8': ['float64', Float64Array],
  '|u1': ['uint8', Uint8Array], '|i1': ['int8', Int8Array],
  '<i4': ['int32', Int32Array], '<i8': ['int64', BigInt64Array],
};

function readNpy(file) {
  const bytes = fs.readFileSync(file);
  const headerLength = bytes.readUInt16LE(8);
  const header = bytes.toString('latin1', 10, 10 + headerLength);
  const descr = /'descr':\s*'([^']+)'/.exec(header)[1];
  const shape = /'shape':\s*\(([^)]*)\)/.exec(header)[1]
      .split(',').filter((s) => s.trim()).map((s) => parseInt(s, 10));
  const [type, Array] = kinds[descr];
  const data = bytes.subarray(10 + headerLength);
  const copy = new Uint8Array(data).buffer;
  return new ort.Tensor(type, new Array(copy), shape);
}

function writeNpy(file, tensor) {
  const descr = Object.keys(kinds).find((k) => kinds[k][0] === tensor.type);
  let header = `{'descr': '${descr}', 'fortran_order': False, 'shape': (` +
      tensor.dims.join(', ') + (tensor.dims.length === 1 ? ',' : '') + '), }';
  header += ' '.repeat((64 - ((10 + header.length + 1) % 64)) % 64) + '\n';
  const prefix = Buffer.alloc(10);
  Buffer.from('\x93NUMPY', 'latin1').copy(prefix);
  prefix[6] = 1;
  prefix.writeUInt16LE(header.length, 8);
  const data = Buffer.from(tensor.data.buffer, tensor.data.byteOffset,
                           tensor.data.byteLength);
  fs.writeFileSync(file, Buffer.concat([prefix, Buffer.from(header, 'latin1'), data]));
}

(async () => {
  const [model, outDir, ...inputs] = process.argv.slice(2);
  const session = await ort.InferenceSession.create(model);
  const feeds = {};
  session.inputNames.forEach((name, i) => { feeds[name] = readNpy(inputs[i]); });
  const results = await session.run(feeds);
  fs.mkdirSync(outDir, { recursive: true });
  session.outputNames.forEach((name, i) =>
    writeNpy(path.join(outDir, `output_${i}.npy`), results[name]));
})().catch((e) => { console.error(e.message); process.exit(1); });
