// Loads .env into process.env before anything reads the configuration. A variable that is already
// set wins over the file; an empty one counts as unset, as everywhere in the configuration
// (app/utils/env.server.ts). The parser is Node's own (util.parseEnv, the one behind --env-file).
// Every entry point loads it first: server.js and scripts/start.mjs and dev.mjs import it, the
// tsx scripts in package.json run with `node --import ./scripts/load-env.mjs`.
//   ENV_FILE=<path>  load another file instead (it must exist)
//   ENV_FILE=none    load nothing (the tests do this, so a developer's .env never leaks in)
import { existsSync, readFileSync } from "node:fs";
import { parseEnv } from "node:util";

const chosen = process.env.ENV_FILE;
const file = chosen || ".env";
if (chosen !== "none") {
  if (existsSync(file)) {
    for (const [name, value] of Object.entries(parseEnv(readFileSync(file, "utf8")))) {
      if (!process.env[name]) process.env[name] = value;
    }
  } else if (chosen) {
    console.error(`Samen cannot start. Invalid configuration:\n  - ENV_FILE: ${file} does not exist`);
    process.exit(1);
  }
}
