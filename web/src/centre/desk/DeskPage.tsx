/**
 * /centre — the desk: the centre's licensing status (a centre that may not take new work sees why, in the
 * monitoring office's words), the office's notices, and the desk's tasks.
 */
import { DateTime } from "../../shared/components/DateTime";
import { gregorianDay, money } from "../../shared/format/intl";
import { useConsoleLanguage } from "../../shared/i18n/centre";
import { useLocalized } from "../../shared/i18n/language";
import { ConsoleFrame } from "../ConsoleFrame";
import { CannotFile } from "./CannotFile";
import type { Desk } from "./useDesk";
import { SummaryRow } from "../../shared/components/SummaryRow";

export default function DeskPage() {
  const { messages } = useConsoleLanguage();
  return (
    <ConsoleFrame title={messages.centre.desk.title} section="desk">
      {(desk) => <DeskStatus desk={desk} />}
    </ConsoleFrame>
  );
}

function DeskStatus({ desk }: { desk: Desk }) {
  const { language, messages } = useConsoleLanguage();
  const localized = useLocalized();
  const text = messages.centre.desk;
  const { centre } = desk;
  return (
    <>
      <h1 class="heading-xl">{localized(centre.name)}</h1>
      {!centre.serving && <CannotFile desk={desk} />}
      <dl class="summary-list">
        <SummaryRow label={text.status}>
          <strong class={`tag tag--centre-${centre.status.toLowerCase()}`}>{messages.centre.centreStatus[centre.status]}</strong>
        </SummaryRow>
        <SummaryRow label={text.serving}>{centre.serving ? text.servingYes : text.servingNo}</SummaryRow>
        {centre.licenceExpiresOn && (
          <SummaryRow label={text.licenceExpires}>{gregorianDay(centre.licenceExpiresOn, language)}</SummaryRow>
        )}
        <SummaryRow label={text.serviceCharge}>{money(centre.serviceCharge, language)}</SummaryRow>
      </dl>
      {centre.serving && (
        <section aria-labelledby="tasks-heading">
          <h2 class="heading-m" id="tasks-heading">
            {text.tasksHeading}
          </h2>
          <ul class="task-list">
            <li>
              <a href="/centre/record">{text.taskRecord}</a>
              <p class="hint">{text.taskRecordHint}</p>
            </li>
            <li>
              <a href="/centre/file">{text.taskFile}</a>
              <p class="hint">{text.taskFileHint}</p>
            </li>
            <li>
              <a href="/centre/requests">{text.taskRequests}</a>
              <p class="hint">{text.taskRequestsHint}</p>
            </li>
          </ul>
        </section>
      )}
      <section aria-labelledby="notices-heading">
        <h2 class="heading-m" id="notices-heading">
          {text.noticesHeading}
        </h2>
        {desk.notices.length === 0 ? (
          <p>{text.noNotices}</p>
        ) : (
          <ol class="timeline notices">
            {desk.notices.map((notice) => (
              <li class="timeline__entry" key={notice.id}>
                <p class="timeline__what">{messages.centre.noticeKind[notice.kind]}</p>
                <p class="notices__text">{localized(notice.text)}</p>
                <DateTime value={notice.at} />
              </li>
            ))}
          </ol>
        )}
      </section>
    </>
  );
}
