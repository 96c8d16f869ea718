/**
 * /centre/calls — the centre's call list: citizens an SMS never reached (docs/sms.md). Each row says who
 * (the masked number, a link to the record), which message and why; the operator calls, notes the call
 * and marks it done, and the row leaves the list (announced).
 */
import { useEffect, useState } from "preact/hooks";
import { useClient } from "@urql/preact";
import { trusted } from "../../shared/api/documents";
import { useConsoleLanguage } from "../../shared/i18n/centre";
import { CallListDocument, type CallListQuery } from "../../generated/graphql";
import { ConsoleFrame } from "../ConsoleFrame";
import { CallRow } from "./CallRow";

export type Call = CallListQuery["callList"]["items"][number];

const PAGE_SIZE = 50;

export default function CallListPage() {
  const { messages } = useConsoleLanguage();
  return (
    <ConsoleFrame title={messages.centre.calls.title} section="calls">
      {() => <CallList />}
    </ConsoleFrame>
  );
}

function CallList() {
  const client = useClient();
  const { messages } = useConsoleLanguage();
  const text = messages.centre.calls;
  const [items, setItems] = useState<Call[] | null>(null);
  const [cursor, setCursor] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState("");

  const load = async (after: string | null) => {
    const result = await client.query(trusted(CallListDocument), { first: PAGE_SIZE, after }, { requestPolicy: "network-only" }).toPromise();
    const page = result.data?.callList;
    setItems((current) => [...(after ? (current ?? []) : []), ...(page?.items ?? [])]);
    setCursor(page?.nextCursor ?? null);
  };
  useEffect(() => {
    void load(null);
  }, []);

  const done = (call: Call) => {
    setItems((current) => (current ?? []).filter((item) => item.id !== call.id));
    setAnnouncement(text.marked(call.to ?? ""));
  };
  return (
    <>
      <h1 class="heading-xl">{text.title}</h1>
      <p class="lead">{text.intro}</p>
      <p class="visually-hidden" aria-live="polite" id="calls-announcement">
        {announcement}
      </p>
      {announcement && (
        <p class="panel panel--done" aria-hidden="true">
          {announcement}
        </p>
      )}
      {items === null && <p>{messages.common.loading}</p>}
      {items?.length === 0 && <p id="calls-empty">{text.empty}</p>}
      {items && items.length > 0 && (
        <ul class="calls" id="calls">
          {items.map((call) => (
            <CallRow key={call.id} call={call} onDone={done} />
          ))}
        </ul>
      )}
      {cursor && (
        <button class="button button--secondary" type="button" onClick={() => void load(cursor)}>
          {text.more}
        </button>
      )}
    </>
  );
}
