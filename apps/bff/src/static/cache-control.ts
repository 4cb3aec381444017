// How long a browser may keep a built file. A file whose name carries its content's hash gets a new
// name when its content changes, so it can be kept for a year unasked; every other file
// (index.html, plugin-manifest.json, plugin-entry.js, the locales) names the hashed ones and must
// be revalidated on each load, or a browser would keep loading last release's chunks.
const HASHED_FILES = [
  // The plugin's webpack output names: [name]-bundle-[contenthash].min.js and
  // [name]-chunk-[chunkhash].min.js, with the licence notes webpack writes beside them.
  /(^|\/)[\w-]+-(bundle|chunk)-[0-9a-f]{16,}\.min\.js(\.LICENSE\.txt)?$/,
  // The shell's Vite output: everything under assets/ is named [name]-[hash][extname].
  /^assets\/[^/]+-[\w-]{8}\.\w+$/,
];

export const IMMUTABLE = 'public, max-age=31536000, immutable';
export const REVALIDATE = 'no-cache';

/** The Cache-Control of a built file, by its path relative to the folder it is served from. */
export const cacheControlFor = (relativePath: string): string =>
  HASHED_FILES.some((pattern) => pattern.test(relativePath)) ? IMMUTABLE : REVALIDATE;
