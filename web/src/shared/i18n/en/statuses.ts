import type { Messages } from "../catalogue";

/** The names of the API's states and events, as a citizen reads them (English). */
export const statuses: Messages["statuses"] = {
  request: {
    SUBMITTED: "Received at the centre",
    AT_AGENCIES: "With the government agencies",
    RETURNED_TO_CENTRE: "Returned to the centre for missing items",
    REJECTED: "Rejected",
    COMPLETED_AT_CENTRE: "Done, waiting at the centre",
    DELIVERED: "Handed over",
    CANCELLED: "Cancelled",
    EXPIRED: "Expired",
  },
  step: {
    WAITING: "Not there yet",
    FORWARDED: "Sent to the agency",
    RECEIVED: "Being processed by the agency",
    COMPLETED: "Done by the agency",
    RETURNED: "Returned by the agency for missing items",
    REJECTED: "Rejected by the agency",
    CANCELLED: "Cancelled",
  },
  event: {
    SUBMITTED: "The centre filed the request and took the fee",
    FORWARDED: "The file was sent to the agency",
    RECEIVED: "The agency received the file",
    IN_PROCESS: "The agency started processing",
    COMPLETED: "The agency finished its step",
    RETURNED: "The agency returned the file for missing items",
    REJECTED: "The agency rejected the request",
    OVERDUE: "The step ran late; the monitoring office was told",
    AWAITING_RESUBMISSION: "Waiting for the missing items",
    RESUBMITTED: "The centre sent the file again",
    CANCELLED: "The request was cancelled",
    COMPLETED_AT_CENTRE: "The finished transaction is back at the centre",
    DELIVERED: "The centre handed the transaction over",
    EXPIRED: "The request expired",
    OTHER: "An update on the request",
  },
};
