/**
 * /centre/record — open a citizen's electronic record: the ID number looked up first (another centre may
 * have opened it), then the identity check with the dates as the card prints them, then the temporary
 * password, shown once.
 */
import { useState } from "preact/hooks";
import { useClient } from "@urql/preact";
import { trusted } from "../../shared/api/documents";
import { useConsoleLanguage } from "../../shared/i18n/centre";
import { useLocalized } from "../../shared/i18n/language";
import { OpenCitizenRecordDocument } from "../../generated/graphql";
import { ConsoleFrame } from "../ConsoleFrame";
import { CannotFile } from "../desk/CannotFile";
import { NationalIdLookup, type CitizenRecord } from "../components/NationalIdLookup";
import { isProblem, problemError } from "../components/problems";
import { IdentityForm } from "./IdentityForm";
import { EMPTY_RECORD, RECORD_FIELDS, RECORD_PROBLEM_FIELDS, recordErrors, recordInput, type RecordForm } from "./identityForm";
import { IDENTITY_FIELDS, useIdentityCheckErrors } from "../components/IdentityCheckFields";
import { TemporaryPassword } from "./TemporaryPassword";
import { SummaryRow } from "../../shared/components/SummaryRow";

type View =
  | { kind: "lookup" }
  | { kind: "exists"; citizen: CitizenRecord }
  | { kind: "form"; nationalId: string }
  | { kind: "opened"; nationalId: string; password: string };

export default function OpenRecordPage() {
  const { messages } = useConsoleLanguage();
  const text = messages.centre.record;
  return (
    <ConsoleFrame title={text.title} section="record">
      {(desk) => (
        <>
          <h1 class="heading-xl">{text.title}</h1>
          {desk.centre.serving ? <OpenRecord /> : <CannotFile desk={desk} />}
        </>
      )}
    </ConsoleFrame>
  );
}

function OpenRecord() {
  const client = useClient();
  const { messages } = useConsoleLanguage();
  const localized = useLocalized();
  const text = messages.centre.record;
  const identityErrors = useIdentityCheckErrors();
  const [view, setView] = useState<View>({ kind: "lookup" });
  const [form, setForm] = useState<RecordForm>(EMPTY_RECORD);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);

  const open = async (nationalId: string) => {
    const invalid = { ...recordErrors(form, messages.centre), ...identityErrors(form.identity) };
    setErrors(invalid);
    if (Object.keys(invalid).length) return;
    setBusy(true);
    const result = await client.mutation(trusted(OpenCitizenRecordDocument), { input: recordInput(nationalId, form) }).toPromise();
    setBusy(false);
    const answer = result.data?.openCitizenRecord;
    if (!answer) {
      setErrors({ [RECORD_FIELDS.nameAr]: result.error?.networkError ? messages.common.unreachable : messages.common.unexpected });
    } else if (answer.__typename === "CitizenRecordWithPassword") {
      setForm(EMPTY_RECORD);
      setView({ kind: "opened", nationalId, password: answer.temporaryPassword });
    } else if (isProblem(answer)) {
      const { field, message } = problemError(answer, RECORD_PROBLEM_FIELDS, RECORD_FIELDS.nameAr, localized);
      setErrors({ [field === "nationalId" ? IDENTITY_FIELDS.documentNumber : field]: message });
    }
  };

  if (view.kind === "opened") {
    return (
      <>
        <TemporaryPassword nationalId={view.nationalId} password={view.password} />
        <p class="no-print">
          <a class="button" href={`/centre/file?nid=${view.nationalId}`}>
            {text.fileForCitizen}
          </a>
        </p>
      </>
    );
  }
  return (
    <>
      <p class="lead">{text.intro}</p>
      {view.kind === "lookup" && (
        <NationalIdLookup
          onResult={(result) =>
            setView(result.kind === "found" ? { kind: "exists", citizen: result.citizen } : { kind: "form", nationalId: result.nationalId })
          }
        />
      )}
      {view.kind === "exists" && <ExistingRecord citizen={view.citizen} onAgain={() => setView({ kind: "lookup" })} />}
      {view.kind === "form" && (
        <>
          <p>{messages.centre.lookup.notFound}</p>
          <IdentityForm
            nationalId={view.nationalId}
            value={form}
            onValue={setForm}
            errors={errors}
            busy={busy}
            onSubmit={() => void open(view.nationalId)}
          />
        </>
      )}
    </>
  );
}

function ExistingRecord({ citizen, onAgain }: { citizen: CitizenRecord; onAgain: () => void }) {
  const { centre } = useConsoleLanguage().messages;
  const text = centre.record;
  return (
    <section aria-labelledby="exists-heading">
      <h2 class="heading-m" id="exists-heading">
        {text.existsHeading}
      </h2>
      <dl class="summary-list">
        <SummaryRow label={text.name}>{citizen.nameAr}</SummaryRow>
        <SummaryRow label={centre.lookup.nationalIdLabel} code>
          {citizen.nationalId}
        </SummaryRow>
        <SummaryRow label={text.mobile} code>
          {citizen.mobile}
        </SummaryRow>
        <SummaryRow label={text.openedAt} code>
          {citizen.openedAtCentre}
        </SummaryRow>
      </dl>
      <div class="button-group">
        <a class="button" href={`/centre/file?nid=${citizen.nationalId}`}>
          {text.fileForCitizen}
        </a>
        <button class="button button--secondary" type="button" onClick={onAgain}>
          {text.searchAgain}
        </button>
      </div>
    </section>
  );
}
