import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { defaultLocale, namespaces, supportedLocales } from "~/domain/i18n/config";
import { sourceFiles } from "../helpers/files";
import { projectRoot } from "../helpers/paths";

// Fails when a key is missing or extra in any locale, a plural form is missing for a
// language, a placeholder was lost in translation, or the code uses a key that does not exist.

type Tree = { [key: string]: string | Tree };
const PLURAL = /_(zero|one|two|few|many|other)$/;

function load(locale: string, ns: string): Tree {
  return JSON.parse(readFileSync(path.join(projectRoot, "app/locales", locale, `${ns}.json`), "utf8"));
}

function flatten(tree: Tree, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const full = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") out.set(full, value);
    else for (const [k, v] of flatten(value, full)) out.set(k, v);
  }
  return out;
}

const baseKeys = (keys: Iterable<string>) => new Set([...keys].map((key) => key.replace(PLURAL, "")));
const placeholders = (text: string) => [...text.matchAll(/\{\{\s*([\w.]+)[^}]*\}\}/g)].map((m) => m[1]).sort();

describe.each(namespaces)("namespace %s", (ns) => {
  const reference = flatten(load(defaultLocale, ns));
  const referenceBases = baseKeys(reference.keys());
  const pluralBases = new Set([...reference.keys()].filter((k) => PLURAL.test(k)).map((k) => k.replace(PLURAL, "")));

  it.each(supportedLocales)("%s has exactly the keys of the reference", (locale) => {
    const strings = flatten(load(locale, ns));
    const bases = baseKeys(strings.keys());
    expect([...referenceBases].filter((k) => !bases.has(k)), "missing keys").toEqual([]);
    expect([...bases].filter((k) => !referenceBases.has(k)), "extra keys").toEqual([]);
  });

  it.each(supportedLocales)("%s has every plural form its language needs, and no others", (locale) => {
    const strings = flatten(load(locale, ns));
    const categories = new Intl.PluralRules(locale).resolvedOptions().pluralCategories.slice().sort();
    for (const base of pluralBases) {
      const forms = [...strings.keys()]
        .filter((k) => k.replace(PLURAL, "") === base && PLURAL.test(k))
        .map((k) => PLURAL.exec(k)?.[1])
        .sort();
      expect(forms, `${locale}:${base}`).toEqual(categories);
    }
  });

  it.each(supportedLocales)("%s keeps every placeholder and leaves nothing empty", (locale) => {
    const strings = flatten(load(locale, ns));
    for (const [key, text] of strings) {
      expect(text.trim(), `${locale}:${key} is empty`).not.toBe("");
      const referenceText = reference.get(key) ?? reference.get(key.replace(PLURAL, "_other")) ?? "";
      expect(placeholders(text), `${locale}:${key}`).toEqual(placeholders(referenceText));
    }
  });
});

describe("keys used in the code", () => {
  it("exist in the reference locale", () => {
    const known = new Set<string>();
    for (const ns of namespaces) {
      for (const key of flatten(load(defaultLocale, ns)).keys()) known.add(key.replace(PLURAL, ""));
    }
    const missing: string[] = [];
    for (const file of sourceFiles(path.join(projectRoot, "app"))) {
      const text = readFileSync(file, "utf8");
      for (const match of text.matchAll(/\bt\(\s*"([a-zA-Z0-9_.:-]+)"/g)) {
        const key = (match[1] ?? "").replace(/^\w+:/, "");
        if (!known.has(key)) missing.push(`${path.relative(projectRoot, file)}: ${key}`);
      }
    }
    expect(missing).toEqual([]);
  });
});

describe("review markers", () => {
  it("name only shipped locales and namespaces", () => {
    const review = JSON.parse(readFileSync(path.join(projectRoot, "app/locales/needs-review.json"), "utf8")) as {
      locales: Record<string, Record<string, string[]>>;
    };
    for (const [locale, byNamespace] of Object.entries(review.locales)) {
      expect(supportedLocales).toContain(locale);
      for (const ns of Object.keys(byNamespace)) expect(namespaces).toContain(ns);
    }
  });
});
