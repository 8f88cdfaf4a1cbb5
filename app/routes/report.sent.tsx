import { data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { i18nServer } from "~/domain/i18n/i18next.server";
import { reportConfig } from "~/domain/reports/config.server";
import { receiptCookie } from "~/domain/reports/cookies.server";
import { pageTitle } from "~/utils/meta";

export const handle = { i18n: ["common", "report"] };
export const headers = () => ({ "Cache-Control": "no-store" });

/** Shows the tracking code and passphrase exactly once: the receipt cookie is cleared right away. */
export async function loader({ request }: LoaderFunctionArgs) {
  const t = await i18nServer.getFixedT(request, "report");
  const { keyring } = reportConfig();
  const receipt = await receiptCookie.read(keyring, request);
  return data(
    { title: t("sent.title"), receipt: receipt ? { trackingCode: receipt.trackingCode, passphrase: receipt.passphrase } : null },
    { headers: { "Set-Cookie": await receiptCookie.clear(request), "Cache-Control": "no-store" } },
  );
}

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => pageTitle(matches, data?.title);

export default function ReportSent() {
  const { receipt } = useLoaderData<typeof loader>();
  const { t } = useTranslation("report");
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  if (!receipt) {
    return (
      <article className="page prose report-page">
        <h1>{t("sent.goneTitle")}</h1>
        <p>{t("sent.gone")}</p>
        <p>
          <Link to="/report/status">{t("sent.toStatus")}</Link>
        </p>
      </article>
    );
  }
  const fileText = `${t("sent.code")}: ${receipt.trackingCode}\n${t("sent.passphrase")}: ${receipt.passphrase}\n`;
  return (
    <article className="page prose report-page">
      <h1>{t("sent.title")}</h1>
      <p className="lead">{t("sent.lead")}</p>
      <dl className="receipt">
        <div>
          <dt>{t("sent.code")}</dt>
          <dd dir="ltr" className="receipt-value" data-testid="tracking-code">
            {receipt.trackingCode}
          </dd>
        </div>
        <div>
          <dt>{t("sent.passphrase")}</dt>
          <dd dir="ltr" className="receipt-value" data-testid="passphrase">
            {receipt.passphrase}
          </dd>
        </div>
      </dl>
      <p>{t("sent.keepSafe")}</p>
      <div className="button-row">
        <a className="button button-secondary" download="samen-report.txt" href={`data:text/plain;charset=utf-8,${encodeURIComponent(fileText)}`}>
          {t("sent.save")}
        </a>
        {hydrated ? (
          <button type="button" className="button button-secondary" onClick={() => window.print()}>
            {t("sent.print")}
          </button>
        ) : null}
      </div>
      <h2>{t("sent.nextTitle")}</h2>
      <ol>
        <li>{t("sent.next1")}</li>
        <li>{t("sent.next2")}</li>
        <li>{t("sent.next3")}</li>
      </ol>
      <p>
        <Link to="/report/status">{t("sent.toStatus")}</Link>
      </p>
    </article>
  );
}
