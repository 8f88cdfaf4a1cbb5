import { describe, expect, it } from "vitest";
import { areaCell, cellCentre } from "./area";
import { suppressCount, suppressRows } from "./stats";

describe("k-anonymity for public statistics", () => {
  it("shows counts of 1 to 4 as 'fewer than 5', and 0 and 5+ exactly", () => {
    expect(suppressCount(1)).toEqual({ kind: "fewer", threshold: 5 });
    expect(suppressCount(4)).toEqual({ kind: "fewer", threshold: 5 });
    expect(suppressCount(5)).toEqual({ kind: "exact", value: 5 });
    expect(suppressCount(0)).toEqual({ kind: "exact", value: 0 });
    expect(suppressRows([{ key: "a", count: 2 }, { key: "b", count: 0 }, { key: "c", count: 12 }])).toEqual([
      { key: "a", shown: { kind: "fewer", threshold: 5 } },
      { key: "c", shown: { kind: "exact", value: 12 } },
    ]);
  });

  it("coarsens a pin to a cell of about 1 km", () => {
    const a = areaCell(52.0921, 5.1158);
    expect(areaCell(52.0929, 5.1161)).toBe(a);
    expect(areaCell(52.1121, 5.1158)).not.toBe(a);
    const centre = cellCentre(a)!;
    expect(Math.abs(centre.lat - 52.0921)).toBeLessThan(0.01);
    expect(Math.abs(centre.lng - 5.1158)).toBeLessThan(0.015);
  });
});
