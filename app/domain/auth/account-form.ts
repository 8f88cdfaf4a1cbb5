import { z } from "zod";

/**
 * The account forms (shared by server and browser). Messages are translation keys in the
 * "account" namespace. Passwords follow NIST SP 800-63B: at least 8 characters, long
 * passphrases welcome (up to 200), no composition rules; the server also refuses the most
 * common passwords (common-passwords.server.ts).
 */
export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 200;

export const accountLimits = { email: 254, displayName: 60, password: PASSWORD_MAX } as const;

const email = z
  .string()
  .trim()
  .min(1, "errors.emailRequired")
  .max(accountLimits.email, "errors.emailInvalid")
  .pipe(z.email("errors.emailInvalid"))
  .transform((value) => value.toLowerCase());

export const NewPasswordSchema = z
  .string()
  .min(1, "errors.passwordRequired")
  .refine((value) => [...value].length >= PASSWORD_MIN, "errors.passwordTooShort")
  .refine((value) => value.length <= PASSWORD_MAX, "errors.passwordTooLong");

const currentPassword = z.string().min(1, "errors.passwordRequired").max(PASSWORD_MAX * 4, "errors.signInFailed");

export const SignUpSchema = z.object({
  email,
  displayName: z
    .string()
    .trim()
    .max(accountLimits.displayName, "errors.displayNameTooLong")
    .transform((value) => value || null),
  password: NewPasswordSchema,
  /** Only these two can be chosen; moderators and admins are made by an admin. */
  purpose: z.enum(["newcomer", "organiser"], "errors.invalid").default("newcomer"),
  terms: z.literal("yes", "errors.privacyRequired"),
});

export const SignInSchema = z.object({ email, password: currentPassword });
export const EmailSchema = z.object({ email });
export const ResetPasswordSchema = z.object({ token: z.string().min(1).max(100), password: NewPasswordSchema });
export const ChangePasswordSchema = z.object({ currentPassword, password: NewPasswordSchema });
export const ConfirmPasswordSchema = z.object({ currentPassword });
export const CodeSchema = z.object({
  code: z
    .string()
    .transform((value) => value.replace(/[\s-]/g, ""))
    .pipe(z.string().min(1, "errors.codeRequired").max(20, "errors.codeInvalid")),
});

/** Field errors (translation keys) of a failed parse, one per field. */
export function accountFieldErrors(error: z.ZodError): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of error.issues) errors[String(issue.path[0] ?? "form")] ??= issue.message;
  return errors;
}
