import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import {
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useRouteLoaderData,
} from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { useChangeLanguage } from "remix-i18next/react";
import { GeneralErrorBoundary } from "./components/errors/general-error-boundary";
import { FlashMessage } from "./components/layout/flash-message";
import { SiteFooter } from "./components/layout/site-footer";
import { SiteHeader } from "./components/layout/site-header";
import { defaultLocale, textDirection } from "./domain/i18n/config";
import { i18nServer } from "./domain/i18n/i18next.server";
import { resourcesVersion } from "./domain/i18n/resources.server";
import appStyles from "./styles/app.css";
import { sessionCookie } from "./domain/auth/session.server";
import { getUser, hasStaleSessionCookie } from "./http/guards.server";
import { getEnv } from "./utils/env.server";
import { readFlash } from "./utils/flash.server";
import { useNonce } from "./utils/nonce";

export const handle = { i18n: ["common"] };

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: appStyles },
  { rel: "icon", href: "/favicon.ico", sizes: "any" },
];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const locale = await i18nServer.getLocale(request);
  const t = await i18nServer.getFixedT(locale, "common");
  const { flash, setCookie } = await readFlash(request);
  const user = await getUser(request, context);
  const headers = new Headers();
  if (setCookie) headers.append("Set-Cookie", setCookie);
  // A session cookie that opens nothing any more (signed out elsewhere, expired) is removed.
  if (!user && (await hasStaleSessionCookie(request, context))) headers.append("Set-Cookie", await sessionCookie.clear(request));
  return data(
    {
      locale,
      i18nVersion: resourcesVersion,
      mapStyleUrl: getEnv().MAP_STYLE_URL ?? "/map/style.json",
      requestId: context.requestId,
      flash,
      // Only what the header needs: which links to show (the server checks every page itself).
      account: user
        ? {
            canOrganise: user.permissions.has("listing:create"),
            canModerate: user.permissions.has("listing:moderate"),
            canManagePeople: user.permissions.has("user:manage"),
          }
        : null,
      titles: {
        site: t("app.name"),
        description: t("app.description"),
        notFound: t("errors.notFound.title"),
        error: t("errors.generic.title"),
      },
    },
    { headers },
  );
}

export type RootLoader = typeof loader;

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data?.titles.site ?? "Samen" },
  { name: "description", content: data?.titles.description ?? "" },
];

export function Layout({ children }: { children: ReactNode }) {
  const data = useRouteLoaderData<typeof loader>("root");
  const locale = data?.locale ?? defaultLocale;
  return (
    <html lang={locale} dir={textDirection(locale)}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="theme-color" content="#1f5f5b" />
        <meta name="samen-i18n" content={data?.i18nVersion ?? "dev"} />
        <meta name="samen-map-style" content={data?.mapStyleUrl ?? "/map/style.json"} />
        <Meta />
        <Links />
      </head>
      <body>
        <Shell>{children}</Shell>
        <ScriptsWithNonce />
      </body>
    </html>
  );
}

function Shell({ children }: { children: ReactNode }) {
  const data = useRouteLoaderData<typeof loader>("root");
  const { t } = useTranslation();
  return (
    <>
      <a className="skip-link" href="#main">
        {t("nav.skipToContent")}
      </a>
      <SiteHeader />
      {data?.flash ? <FlashMessage flash={data.flash} /> : null}
      <main id="main" tabIndex={-1} className="site-main">
        {children}
      </main>
      <SiteFooter />
    </>
  );
}

function ScriptsWithNonce() {
  const nonce = useNonce();
  return (
    <>
      <ScrollRestoration nonce={nonce} />
      <Scripts nonce={nonce} />
    </>
  );
}

export default function App() {
  const data = useRouteLoaderData<typeof loader>("root");
  useChangeLanguage(data?.locale ?? defaultLocale);
  return <Outlet />;
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
