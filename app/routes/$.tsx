import type { MetaFunction } from "@remix-run/node";
import { GeneralErrorBoundary } from "~/components/errors/general-error-boundary";
import { pageTitle, rootTitles } from "~/utils/meta";

// Any URL no other route claims: a translated 404 with the right status code.
export async function loader() {
  throw new Response("Not found", { status: 404 });
}

export const meta: MetaFunction = ({ matches }) =>
  pageTitle(matches, rootTitles(matches)?.notFound);

export default function NotFound() {
  return null;
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
