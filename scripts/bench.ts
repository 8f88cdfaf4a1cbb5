// npm run bench — performance figures, printed, never asserted.
//  1. A synthetic country of 100,000 listings in a separate database file (bench-data/).
//  2. The production server on that file, loaded with autocannon from this process:
//     /healthz (the ceiling), the map GeoJSON endpoint (a street, a city, the whole country)
//     and the explore page with two filters. Requests per second and p50/p95/p99 latency.
//  3. A flood of wrong tracking-code + passphrase checks from rotating addresses (the server
//     trusts one proxy, so the bench can set X-Forwarded-For) while real people open a real
//     report: how long the real people wait, and how many flood requests were refused (429).
//  4. JavaScript sent for the explore page before and after the map opens (gzip).
// Flags: --fresh (rebuild the database), --seconds N (per endpoint, default 10),
//        --connections N (default 20), --listings N (default 100000),
//        --flood-connections N (default 64), --flood-seconds N (default 15).
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import autocannon from "autocannon";
import { count } from "drizzle-orm";
import { createListings, type ListingInput } from "~/domain/listings/commands.server";
import { reportConfig } from "~/domain/reports/config.server";
import { parseStep, type CompleteReport } from "~/domain/reports/report-form";
import { submitReport } from "~/domain/reports/intake.server";
import { closeDatabase, getDatabase, migrateDatabase } from "~/utils/db.server";
import { listings } from "~db/schema/index";

const argv = process.argv.slice(2);
const flag = (name: string, fallback: number) => {
  const index = argv.indexOf(`--${name}`);
  return index >= 0 ? Number(argv[index + 1]) : fallback;
};
const TOTAL = flag("listings", 100_000);
const SECONDS = flag("seconds", 10);
const CONNECTIONS = flag("connections", 20);
const FLOOD_CONNECTIONS = flag("flood-connections", 64);
const FLOOD_SECONDS = flag("flood-seconds", 15);
const PORT = 3999;
const ORIGIN = `http://127.0.0.1:${PORT}`;
const dbFile = path.resolve("bench-data", `bench-${TOTAL}.db`);
// The production configuration of this process and its server: fixed bench-only secrets, the
// public address, one trusted proxy so the flood can vary X-Forwarded-For, and never a
// developer's .env.
const benchEnv = {
  DATABASE_URL: `file:${dbFile}`,
  NODE_ENV: "production" as const,
  PUBLIC_URL: ORIGIN,
  SESSION_SECRET: "samen-bench-session-secret-not-secret-0001",
  REPORT_ENCRYPTION_KEY: "bench1:c2FtZW4tYmVuY2gta2V5LW5vdC1zZWNyZXQhISEhISE=",
  TRUST_PROXY: "1",
  ENV_FILE: "none",
};
Object.assign(process.env, benchEnv);

// Deterministic pseudo-random numbers, so every run measures the same town.
let seed = 42;
const random = () => ((seed = (seed * 1664525 + 1013904223) % 4294967296) / 4294967296);
const pick = <T,>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;

const cities = [
  [52.0907, 5.1214, 0.25], [52.3676, 4.9041, 0.3], [51.9244, 4.4777, 0.25], [52.0705, 4.3007, 0.2],
  [51.4416, 5.4697, 0.15], [53.2194, 6.5665, 0.12], [51.8126, 5.8372, 0.12], [52.2215, 6.8937, 0.1],
  [50.8514, 5.691, 0.1], [52.5168, 6.083, 0.1], [51.5719, 4.7683, 0.1], [52.1601, 4.497, 0.1],
] as const;
const languages = ["nl", "en", "ar", "uk", "fa", "ti", "so", "tr", "pl"] as const;
const days = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"] as const;

function syntheticListing(i: number): ListingInput {
  const [lat, lng, spread] = random() < 0.85 ? pick(cities) : [51.0 + random() * 2.4, 3.6 + random() * 3.4, 0.02];
  const kind = random() < 0.6 ? "club" : random() < 0.6 ? "business" : "event";
  const hour = pick(["09:30", "13:30", "19:00"]);
  return {
    slug: `bench-${i}`,
    kind,
    title: `${pick(["Taalcafé", "Wandelclub", "Kookclub", "Bakkerij", "Buurtfeest", "Leesclub"])} ${i}`,
    summary: "Synthetic listing for the benchmark.",
    lat: Number((lat + (random() - 0.5) * spread).toFixed(5)),
    lng: Number((lng + (random() - 0.5) * spread * 1.6).toFixed(5)),
    status: "published",
    practiceLanguages: kind === "business" ? [] : ["nl", ...(random() < 0.2 ? [pick(languages)] : [])],
    helperLanguages: [pick(languages)],
    levelMask: 1 + Math.floor(random() * 63),
    dropIn: random() < 0.5,
    costCents: random() < 0.8 ? 0 : 200,
    childcare: random() < 0.2,
    womenOnly: random() < 0.1,
    openingHours: kind === "business" ? [0, 1, 2, 3, 4].map((day) => ({ day, opens: "09:00", closes: "17:00" })) : [],
    schedules:
      kind === "business"
        ? []
        : [{ startsAt: `2026-09-0${1 + Math.floor(random() * 7)}T${hour}`, durationMinutes: 90, rrule: kind === "club" ? `FREQ=WEEKLY;BYDAY=${pick(days)}` : "FREQ=WEEKLY;COUNT=4", exdates: [] }],
  };
}

