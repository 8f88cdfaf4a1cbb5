import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AccountForm, AccountPage, EmailField, SubmitButton, useAccountErrors } from "~/components/account/account-page";
import { GeneralErrorBoundary } from "~/components/errors/general-error-boundary";
import { accountFieldErrors, accountLimits as fieldLimits, EmailSchema } from "~/domain/auth/account-form";
import { requestPasswordReset } from "~/domain/auth/accounts.server";
import { accountLimits } from "~/domain/auth/limits.server";
import { i18nServer } from "~/domain/i18n/i18next.server";
import { invalid, textField, tooMany } from "~/http/form-result.server";
import { readForm } from "~/http/form.server";
import { consumeLimit, isHoneypotFilled } from "~/http/guards.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { pageTitle } from "~/utils/meta";

/** /forgot-password: a reset link by e-mail. The answer is the same whether or not the address has an account. */
export const handle = { i18n: ["common", "account"] };

export async function loader({ request }: LoaderFunctionArgs) {
  const t = await i18nServer.getFixedT(request, "account");
  return { title: t("forgot.title") };
}

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => pageTitle(matches, data?.title);

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await readForm(request);
  const values = { email: textField(form, "email", fieldLimits.email * 2) };
  const done = () => redirectWithFlash(request, "/signin", { kind: "info", key: "account:forgot.sent" });
  if (isHoneypotFilled(form)) return done();
  const parsed = EmailSchema.safeParse(values);
  if (!parsed.success) return invalid(accountFieldErrors(parsed.error), values);
  const limits = accountLimits();
  const perClient = await consumeLimit(context, limits.resetClient);
  if (!perClient.allowed) return tooMany(perClient, values);
  // Past its own limit an address silently gets no more links (saying so would tell that it has an account).
  const perAccount = await consumeLimit(context, limits.resetAccount, parsed.data.email);
  if (perAccount.allowed) await requestPasswordReset({ db: context.db }, parsed.data.email);
  return done();
}

export default function ForgotPasswordPage() {
  const { t } = useTranslation("account");
  const result = useActionData<typeof action>();
  const { error, value } = useAccountErrors(result);
  return (
    <AccountPage title={t("forgot.title")} lead={t("forgot.lead")} result={result}>
      <AccountForm publicForm>
        <EmailField label={t("forgot.email")} error={error("email")} value={value("email")} />
        <SubmitButton>{t("forgot.submit")}</SubmitButton>
      </AccountForm>
    </AccountPage>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
