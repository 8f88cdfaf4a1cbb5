import { describe, expect, it } from "vitest";
import { isLocale, localeNames, supportedLocales, textDirection } from "./config";

describe("locales", () => {
  it("ships Dutch first and six languages", () => {
    expect(supportedLocales[0]).toBe("nl");
    expect([...supportedLocales].sort()).toEqual(["ar", "en", "fa", "nl", "ti", "uk"]);
  });
  it("writes Arabic and Farsi right to left, the rest left to right", () => {
    expect(textDirection("ar")).toBe("rtl");
    expect(textDirection("fa")).toBe("rtl");
    for (const locale of ["nl", "en", "uk", "ti", "xx"]) expect(textDirection(locale)).toBe("ltr");
  });
  it("names every language in its own script", () => {
    for (const locale of supportedLocales) expect(localeNames[locale].length).toBeGreaterThan(1);
    expect(isLocale("ar")).toBe(true);
    expect(isLocale("de")).toBe(false);
  });
});
