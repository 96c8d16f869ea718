/** The request at a glance: its status, number, service, government fee and when it was filed. */
import { DateTime } from "../../shared/components/DateTime";
import { money } from "../../shared/format/intl";
import { useLanguage, useLocalized } from "../../shared/i18n/language";
import type { TrackedRequest, TrackedService } from "./routeSteps";

export function RequestSummary({ request, service }: { request: TrackedRequest; service: TrackedService | null }) {
  const { language, messages } = useLanguage();
  const localized = useLocalized();
  const text = messages.citizen.tracker;
  return (
    <dl class="summary-list">
      <div class="summary-list__row">
        <dt>{text.status}</dt>
        <dd>
          <strong class={`tag tag--${request.status.toLowerCase()}`}>{messages.statuses.request[request.status]}</strong>
        </dd>
      </div>
      <div class="summary-list__row">
        <dt>{text.trackingNumber}</dt>
        <dd dir="ltr" class="code">
          {request.trackingNumber}
        </dd>
      </div>
      <div class="summary-list__row">
        <dt>{text.service}</dt>
        <dd>{service ? localized(service.name) : request.serviceCode}</dd>
      </div>
      {service && (
        <div class="summary-list__row">
          <dt>{text.governmentFee}</dt>
          <dd>{money(service.fee, language)}</dd>
        </div>
      )}
      <div class="summary-list__row">
        <dt>{text.filedOn}</dt>
        <dd>
          <DateTime value={request.createdAt} />
        </dd>
      </div>
    </dl>
  );
}
