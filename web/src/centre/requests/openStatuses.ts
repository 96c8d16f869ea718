/** The statuses in which a request still moves (followed live, with its due time), and which need the
 * desk (a return to answer, a finished transaction to hand over). */
import type { RequestStatus } from "../../generated/graphql";

export const STATUSES: RequestStatus[] = [
  "AWAITING_PAYMENT",
  "SUBMITTED",
  "AT_AGENCIES",
  "RETURNED_TO_CENTRE",
  "COMPLETED_AT_CENTRE",
  "DELIVERED",
  "REJECTED",
  "CANCELLED",
  "EXPIRED",
];

/** A request waiting for its SADAD bill is open too: paid, it moves on without the desk. */
const OPEN = new Set<RequestStatus>(["AWAITING_PAYMENT", "SUBMITTED", "AT_AGENCIES", "RETURNED_TO_CENTRE", "COMPLETED_AT_CENTRE"]);

export function isOpen(status: RequestStatus): boolean {
  return OPEN.has(status);
}

export function isStatus(value: string | null): value is RequestStatus {
  return STATUSES.includes(value as RequestStatus);
}
