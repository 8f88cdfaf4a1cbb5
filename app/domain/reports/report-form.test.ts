import { describe, expect, it } from "vitest";
import { formValues, limits, rawLimit, stepFields } from "./report-form";

describe("raw step input", () => {
  it("keeps only the step's own fields, each cut to its raw limit", () => {
    const form = new FormData();
    form.set("category", "threat".repeat(100));
    form.set("description", "x".repeat(60_000));
    form.set("unknown", "y".repeat(30_000));
    const raw = formValues(form, stepFields.what);
    expect(Object.keys(raw).sort()).toEqual(["category", "description"]);
    expect(raw.description).toHaveLength(limits.description * 2);
    expect(raw.category).toHaveLength(rawLimit("category"));
  });

  it("cuts checkbox groups to a few short values", () => {
    const form = new FormData();
    for (let i = 0; i < 500; i++) form.append("networks", `network-${i}-${"z".repeat(200)}`);
    const raw = formValues(form, stepFields.help);
    expect(raw.networks).toHaveLength(20);
    expect((raw.networks as string[]).every((value) => value.length <= 64)).toBe(true);
    expect(raw.help).toEqual([]);
  });

  it("never splits a character in two", () => {
    const form = new FormData();
    form.set("place", `${"a".repeat(limits.place * 2 - 1)}😀😀`);
    const place = formValues(form, stepFields.where).place as string;
    expect(place).toHaveLength(limits.place * 2 - 1);
    expect(place.endsWith("a")).toBe(true);
  });
});
