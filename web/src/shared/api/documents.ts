/**
 * The generated documents (src/generated/graphql.ts) carry only their id, `sha256:<hex>` of the text
 * in the gateway's manifest (functions/api/trusted_documents.json). urql sends `{"documentId": …}`
 * (GraphQL over HTTP, persisted documents) for a document with an id and no definitions: this gives it
 * that shape, keeping its result and variable types.
 */
import type { TypedDocumentNode } from "@urql/core";

interface Generated {
  __meta__?: { documentId?: string };
}

const byGenerated = new WeakMap<object, object>();

export function trusted<Result, Variables>(
  generated: TypedDocumentNode<Result, Variables>,
): TypedDocumentNode<Result, Variables> {
  const known = byGenerated.get(generated);
  if (known) return known as TypedDocumentNode<Result, Variables>;
  const documentId = (generated as Generated).__meta__?.documentId;
  if (!documentId) throw new Error("not a generated document: run `make web-codegen`");
  const persisted = { kind: "Document", definitions: [], documentId } as unknown as TypedDocumentNode<Result, Variables>;
  byGenerated.set(generated, persisted);
  return persisted;
}

export function documentIdOf(document: object): string | undefined {
  return (document as { documentId?: string }).documentId;
}
