/**
 * The receipt of a filing, to print on A4 or on an 80 mm receipt printer (print CSS in console.css): the
 * tracking number, the PIN (shown only here, once), the fee lines and a QR code that opens the tracker
 * with the number (never the PIN).
 */
import { useEffect, useRef } from "preact/hooks";
import { DateTime } from "../../shared/components/DateTime";
import { WallTime } from "../../shared/components/MadinahTime";
import { money } from "../../shared/format/intl";
import { useConsoleLanguage } from "../../shared/i18n/centre";
import { CardSlipRows } from "../components/CardSlipRows";
import { FeeBreakdown } from "../components/FeeBreakdown";
import type { Filed } from "../file/useFiling";
import { QrCode } from "./QrCode";
import { SummaryRow } from "../../shared/components/SummaryRow";

export type PrintLayout = "a4" | "thermal";

export function trackerAddress(trackingNumber: string, origin: string = window.location.origin): string {
  return `${origin}/track?n=${encodeURIComponent(trackingNumber)}`;
}

/** Print in one layout: the root's data-print names the @page rule the receipt uses (A4 by default). */
export function printAs(layout: PrintLayout): void {
  document.documentElement.dataset["print"] = layout;
  window.print();
}

interface ReceiptProps {
  filed: Filed;
  centreName: string;
  citizenName: string;
  serviceName: string;
}

export function Receipt({ filed, centreName, citizenName, serviceName }: ReceiptProps) {
  const { language, messages } = useConsoleLanguage();
  const text = messages.centre.receipt;
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const { request, pin } = filed;
  const payment = request.payment;
  return (
    <>
      <section class="receipt printable" aria-labelledby="receipt-heading">
        <p class="receipt__brand">{messages.common.productName}</p>
        <h2 class="heading-l receipt__title" id="receipt-heading" ref={heading} tabIndex={-1}>
          {text.title}
        </h2>
        <p class="receipt__filed">{request.bill ? text.filedAwaitingPayment : text.filed}</p>
        <div class="receipt__body">
          <dl class="summary-list receipt__details">
            <SummaryRow label={text.trackingNumber} code valueClass="receipt__number" id="receipt-tracking-number">
              {request.trackingNumber}
            </SummaryRow>
            <SummaryRow label={text.pin} code valueClass="receipt__pin secret" id="receipt-pin">
              {pin ?? "—"}
            </SummaryRow>
            <SummaryRow label={text.service}>{serviceName}</SummaryRow>
            <SummaryRow label={text.citizen}>{citizenName}</SummaryRow>
            <SummaryRow label={text.centre}>{centreName}</SummaryRow>
            {payment && (
              <>
                <SummaryRow label={text.receiptNumber} code>
                  {payment.receiptNumber}
                </SummaryRow>
                <SummaryRow label={text.collectedAt}>
                  <DateTime value={payment.collectedAt} />
                </SummaryRow>
                <SummaryRow label={text.paidBy}>
                  {messages.centre.file.paymentMethods[payment.method]} — {money(payment.amount, language)}
                </SummaryRow>
                <CardSlipRows payment={payment} />
              </>
            )}
            {request.bill && (
              <>
                <SummaryRow label={text.sadadBill} code id="receipt-bill">
                  {request.bill.billNumber}
                </SummaryRow>
                <SummaryRow label={text.sadadAmount}>{money(request.bill.amount, language)}</SummaryRow>
                <SummaryRow label={text.sadadDeadline} id="receipt-bill-deadline">
                  <WallTime value={request.bill.expiresAtMadinah} />
                </SummaryRow>
              </>
            )}
          </dl>
          <figure class="receipt__qr">
            <QrCode text={trackerAddress(request.trackingNumber)} label={text.qrLabel(request.trackingNumber)} />
            <figcaption class="hint">{text.qrHint}</figcaption>
          </figure>
        </div>
        {payment && <FeeBreakdown fee={payment.fee} charge={payment.serviceCharge} total={payment.amount} />}
        <p class="receipt__note">
          {text.trackAt} <span dir="ltr">{trackerAddress(request.trackingNumber).replace(/\?.*$/, "")}</span>
        </p>
        <p class="receipt__note">{text.smsNote}</p>
        <p class="no-print notice-inline">{pin ? text.pinOnce : text.pinAgain}</p>
      </section>
      <div class="button-group no-print">
        <button class="button" type="button" onClick={() => printAs("a4")}>
          {text.printA4}
        </button>
        <button class="button button--secondary" type="button" onClick={() => printAs("thermal")}>
          {text.printThermal}
        </button>
      </div>
    </>
  );
}
