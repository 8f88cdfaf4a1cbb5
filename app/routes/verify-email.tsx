import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AccountForm, AccountPage, SubmitButton } from "~/components/account/account-page";
import { GeneralErrorBoundary } from "~/components/errors/general-error-boundary";
import { tokenIsLive, verifyEmail } from "~/domain/auth/accounts.server";
import { i18nServer } from "~/domain/i18n/i18next.server";
import { invalid, textField } from "~/http/form-result.server";
import { readForm } from "~/http/form.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { pageTitle } from "~/utils/meta";

/**
 * /verify-email?token=…: the link in the e-mail opens a page with a button; only pressing it
 * (a POST) confirms. Mail scanners that follow links change nothing. The token never reaches
 * another site (the app-wide Referrer-Policy is same-origin).
 */
export const handle = { i18n: ["common", "account"] };
// The token never reaches another site: the app-wide Referrer-Policy is same-origin (no-referrer here would
// make browsers send "Origin: null" with the form, which the cross-site check rightly refuses).
export const headers = () => ({ "Cache-Control": "no-store" });

export async function loader({ request, context }: LoaderFunctionArgs) {
  const token = (new URL(request.url).searchParams.get("token") ?? "").slice(0, 200);
  const t = await i18nServer.getFixedT(request, "account");
  return { title: t("verify.title"), token, live: await tokenIsLive({ db: context.db }, token, "verify-email") };
}

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => pageTitle(matches, data?.title);

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await readForm(request);
  if (!(await verifyEmail({ db: context.db }, textField(form, "token", 200)))) return invalid({ form: "verify.invalid" });
  return redirectWithFlash(request, "/signin", { kind: "success", key: "account:verify.done" });
}

export default function VerifyEmailPage() {
  const { t } = useTranslation("account");
  const { token, live } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <AccountPage title={t("verify.title")} lead={live ? t("verify.lead") : undefined} result={result}>
      {live ? (
        <AccountForm>
          <input type="hidden" name="token" value={token} />
          <SubmitButton>{t("verify.submit")}</SubmitButton>
        </AccountForm>
      ) : (
        <div className="notice" role="status">
          <p>{t("verify.invalid")}</p>
          <p>
            <Link to="/signin">{t("signUp.signInLink")}</Link>
          </p>
        </div>
      )}
    </AccountPage>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
