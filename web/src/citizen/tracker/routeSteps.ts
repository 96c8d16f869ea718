/**
 * Each agency's step of the request's route, as the tracker shows it: the service's route names the
 * stages and agencies; the request's open hand-offs (`whereNow`) give the steps in progress with their
 * due times; its history gives the steps already decided. A step nobody has reached yet is WAITING.
 */
import type { TrackRequestQuery, TrackedServiceRouteQuery } from "../../generated/graphql";

export type TrackedRequest = Extract<TrackRequestQuery["trackRequest"], { __typename: "TrackedRequest" }>;
export type TrackedService = Extract<TrackedServiceRouteQuery["service"], { __typename: "Service" }>;
export type StepState = "WAITING" | "FORWARDED" | "RECEIVED" | "COMPLETED" | "RETURNED" | "REJECTED" | "CANCELLED";

export interface Text {
  ar: string;
  en: string;
}

export interface RouteStep {
  agencyCode: string;
  name: Text | null;
  task: Text;
  state: StepState;
  dueAt: string | null;
  overdue: boolean;
  receivedAt: string | null;
  decidedAt: string | null;
}

export interface RouteStage {
  order: number;
  steps: RouteStep[];
}

const DECISIONS = new Set<string>(["COMPLETED", "RETURNED", "REJECTED", "CANCELLED"]);

export function routeStages(request: TrackedRequest, service: TrackedService): RouteStage[] {
  return service.route.stages.map((stage) => ({
    order: stage.order,
    steps: stage.agencies.map((agency) => stepOf(request, agency.code, agency.name, agency.task)),
  }));
}

function stepOf(request: TrackedRequest, agencyCode: string, name: Text | null, task: Text): RouteStep {
  const step = { agencyCode, name, task, dueAt: null, overdue: false, receivedAt: null, decidedAt: null };
  const open = request.whereNow.find((handoff) => handoff.agencyCode === agencyCode);
  if (open) {
    return { ...step, state: open.status as StepState, dueAt: open.dueAt, overdue: open.overdue, receivedAt: open.receivedAt };
  }
  const events = request.history.filter((entry) => entry.agencyCode === agencyCode);
  const decision = events.filter((entry) => DECISIONS.has(entry.event)).at(-1);
  const received = events.filter((entry) => entry.event === "RECEIVED").at(-1);
  if (!decision) return { ...step, state: "WAITING" };
  return { ...step, state: decision.event as StepState, receivedAt: received?.atMadinah.at ?? null, decidedAt: decision.atMadinah.at };
}
