/** /me/documents — the documents filed with the citizen's requests, newest first, each to download. */
import { useQuery } from "@urql/preact";
import { trusted } from "../../shared/api/documents";
import { WallTime } from "../../shared/components/MadinahTime";
import { decimal } from "../../shared/format/intl";
import { useLanguage, useLocalized } from "../../shared/i18n/language";
import { useMyMessages } from "../../shared/i18n/me";
import { MyDocumentsDocument } from "../../generated/graphql";
import { CouldNotLoad, Loading } from "../account/Loading";
import { MyFrame } from "../account/MyFrame";
import { DownloadButton } from "./DownloadButton";

function Documents() {
  const { language } = useLanguage();
  const localized = useLocalized();
  const text = useMyMessages().documents;
  const [result] = useQuery({ query: trusted(MyDocumentsDocument), variables: { first: 50 } });
  if (result.fetching) return <Loading />;
  if (!result.data) return <CouldNotLoad unreachable={Boolean(result.error?.networkError)} />;
  const documents = result.data.myDocuments.items;
  if (!documents.length) return <p>{text.none}</p>;
  return (
    <ul class="item-list">
      {documents.map((document) => (
        <li class="item-list__item" key={document.id}>
          <p class="item-list__title">{localized(document.typeName)}</p>
          {document.fileName && (
            <p class="item-list__meta" dir="auto">
              {document.fileName} · {text.size(decimal(document.sizeBytes / 1024, language))}
            </p>
          )}
          {document.attachedAtMadinah && (
            <p class="item-list__meta">
              {text.attachedOn}: <WallTime value={document.attachedAtMadinah} />
            </p>
          )}
          <DownloadButton documentId={document.id} name={localized(document.typeName)} />
        </li>
      ))}
    </ul>
  );
}

export default function DocumentsPage() {
  const text = useMyMessages().documents;
  return (
    <MyFrame title={text.title} section="documents">
      {() => (
        <>
          <h1 class="heading-xl">{text.title}</h1>
          <p class="lead">{text.intro}</p>
          <Documents />
        </>
      )}
    </MyFrame>
  );
}
