import type { RateLimitRule } from "./rate-limit.server";
import { getEnv } from "~/utils/env.server";

const MINUTE = 60_000;

/**
 * The account limits, counted in the database (shared by every app process). Per account:
 * 10 sign-in attempts per 15 minutes, whatever the address (the 11th is refused: a guessing
 * run against one account gets nowhere, even from many addresses). Per client address:
 * ACCOUNT_IP_LIMIT sign-ins per 15 minutes, a third of that in sign-ups and reset links per hour.
 */
export function accountLimits(env = getEnv()) {
  const perHour = Math.max(1, Math.ceil(env.ACCOUNT_IP_LIMIT / 3));
  return {
    signInAccount: { scope: "signin-account", limit: 10, windowMs: 15 * MINUTE },
    signInClient: { scope: "signin-client", limit: env.ACCOUNT_IP_LIMIT, windowMs: 15 * MINUTE },
    signUpClient: { scope: "signup-client", limit: perHour, windowMs: 60 * MINUTE },
    resetClient: { scope: "reset-client", limit: perHour, windowMs: 60 * MINUTE },
    resetAccount: { scope: "reset-account", limit: 3, windowMs: 60 * MINUTE },
    secondFactor: { scope: "second-factor", limit: 10, windowMs: 15 * MINUTE },
    passwordCheck: { scope: "password-check", limit: 10, windowMs: 15 * MINUTE },
  } satisfies Record<string, RateLimitRule>;
}
