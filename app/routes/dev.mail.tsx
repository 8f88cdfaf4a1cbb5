import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { GeneralErrorBoundary } from "~/components/errors/general-error-boundary";
import { i18nServer } from "~/domain/i18n/i18next.server";
import { listStoredMail, mailFolderInUse } from "~/domain/mail/outbox.server";
import { pageTitle } from "~/utils/meta";

/** /dev/mail: the demo's e-mail (DEMO_MODE without SMTP_URL). Anywhere else this page does not exist. */
export const handle = { i18n: ["common", "account"] };
export const headers = () => ({ "Cache-Control": "no-store", "X-Robots-Tag": "noindex" });

const LINK = /https?:\/\/[^\s<>"]+/g;

export async function loader({ request }: LoaderFunctionArgs) {
  if (!mailFolderInUse()) throw new Response("Not found", { status: 404 });
  const t = await i18nServer.getFixedT(request, "account");
  const messages = await listStoredMail();
  return {
    title: t("devMail.title"),
    messages: messages.map((message) => ({ ...message, links: [...new Set(message.text.match(LINK) ?? [])].map((url) => new URL(url).pathname + new URL(url).search) })),
  };
}

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => [...pageTitle(matches, data?.title), { name: "robots", content: "noindex" }];

export default function DevMailPage() {
  const { t } = useTranslation("account");
  const { messages } = useLoaderData<typeof loader>();
  return (
    <article className="page">
      <h1>{t("devMail.title")}</h1>
      <p className="lead">{t("devMail.lead")}</p>
      {messages.length === 0 ? <p>{t("devMail.empty")}</p> : null}
      <ol className="mail-list">
        {messages.map((message) => (
          <li key={message.id} className="card">
            <h2>{message.subject}</h2>
            <p className="muted">
              {t("devMail.to", { to: message.to })} · <time dateTime={message.date}>{message.date.replace("T", " ").slice(0, 16)}</time>
            </p>
            <pre className="pre-wrap">{message.text}</pre>
            {message.links.length > 0 ? (
              <>
                <p>{t("devMail.links")}</p>
                <ul>
                  {message.links.map((link) => (
                    <li key={link}>
                      <a href={link} dir="ltr">
                        {link.split("?")[0]}
                      </a>
                    </li>
                  ))}
                </ul>
              </>
            ) : null}
          </li>
        ))}
      </ol>
    </article>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
