// Injected into the web test bundle (see esbuild.mjs): the npm `assert` package and its `util` dependency read a
// few members of Node's `process`, which a web worker does not have.
export const process = {
  env: {},
  browser: true,
  nextTick: (callback, ...args) => queueMicrotask(() => callback(...args)),
  emitWarning: (warning) => console.warn(warning),
};