let receipt: { trackingCode: string; passphrase: string } | undefined;

/** One real report, sent through the domain, whose code and passphrase the "real people" use. */
async function realReport() {
  const { db } = await getDatabase();
  const step = (name: "what" | "where" | "who" | "help" | "contact", input: Record<string, unknown>) => {
    const parsed = parseStep(name, input);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    return parsed.value;
  };
  const report = {
    what: step("what", { category: "threat", description: "Bench report" }),
    where: step("where", { date: "2025-03-14", placeKind: "online" }),
    who: step("who", { affected: "me" }),
    help: step("help", { help: ["record"] }),
    contact: step("contact", { contactMethod: "none" }),
  } as CompleteReport;
  return submitReport({ ...reportConfig(), db }, report, "nl");
}

async function ensureDatabase() {
  if (argv.includes("--fresh")) rmSync(dbFile, { force: true });
  mkdirSync(path.dirname(dbFile), { recursive: true });
  Object.assign(process.env, benchEnv);
  const { db } = await getDatabase();
  await migrateDatabase(db);
  const [row] = await db.select({ n: count() }).from(listings);
  if ((row?.n ?? 0) >= TOTAL) {
    console.log(`Using ${dbFile} (${row?.n} listings)`);
  } else {
    const started = performance.now();
    for (let done = row?.n ?? 0; done < TOTAL; done += 5000) {
      const batch = Array.from({ length: Math.min(5000, TOTAL - done) }, (_, k) => syntheticListing(done + k));
      await createListings(db, batch);
      process.stdout.write(`\rGenerating listings: ${Math.min(done + 5000, TOTAL)} / ${TOTAL}`);
    }
    console.log(`\nGenerated ${TOTAL} listings in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }
  receipt = await realReport();
  await closeDatabase();
  const size = ["", "-wal"].map((s) => (existsSync(dbFile + s) ? statSync(dbFile + s).size : 0)).reduce((a, b) => a + b);
  console.log(`Database file: ${(size / 1024 / 1024).toFixed(1)} MiB`);
}

async function startServer() {
  const child = spawn(process.execPath, ["server.js"], {
    env: { ...process.env, ...benchEnv, PORT: String(PORT), HOST: "127.0.0.1", LOG_LEVEL: "error" },
    stdio: ["ignore", "inherit", "inherit"],
  });
  for (let i = 0; i < 200; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${PORT}/healthz`)).ok) return child;
    } catch {
      // not yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  child.kill();
  throw new Error("server did not start");
}

interface Figures {
  name: string;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
  bytes: number;
}

async function load(name: string, urlPath: string, vary?: (n: number) => string): Promise<Figures> {
  const url = `http://127.0.0.1:${PORT}${urlPath}`;
  if (!vary) await fetch(url).then((r) => r.arrayBuffer()); // warm caches once, as a real server would be
  let counter = 0;
  const latencies: number[] = [];
  let bytes = 0;
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url,
        connections: CONNECTIONS,
        duration: SECONDS,
        headers: { "accept-encoding": "gzip" },
        // With `vary`, every request asks a question nobody asked before (no cache helps).
        requests: vary ? [{ setupRequest: (request) => ({ ...request, path: vary(counter++) }) }] : undefined,
      },
      (error, res) => (error ? reject(error) : resolve(res)),
    );
    instance.on("response", (_client, _status, resBytes, responseTime) => {
      latencies.push(responseTime);
      bytes = resBytes;
    });
  });
  latencies.sort((a, b) => a - b);
  const at = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))] ?? NaN;
  return {
    name,
    rps: result.requests.average,
    p50: at(50),
    p95: at(95),
    p99: at(99),
    errors: result.errors + result.non2xx,
    bytes,
  };
}

const quantile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
};

/** One "open my report" attempt from `address`; the status and how long it took. */
async function openAttempt(code: string, passphrase: string, address: string) {
  const started = performance.now();
  const response = await fetch(`${ORIGIN}/report/status`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: ORIGIN, "X-Forwarded-For": address },
    body: new URLSearchParams({ intent: "open", code, passphrase }),
  });
  await response.arrayBuffer();
  return { status: response.status, ms: performance.now() - started };
}

