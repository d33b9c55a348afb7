// <coursecost-estimate>: the estimator on a clinic's own page. Importing
// "coursecost/embed" (or loading embed/embed.js with a script tag) defines
// the element; these declarations type it in TypeScript and in JSX.

/** The element, as `document.querySelector("coursecost-estimate")` gives it. */
export interface CoursecostEstimateElement extends HTMLElement {
  /**
   * The clinic's price sheet: its address, relative to the page (the
   * `sheet` attribute), or the sheet itself as an object (a copy is taken
   * when it is set). Setting it draws the element again.
   */
  sheet: string | object | null;
  /** The treatment shown first: a treatment's `id` in the sheet. */
  treatment: string | null;
  /** `"es"` for Spanish; anything else is English. */
  lang: string;
}

/** The element's attributes and properties as JSX writes them. */
export interface CoursecostEstimateProps {
  sheet?: string | object;
  treatment?: string;
  lang?: "en" | "es" | (string & {});
  id?: string;
  class?: string;
  className?: string;
  style?: string | Record<string, string | number>;
  hidden?: boolean;
}

declare global {
  interface HTMLElementTagNameMap {
    "coursecost-estimate": CoursecostEstimateElement;
  }
  // JSX without React's own namespace (Preact, Solid, React before 19).
  namespace JSX {
    interface IntrinsicElements {
      "coursecost-estimate": CoursecostEstimateProps;
    }
  }
}
