import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AccountForm, AccountPage, EmailField, PasswordField, SubmitButton, useAccountErrors } from "~/components/account/account-page";
import { GeneralErrorBoundary } from "~/components/errors/general-error-boundary";
import { CheckboxField, ChoiceField, Field } from "~/components/forms";
import { accountFieldErrors, accountLimits as fieldLimits, SignUpSchema } from "~/domain/auth/account-form";
import { signUp, weakPasswordError } from "~/domain/auth/accounts.server";
import { accountLimits } from "~/domain/auth/limits.server";
import { i18nServer } from "~/domain/i18n/i18next.server";
import { invalid, textField, tooMany } from "~/http/form-result.server";
import { readForm } from "~/http/form.server";
import { consumeLimit, getUser, isHoneypotFilled } from "~/http/guards.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { pageTitle } from "~/utils/meta";

/** /signup: e-mail, optional first name, password; then a link to confirm the address. */
export const handle = { i18n: ["common", "account"] };

export async function loader({ request, context }: LoaderFunctionArgs) {
  if (await getUser(request, context)) throw redirect("/account");
  const t = await i18nServer.getFixedT(request, "account");
  return { title: t("signUp.title") };
}

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => pageTitle(matches, data?.title);

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await readForm(request);
  const values = {
    email: textField(form, "email", fieldLimits.email * 2),
    displayName: textField(form, "displayName", fieldLimits.displayName * 2),
    terms: textField(form, "terms", 10),
    purpose: textField(form, "purpose", 20) || "newcomer",
  };
  const done = () => redirectWithFlash(request, "/signin", { kind: "success", key: "account:signUp.sent" });
  // A robot that filled the hidden field is told what a person would be told, and nothing happens.
  if (isHoneypotFilled(form)) return done();
  const parsed = SignUpSchema.safeParse({ ...values, password: textField(form, "password", 1000) });
  if (!parsed.success) return invalid(accountFieldErrors(parsed.error), values);
  const weak = weakPasswordError(parsed.data.password, parsed.data.email);
  if (weak) return invalid({ password: weak }, values);
  const limit = await consumeLimit(context, accountLimits().signUpClient);
  if (!limit.allowed) return tooMany(limit, values);
  const locale = await i18nServer.getLocale(request);
  await signUp({ db: context.db }, { ...parsed.data, role: parsed.data.purpose, locale });
  return done();
}

export default function SignUpPage() {
  const { t } = useTranslation("account");
  const result = useActionData<typeof action>();
  const { error, value } = useAccountErrors(result);
  return (
    <AccountPage title={t("signUp.title")} lead={t("signUp.lead")} result={result}>
      <AccountForm publicForm>
        <EmailField label={t("signUp.email")} hint={t("signUp.emailHint")} error={error("email")} value={value("email")} />
        <Field
          name="displayName"
          label={t("signUp.displayName")}
          hint={t("signUp.displayNameHint")}
          optional
          error={error("displayName")}
          input={{ type: "text", autoComplete: "given-name", maxLength: fieldLimits.displayName, defaultValue: value("displayName") }}
        />
        <ChoiceField
          name="purpose"
          type="radio"
          label={t("signUp.purpose")}
          error={error("purpose")}
          options={[
            { value: "newcomer", label: t("signUp.purposeNewcomer") },
            { value: "organiser", label: t("signUp.purposeOrganiser") },
          ]}
          selected={[value("purpose") || "newcomer"]}
        />
        <PasswordField label={t("signUp.password")} hint={t("signUp.passwordHint")} error={error("password")} isNew />
        <CheckboxField
          name="terms"
          value="yes"
          defaultChecked={value("terms") === "yes"}
          error={error("terms")}
          label={
            <>
              {t("signUp.privacy")}{" "}
              <Link to="/privacy" target="_blank" rel="noopener">
                {t("signUp.privacyLink")}
              </Link>
            </>
          }
        />
        <SubmitButton>{t("signUp.submit")}</SubmitButton>
      </AccountForm>
      <p>
        {t("signUp.haveAccount")} <Link to="/signin">{t("signUp.signInLink")}</Link>
      </p>
    </AccountPage>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
