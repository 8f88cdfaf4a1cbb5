import { redirect } from "@remix-run/node";
import { z } from "zod";
import { defineCookie } from "./cookies.server";
import { getEnv } from "./env.server";

/** A one-time message shown on the next page after a redirect. `key` is a translation key. */
export const FlashSchema = z.object({
  kind: z.enum(["success", "info"]),
  key: z.string().max(200),
  values: z.record(z.string(), z.string().max(200)).optional(),
});
export type Flash = z.infer<typeof FlashSchema>;

// Signed with SESSION_SECRET, so nobody can make the site show a message of their choosing.
const flashCookie = defineCookie("flash", { secrets: getEnv().sessionSecrets });

/** A Set-Cookie value that carries a flash message to the next page. */
export function flashSetCookie(request: Request, flash: Flash): Promise<string> {
  return flashCookie.serialize(request, flash);
}

/** Redirects and shows `flash` on the page it lands on. */
export async function redirectWithFlash(request: Request, url: string, flash: Flash, init: ResponseInit = {}) {
  const headers = new Headers(init.headers);
  headers.append("Set-Cookie", await flashSetCookie(request, flash));
  return redirect(url, { ...init, headers });
}

/** Reads (and consumes) the flash message of this request. */
export async function readFlash(request: Request): Promise<{ flash: Flash | null; setCookie: string | null }> {
  if (!request.headers.get("Cookie")?.includes(`${flashCookie.nameFor(request)}=`)) return { flash: null, setCookie: null };
  const parsed = FlashSchema.safeParse(await flashCookie.parse(request));
  return { flash: parsed.success ? parsed.data : null, setCookie: await flashCookie.clear(request) };
}
