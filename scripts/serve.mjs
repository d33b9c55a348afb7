// Serves the built site (target/site/, from `make site`: www/ with each
// page's modules bundled, and the wasm under /pkg/) on 127.0.0.1.
// Usage: node scripts/serve.mjs [--port 8080] [--bench]   (PORT in the environment works too)
// --bench also serves make bench's baseline page (target/bench/, outside the
// site) at /bench/, from the same server, so the two are loaded alike.
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize, dirname, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { SECURITY_HEADERS, TYPES } from "./headers.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const argPort = process.argv.indexOf("--port");
const port = Number(argPort > 0 ? process.argv[argPort + 1] : process.env.PORT || 8080);
const host = "127.0.0.1";

const site = join(root, "target/site");
const bench = process.argv.includes("--bench") ? join(root, "target/bench") : null;

/** Maps a URL path to a file under the site (or the bench page's folder), refusing anything outside it. */
function resolve(urlPath) {
  const clean = normalize(decodeURIComponent(urlPath.split("?")[0])).replace(/^(\.\.[/\\])+/, "");
  const [dir, rest] = bench && clean.startsWith("/bench/") ? [bench, clean.slice("/bench".length)] : [site, clean];
  const file = join(dir, rest.slice(1) || "index.html");
  return file === dir || file.startsWith(dir + sep) ? file : null;
}

/**
 * Each file's gzip -9, made once per version of the file (its path, size and
 * modification time): a host serves files compressed ahead of time, so
 * compressing each request again would put the server's work, not the
 * page's, in what `make bench` times (one request after another, the wasm
 * alone 10 ms or more).
 */
const gzipped = new Map();
function gzipOf(file, body, info) {
  const key = `${file}\0${info.size}\0${info.mtimeMs}`;
  if (!gzipped.has(key)) gzipped.set(key, gzipSync(body, { level: 9 }));
  return gzipped.get(key);
}

const server = createServer(async (req, res) => {
  try {
    let file = resolve(req.url || "/");
    let info = file && (await stat(file).catch(() => null));
    if (info?.isDirectory()) {
      file = join(file, "index.html");
      info = await stat(file).catch(() => null);
    }
    const body = file && info && (await readFile(file).catch(() => null));
    if (!body) {
      res.writeHead(404, { ...SECURITY_HEADERS, "content-type": "text/plain; charset=utf-8" }).end("not found\n");
      return;
    }
    // Compressed as a host would (gzip -9, what the size budgets count), so
    // `make bench`'s throttled loads move the bytes a visitor's would.
    const type = TYPES[extname(file)] || "application/octet-stream";
    const gzip = /\bgzip\b/.test(req.headers["accept-encoding"] ?? "") && !/image\/png/.test(type);
    res.writeHead(200, {
      "content-type": type,
      ...SECURITY_HEADERS,
      "cache-control": "no-cache",
      vary: "accept-encoding",
      ...(gzip ? { "content-encoding": "gzip" } : {}),
    });
    res.end(req.method === "HEAD" ? undefined : gzip ? gzipOf(file, body, info) : body);
  } catch {
    res.writeHead(400).end();
  }
});

// Port 0 picks a free port; the line printed names the real one (the page tests read it).
server.listen(port, host, () => console.log(`coursecost: serving http://${host}:${server.address().port}/ (Ctrl-C to stop)`));
