import { data, redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import maplibreCss from "maplibre-gl/dist/maplibre-gl.css";
import { ReportIntro } from "~/components/report/intro";
import { StepPage } from "~/components/report/step-page";
import { i18nServer } from "~/domain/i18n/i18next.server";
import { reportConfig } from "~/domain/reports/config.server";
import { draftOf, handleWizardPost, wizardCookies, wizardPage } from "~/domain/reports/wizard.server";
import { readForm } from "~/http/form.server";
import { consumeLimit, formStamp, isHoneypotFilled, readStamp, retryAfter } from "~/http/guards.server";
import { STAMP_FIELD } from "~/utils/forms";
import { pageTitle } from "~/utils/meta";

/** /report: the anonymous report form, one step per page (rules in app/domain/reports/wizard.server.ts). */
export const handle = { i18n: ["common", "report"] };
export const links: LinksFunction = () => [{ rel: "stylesheet", href: maplibreCss }];
export const headers = () => ({ "Cache-Control": "no-store" });

export async function loader({ request, context }: LoaderFunctionArgs) {
  const deps = { ...reportConfig(), db: context.db };
  const t = await i18nServer.getFixedT(request, "report");
  const page = await wizardPage(deps, await draftOf(request, deps), new URL(request.url).searchParams.get("step"), await i18nServer.getLocale(request));
  return data(
    {
      page,
      title: page.view === "intro" ? t("intro.title") : t(`steps.${page.step}`),
      stamp: page.view === "intro" ? formStamp() : "",
    },
    { headers: { "Cache-Control": "no-store" } },
  );
}

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => pageTitle(matches, data?.title);

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await readForm(request);
  const deps = { ...reportConfig(), db: context.db };
  const outcome = await handleWizardPost(
    deps,
    await draftOf(request, deps),
    {
      form,
      honeypotFilled: isHoneypotFilled(form),
      shownAt: readStamp(form.get(STAMP_FIELD)),
      locale: await i18nServer.getLocale(request),
    },
    { consume: (rule, subject) => consumeLimit(context, rule, subject) },
  );
  if (outcome.kind === "show") {
    const headers = outcome.retryAfterSeconds ? retryAfter(outcome.retryAfterSeconds) : undefined;
    return data(outcome.shown, { status: outcome.status, headers });
  }
  if (outcome.event) context.logger.info(outcome.event === "honeypot" ? "report honeypot filled" : "report received");
  return redirect(outcome.to, { headers: await wizardCookies(request, deps, outcome) });
}

export default function ReportForm() {
  const { page, stamp } = useLoaderData<typeof loader>();
  const shown = useActionData<typeof action>();
  if (page.view === "intro") {
    // A refused start (too many) comes back as action data on the intro.
    return <ReportIntro stamp={stamp} hasDraft={page.hasDraft} notice={(shown && shown.step === null ? shown.notice : null) ?? page.notice} />;
  }
  const sameStep = shown?.step === page.step;
  return (
    <StepPage
      key={page.step}
      step={page.step}
      values={sameStep && Object.keys(shown.values).length > 0 ? shown.values : page.values}
      errors={sameStep ? shown.errors : {}}
      notice={(sameStep ? shown.notice : null) ?? page.notice}
      networks={page.networks}
      summary={page.summary}
    />
  );
}
