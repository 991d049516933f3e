// The action's single entry: one bundle serves runs.main and runs.post. The main step
// records `isPost` in the step state; the runner hands it back to the post step.
import * as core from '@actions/core';

if (core.getState('isPost') === 'true') {
  // Each step loads only its own half (the post step needs no audit, the main step no cleanup).
  await (await import('./post.js')).post();
} else {
  core.saveState('isPost', 'true');
  await (await import('./main.js')).run();
}
