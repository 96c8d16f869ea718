/** The filing itself, on one desk form: the service's answers, the identity checked at this visit, the
 * documents (uploaded and verified as they are chosen), the fee broken down and the payment method. */
import { useState } from "preact/hooks";
import { Form } from "../../shared/components/Form";
import { ErrorSummary } from "../../shared/components/ErrorSummary";
import { money } from "../../shared/format/intl";
import { useConsoleLanguage } from "../../shared/i18n/centre";
import { useLocalized } from "../../shared/i18n/language";
import type { PaymentMethod } from "../../generated/graphql";
import { DocumentUploads, documentField, type DocumentSlot } from "../components/DocumentUploads";
import { FeeBreakdown, totalOf } from "../components/FeeBreakdown";
import { IDENTITY_PROBLEM_FIELDS, IdentityCheckFields, NO_IDENTITY_CHECK, identityCheckInput, useIdentityCheckErrors, type IdentityCheck } from "../components/IdentityCheckFields";
import type { CitizenRecord } from "../components/NationalIdLookup";
import { problemError } from "../components/problems";
import { Radios } from "../../shared/components/Radios";
import { CardSlipFields, NO_SLIP, slipErrors, slipInput, slipProblemField, takesSlip, type CardSlip } from "./CardSlipFields";
import { answerErrors, answerField, answersInput, type FormService } from "./answers";
import { ServiceFields } from "./ServiceFields";
import { useFiling, type Filed } from "./useFiling";

export const PAYMENT_FIELD = "payment-method";
const SUBMIT_ID = "file-request";
const METHODS: PaymentMethod[] = ["CASH", "MADA", "CARD", "SADAD"];

interface FilingFormProps {
  citizen: CitizenRecord;
  service: FormService;
  serviceCharge: string;
  idempotencyKey: string;
  onFiled: (filed: Filed) => void;
}

export function FilingForm({ citizen, service, serviceCharge, idempotencyKey, onFiled }: FilingFormProps) {
  const { language, messages } = useConsoleLanguage();
  const localized = useLocalized();
  const text = messages.centre.file;
  const identityErrors = useIdentityCheckErrors();
  const filing = useFiling();
  const [answers, setAnswers] = useState<Record<string, string>>({});
  const [identity, setIdentity] = useState<IdentityCheck>(NO_IDENTITY_CHECK);
  const [slots, setSlots] = useState<Record<string, DocumentSlot>>({});
  const [payment, setPayment] = useState<"" | PaymentMethod>("");
  const [slip, setSlip] = useState<CardSlip>(NO_SLIP);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const total = totalOf(service.fee, serviceCharge);

  const documentErrors = () => {
    const found: Record<string, string> = {};
    for (const document of service.documents) {
      const slot = slots[document.code];
      const name = localized(document.name);
      if (!slot || slot.state === "EMPTY") found[documentField(document.code)] = text.documentMissing(name);
      else if (slot.state !== "ATTACHED") found[documentField(document.code)] = text.documentNotReady(name);
    }
    return found;
  };

  const problemFields: Record<string, string> = {
    ...IDENTITY_PROBLEM_FIELDS,
    ...Object.fromEntries(service.fields.map((field) => [`answers.${field.key}`, answerField(field.key)])),
    ...Object.fromEntries(service.documents.map((document) => [`documents.${document.code}`, documentField(document.code)])),
    documents: documentField(service.documents[0]?.code ?? ""),
    amount: PAYMENT_FIELD,
    paymentMethod: PAYMENT_FIELD,
  };

  const submit = async () => {
    const invalid = {
      ...answerErrors(service.fields, answers, text, (field) => localized(field.label)),
      ...identityErrors(identity),
      ...documentErrors(),
      ...(payment ? {} : { [PAYMENT_FIELD]: text.paymentMissing }),
      ...(takesSlip(payment) ? slipErrors(slip, messages.centre.slip) : {}),
    };
    setErrors(invalid);
    if (Object.keys(invalid).length || !payment) return;
    const outcome = await filing.file({
      citizenId: citizen.id,
      serviceCode: service.code,
      answers: answersInput(service.fields, answers),
      documents: service.documents.map((document) => slots[document.code]!.documentId!),
      amount: total,
      paymentMethod: payment,
      posSlip: takesSlip(payment) ? slipInput(slip) : null,
      identityCheck: identityCheckInput(identity),
      idempotencyKey,
    });
    if (!outcome) return; // a second press while the first is in flight
    if (outcome.kind === "filed") return onFiled(outcome.filed);
    if (outcome.kind === "unreachable") return setErrors({ [SUBMIT_ID]: `${messages.common.unreachable} ${text.retryNote}` });
    const { field, message } = problemError(outcome.problem, problemFields, SUBMIT_ID, localized);
    const slipField = outcome.problem.field === "posSlip" ? slipProblemField(outcome.problem.errorCode, PAYMENT_FIELD) : field;
    setErrors({ [slipField]: message });
  };

  return (
    <Form onSubmit={() => void submit()}>
      <ErrorSummary errors={Object.entries(errors).map(([field, message]) => ({ field, message }))} />
      <section aria-labelledby="answers-heading">
        <h2 class="heading-m" id="answers-heading">
          {text.answersHeading}
        </h2>
        <ServiceFields
          fields={service.fields}
          answers={answers}
          onAnswer={(key, value) => setAnswers((current) => ({ ...current, [key]: value }))}
          errors={errors}
        />
      </section>
      <section aria-labelledby="identity-heading">
        <h2 class="heading-m" id="identity-heading">
          {text.identityHeading}
        </h2>
        <IdentityCheckFields value={identity} onValue={setIdentity} errors={errors} />
      </section>
      <section aria-labelledby="documents-heading">
        <h2 class="heading-m" id="documents-heading">
          {text.documentsHeading}
        </h2>
        <p class="hint">{text.documentsHint}</p>
        <DocumentUploads
          documents={service.documents}
          target={{ draft: { idempotencyKey, serviceCode: service.code } }}
          slots={slots}
          update={(code, slot) => setSlots((current) => ({ ...current, [code]: slot }))}
          errors={errors}
        />
      </section>
      <section aria-labelledby="fee-heading">
        <h2 class="heading-m" id="fee-heading">
          {text.feeHeading}
        </h2>
        <FeeBreakdown fee={service.fee} charge={serviceCharge} total={total} />
        <Radios
          name={PAYMENT_FIELD}
          legend={text.paymentLegend}
          error={errors[PAYMENT_FIELD]}
          options={METHODS.map((method) => ({ value: method, label: text.paymentMethods[method] }))}
          value={payment}
          onValue={(method) => setPayment(method as PaymentMethod)}
          inline
        />
        {takesSlip(payment) && <CardSlipFields value={slip} onValue={setSlip} errors={errors} />}
      </section>
      {errors[SUBMIT_ID] && (
        <p class="error-message" id={`${SUBMIT_ID}-error`}>
          {errors[SUBMIT_ID]}
        </p>
      )}
      <button class="button" id={SUBMIT_ID} type="submit" aria-disabled={filing.busy ? true : undefined}>
        {filing.busy ? text.submitting : text.submit(money(total, language))}
      </button>
      <p class="hint">{text.retryNote}</p>
    </Form>
  );
}
