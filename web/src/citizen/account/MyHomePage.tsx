/** /me — the citizen's account: a greeting, the latest requests, and the way to each part. */
import { useQuery } from "@urql/preact";
import { trusted } from "../../shared/api/documents";
import { useLanguage } from "../../shared/i18n/language";
import { useMyMessages } from "../../shared/i18n/me";
import { MyRequestsDocument } from "../../generated/graphql";
import { RequestList } from "../requests/RequestList";
import { CouldNotLoad, Loading } from "./Loading";
import { MyFrame } from "./MyFrame";
import { useServiceNames } from "./names";

const LATEST = 3;

function LatestRequests() {
  const text = useMyMessages().home;
  const serviceName = useServiceNames();
  const [result] = useQuery({ query: trusted(MyRequestsDocument), variables: { first: LATEST } });
  if (result.fetching) return <Loading />;
  if (!result.data) return <CouldNotLoad unreachable={Boolean(result.error?.networkError)} />;
  const requests = result.data.myRequests.items;
  if (!requests.length) return <p>{text.noRequests}</p>;
  return (
    <>
      <RequestList requests={requests} serviceName={serviceName} />
      <p>
        <a href="/me/requests">{text.allRequests}</a>
      </p>
    </>
  );
}

export default function MyHomePage() {
  const { language } = useLanguage();
  const { home: text, nav } = useMyMessages();
  return (
    <MyFrame title={text.title} section="home">
      {(session) => (
        <>
          <h1 class="heading-xl">{text.greeting(session.name[language])}</h1>
          <p class="lead">{text.intro}</p>
          <h2 class="heading-m">{text.latestHeading}</h2>
          <LatestRequests />
          <ul class="start-list">
            {(["requests", "messages", "documents", "record"] as const).map((section) => (
              <li key={section}>
                <a class="start-list__link" href={`/me/${section}`}>
                  {nav[section]}
                </a>
                <p class="hint">{text.sections[section]}</p>
              </li>
            ))}
          </ul>
        </>
      )}
    </MyFrame>
  );
}
