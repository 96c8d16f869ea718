/**
 * /centre/file — file a service for a citizen, in three steps and a receipt: who (the ID number looked
 * up), which service (the catalogue searched in Arabic or English), then its form, the identity checked
 * at this visit, the documents, the fee and the payment method; filed once whatever is pressed twice.
 * `?nid=` starts with that citizen (from the record page).
 */
import { useEffect, useRef, useState } from "preact/hooks";
import { useClient } from "@urql/preact";
import { trusted } from "../../shared/api/documents";
import { useConsoleLanguage } from "../../shared/i18n/centre";
import { useLocalized } from "../../shared/i18n/language";
import { ServiceFormDocument } from "../../generated/graphql";
import { ConsoleFrame } from "../ConsoleFrame";
import { CannotFile } from "../desk/CannotFile";
import type { Desk } from "../desk/useDesk";
import { NationalIdLookup, type CitizenRecord } from "../components/NationalIdLookup";
import { Receipt } from "../receipt/Receipt";
import type { FormService } from "./answers";
import { FilingForm } from "./FilingForm";
import { ServiceChooser } from "./ServiceChooser";
import { newIdempotencyKey, type Filed } from "./useFiling";

type Step =
  | { kind: "citizen"; notFound?: string }
  | { kind: "service"; citizen: CitizenRecord }
  | { kind: "form"; citizen: CitizenRecord; service: FormService; idempotencyKey: string }
  | { kind: "receipt"; citizen: CitizenRecord; service: FormService; filed: Filed };

const STEP_NUMBER = { citizen: 1, service: 2, form: 3 } as const;

export default function FilePage() {
  const { messages } = useConsoleLanguage();
  return (
    <ConsoleFrame title={messages.centre.file.title} section="file">
      {(desk) => (desk.centre.serving ? <Filing desk={desk} /> : <CannotFile desk={desk} />)}
    </ConsoleFrame>
  );
}

function Filing({ desk }: { desk: Desk }) {
  const client = useClient();
  const { messages } = useConsoleLanguage();
  const localized = useLocalized();
  const text = messages.centre.file;
  const nid = new URLSearchParams(window.location.search).get("nid") ?? undefined;
  const [step, setStep] = useState<Step>({ kind: "citizen" });
  const heading = useRef<HTMLHeadingElement>(null);
  const first = useRef(true);
  useEffect(() => {
    if (first.current) first.current = false;
    else if (step.kind !== "receipt") heading.current?.focus(); // the receipt focuses its own heading
  }, [step.kind]);

  const chooseService = async (citizen: CitizenRecord, code: string) => {
    const result = await client.query(trusted(ServiceFormDocument), { code }).toPromise();
    const service = result.data?.service;
    if (service?.__typename === "Service") setStep({ kind: "form", citizen, service, idempotencyKey: newIdempotencyKey() });
  };

  if (step.kind === "receipt") {
    return (
      <>
        <h1 class="heading-xl no-print" ref={heading} tabIndex={-1}>
          {text.title}
        </h1>
        <Receipt filed={step.filed} centreName={localized(desk.centre.name)} citizenName={step.citizen.nameAr} serviceName={localized(step.service.name)} />
        <p class="no-print">
          <a href="/centre/file">{text.fileAnother}</a>
        </p>
      </>
    );
  }
  const number = STEP_NUMBER[step.kind];
  return (
    <>
      <span class="caption">{text.stepOf(number, 3)}</span>
      <h1 class="heading-xl" ref={heading} tabIndex={-1}>
        {step.kind === "citizen" && text.citizenHeading}
        {step.kind === "service" && text.serviceHeading}
        {step.kind === "form" && text.formHeading(localized(step.service.name))}
      </h1>
      {step.kind !== "citizen" && (
        <p class="chosen">
          {text.citizenFound(step.citizen.nameAr)}{" "}
          <button class="link-button" type="button" onClick={() => setStep({ kind: "citizen" })}>
            {text.change}
          </button>
        </p>
      )}
      {step.kind === "citizen" && (
        <>
          {step.notFound && (
            <p class="notice-inline">
              {text.noRecord} <a href="/centre/record">{text.openRecord}</a>
            </p>
          )}
          <NationalIdLookup
            initial={nid}
            searchAtOnce={Boolean(nid)}
            onResult={(result) =>
              setStep(result.kind === "found" ? { kind: "service", citizen: result.citizen } : { kind: "citizen", notFound: result.nationalId })
            }
          />
        </>
      )}
      {step.kind === "service" && (
        <ServiceChooser onChosen={(code) => void chooseService(step.citizen, code)} onBack={() => setStep({ kind: "citizen" })} />
      )}
      {step.kind === "form" && (
        <FilingForm
          key={step.idempotencyKey}
          citizen={step.citizen}
          service={step.service}
          serviceCharge={desk.centre.serviceCharge}
          idempotencyKey={step.idempotencyKey}
          onFiled={(filed) => setStep({ kind: "receipt", citizen: step.citizen, service: step.service, filed })}
        />
      )}
    </>
  );
}
