import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AccountForm, AccountPage, SubmitButton, useAccountErrors, type FormResult } from "~/components/account/account-page";
import { GeneralErrorBoundary } from "~/components/errors/general-error-boundary";
import { Field } from "~/components/forms";
import { accountFieldErrors, CodeSchema } from "~/domain/auth/account-form";
import { twoFactorDeps } from "~/domain/auth/deps.server";
import { accountLimits } from "~/domain/auth/limits.server";
import { markSecondFactorGiven } from "~/domain/auth/session.server";
import { confirmEnrolment, enrolment } from "~/domain/auth/two-factor.server";
import { i18nServer } from "~/domain/i18n/i18next.server";
import { invalid, textField, tooMany } from "~/http/form-result.server";
import { readForm } from "~/http/form.server";
import { consumeLimit, requireUser } from "~/http/guards.server";
import { safeRedirect } from "~/utils/http";
import { pageTitle } from "~/utils/meta";

/** /account/two-factor: set up the authenticator app (required for moderators and admins), then see the recovery codes once. */
export const handle = { i18n: ["common", "account"] };
export const headers = () => ({ "Cache-Control": "private, no-store" });

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, context);
  const t = await i18nServer.getFixedT(request, "account");
  const setup = user.totpEnabled ? null : await enrolment(twoFactorDeps(context.db), user);
  return { title: t("setup.title"), enabled: user.totpEnabled, setup: setup && { secret: setup.secret, qrSvg: setup.qrSvg } };
}

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => pageTitle(matches, data?.title);

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request, context);
  const form = await readForm(request);
  const parsed = CodeSchema.safeParse({ code: textField(form, "code", 100) });
  if (!parsed.success) return invalid(accountFieldErrors(parsed.error));
  const limit = await consumeLimit(context, accountLimits().secondFactor, user.id);
  if (!limit.allowed) return tooMany(limit);
  const codes = await confirmEnrolment(twoFactorDeps(context.db), user.id, parsed.data.code);
  if (!codes) return invalid({ code: "errors.codeInvalid" });
  await markSecondFactorGiven(context.db, user.sessionId);
  return data({ codes, errors: {} }, { headers: { "Cache-Control": "no-store" } });
}

export default function TwoFactorSetupPage() {
  const { t } = useTranslation("account");
  const { enabled, setup } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as (FormResult & { codes?: string[] }) | undefined;
  const [params] = useSearchParams();
  const next = safeRedirect(params.get("redirectTo"), "/account");
  const { error } = useAccountErrors(result);

  if (result?.codes) {
    return (
      <AccountPage title={t("setup.codesTitle")} lead={t("setup.codesLead")}>
        <ul className="recovery-codes" dir="ltr">
          {result.codes.map((code) => (
            <li key={code}>
              <code>{code}</code>
            </li>
          ))}
        </ul>
        <p>
          <Link to={next} className="button">
            {t("setup.continue")}
          </Link>
        </p>
      </AccountPage>
    );
  }
  if (enabled || !setup) {
    return (
      <AccountPage title={t("setup.title")}>
        <p>{t("setup.isOn")}</p>
        <p>
          <Link to={next}>{t("setup.continue")}</Link>
        </p>
      </AccountPage>
    );
  }
  return (
    <AccountPage title={t("setup.title")} lead={t("setup.lead")} result={result}>
      <p>{t("setup.scan")}</p>
      {/* The SVG is made on our server from the otpauth URI (qrcode); it holds no script. */}
      <div className="qr-code" role="img" aria-label={t("setup.qrLabel")} dangerouslySetInnerHTML={{ __html: setup.qrSvg }} />
      <p>
        {t("setup.key")}: <code dir="ltr" className="totp-secret">{setup.secret.replace(/(.{4})/g, "$1 ").trim()}</code>
      </p>
      <AccountForm>
        <Field
          name="code"
          label={t("setup.enter")}
          error={error("code")}
          input={{ type: "text", inputMode: "numeric", autoComplete: "one-time-code", dir: "ltr", required: true, "aria-required": true, maxLength: 20 }}
        />
        <SubmitButton>{t("setup.submit")}</SubmitButton>
      </AccountForm>
    </AccountPage>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
