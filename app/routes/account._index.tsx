import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AccountForm, AccountPage, PasswordField, SignOutButton, SubmitButton, useAccountErrors } from "~/components/account/account-page";
import { GeneralErrorBoundary } from "~/components/errors/general-error-boundary";
import { CheckboxField, ChoiceField, Field } from "~/components/forms";
import { accountFieldErrors, accountLimits as fieldLimits, ChangePasswordSchema, ConfirmPasswordSchema } from "~/domain/auth/account-form";
import { changePassword, deleteAccount, updateProfile, weakPasswordError } from "~/domain/auth/accounts.server";
import { accountLimits } from "~/domain/auth/limits.server";
import { needsSecondFactor } from "~/domain/auth/roles";
import { createSession, endRequestSession } from "~/domain/auth/session.server";
import { recoveryCodesLeft } from "~/domain/auth/two-factor.server";
import { isLocale, localeNames, supportedLocales } from "~/domain/i18n/config";
import { i18nServer } from "~/domain/i18n/i18next.server";
import { busy, invalid, textField, tooMany } from "~/http/form-result.server";
import { readForm } from "~/http/form.server";
import { consumeLimit, requirePermission, type SessionUser } from "~/http/guards.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { pageTitle } from "~/utils/meta";

/** /account: my details, password, second factor, my data, sign out, delete. */
export const handle = { i18n: ["common", "account"] };
export const headers = () => ({ "Cache-Control": "private, no-store" });

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requirePermission(request, context, "account:use");
  const t = await i18nServer.getFixedT(request, "account");
  return {
    title: t("account.title"),
    user: { email: user.email, displayName: user.displayName ?? "", role: user.role, trusted: user.trusted, locale: user.locale, totpEnabled: user.totpEnabled },
    needsSecondFactor: needsSecondFactor(user.role),
    codesLeft: user.totpEnabled ? await recoveryCodesLeft(context.db, user.id) : 0,
  };
}

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => pageTitle(matches, data?.title);

async function checkAttempt(context: ActionFunctionArgs["context"], user: SessionUser) {
  return consumeLimit(context, accountLimits().passwordCheck, user.id);
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requirePermission(request, context, "account:use");
  const form = await readForm(request);
  const intent = textField(form, "intent", 20);
  const deps = { db: context.db };

  if (intent === "profile") {
    const values = { displayName: textField(form, "displayName", fieldLimits.displayName * 2), locale: textField(form, "locale", 10) };
    if ([...values.displayName.trim()].length > fieldLimits.displayName) return invalid({ displayName: "errors.displayNameTooLong" }, values);
    if (!isLocale(values.locale)) return invalid({ form: "errors.invalid" }, values);
    await updateProfile(context.db, user.id, { displayName: values.displayName.trim() || null, locale: values.locale });
    return redirectWithFlash(request, "/account", { kind: "success", key: "account:account.profileSaved" });
  }

  if (intent === "password") {
    const parsed = ChangePasswordSchema.safeParse({ currentPassword: textField(form, "currentPassword", 1000), password: textField(form, "password", 1000) });
    if (!parsed.success) return invalid(accountFieldErrors(parsed.error));
    const weak = weakPasswordError(parsed.data.password, user.email);
    if (weak) return invalid({ password: weak });
    const limit = await checkAttempt(context, user);
    if (!limit.allowed) return tooMany(limit);
    const outcome = await changePassword(deps, user.id, parsed.data);
    if (outcome === "busy") return busy();
    if (outcome === "wrong") return invalid({ currentPassword: "errors.wrongPassword" });
    // Every session ended, this one too: this browser gets a fresh one (it just gave the password).
    const headers = new Headers({ "Set-Cookie": await createSession(context.db, request, user.id, { twoFactorVerified: user.twoFactorVerified }) });
    return redirectWithFlash(request, "/account", { kind: "success", key: "account:account.passwordChanged" }, { headers });
  }

  if (intent === "delete") {
    const parsed = ConfirmPasswordSchema.safeParse({ currentPassword: textField(form, "deletePassword", 1000) });
    if (!parsed.success) return invalid({ deletePassword: "errors.passwordRequired" });
    if (textField(form, "confirm", 10) !== "yes") return invalid({ confirm: "errors.deleteConfirmRequired" });
    const limit = await checkAttempt(context, user);
    if (!limit.allowed) return tooMany(limit);
    const outcome = await deleteAccount(deps, user.id, parsed.data.currentPassword);
    if (outcome === "busy") return busy();
    if (outcome === "wrong") return invalid({ deletePassword: "errors.wrongPassword" });
    const headers = new Headers({ "Set-Cookie": await endRequestSession(context.db, request) });
    return redirectWithFlash(request, "/", { kind: "success", key: "account:account.deleted" }, { headers });
  }

  return invalid({ form: "errors.invalid" });
}

