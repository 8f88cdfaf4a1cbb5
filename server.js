// Production entry (npm run serve): the Remix server build carries the whole app, including its
// Express server (app/server/), so this file stays small.
import "./scripts/load-env.mjs";

process.env.NODE_ENV ??= "production";

let build;
try {
  build = await import("./build/index.js");
} catch (error) {
  // Modules that read the configuration when they load stop here, with the same plain message
  // as startServer() (see cannotStartMessage in app/utils/env.server.ts).
  if (error?.name === "EnvError") {
    console.error(`Samen cannot start. ${error.message}`);
    process.exit(1);
  }
  throw error;
}
await build.entry.module.startServer(build);
