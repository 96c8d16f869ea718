import type { Messages } from "../catalogue";
import { citizen } from "./citizen";
import { common } from "./common";
import { statuses } from "./statuses";

export const english: Messages = { common, statuses, citizen };
