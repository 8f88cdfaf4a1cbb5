import { BUSY_RETRY_SECONDS, SecretCheckBusyError } from "~/domain/auth/passwords.server";
import type { RateLimitResult, RateLimitRule } from "~/domain/auth/rate-limit.server";
import { listNetworksFor, type NetworkChoice } from "~/domain/delivery/networks.server";
import type { ReportConfig, ReportDeps } from "./config.server";
import { draftCookie, receiptCookie } from "./cookies.server";
import { createDraft, readDraft, saveDraft, type Draft } from "./drafts.server";
import { pinOf, submitReport, type Receipt } from "./intake.server";
import {
  firstMissingStep,
  formValues,
  isStep,
  parseStep,
  reportSteps,
  stepFields,
  type CompleteReport,
  type ReportStep,
} from "./report-form";
import { stepUrl, type StepValues, type WizardNotice, type WizardPage, type WizardShown } from "./wizard";

/**
 * The report wizard: six steps kept in an encrypted draft, so the form works without
 * JavaScript. This module holds its rules (robots, fill time, limits, validation, what is kept
 * of raw input); the route only reads the request and writes the response.
 */

export type WizardDeps = ReportDeps &
  Pick<ReportConfig, "draftMinutes" | "minFillSeconds" | "startLimit" | "submitLimit" | "draftSaveLimit">;

/** The request guards the wizard needs (app/http/guards.server.ts counts the limits). */
export interface WizardGuards {
  consume: (rule: RateLimitRule, subject?: string) => Promise<Pick<RateLimitResult, "allowed" | "retryAfterSeconds">>;
}

export interface WizardPost {
  form: FormData;
  /** The honeypot field came back filled (a robot). */
  honeypotFilled: boolean;
  /** When the intro page was shown (a verified form stamp), or null. */
  shownAt: number | null;
  locale: string;
}

export type WizardOutcome =
  | {
      kind: "redirect";
      to: string;
      /** A new draft to remember in the cookie. */
      startedDraft?: string;
      /** The report was sent: forget the draft, show the receipt once. */
      receipt?: Receipt;
      /** Worth a log line (never with content). */
      event?: "honeypot" | "received";
    }
  | { kind: "show"; status: 400 | 429; shown: WizardShown; /** With 429: when to try again. */ retryAfterSeconds?: number };

/** The draft the request's cookie points at, when it still exists. */
export async function draftOf(request: Request, deps: Pick<WizardDeps, "db" | "keyring" | "draftMinutes" | "now">): Promise<Draft | null> {
  const ref = await draftCookie.read(deps.keyring, request);
  return ref ? readDraft(deps, ref.draftId) : null;
}

async function networksFor(deps: Pick<WizardDeps, "db">, draft: Draft, locale: string): Promise<NetworkChoice[]> {
  const category = draft.data.what?.category;
  if (!category) return [];
  return listNetworksFor(deps.db, { category, ...(draft.data.where ? pinOf(draft.data.where) : undefined) }, locale);
}

/** What GET /report shows: the intro, or the requested step (never past the first one missing). */
export async function wizardPage(
  deps: Pick<WizardDeps, "db">,
  draft: Draft | null,
  requested: string | null,
  locale: string,
): Promise<WizardPage> {
  if (!draft || requested === null) {
    return { view: "intro", hasDraft: Boolean(draft), notice: requested !== null && !draft ? "draftGone" : null };
  }
  const missing = firstMissingStep(draft.data);
  let step: ReportStep = isStep(requested) ? requested : missing;
  let notice: WizardNotice | null = null;
  if (reportSteps.indexOf(step) > reportSteps.indexOf(missing)) {
    step = missing;
    notice = "stepMissing";
  }
  return {
    view: "step",
    step,
    notice,
    values: step === "review" ? {} : (draft.raw[step] ?? {}),
    networks: step === "help" || step === "review" ? await networksFor(deps, draft, locale) : [],
    summary: step === "review" ? draft.data : null,
  };
}

const show = (status: 400 | 429, step: ReportStep | null, notice: WizardNotice | null, values: StepValues = {}, errors = {}): WizardOutcome => ({
  kind: "show",
  status,
  shown: { step, errors, values, notice },
});

