import { createHash } from "node:crypto";
import type { Locale, Namespace } from "./config";
import arAccount from "~/locales/ar/account.json";
import arOrganise from "~/locales/ar/organise.json";
import arCommon from "~/locales/ar/common.json";
import arExplore from "~/locales/ar/explore.json";
import arListing from "~/locales/ar/listing.json";
import arReport from "~/locales/ar/report.json";
import enAccount from "~/locales/en/account.json";
import enOrganise from "~/locales/en/organise.json";
import enCommon from "~/locales/en/common.json";
import enExplore from "~/locales/en/explore.json";
import enListing from "~/locales/en/listing.json";
import enReport from "~/locales/en/report.json";
import faAccount from "~/locales/fa/account.json";
import faOrganise from "~/locales/fa/organise.json";
import faCommon from "~/locales/fa/common.json";
import faExplore from "~/locales/fa/explore.json";
import faListing from "~/locales/fa/listing.json";
import faReport from "~/locales/fa/report.json";
import nlAccount from "~/locales/nl/account.json";
import nlOrganise from "~/locales/nl/organise.json";
import nlCommon from "~/locales/nl/common.json";
import nlExplore from "~/locales/nl/explore.json";
import nlListing from "~/locales/nl/listing.json";
import nlReport from "~/locales/nl/report.json";
import tiAccount from "~/locales/ti/account.json";
import tiOrganise from "~/locales/ti/organise.json";
import tiCommon from "~/locales/ti/common.json";
import tiExplore from "~/locales/ti/explore.json";
import tiListing from "~/locales/ti/listing.json";
import tiReport from "~/locales/ti/report.json";
import ukAccount from "~/locales/uk/account.json";
import ukOrganise from "~/locales/uk/organise.json";
import ukCommon from "~/locales/uk/common.json";
import ukExplore from "~/locales/uk/explore.json";
import ukListing from "~/locales/uk/listing.json";
import ukReport from "~/locales/uk/report.json";

type Resources = Record<Locale, Record<Namespace, Record<string, unknown>>>;

/** Every translation, bundled into the server build. The browser fetches only what a page needs. */
export const resources: Resources = {
  nl: { account: nlAccount, organise: nlOrganise, common: nlCommon, explore: nlExplore, listing: nlListing, report: nlReport },
  en: { account: enAccount, organise: enOrganise, common: enCommon, explore: enExplore, listing: enListing, report: enReport },
  ar: { account: arAccount, organise: arOrganise, common: arCommon, explore: arExplore, listing: arListing, report: arReport },
  uk: { account: ukAccount, organise: ukOrganise, common: ukCommon, explore: ukExplore, listing: ukListing, report: ukReport },
  fa: { account: faAccount, organise: faOrganise, common: faCommon, explore: faExplore, listing: faListing, report: faReport },
  ti: { account: tiAccount, organise: tiOrganise, common: tiCommon, explore: tiExplore, listing: tiListing, report: tiReport },
};

/** Changes whenever any translation changes: part of the browser's cache key. */
export const resourcesVersion = createHash("sha256")
  .update(JSON.stringify(resources))
  .digest("hex")
  .slice(0, 12);
