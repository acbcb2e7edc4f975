import { defineConfig } from 'vite';

// The console is a static bundle; the gateway serves it at / next to /api/v1 on the same origin, so the API needs
// no CORS and the bearer token never leaves the browser except in the Authorization header.
export default defineConfig({
  root: 'src/main/webui',
  base: '/',
  build: {
    outDir: '../../../target/classes/META-INF/resources',
    emptyOutDir: true,
    chunkSizeWarningLimit: 600,
  },
});
