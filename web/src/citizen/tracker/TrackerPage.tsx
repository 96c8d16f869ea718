/**
 * /track — a citizen follows a request without signing in: tracking number + PIN (the receipt's QR code
 * opens /track?n=<number>, never with the PIN) → status, the route's steps with each agency's state and
 * due time, what to do next, the history; a wrong PIN and the lockout said plainly.
 */
import { useEffect, useRef, useState } from "preact/hooks";
import { useClient } from "@urql/preact";
import type { FieldError } from "../../shared/components/ErrorSummary";
import { Notice } from "../../shared/components/Notice";
import { PageLayout } from "../../shared/components/PageLayout";
import { trusted } from "../../shared/api/documents";
import { useLanguage, useLocalized } from "../../shared/i18n/language";
import { TrackRequestDocument, TrackedServiceRouteDocument } from "../../generated/graphql";
import { NextStep } from "./NextStep";
import { RequestTimeline } from "../requests/RequestTimeline";
import { RequestSummary } from "./RequestSummary";
import { RouteSteps } from "./RouteSteps";
import { NUMBER_FIELD, PIN_FIELD, TrackForm } from "./TrackForm";
import { routeStages, type TrackedRequest, type TrackedService } from "./routeSteps";
import { inputErrors, normalised, type TrackingInput } from "./trackingInput";

type View =
  | { kind: "form"; errors: FieldError[] }
  | { kind: "tracking" }
  | { kind: "found"; request: TrackedRequest; service: TrackedService | null }
  | { kind: "locked" };

export default function TrackerPage() {
  const client = useClient();
  const { messages } = useLanguage();
  const localized = useLocalized();
  const text = messages.citizen.tracker;
  const [input, setInput] = useState<TrackingInput>(() => ({
    trackingNumber: new URLSearchParams(window.location.search).get("n") ?? "",
    pin: "",
  }));
  const [view, setView] = useState<View>({ kind: "form", errors: [] });
  const result = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (input.trackingNumber) document.getElementById(PIN_FIELD)?.focus(); // from the QR code: the PIN is next
  }, []);
  useEffect(() => {
    if (view.kind === "found" || view.kind === "locked") result.current?.focus();
  }, [view.kind]);

  const fail = (errors: FieldError[]) => setView({ kind: "form", errors });

  const track = async () => {
    const wanted = normalised(input);
    const invalid = inputErrors(wanted);
    if (invalid.trackingNumber || invalid.pin) {
      fail([
        ...(invalid.trackingNumber ? [{ field: NUMBER_FIELD, message: text[invalid.trackingNumber] }] : []),
        ...(invalid.pin ? [{ field: PIN_FIELD, message: text[invalid.pin] }] : []),
      ]);
      return;
    }
    setView({ kind: "tracking" });
    const tracked = await client.query(trusted(TrackRequestDocument), wanted).toPromise();
    const answer = tracked.data?.trackRequest;
    if (!answer) {
      fail([{ field: NUMBER_FIELD, message: tracked.error?.networkError ? messages.common.unreachable : messages.common.unexpected }]);
      return;
    }
    if (answer.__typename === "TryLater") {
      // too many wrong PINs for this number (locked, issued or not), or too many failures from here
      if (answer.errorCode === "TRACKING_LOCKED") setView({ kind: "locked" });
      else fail([{ field: NUMBER_FIELD, message: localized(answer.message) }]);
      return;
    }
    if (answer.__typename === "ValidationFailed") {
      if (answer.errorCode === "TRACKING_FAILED") fail([{ field: PIN_FIELD, message: text.wrongNumberOrPin }]);
      else fail([{ field: NUMBER_FIELD, message: localized(answer.message) }]);
      return;
    }
    const route = await client.query(trusted(TrackedServiceRouteDocument), { code: answer.serviceCode }).toPromise();
    const service = route.data?.service.__typename === "Service" ? route.data.service : null;
    setInput({ trackingNumber: answer.trackingNumber, pin: "" }); // the PIN is not kept once used
    setView({ kind: "found", request: answer, service });
  };

  const again = () => {
    setInput({ trackingNumber: "", pin: "" });
    setView({ kind: "form", errors: [] });
  };

  if (view.kind === "found") {
    const { request, service } = view;
    const agencies = new Map(
      service?.route.stages.flatMap((stage) => stage.agencies.map((agency) => [agency.code, agency.name] as const)) ?? [],
    );
    const agencyName = (code: string) => {
      const name = agencies.get(code);
      return name ? localized(name) : code;
    };
    return (
      <PageLayout title={text.resultHeading}>
        <h1 class="heading-xl" ref={result} tabIndex={-1}>
          {text.resultHeading}
        </h1>
        <RequestSummary request={request} service={service} />
        <NextStep status={request.status} />
        {service && <RouteSteps stages={routeStages(request, service)} />}
        <RequestTimeline heading={text.historyHeading} history={request.history} agencyName={agencyName} />
        <p>
          <button class="button button--secondary" type="button" onClick={again}>
            {text.trackAnother}
          </button>
        </p>
      </PageLayout>
    );
  }
  return (
    <PageLayout title={text.title}>
      <h1 class="heading-xl" ref={result} tabIndex={-1}>
        {text.title}
      </h1>
      <p class="lead">{text.intro}</p>
      {view.kind === "locked" && (
        <Notice heading={text.lockedHeading} tone="warning">
          <p>{text.lockedBody}</p>
        </Notice>
      )}
      <TrackForm
        value={input}
        onValue={setInput}
        errors={view.kind === "form" ? view.errors : []}
        busy={view.kind === "tracking"}
        onSubmit={() => void track()}
      />
    </PageLayout>
  );
}
