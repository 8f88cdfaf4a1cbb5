/**
 * Tracking codes and passphrases: easy to read aloud, no characters that look alike
 * (no 0/O, 1/I/L, no U). Shared by server and browser (formatting, input clean-up).
 */
export const CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ";
export const TRACKING_CODE_LENGTH = 12;
export const PASSPHRASE_LENGTH = 16;

/** "K7QXM4RT9WPH" → "K7QX-M4RT-9WPH". */
export function groupInFours(value: string): string {
  return value.match(/.{1,4}/g)?.join("-") ?? value;
}

/** What someone typed → the bare code: upper case, spaces and dashes removed. */
export function normalizeCode(input: string): string {
  return input.toUpperCase().replace(/[\s\-_.]/g, "");
}

export function isTrackingCode(input: string): boolean {
  const code = normalizeCode(input);
  return code.length === TRACKING_CODE_LENGTH && [...code].every((c) => CODE_ALPHABET.includes(c));
}

/** Passphrases are shown in lower case; typing them in any case works. */
export function normalizePassphrase(input: string): string {
  return normalizeCode(input).toLowerCase();
}
