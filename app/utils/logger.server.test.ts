import { describe, expect, it } from "vitest";
import { logSafeUrl } from "./logger.server";

describe("logSafeUrl", () => {
  it("keeps the path and harmless parameters", () => {
    expect(logSafeUrl("/this-week?kind=club&day=tue")).toBe("/this-week?kind=club&day=tue");
    expect(logSafeUrl("/listings/taalcafe")).toBe("/listings/taalcafe");
  });

  it("rounds coordinates from 'use my location' to about 10 km", () => {
    expect(logSafeUrl("/?lat=52.09071&lng=5.12142&kind=club")).toBe("/?lat=52.1&lng=5.1&kind=club");
    expect(logSafeUrl("/map/points?extent=5.115,52.088,5.125,52.093&zoom=16")).toBe("/map/points?extent=5.1,52.1,5.1,52.1&zoom=16");
    expect(logSafeUrl("/?bbox=5.11512,52.08811,5.12,52.09")).toBe("/?bbox=5.1,52.1,5.1,52.1");
  });

  it("hides free text: the search words and the place", () => {
    expect(logSafeUrl("/?q=hiv+clinic&near=3527+AB")).toBe("/?q=~&near=~");
  });

  it("keeps the language switch, which shares its name with longitude", () => {
    expect(logSafeUrl("/?lng=ar")).toBe("/?lng=ar");
  });

  it("never echoes a value it can't read as a number", () => {
    expect(logSafeUrl("/?lat=52.0907x&lng=")).toBe("/?lat=~&lng=");
  });
});
