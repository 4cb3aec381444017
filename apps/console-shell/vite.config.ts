// Builds the standalone shell: the plugin's pages under a console-like frame, served by the BFF.
import path from 'node:path';
import { defineConfig } from 'vite';

export default defineConfig({
  root: import.meta.dirname,
  build: {
    outDir: path.join(import.meta.dirname, 'dist'),
    emptyOutDir: true,
    // One bundle served from the local BFF; splitting it would only add requests.
    chunkSizeWarningLimit: 1500,
    rolldownOptions: {
      // TanStack Query marks its modules "use client" for React Server Components; a client-only
      // bundle has no use for the directive, so the warning about dropping it is noise.
      onwarn(warning, warn) {
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
      },
    },
  },
  oxc: { jsx: { runtime: 'automatic' } },
});
