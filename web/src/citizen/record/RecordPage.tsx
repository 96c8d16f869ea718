/** /me/record — the citizen's record as the centre opened it: dates in both calendars, as the API gives them. */
import type { ComponentChildren } from "preact";
import { useQuery } from "@urql/preact";
import { trusted } from "../../shared/api/documents";
import { CalendarDayText, WallTime } from "../../shared/components/MadinahTime";
import { useMyMessages } from "../../shared/i18n/me";
import { MyRecordDocument } from "../../generated/graphql";
import { CouldNotLoad, Loading } from "../account/Loading";
import { MyFrame } from "../account/MyFrame";

function Row({ label, children }: { label: string; children: ComponentChildren }) {
  return (
    <div class="summary-list__row">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

function Record() {
  const text = useMyMessages().record;
  const [result] = useQuery({ query: trusted(MyRecordDocument), variables: {} });
  if (result.fetching) return <Loading />;
  const me = result.data?.me;
  if (me?.__typename !== "CitizenRecord") return <CouldNotLoad unreachable={Boolean(result.error?.networkError)} />;
  const check = me.identityCheck;
  return (
    <dl class="summary-list">
      <Row label={text.nationalId}>
        <span class="code" dir="ltr">
          {me.nationalId}
        </span>
      </Row>
      <Row label={text.nameAr}>
        <span lang="ar" dir="rtl">
          {me.nameAr}
        </span>
      </Row>
      <Row label={text.nameEn}>
        {me.nameEn ? (
          <span lang="en" dir="ltr">
            {me.nameEn}
          </span>
        ) : (
          text.notGiven
        )}
      </Row>
      <Row label={text.birthDate}>
        {me.birthDateCalendars ? (
          <>
            <CalendarDayText value={me.birthDateCalendars} />
            {me.birthDateCalendars.enteredIn && <span class="hint-inline">{text.enteredAs[me.birthDateCalendars.enteredIn]}</span>}
          </>
        ) : (
          text.notGiven
        )}
      </Row>
      <Row label={text.mobile}>
        <span class="code" dir="ltr">
          {me.mobile}
        </span>
      </Row>
      <Row label={text.language}>{text.languages[me.language]}</Row>
      <Row label={text.openedAt}>
        <WallTime value={me.openedAtMadinah} />
      </Row>
      <Row label={text.openedAtCentre}>
        <span class="code" dir="ltr">
          {me.openedAtCentre}
        </span>
      </Row>
      {check && (
        <Row label={text.identityCheck}>
          {text.documentTypes[check.documentType]}
          {check.expiresOnCalendars && (
            <span class="hint-inline">
              {text.expiresOn}: <CalendarDayText value={check.expiresOnCalendars} />
            </span>
          )}
        </Row>
      )}
    </dl>
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
