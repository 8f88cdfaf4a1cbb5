import { redirect, type LoaderFunctionArgs } from "@remix-run/node";
import { revokeReportAccess } from "~/domain/reports/access.server";
import { reportConfig } from "~/domain/reports/config.server";
import { draftCookie } from "~/domain/reports/cookies.server";
import { deleteDraft } from "~/domain/reports/drafts.server";

/**
 * Quick exit: forgets the draft and ends the status-page session on this device (on the
 * server too), then sends the browser to a neutral site (QUICK_EXIT_URL). A GET, so a plain
 * link works without JavaScript.
 */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const deps = { ...reportConfig(), db: context.db };
  const draft = await draftCookie.read(deps.keyring, request);
  if (draft) await deleteDraft(deps.db, draft.draftId);
  const headers = new Headers({ "Cache-Control": "no-store", "Referrer-Policy": "no-referrer" });
  headers.append("Set-Cookie", await draftCookie.clear(request));
  headers.append("Set-Cookie", await revokeReportAccess(request, deps.db));
  return redirect(deps.quickExitUrl, { headers });
}
