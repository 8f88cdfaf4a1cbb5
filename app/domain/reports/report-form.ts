import { z } from "zod";
import { reportCategories, reportPlaceKinds } from "./vocabulary";

/**
 * The report form, one zod schema per step. Shared by server and browser: the server always
 * validates; error messages are translation keys in the "report" namespace.
 */
export const reportSteps = ["what", "where", "who", "help", "contact", "review"] as const;
export type ReportStep = (typeof reportSteps)[number];

export const limits = {
  description: 5000,
  place: 300,
  short: 200,
  email: 254,
  phone: 30,
  message: 3000,
} as const;

export const affectedOptions = ["me", "someone", "witness"] as const;
export const targetOptions = [
  "origin",
  "religion",
  "nationality",
  "language",
  "gender",
  "sexual_orientation",
  "disability",
  "other",
] as const;
export const helpOptions = ["record", "talk", "legal", "police", "network"] as const;
export const contactMethods = ["none", "email", "phone"] as const;

const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max, "errors.tooLong")
    // eslint-disable-next-line no-control-regex -- refusing control characters is the point
    .refine((value) => !/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/.test(value), "errors.invalidCharacters");
const optionalText = (max: number) => text(max).optional().default("");
const checkbox = z
  .union([z.literal("on"), z.literal("true"), z.literal("")])
  .optional()
  .transform((value) => value === "on" || value === "true");
const list = <T extends readonly [string, ...string[]]>(options: T) =>
  z.array(z.enum(options, { error: "errors.choice" })).max(options.length).default([]);

export const WhatStepSchema = z.object({
  category: z.enum(reportCategories, { error: "errors.categoryRequired" }),
  description: text(limits.description).min(1, "errors.descriptionRequired"),
});

function isRealDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

const coordinate = (min: number, max: number) =>
  z
    .string()
    .trim()
    .optional()
    .default("")
    .refine((value) => value === "" || (/^-?\d{1,3}(\.\d{1,10})?$/.test(value) && Number(value) >= min && Number(value) <= max), "errors.pinInvalid");

export const WhereStepSchema = z
  .object({
    date: z.string().trim().max(10, "errors.dateInvalid").optional().default(""),
    time: z
      .string()
      .trim()
      .optional()
      .default("")
      .refine((value) => value === "" || /^([01]\d|2[0-3]):[0-5]\d$/.test(value), "errors.timeInvalid"),
    ongoing: checkbox,
    placeKind: z.enum(reportPlaceKinds, { error: "errors.placeKindRequired" }),
    place: optionalText(limits.place),
    lat: coordinate(-90, 90),
    lng: coordinate(-180, 180),
  })
  .superRefine((value, ctx) => {
    if (value.date === "" && !value.ongoing) {
      ctx.addIssue({ code: "custom", path: ["date"], message: "errors.dateRequired" });
    } else if (value.date !== "") {
      if (!isRealDate(value.date)) {
        ctx.addIssue({ code: "custom", path: ["date"], message: "errors.dateInvalid" });
      } else {
        const day = Date.parse(`${value.date}T00:00:00Z`);
        if (day > Date.now() + 36 * 3600_000) {
          ctx.addIssue({ code: "custom", path: ["date"], message: "errors.dateFuture" });
        } else if (day < Date.parse("1990-01-01T00:00:00Z")) {
          ctx.addIssue({ code: "custom", path: ["date"], message: "errors.dateInvalid" });
        }
      }
    }
    if ((value.lat === "") !== (value.lng === "")) {
      ctx.addIssue({ code: "custom", path: ["lat"], message: "errors.pinInvalid" });
    }
    if (value.placeKind === "place" && value.place === "" && value.lat === "") {
      ctx.addIssue({ code: "custom", path: ["place"], message: "errors.placeRequired" });
    }
  });

export const WhoStepSchema = z.object({
  affected: z.enum(affectedOptions, { error: "errors.affectedRequired" }),
  targets: list(targetOptions),
  targetOther: optionalText(limits.short),
});

export const HelpStepSchema = z.object({
  help: list(helpOptions).refine((value) => value.length > 0, "errors.helpRequired"),
  networks: z.array(z.string().max(64)).max(20).default([]),
});

export const ContactStepSchema = z
  .object({
    contactMethod: z.enum(contactMethods, { error: "errors.choice" }).default("none"),
    email: optionalText(limits.email),
    phone: optionalText(limits.phone),
    contactLanguage: optionalText(limits.short),
    contactTimes: optionalText(limits.short),
    voicemail: checkbox,
  })
  .superRefine((value, ctx) => {
    if (value.contactMethod === "email" && !z.email().safeParse(value.email).success) {
      ctx.addIssue({ code: "custom", path: ["email"], message: value.email ? "errors.emailInvalid" : "errors.emailRequired" });
    }
    if (value.contactMethod === "phone" && !/^\+?[0-9 ()-]{6,30}$/.test(value.phone)) {
      ctx.addIssue({ code: "custom", path: ["phone"], message: value.phone ? "errors.phoneInvalid" : "errors.phoneRequired" });
    }
  });

