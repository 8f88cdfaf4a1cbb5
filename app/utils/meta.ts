import type { MetaDescriptor } from "@remix-run/node";

interface RootTitles {
  site: string;
  notFound: string;
  error: string;
}

/** "Page title · Samen", using the site name the root loader translated. */
export function pageTitle(
  matches: ReadonlyArray<{ id: string; data?: unknown }>,
  title: string | undefined,
): MetaDescriptor[] {
  const root = matches.find((match) => match.id === "root")?.data as
    | { titles?: RootTitles }
    | undefined;
  const site = root?.titles?.site ?? "Samen";
  return [{ title: title ? `${title} · ${site}` : site }];
}

export function rootTitles(matches: ReadonlyArray<{ id: string; data?: unknown }>) {
  return (matches.find((match) => match.id === "root")?.data as { titles?: RootTitles } | undefined)
    ?.titles;
}
