// Compress one file with brotli at the highest setting, for the scan's two big downloads.
//
//   node sitegen/scan/brotli.mjs SOURCE TARGET
//
// Why: static hosts such as GitHub Pages compress with gzip only. Brotli with a 16 MB window
// makes Pyodide's wasm 0.8 MB smaller than gzip does and runtime.zip 0.3 MB smaller; the worker
// decodes it (widget/lib/brotli-fetch.mjs). Slow (about 40 s for the wasm), so
// sitegen/scan/pyodide_assets.py caches the result.
import { readFileSync, renameSync, writeFileSync } from "node:fs";
import { brotliCompressSync, constants } from "node:zlib";

const [source, target] = process.argv.slice(2);
if (!target) {
  console.error("gebruik: node sitegen/scan/brotli.mjs BRON DOEL");
  process.exit(2);
}
const input = readFileSync(source);
const output = brotliCompressSync(input, {
  params: {
    [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
    [constants.BROTLI_PARAM_LGWIN]: constants.BROTLI_MAX_WINDOW_BITS,
    [constants.BROTLI_PARAM_SIZE_HINT]: input.length,
  },
});
writeFileSync(target + ".partial", output);
renameSync(target + ".partial", target);
console.log(JSON.stringify({ bytes: input.length, brotli: output.length }));