export const stepSchemas = {
  what: WhatStepSchema,
  where: WhereStepSchema,
  who: WhoStepSchema,
  help: HelpStepSchema,
  contact: ContactStepSchema,
} as const;

export type WhatStep = z.infer<typeof WhatStepSchema>;
export type WhereStep = z.infer<typeof WhereStepSchema>;
export type WhoStep = z.infer<typeof WhoStepSchema>;
export type HelpStep = z.infer<typeof HelpStepSchema>;
export type ContactStep = z.infer<typeof ContactStepSchema>;

/** Everything typed so far: each completed step's parsed values, plus raw input of the current one. */
export interface ReportDraftData {
  what?: WhatStep;
  where?: WhereStep;
  who?: WhoStep;
  help?: HelpStep;
  contact?: ContactStep;
}

/** The complete, validated report, ready to send. */
export type CompleteReport = Required<ReportDraftData>;

export const arrayFields = new Set(["targets", "help", "networks"]);

/** The length limit of a text field, for its error message ("at most {{max}} characters"). */
export function fieldMax(name: string): number {
  switch (name) {
    case "description":
      return limits.description;
    case "place":
      return limits.place;
    case "email":
      return limits.email;
    case "phone":
      return limits.phone;
    default:
      return limits.short;
  }
}

const textFields = new Set(["description", "place", "targetOther", "email", "phone", "contactLanguage", "contactTimes"]);
/** Choices, dates, times, coordinates and checkboxes are short; anything longer is not a real value. */
const RAW_SHORT = 64;
const RAW_LIST = 20;

/**
 * How much of a field's raw input is kept (in the draft, and shown back): twice a text field's
 * limit, so a person who typed too much still sees their text and can shorten it, and
 * {@link RAW_SHORT} characters of anything else.
 */
export function rawLimit(field: string): number {
  return textFields.has(field) ? fieldMax(field) * 2 : RAW_SHORT;
}

/** The first `max` UTF-16 units of `value`, without splitting a character in two. */
function cut(value: string, max: number): string {
  if (value.length <= max) return value;
  const end = /[\uD800-\uDBFF]/.test(value[max - 1] ?? "") ? max - 1 : max;
  return value.slice(0, end);
}

/**
 * FormData → plain object for a step schema (checkbox groups become arrays). Only the step's
 * own fields are read, and each is cut to its raw limit, so whatever was posted, a draft
 * holds at most a few kilobytes per step.
 */
export function formValues(form: FormData, fields: readonly string[]): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const field of fields) {
    if (arrayFields.has(field)) {
      out[field] = form
        .getAll(field)
        .filter((v): v is string => typeof v === "string")
        .slice(0, RAW_LIST)
        .map((v) => cut(v, RAW_SHORT));
    } else {
      const value = form.get(field);
      if (typeof value === "string") out[field] = cut(value, rawLimit(field));
    }
  }
  return out;
}

export const stepFields: Record<Exclude<ReportStep, "review">, readonly string[]> = {
  what: ["category", "description"],
  where: ["date", "time", "ongoing", "placeKind", "place", "lat", "lng"],
  who: ["affected", "targets", "targetOther"],
  help: ["help", "networks"],
  contact: ["contactMethod", "email", "phone", "contactLanguage", "contactTimes", "voicemail"],
};

export type FieldErrors = Record<string, string>;

/** Validates one step: the parsed value, or field errors (translation keys). */
export function parseStep<S extends Exclude<ReportStep, "review">>(
  step: S,
  input: Record<string, unknown>,
): { ok: true; value: NonNullable<ReportDraftData[S]> } | { ok: false; errors: FieldErrors } {
  const result = stepSchemas[step].safeParse(input);
  if (result.success) return { ok: true, value: result.data as NonNullable<ReportDraftData[S]> };
  const errors: FieldErrors = {};
  for (const issue of result.error.issues) {
    const field = String(issue.path[0] ?? "form");
    errors[field] ??= issue.message.startsWith("errors.") ? issue.message : "errors.choice";
  }
  return { ok: false, errors };
}

/** The first step that is not done yet, or "review" when all are. */
export function firstMissingStep(draft: ReportDraftData): ReportStep {
  for (const step of reportSteps) {
    if (step !== "review" && !draft[step]) return step;
  }
  return "review";
}

export function isStep(value: unknown): value is ReportStep {
  return typeof value === "string" && (reportSteps as readonly string[]).includes(value);
}
