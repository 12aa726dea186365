// What the bundles get for `linkify-it`: esbuild.mjs aliases the package to this file. markdown-it imports linkify-it
// and builds one LinkifyIt per MarkdownIt, but only its two linkify rules use it, and they return at once unless the
// `linkify` option is on. No MarkdownIt of ours turns it on (test/unit/markdownLinkify.test.ts holds every one of them
// to that), so linkify-it's URL and e-mail scanner would be about 11 KB of dead weight in each bundle.

function notBundled(): never {
  throw new Error('linkify-it is not bundled (see esbuild.mjs): a MarkdownIt with the linkify option on needs the real one');
}

/** markdown-it's `md.linkify`: constructed, never used. Each method of linkify-it's API throws. */
export class LinkifyIt {
  add = notBundled;
  set = notBundled;
  test = notBundled;
  pretest = notBundled;
  testSchemaAt = notBundled;
  match = notBundled;
  matchAtStart = notBundled;
  tlds = notBundled;
  normalize = notBundled;
  onCompile = notBundled;
}
