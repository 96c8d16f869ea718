import type { Messages } from "../catalogue";
import { citizen } from "./citizen";
import { common } from "./common";
import { session } from "./session";
import { statuses } from "./statuses";

export const english: Messages = { common, statuses, session, citizen };
