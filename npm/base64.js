// Bytes from base64 (the wasm that inline.js and the Node entries carry in
// their JavaScript): Node's Buffer where there is one (fastest), else atob.
export function fromBase64(text) {
  if (typeof Buffer === "function") return Buffer.from(text, "base64");
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
