// esbuild loads these as text (see esbuild.mjs).
declare module '*.yaml' {
  const text: string;
  export default text;
}
