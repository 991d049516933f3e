// Errors of the Dockerfile model that callers turn into input errors; kept apart from the
// model so the pipeline can name them without loading the parser.
export class TargetNotFoundError extends Error {}
