import { Form, useNavigation } from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { ErrorSummary, Field, Honeypot } from "~/components/forms";

/** What an account action answers on bad input: field errors (translation keys) and what was typed. */
export interface FormResult {
  errors: Record<string, string>;
  values?: Record<string, string>;
  /** For "try again in N minutes". */
  minutes?: number;
}

/** The translated error of a field, or undefined. */
export function useAccountErrors(result: FormResult | undefined) {
  const { t } = useTranslation("account");
  const errors = result?.errors ?? {};
  const translate = (key: string) => t(key, { count: result?.minutes ?? 1 });
  return {
    errors,
    translate,
    error: (name: string) => (errors[name] ? translate(errors[name]!) : undefined),
    value: (name: string) => result?.values?.[name] ?? "",
  };
}

/** The frame of every account page: a heading, a lead, the error summary, then the form. */
export function AccountPage({
  title,
  lead,
  result,
  children,
}: {
  title: string;
  lead?: ReactNode;
  result?: FormResult;
  children: ReactNode;
}) {
  const { errors, translate } = useAccountErrors(result);
  return (
    <article className="page account-page">
      <h1>{title}</h1>
      {lead ? <p className="lead">{lead}</p> : null}
      <ErrorSummary errors={errors} translate={translate} />
      {children}
    </article>
  );
}

/** A form that posts to its own route, with the honeypot when it is public. */
export function AccountForm({ children, publicForm, action }: { children: ReactNode; publicForm?: boolean; action?: string }) {
  return (
    <Form method="post" className="account-form" noValidate action={action}>
      {publicForm ? <Honeypot /> : null}
      {children}
    </Form>
  );
}

export function SubmitButton({ children, intent, secondary }: { children: ReactNode; intent?: string; secondary?: boolean }) {
  const busy = useNavigation().state === "submitting";
  return (
    <button type="submit" name={intent ? "intent" : undefined} value={intent} className={secondary ? "button button-secondary" : "button"} disabled={busy}>
      {children}
    </button>
  );
}

/** The e-mail field of the sign-in, sign-up and reset forms. */
export function EmailField({ label, error, value, hint }: { label: string; error?: string; value: string; hint?: string }) {
  return (
    <Field
      name="email"
      label={label}
      hint={hint}
      error={error}
      input={{ type: "email", autoComplete: "username", dir: "ltr", spellCheck: false, autoCapitalize: "none", defaultValue: value, required: true, "aria-required": true }}
    />
  );
}

/** A password field: `current-password` for signing in, `new-password` where one is chosen. */
export function PasswordField({
  name = "password",
  label,
  error,
  hint,
  isNew,
}: {
  name?: string;
  label: string;
  error?: string;
  hint?: string;
  isNew?: boolean;
}) {
  return (
    <Field
      name={name}
      label={label}
      hint={hint}
      error={error}
      input={{ type: "password", autoComplete: isNew ? "new-password" : "current-password", dir: "ltr", required: true, "aria-required": true, minLength: isNew ? 8 : undefined }}
    />
  );
}

/** Signing out is a POST from this site (a GET changes nothing). */
export function SignOutButton({ children }: { children: ReactNode }) {
  return (
    <Form method="post" action="/signout">
      <button type="submit" className="button button-secondary">
        {children}
      </button>
    </Form>
  );
}
