// Read the action's inputs into one typed object whose keys are the exact input names
// of action.yml, validated by the parsers the CLI shares (option-parsers.ts).
import * as core from '@actions/core';
import { ALL_CHECK_IDS, CHECK_IDS, FAIL_ON_VALUES, type CheckId, type FailOn } from './report/types.js';
import {
  lines,
  parseBoolean,
  parseCheckIds,
  parseEnum,
  parseKeyValues,
  parseNetwork,
  parseRuleIds,
  parseSeconds,
} from './option-parsers.js';

export { InputError } from './option-parsers.js';

export type ReviewMode = 'off' | 'changed' | 'all';
const REVIEW_VALUES: readonly ReviewMode[] = ['off', 'changed', 'all'];

export interface Inputs {
  dockerfile: string[];
  context: string;
  'build-args': Record<string, string>;
  target: string;
  'build-flags': string[];
  image: string;
  build: boolean;
  run: boolean;
  'env-overrides': Record<string, string>;
  'health-timeout': number;
  'run-args': string[];
  network: string;
  'fail-on': FailOn;
  ignore: string[];
  config: string;
  comment: boolean;
  'comment-tag': string;
  'github-token': string;
  review: ReviewMode;
  'sarif-file': string;
  summary: boolean;
  report: string;
  plan: boolean;
  checks: CheckId[];
  'stop-timeout': number;
}

/** Reads one raw input the way the runner passes it (INPUT_<NAME>, hyphens kept). */
export type InputReader = (name: string) => string;

const fromCore: InputReader = (name) => core.getInput(name);

export function getInputs(read: InputReader = fromCore): Inputs {
  const dockerfile = lines(read('dockerfile'));
  return {
    dockerfile: dockerfile.length > 0 ? dockerfile : ['Dockerfile'],
    context: read('context').trim(),
    'build-args': parseKeyValues('build-args', read('build-args')),
    target: read('target').trim(),
    'build-flags': lines(read('build-flags')),
    image: read('image').trim(),
    build: parseBoolean('build', read('build'), true),
    run: parseBoolean('run', read('run'), true),
    'env-overrides': parseKeyValues('env-overrides', read('env-overrides')),
    'health-timeout': parseSeconds('health-timeout', read('health-timeout'), 60),
    'run-args': lines(read('run-args')),
    network: parseNetwork('network', read('network')),
    'fail-on': parseEnum('fail-on', read('fail-on'), FAIL_ON_VALUES, 'error'),
    ignore: parseRuleIds('ignore', read('ignore')),
    config: read('config').trim(),
    comment: parseBoolean('comment', read('comment'), true),
    'comment-tag': read('comment-tag').trim(),
    'github-token': read('github-token').trim(),
    review: parseEnum('review', read('review'), REVIEW_VALUES, 'changed'),
    'sarif-file': read('sarif-file').trim(),
    summary: parseBoolean('summary', read('summary'), true),
    report: read('report').trim(),
    plan: parseBoolean('plan', read('plan'), false),
    checks: parseCheckIds('checks', read('checks'), ALL_CHECK_IDS, CHECK_IDS),
    'stop-timeout': parseSeconds('stop-timeout', read('stop-timeout'), 10),
  };
}
