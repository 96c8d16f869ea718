/**
 * The pages are built into dist/ (served by `make dev` at http://127.0.0.1:8000/ and, deployed, from S3
 * behind CloudFront). `make web-dev` runs Vite's dev server with hot reload; it proxies the API (HTTP and
 * the WebSocket) to the dev server of `make dev`, so the pages and /graphql share one origin there too.
 */
import { defineConfig } from "vite";

const api = process.env.SHUBBAK_API ?? "http://127.0.0.1:8000";

export default defineConfig({
  oxc: { jsx: { runtime: "automatic", importSource: "preact" } },
  build: {
    target: "es2022",
    assetsInlineLimit: 0, // fonts and icons as files: the Content-Security-Policy allows no data: URLs
    modulePreload: { polyfill: false }, // the polyfill is an inline script, which the CSP forbids
    reportCompressedSize: false,
  },
  server: {
    host: "127.0.0.1",
    port: 5173,
    strictPort: true,
    proxy: { "/graphql": { target: api, ws: true, changeOrigin: true } },
  },
});
