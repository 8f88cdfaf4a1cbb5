import type { LoaderFunctionArgs } from "@remix-run/node";
import { isLocale, namespaces, type Namespace } from "~/domain/i18n/config";
import { resources, resourcesVersion } from "~/domain/i18n/resources.server";

function isNamespace(value: string): value is Namespace {
  return (namespaces as readonly string[]).includes(value);
}

/** Translations for the browser: /locales/ar/common.json?v=<version>, cached for a year. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const ns = (params.ns ?? "").replace(/\.json$/, "");
  if (!isLocale(params.lng) || !isNamespace(ns)) {
    return Response.json({}, { status: 404 });
  }
  const versioned = new URL(request.url).searchParams.get("v") === resourcesVersion;
  return Response.json(resources[params.lng][ns], {
    headers: {
      "Cache-Control": versioned ? "public, max-age=31536000, immutable" : "public, max-age=300",
    },
  });
}
