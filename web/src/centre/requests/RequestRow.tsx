/** One of the centre's requests in the list: a request that still moves is followed live (its status and
 * the open step's due time, in working time, as the API gives them); every event is announced. */
import { useCallback, useEffect, useState } from "preact/hooks";
import { useClient } from "@urql/preact";
import { trusted } from "../../shared/api/documents";
import { DateTime } from "../../shared/components/DateTime";
import { useConsoleLanguage } from "../../shared/i18n/centre";
import { useLocalized } from "../../shared/i18n/language";
import { CentreRequestDocument, type CentreRequestsQuery, type RequestStatus } from "../../generated/graphql";
import { DueTime, type WallClock } from "../../shared/components/MadinahTime";
import { relativeTime } from "../../shared/format/intl";
import { useRequestUpdates } from "../live/useRequestUpdates";
import { useCoalescedRefresh } from "../../shared/api/useCoalescedRefresh";
import { isOpen } from "./openStatuses";

type Summary = CentreRequestsQuery["centreRequests"]["items"][number];
type OpenStep = { dueAt: string; overdue: boolean; dueAtMadinah: WallClock };

interface RequestRowProps {
  summary: Summary;
  serviceName: { ar: string; en: string } | undefined;
  onUpdate: (trackingNumber: string, status: RequestStatus) => void;
}

export function RequestRow({ summary, serviceName, onUpdate }: RequestRowProps) {
  const client = useClient();
  const { language, messages } = useConsoleLanguage();
  const localized = useLocalized();
  const [status, setStatus] = useState(summary.status);
  const [due, setDue] = useState<OpenStep | null>(null);
  const live = isOpen(status);

  const refresh = useCallback(async () => {
    const result = await client.query(trusted(CentreRequestDocument), { id: summary.id }).toPromise();
    const request = result.data?.request;
    if (request?.__typename !== "ServiceRequest") return;
    setStatus(request.status);
    const next = [...request.whereNow].sort((a, b) => a.dueAt.localeCompare(b.dueAt))[0];
    setDue(next ? { dueAt: next.dueAt, overdue: next.overdue, dueAtMadinah: next.dueAtMadinah } : null);
  }, [client, summary.id]);

  useEffect(() => {
    if (isOpen(summary.status)) void refresh();
  }, [refresh, summary.status]);
  const refreshOnEvent = useCoalescedRefresh(refresh);
  useRequestUpdates(summary.id, live, (event) => {
    onUpdate(event.trackingNumber, event.status);
    refreshOnEvent();
  });

  return (
    <tr class={live ? "requests__row requests__row--live" : "requests__row"}>
      <td>
        <a class="code" dir="ltr" href={`/centre/requests/${summary.id}`}>
          {summary.trackingNumber}
        </a>
      </td>
      <td>{serviceName ? localized(serviceName) : summary.serviceCode}</td>
      <td>
        <strong class={`tag tag--${status.toLowerCase()}`}>{messages.statuses.request[status]}</strong>
      </td>
      <td>
        <DateTime value={summary.createdAt} />
      </td>
      <td>
        {due && status === "AT_AGENCIES" && (
          <>
            <DueTime value={due.dueAtMadinah} overdue={due.overdue} />{" "}
            <span class="due__relative">— {relativeTime(due.dueAt, language)}</span>
          </>
        )}
      </td>
    </tr>
  );
}