/** A refusal for being over a limit (or busy): 429, with when to try again. */
const refuse = (retryAfterSeconds: number, step: ReportStep | null, notice: WizardNotice, values: StepValues = {}): WizardOutcome => ({
  kind: "show",
  status: 429,
  shown: { step, errors: {}, values, notice },
  retryAfterSeconds: Math.max(1, Math.ceil(retryAfterSeconds)),
});

/** Handles one POST to /report: start, next, back or send. */
export async function handleWizardPost(
  deps: WizardDeps,
  draft: Draft | null,
  post: WizardPost,
  guards: WizardGuards,
): Promise<WizardOutcome> {
  // Honeypot: people never see this field; robots fill it. Say nothing, keep nothing.
  if (post.honeypotFilled) return { kind: "redirect", to: "/report", event: "honeypot" };

  const intent = post.form.get("intent");
  if (intent === "start") {
    if (draft) return { kind: "redirect", to: stepUrl(firstMissingStep(draft.data)) };
    const limit = await guards.consume(deps.startLimit);
    if (!limit.allowed) return refuse(limit.retryAfterSeconds, null, "rateLimited");
    const created = await createDraft(deps, new Date(post.shownAt ?? Date.now()));
    return { kind: "redirect", to: stepUrl("what"), startedDraft: created.id };
  }

  const step = post.form.get("step");
  if (!draft || !isStep(step)) return { kind: "redirect", to: stepUrl("what") };

  if (step !== "review" && (intent === "next" || intent === "back")) {
    const raw = formValues(post.form, stepFields[step]);
    const limit = await guards.consume(deps.draftSaveLimit, draft.id);
    if (!limit.allowed) return refuse(limit.retryAfterSeconds, step, "saveLimited", raw);
    draft.raw[step] = raw;
    const index = reportSteps.indexOf(step);
    if (intent === "back") {
      await saveDraft(deps, draft);
      return { kind: "redirect", to: stepUrl(reportSteps[Math.max(0, index - 1)]!) };
    }
    const parsed = parseStep(step, raw);
    if (!parsed.ok) {
      await saveDraft(deps, draft);
      return show(400, step, null, raw, parsed.errors);
    }
    (draft.data as Record<string, unknown>)[step] = parsed.value;
    await saveDraft(deps, draft);
    return { kind: "redirect", to: stepUrl(firstMissingStep(draft.data) === "review" ? "review" : reportSteps[index + 1]!) };
  }

  if (step === "review" && intent === "back") return { kind: "redirect", to: stepUrl("contact") };

  if (step === "review" && intent === "send") {
    // Every step again, as the server saw it; anything missing sends the person there.
    for (const s of reportSteps) {
      if (s === "review") continue;
      const parsed = parseStep(s, draft.raw[s] ?? {});
      if (!draft.data[s] || !parsed.ok) return { kind: "redirect", to: stepUrl(s) };
      (draft.data as Record<string, unknown>)[s] = parsed.value;
    }
    if ((deps.now?.() ?? new Date()).getTime() - draft.startedAt.getTime() < deps.minFillSeconds * 1000) {
      return show(400, step, "tooFast");
    }
    const limit = await guards.consume(deps.submitLimit);
    if (!limit.allowed) return refuse(limit.retryAfterSeconds, step, "rateLimited");
    try {
      const receipt = await submitReport(deps, draft.data as CompleteReport, post.locale, { draftId: draft.id });
      return { kind: "redirect", to: "/report/sent", receipt, event: "received" };
    } catch (error) {
      if (error instanceof SecretCheckBusyError) return refuse(BUSY_RETRY_SECONDS, step, "busy");
      throw error;
    }
  }

  return { kind: "redirect", to: stepUrl(step) };
}

/** The Set-Cookie headers a redirect outcome needs. */
export async function wizardCookies(
  request: Request,
  deps: Pick<WizardDeps, "keyring" | "draftMinutes">,
  outcome: Extract<WizardOutcome, { kind: "redirect" }>,
): Promise<Headers> {
  const headers = new Headers();
  if (outcome.startedDraft) {
    headers.append("Set-Cookie", await draftCookie.write(deps.keyring, request, { draftId: outcome.startedDraft }, deps.draftMinutes * 60_000));
  }
  if (outcome.receipt) {
    const { trackingCode, passphrase } = outcome.receipt;
    headers.append("Set-Cookie", await draftCookie.clear(request));
    headers.append("Set-Cookie", await receiptCookie.write(deps.keyring, request, { trackingCode, passphrase }, 15 * 60_000));
  }
  return headers;
}
