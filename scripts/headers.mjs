// The HTTP headers the pages are served with: by scripts/serve.mjs, and by
// any host that deploys target/site/ (README.md, "Deploying the pages",
// prints these; tests/node/serve.test.mjs holds both to them).
//
// A `<meta http-equiv>` policy in the pages cannot forbid framing, so only
// these headers stop another site from framing the pages (clickjacking a
// staff member into printing or downloading a quote).

/** The Content-Security-Policy: nothing leaves the page, no inline code, no framing. */
export const CSP = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join("; ");

/** Sent with every file. */
export const SECURITY_HEADERS = {
  "content-security-policy": CSP,
  // For browsers that predate `frame-ancestors`.
  "x-frame-options": "DENY",
  "x-content-type-options": "nosniff",
  "referrer-policy": "no-referrer",
};

/** The content type of each kind of file the site holds (the wasm must be `application/wasm` to stream-compile). */
export const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".wasm": "application/wasm",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".ts": "text/plain; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".csv": "text/csv; charset=utf-8",
};
