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
