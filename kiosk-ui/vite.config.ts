// Builds the resident's UI into dist/, which the kiosk agent serves at `/` on the same origin as its API.
import { defineConfig, defaultClientConditions, type ProxyOptions } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';

/** The agent's default loopback address (kiosk-agent). */
const AGENT = 'http://127.0.0.1:7300';
const DEV_PORT = 5173;
const DEV_ORIGINS = new Set([`http://127.0.0.1:${DEV_PORT}`, `http://localhost:${DEV_PORT}`]);

const toAgent: ProxyOptions = {
  target: AGENT,
  // The agent checks Host (DNS rebinding) and Origin (no other page may drive it). Requests from this dev page
  // are presented as the agent's own origin; any other origin passes through unchanged, so the agent refuses it.
  changeOrigin: true,
  configure: (proxy) => {
    proxy.on('proxyReq', (proxyReq, req) => {
      const origin = req.headers.origin;
      if (origin !== undefined && DEV_ORIGINS.has(origin)) proxyReq.setHeader('origin', AGENT);
    });
  },
};

export default defineConfig({
  plugins: [svelte()],
  // Workspace packages are consumed as TypeScript sources through their "source" export condition.
  resolve: { conditions: ['source', ...defaultClientConditions] },
  server: { host: '127.0.0.1', port: DEV_PORT, strictPort: true, proxy: { '/api': toAgent } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    // The UI takes only constants from @kiosk/protocol; its schema builders have no side effects, so saying so
    // keeps TypeBox out of the bundle.
    rolldownOptions: { treeshake: { manualPureFunctions: ['Type'] } },
  },
});
