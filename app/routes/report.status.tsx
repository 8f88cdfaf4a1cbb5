import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { errorProps, FieldError } from "~/components/report/field-error";
import { z } from "zod";
import { i18nServer } from "~/domain/i18n/i18next.server";
import { readForm } from "~/http/form.server";
import { consumeLimit } from "~/http/guards.server";
import { limits } from "~/domain/reports/report-form";
import { reportConfig } from "~/domain/reports/config.server";
import { accessCookie } from "~/domain/reports/cookies.server";
import { addMessage, getReportView, openReport, ReportClosedError, withdrawReport } from "~/domain/reports/reports.server";
import { StatusTransitionError } from "~/domain/reports/status";
import { redirectWithFlash } from "~/utils/flash.server";
import { pageTitle } from "~/utils/meta";

export const handle = { i18n: ["common", "report"] };
export const headers = () => ({ "Cache-Control": "no-store" });

const ACCESS_MS = 30 * 60_000;

export async function loader({ request, context }: LoaderFunctionArgs) {
  const t = await i18nServer.getFixedT(request, "report");
  const deps = { ...reportConfig(), db: context.db };
  const access = await accessCookie.read(deps.keyring, request);
  const view = access ? await getReportView(deps, access.reportId) : null;
  return data({ title: t("status.title"), view }, { headers: { "Cache-Control": "no-store" } });
}

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => pageTitle(matches, data?.title);

const OpenSchema = z.object({
  code: z.string().trim().min(1, "status.errors.codeRequired").max(40, "status.errors.invalid"),
  passphrase: z.string().trim().min(1, "status.errors.passphraseRequired").max(60, "status.errors.invalid"),
});
const MessageSchema = z.object({
  body: z.string().trim().min(1, "status.errors.messageRequired").max(limits.message, "status.errors.messageTooLong"),
});

type ActionResult = { errors: Record<string, string>; values: Record<string, string> };
const fail = (errors: Record<string, string>, values: Record<string, string>, status = 400) =>
  data<ActionResult>({ errors, values }, { status });

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await readForm(request);
  const intent = form.get("intent");
  const deps = { ...reportConfig(), db: context.db };
  const text = (name: string) => (typeof form.get(name) === "string" ? (form.get(name) as string) : "");

  if (intent === "open") {
    const values = { code: text("code").slice(0, 100) };
    const parsed = OpenSchema.safeParse({ code: text("code"), passphrase: text("passphrase") });
    if (!parsed.success) {
      const errors: Record<string, string> = {};
      for (const issue of parsed.error.issues) errors[String(issue.path[0])] ??= issue.message;
      return fail(errors, values);
    }
    const result = await openReport(deps, { ...parsed.data, clientIp: context.clientIp });
    if (!result.ok) {
      return fail({ form: `status.errors.${result.reason}` }, values, result.reason === "rate_limited" ? 429 : 400);
    }
    return redirect("/report/status", {
      headers: { "Set-Cookie": await accessCookie.write(deps.keyring, request, { reportId: result.reportId }, ACCESS_MS) },
    });
  }

  if (intent === "leave") {
    return redirect("/report/status", { headers: { "Set-Cookie": await accessCookie.clear(request) } });
  }

  const access = await accessCookie.read(deps.keyring, request);
  if (!access) return fail({ form: "status.errors.sessionEnded" }, {}, 401);

  if (intent === "message") {
    const parsed = MessageSchema.safeParse({ body: text("body") });
    if (!parsed.success) return fail({ body: parsed.error.issues[0]?.message ?? "status.errors.messageRequired" }, { body: text("body").slice(0, limits.message * 2) });
    const limit = await consumeLimit(context, deps.messageLimit, access.reportId);
    if (!limit.allowed) return fail({ body: "status.errors.rate_limited" }, { body: parsed.data.body }, 429);
    try {
      await addMessage(deps, access.reportId, "reporter", parsed.data.body);
    } catch (error) {
      if (error instanceof ReportClosedError) return fail({ form: "status.errors.closed" }, {});
      throw error;
    }
    return redirectWithFlash(request, "/report/status", { kind: "success", key: "report:status.messageSent" });
  }

  if (intent === "withdraw") {
    if (text("confirm") !== "yes") return fail({ confirm: "status.errors.confirmRequired" }, {});
    try {
      await withdrawReport(deps, access.reportId);
    } catch (error) {
      if (error instanceof StatusTransitionError) return fail({ form: "status.errors.closed" }, {});
      throw error;
    }
    return redirectWithFlash(request, "/report/status", { kind: "success", key: "report:status.withdrawn" });
  }

  return fail({ form: "status.errors.invalid" }, {});
}

