import { data } from "@remix-run/node";
import type { RateLimitResult } from "~/domain/auth/rate-limit.server";
import { BUSY_RETRY_SECONDS } from "~/domain/auth/passwords.server";
import { retryAfter, retryMinutes } from "./guards.server";

/**
 * The answers of a form action that did not succeed: field errors (translation keys) with what
 * was typed, so the page shows both (400), and "too many tries, try again in N minutes" (429,
 * with Retry-After). Passwords are never sent back.
 */
export interface FormFailure {
  errors: Record<string, string>;
  values: Record<string, string>;
  minutes?: number;
}

export function invalid(errors: Record<string, string>, values: Record<string, string> = {}, status = 400) {
  return data<FormFailure>({ errors, values }, { status, headers: { "Cache-Control": "no-store" } });
}

export function tooMany(limit: Pick<RateLimitResult, "retryAfterSeconds">, values: Record<string, string> = {}, key = "errors.rateLimited") {
  return data<FormFailure>(
    { errors: { form: key }, values, minutes: retryMinutes(limit) },
    { status: 429, headers: { ...retryAfter(limit.retryAfterSeconds), "Cache-Control": "no-store" } },
  );
}

/** A string field of a form ("" when absent or a file), cut to `max` characters. */
export function textField(form: FormData, name: string, max = 1000): string {
  const value = form.get(name);
  return typeof value === "string" ? value.slice(0, max) : "";
}

/** "Many people are signing in right now, try again in a moment" (the password-check queue was full). */
export function busy(values: Record<string, string> = {}) {
  return data<FormFailure>(
    { errors: { form: "errors.busy" }, values },
    { status: 429, headers: { ...retryAfter(BUSY_RETRY_SECONDS), "Cache-Control": "no-store" } },
  );
}
