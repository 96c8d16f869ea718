/**
 * The contract: typed operations generated from ../schema.graphql and the documents in ../graphql/,
 * and the manifest of those documents, the gateway's allow-list of trusted documents (docs/web.md).
 *
 *   node codegen.mjs                                  # src/generated/ and ../functions/api/trusted_documents.json
 *   node codegen.mjs --out DIR --manifest FILE        # elsewhere (the drift test compares the two)
 *
 * `replaceDocumentWithHash`: the pages carry only each document's id (`sha256:<hex>` of its text),
 * never the text; the texts go to the manifest, which ships with the Lambda artifact.
 */
import { createHash } from "node:crypto";
import { mkdir, readFile, rename, rm } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { generate } from "@graphql-codegen/cli";

const here = dirname(fileURLToPath(import.meta.url));
const { values } = parseArgs({
  options: {
    out: { type: "string", default: join(here, "src", "generated") },
    manifest: { type: "string", default: join(here, "..", "functions", "api", "trusted_documents.json") },
  },
});
const out = resolve(values.out);
const manifest = resolve(values.manifest);

const documentId = (text) => `sha256:${createHash("sha256").update(text).digest("hex")}`;

await rm(out, { recursive: true, force: true });
await generate(
  {
    schema: join(here, "..", "schema.graphql"),
    documents: [join(here, "..", "graphql", "**", "*.graphql")],
    ignoreNoDocuments: false,
    silent: true,
    generates: {
      [`${out}/`]: {
        preset: "client",
        config: {
          enumsAsTypes: true,
          useTypeImports: true,
          avoidOptionals: { field: true, inputValue: false, object: true, defaultValue: false },
          scalars: { Date: "string", DateTime: "string", Decimal: "string", Time: "string" },
        },
        presetConfig: {
          fragmentMasking: false,
          persistedDocuments: { mode: "replaceDocumentWithHash", hashPropertyName: "documentId", hashAlgorithm: documentId },
        },
      },
    },
  },
  true,
);
await mkdir(dirname(manifest), { recursive: true });
await rename(join(out, "persisted-documents.json"), manifest);
const ids = Object.keys(JSON.parse(await readFile(manifest, "utf8")));
console.log(`${ids.length} trusted documents -> ${manifest}`);
