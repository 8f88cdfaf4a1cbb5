import { dictionary } from "@zxcvbn-ts/language-common";

/**
 * The ~49,000 most common passwords of zxcvbn-ts's list (from leaked-password corpora), for
 * NIST SP 800-63B's "compare against commonly used or compromised values". Loaded on first use.
 */
let common: Set<string> | undefined;

export function isCommonPassword(password: string, context: { email?: string } = {}): boolean {
  common ??= new Set(dictionary["passwords-common"] as string[]);
  const lower = password.trim().toLowerCase();
  if (common.has(lower)) return true;
  // The address itself, or its name part, is the first thing anyone guesses.
  const email = context.email?.toLowerCase();
  if (email && (lower === email || lower === email.split("@")[0])) return true;
  // One character over and over ("aaaaaaaa", "11111111").
  return new Set(lower).size <= 2;
}
