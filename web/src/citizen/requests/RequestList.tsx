/** Requests as a list of links: the service, its tracking number, its status in words, when it was filed. */
import { WallTime, type WallClock } from "../../shared/components/MadinahTime";
import { useMessages } from "../../shared/i18n/language";
import { useMyMessages } from "../../shared/i18n/me";
import type { RequestStatus } from "../../generated/graphql";

export interface ListedRequest {
  id: string;
  trackingNumber: string;
  status: RequestStatus;
  serviceCode: string;
  createdAtMadinah: WallClock;
}

export function RequestList({ requests, serviceName }: { requests: ListedRequest[]; serviceName: (code: string) => string }) {
  const { statuses } = useMessages();
  const text = useMyMessages().requests;
  return (
    <ul class="item-list">
      {requests.map((request) => (
        <li class="item-list__item" key={request.id}>
          <a class="item-list__link" href={`/me/requests/${encodeURIComponent(request.id)}`}>
            {serviceName(request.serviceCode)}
          </a>
          <p class="item-list__meta">
            <strong class={`tag tag--${request.status.toLowerCase()}`}>{statuses.request[request.status]}</strong>
          </p>
          <p class="item-list__meta">
            {text.trackingNumber}: <span class="code" dir="ltr">{request.trackingNumber}</span>
          </p>
          <p class="item-list__meta">
            {text.filedOn}: <WallTime value={request.createdAtMadinah} />
          </p>
        </li>
      ))}
    </ul>
  );
}
