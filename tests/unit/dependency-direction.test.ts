import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

// The lint rule that keeps dependencies pointing one way (eslint.config.js, decision 011),
// tried on snippets as if they were files in each folder.
const eslint = new ESLint({ cwd: process.cwd() });

async function restricted(filePath: string, code: string): Promise<boolean> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).some((m) => m.ruleId === "@typescript-eslint/no-restricted-imports");
}

describe("dependency direction", () => {
  it.each([
    ["app/domain/listings/x.server.ts", 'import { ListingCard } from "~/components/listings/listing-card";\nexport const a = ListingCard;\n'],
    ["app/domain/reports/x.ts", 'import { loader } from "~/routes/report._index";\nexport const a = loader;\n'],
    ["app/utils/x.server.ts", 'import { reportConfig } from "~/domain/reports/config.server";\nexport const a = reportConfig;\n'],
    ["app/components/report/x.tsx", 'import { reports } from "~db/schema/index";\nexport const a = reports;\n'],
    ["app/components/report/y.tsx", 'import { eq } from "drizzle-orm";\nexport const a = eq;\n'],
    ["app/domain/reports/form.ts", 'import { reportConfig } from "./config.server";\nexport const a = reportConfig;\n'],
    ["app/routes/x.tsx", 'import { sql } from "drizzle-orm";\nexport const a = sql;\n'],
    ["app/http/x.server.ts", 'import { createApp } from "~/server/app.server";\nexport const a = createApp;\n'],
    ["db/schema/x.ts", 'import { getEnv } from "../../app/utils/env.server";\nexport const a = getEnv;\n'],
  ])("refuses what %s must not import", async (file, code) => {
    expect(await restricted(file, code)).toBe(true);
  });

  it.each([
    ["app/domain/reports/x.server.ts", 'import { eq } from "drizzle-orm";\nimport { reports } from "~db/schema/index";\nexport const a = [eq, reports];\n'],
    ["app/components/report/x.tsx", 'import type { Report } from "~db/schema/index";\nimport { reportCategories } from "~/domain/reports/vocabulary";\nexport type A = Report;\nexport const a = reportCategories;\n'],
    ["app/routes/x.tsx", 'import { reportConfig } from "~/domain/reports/config.server";\nexport const a = reportConfig;\n'],
    ["db/schema/x.ts", 'import { reportCategories } from "../../app/domain/reports/vocabulary";\nexport const a = reportCategories;\n'],
  ])("allows what %s may import", async (file, code) => {
    expect(await restricted(file, code)).toBe(false);
  });
});
