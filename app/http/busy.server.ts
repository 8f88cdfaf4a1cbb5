import { SecretCheckBusyError } from "~/domain/auth/passwords.server";

export { BUSY_RETRY_SECONDS } from "~/domain/auth/passwords.server";

/**
 * "Busy, try again in a moment" for work the server refuses under load (the bounded queue of
 * passphrase checks, decision 013). A route should catch SecretCheckBusyError and answer 429
 * with its own words; when one escapes a route anyway, Remix's handleError marks the request
 * here and the HTTP server answers 429 with Retry-After instead of 500: being busy is not a
 * server fault, and the person should simply try again.
 */
const busy = new WeakSet<object>();

/** Called from handleError: remembers that this request failed only because the server was busy (and says so). */
export function noteIfBusy(error: unknown, context: object | undefined): boolean {
  if (!(error instanceof SecretCheckBusyError)) return false;
  if (context) busy.add(context);
  return true;
}

/** True when the request's only failure was a busy refusal. */
export function wasBusy(context: object): boolean {
  return busy.has(context);
}
