// The built-in templates: esbuild loads each as its data, parsed at build time (see esbuild.mjs).
declare module '*.yaml' {
  const data: unknown;
  export default data;
}

// The HTML export's stylesheet, inlined into the page.
declare module '*.css' {
  const text: string;
  export default text;
}

// chrono's table of zone abbreviations (aliased to its module in esbuild.mjs).
declare module 'chrono-node/timezones' {
  export const TIMEZONE_ABBR_MAP: Readonly<Record<string, unknown>>;
}
