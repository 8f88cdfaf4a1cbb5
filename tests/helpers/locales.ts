import { readFileSync } from "node:fs";
import path from "node:path";
import { projectRoot } from "./paths";

type Tree = { [key: string]: string | Tree };

/** A translated string straight from app/locales, so tests follow translators' edits. */
export function translation(locale: string, key: string, ns = "common"): string {
  const tree = JSON.parse(
    readFileSync(path.join(projectRoot, "app/locales", locale, `${ns}.json`), "utf8"),
  ) as Tree;
  let node: string | Tree | undefined = tree;
  for (const part of key.split(".")) node = typeof node === "object" ? node[part] : undefined;
  if (typeof node !== "string") throw new Error(`no translation ${locale}:${ns}:${key}`);
  return node;
}
