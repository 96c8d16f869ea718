/** What the citizen should do now, for the request's status. */
import { Notice } from "../../shared/components/Notice";
import { useMessages } from "../../shared/i18n/language";
import type { TrackedRequest } from "./routeSteps";

export function NextStep({ status }: { status: TrackedRequest["status"] }) {
  const { citizen } = useMessages();
  return (
    <Notice heading={citizen.tracker.nextHeading}>
      <p>{citizen.tracker.next[status]}</p>
    </Notice>
  );
}
