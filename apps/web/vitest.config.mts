import vue from '@vitejs/plugin-vue';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/** Component tests of the console (`npm run test:web`): Vue components in happy-dom, no browser. */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [vue()],
  test: {
    environment: 'happy-dom',
    include: ['src/**/*.test.ts'],
    pool: 'threads',
    maxWorkers: 1,
    // Element Plus's per-component style modules import CSS: transformed by Vite, not loaded by Node
    server: { deps: { inline: ['element-plus'] } },
  },
});
