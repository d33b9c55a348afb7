// Text read as JSON, with one wording for text that is not JSON wherever a
// page says so (the sheet editor opening a file or a draft, the staff
// view's worker reading a price sheet): "not JSON (the parser's reason)".

/** `text` as JSON: `{ value }`, or `{ error }` ("not JSON (…)") when it is not JSON. */
export function readJson(text) {
  try {
    return { value: JSON.parse(text) };
  } catch (e) {
    return { error: `not JSON (${e.message})` };
  }
}
