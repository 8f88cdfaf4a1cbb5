import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AccountForm, AccountPage, EmailField, PasswordField, SubmitButton, useAccountErrors } from "~/components/account/account-page";
import { GeneralErrorBoundary } from "~/components/errors/general-error-boundary";
import { accountFieldErrors, accountLimits as fieldLimits, SignInSchema } from "~/domain/auth/account-form";
import { signIn } from "~/domain/auth/accounts.server";
import { accountLimits } from "~/domain/auth/limits.server";
import { needsSecondFactor } from "~/domain/auth/roles";
import { createSession, endRequestSession } from "~/domain/auth/session.server";
import { i18nServer } from "~/domain/i18n/i18next.server";
import { busy, invalid, textField, tooMany } from "~/http/form-result.server";
import { readForm } from "~/http/form.server";
import { consumeLimit, getUser, isHoneypotFilled } from "~/http/guards.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { safeRedirect } from "~/utils/http";
import { pageTitle } from "~/utils/meta";

/** /signin: e-mail and password; then the second factor where the account has one. */
export const handle = { i18n: ["common", "account"] };

export async function loader({ request, context }: LoaderFunctionArgs) {
  const back = safeRedirect(new URL(request.url).searchParams.get("redirectTo"), "/account");
  if (await getUser(request, context)) throw redirect(back);
  const t = await i18nServer.getFixedT(request, "account");
  return { title: t("signIn.title") };
}

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => pageTitle(matches, data?.title);

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await readForm(request);
  const values = { email: textField(form, "email", fieldLimits.email * 2) };
  const back = safeRedirect(textField(form, "redirectTo", 2000), "/account");
  if (isHoneypotFilled(form)) return invalid({ form: "errors.signInFailed" }, values);
  const parsed = SignInSchema.safeParse({ ...values, password: textField(form, "password", 1000) });
  if (!parsed.success) return invalid(accountFieldErrors(parsed.error), values);

  // Both limits count every attempt: per account (whatever the address) and per client address.
  const limits = accountLimits();
  const perAccount = await consumeLimit(context, limits.signInAccount, parsed.data.email);
  if (!perAccount.allowed) return tooMany(perAccount, values);
  const perClient = await consumeLimit(context, limits.signInClient);
  if (!perClient.allowed) return tooMany(perClient, values);

  const result = await signIn({ db: context.db }, parsed.data);
  if (!result.ok) {
    if (result.reason === "busy") return busy(values);
    const key = { invalid: "errors.signInFailed", unverified: "errors.unverified", deactivated: "errors.deactivated" }[result.reason];
    return invalid({ form: key }, values, result.reason === "invalid" ? 400 : 403);
  }

  // A new session on every sign-in; whatever this browser had before ends.
  const headers = new Headers();
  headers.append("Set-Cookie", await endRequestSession(context.db, request));
  headers.append("Set-Cookie", await createSession(context.db, request, result.userId, { twoFactorVerified: false }));
  if (result.totpEnabled) return redirect(`/signin/two-factor?redirectTo=${encodeURIComponent(back)}`, { headers });
  if (needsSecondFactor(result.role)) return redirect(`/account/two-factor?redirectTo=${encodeURIComponent(back)}`, { headers });
  return redirectWithFlash(request, back, { kind: "success", key: "account:signIn.signedIn" }, { headers });
}

export default function SignInPage() {
  const { t } = useTranslation("account");
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  const { error, value } = useAccountErrors(result);
  return (
    <AccountPage title={t("signIn.title")} lead={t("signIn.lead")} result={result}>
      <AccountForm publicForm>
        <input type="hidden" name="redirectTo" value={params.get("redirectTo") ?? ""} />
        <EmailField label={t("signIn.email")} error={error("email")} value={value("email")} />
        <PasswordField label={t("signIn.password")} error={error("password")} />
        <SubmitButton>{t("signIn.submit")}</SubmitButton>
      </AccountForm>
      <p>
        <Link to="/forgot-password">{t("signIn.forgot")}</Link>
      </p>
      <p>
        {t("signIn.noAccount")} <Link to="/signup">{t("signIn.signUpLink")}</Link>
      </p>
    </AccountPage>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
