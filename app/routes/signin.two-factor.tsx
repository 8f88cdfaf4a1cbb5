import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AccountForm, AccountPage, SignOutButton, SubmitButton, useAccountErrors } from "~/components/account/account-page";
import { GeneralErrorBoundary } from "~/components/errors/general-error-boundary";
import { Field } from "~/components/forms";
import { accountFieldErrors, CodeSchema } from "~/domain/auth/account-form";
import { twoFactorDeps } from "~/domain/auth/deps.server";
import { accountLimits } from "~/domain/auth/limits.server";
import { markSecondFactorGiven } from "~/domain/auth/session.server";
import { verifySecondFactor } from "~/domain/auth/two-factor.server";
import { i18nServer } from "~/domain/i18n/i18next.server";
import { invalid, textField, tooMany } from "~/http/form-result.server";
import { readForm } from "~/http/form.server";
import { consumeLimit, getPendingSecondFactor, getUser } from "~/http/guards.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { safeRedirect } from "~/utils/http";
import { pageTitle } from "~/utils/meta";

/** /signin/two-factor: the code from the authenticator app (or a recovery code) after the password. */
export const handle = { i18n: ["common", "account"] };

export async function loader({ request, context }: LoaderFunctionArgs) {
  const back = safeRedirect(new URL(request.url).searchParams.get("redirectTo"), "/account");
  if (await getUser(request, context)) throw redirect(back);
  if (!(await getPendingSecondFactor(request, context))) throw redirect("/signin");
  const t = await i18nServer.getFixedT(request, "account");
  return { title: t("twoFactor.title") };
}

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => pageTitle(matches, data?.title);

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await readForm(request);
  const back = safeRedirect(textField(form, "redirectTo", 2000), "/account");
  // Already through (a second tab, the back button): on to where they were going.
  if (await getUser(request, context)) throw redirect(back);
  const pending = await getPendingSecondFactor(request, context);
  if (!pending) throw redirect("/signin");
  const parsed = CodeSchema.safeParse({ code: textField(form, "code", 100) });
  if (!parsed.success) return invalid(accountFieldErrors(parsed.error));
  const limit = await consumeLimit(context, accountLimits().secondFactor, pending.user.id);
  if (!limit.allowed) return tooMany(limit);
  const used = await verifySecondFactor(twoFactorDeps(context.db), pending.user.id, parsed.data.code);
  if (!used) return invalid({ code: "errors.codeInvalid" });
  await markSecondFactorGiven(context.db, pending.session.id);
  return redirectWithFlash(request, back, { kind: "success", key: "account:signIn.signedIn" });
}

export default function TwoFactorSignInPage() {
  const { t } = useTranslation("account");
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  const { error } = useAccountErrors(result);
  return (
    <AccountPage title={t("twoFactor.title")} lead={t("twoFactor.lead")} result={result}>
      <AccountForm>
        <input type="hidden" name="redirectTo" value={params.get("redirectTo") ?? ""} />
        <Field
          name="code"
          label={t("twoFactor.code")}
          error={error("code")}
          input={{ type: "text", inputMode: "text", autoComplete: "one-time-code", dir: "ltr", spellCheck: false, required: true, "aria-required": true, maxLength: 20 }}
        />
        <SubmitButton>{t("twoFactor.submit")}</SubmitButton>
      </AccountForm>
      <SignOutButton>{t("twoFactor.cancel")}</SignOutButton>
    </AccountPage>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
