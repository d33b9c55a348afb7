// The price sheet editor's draft in the browser's storage: the sheet being
// edited, and nothing else (never patient data). The editor writes it; the
// staff view can quote from it.
//
// Nothing staff typed is lost to storage: every write counts a version
// (`.version`), so a tab can tell that another tab wrote since it last
// looked; the draft a write replaces wholesale (another tab's, another
// session's, the sheet before an Open or a New) is kept as the previous
// draft (`.previous`); a draft that cannot be read is moved aside
// (`.unreadable`, then `.unreadable-2`, …), never written over.

/** The storage key of the draft: the sheet's JSON text. */
export const DRAFT_KEY = "coursecost.priceSheetDraft";
/** The draft before the last wholesale replacement. */
export const PREVIOUS_KEY = `${DRAFT_KEY}.previous`;
/** How many times the draft was written, in any tab. */
export const VERSION_KEY = `${DRAFT_KEY}.version`;
/** Where an unreadable draft is kept (a number is added when it is taken). */
export const ASIDE_KEY = `${DRAFT_KEY}.unreadable`;

const message = (e) => (e?.name === "QuotaExceededError" ? "the browser's storage is full" : e?.message ?? String(e));

/** Why this browser will not let the page keep a draft at all (storage blocked), or null. */
export function storageRefused() {
  try {
    void localStorage.length;
    return null;
  } catch (e) {
    return `this browser does not let the page keep a draft (${message(e)})`;
  }
}

/** The draft's JSON text, or null when there is none (or storage is off). */
export function readDraft() {
  try {
    return localStorage.getItem(DRAFT_KEY);
  } catch {
    return null;
  }
}

/** The previous draft's JSON text, or null. */
export function readPrevious() {
  try {
    return localStorage.getItem(PREVIOUS_KEY);
  } catch {
    return null;
  }
}

/** The draft's version now (0 when none was counted, or storage is off). */
export function draftVersion() {
  try {
    const n = Number(localStorage.getItem(VERSION_KEY));
    return Number.isSafeInteger(n) && n > 0 ? n : 0;
  } catch {
    return 0;
  }
}

/**
 * Keeps `text` (a sheet's JSON) as the draft. `seen` is the version this
 * tab last read or wrote; `keep` asks to keep the stored draft as the
 * previous one (a wholesale replacement). When another tab wrote since
 * `seen`, its draft is kept as the previous one too.
 * Returns `{ version, error, overwrote }`: the version written, or `error`
 * (why storage refused; nothing was written), and whether another tab's
 * draft was replaced (it is the previous draft now).
 */
export function writeDraft(text, { seen = draftVersion(), keep = false } = {}) {
  try {
    const now = draftVersion();
    const overwrote = now !== seen;
    if (keep || overwrote) {
      const stored = localStorage.getItem(DRAFT_KEY);
      if (stored !== null && stored !== text) {
        try {
          localStorage.setItem(PREVIOUS_KEY, stored);
        } catch {
          // No room for both: the draft being written matters more, and the
          // previous one stays whatever it was.
        }
      }
    }
    try {
      localStorage.setItem(DRAFT_KEY, text);
    } catch (e) {
      // Full: give up the previous draft's room before refusing.
      if (localStorage.getItem(PREVIOUS_KEY) === null) throw e;
      localStorage.removeItem(PREVIOUS_KEY);
      localStorage.setItem(DRAFT_KEY, text);
    }
    const version = now + 1;
    localStorage.setItem(VERSION_KEY, String(version));
    return { version, error: null, overwrote };
  } catch (e) {
    return { version: seen, error: `the draft could not be kept in this browser (${message(e)})`, overwrote: false };
  }
}

/**
 * Moves the draft (unreadable, `text`) aside to a key of its own, so that
 * nothing writes over it. Returns `{ key }` where it now is, or `{ error }`
 * when storage would not take it (it then stays where it was).
 */
export function setAside(text) {
  try {
    let key = ASIDE_KEY;
    for (let n = 2; localStorage.getItem(key) !== null && localStorage.getItem(key) !== text; n++) key = `${ASIDE_KEY}-${n}`;
    try {
      localStorage.setItem(key, text);
    } catch {
      // No room for a copy: removed first, so the same text fits where it was
      // (and goes back there if it still does not fit aside).
      localStorage.removeItem(DRAFT_KEY);
      try {
        localStorage.setItem(key, text);
      } catch (e) {
        localStorage.setItem(DRAFT_KEY, text);
        return { error: message(e) };
      }
    }
    localStorage.removeItem(DRAFT_KEY);
    return { key };
  } catch (e) {
    return { error: message(e) };
  }
}
