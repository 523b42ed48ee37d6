import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { precompressAssets } from './scripts/precompress-assets.plugin';

export default defineConfig({
  plugins: [react(), precompressAssets()],
  server: {
    proxy: { '/api': 'http://127.0.0.1:3000' },
  },
  preview: {
    proxy: { '/api': 'http://127.0.0.1:3000' },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // The server serves dist/ with an SPA fallback; hashed assets can be cached forever.
    assetsDir: 'assets',
  },
});
