/// <reference types="vitest/config" />
import { defineConfig, type ProxyOptions } from 'vite';
import react from '@vitejs/plugin-react';
import { bearer, devBackend, gatewayUrl } from './dev/devBackend';

// development only: /api goes to the running platform with the dev session's bearer token
const apiProxy: Record<string, ProxyOptions> = {
  '/api': {
    target: gatewayUrl,
    changeOrigin: true,
    configure(proxy) {
      proxy.on('proxyReq', (request) => {
        const authorization = bearer();
        if (authorization) request.setHeader('Authorization', authorization);
      });
    },
  },
};

export default defineConfig(() => ({
  plugins: [react(), devBackend()],
  preview: { port: 4173, strictPort: true, proxy: apiProxy },
  build: {
    // the jar carries the app where Quarkus serves static resources from
    outDir: 'target/classes/META-INF/resources',
    emptyOutDir: true,
    assetsDir: 'assets',
    // nothing inline: the gateway's Content-Security-Policy allows no inline scripts or styles
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    sourcemap: false,
  },
  server: {
    port: 5173,
    strictPort: true,
    proxy: apiProxy,
  },
  test: {
    include: ['src/**/*.test.ts'],
    environment: 'node',
  },
}));
