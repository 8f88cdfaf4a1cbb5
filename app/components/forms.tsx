import type { InputHTMLAttributes, ReactNode, TextareaHTMLAttributes } from "react";
import { useTranslation } from "react-i18next";
import { HONEYPOT_FIELD } from "~/utils/forms";

/**
 * The one set of form fields (CONVENTIONS 13). Each field has a visible label, an optional
 * hint, and its error right above the control; the control points at both with
 * aria-describedby (error first) and says aria-invalid while there is an error. Errors and
 * hints come in translated; ids are `<id>-error` and `<id>-hint`.
 */

interface FieldBase {
  name: string;
  /** Defaults to `name`. */
  id?: string;
  label: ReactNode;
  hint?: ReactNode;
  /** The translated error, if any. */
  error?: string | null;
  /** Shows "(optional)" after the label. */
  optional?: boolean;
}

/** The aria-* attributes that tie a control to its error and hint. */
export function describedBy(id: string, { error, hint }: { error?: string | null; hint?: ReactNode }) {
  const ids = [error ? `${id}-error` : null, hint ? `${id}-hint` : null].filter(Boolean);
  return {
    "aria-invalid": error ? (true as const) : undefined,
    "aria-describedby": ids.length > 0 ? ids.join(" ") : undefined,
  };
}

export function OptionalMarker() {
  const { t } = useTranslation();
  return <span className="optional">{t("forms.optional")}</span>;
}

function LabelText({ label, optional }: { label: ReactNode; optional?: boolean }) {
  return optional ? (
    <>
      {label} <OptionalMarker />
    </>
  ) : (
    <>{label}</>
  );
}

export function FieldError({ id, error }: { id: string; error?: string | null }) {
  if (!error) return null;
  return (
    <p className="field-error" id={`${id}-error`}>
      {error}
    </p>
  );
}

function FieldHint({ id, hint }: { id: string; hint?: ReactNode }) {
  if (!hint) return null;
  return (
    <p className="field-hint" id={`${id}-hint`}>
      {hint}
    </p>
  );
}

function FieldFrame({ id, label, hint, error, optional, children }: Omit<FieldBase, "name"> & { id: string; children: ReactNode }) {
  return (
    <div className="field">
      <label htmlFor={id}>
        <LabelText label={label} optional={optional} />
      </label>
      <FieldHint id={id} hint={hint} />
      <FieldError id={id} error={error} />
      {children}
    </div>
  );
}

type InputProps = Omit<InputHTMLAttributes<HTMLInputElement>, "id" | "name" | "aria-invalid" | "aria-describedby">;

/** A labelled single-line input. */
export function Field({ input, ...field }: FieldBase & { input: InputProps }) {
  const id = field.id ?? field.name;
  return (
    <FieldFrame {...field} id={id}>
      <input id={id} name={field.name} {...input} {...describedBy(id, field)} />
    </FieldFrame>
  );
}

type TextareaProps = Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, "id" | "name" | "aria-invalid" | "aria-describedby">;

/** A labelled multi-line text. */
export function TextareaField({ textarea, ...field }: FieldBase & { textarea: TextareaProps }) {
  const id = field.id ?? field.name;
  return (
    <FieldFrame {...field} id={id}>
      <textarea id={id} name={field.name} {...textarea} {...describedBy(id, field)} />
    </FieldFrame>
  );
}

/** One checkbox with its label after it ("yes, I want to …"), and an optional error above. */
export function CheckboxField({
  name,
  id = name,
  label,
  error,
  value = "on",
  defaultChecked,
}: Omit<FieldBase, "hint" | "optional"> & { value?: string; defaultChecked?: boolean }) {
  return (
    <>
      <FieldError id={id} error={error} />
      <label className="choice">
        <input type="checkbox" id={id} name={name} value={value} defaultChecked={defaultChecked} {...describedBy(id, { error })} />
        {label}
      </label>
    </>
  );
}

export interface Choice {
  value: string;
  label: ReactNode;
  /** A longer explanation below the label (tied to the control with aria-describedby). */
  description?: ReactNode;
}

/** A group of radios or checkboxes in a fieldset, its legend, hint and error. */
export function ChoiceField({
  name,
  id = name,
  label,
  hint,
  error,
  optional,
  type,
  options,
  selected,
  children,
}: FieldBase & {
  type: "radio" | "checkbox";
  options: readonly Choice[];
  /** The values checked when the page loads. */
  selected: readonly string[];
  /** Shown between the hint and the options (e.g. "nothing to choose from"). */
  children?: ReactNode;
}) {
  return (
    <fieldset className="choices" id={id} {...describedBy(id, { error, hint })}>
      <legend>
        <LabelText label={label} optional={optional} />
      </legend>
      <FieldHint id={id} hint={hint} />
      <FieldError id={id} error={error} />
      {children}
      {options.map((option) =>
        option.description ? (
          <div key={option.value} className="choice network-choice">
            <input
              type={type}
              id={`${id}-${option.value}`}
              name={name}
              value={option.value}
              defaultChecked={selected.includes(option.value)}
              aria-describedby={`${id}-${option.value}-about`}
            />
            <span>
              <label htmlFor={`${id}-${option.value}`}>{option.label}</label>
              <span className="network-description" id={`${id}-${option.value}-about`}>
                {option.description}
              </span>
            </span>
          </div>
        ) : (
          <label key={option.value} className="choice">
            <input type={type} name={name} value={option.value} defaultChecked={selected.includes(option.value)} />
            {option.label}
          </label>
        ),
      )}
    </fieldset>
  );
}

/** The field people never see and robots fill (see isHoneypotFilled in app/http/guards.server.ts). */
export function Honeypot() {
  const { t } = useTranslation();
  return (
    <div className="hp" aria-hidden="true">
      <label>
        {t("forms.honeypot")}
        <input type="text" name={HONEYPOT_FIELD} tabIndex={-1} autoComplete="off" defaultValue="" />
      </label>
    </div>
  );
}

/**
 * Every error of a form at once, at its top, each a link to its field (`#<field id>`); a
 * message for the whole form (`form`) comes without a link. Announced when it appears.
 */
export function ErrorSummary({ errors, translate }: { errors: Record<string, string>; translate: (key: string) => string }) {
  const { t } = useTranslation();
  const entries = Object.entries(errors);
  if (entries.length === 0) return null;
  return (
    <div className="notice error-summary" role="alert" tabIndex={-1} aria-labelledby="error-summary-title">
      <p id="error-summary-title">
        <strong>{t("forms.errorSummary")}</strong>
      </p>
      <ul>
        {entries.map(([field, key]) => (
          <li key={field}>{field === "form" ? translate(key) : <a href={`#${field}`}>{translate(key)}</a>}</li>
        ))}
      </ul>
    </div>
  );
}
