import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { StatusSignIn } from "~/components/report/status-sign-in";
import { StatusView } from "~/components/report/status-view";
import { i18nServer } from "~/domain/i18n/i18next.server";
import { BUSY_RETRY_SECONDS } from "~/domain/auth/passwords.server";
import { grantReportAccess, openReport, revokeReportAccess } from "~/domain/reports/access.server";
import { accessCookie } from "~/domain/reports/cookies.server";
import { reportConfig } from "~/domain/reports/config.server";
import { limits } from "~/domain/reports/report-form";
import { StatusTransitionError } from "~/domain/reports/status";
import { fieldErrors, StatusMessageSchema, StatusOpenSchema } from "~/domain/reports/status-form";
import { addMessage, getReportView, ReportClosedError, withdrawReport } from "~/domain/reports/status.server";
import { readForm } from "~/http/form.server";
import { consumeLimit, getReportAccess, retryAfter } from "~/http/guards.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { pageTitle } from "~/utils/meta";

/** /report/status: open a report with its code and passphrase; timeline, messages, withdraw. */
export const handle = { i18n: ["common", "report"] };
export const headers = () => ({ "Cache-Control": "no-store" });

export async function loader({ request, context }: LoaderFunctionArgs) {
  const t = await i18nServer.getFixedT(request, "report");
  const access = await getReportAccess(request, context);
  const view = access.reportId ? await getReportView({ ...reportConfig(), db: context.db }, access.reportId) : null;
  const headers = new Headers({ "Cache-Control": "no-store" });
  // A cookie whose session has ended (left, withdrawn, expired): forget it and say so gently.
  if (access.ended) headers.append("Set-Cookie", await accessCookie.clear(request));
  return data({ title: t("status.title"), view, ended: access.ended }, { headers });
}

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => pageTitle(matches, data?.title);

type ActionResult = { errors: Record<string, string>; values: Record<string, string> };
const fail = (errors: Record<string, string>, values: Record<string, string>, status = 400, headers?: HeadersInit) =>
  data<ActionResult>({ errors, values }, { status, headers });

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await readForm(request);
  const intent = form.get("intent");
  const deps = { ...reportConfig(), db: context.db };
  const text = (name: string) => {
    const value = form.get(name);
    return typeof value === "string" ? value : "";
  };

  if (intent === "open") {
    const values = { code: text("code").slice(0, 100) };
    const parsed = StatusOpenSchema.safeParse({ code: text("code"), passphrase: text("passphrase") });
    if (!parsed.success) return fail(fieldErrors(parsed.error), values);
    const limit = await consumeLimit(context, deps.loginLimit);
    if (!limit.allowed) return fail({ form: "status.errors.rate_limited" }, values, 429, retryAfter(limit.retryAfterSeconds));
    const result = await openReport(deps, parsed.data);
    if (!result.ok) {
      if (result.reason === "busy") return fail({ form: "status.errors.busy" }, values, 429, retryAfter(BUSY_RETRY_SECONDS));
      return fail({ form: `status.errors.${result.reason}` }, values);
    }
    return redirect("/report/status", { headers: { "Set-Cookie": await grantReportAccess(request, deps, result.reportId) } });
  }

  if (intent === "leave") {
    return redirect("/report/status", { headers: { "Set-Cookie": await revokeReportAccess(request, context.db) } });
  }

  const { reportId } = await getReportAccess(request, context);
  if (!reportId) return fail({ form: "status.errors.sessionEnded" }, {}, 401);

  if (intent === "message") {
    const typed = { body: text("body").slice(0, limits.message * 2) };
    const parsed = StatusMessageSchema.safeParse({ body: text("body") });
    if (!parsed.success) return fail(fieldErrors(parsed.error), typed);
    const limit = await consumeLimit(context, deps.messageLimit, reportId);
    if (!limit.allowed) return fail({ body: "status.errors.rate_limited" }, typed, 429, retryAfter(limit.retryAfterSeconds));
    try {
      await addMessage(deps, reportId, "reporter", parsed.data.body);
    } catch (error) {
      if (error instanceof ReportClosedError) return fail({ form: "status.errors.closed" }, {});
      throw error;
    }
    return redirectWithFlash(request, "/report/status", { kind: "success", key: "report:status.messageSent" });
  }

  if (intent === "withdraw") {
    if (text("confirm") !== "yes") return fail({ confirm: "status.errors.confirmRequired" }, {});
    try {
      await withdrawReport(deps, reportId);
    } catch (error) {
      if (error instanceof StatusTransitionError) return fail({ form: "status.errors.closed" }, {});
      throw error;
    }
    // The withdrawal ended every session of this report, this one too: the page shows the sign-in again.
    return redirectWithFlash(
      request,
      "/report/status",
      { kind: "success", key: "report:status.withdrawn" },
      { headers: { "Set-Cookie": await accessCookie.clear(request) } },
    );
  }

  return fail({ form: "status.errors.invalid" }, {});
}

export default function ReportStatusPage() {
  const { view, ended } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = result?.errors ?? (ended ? { form: "status.errors.sessionEnded" } : {});
  return view ? (
    <StatusView view={view} errors={errors} values={result?.values ?? {}} />
  ) : (
    <StatusSignIn errors={errors} code={result?.values.code ?? ""} />
  );
}
