import { createHash } from "node:crypto";
import type { Locale, Namespace } from "./config";
import arCommon from "~/locales/ar/common.json";
import enCommon from "~/locales/en/common.json";
import faCommon from "~/locales/fa/common.json";
import nlCommon from "~/locales/nl/common.json";
import tiCommon from "~/locales/ti/common.json";
import ukCommon from "~/locales/uk/common.json";

type Resources = Record<Locale, Record<Namespace, Record<string, unknown>>>;

/** Every translation, bundled into the server build. The browser fetches only what a page needs. */
export const resources: Resources = {
  nl: { common: nlCommon },
  en: { common: enCommon },
  ar: { common: arCommon },
  uk: { common: ukCommon },
  fa: { common: faCommon },
  ti: { common: tiCommon },
};

/** Changes whenever any translation changes: part of the browser's cache key. */
export const resourcesVersion = createHash("sha256")
  .update(JSON.stringify(resources))
  .digest("hex")
  .slice(0, 12);
