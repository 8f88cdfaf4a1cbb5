import type { NetworkChoice } from "~/domain/delivery/networks.server";
import type { FieldErrors, ReportDraftData, ReportStep } from "./report-form";

/**
 * The report wizard's view shapes, shared by the server (app/domain/reports/wizard.server.ts)
 * and the step views (app/components/report/). No server code here.
 */

/** Raw input of one step as typed (checkbox groups as arrays). */
export type StepValues = Record<string, string | string[]>;

/** A calm note above the form (translation key `notices.<notice>` in the report namespace). */
export type WizardNotice = "draftGone" | "stepMissing" | "tooFast" | "rateLimited" | "saveLimited" | "busy";

export type WizardPage =
  | { view: "intro"; hasDraft: boolean; notice: WizardNotice | null }
  | {
      view: "step";
      step: ReportStep;
      notice: WizardNotice | null;
      values: StepValues;
      /** The networks to offer (help step) or that were offered (review). */
      networks: NetworkChoice[];
      /** Everything validated so far, on the review step. */
      summary: ReportDraftData | null;
    };

/** What a refused post shows again: the step with its errors and the input as typed. */
export interface WizardShown {
  step: ReportStep | null;
  errors: FieldErrors;
  values: StepValues;
  notice: WizardNotice | null;
}

export const stepUrl = (step: ReportStep) => `/report?step=${step}`;
