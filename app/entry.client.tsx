import { RemixBrowser } from "@remix-run/react";
import i18next from "i18next";
import HttpBackend from "i18next-http-backend";
import { startTransition, StrictMode } from "react";
import { hydrateRoot } from "react-dom/client";
import { I18nextProvider, initReactI18next } from "react-i18next";
import { getInitialNamespaces } from "remix-i18next/client";
import { i18nOptions } from "./domain/i18n/config";

async function hydrate() {
  const version =
    document.querySelector<HTMLMetaElement>('meta[name="samen-i18n"]')?.content ?? "dev";
  await i18next
    .use(initReactI18next)
    .use(HttpBackend)
    .init({
      ...i18nOptions,
      lng: document.documentElement.lang,
      ns: getInitialNamespaces(),
      backend: { loadPath: `/locales/{{lng}}/{{ns}}.json?v=${version}` },
      // Only the page's own language: no fallback download unless a key is missing.
      load: "currentOnly",
      fallbackLng: false,
      partialBundledLanguages: true,
    });

  startTransition(() => {
    hydrateRoot(
      document,
      <I18nextProvider i18n={i18next}>
        <StrictMode>
          <RemixBrowser />
        </StrictMode>
      </I18nextProvider>,
    );
  });
}

void hydrate();
