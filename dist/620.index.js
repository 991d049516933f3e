export const id = 620;
export const ids = [620,584];
export const modules = {

/***/ 6584:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DEFAULT_CLIENT_OPTIONS: () => (/* binding */ DEFAULT_CLIENT_OPTIONS),
/* harmony export */   createGitHubClient: () => (/* binding */ createGitHubClient)
/* harmony export */ });
/* harmony import */ var _actions_github__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1758);
/* harmony import */ var _octokit_plugin_retry__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9735);
/* harmony import */ var _octokit_plugin_throttling__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6856);
/* harmony import */ var bottleneck_light_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3251);
/* harmony import */ var bottleneck_light_js__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(bottleneck_light_js__WEBPACK_IMPORTED_MODULE_1__);
// The GitHub REST/GraphQL client: @actions/github's Octokit (proxy-aware fetch) with the
// retry plugin (5xx) and the throttling plugin (secondary rate limits), both bounded:
// a few retries, and one deadline for every request the client makes, so a slow or
// failing API delays the step by a bounded time and then becomes a warning.




const DEFAULT_CLIENT_OPTIONS = {
    retries: 3,
    retryBaseMs: 1000,
    deadlineMs: 60_000,
    writeSpacingMs: 1000,
};
// One limiter pair per spacing, shared by every client of the process as the plugin's own are.
const writeLimiters = new Map();
/** The throttling plugin's write and notification limiters, spaced as asked (its own when the default). */
function writeLimitersFor(spacingMs) {
    if (spacingMs === DEFAULT_CLIENT_OPTIONS.writeSpacingMs)
        return {};
    let limiters = writeLimiters.get(spacingMs);
    if (!limiters) {
        limiters = {
            write: new (bottleneck_light_js__WEBPACK_IMPORTED_MODULE_1___default().Group)({ id: `hc-write-${spacingMs}`, maxConcurrent: 1, minTime: spacingMs }),
            notifications: new (bottleneck_light_js__WEBPACK_IMPORTED_MODULE_1___default().Group)({
                id: `hc-notifications-${spacingMs}`,
                maxConcurrent: 1,
                minTime: spacingMs * 3,
            }),
        };
        writeLimiters.set(spacingMs, limiters);
    }
    return limiters;
}
function createGitHubClient(token, options = {}) {
    const retries = options.retries ?? DEFAULT_CLIENT_OPTIONS.retries;
    const retryBaseMs = options.retryBaseMs ?? DEFAULT_CLIENT_OPTIONS.retryBaseMs;
    const deadlineMs = options.deadlineMs ?? DEFAULT_CLIENT_OPTIONS.deadlineMs;
    const started = Date.now();
    // AbortSignal.timeout does not keep the process alive.
    const deadline = AbortSignal.timeout(deadlineMs);
    const baseUrl = options.baseUrl ?? process.env.GITHUB_API_URL;
    // Wait out a rate limit only when the wait ends before the deadline.
    const shouldWait = (retryAfterSeconds, retryCount) => retryCount < retries && Date.now() - started + retryAfterSeconds * retryBaseMs < deadlineMs;
    const octokit = (0,_actions_github__WEBPACK_IMPORTED_MODULE_0__/* .getOctokit */ .Q)(token, {
        ...(baseUrl ? { baseUrl } : {}),
        retry: { retries, retryAfterBaseValue: retryBaseMs },
        throttle: {
            ...writeLimitersFor(options.writeSpacingMs ?? DEFAULT_CLIENT_OPTIONS.writeSpacingMs),
            retryAfterBaseValue: retryBaseMs,
            fallbackSecondaryRateRetryAfter: 5,
            onRateLimit: (retryAfter, _options, _o, retryCount) => shouldWait(retryAfter, retryCount),
            onSecondaryRateLimit: (retryAfter, _options, _o, retryCount) => shouldWait(retryAfter, retryCount),
        },
        // Octokit logs every failed request at warn level; our caller reports once instead.
        log: { debug: () => { }, info: () => { }, warn: () => { }, error: () => { } },
    }, _octokit_plugin_retry__WEBPACK_IMPORTED_MODULE_2__/* .retry */ .L, _octokit_plugin_throttling__WEBPACK_IMPORTED_MODULE_3__/* .throttling */ .A);
    octokit.hook.before('request', (opts) => {
        opts.request.signal = deadline;
    });
    return octokit;
}


