import type { LoaderFunctionArgs } from "@remix-run/node";
import { exportAccount } from "~/domain/auth/accounts.server";
import { requirePermission } from "~/http/guards.server";

/** /account/data.json: everything Samen keeps about my account, as a download. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requirePermission(request, context, "account:use");
  const body = await exportAccount(context.db, user.id);
  if (!body) throw new Response("Not found", { status: 404 });
  return new Response(JSON.stringify(body, null, 2), {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": 'attachment; filename="samen-my-data.json"',
      "Cache-Control": "private, no-store",
    },
  });
}
