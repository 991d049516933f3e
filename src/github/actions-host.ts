// The Actions runner as the Host: the one adapter that turns the run's log, groups,
// masks and step state into workflow commands through @actions/core.
import { randomBytes } from 'node:crypto';
import * as core from '@actions/core';
import type { Host, UntrustedSink } from '../host.js';
import { redact } from '../secrets/detect.js';

/**
 * Untrusted text (a Dockerfile or a container can print `::set-output ...`, `::add-mask::`
 * or `::error ...`) goes between `::stop-commands::<token>` and `::<token>::`, where the
 * runner treats everything as plain text. The token is random per block so the text
 * cannot guess it and resume commands early.
 */
function untrustedBlock(secrets: readonly string[]): UntrustedSink {
  const token = randomBytes(16).toString('hex');
  let open = false;
  return {
    line(text) {
      if (!open) core.info(`::stop-commands::${token}`);
      open = true;
      core.info(redact(text, secrets));
    },
    end() {
      if (open) core.info(`::${token}::`);
      open = false;
    },
  };
}

export const actionsHost: Host = {
  info: (m) => core.info(m),
  warning: (m) => core.warning(m),
  debug: (m) => {
    if (core.isDebug()) core.debug(m);
  },
  group: (title, fn) => core.group(title, fn),
  untrusted: (secrets = []) => untrustedBlock(secrets),
  mask: (secret) => {
    // Outside a runner `::add-mask::VALUE` would print the value itself.
    if (process.env.GITHUB_ACTIONS === 'true') core.setSecret(secret);
  },
  saveState: (name, value) => {
    // saveState writes GITHUB_STATE; getState reads STATE_<name>, which only the post step
    // gets, so keep our own copy in the process env for the next read in this step.
    process.env[`STATE_${name}`] = value;
    // Outside a runner there is no post step, and saveState would print a command instead.
    if (!process.env.GITHUB_STATE) return;
    try {
      core.saveState(name, value);
    } catch {
      // GITHUB_STATE points at a missing file: nothing we can save.
    }
  },
  getState: (name) => core.getState(name),
};
