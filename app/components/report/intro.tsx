import { Form, Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { WizardNotice } from "~/domain/reports/wizard";
import { STAMP_FIELD } from "~/utils/forms";
import { Honeypot, NoticeBox } from "./wizard-parts";

/** The first page of /report: who reads a report, what happens next, and "start". */
export function ReportIntro({ stamp, hasDraft, notice }: { stamp: string; hasDraft: boolean; notice: WizardNotice | null }) {
  const { t } = useTranslation("report");
  return (
    <article className="page prose report-page">
      <h1>{t("intro.title")}</h1>
      <NoticeBox notice={notice} />
      <p className="lead">{t("intro.lead")}</p>
      <h2>{t("intro.whoTitle")}</h2>
      <p>{t("intro.who")}</p>
      <h2>{t("intro.nextTitle")}</h2>
      <ul>
        <li>{t("intro.nextRecord")}</li>
        <li>{t("intro.nextConsent")}</li>
        <li>{t("intro.nextAnonymous")}</li>
        <li>{t("intro.nextTime")}</li>
      </ul>
      <p>{t("intro.steps")}</p>
      <Form method="post" action="/report?index" replace className="report-start">
        <input type="hidden" name={STAMP_FIELD} value={stamp} />
        <Honeypot />
        <button type="submit" name="intent" value="start" className="button">
          {hasDraft ? t("intro.continue") : t("intro.start")}
        </button>
      </Form>
      <p>
        <Link to="/report/status">{t("intro.haveCode")}</Link>
      </p>
    </article>
  );
}
