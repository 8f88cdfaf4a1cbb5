#!/usr/bin/env node
// Copies files that the browser needs from node_modules into public/ (git-ignored), so the
// app serves them itself with no CDN: the Ge'ez-script font for Tigrinya.
import { copyFileSync, mkdirSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

const require = createRequire(import.meta.url);
const fontDir = path.dirname(require.resolve("@fontsource/noto-sans-ethiopic/package.json"));
mkdirSync("public/fonts", { recursive: true });
for (const weight of ["400", "700"]) {
  const name = `noto-sans-ethiopic-ethiopic-${weight}-normal.woff2`;
  copyFileSync(path.join(fontDir, "files", name), path.join("public/fonts", name));
}
console.log("Copied browser assets into public/fonts");
