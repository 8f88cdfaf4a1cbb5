
export { publicOrigin } from "~/utils/env.server";
