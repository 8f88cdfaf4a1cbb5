import { i18nServer } from "~/domain/i18n/i18next.server";
import { isLocale, defaultLocale } from "~/domain/i18n/config";
import { sendMail, type MailDeps } from "~/domain/mail/outbox.server";
import { publicOrigin } from "~/utils/env.server";

/**
 * The account e-mails, in the person's language. Short, plain text, no tracking; a link that
 * opens a page with a button (following the link changes nothing by itself).
 */
export type AccountMailKind = "verify" | "reset" | "accountExists" | "passwordChanged";

export async function sendAccountMail(
  deps: MailDeps,
  to: { email: string; locale: string },
  kind: AccountMailKind,
  link?: string,
): Promise<void> {
  const locale = isLocale(to.locale) ? to.locale : defaultLocale;
  const t = await i18nServer.getFixedT(locale, "account");
  const url = link ? new URL(link, publicOrigin()).toString() : new URL("/signin", publicOrigin()).toString();
  const lines = [t(`mail.${kind}.greeting`), "", t(`mail.${kind}.body`), "", url, "", t(`mail.${kind}.ignore`), "", t("mail.signature")];
  await sendMail(deps, { to: to.email, subject: t(`mail.${kind}.subject`), text: lines.join("\n") });
}
