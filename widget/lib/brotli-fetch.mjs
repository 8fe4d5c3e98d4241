// Static hosts (GitHub Pages) compress with gzip only. The scan's two big downloads, Pyodide's
// wasm and runtime.zip, are published as brotli files (name + ".br", made by sitegen/scan/brotli.mjs),
// 1.1 MB smaller than gzip, and decoded here as they arrive, so WebAssembly still compiles while
// the wasm streams in. Pyodide fetches both with fetch(); this wraps fetch for those two URLs only.
import initDecoder, { DecompressStream, BrotliStreamResultCode } from "brotli-dec-wasm/web";

const OUTPUT_STEP = 1 << 20; // decode at most 1 MB per call
// Per file kind: its type, and what the decoded file starts with. A host that sends a .br file
// with "Content-Encoding: br" has the browser decode it already: then the bytes pass through.
// (Our brotli files use a 16 MB window, so their first byte is never 0x00 or 0x50.)
const FORMATS = {
  wasm: { type: "application/wasm", magic: [0x00, 0x61, 0x73, 0x6d] },
  zip: { type: "application/zip", magic: [0x50, 0x4b, 0x03, 0x04] },
};

function startsWith(chunk, magic) {
  return chunk.length >= magic.length && magic.every((byte, i) => chunk[i] === byte);
}

function decoding(decoderReady, magic, onError) {
  let stream = null;
  let passThrough = false;
  let code = null;
  const fail = (message) => { const err = new Error(message); onError(err); throw err; };
  return new TransformStream({
    async transform(chunk, controller) {
      if (!stream && !passThrough) {
        passThrough = startsWith(chunk, magic);
        if (!passThrough) {
          try { await decoderReady; } catch (err) { fail(`de brotli-decoder kon niet laden (${err.message})`); }
          stream = new DecompressStream();
        }
      }
      if (passThrough) { controller.enqueue(chunk); return; }
      let input = chunk;
      do {
        let result;
        try { result = stream.decompress(input, OUTPUT_STEP); } catch (err) { fail(`het bestand is beschadigd (${err})`); }
        if (result.buf.length) controller.enqueue(result.buf);
        input = input.subarray(result.input_offset);
        code = result.code;
      } while (code === BrotliStreamResultCode.NeedsMoreOutput);
      if (code !== BrotliStreamResultCode.NeedsMoreInput && code !== BrotliStreamResultCode.ResultSuccess) {
        fail(`het bestand is beschadigd (brotli ${code})`);
      }
    },
    flush() {
      // A download that stopped halfway ends the stream before brotli's own end.
      if (!passThrough && code !== BrotliStreamResultCode.ResultSuccess) fail("het bestand is niet helemaal binnengekomen");
    },
  });
}

// Returns a fetch that serves each URL in `urls` from URL + ".br", decoded. onError hears of a
// file that cannot be decoded.
export function brotliFetch(fetch, urls, decoderUrl, onError = () => {}) {
  let decoderReady = null;
  const decoder = () => (decoderReady ??= initDecoder({ module_or_path: decoderUrl }));
  return (input, init) => {
    const url = String(input instanceof Request ? input.url : input);
    if (!urls.includes(url)) return fetch(input, init);
    decoder(); // its 200 KB download runs beside the big one
    return fetch(url + ".br", init).then((response) => {
      if (!response.ok) return response; // the caller reports a missing file
      const { type, magic } = FORMATS[url.split(".").pop()];
      return new Response(response.body.pipeThrough(decoding(decoder(), magic, onError)),
                          { headers: { "Content-Type": type } });
    });
  };
}
