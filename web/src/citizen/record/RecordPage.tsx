/** /me/record — the citizen's record as the centre opened it: dates in both calendars, as the API gives them;
 * and the one thing the citizen changes themself, the language of their text messages. */
import { useQuery } from "@urql/preact";
import { trusted } from "../../shared/api/documents";
import { SummaryRow } from "../../shared/components/SummaryRow";
import { CalendarDayText, WallTime } from "../../shared/components/MadinahTime";
import { useMyMessages } from "../../shared/i18n/me";
import { MyRecordDocument } from "../../generated/graphql";
import { CouldNotLoad, Loading } from "../account/Loading";
import { MyFrame } from "../account/MyFrame";
import { SmsLanguageForm } from "./SmsLanguageForm";

function Record() {
  const text = useMyMessages().record;
  const [result, reload] = useQuery({ query: trusted(MyRecordDocument), variables: {} });
  // Kept on screen while a change of language refetches it, so the form keeps its confirmation.
  if (result.fetching && !result.data) return <Loading />;
  const me = result.data?.me;
  if (me?.__typename !== "CitizenRecord") return <CouldNotLoad unreachable={Boolean(result.error?.networkError)} />;
  const check = me.identityCheck;
  return (
    <>
      <dl class="summary-list">
        <SummaryRow label={text.nationalId} code>
          {me.nationalId}
        </SummaryRow>
        <SummaryRow label={text.nameAr}>
          <span lang="ar" dir="rtl">
            {me.nameAr}
          </span>
        </SummaryRow>
        <SummaryRow label={text.nameEn}>
          {me.nameEn ? (
            <span lang="en" dir="ltr">
              {me.nameEn}
            </span>
          ) : (
            text.notGiven
          )}
        </SummaryRow>
        <SummaryRow label={text.birthDate}>
          {me.birthDateCalendars ? (
            <>
              <CalendarDayText value={me.birthDateCalendars} />
              {me.birthDateCalendars.enteredIn && <span class="hint-inline">{text.enteredAs[me.birthDateCalendars.enteredIn]}</span>}
            </>
          ) : (
            text.notGiven
          )}
        </SummaryRow>
        <SummaryRow label={text.mobile} code>
          {me.mobile}
        </SummaryRow>
        <SummaryRow label={text.language}>{text.languages[me.language]}</SummaryRow>
        <SummaryRow label={text.openedAt}>
          <WallTime value={me.openedAtMadinah} />
        </SummaryRow>
        <SummaryRow label={text.openedAtCentre} code>
          {me.openedAtCentre}
        </SummaryRow>
        {check && (
          <SummaryRow label={text.identityCheck}>
            {text.documentTypes[check.documentType]}
            {check.expiresOnCalendars && (
              <span class="hint-inline">
                {text.expiresOn}: <CalendarDayText value={check.expiresOnCalendars} />
              </span>
            )}
          </SummaryRow>
        )}
      </dl>
      <SmsLanguageForm current={me.language} onChanged={() => reload({ requestPolicy: "network-only" })} />
    </>
  );
}

export default function RecordPage() {
  const text = useMyMessages().record;
  return (
    <MyFrame title={text.title} section="record">
      {() => (
        <>
          <h1 class="heading-xl">{text.title}</h1>
          <p class="lead">{text.intro}</p>
          <Record />
        </>
      )}
    </MyFrame>
  );
}
