import { readFileSync } from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { projectRoot } from "../helpers/paths";
import { sourceFiles } from "../helpers/files";

// A simple guard: JSX text and user-facing attributes must come from t(), not be typed in.
// It cannot see strings built in plain code; reviews catch those.
const USER_FACING_ATTRIBUTES = new Set(["aria-label", "aria-description", "title", "placeholder", "alt", "label"]);
const LETTERS = /\p{L}/u;

function literalStrings(source: string, fileName = "x.tsx"): string[] {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node) && LETTERS.test(node.text)) {
      found.push(node.text.trim());
    }
    if (ts.isJsxAttribute(node) && USER_FACING_ATTRIBUTES.has(node.name.getText(file))) {
      const init = node.initializer;
      const literal =
        init && ts.isStringLiteral(init)
          ? init.text
          : init && ts.isJsxExpression(init) && init.expression && ts.isStringLiteralLike(init.expression)
            ? init.expression.text
            : null;
      if (literal && LETTERS.test(literal)) found.push(`${node.name.getText(file)}="${literal}"`);
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

describe("no literal user-facing strings", () => {
  it("detects the patterns it is meant to detect", () => {
    expect(literalStrings(`const A = () => <p>Hello</p>;`)).toEqual(["Hello"]);
    expect(literalStrings(`const A = () => <img alt="Logo" src="x" />;`)).toEqual(['alt="Logo"']);
    expect(literalStrings(`const A = () => <nav aria-label={"Menu"} />;`)).toEqual(['aria-label="Menu"']);
    expect(literalStrings(`const A = () => <p>{t("a.b")} 112 · </p>;`)).toEqual([]);
  });

  it("finds none in the app's components and routes", () => {
    const offenders: string[] = [];
    for (const file of sourceFiles(path.join(projectRoot, "app")).filter((f) => f.endsWith(".tsx"))) {
      for (const text of literalStrings(readFileSync(file, "utf8"), file)) {
        offenders.push(`${path.relative(projectRoot, file)}: ${text}`);
      }
    }
    expect(offenders).toEqual([]);
  });
});
