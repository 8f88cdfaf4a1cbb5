import { useTranslation } from "react-i18next";
import type { FieldErrors } from "~/domain/reports/report-form";

/** A translated error next to its field, with the id that errorProps() points the field at. */
export function FieldError({ name, errors, values }: { name: string; errors: FieldErrors; values?: Record<string, unknown> }) {
  const { t } = useTranslation("report");
  const key = errors[name];
  if (!key) return null;
  return (
    <p className="field-error" id={`${name}-error`}>
      {t(key, values ?? {})}
    </p>
  );
}

/** aria-invalid and aria-describedby for a field, linking its error (and an optional hint). */
export const errorProps = (name: string, errors: FieldErrors, hint?: string) => ({
  "aria-invalid": errors[name] ? true : undefined,
  "aria-describedby": [errors[name] ? `${name}-error` : null, hint].filter(Boolean).join(" ") || undefined,
});
