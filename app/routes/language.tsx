import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { z } from "zod";
import { GeneralErrorBoundary } from "~/components/errors/general-error-boundary";
import { isLocale, localeNames } from "~/domain/i18n/config";
import { languageCookie } from "~/domain/i18n/i18next.server";
import { readForm } from "~/http/form.server";
import { flashSetCookie } from "~/utils/flash.server";
import { safeRedirect } from "~/utils/http";

const LanguageFormSchema = z.object({
  lng: z.string().refine(isLocale),
  redirectTo: z.string().optional(),
});

/** Sets the language cookie (an explicit choice beats Accept-Language) and goes back. */
export async function action({ request }: ActionFunctionArgs) {
  const form = Object.fromEntries(await readForm(request));
  const parsed = LanguageFormSchema.safeParse(form);
  const back = safeRedirect(form.redirectTo);
  if (!parsed.success || !isLocale(parsed.data.lng)) {
    // An unknown language: nothing to change, no error page for a harmless mistake.
    return redirect(back, 303);
  }
  const headers = new Headers();
  headers.append("Set-Cookie", await languageCookie.serialize(request, parsed.data.lng));
  headers.append(
    "Set-Cookie",
    await flashSetCookie(request, {
      kind: "success",
      key: "flash.languageChanged",
      values: { language: localeNames[parsed.data.lng] },
    }),
  );
  return redirect(back, { status: 303, headers });
}

export async function loader() {
  return redirect("/");
}

/**
 * Nothing to show: the action always redirects. The component makes this a page route, so a
 * body that is too long, not a form or broken (413/415/400 from readForm) gets the translated
 * error page instead of a bare text answer.
 */
export default function Language() {
  return null;
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
