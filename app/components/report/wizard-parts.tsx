import { useTranslation } from "react-i18next";
import { fieldMax, reportSteps, type FieldErrors, type ReportStep } from "~/domain/reports/report-form";
import type { StepValues, WizardNotice } from "~/domain/reports/wizard";

/** Small pieces every report step shares. */

export function NoticeBox({ notice }: { notice: WizardNotice | null }) {
  const { t } = useTranslation("report");
  if (!notice) return null;
  return (
    <div className="notice" role="alert">
      <p>{t(`notices.${notice}`)}</p>
    </div>
  );
}

export { Honeypot } from "~/components/forms";

export function Stepper({ step }: { step: ReportStep }) {
  const { t } = useTranslation("report");
  return <p className="stepper">{t("form.stepOf", { current: reportSteps.indexOf(step) + 1, total: reportSteps.length })}</p>;
}

/** The translated error of a field (told its length limit), or undefined. */
export function useStepErrors(errors: FieldErrors) {
  const { t } = useTranslation("report");
  return (name: string) => (errors[name] ? t(errors[name], { max: fieldMax(name) }) : undefined);
}

export const textOf = (values: StepValues, name: string) => (typeof values[name] === "string" ? (values[name] as string) : "");
export const listOf = (values: StepValues, name: string) => (Array.isArray(values[name]) ? (values[name] as string[]) : []);

/** What every step's fields receive. */
export interface StepProps {
  values: StepValues;
  errors: FieldErrors;
}
