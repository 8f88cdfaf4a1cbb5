import { z } from "zod";
import { limits } from "./report-form";

/**
 * The status page's forms (shared by server and browser; messages are translation keys in the
 * "report" namespace).
 */
export const StatusOpenSchema = z.object({
  code: z.string().trim().min(1, "status.errors.codeRequired").max(40, "status.errors.invalid"),
  passphrase: z.string().trim().min(1, "status.errors.passphraseRequired").max(60, "status.errors.invalid"),
});

export const StatusMessageSchema = z.object({
  body: z.string().trim().min(1, "status.errors.messageRequired").max(limits.message, "status.errors.messageTooLong"),
});

/** Field errors (translation keys) of a failed parse, one per field. */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of error.issues) errors[String(issue.path[0] ?? "form")] ??= issue.message;
  return errors;
}
