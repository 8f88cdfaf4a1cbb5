import { Form, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CheckboxField, TextareaField } from "~/components/forms";
import { limits } from "~/domain/reports/report-form";
import type { ReportView } from "~/domain/reports/views";
import { FormNotice } from "./status-sign-in";

/** Dates: whole days are stored in UTC (shown as that day); exact times in the town's zone. */
function useDates() {
  const { i18n } = useTranslation("report");
  const day = new Intl.DateTimeFormat(i18n.language, { calendar: "gregory", dateStyle: "medium", timeZone: "UTC" });
  const moment = new Intl.DateTimeFormat(i18n.language, {
    calendar: "gregory",
    dateStyle: "medium",
    timeStyle: "short",
    timeZone: "Europe/Amsterdam",
  });
  return { day: (iso: string) => day.format(new Date(iso)), moment: (iso: string) => moment.format(new Date(iso)) };
}

/** The opened report: status, timeline, messages, and (while open) a message form and withdrawal. */
export function StatusView({ view, errors, values }: { view: ReportView; errors: Record<string, string>; values: Record<string, string> }) {
  const { t } = useTranslation("report");
  const busy = useNavigation().state !== "idle";
  const dates = useDates();
  return (
    <article className="page report-page">
      <h1>{t("status.title")}</h1>
      <FormNotice error={errors.form} />
      <p className="lead">{t("status.summary", { category: t(`categories.${view.category}`), date: dates.day(view.sentDay) })}</p>
      <p>
        <strong>{t("status.current")}</strong> <span data-testid="current-status">{t(`statuses.${view.status}.title`)}</span>
      </p>
      <h2>{t("status.timeline")}</h2>
      <ol className="timeline">
        {view.timeline.map((entry) => {
          const key = entry.kind === "content_erased" ? "erased" : entry.status;
          return (
            <li key={entry.id}>
              <time dateTime={entry.day.slice(0, 10)}>{dates.day(entry.day)}</time>{" "}
              <strong>{t(`statuses.${key}.title`, { network: entry.networkName ?? "" })}</strong>
              <span className="timeline-text">{t(`statuses.${key}.text`, { network: entry.networkName ?? "" })}</span>
            </li>
          );
        })}
      </ol>
      {view.consentedNetworks.length > 0 ? <p>{t("status.consented", { networks: view.consentedNetworks.join(", ") })}</p> : null}

      <h2>{t("status.messages")}</h2>
      {view.messages.length === 0 ? <p>{t("status.noMessages")}</p> : null}
      <ul className="messages">
        {view.messages.map((message) => (
          <li key={message.id} className={`message message-${message.author}`}>
            <p className="message-meta">
              {t(`status.author.${message.author}`)} ·{" "}
              <time dateTime={message.exact ? message.at : message.at.slice(0, 10)}>
                {message.exact ? dates.moment(message.at) : dates.day(message.at)}
              </time>
            </p>
            <p className="pre-wrap">{message.body ?? t("status.messageErased")}</p>
          </li>
        ))}
      </ul>

      {view.canWrite ? (
        <>
          <Form method="post" replace className="report-form" noValidate>
            <TextareaField
              name="body"
              label={t("status.newMessage")}
              hint={t("status.newMessageHint")}
              error={errors.body ? t(errors.body, { max: limits.message }) : undefined}
              textarea={{ rows: 5, maxLength: limits.message * 2, defaultValue: values.body ?? "" }}
            />
            <button type="submit" name="intent" value="message" className="button" disabled={busy}>
              {t("status.send")}
            </button>
          </Form>

          <h2>{t("status.withdrawTitle")}</h2>
          <p>{t("status.withdrawText")}</p>
          <Form method="post" replace className="report-form" noValidate>
            <CheckboxField name="confirm" value="yes" label={t("status.withdrawConfirm")} error={errors.confirm ? t(errors.confirm) : undefined} />
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
