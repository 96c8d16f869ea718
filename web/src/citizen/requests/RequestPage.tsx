/**
 * /me/requests/:id — one of the citizen's requests: what it is and what was paid, where the file is now
 * with each agency's due time (Madinah's wall clock, working hours), the dated history, the documents
 * filed (to download), and after delivery the rating and complaints. It follows the request live: each
 * agency's action reloads it, said politely to screen readers.
 */
import { useState } from "preact/hooks";
import { useClient, useQuery } from "@urql/preact";
import { useCoalescedRefresh } from "../../shared/api/useCoalescedRefresh";
import { trusted } from "../../shared/api/documents";
import { SummaryRow } from "../../shared/components/SummaryRow";
import { WallTime } from "../../shared/components/MadinahTime";
import { money } from "../../shared/format/intl";
import { useLanguage, useLocalized } from "../../shared/i18n/language";
import { useMyMessages } from "../../shared/i18n/me";
import { MyRequestDocument } from "../../generated/graphql";
import { CouldNotLoad, Loading } from "../account/Loading";
import { MyFrame } from "../account/MyFrame";
import { useAgencyNames } from "../account/names";
import { DownloadButton } from "../documents/DownloadButton";
import { FeedbackPanel } from "../feedback/FeedbackPanel";
import { RequestTimeline } from "./RequestTimeline";
import { useRequestUpdates } from "./useRequestUpdates";
import { WhereNow, type Request } from "./WhereNow";

function Summary({ request }: { request: Request }) {
  const { language, messages } = useLanguage();
  const localized = useLocalized();
  const text = useMyMessages().request;
  const { payment } = request;
  return (
    <dl class="summary-list">
      <SummaryRow label={text.trackingNumber} code>
        {request.trackingNumber}
      </SummaryRow>
      <SummaryRow label={text.service}>{request.serviceName ? localized(request.serviceName) : request.serviceCode}</SummaryRow>
      <SummaryRow label={text.status}>
        <strong class={`tag tag--${request.status.toLowerCase()}`}>{messages.statuses.request[request.status]}</strong>
      </SummaryRow>
      <SummaryRow label={text.filedOn}>
        <WallTime value={request.createdAtMadinah} />
      </SummaryRow>
      {request.completedAtMadinah && (
        <SummaryRow label={text.completedOn}>
          <WallTime value={request.completedAtMadinah} />
        </SummaryRow>
      )}
      {request.deliveredAtMadinah && (
        <SummaryRow label={text.deliveredOn}>
          <WallTime value={request.deliveredAtMadinah} />
        </SummaryRow>
      )}
      {payment && (
        <>
          <SummaryRow label={text.paid}>
            {money(payment.amount, language)}
            <span class="hint-inline">
              {text.feeLines(money(payment.fee, language), money(payment.serviceCharge, language))}
            </span>
            {payment.refundedAt && <strong class="tag tag--cancelled">{text.refunded}</strong>}
          </SummaryRow>
          <SummaryRow label={text.receipt}>
            <span class="code" dir="ltr">
              {payment.receiptNumber}
            </span>{" "}
            · <WallTime value={payment.collectedAtMadinah} />
          </SummaryRow>
        </>
      )}
    </dl>
  );
}

function FiledDocuments({ documents }: { documents: Request["attachedDocuments"] }) {
  const localized = useLocalized();
  const text = useMyMessages().request;
  const filed = documents.filter((document) => document.filed);
  if (!filed.length) return null;
  return (
    <section aria-labelledby="filed-documents">
      <h2 class="heading-m" id="filed-documents">
        {text.documentsHeading}
      </h2>
      <ul class="item-list">
        {filed.map((document) => (
          <li class="item-list__item" key={document.id}>
            <p class="item-list__title">{localized(document.typeName)}</p>
            {document.fileName && (
              <p class="item-list__meta" dir="auto">
                {document.fileName}
              </p>
            )}
            <DownloadButton documentId={document.id} name={localized(document.typeName)} />
          </li>
        ))}
      </ul>
    </section>
  );
}

function RequestDetails({ id }: { id: string }) {
  const { request: text, feedback } = useMyMessages();
  const agencyName = useAgencyNames();
  const [refreshed, setRefreshed] = useState(0);
  const client = useClient();
  const [result] = useQuery({ query: trusted(MyRequestDocument), variables: { id } });
  // The answer reaches the query above too: urql hands an operation's results to every reader of it.
  const refresh = useCoalescedRefresh(() =>
    client.query(trusted(MyRequestDocument), { id }, { requestPolicy: "network-only" }).toPromise(),
  );
  useRequestUpdates(id, () => {
    refresh();
    setRefreshed((count) => count + 1);
  });
  const request = result.data?.request;
  if (!request) return result.fetching ? <Loading /> : <CouldNotLoad unreachable={Boolean(result.error?.networkError)} />;
  if (request.__typename !== "ServiceRequest") return <p>{text.notFound}</p>;
  return (
    <>
      <Summary request={request} />
      <p class="hint">{text.live}</p>
      <p class="visually-hidden" role="status">
        {refreshed > 0 ? text.updated : ""}
      </p>
      <WhereNow steps={request.whereNow} agencyName={agencyName} />
      <RequestTimeline heading={text.historyHeading} history={request.history} agencyName={agencyName} />
      <FiledDocuments documents={request.attachedDocuments} />
      {request.status === "DELIVERED" ? (
        <FeedbackPanel requestId={request.id} refreshed={refreshed} />
      ) : (
        <p class="hint">{feedback.afterDelivery}</p>
      )}
    </>
  );
}

export default function RequestPage({ params }: { params: { id?: string } }) {
  const text = useMyMessages().request;
  const id = params.id ?? "";
  return (
    <MyFrame title={text.title} section="requests">
      {() => (
        <>
          <p>
            <a class="back-link" href="/me/requests">
              {text.back}
            </a>
          </p>
          <h1 class="heading-xl">{text.title}</h1>
          <RequestDetails id={id} />
        </>
      )}
    </MyFrame>
  );
}