export default function AccountIndexPage() {
  const { t } = useTranslation("account");
  const { user, needsSecondFactor: required, codesLeft } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { error, value } = useAccountErrors(result);
  return (
    <AccountPage title={t("account.title")} lead={t("account.lead")} result={result}>
      <section aria-labelledby="details-title">
        <h2 id="details-title">{t("account.details")}</h2>
        <dl className="facts">
          <dt>{t("account.email")}</dt>
          <dd dir="ltr">{user.email}</dd>
          <dt>{t("account.role")}</dt>
          <dd>{t(`roles.${user.role}`)}</dd>
        </dl>
        {user.trusted ? <p>{t("account.trusted")}</p> : null}
        <AccountForm>
          <Field
            name="displayName"
            label={t("account.displayName")}
            optional
            error={error("displayName")}
            input={{ type: "text", autoComplete: "given-name", maxLength: fieldLimits.displayName, defaultValue: value("displayName") || user.displayName }}
          />
          <ChoiceField
            name="locale"
            type="radio"
            label={t("account.language")}
            options={supportedLocales.map((locale) => ({ value: locale, label: <span lang={locale}>{localeNames[locale]}</span> }))}
            selected={[user.locale]}
          />
          <SubmitButton intent="profile">{t("account.saveProfile")}</SubmitButton>
        </AccountForm>
      </section>

      <section aria-labelledby="two-factor-title">
        <h2 id="two-factor-title">{t("account.twoFactor")}</h2>
        <p>{user.totpEnabled ? t("account.twoFactorOn", { count: codesLeft }) : t("account.twoFactorOff")}</p>
        {!user.totpEnabled ? (
          <p>
            {required ? <>{t("account.twoFactorRequired")} </> : null}
            <Link to="/account/two-factor">{t("account.twoFactorSetUp")}</Link>
          </p>
        ) : null}
      </section>

      <section aria-labelledby="password-title">
        <h2 id="password-title">{t("account.password")}</h2>
        <p>{t("account.passwordLead")}</p>
        <AccountForm>
          <input type="text" name="username" autoComplete="username" value={user.email} readOnly hidden />
          <PasswordField name="currentPassword" label={t("account.currentPassword")} error={error("currentPassword")} />
          <PasswordField label={t("account.newPassword")} hint={t("signUp.passwordHint")} error={error("password")} isNew />
          <SubmitButton intent="password">{t("account.changePassword")}</SubmitButton>
        </AccountForm>
      </section>

      <section aria-labelledby="data-title">
        <h2 id="data-title">{t("account.data")}</h2>
        <p>{t("account.dataLead")}</p>
        <p>
          <a href="/account/data.json" download className="button button-secondary">
            {t("account.download")}
          </a>
        </p>
        <SignOutButton>{t("account.signOut")}</SignOutButton>
      </section>

      <section aria-labelledby="delete-title">
        <h2 id="delete-title">{t("account.delete")}</h2>
        <p>{t("account.deleteLead")}</p>
        <AccountForm>
          <PasswordField name="deletePassword" label={t("account.currentPassword")} error={error("deletePassword")} />
          <CheckboxField name="confirm" value="yes" label={t("account.deleteConfirm")} error={error("confirm")} />
          <SubmitButton intent="delete" secondary>
            {t("account.deleteSubmit")}
          </SubmitButton>
        </AccountForm>
      </section>
    </AccountPage>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