/***/ }),

/***/ 9239:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  CommentTooLongError: () => (/* binding */ CommentTooLongError),
  explainCommentFailure: () => (/* binding */ explainCommentFailure),
  findOurComments: () => (/* binding */ findOurComments),
  normalizeLogin: () => (/* binding */ normalizeLogin),
  postStickyComment: () => (/* binding */ postStickyComment),
  upsertStickyComment: () => (/* binding */ upsertStickyComment),
  viewerLogin: () => (/* reexport */ viewerLogin)
});

// EXTERNAL MODULE: ./src/report/markdown.ts
var markdown = __webpack_require__(4285);
// EXTERNAL MODULE: ./src/github/client.ts
var client = __webpack_require__(6584);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
;// CONCATENATED MODULE: ./src/github/viewer.ts
// The token's own login, asked once per run: the sticky comment and the review each need it
// to tell our comments from others', and each makes its own client, so the answer is kept per
// API URL and token (a second GraphQL call would cost about a second of throttling). A failed
// query is kept too: asking again would only wait out the same failure twice.

const logins = new Map();
async function ask(octokit, debug) {
    try {
        const res = await octokit.graphql('query { viewer { login } }');
        return typeof res.viewer?.login === 'string' ? res.viewer.login : null;
    }
    catch (e) {
        debug(`viewer query failed, matching comments by marker alone: ${e.message}`);
        return null;
    }
}
/** Same API and same token: the same identity. The token itself is not kept, only its hash. */
async function identityKey(octokit) {
    const auth = (await octokit.auth());
    const token = (0,external_node_crypto_.createHash)('sha256')
        .update(auth.token ?? '')
        .digest('hex');
    return `${octokit.request.endpoint.DEFAULTS.baseUrl}\n${token}`;
}
/** The token's own login via GraphQL `viewer` (REST /user is 403 for installation tokens), or null. */
async function viewerLogin(octokit, debug = () => undefined) {
    const key = await identityKey(octokit);
    let login = logins.get(key);
    if (!login) {
        login = ask(octokit, debug);
        logins.set(key, login);
    }
    return login;
}

;// CONCATENATED MODULE: ./src/github/comment.ts




