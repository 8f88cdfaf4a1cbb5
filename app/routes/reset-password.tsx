import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AccountForm, AccountPage, PasswordField, SubmitButton, useAccountErrors } from "~/components/account/account-page";
import { GeneralErrorBoundary } from "~/components/errors/general-error-boundary";
import { accountFieldErrors, ResetPasswordSchema } from "~/domain/auth/account-form";
import { resetPassword, tokenIsLive } from "~/domain/auth/accounts.server";
import { accountLimits } from "~/domain/auth/limits.server";
import { endRequestSession } from "~/domain/auth/session.server";
import { i18nServer } from "~/domain/i18n/i18next.server";
import { invalid, textField, tooMany } from "~/http/form-result.server";
import { readForm } from "~/http/form.server";
import { consumeLimit } from "~/http/guards.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { pageTitle } from "~/utils/meta";

/** /reset-password?token=…: choose a new password from the e-mailed link; every session ends. */
export const handle = { i18n: ["common", "account"] };
// The token never reaches another site: the app-wide Referrer-Policy is same-origin (no-referrer here would
// make browsers send "Origin: null" with the form, which the cross-site check rightly refuses).
export const headers = () => ({ "Cache-Control": "no-store" });

export async function loader({ request, context }: LoaderFunctionArgs) {
  const token = (new URL(request.url).searchParams.get("token") ?? "").slice(0, 200);
  const t = await i18nServer.getFixedT(request, "account");
  return { title: t("reset.title"), token, live: await tokenIsLive({ db: context.db }, token, "reset-password") };
}

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => pageTitle(matches, data?.title);

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await readForm(request);
  const parsed = ResetPasswordSchema.safeParse({ token: textField(form, "token", 200), password: textField(form, "password", 1000) });
  if (!parsed.success) return invalid(accountFieldErrors(parsed.error));
  const limit = await consumeLimit(context, accountLimits().resetClient);
  if (!limit.allowed) return tooMany(limit);
  const outcome = await resetPassword({ db: context.db }, parsed.data.token, parsed.data.password);
  if (outcome === "weak") return invalid({ password: "errors.passwordCommon" });
  if (outcome === "invalid") return invalid({ form: "reset.invalid" });
  const headers = new Headers({ "Set-Cookie": await endRequestSession(context.db, request) });
  return redirectWithFlash(request, "/signin", { kind: "success", key: "account:reset.done" }, { headers });
}

export default function ResetPasswordPage() {
  const { t } = useTranslation("account");
  const { token, live } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { error } = useAccountErrors(result);
  return (
    <AccountPage title={t("reset.title")} lead={live ? t("reset.lead") : undefined} result={result}>
      {live ? (
        <AccountForm>
          <input type="hidden" name="token" value={token} />
          <PasswordField label={t("reset.password")} hint={t("signUp.passwordHint")} error={error("password")} isNew />
          <SubmitButton>{t("reset.submit")}</SubmitButton>
        </AccountForm>
      ) : (
        <div className="notice" role="status">
          <p>{t("reset.invalid")}</p>
          <p>
            <Link to="/forgot-password">{t("reset.again")}</Link>
          </p>
        </div>
      )}
    </AccountPage>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