/**
 * A flood of wrong tracking-code + passphrase checks, each from a new address (so no per-address
 * limit stops it), while real people, each from their own address, open the real report once
 * every 300 ms. A real person refused as busy (429) tries again after 250 ms, as someone
 * pressing the button again would; we time each attempt and the time until they are in.
 */
async function passphraseFlood(real: { trackingCode: string; passphrase: string }) {
  const randomAddress = () =>
    `${11 + Math.floor(random() * 200)}.${Math.floor(random() * 256)}.${Math.floor(random() * 256)}.${1 + Math.floor(random() * 254)}`;
  const realAddress = (n: number) => `192.0.2.${1 + (n % 250)}`;
  // Before the flood: how long opening takes on a quiet server.
  const quiet: number[] = [];
  for (let i = 0; i < 5; i++) quiet.push((await openAttempt(real.trackingCode, real.passphrase, realAddress(200 + i))).ms);

  const flood = new Map<number, number>();
  let stop = false;
  const worker = async () => {
    while (!stop) {
      const code = `SAMEN-${Math.floor(random() * 1e4)}-${Math.floor(random() * 1e4)}`;
      const { status } = await openAttempt(code, "wrong passphrase guess", randomAddress()).catch(() => ({ status: 0 }));
      flood.set(status, (flood.get(status) ?? 0) + 1);
    }
  };
  const workers = Array.from({ length: FLOOD_CONNECTIONS }, worker);
  await new Promise((resolve) => setTimeout(resolve, 1000)); // let the flood build up

  const attempts: Array<{ status: number; ms: number }> = [];
  const timeToOpen: number[] = [];
  const deadline = performance.now() + FLOOD_SECONDS * 1000;
  for (let person = 0; performance.now() < deadline; person++) {
    const started = performance.now();
    for (let tries = 0; tries < 20; tries++) {
      const attempt = await openAttempt(real.trackingCode, real.passphrase, realAddress(person));
      attempts.push(attempt);
      if (attempt.status === 302) {
        timeToOpen.push(performance.now() - started);
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  stop = true;
  await Promise.all(workers);

  const total = [...flood.values()].reduce((a, b) => a + b, 0);
  const byStatus = [...flood.entries()].sort(([a], [b]) => a - b).map(([status, n]) => `${status}: ${n}`).join(", ");
  const admitted = attempts.filter((a) => a.status === 302);
  console.log(`\nPassphrase flood: ${FLOOD_CONNECTIONS} connections of wrong code + passphrase checks, each from a new address, ${FLOOD_SECONDS} s`);
  console.log(`  quiet server, opening the real report: p50 ${quantile(quiet, 50).toFixed(0)} ms, max ${Math.max(...quiet).toFixed(0)} ms`);
  console.log(`  flood requests: ${total} (${(total / (FLOOD_SECONDS + 1)).toFixed(0)}/s); by status: ${byStatus}`);
  console.log(`  flood requests refused with 429: ${flood.get(429) ?? 0} (${(((flood.get(429) ?? 0) / Math.max(1, total)) * 100).toFixed(0)}%)`);
  console.log(`  real people: ${timeToOpen.length} opened the report; ${attempts.length} attempts, ${admitted.length} admitted, ${attempts.filter((a) => a.status === 429).length} told "busy, try again", other: ${attempts.filter((a) => a.status !== 302 && a.status !== 429).length}`);
  console.log(`  real person's check when admitted: p50 ${quantile(admitted.map((a) => a.ms), 50).toFixed(0)} ms, p95 ${quantile(admitted.map((a) => a.ms), 95).toFixed(0)} ms, max ${Math.max(...admitted.map((a) => a.ms)).toFixed(0)} ms (must stay under 1000 ms)`);
  console.log(`  every real attempt, answered: p50 ${quantile(attempts.map((a) => a.ms), 50).toFixed(0)} ms, max ${Math.max(...attempts.map((a) => a.ms)).toFixed(0)} ms`);
  console.log(`  time until a real person was in (retrying after a 429): p50 ${quantile(timeToOpen, 50).toFixed(0)} ms, p95 ${quantile(timeToOpen, 95).toFixed(0)} ms, max ${Math.max(...timeToOpen).toFixed(0)} ms`);
}

function bundleSizes() {
  const build = path.resolve("public/build");
  const manifestFile = readdirSync(build).find((f) => f.startsWith("manifest-"));
  if (!manifestFile) return null;
  const manifest = JSON.parse(
    readFileSync(path.join(build, manifestFile), "utf8").replace(/^window\.__remixManifest=/, "").replace(/;\s*$/, ""),
  ) as { entry: { module: string; imports: string[] }; routes: Record<string, { module: string; imports?: string[] }> };
  const gzip = (url: string) => gzipSync(readFileSync(path.join("public", url)), { level: 9 }).length;
  const files = new Set<string>([manifest.entry.module, ...manifest.entry.imports]);
  for (const id of ["root", "routes/_index"]) {
    const route = manifest.routes[id];
    if (route) [route.module, ...(route.imports ?? [])].forEach((f) => files.add(f));
  }
  const before = [...files].reduce((n, f) => n + gzip(f), 0);
  // What the map adds: the chunks the explore route loads dynamically, and what they import.
  const lazy = new Set<string>();
  const queue = [...files];
  const importRe = /import\(\s*["']([^"']+)["']\s*\)|from\s*["']([^"']+\.js)["']|import\s*["']([^"']+\.js)["']/g;
  while (queue.length) {
    const file = queue.shift()!;
    const text = readFileSync(path.join("public", file), "utf8");
    for (const match of text.matchAll(importRe)) {
      const spec = match[1] ?? match[2] ?? match[3];
      if (!spec || !(spec.startsWith(".") || spec.startsWith("/build/"))) continue;
      const resolved = spec.startsWith("/") ? spec : path.posix.join(path.posix.dirname(file), spec);
      if (files.has(resolved) || lazy.has(resolved)) continue;
      // Static imports of the page are already counted; anything else is loaded later.
      lazy.add(resolved);
      queue.push(resolved);
    }
  }
  const cssFiles = readdirSync(path.join(build, "_assets")).filter((f) => f.startsWith("maplibre-gl") && f.endsWith(".css"));
  const mapJs = [...lazy].reduce((n, f) => n + gzip(f), 0);
  const mapCss = cssFiles.reduce((n, f) => n + gzip(`/build/_assets/${f}`), 0);
  return { before, mapJs, mapCss, lazy: [...lazy] };
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

await ensureDatabase();
if (!existsSync("build/index.js")) throw new Error("Run `npm run build` first.");
const server = await startServer();
try {
  console.log(`\nLoad: ${CONNECTIONS} connections, ${SECONDS} s per endpoint, on ${TOTAL.toLocaleString("en")} listings\n`);
  const rows: Figures[] = [];
  rows.push(await load("/healthz (ceiling)", "/healthz"));
  rows.push(await load("map GeoJSON, street (zoom 16)", "/map/points?extent=5.115,52.088,5.125,52.093&zoom=16"));
  rows.push(await load("map GeoJSON, city + 2 filters (zoom 13)", "/map/points?extent=5.05,52.05,5.2,52.13&zoom=13&kind=club&lang=nl"));
  rows.push(
    await load("  same, every request a new view (uncached)", "/map/points", (n) => {
      const dx = (n % 997) * 0.00001;
      return `/map/points?extent=${(5.05 + dx).toFixed(5)},52.05,${(5.2 + dx).toFixed(5)},52.13&zoom=13&kind=club&lang=nl`;
    }),
  );
  rows.push(await load("map GeoJSON, whole country (zoom 7)", "/map/points?extent=3.2,50.7,7.3,53.6&zoom=7"));
  rows.push(await load("explore page, 2 filters", "/?kind=club&lang=nl"));
  rows.push(await load("explore page, 2 filters + near 3527", "/?kind=club&day=tue&near=3527"));
  const header = ["endpoint", "req/s", "p50 ms", "p95 ms", "p99 ms", "errors", "bytes"];
  const table = rows.map((r) => [r.name, r.rps.toFixed(0), r.p50.toFixed(1), r.p95.toFixed(1), r.p99.toFixed(1), String(r.errors), String(r.bytes)]);
  const widths = header.map((h, i) => Math.max(h.length, ...table.map((row) => row[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("  ");
  console.log(line(header));
  for (const row of table) console.log(line(row));
  const ceiling = rows[0]!.rps;
  for (const row of rows.slice(1)) {
    console.log(`  ${row.name}: ${((row.rps / ceiling) * 100).toFixed(0)}% of /healthz throughput`);
  }
  if (receipt) await passphraseFlood(receipt);
} finally {
  server.kill("SIGTERM");
}

const sizes = bundleSizes();
if (sizes) {
  console.log("\nJavaScript for the explore page (gzip -9, from public/build):");
  console.log(`  before the map is opened: ${kb(sizes.before)}`);
  console.log(`  the map adds:             ${kb(sizes.mapJs)} JS + ${kb(sizes.mapCss)} CSS (${sizes.lazy.length} lazy chunk${sizes.lazy.length === 1 ? "" : "s"})`);
}
