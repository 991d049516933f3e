// GitHub's published GraphQL schema (npm @octokit/graphql-schema) as a contract for the fake
// GitHub: a query or mutation the client sends must validate against it, with variables of
// the declared types, and the data the fake answers must be exactly what that operation
// selects, with the schema's types and non-null fields (checked by executing the operation
// over the answer with graphql-js's default resolvers).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  buildSchema,
  execute,
  getOperationAST,
  parse,
  validate,
  type DocumentNode,
  type GraphQLSchema,
} from 'graphql';
import { isDeepStrictEqual } from 'node:util';

const SCHEMA_FILE = join(
  import.meta.dirname,
  '..',
  '..',
  'node_modules',
  '@octokit',
  'graphql-schema',
  'schema.graphql',
);

let schema: GraphQLSchema | null = null;

/** GitHub's schema, built once per process (about half a second). */
export function githubGraphQLSchema(): GraphQLSchema {
  schema ??= buildSchema(readFileSync(SCHEMA_FILE, 'utf8'), { assumeValidSDL: true });
  return schema;
}

function parsed(query: string): { doc: DocumentNode | null; errors: string[] } {
  try {
    return { doc: parse(query), errors: [] };
  } catch (e) {
    return { doc: null, errors: [`GraphQL syntax: ${(e as Error).message}`] };
  }
}

/** Contract errors of a GraphQL request (empty when valid against GitHub's schema). */
export function checkGraphQLRequest(query: string, variables: Record<string, unknown> = {}): string[] {
  const { doc, errors } = parsed(query);
  if (!doc) return errors;
  const invalid = validate(githubGraphQLSchema(), doc).map((e) => `GraphQL: ${e.message}`);
  if (invalid.length) return invalid;
  // Variable types and required variables: executing with no data reports them first.
  const run = execute({
    schema: githubGraphQLSchema(),
    document: doc,
    variableValues: variables,
    rootValue: {},
  });
  if ('then' in run) return [];
  return (run.errors ?? [])
    .filter((e) => e.path === undefined) // request errors, not resolver errors on the empty root
    .map((e) => `GraphQL variables: ${e.message}`);
}

/**
 * Contract errors of the data the fake answers to a request: the operation executed over the
 * answer must succeed (types, non-null) and give back the answer itself (nothing unselected).
 */
export function checkGraphQLResponse(
  query: string,
  variables: Record<string, unknown>,
  data: unknown,
): string[] {
  const { doc, errors } = parsed(query);
  if (!doc) return errors;
  if (data === null || typeof data !== 'object') return ['GraphQL answer: data is not an object'];
  const op = getOperationAST(doc);
  if (!op) return ['GraphQL answer: no single operation in the query'];
  const run = execute({
    schema: githubGraphQLSchema(),
    document: doc,
    variableValues: variables,
    rootValue: data,
  });
  if ('then' in run) return ['GraphQL answer: resolvers must not be asynchronous'];
  const problems = (run.errors ?? []).map(
    (e) => `GraphQL answer at ${(e.path ?? []).join('.')}: ${e.message}`,
  );
  // graphql-js builds its result from null-prototype objects: compare as JSON
  if (!problems.length && !isDeepStrictEqual(JSON.parse(JSON.stringify(run.data)), data))
    problems.push(
      `GraphQL answer holds fields the ${op.operation} does not select: ${JSON.stringify(data).slice(0, 300)}`,
    );
  return problems;
}
