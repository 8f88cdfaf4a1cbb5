import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useLocation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AccountPage, SubmitButton } from "~/components/account/account-page";
import { GeneralErrorBoundary } from "~/components/errors/general-error-boundary";
import { Pagination } from "~/components/listings/pagination";
import { changePerson, listPeople, PEOPLE_PAGE_SIZE } from "~/domain/auth/people.server";
import { isRole, roles } from "~/domain/auth/roles";
import { i18nServer } from "~/domain/i18n/i18next.server";
import { invalid, textField } from "~/http/form-result.server";
import { readForm } from "~/http/form.server";
import { requirePermission } from "~/http/guards.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { pageTitle } from "~/utils/meta";

/** /admin/people: admins find accounts and change role, trust and whether they are active. */
export const handle = { i18n: ["common", "account", "explore"] };
export const headers = () => ({ "Cache-Control": "private, no-store" });

export async function loader({ request, context }: LoaderFunctionArgs) {
  const admin = await requirePermission(request, context, "user:manage");
  const url = new URL(request.url);
  const query = (url.searchParams.get("q") ?? "").trim().slice(0, 100);
  const page = Math.min(10_000, Math.max(1, Number.parseInt(url.searchParams.get("page") ?? "1", 10) || 1));
  const t = await i18nServer.getFixedT(request, "account");
  const { people, total } = await listPeople(context.db, { query, page });
  return { title: t("admin.title"), people, total, page, pages: Math.max(1, Math.ceil(total / PEOPLE_PAGE_SIZE)), query, me: admin.id };
}

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => pageTitle(matches, data?.title);

export async function action({ request, context }: ActionFunctionArgs) {
  const admin = await requirePermission(request, context, "user:manage");
  const form = await readForm(request);
  const role = textField(form, "role", 20);
  if (!isRole(role)) return invalid({ form: "errors.invalid" });
  const outcome = await changePerson(context.db, admin.id, textField(form, "userId", 100), {
    role,
    trusted: textField(form, "trusted", 5) === "yes",
    active: textField(form, "active", 5) === "yes",
  });
  if (outcome === "self") return invalid({ form: "errors.ownRole" }, {}, 403);
  if (outcome === "missing") throw new Response("Not found", { status: 404 });
  return redirectWithFlash(request, `/admin/people${new URL(request.url).search}`, { kind: "success", key: "account:admin.saved" });
}

export default function PeoplePage() {
  const { t } = useTranslation("account");
  const { people, total, page, pages, query, me } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const location = useLocation();
  return (
    <AccountPage title={t("admin.title")} lead={t("admin.lead")} result={result}>
      <Form method="get" className="search-row" role="search">
        <label htmlFor="people-q">{t("admin.search")}</label>
        <input id="people-q" type="search" name="q" defaultValue={query} dir="ltr" />
        <button type="submit" className="button button-secondary">
          {t("admin.searchSubmit")}
        </button>
      </Form>
      <p role="status">{t("admin.count", { count: total })}</p>
      {people.length === 0 ? <p>{t("admin.empty")}</p> : null}
      <ul className="people-list">
        {people.map((person) => (
          <li key={person.id} className="card">
            <h2 className="field-title" dir="ltr" id={`person-${person.id}`}>
              {person.email}
            </h2>
            <p className="muted">
              {[
                person.deactivated ? t("admin.deactivated") : t("admin.active"),
                person.emailVerified ? null : t("admin.unverified"),
                person.totpEnabled ? t("admin.secondFactor") : null,
                person.isDemo ? t("admin.demo") : null,
              ]
                .filter(Boolean)
                .join(" · ")}
            </p>
            {person.id === me ? (
              <p>{t("admin.you")}</p>
            ) : (
              <Form method="post" className="person-form" aria-labelledby={`person-${person.id}`}>
                <input type="hidden" name="userId" value={person.id} />
                <label htmlFor={`role-${person.id}`}>{t("admin.role")}</label>
                <select id={`role-${person.id}`} name="role" defaultValue={person.role}>
                  {roles.map((role) => (
                    <option key={role} value={role}>
                      {t(`roles.${role}`)}
                    </option>
                  ))}
                </select>
                <label className="choice">
                  <input type="checkbox" name="trusted" value="yes" defaultChecked={person.trusted} />
                  {t("admin.trusted")}
                </label>
                <label className="choice">
                  <input type="checkbox" name="active" value="yes" defaultChecked={!person.deactivated} />
                  {t("admin.active")}
                </label>
                <SubmitButton secondary>{t("admin.save")}</SubmitButton>
              </Form>
            )}
          </li>
        ))}
      </ul>
      <Pagination page={page} pageCount={pages} search={location.search} path="/admin/people" />
    </AccountPage>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
