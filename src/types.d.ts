// esbuild loads these as text (see esbuild.mjs).
declare module '*.yaml' {
  const text: string;
  export default text;
}

// The HTML export's stylesheet, inlined into the page.
declare module '*.css' {
  const text: string;
  export default text;
}
