// Names of the hidden fields every public form carries (browser-safe: no server code here).

/** The field people never see and robots fill (see isHoneypotFilled in app/http/guards.server.ts). */
export const HONEYPOT_FIELD = "website";

/** The signed moment a form was shown (see formStamp / readStamp). */
export const STAMP_FIELD = "stamp";
