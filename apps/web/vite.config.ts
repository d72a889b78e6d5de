import path from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const webRoot = path.dirname(fileURLToPath(import.meta.url));

export default defineConfig({
  root: webRoot,
  plugins: [react()],
  server: {
    // In development the API runs separately (npm run dev); in production the server serves dist/ itself.
    proxy: { '/api': 'http://localhost:3000' },
  },
  build: {
    outDir: path.join(webRoot, 'dist'),
    emptyOutDir: true,
    // One bundle, served by our own server on a LAN or laptop and cached for a year (hashed names).
    chunkSizeWarningLimit: 1500,
    rollupOptions: {
      onwarn(warning, warn) {
        // zod ships comments Rollup cannot place; harmless, and not ours to fix.
        if (warning.code === 'INVALID_ANNOTATION' && warning.id?.includes('node_modules')) return;
        warn(warning);
      },
    },
  },
});
