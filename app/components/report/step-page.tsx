import { Form, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { NetworkChoice } from "~/domain/delivery/networks.server";
import type { FieldErrors, ReportDraftData, ReportStep } from "~/domain/reports/report-form";
import type { StepValues, WizardNotice } from "~/domain/reports/wizard";
import { ContactStep } from "./contact-step";
import { HelpStep } from "./help-step";
import { ReviewStep } from "./review-step";
import { WhatStep } from "./what-step";
import { WhereStep } from "./where-step";
import { WhoStep } from "./who-step";
import { Honeypot, NoticeBox, Stepper } from "./wizard-parts";

export interface StepPageProps {
  step: ReportStep;
  values: StepValues;
  errors: FieldErrors;
  notice: WizardNotice | null;
  networks: NetworkChoice[];
  summary: ReportDraftData | null;
}

/** One step of the report: heading, notices, the step's fields, and Next/Back (or Send). */
export function StepPage({ step, values, errors, notice, networks, summary }: StepPageProps) {
  const { t } = useTranslation("report");
  const busy = useNavigation().state !== "idle";
  const hasErrors = Object.keys(errors).length > 0;
  return (
    <article className="page report-page">
      <Stepper step={step} />
      <h1>{t(`steps.${step}`)}</h1>
      <NoticeBox notice={notice} />
      {hasErrors ? (
        <div className="notice" role="alert">
          <p>{t("form.fixErrors")}</p>
        </div>
      ) : null}
      <Form method="post" action={`/report?index&step=${step}`} replace noValidate className="report-form">
        <input type="hidden" name="step" value={step} />
        <Honeypot />
        {step === "what" ? <WhatStep values={values} errors={errors} /> : null}
        {step === "where" ? <WhereStep values={values} errors={errors} /> : null}
        {step === "who" ? <WhoStep values={values} errors={errors} /> : null}
        {step === "help" ? <HelpStep values={values} errors={errors} networks={networks} /> : null}
        {step === "contact" ? <ContactStep values={values} errors={errors} /> : null}
        {step === "review" && summary ? <ReviewStep summary={summary} networks={networks} /> : null}
        <div className="button-row">
          {step === "review" ? (
            <button type="submit" name="intent" value="send" className="button" disabled={busy}>
              {t("form.send")}
            </button>
          ) : (
            <button type="submit" name="intent" value="next" className="button" disabled={busy}>
              {t("form.next")}
            </button>
          )}
          {step !== "what" ? (
            <button type="submit" name="intent" value="back" className="button button-secondary" formNoValidate disabled={busy}>
              {t("form.back")}
            </button>
          ) : null}
        </div>
      </Form>
    </article>
  );
}
