/** /me/messages — every SMS sent to the citizen, newest first, with its delivery status in words. */
import { useQuery } from "@urql/preact";
import { trusted } from "../../shared/api/documents";
import { WallTime } from "../../shared/components/MadinahTime";
import { useMyMessages } from "../../shared/i18n/me";
import { MySmsDocument } from "../../generated/graphql";
import { CouldNotLoad, Loading } from "../account/Loading";
import { MyFrame } from "../account/MyFrame";

const PAGE = 20;

function Messages() {
  const text = useMyMessages().messages;
  const after = new URLSearchParams(window.location.search).get("after");
  const [result] = useQuery({ query: trusted(MySmsDocument), variables: { first: PAGE, after } });
  if (result.fetching) return <Loading />;
  if (!result.data) return <CouldNotLoad unreachable={Boolean(result.error?.networkError)} />;
  const { items, nextCursor } = result.data.myNotifications;
  if (!items.length) return <p>{text.none}</p>;
  return (
    <>
      <ul class="item-list sms-list">
        {items.map((sms, index) => (
          <li class="item-list__item sms" key={`${sms.createdAtMadinah.at}-${sms.event}-${index}`}>
            <p>
              <strong class={`tag tag--sms-${sms.status.toLowerCase()}`}>{text.statuses[sms.status]}</strong>
            </p>
            {sms.text && (
              <p class="sms__text" dir="auto">
                {sms.text}
              </p>
            )}
            <p class="item-list__meta">
              {sms.sentAtMadinah ? text.sent : text.written}: <WallTime value={sms.sentAtMadinah ?? sms.createdAtMadinah} />
            </p>
            {sms.to && (
              <p class="item-list__meta">
                {text.to}:{" "}
                <span class="code" dir="ltr">
                  {sms.to}
                </span>
              </p>
            )}
            {sms.status === "PERMANENT_FAILURE" && <p class="hint">{text.failedHelp}</p>}
            {sms.onCallList && <p class="hint">{text.calledHelp}</p>}
          </li>
        ))}
      </ul>
      {nextCursor && (
        <p>
          <a href={`/me/messages?after=${encodeURIComponent(nextCursor)}`}>{text.more}</a>
        </p>
      )}
    </>
  );
}

export default function MessagesPage() {
  const text = useMyMessages().messages;
  return (
    <MyFrame title={text.title} section="messages">
      {() => (
        <>
          <h1 class="heading-xl">{text.title}</h1>
          <p class="lead">{text.intro}</p>
          <Messages />
        </>
      )}
    </MyFrame>
  );
}
