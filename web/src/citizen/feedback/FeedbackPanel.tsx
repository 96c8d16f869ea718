/**
 * After delivery: the citizen's rating of the centre (given once, or the link to give it) and their
 * complaints about this request, each with its status and the monitoring office's answer.
 */
import { useQuery } from "@urql/preact";
import { trusted } from "../../shared/api/documents";
import { WallTime } from "../../shared/components/MadinahTime";
import { useMyMessages } from "../../shared/i18n/me";
import { MyFeedbackDocument } from "../../generated/graphql";
import { Loading } from "../account/Loading";

export function FeedbackPanel({ requestId, refreshed }: { requestId: string; refreshed: number }) {
  const text = useMyMessages().feedback;
  const [result] = useQuery({
    query: trusted(MyFeedbackDocument),
    variables: { requestId },
    context: { refreshed }, // a new context object after each live update: asked again
  });
  const feedback = result.data?.myFeedback;
  const base = `/me/requests/${encodeURIComponent(requestId)}`;
  return (
    <section aria-labelledby="feedback">
      <h2 class="heading-m" id="feedback">
        {text.heading}
      </h2>
      {result.fetching && !feedback && <Loading />}
      {feedback?.__typename === "RequestFeedback" && (
        <>
          {feedback.rating ? (
            <p class="rating">{text.rated(feedback.rating.stars)}</p>
          ) : (
            <p>
              <a class="button" href={`${base}/rate`}>
                {text.rateLink}
              </a>
            </p>
          )}
          {feedback.complaints.length > 0 && (
            <>
              <h3 class="heading-s">{text.complaintsHeading}</h3>
              <ul class="item-list">
                {feedback.complaints.map((complaint) => (
                  <li class="item-list__item complaint" key={complaint.id}>
                    <p>
                      <strong class={`tag tag--complaint-${complaint.status.toLowerCase()}`}>
                        {text.complaintStatuses[complaint.status]}
                      </strong>
                    </p>
                    <p class="complaint__text" dir="auto">
                      {complaint.text}
                    </p>
                    <p class="item-list__meta">
                      {text.filedOn}: <WallTime value={complaint.filedAtMadinah} />
                    </p>
                    {complaint.resolvedAtMadinah && (
                      <p class="item-list__meta">
                        {text.resolvedOn}: <WallTime value={complaint.resolvedAtMadinah} />
                      </p>
                    )}
                    {complaint.resolutionNote && (
                      <p>
                        {text.resolution}:{" "}
                        <span dir="auto">{complaint.resolutionNote}</span>
                      </p>
                    )}
                  </li>
                ))}
              </ul>
            </>
          )}
          <p>
            <a href={`${base}/complain`}>{text.complainLink}</a>
          </p>
        </>
      )}
    </section>
  );
}
