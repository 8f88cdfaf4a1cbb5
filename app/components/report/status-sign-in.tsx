import { Form, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Field } from "~/components/forms";

export function FormNotice({ error }: { error?: string }) {
  const { t } = useTranslation("report");
  if (!error) return null;
  return (
    <div className="notice" role="alert">
      <p>{t(error)}</p>
    </div>
  );
}

/** The status page before opening: tracking code and passphrase. */
export function StatusSignIn({ errors, code }: { errors: Record<string, string>; code: string }) {
  const { t } = useTranslation("report");
  const busy = useNavigation().state !== "idle";
  const error = (name: string) => (errors[name] ? t(errors[name]) : undefined);
  return (
    <article className="page report-page">
      <h1>{t("status.title")}</h1>
      <p className="lead">{t("status.lead")}</p>
      <FormNotice error={errors.form} />
      <Form method="post" replace className="report-form" noValidate>
        <Field
          name="code"
          label={t("status.code")}
          error={error("code")}
          input={{ type: "text", dir: "ltr", autoComplete: "off", autoCapitalize: "characters", spellCheck: false, defaultValue: code }}
        />
        <Field
          name="passphrase"
          label={t("status.passphrase")}
          error={error("passphrase")}
          input={{ type: "password", dir: "ltr", autoComplete: "off", spellCheck: false }}
        />
        <button type="submit" name="intent" value="open" className="button" disabled={busy}>
          {t("status.open")}
        </button>
      </Form>
    </article>
  );
}
