const mode = new URL(location).searchParams.get("mode");
const worker = new Worker(`worker.mjs?mode=${mode}`, { type: "module" });
worker.onmessage = (e) => { document.title = JSON.stringify(e.data); };
worker.onerror = (e) => { document.title = `error ${e.message}`; };
