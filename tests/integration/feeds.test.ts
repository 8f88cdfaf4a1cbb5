import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createListings } from "~/domain/listings/commands.server";
import { newListingsFeed } from "~/domain/listings/feeds.server";
import { createTestDatabase, type TestDatabase } from "../helpers/database";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase("feeds");
  await createListings(database.handle.db, [
    {
      slug: "hostile",
      kind: "club",
      title: '<script>alert("t")</script> & ]]> <b>bold</b>',
      summary: "<img src=x onerror=alert(1)> summary\u0007 with a bell",
      description: "<a href=\"javascript:alert(2)\">click</a>\nline two",
      descriptionLang: "ar",
      lat: 52.09,
      lng: 5.12,
      status: "published",
      publishedAt: new Date("2026-11-01T10:00:00Z"),
      timezone: "Europe/Amsterdam",
    },
  ]);
});
afterAll(() => database.cleanup());

describe("the Atom feed", () => {
  it("sends listing text as type=\"text\", escaped, so no reader ever renders it as HTML", async () => {
    const xml = await newListingsFeed(database.handle.db, "https://samen.example.org", "Samen · <nieuw>");
    // Every text construct is plain text; nothing is HTML, nothing hides in CDATA.
    const constructs = xml.match(/<(title|summary|content|rights|subtitle)\b[^>]*>/g) ?? [];
    expect(constructs).toHaveLength(5); // feed title and rights; entry title, summary, content
    for (const tag of constructs) expect(tag).toMatch(/ type="text"/);
    expect(xml).not.toMatch(/type="(x?html)"|CDATA/);
    // The words arrive as words.
    expect(xml).toContain("<title type=\"text\" xml:lang=\"ar\">&lt;script&gt;alert(&quot;t&quot;)&lt;/script&gt; &amp; ]]&gt; &lt;b&gt;bold&lt;/b&gt;</title>");
    expect(xml).toContain("&lt;img src=x onerror=alert(1)&gt; summary with a bell");
    expect(xml).toContain("&lt;a href=&quot;javascript:alert(2)&quot;&gt;click&lt;/a&gt;\nline two");
    expect(xml).toContain("<title type=\"text\">Samen · &lt;nieuw&gt;</title>");
    // No raw markup from a listing, and no character XML can't hold.
    expect(xml).not.toMatch(/<script|<img|<a |<b>/);
    // eslint-disable-next-line no-control-regex -- checking for control characters
    expect(xml).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/);
    // Links come from the origin we were given.
    expect(xml).toContain('<link rel="alternate" type="text/html" href="https://samen.example.org/listings/hostile"/>');
    expect(xml).toContain('<link rel="self" type="application/atom+xml" href="https://samen.example.org/feeds/new.atom"/>');
  });
});
