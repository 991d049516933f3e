// The action's single entry: one bundle serves runs.main and runs.post. The main step
// records `isPost` in the step state; the runner hands it back to the post step.
import * as core from '@actions/core';
import { run } from './main.js';
import { post } from './post.js';

if (core.getState('isPost') === 'true') {
  await post();
} else {
  core.saveState('isPost', 'true');
  await run();
}
