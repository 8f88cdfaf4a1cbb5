import {
  data,
  redirect,
  type ActionFunctionArgs,
  type LinksFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import maplibreCss from "maplibre-gl/dist/maplibre-gl.css";
import { useEffect, useState, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { PinPicker, type Pin } from "~/components/map/pin-picker.client";
import { errorProps, FieldError as SharedFieldError } from "~/components/report/field-error";
import { i18nServer } from "~/domain/i18n/i18next.server";
import { readForm } from "~/http/form.server";
import { consumeLimit, formStamp, isHoneypotFilled, readStamp } from "~/http/guards.server";
import { reportConfig } from "~/domain/reports/config.server";
import { draftCookie, receiptCookie } from "~/domain/reports/cookies.server";
import { createDraft, deleteDraft, readDraft, saveDraft, type Draft } from "~/domain/reports/drafts.server";
import {
  affectedOptions,
  contactMethods,
  firstMissingStep,
  formValues,
  helpOptions,
  isStep,
  limits,
  parseStep,
  reportSteps,
  stepFields,
  targetOptions,
  type CompleteReport,
  type FieldErrors,
  type ReportStep,
} from "~/domain/reports/report-form";
import { listNetworksFor, submitReport, type NetworkChoice } from "~/domain/reports/reports.server";
import type { Database } from "~/utils/db.server";
import { HONEYPOT_FIELD, STAMP_FIELD } from "~/utils/forms";
import { pageTitle } from "~/utils/meta";
import { reportCategories, reportPlaceKinds } from "~/domain/reports/vocabulary";

export const handle = { i18n: ["common", "report"] };

export const links: LinksFunction = () => [{ rel: "stylesheet", href: maplibreCss }];

export const headers = () => ({ "Cache-Control": "no-store" });

type Values = Record<string, string | string[]>;
type Notice = "draftGone" | "stepMissing" | "tooFast" | "rateLimited" | null;

async function loadDraft(request: Request, db: Database) {
  const deps = { ...reportConfig(), db };
  const ref = await draftCookie.read(deps.keyring, request);
  const draft = ref ? await readDraft(deps, ref.draftId) : null;
  return { deps, draft };
}

async function networksFor(db: Database, draft: Draft, locale: string): Promise<NetworkChoice[]> {
  const category = draft.data.what?.category;
  if (!category) return [];
  const where = draft.data.where;
  const pin = where && where.lat !== "" && where.lng !== "" ? { lat: Number(where.lat), lng: Number(where.lng) } : {};
  return listNetworksFor(db, { category, ...pin }, locale);
}

/** What the reviewer sees and what is needed to render a step. */
async function stepData(db: Database, draft: Draft, step: ReportStep, locale: string) {
  const networks = step === "help" || step === "review" ? await networksFor(db, draft, locale) : [];
  return {
    values: (step === "review" ? {} : (draft.raw[step] ?? {})) as Values,
    networks,
    summary: step === "review" ? draft.data : null,
  };
}

export async function loader({ request, context }: LoaderFunctionArgs) {
  const locale = await i18nServer.getLocale(request);
  const t = await i18nServer.getFixedT(request, "report");
  const url = new URL(request.url);
  const requested = url.searchParams.get("step");
  const { draft } = await loadDraft(request, context.db);
  if (!draft || requested === null) {
    return data(
      {
        view: "intro" as const,
        title: t("intro.title"),
        hasDraft: Boolean(draft),
        notice: (requested !== null && !draft ? "draftGone" : null) as Notice,
        stamp: formStamp(),
        step: null,
        values: {} as Values,
        networks: [] as NetworkChoice[],
        summary: null,
      },
      { headers: { "Cache-Control": "no-store" } },
    );
  }
  const missing = firstMissingStep(draft.data);
  let step: ReportStep = isStep(requested) ? requested : missing;
  let notice: Notice = null;
  if (reportSteps.indexOf(step) > reportSteps.indexOf(missing)) {
    step = missing;
    notice = "stepMissing";
  }
  return data(
    {
      view: "step" as const,
      title: t(`steps.${step}`),
      hasDraft: true,
      notice,
      stamp: null,
      step,
      ...(await stepData(context.db, draft, step, locale)),
    },
    { headers: { "Cache-Control": "no-store" } },
  );
}

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => pageTitle(matches, data?.title);

const stepUrl = (step: ReportStep) => `/report?step=${step}`;

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await readForm(request);
  const intent = form.get("intent");
  const locale = await i18nServer.getLocale(request);
  const { deps, draft } = await loadDraft(request, context.db);

  // Honeypot: people never see this field; robots fill it. Say nothing, keep nothing.
  if (isHoneypotFilled(form)) {
    context.logger.info("report honeypot filled");
    return redirect("/report");
  }

  if (intent === "start") {
    if (draft) return redirect(stepUrl(firstMissingStep(draft.data)));
    const limit = await consumeLimit(context, deps.startLimit);
    if (!limit.allowed) {
      return data({ step: null, errors: {} as FieldErrors, values: {} as Values, notice: "rateLimited" as Notice }, { status: 429 });
    }
    const startedAt = readStamp(form.get(STAMP_FIELD)) ?? Date.now();
    const created = await createDraft(deps, new Date(startedAt));
    return redirect(stepUrl("what"), {
      headers: { "Set-Cookie": await draftCookie.write(deps.keyring, request, { draftId: created.id }, deps.draftMinutes * 60_000) },
    });
  }

  const step = form.get("step");
  if (!draft || !isStep(step)) return redirect("/report?step=what");
  const index = reportSteps.indexOf(step);

  if (step !== "review" && (intent === "next" || intent === "back")) {
    const raw = formValues(form, stepFields[step]);
    draft.raw[step] = raw;
    if (intent === "back") {
      await saveDraft(deps, draft);
      return redirect(stepUrl(reportSteps[Math.max(0, index - 1)]!));
    }
    const parsed = parseStep(step, raw);
    if (!parsed.ok) {
      await saveDraft(deps, draft);
      return data({ step, errors: parsed.errors, values: raw, notice: null as Notice }, { status: 400 });
    }
    (draft.data as Record<string, unknown>)[step] = parsed.value;
    await saveDraft(deps, draft);
    const next = firstMissingStep(draft.data) === "review" ? "review" : reportSteps[index + 1]!;
    return redirect(stepUrl(next));
  }

  if (step === "review" && intent === "back") return redirect(stepUrl("contact"));

  if (step === "review" && intent === "send") {
    // Every step again, as the server saw it; anything missing sends the person there.
    for (const s of reportSteps) {
      if (s === "review") continue;
      const parsed = parseStep(s, draft.raw[s] ?? {});
      if (!draft.data[s] || !parsed.ok) return redirect(stepUrl(s));
      (draft.data as Record<string, unknown>)[s] = parsed.value;
    }
    if (Date.now() - draft.startedAt.getTime() < deps.minFillSeconds * 1000) {
      return data({ step, errors: {} as FieldErrors, values: {} as Values, notice: "tooFast" as Notice }, { status: 400 });
    }
    const limit = await consumeLimit(context, deps.submitLimit);
    if (!limit.allowed) {
      return data({ step, errors: {} as FieldErrors, values: {} as Values, notice: "rateLimited" as Notice }, { status: 429 });
    }
    const receipt = await submitReport(deps, draft.data as CompleteReport, locale);
    await deleteDraft(deps.db, draft.id);
    context.logger.info("report received");
    const headers = new Headers();
    headers.append("Set-Cookie", await draftCookie.clear(request));
    headers.append(
      "Set-Cookie",
      await receiptCookie.write(deps.keyring, request, { trackingCode: receipt.trackingCode, passphrase: receipt.passphrase }, 15 * 60_000),
    );
    return redirect("/report/sent", { headers });
  }

  return redirect(stepUrl(step));
}

// ---------------------------------------------------------------- view

export default function ReportForm() {
  const loaded = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const sameStep = actionData && actionData.step === loaded.step;
  const errors: FieldErrors = sameStep ? actionData.errors : {};
  const values: Values = sameStep && Object.keys(actionData.values).length > 0 ? actionData.values : loaded.values;
  const notice = (sameStep || (actionData && loaded.view === "intro") ? actionData?.notice : null) ?? loaded.notice;

  if (loaded.view === "intro" || !loaded.step) {
    return <Intro stamp={loaded.stamp ?? ""} hasDraft={loaded.hasDraft} notice={notice} />;
  }
  return (
    <StepPage
      key={loaded.step}
      step={loaded.step}
      values={values}
      errors={errors}
      notice={notice}
      networks={loaded.networks}
      summary={loaded.summary}
    />
  );
}

function NoticeBox({ notice }: { notice: Notice }) {
  const { t } = useTranslation("report");
  if (!notice) return null;
  return (
    <div className="notice" role="alert">
      <p>{t(`notices.${notice}`)}</p>
    </div>
  );
}

function Honeypot() {
  const { t } = useTranslation("report");
  return (
    <div className="hp" aria-hidden="true">
      <label>
        {t("form.honeypot")}
        <input type="text" name={HONEYPOT_FIELD} tabIndex={-1} autoComplete="off" defaultValue="" />
      </label>
    </div>
  );
}

function Intro({ stamp, hasDraft, notice }: { stamp: string; hasDraft: boolean; notice: Notice }) {
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

function Stepper({ step }: { step: ReportStep }) {
  const { t } = useTranslation("report");
  const index = reportSteps.indexOf(step);
  return (
    <p className="stepper">
      {t("form.stepOf", { current: index + 1, total: reportSteps.length })}
    </p>
  );
}

/** The form's field error, told the length limit of its field. */
function FieldError({ name, errors }: { name: string; errors: FieldErrors }) {
  const max = name === "description" ? limits.description : name === "place" ? limits.place : limits.short;
  return <SharedFieldError name={name} errors={errors} values={{ max }} />;
}

const str = (values: Values, name: string) => (typeof values[name] === "string" ? (values[name] as string) : "");
const arr = (values: Values, name: string) => (Array.isArray(values[name]) ? (values[name] as string[]) : []);

function Optional() {
  const { t } = useTranslation("report");
  return <span className="optional">{t("form.optional")}</span>;
}

function Choices({
  name,
  legend,
  options,
  type,
  values,
  errors,
  labelKey,
  optional,
}: {
  name: string;
  legend: string;
  options: readonly string[];
  type: "radio" | "checkbox";
  values: Values;
  errors: FieldErrors;
  labelKey: (option: string) => string;
  optional?: boolean;
}) {
  const { t } = useTranslation("report");
  const selected = type === "radio" ? [str(values, name)] : arr(values, name);
  return (
    <fieldset className="choices" {...errorProps(name, errors)}>
      <legend>
        {legend} {optional ? <Optional /> : null}
      </legend>
      <FieldError name={name} errors={errors} />
      {options.map((option) => (
        <label key={option} className="choice">
          <input type={type} name={name} value={option} defaultChecked={selected.includes(option)} />
          {t(labelKey(option))}
        </label>
      ))}
    </fieldset>
  );
}

function StepPage({
  step,
  values,
  errors,
  notice,
  networks,
  summary,
}: {
  step: ReportStep;
  values: Values;
  errors: FieldErrors;
  notice: Notice;
  networks: NetworkChoice[];
  summary: ReturnType<typeof useLoaderData<typeof loader>>["summary"];
}) {
  const { t } = useTranslation("report");
  const navigation = useNavigation();
  const busy = navigation.state !== "idle";
  const hasErrors = Object.keys(errors).length > 0;
  return (
    <article className="page report-page">
      <Stepper step={step} />
      <h1>{t(`steps.${step}`)}</h1>
      <NoticeBox notice={notice} />
      {hasErrors ? (
        <div className="notice" role="alert">
          <p>{t("form.fixErrors")}</p>
        </div>
      ) : null}
      <Form method="post" action={`/report?index&step=${step}`} replace noValidate className="report-form">
        <input type="hidden" name="step" value={step} />
        <Honeypot />
        {step === "what" ? <WhatFields values={values} errors={errors} /> : null}
        {step === "where" ? <WhereFields values={values} errors={errors} /> : null}
        {step === "who" ? <WhoFields values={values} errors={errors} /> : null}
        {step === "help" ? <HelpFields values={values} errors={errors} networks={networks} /> : null}
        {step === "contact" ? <ContactFields values={values} errors={errors} /> : null}
        {step === "review" && summary ? <Review summary={summary} networks={networks} /> : null}
        <div className="button-row">
          {step === "review" ? (
            <button type="submit" name="intent" value="send" className="button" disabled={busy}>
              {t("form.send")}
            </button>
          ) : (
            <button type="submit" name="intent" value="next" className="button" disabled={busy}>
              {t("form.next")}
            </button>
          )}
          {step !== "what" ? (
            <button type="submit" name="intent" value="back" className="button button-secondary" formNoValidate disabled={busy}>
              {t("form.back")}
            </button>
          ) : null}
        </div>
      </Form>
    </article>
  );
}

function WhatFields({ values, errors }: { values: Values; errors: FieldErrors }) {
  const { t } = useTranslation("report");
  return (
    <>
      <Choices
        name="category"
        legend={t("what.category")}
        options={reportCategories}
        type="radio"
        values={values}
        errors={errors}
        labelKey={(c) => `categories.${c}`}
      />
      <div className="field">
        <label htmlFor="description">{t("what.description")}</label>
        <p className="field-hint" id="description-hint">
          {t("what.descriptionHint")}
        </p>
        <FieldError name="description" errors={errors} />
        <textarea
          id="description"
          name="description"
          rows={8}
          maxLength={limits.description * 2}
          defaultValue={str(values, "description")}
          {...errorProps("description", errors, "description-hint")}
        />
      </div>
    </>
  );
}

function useHydrated() {
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  return hydrated;
}

function WhereFields({ values, errors }: { values: Values; errors: FieldErrors }) {
  const { t } = useTranslation("report");
  const hydrated = useHydrated();
  const initialLat = str(values, "lat");
  const initialLng = str(values, "lng");
  const [pin, setPin] = useState<Pin | null>(
    initialLat && initialLng && Number.isFinite(Number(initialLat)) ? { lat: Number(initialLat), lng: Number(initialLng) } : null,
  );
  return (
    <>
      <fieldset className="choices">
        <legend>{t("where.when")}</legend>
        <div className="field">
          <label htmlFor="date">{t("where.date")}</label>
          <FieldError name="date" errors={errors} />
          <input id="date" name="date" type="date" defaultValue={str(values, "date")} {...errorProps("date", errors)} />
        </div>
        <div className="field">
          <label htmlFor="time">
            {t("where.time")} <Optional />
          </label>
          <FieldError name="time" errors={errors} />
          <input id="time" name="time" type="time" defaultValue={str(values, "time")} {...errorProps("time", errors)} />
        </div>
        <label className="choice">
          <input type="checkbox" name="ongoing" value="on" defaultChecked={str(values, "ongoing") === "on"} />
          {t("where.ongoing")}
        </label>
      </fieldset>
      <Choices
        name="placeKind"
        legend={t("where.placeKind")}
        options={reportPlaceKinds}
        type="radio"
        values={values}
        errors={errors}
        labelKey={(k) => `placeKinds.${k}`}
      />
      <div className="field">
        <label htmlFor="place">{t("where.place")}</label>
        <p className="field-hint" id="place-hint">
          {t("where.placeHint")}
        </p>
        <FieldError name="place" errors={errors} />
        <input
          id="place"
          name="place"
          type="text"
          maxLength={limits.place * 2}
          defaultValue={str(values, "place")}
          {...errorProps("place", errors, "place-hint")}
        />
      </div>
      <input type="hidden" name="lat" value={pin ? pin.lat.toFixed(6) : ""} />
      <input type="hidden" name="lng" value={pin ? pin.lng.toFixed(6) : ""} />
      <FieldError name="lat" errors={errors} />
      <section className="field" aria-labelledby="pin-title">
        <h2 id="pin-title" className="field-title">
          {t("where.pinTitle")} <Optional />
        </h2>
        <p className="field-hint">{t("where.pinPrivacy")}</p>
        {hydrated ? <PinPicker value={pin} onChange={setPin} /> : <p className="field-hint">{t("where.pinNoScript")}</p>}
      </section>
    </>
  );
}

function WhoFields({ values, errors }: { values: Values; errors: FieldErrors }) {
  const { t } = useTranslation("report");
  return (
    <>
      <Choices
        name="affected"
        legend={t("who.affected")}
        options={affectedOptions}
        type="radio"
        values={values}
        errors={errors}
        labelKey={(o) => `who.options.${o}`}
      />
      <Choices
        name="targets"
        legend={t("who.targets")}
        options={targetOptions}
        type="checkbox"
        values={values}
        errors={errors}
        labelKey={(o) => `targets.${o}`}
        optional
      />
      <div className="field">
        <label htmlFor="targetOther">
          {t("who.targetOther")} <Optional />
        </label>
        <FieldError name="targetOther" errors={errors} />
        <input
          id="targetOther"
          name="targetOther"
          type="text"
          maxLength={limits.short * 2}
          defaultValue={str(values, "targetOther")}
          {...errorProps("targetOther", errors)}
        />
      </div>
    </>
  );
}

function HelpFields({ values, errors, networks }: { values: Values; errors: FieldErrors; networks: NetworkChoice[] }) {
  const { t } = useTranslation("report");
  const chosen = arr(values, "networks");
  return (
    <>
      <Choices
        name="help"
        legend={t("help.legend")}
        options={helpOptions}
        type="checkbox"
        values={values}
        errors={errors}
        labelKey={(o) => `help.options.${o}`}
      />
      <fieldset className="choices">
        <legend>
          {t("help.networks")} <Optional />
        </legend>
        <p className="field-hint">{t("help.networksHint")}</p>
        {networks.length === 0 ? <p>{t("help.noNetworks")}</p> : null}
        {networks.map((network) => (
          <div key={network.id} className="choice network-choice">
            <input
              type="checkbox"
              id={`network-${network.id}`}
              name="networks"
              value={network.id}
              defaultChecked={chosen.includes(network.id)}
              aria-describedby={`network-${network.id}-about`}
            />
            <span>
              <label htmlFor={`network-${network.id}`}>
                <strong>{t("help.consent", { name: network.name })}</strong>
              </label>
              <span className="network-description" id={`network-${network.id}-about`}>
                {network.description} {t("help.area", { area: network.areaName })}
              </span>
            </span>
          </div>
        ))}
      </fieldset>
    </>
  );
}

function ContactFields({ values, errors }: { values: Values; errors: FieldErrors }) {
  const { t } = useTranslation("report");
  return (
    <>
      <p>{t("contact.intro")}</p>
      <Choices
        name="contactMethod"
        legend={t("contact.method")}
        options={contactMethods}
        type="radio"
        values={Object.keys(values).length === 0 ? { contactMethod: "none" } : values}
        errors={errors}
        labelKey={(o) => `contact.methods.${o}`}
      />
      <div className="field">
        <label htmlFor="email">
          {t("contact.email")} <Optional />
        </label>
        <FieldError name="email" errors={errors} />
        <input id="email" name="email" type="email" autoComplete="email" maxLength={limits.email * 2} defaultValue={str(values, "email")} {...errorProps("email", errors)} />
      </div>
      <div className="field">
        <label htmlFor="phone">
          {t("contact.phone")} <Optional />
        </label>
        <FieldError name="phone" errors={errors} />
        <input id="phone" name="phone" type="tel" dir="ltr" autoComplete="tel" maxLength={limits.phone * 2} defaultValue={str(values, "phone")} {...errorProps("phone", errors)} />
      </div>
      <div className="field">
        <label htmlFor="contactLanguage">
          {t("contact.language")} <Optional />
        </label>
        <FieldError name="contactLanguage" errors={errors} />
        <input id="contactLanguage" name="contactLanguage" type="text" maxLength={limits.short * 2} defaultValue={str(values, "contactLanguage")} {...errorProps("contactLanguage", errors)} />
      </div>
      <div className="field">
        <label htmlFor="contactTimes">
          {t("contact.times")} <Optional />
        </label>
        <FieldError name="contactTimes" errors={errors} />
        <input id="contactTimes" name="contactTimes" type="text" maxLength={limits.short * 2} defaultValue={str(values, "contactTimes")} {...errorProps("contactTimes", errors)} />
      </div>
      <label className="choice">
        <input type="checkbox" name="voicemail" value="on" defaultChecked={str(values, "voicemail") === "on"} />
        {t("contact.voicemail")}
      </label>
    </>
  );
}

function Row({ label, children, edit }: { label: string; children: ReactNode; edit: ReportStep }) {
  const { t } = useTranslation("report");
  return (
    <div className="review-row">
      <dt>{label}</dt>
      <dd>
        <span className="review-value">{children}</span>{" "}
        <Link to={stepUrl(edit)} replace className="review-edit">
          {t("review.change", { what: label })}
        </Link>
      </dd>
    </div>
  );
}

function Review({
  summary,
  networks,
}: {
  summary: NonNullable<ReturnType<typeof useLoaderData<typeof loader>>["summary"]>;
  networks: NetworkChoice[];
}) {
  const { t } = useTranslation("report");
  const { what, where, who, help, contact } = summary;
  if (!what || !where || !who || !help || !contact) return null;
  const none = t("review.none");
  const chosenNetworks = networks.filter((n) => help.networks.includes(n.id)).map((n) => n.name);
  return (
    <>
      <p>{t("review.intro")}</p>
      <dl className="review">
        <Row label={t("what.category")} edit="what">
          {t(`categories.${what.category}`)}
        </Row>
        <Row label={t("what.description")} edit="what">
          <span className="pre-wrap">{what.description}</span>
        </Row>
        <Row label={t("where.when")} edit="where">
          {[where.date, where.time, where.ongoing ? t("where.ongoing") : ""].filter(Boolean).join(" · ")}
        </Row>
        <Row label={t("where.placeKind")} edit="where">
          {[t(`placeKinds.${where.placeKind}`), where.place, where.lat ? t("review.pinSet") : ""].filter(Boolean).join(" · ")}
        </Row>
        <Row label={t("who.affected")} edit="who">
          {t(`who.options.${who.affected}`)}
        </Row>
        <Row label={t("who.targets")} edit="who">
          {[...who.targets.map((o) => t(`targets.${o}`)), who.targetOther].filter(Boolean).join(", ") || none}
        </Row>
        <Row label={t("help.legend")} edit="help">
          {help.help.map((o) => t(`help.options.${o}`)).join(", ")}
        </Row>
        <Row label={t("help.networks")} edit="help">
          {chosenNetworks.join(", ") || t("review.noNetworks")}
        </Row>
        <Row label={t("contact.method")} edit="contact">
          {[
            t(`contact.methods.${contact.contactMethod}`),
            contact.contactMethod === "email" ? contact.email : "",
            contact.contactMethod === "phone" ? contact.phone : "",
            contact.contactLanguage,
            contact.contactTimes,
            contact.voicemail ? t("contact.voicemail") : "",
          ]
            .filter(Boolean)
            .join(" · ")}
        </Row>
      </dl>
      <section className="stored-box">
        <h2>{t("review.storedTitle")}</h2>
        <ul>
          <li>{t("review.storedEncrypted")}</li>
          <li>{t("review.storedPlain")}</li>
          <li>{t("review.storedWho")}</li>
          <li>{t("review.storedRetention")}</li>
        </ul>
      </section>
    </>
  );
}
