import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';

/**
 * The built app's Content-Security-Policy: its own scripts and workers only (no inline script, no
 * eval, no third-party origin; inline styles are allowed, they run nothing). Images may be data:/blob: URLs (chart PNG export). The policy goes
 * into the built page as a meta tag, and `vite preview` (so `npm start`) also sends it as a header.
 * The dev server is left without it: its hot reload needs inline script.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "worker-src 'self'",
  // Styles, not code: the canvas library adds a <style> element of its own at run time.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
].join('; ');

function contentSecurityPolicy(): Plugin {
  return {
    name: 'content-security-policy',
    apply: 'build',
    transformIndexHtml: () => [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY }, injectTo: 'head-prepend' }],
  };
}

export default defineConfig({
  plugins: [
    react(),
    contentSecurityPolicy(),
    // Offline after one visit (src/ui/offline): Workbox precaches the whole build, lessons and lazy
    // chunks included; a new version waits for the person's Reload (registerType 'prompt').
    VitePWA({
      registerType: 'prompt',
      injectRegister: null,
      manifest: false, // public/manifest.webmanifest is the app's own
      workbox: {
        globPatterns: ['**/*.{js,css,html,svg,png,ico,json,webmanifest}'],
        maximumFileSizeToCacheInBytes: 4 * 1024 * 1024,
        navigateFallback: 'index.html',
        cleanupOutdatedCaches: true,
      },
    }),
  ],
  worker: { format: 'es' },
  build: { target: 'es2022', sourcemap: true },
  preview: { port: 4173, strictPort: true, headers: { 'Content-Security-Policy': CONTENT_SECURITY_POLICY } },
});
