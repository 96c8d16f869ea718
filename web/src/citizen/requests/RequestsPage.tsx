/** /me/requests — every request filed for the citizen, newest first, a page at a time (?after=). */
import { useQuery } from "@urql/preact";
import { trusted } from "../../shared/api/documents";
import { useMyMessages } from "../../shared/i18n/me";
import { MyRequestsDocument } from "../../generated/graphql";
import { CouldNotLoad, Loading } from "../account/Loading";
import { MyFrame } from "../account/MyFrame";
import { useServiceNames } from "../account/names";
import { RequestList } from "./RequestList";

const PAGE = 20;

function Requests() {
  const text = useMyMessages().requests;
  const serviceName = useServiceNames();
  const after = new URLSearchParams(window.location.search).get("after");
  const [result] = useQuery({ query: trusted(MyRequestsDocument), variables: { first: PAGE, after } });
  if (result.fetching) return <Loading />;
  if (!result.data) return <CouldNotLoad unreachable={Boolean(result.error?.networkError)} />;
  const { items, nextCursor } = result.data.myRequests;
  if (!items.length) return <p>{text.none}</p>;
  return (
    <>
      <RequestList requests={items} serviceName={serviceName} />
      {nextCursor && (
        <p>
          <a href={`/me/requests?after=${encodeURIComponent(nextCursor)}`}>{text.more}</a>
        </p>
      )}
    </>
  );
}

export default function RequestsPage() {
  const text = useMyMessages().requests;
  return (
    <MyFrame title={text.title} section="requests">
      {() => (
        <>
          <h1 class="heading-xl">{text.title}</h1>
          <p class="lead">{text.intro}</p>
          <Requests />
        </>
      )}
    </MyFrame>
  );
}