export default function ReportStatusPage() {
  const { view } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t, i18n } = useTranslation("report");
  const busy = useNavigation().state !== "idle";
  const errors = result?.errors ?? {};
  const formatDate = (iso: string) =>
    new Intl.DateTimeFormat(i18n.language, { calendar: "gregory", dateStyle: "medium", timeStyle: "short", timeZone: "Europe/Amsterdam" }).format(new Date(iso));

  if (!view) {
    return (
      <article className="page report-page">
        <h1>{t("status.title")}</h1>
        <p className="lead">{t("status.lead")}</p>
        {errors.form ? (
          <div className="notice" role="alert">
            <p>{t(errors.form)}</p>
          </div>
        ) : null}
        <Form method="post" replace className="report-form" noValidate>
          <div className="field">
            <label htmlFor="code">{t("status.code")}</label>
            <FieldError name="code" errors={errors} />
            <input id="code" name="code" type="text" dir="ltr" autoComplete="off" autoCapitalize="characters" spellCheck={false} defaultValue={result?.values.code ?? ""} {...errorProps("code", errors)} />
          </div>
          <div className="field">
            <label htmlFor="passphrase">{t("status.passphrase")}</label>
            <FieldError name="passphrase" errors={errors} />
            <input id="passphrase" name="passphrase" type="password" dir="ltr" autoComplete="off" spellCheck={false} {...errorProps("passphrase", errors)} />
          </div>
          <button type="submit" name="intent" value="open" className="button" disabled={busy}>
            {t("status.open")}
          </button>
        </Form>
      </article>
    );
  }

  return (
    <article className="page report-page">
      <h1>{t("status.title")}</h1>
      {errors.form ? (
        <div className="notice" role="alert">
          <p>{t(errors.form)}</p>
        </div>
      ) : null}
      <p className="lead">
        {t("status.summary", { category: t(`categories.${view.category}`), date: formatDate(view.sentAt) })}
      </p>
      <p>
        <strong>{t("status.current")}</strong> <span data-testid="current-status">{t(`statuses.${view.status}.title`)}</span>
      </p>
      <h2>{t("status.timeline")}</h2>
      <ol className="timeline">
        {view.timeline.map((entry) => (
          <li key={entry.id}>
            <time dateTime={entry.at}>{formatDate(entry.at)}</time>{" "}
            <strong>
              {entry.kind === "content_erased"
                ? t("statuses.erased.title")
                : t(`statuses.${entry.status}.title`, { network: entry.networkName ?? "" })}
            </strong>
            <span className="timeline-text">
              {entry.kind === "content_erased" ? t("statuses.erased.text") : t(`statuses.${entry.status}.text`, { network: entry.networkName ?? "" })}
            </span>
          </li>
        ))}
      </ol>
      {view.consentedNetworks.length > 0 ? <p>{t("status.consented", { networks: view.consentedNetworks.join(", ") })}</p> : null}

      <h2>{t("status.messages")}</h2>
      {view.messages.length === 0 ? <p>{t("status.noMessages")}</p> : null}
      <ul className="messages">
        {view.messages.map((message) => (
          <li key={message.id} className={`message message-${message.author}`}>
            <p className="message-meta">
              {t(`status.author.${message.author}`)} · <time dateTime={message.at}>{formatDate(message.at)}</time>
            </p>
            <p className="pre-wrap">{message.body ?? t("status.messageErased")}</p>
          </li>
        ))}
      </ul>

      {view.canWrite ? (
        <>
          <Form method="post" replace className="report-form" noValidate>
            <div className="field">
              <label htmlFor="body">{t("status.newMessage")}</label>
              <p className="field-hint" id="body-hint">
                {t("status.newMessageHint")}
              </p>
              {errors.body ? (
                <p className="field-error" id="body-error">
                  {t(errors.body, { max: limits.message })}
                </p>
              ) : null}
              <textarea id="body" name="body" rows={5} defaultValue={result?.values.body ?? ""} aria-invalid={errors.body ? true : undefined} aria-describedby={errors.body ? "body-error body-hint" : "body-hint"} />
            </div>
            <button type="submit" name="intent" value="message" className="button" disabled={busy}>
              {t("status.send")}
            </button>
          </Form>

          <h2>{t("status.withdrawTitle")}</h2>
          <p>{t("status.withdrawText")}</p>
          <Form method="post" replace className="report-form" noValidate>
            {errors.confirm ? (
              <p className="field-error" id="confirm-error">
                {t(errors.confirm)}
              </p>
            ) : null}
            <label className="choice">
              <input type="checkbox" name="confirm" value="yes" aria-describedby={errors.confirm ? "confirm-error" : undefined} />
              {t("status.withdrawConfirm")}
            </label>
            <button type="submit" name="intent" value="withdraw" className="button button-secondary" disabled={busy}>
              {t("status.withdraw")}
            </button>
          </Form>
        </>
      ) : (
        <p>{view.status === "withdrawn" ? t("status.withdrawnText") : t("status.closedText")}</p>
      )}
      <Form method="post" replace className="report-leave">
        <button type="submit" name="intent" value="leave" className="button button-secondary">
          {t("status.leave")}
        </button>
      </Form>
    </article>
  );
}