class CommentTooLongError extends Error {
    constructor(length) {
        super(`The comment is ${length} characters, over GitHub's limit of ${markdown/* COMMENT_LIMIT */.W$}; it was not sent.`);
        this.name = 'CommentTooLongError';
    }
}
// A PR with more comments than this is not searched further: a bound, not an expectation.
const MAX_PAGES = 100;
/** `github-actions[bot]` (REST) and `github-actions` (GraphQL viewer) are the same identity. */
function normalizeLogin(login) {
    return login.toLowerCase().replace(/\[bot\]$/, '');
}
/** Our comments with this marker on the PR, lowest id first; every page is searched. */
async function findOurComments(octokit, target, marker, viewer) {
    const self = viewer ? normalizeLogin(viewer) : null;
    let pages = 0;
    const found = await octokit.paginate(octokit.rest.issues.listComments, { owner: target.owner, repo: target.repo, issue_number: target.issueNumber, per_page: 100 }, (response, done) => {
        if (++pages >= MAX_PAGES)
            done();
        return response.data
            .filter((c) => typeof c.body === 'string' && c.body.trimStart().startsWith(marker))
            .filter((c) => self === null || (c.user?.login !== undefined && normalizeLogin(c.user.login) === self))
            .map((c) => ({ id: c.id, body: c.body ?? '' }));
    });
    return found.sort((a, b) => a.id - b.id);
}
async function deleteQuietly(octokit, target, id) {
    try {
        await octokit.rest.issues.deleteComment({ owner: target.owner, repo: target.repo, comment_id: id });
        return true;
    }
    catch (e) {
        // Already deleted by a concurrent run: the goal is reached.
        if (e.status === 404)
            return false;
        throw e;
    }
}
/** Create or update the comment for `tag`; throws on API errors (see postStickyComment). */
async function upsertStickyComment(octokit, target, tag, body, debug) {
    if (body.length > markdown/* COMMENT_LIMIT */.W$)
        throw new CommentTooLongError(body.length);
    const marker = (0,markdown/* commentMarker */.Ql)(tag);
    if (!body.trimStart().startsWith(marker))
        throw new Error(`The comment body must start with ${marker}.`);
    const { owner, repo, issueNumber } = target;
    const viewer = await viewerLogin(octokit, debug);
    const update = async (c) => {
        if (c.body === body)
            return false;
        await octokit.rest.issues.updateComment({ owner, repo, comment_id: c.id, body });
        return true;
    };
    const deleteAllBut = async (comments, keep) => {
        const deleted = [];
        for (const c of comments) {
            if (c.id !== keep && (await deleteQuietly(octokit, target, c.id)))
                deleted.push(c.id);
        }
        return deleted;
    };
    const existing = await findOurComments(octokit, target, marker, viewer);
    if (existing.length > 0) {
        const keep = existing[0];
        const changed = await update(keep);
        const deleted = await deleteAllBut(existing, keep.id);
        return { action: changed ? 'updated' : 'unchanged', id: keep.id, deleted };
    }
    const { data: created } = await octokit.rest.issues.createComment({
        owner,
        repo,
        issue_number: issueNumber,
        body,
    });
    // A concurrent run may have created one too: converge on the lowest id.
    const after = await findOurComments(octokit, target, marker, viewer);
    const keep = after[0] ?? { id: created.id, body };
    const deleted = await deleteAllBut(after, keep.id);
    if (keep.id !== created.id)
        await update(keep);
    return { action: 'created', id: keep.id, deleted };
}
/** Explain an API failure in one line, naming the permission when that is the cause. */
function explainCommentFailure(e) {
    const status = e.status;
    const message = e?.message ?? String(e);
    if (e instanceof CommentTooLongError)
        return `harden-check did not post the PR comment: ${message}`;
    if (status === 403 && /rate limit/i.test(message)) {
        return `harden-check could not update the PR comment: GitHub rate limit (HTTP 403: ${message}). The verdict is in the job summary and the step status.`;
    }
    if (status === 403 || status === 404) {
        return (`harden-check could not write the PR comment (HTTP ${status}: ${message}). ` +
            'The token needs the "pull-requests: write" permission (add `permissions: { pull-requests: write }` to the job). ' +
            'On pull requests from forks the token is read-only: publish the report from a workflow_run workflow with the `report` input. ' +
            'The verdict is in the job summary and the step status.');
    }
    return `harden-check could not update the PR comment${status ? ` (HTTP ${status})` : ''}: ${message}. The verdict is in the job summary and the step status.`;
}
/** Upsert the comment; every failure becomes ONE warning and a null result, never an exception. */
async function postStickyComment(opts) {
    try {
        const octokit = (0,client.createGitHubClient)(opts.token, opts.client);
        const result = await upsertStickyComment(octokit, opts.target, opts.tag, opts.body, opts.log.debug);
        opts.log.info(`PR comment ${result.action} (id ${result.id}${result.deleted.length ? `, removed duplicates ${result.deleted.join(', ')}` : ''}).`);
        return result;
    }
    catch (e) {
        opts.log.warning(explainCommentFailure(e));
        opts.onFailure?.(e);
        return null;
    }
}


/***/ })

};
