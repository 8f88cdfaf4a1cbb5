import { createHash } from "node:crypto";
import type { Locale, Namespace } from "./config";
import arCommon from "~/locales/ar/common.json";
import arReport from "~/locales/ar/report.json";
import enCommon from "~/locales/en/common.json";
import enReport from "~/locales/en/report.json";
import faCommon from "~/locales/fa/common.json";
import faReport from "~/locales/fa/report.json";
import nlCommon from "~/locales/nl/common.json";
import nlReport from "~/locales/nl/report.json";
import tiCommon from "~/locales/ti/common.json";
import tiReport from "~/locales/ti/report.json";
import ukCommon from "~/locales/uk/common.json";
import ukReport from "~/locales/uk/report.json";

type Resources = Record<Locale, Record<Namespace, Record<string, unknown>>>;

/** Every translation, bundled into the server build. The browser fetches only what a page needs. */
export const resources: Resources = {
  nl: { common: nlCommon, report: nlReport },
  en: { common: enCommon, report: enReport },
  ar: { common: arCommon, report: arReport },
  uk: { common: ukCommon, report: ukReport },
  fa: { common: faCommon, report: faReport },
  ti: { common: tiCommon, report: tiReport },
};

/** Changes whenever any translation changes: part of the browser's cache key. */
export const resourcesVersion = createHash("sha256")
  .update(JSON.stringify(resources))
  .digest("hex")
  .slice(0, 12);
