import { describe, expect, it } from "vitest";
import { clientSubject } from "./client-address";

describe("clientSubject", () => {
  it("counts an IPv4 address as itself", () => {
    expect(clientSubject("203.0.113.7")).toBe("203.0.113.7");
  });

  it("counts an IPv4-mapped IPv6 address as the IPv4 address", () => {
    expect(clientSubject("::ffff:203.0.113.7")).toBe("203.0.113.7");
    expect(clientSubject("::FFFF:cb00:7107")).toBe("203.0.113.7");
  });

  it("counts every IPv6 address of one /64 as one client", () => {
    const subjects = new Set(
      ["2001:db8:1:2::1", "2001:db8:1:2:aaaa:bbbb:cccc:dddd", "2001:0db8:0001:0002:ffff::", "2001:DB8:1:2::ff%eth0"].map(clientSubject),
    );
    expect([...subjects]).toEqual(["2001:db8:1:2::/64"]);
  });

  it("keeps different /64 networks apart", () => {
    expect(clientSubject("2001:db8:1:2::1")).not.toBe(clientSubject("2001:db8:1:3::1"));
    expect(clientSubject("::1")).toBe("0:0:0:0::/64");
  });

  it("is idempotent and leaves non-addresses alone", () => {
    for (const address of ["203.0.113.7", "::ffff:203.0.113.7", "2001:db8:1:2::1", "unknown", ""]) {
      expect(clientSubject(clientSubject(address))).toBe(clientSubject(address));
    }
    expect(clientSubject("unknown")).toBe("unknown");
  });
});
