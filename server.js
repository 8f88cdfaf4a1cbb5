// Production entry: the Remix server build carries the whole app, including its Express
// server (app/utils/http-server.server.ts), so this file stays a one-liner.
process.env.NODE_ENV ??= "production";

const build = await import("./build/index.js");
await build.entry.module.startServer(build);
