import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { endRequestSession } from "~/domain/auth/session.server";
import { GeneralErrorBoundary } from "~/components/errors/general-error-boundary";
import { readForm } from "~/http/form.server";
import { redirectWithFlash } from "~/utils/flash.server";

/** /signout: POST only (GET never changes anything; it just goes to the account page). */
export const loader = () => redirect("/account");

export async function action({ request, context }: ActionFunctionArgs) {
  // Like every action: a body that is not a form is a 415/400, not a sign-out.
  await readForm(request);
  const headers = new Headers({ "Set-Cookie": await endRequestSession(context.db, request) });
  return redirectWithFlash(request, "/", { kind: "info", key: "account:signIn.signedOut" }, { headers });
}

/** Never shown (the loader redirects); it makes a refused body render as a translated page. */
export default function SignOut() {
  return null;
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
