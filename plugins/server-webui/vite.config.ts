import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

// The bundle serves these files from its /webui folder (see WebUiResources); Maven runs
// `npm run build` with the output in target/classes so bnd packs them into the jar.
// `npm run dev` proxies /api to a running `segue serve` (SEGUE_URL, default port 8080).
export default defineConfig({
  plugins: [react()],
  base: './',
  build: {
    outDir: 'target/classes/webui',
    emptyOutDir: true,
    sourcemap: false,
  },
  server: {
    proxy: { '/api': process.env.SEGUE_URL ?? 'http://127.0.0.1:8080' },
  },
  test: {
    include: ['src/**/*.test.ts'],
    environment: 'node',
  },
});
