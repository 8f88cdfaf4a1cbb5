import { createCookieSessionStorage, redirect } from "@remix-run/node";
import { z } from "zod";
import { getEnv } from "./env.server";

/** A one-time message shown on the next page after a redirect. `key` is a translation key. */
export const FlashSchema = z.object({
  kind: z.enum(["success", "info"]),
  key: z.string().max(200),
  values: z.record(z.string(), z.string().max(200)).optional(),
});
export type Flash = z.infer<typeof FlashSchema>;

const flashStorage = createCookieSessionStorage({
  cookie: {
    name: "__flash",
    path: "/",
    httpOnly: true,
    sameSite: "lax",
    secure: getEnv().PUBLIC_URL?.startsWith("https://") ?? false,
    secrets: getEnv().sessionSecrets,
  },
});

/** A Set-Cookie value that carries a flash message to the next page. */
export async function flashCookie(flash: Flash): Promise<string> {
  const session = await flashStorage.getSession();
  session.flash("flash", flash);
  return flashStorage.commitSession(session);
}

/** Redirects and shows `flash` on the page it lands on. */
export async function redirectWithFlash(url: string, flash: Flash, init: ResponseInit = {}) {
  const headers = new Headers(init.headers);
  headers.append("Set-Cookie", await flashCookie(flash));
  return redirect(url, { ...init, headers });
}

/** Reads (and consumes) the flash message of this request. */
export async function readFlash(
  request: Request,
): Promise<{ flash: Flash | null; setCookie: string | null }> {
  const cookie = request.headers.get("Cookie");
  if (!cookie?.includes("__flash=")) return { flash: null, setCookie: null };
  const session = await flashStorage.getSession(cookie);
  const parsed = FlashSchema.safeParse(session.get("flash"));
  return {
    flash: parsed.success ? parsed.data : null,
    setCookie: await flashStorage.destroySession(session),
  };
}
