// The OASIS SARIF 2.1.0 schema (fixture: sarif-2.1.0-rtm.5.json from @microsoft/jest-sarif,
// MIT), compiled once. It is draft-04: Ajv 8 reads it once `id` becomes `$id` and `$schema`
// is dropped; unicodeRegExp is off because its `language` pattern is invalid with the u flag.
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';

const raw = JSON.parse(
  readFileSync(path.join(import.meta.dirname, '..', 'fixtures', 'sarif-schema-2.1.0.json'), 'utf8'),
) as Record<string, unknown>;
const { $schema: _draft, id, ...body } = raw;
const ajv = new Ajv({ strict: false, allErrors: true, unicodeRegExp: false });
// ajv-formats is CommonJS: under NodeNext its default export is the module object.
const addFormats = (addFormatsModule as unknown as { default: (a: Ajv) => Ajv }).default;
addFormats(ajv);

export const validateSarif = ajv.compile({ ...body, $id: id as string });
