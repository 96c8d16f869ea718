/**
 * /centre/requests/:id — one of the centre's requests, live: where the file is and by when, its SADAD
 * bill when it has one, what the desk must do (answer a return, hand a finished transaction over, or cancel before receipt, refunded), the
 * dated history. Each event of the subscription reloads it and is announced.
 */
import { useCallback, useEffect, useState } from "preact/hooks";
import { useClient } from "@urql/preact";
import { trusted } from "../../shared/api/documents";
import { DateTime } from "../../shared/components/DateTime";
import { Notice } from "../../shared/components/Notice";
import { money } from "../../shared/format/intl";
import { useConsoleLanguage, type ConsoleMessages } from "../../shared/i18n/centre";
import { useLocalized } from "../../shared/i18n/language";
import { CentreRequestDocument, ServiceFormDocument, type ServiceFormQuery } from "../../generated/graphql";
import type { PageParams } from "../../app/routes";
import { CardSlipRows } from "../components/CardSlipRows";
import { ConsoleFrame } from "../ConsoleFrame";
import { useRequestUpdates } from "../live/useRequestUpdates";
import { useCoalescedRefresh } from "../../shared/api/useCoalescedRefresh";
import { isOpen } from "../requests/openStatuses";
import { CancelPanel } from "./CancelPanel";
import { DeliveryPanel } from "./DeliveryPanel";
import { History } from "./History";
import { ReturnedPanel } from "./ReturnedPanel";
import { SadadBillPanel } from "./SadadBillPanel";
import { SmsStatuses } from "./SmsStatuses";
import type { CentreRequestFile } from "./types";
import { WhereNow } from "./WhereNow";
import { SummaryRow } from "../../shared/components/SummaryRow";

type Service = Extract<ServiceFormQuery["service"], { __typename: "Service" }>;
type EventName = keyof ConsoleMessages["statuses"]["event"];

export default function RequestPage({ params }: { params: PageParams }) {
  const { messages } = useConsoleLanguage();
  return (
    <ConsoleFrame title={messages.centre.requests.title} section="requests">
      {() => <CentreRequest id={params["id"] ?? ""} />}
    </ConsoleFrame>
  );
}

function CentreRequest({ id }: { id: string }) {
  const client = useClient();
  const { language, messages } = useConsoleLanguage();
  const localized = useLocalized();
  const text = messages.centre.request;
  const [request, setRequest] = useState<CentreRequestFile | null | undefined>(undefined);
  const [service, setService] = useState<Service | null>(null);
  const [announcement, setAnnouncement] = useState("");

  const load = useCallback(async () => {
    const result = await client.query(trusted(CentreRequestDocument), { id }).toPromise();
    const found = result.data?.request;
    setRequest(found?.__typename === "ServiceRequest" ? found : null);
    return found?.__typename === "ServiceRequest" ? found : null;
  }, [client, id]);
  useEffect(() => {
    void load().then(async (found) => {
      if (!found) return;
      const form = await client.query(trusted(ServiceFormDocument), { code: found.serviceCode }).toPromise();
      if (form.data?.service.__typename === "Service") setService(form.data.service);
    });
  }, [load]);
  const agencies = new Map(service?.route.stages.flatMap((stage) => stage.agencies.map((agency) => [agency.code, agency.name] as const)) ?? []);
  const agencyName = (code: string) => {
    const name = agencies.get(code);
    return name ? localized(name) : code;
  };
  const refresh = useCoalescedRefresh(load);
  const { stopped } = useRequestUpdates(id, Boolean(request && isOpen(request.status)), (event) => {
    const what = messages.statuses.event[(event.kind in messages.statuses.event ? event.kind : "OTHER") as EventName];
    setAnnouncement(text.liveEvent(event.agencyCode ? `${what} — ${agencyName(event.agencyCode)}` : what));
    refresh();
  });

  if (request === undefined) return <p>{messages.common.loading}</p>;
  if (request === null) {
    return (
      <Notice heading={text.notFound} tone="warning">
        <p>
          <a href="/centre/requests">{text.back}</a>
        </p>
      </Notice>
    );
  }
  const received = request.handoffs.some((handoff) => handoff.receivedAt);
  return (
    <>
      <p>
        <a href="/centre/requests">{text.back}</a>
      </p>
      <h1 class="heading-xl">
        {text.title("")}
        <span class="code" dir="ltr">
          {request.trackingNumber}
        </span>
      </h1>
      <p class="visually-hidden" aria-live="polite" id="request-announcement">
        {announcement}
      </p>
      {announcement && (
        <p class="live-update" aria-hidden="true">
          {announcement}
        </p>
      )}
      {stopped && <p class="error-message">{messages.centre.requests.liveStopped}</p>}
      <dl class="summary-list">
        <SummaryRow label={text.status}>
          <strong class={`tag tag--${request.status.toLowerCase()}`} id="request-status">
            {messages.statuses.request[request.status]}
          </strong>
        </SummaryRow>
        <SummaryRow label={text.service}>{request.serviceName ? localized(request.serviceName) : request.serviceCode}</SummaryRow>
        <SummaryRow label={text.citizen}>{request.citizen?.nameAr}</SummaryRow>
        <SummaryRow label={text.filed}>
          <DateTime value={request.createdAt} />
        </SummaryRow>
        {request.payment && (
          <SummaryRow label={request.payment.refundedAt ? text.refunded : text.paid}>
            {money(request.payment.amount, language)} — {messages.centre.file.paymentMethods[request.payment.method]}
          </SummaryRow>
        )}
        {request.payment && <CardSlipRows payment={request.payment} />}
      </dl>
      {request.bill && <SadadBillPanel bill={request.bill} />}
      {request.status === "RETURNED_TO_CENTRE" && service && (
        <ReturnedPanel request={request} documents={service.documents} agencyName={agencyName} onChanged={() => void load()} />
      )}
      {request.status === "COMPLETED_AT_CENTRE" && <DeliveryPanel request={request} onChanged={() => void load()} />}
      {request.status === "DELIVERED" && <p class="panel panel--done">{text.delivered}</p>}
      {request.status === "CANCELLED" && <p class="panel">{text.cancelled}</p>}
      {(request.status === "AT_AGENCIES" || request.status === "SUBMITTED") && <WhereNow request={request} agencyName={agencyName} />}
      {(request.status === "AT_AGENCIES" || request.status === "SUBMITTED") && !received && <CancelPanel request={request} onChanged={() => void load()} />}
      <SmsStatuses request={request} />
      <History request={request} agencyName={agencyName} />
    </>
  );
}
