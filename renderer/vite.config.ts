import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/**
 * The renderer is a static bundle served by Electron's custom protocol and by the browser
 * harness. `base: './'` keeps asset URLs relative so both can serve it from any root; no
 * Node built-ins here, so the import rule for `renderer/**` holds for this file too.
 */
export default defineConfig({
  root: import.meta.dirname,
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    // Fonts are bundled as files: the CSP has no data: in font-src.
    assetsInlineLimit: 0,
    target: 'chrome120',
  },
  server: { fs: { allow: ['..'] } },
});
