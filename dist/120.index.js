export const id = 120;
export const ids = [120,620,584];
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


/***/ }),

/***/ 8120:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  MAX_REVIEW_COMMENTS: () => (/* binding */ MAX_REVIEW_COMMENTS),
  explainReviewFailure: () => (/* binding */ explainReviewFailure),
  planReview: () => (/* binding */ planReview),
  postReview: () => (/* binding */ postReview),
  reviewBody: () => (/* binding */ reviewBody),
  syncReview: () => (/* binding */ syncReview)
});

// EXTERNAL MODULE: ./src/report/paths.ts
var paths = __webpack_require__(4278);
// EXTERNAL MODULE: ./src/report/verdict.ts
var verdict = __webpack_require__(687);
// EXTERNAL MODULE: ./src/secrets/detect.ts
var detect = __webpack_require__(5042);
// EXTERNAL MODULE: ./src/github/client.ts
var client = __webpack_require__(6584);
// EXTERNAL MODULE: ./src/github/comment.ts + 1 modules
var comment = __webpack_require__(9239);
;// CONCATENATED MODULE: ./src/github/diff-lines.ts
// Which lines of a PR file a review comment may be placed on, from the unified-diff
// `patch` the PR files API returns. GitHub accepts a comment on the RIGHT side only on a
// line inside a hunk (added or context); a multi-line comment must stay inside one hunk.
// The parser also keeps each right-side line's text, so a caller can check that the file
// it audited (the merge commit on pull_request events) still reads like the PR head there.
const HUNK_HEADER = /^@@ -\d+(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/;
/** Parse one file's `patch`. Malformed input gives whatever hunks were well-formed, never an exception. */
function parsePatch(patch) {
    const out = { added: new Set(), inHunk: new Set(), hunks: [], text: new Map() };
    if (!patch)
        return out;
    let right = 0;
    let leftLeft = 0; // lines of the left side still expected in this hunk
    let rightLeft = 0; // lines of the right side still expected in this hunk
    let hunk = null;
    for (const raw of patch.split('\n')) {
        const header = HUNK_HEADER.exec(raw);
        if (header) {
            leftLeft = header[1] === undefined ? 1 : Number(header[1]);
            right = Number(header[2]);
            rightLeft = header[3] === undefined ? 1 : Number(header[3]);
            hunk = { start: right, end: right + rightLeft - 1 };
            out.hunks.push(hunk);
            continue;
        }
        if (!hunk || (leftLeft <= 0 && rightLeft <= 0))
            continue; // outside a hunk: file headers, trailing text
        const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
        const kind = line[0];
        if (kind === '\\')
            continue; // "\ No newline at end of file"
        if (kind === '-') {
            leftLeft--;
            continue;
        }
        if (kind === '+' || kind === ' ' || line === '') {
            // An empty line inside a hunk is a context line whose leading space was trimmed.
            if (rightLeft <= 0)
                continue;
            out.inHunk.add(right);
            out.text.set(right, line.slice(1));
            if (kind === '+')
                out.added.add(right);
            else
                leftLeft--;
            right++;
            rightLeft--;
        }
    }
    return out;
}
/** The hunk that holds every line of start..end, or undefined. */
function hunkOf(diff, start, end) {
    return diff.hunks.find((h) => start >= h.start && end <= h.end && start <= end);
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: ./src/report/docs.ts
var docs = __webpack_require__(6267);
// EXTERNAL MODULE: ./src/report/escape.ts
var report_escape = __webpack_require__(4031);
// EXTERNAL MODULE: ./src/report/markdown.ts
var markdown = __webpack_require__(4285);
;// CONCATENATED MODULE: ./src/github/review-body.ts
// The text of one review comment: a hidden marker with the finding's fingerprint, the
// rule and message, and the fix as a GitHub ```suggestion block. A suggestion is written
// into the user's file with one click, so it is shown exactly or not at all: never
// redacted, truncated or stripped (a text that would need that gets no suggestion), and
// fenced with more backticks than any run in it, so nothing in it can close the block.





/** GitHub's limit for a review comment body is 65,536 characters; stay well below. */
const SUGGESTION_MAX_CHARS = 20_000;
const MARKER_PREFIX = '<!-- harden-check-review:';
const FINGERPRINT = /^[0-9a-f]{24}-\d+$/;
/** `<!-- harden-check-review:TAG:FP -->`; the tag may contain `:`, the fingerprint never does. */
function reviewMarker(tag, fingerprint) {
    return `${MARKER_PREFIX}${(0,markdown/* sanitizeTag */.iP)(tag)}:${fingerprint} -->`;
}
/** The tag and fingerprint of a comment body that starts with our marker, or null. */
function parseReviewMarker(body) {
    const text = (body ?? '').trimStart();
    if (!text.startsWith(MARKER_PREFIX))
        return null;
    const end = text.indexOf(' -->');
    if (end < 0)
        return null;
    const inner = text.slice(MARKER_PREFIX.length, end);
    const cut = inner.lastIndexOf(':');
    if (cut <= 0)
        return null;
    const fingerprint = inner.slice(cut + 1);
    return FINGERPRINT.test(fingerprint) ? { tag: inner.slice(0, cut), fingerprint } : null;
}
/**
 * Stable identity of a finding across runs: rule, path, the normalized (redacted) content
 * of its line and its message with line numbers folded. Moving the line keeps it; editing
 * the line or the message changes it. `occurrence` tells identical lines apart.
 */
function findingFingerprint(f, repoPath, lineText, occurrence, secrets = []) {
    const content = lineText === undefined ? '' : (0,detect/* redact */.E$)(lineText, secrets).trim().replace(/\s+/g, ' ');
    const message = (0,detect/* redact */.E$)(f.message, secrets)
        .replace(/\b(lines?) \d+(?:\s*[-–]\s*\d+)?/gi, '$1 N')
        .trim()
        .replace(/\s+/g, ' ');
    const hash = (0,external_node_crypto_.createHash)('sha256').update(`${f.ruleId}\0${repoPath}\0${content}\0${message}`).digest('hex');
    return `${hash.slice(0, 24)}-${occurrence}`;
}
// Characters a suggestion cannot carry faithfully: controls other than tab, and the bidi
// overrides that make a line read differently from what it is.
const UNSAFE_IN_SUGGESTION = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/;
/**
 * The ```suggestion block for a fix, or null when it cannot be offered exactly (control
 * characters, a secret in the text, too long). `remove` gives an empty suggestion, which
 * deletes the commented lines.
 */
function renderSuggestion(fix, secrets = []) {
    if (typeof fix.text !== 'string')
        return null;
    // Lines are replaced whole: one line break style, no final break.
    const text = fix.text.replace(/\r\n?/g, '\n');
    const lines = fix.remove ? [] : text.split('\n');
    const body = lines.join('\n');
    if (UNSAFE_IN_SUGGESTION.test(body))
        return null;
    if ((0,detect/* redact */.E$)(body, secrets) !== body)
        return null;
    if (body.length > SUGGESTION_MAX_CHARS)
        return null;
    const longestRun = Math.max(0, ...(body.match(/`+/g) ?? []).map((r) => r.length));
    const fence = '`'.repeat(Math.max(3, longestRun + 1));
    return lines.length === 0 ? `${fence}suggestion\n${fence}` : `${fence}suggestion\n${body}\n${fence}`;
}
const SEVERITY_LABEL = { error: '❌ **Error**', warning: '⚠️ **Warning**', note: 'ℹ️ Note' };
/**
 * The body of one review comment. `suggest`: the comment sits on exactly the fix's lines,
 * so a suggestion applies to them; otherwise the fix is only described.
 */
function renderReviewComment(f, tag, fingerprint, opts) {
    const secrets = opts.secrets ?? [];
    const doc = (0,docs/* ruleDocUrl */.Cg)(f.ruleId);
    const rule = doc ? `[${f.ruleId}](${doc})` : (0,report_escape/* inlineText */.ln)(f.ruleId, 60, secrets);
    const parts = [
        reviewMarker(tag, fingerprint),
        `${SEVERITY_LABEL[f.severity] ?? ''} · ${rule} · ${(0,report_escape/* messageText */.Lo)(f.message, 1000, secrets)}`,
    ];
    let suggested = false;
    if (f.fix) {
        const what = (0,report_escape/* inlineText */.ln)(f.fix.description || 'Suggested fix', 200, secrets);
        const block = opts.suggest ? renderSuggestion(f.fix, secrets) : null;
        if (block) {
            parts.push('', `**Suggested fix:** ${what}`, '', block);
            suggested = true;
        }
        else {
            const where = f.fix.endLine > f.fix.startLine
                ? `lines ${f.fix.startLine}–${f.fix.endLine}`
                : `line ${f.fix.startLine}`;
            parts.push('', `**Fix:** ${what} (${where}).`);
        }
    }
    parts.push('', `<sub>harden-check · ${(0,report_escape/* inlineText */.ln)(tag, 100, secrets)}</sub>`);
    return { body: parts.join('\n'), suggested };
}

;// CONCATENATED MODULE: ./src/github/review.ts







/** New comments per run; the rest are counted in the review body. */
const MAX_REVIEW_COMMENTS = 30;
// Bounds, not expectations: GitHub lists at most 3,000 files of a PR.
const MAX_FILE_PAGES = 30;
const MAX_COMMENT_PAGES = 50;
const MAX_THREAD_PAGES = 20;
const RANK = { error: 0, warning: 1, note: 2 };
function reviewable(report) {
    return (0,verdict/* allFindings */.c4)(report)
        .filter((f) => f.severity === 'error' || f.severity === 'warning')
        .filter((f) => Number.isInteger(f.line) && f.line >= 1)
        .sort((a, b) => RANK[a.severity] - RANK[b.severity] ||
        a.file.localeCompare(b.file) ||
        a.line - b.line ||
        a.ruleId.localeCompare(b.ruleId) ||
        a.message.localeCompare(b.message));
}
/**
 * Can a comment span start..end of this file? Inside one hunk, touching a changed line in
 * `changed` scope, and the file as audited reads exactly like the PR head there (on
 * pull_request events the workspace is the merge commit, which may differ).
 */
function placeable(diff, source, start, end, scope) {
    if (!diff || !source || !Number.isInteger(start) || !Number.isInteger(end) || start < 1 || end < start)
        return false;
    if (!hunkOf(diff, start, end))
        return false;
    let touched = false;
    for (let n = start; n <= end; n++) {
        if (diff.text.get(n) !== source[n - 1])
            return false;
        if (diff.added.has(n))
            touched = true;
    }
    return scope === 'all' || touched;
}
/** What to create, edit and delete; no I/O. */
function planReview(input) {
    const { scope, diffs, readSource, tag } = input;
    const secrets = input.secrets ?? [];
    const max = input.maxComments ?? MAX_REVIEW_COMMENTS;
    const byFingerprint = new Map();
    for (const c of [...input.existing].sort((a, b) => a.id - b.id)) {
        byFingerprint.set(c.fingerprint, [...(byFingerprint.get(c.fingerprint) ?? []), c]);
    }
    const plan = { create: [], update: [], remove: [], kept: 0, outsideDiff: 0, overLimit: 0 };
    const current = new Set();
    const seen = new Map();
    for (const f of reviewable(input.report)) {
        const path = (0,paths/* toRepoPath */.x)(f.file, input.workspace);
        const source = readSource(f.file);
        const base = findingFingerprint(f, path, source?.[f.line - 1], 0, secrets).replace(/-0$/, '');
        const occurrence = (seen.get(base) ?? 0) + 1;
        seen.set(base, occurrence);
        const fingerprint = `${base}-${occurrence}`;
        current.add(fingerprint);
        const diff = diffs.get(path);
        let range = null;
        let suggest = false;
        if (f.fix && placeable(diff, source, f.fix.startLine, f.fix.endLine, scope)) {
            range = [f.fix.startLine, f.fix.endLine];
            suggest = true;
        }
        else if (placeable(diff, source, f.line, f.line, scope)) {
            range = [f.line, f.line];
        }
        const earlier = byFingerprint.get(fingerprint)?.[0];
        if (earlier) {
            plan.kept++;
            if (range) {
                const { body } = renderReviewComment(f, tag, fingerprint, { suggest, secrets });
                const sameLines = earlier.line === range[1] && (earlier.startLine ?? earlier.line) === range[0];
                if (body !== earlier.body && sameLines)
                    plan.update.push({ id: earlier.id, body });
            }
            continue;
        }
        if (!range) {
            plan.outsideDiff++;
            continue;
        }
        if (plan.create.length >= max) {
            plan.overLimit++;
            continue;
        }
        const text = renderReviewComment(f, tag, fingerprint, { suggest, secrets });
        plan.create.push({ fingerprint, finding: f, path, startLine: range[0], line: range[1], ...text });
    }
    for (const [fingerprint, comments] of byFingerprint) {
        const stale = current.has(fingerprint) ? comments.slice(1) : comments;
        plan.remove.push(...stale.map((c) => c.id));
    }
    return plan;
}
/** The review's own text: empty unless findings were left out by the bound. */
function reviewBody(plan, max = MAX_REVIEW_COMMENTS) {
    if (plan.overLimit === 0)
        return '';
    const n = plan.overLimit;
    return `harden-check comments on at most ${max} findings per run: ${n} more finding${n === 1 ? ' is' : 's are'} not commented here. All findings are listed in the harden-check comment and the job summary.`;
}
async function listDiffs(octokit, t) {
    let pages = 0;
    const files = await octokit.paginate(octokit.rest.pulls.listFiles, { owner: t.owner, repo: t.repo, pull_number: t.pullNumber, per_page: 100 }, (response, done) => {
        if (++pages >= MAX_FILE_PAGES)
            done();
        return response.data;
    });
    const diffs = new Map();
    for (const f of files) {
        if (f.status === 'removed' || typeof f.filename !== 'string')
            continue;
        diffs.set(f.filename, parsePatch(f.patch));
    }
    return diffs;
}
async function listOurComments(octokit, t, tag, viewer) {
    const self = viewer ? (0,comment.normalizeLogin)(viewer) : null;
    let pages = 0;
    return octokit.paginate(octokit.rest.pulls.listReviewComments, { owner: t.owner, repo: t.repo, pull_number: t.pullNumber, per_page: 100 }, (response, done) => {
        if (++pages >= MAX_COMMENT_PAGES)
            done();
        const out = [];
        for (const c of response.data) {
            const marker = parseReviewMarker(c.body);
            if (!marker || marker.tag !== tag)
                continue;
            if (self !== null && (!c.user?.login || (0,comment.normalizeLogin)(c.user.login) !== self))
                continue;
            out.push({
                id: c.id,
                fingerprint: marker.fingerprint,
                body: c.body,
                line: c.line ?? null,
                startLine: c.start_line ?? null,
            });
        }
        return out;
    });
}
const review_status = (e) => e?.status;
/**
 * Resolve the threads whose first comment is one of `ids`. `done`: threads of those ids
 * that are resolved now (including earlier runs'); `resolved`: how many this call resolved.
 */
async function resolveThreads(octokit, t, ids) {
    const wanted = new Set(ids);
    const threads = [];
    let already = 0;
    let cursor = null;
    for (let page = 0; page < MAX_THREAD_PAGES; page++) {
        const res = await octokit.graphql(`query($owner: String!, $repo: String!, $number: Int!, $cursor: String) {
        repository(owner: $owner, name: $repo) {
          pullRequest(number: $number) {
            reviewThreads(first: 100, after: $cursor) {
              pageInfo { hasNextPage endCursor }
              nodes { id isResolved comments(first: 1) { nodes { databaseId } } }
            }
          }
        }
      }`, { owner: t.owner, repo: t.repo, number: t.pullNumber, cursor });
        const conn = res.repository?.pullRequest?.reviewThreads;
        for (const th of conn?.nodes ?? []) {
            const first = th.comments?.nodes?.[0]?.databaseId;
            if (typeof first !== 'number' || !wanted.has(first))
                continue;
            if (th.isResolved)
                already++;
            else
                threads.push(th.id);
        }
        if (!conn?.pageInfo?.hasNextPage || !conn.pageInfo.endCursor)
            break;
        cursor = conn.pageInfo.endCursor;
    }
    let resolved = 0;
    for (const id of threads) {
        await octokit.graphql('mutation($id: ID!) { resolveReviewThread(input: { threadId: $id }) { thread { id isResolved } } }', { id });
        resolved++;
    }
    return { done: already + resolved, resolved };
}
/** Plan and apply the review; throws on API errors (see postReview). */
async function syncReview(octokit, opts) {
    const t = opts.target;
    const result = {
        reviewId: null,
        posted: 0,
        suggestions: 0,
        kept: 0,
        updated: 0,
        deleted: 0,
        resolved: 0,
        outsideDiff: 0,
        overLimit: 0,
        stale: false,
    };
    // Comments are anchored to the audited commit; when the PR moved on, the files API
    // describes another commit and the next run will review that one.
    const { data: pr } = await octokit.rest.pulls.get({
        owner: t.owner,
        repo: t.repo,
        pull_number: t.pullNumber,
    });
    if (pr.head.sha.toLowerCase() !== t.headSha.toLowerCase()) {
        result.stale = true;
        return result;
    }
    const viewer = await (0,comment.viewerLogin)(octokit, opts.log.debug);
    const [diffs, existing] = await Promise.all([
        listDiffs(octokit, t),
        listOurComments(octokit, t, opts.tag, viewer),
    ]);
    const max = opts.maxComments ?? MAX_REVIEW_COMMENTS;
    const plan = planReview({
        report: opts.report,
        tag: opts.tag,
        scope: opts.scope,
        diffs,
        readSource: opts.readSource,
        workspace: opts.workspace,
        existing,
        secrets: opts.secrets,
        maxComments: max,
    });
    Object.assign(result, { kept: plan.kept, outsideDiff: plan.outsideDiff, overLimit: plan.overLimit });
    // New comments first: the cleanup of earlier runs must not delay or block them.
    if (plan.create.length > 0) {
        const { data: review } = await octokit.rest.pulls.createReview({
            owner: t.owner,
            repo: t.repo,
            pull_number: t.pullNumber,
            commit_id: t.headSha,
            event: 'COMMENT',
            body: reviewBody(plan, max),
            comments: plan.create.map((c) => ({
                path: c.path,
                line: c.line,
                side: 'RIGHT',
                ...(c.startLine < c.line ? { start_line: c.startLine, start_side: 'RIGHT' } : {}),
                body: c.body,
            })),
        });
        result.reviewId = review.id;
        result.posted = plan.create.length;
        result.suggestions = plan.create.filter((c) => c.suggested).length;
    }
    for (const u of plan.update) {
        await octokit.rest.pulls.updateReviewComment({
            owner: t.owner,
            repo: t.repo,
            comment_id: u.id,
            body: u.body,
        });
        result.updated++;
    }
    const refused = [];
    let refusal = null;
    // Bounded like the new comments (each write is throttled); the rest go on the next run.
    for (const id of plan.remove.slice(0, max)) {
        try {
            await octokit.rest.pulls.deleteReviewComment({ owner: t.owner, repo: t.repo, comment_id: id });
            result.deleted++;
        }
        catch (e) {
            if (review_status(e) === 404)
                continue; // already gone (a concurrent run, a person)
            refused.push(id);
            refusal ??= e;
        }
    }
    if (refused.length > 0) {
        let done = 0;
        try {
            ({ done, resolved: result.resolved } = await resolveThreads(octokit, t, refused));
        }
        catch (e) {
            opts.log.debug(`resolving review threads failed: ${(0,detect/* redact */.E$)(e?.message ?? String(e))}`);
        }
        if (done < refused.length)
            throw refusal;
    }
    return result;
}
/** Explain an API failure in one line, naming the permission when that is the cause. */
function explainReviewFailure(e) {
    const code = review_status(e);
    const message = (0,detect/* redact */.E$)(e?.message ?? String(e));
    if (code === 403 && /rate limit/i.test(message)) {
        return `harden-check could not post review comments: GitHub rate limit (HTTP 403: ${message}). The findings are in the job summary.`;
    }
    if (code === 403 || code === 404) {
        return (`harden-check could not post review comments (HTTP ${code}: ${message}). ` +
            'The token needs the "pull-requests: write" permission (add `permissions: { pull-requests: write }` to the job). ' +
            'On pull requests from forks the token is read-only; set `review: off` there. ' +
            'The verdict is in the job summary and the step status.');
    }
    if (code === 422) {
        return `harden-check could not post review comments: GitHub refused the review (HTTP 422: ${message}). The findings are in the job summary and the PR comment.`;
    }
    return `harden-check could not post review comments${code ? ` (HTTP ${code})` : ''}: ${message}. The findings are in the job summary and the PR comment.`;
}
/** Sync the review; every failure becomes ONE warning and a null result, never an exception. */
async function postReview(opts) {
    try {
        const octokit = (0,client.createGitHubClient)(opts.token, opts.client);
        const r = await syncReview(octokit, opts);
        if (r.stale) {
            opts.log.info('Review comments skipped: the pull request has a newer head commit than the one audited.');
            return r;
        }
        const parts = [
            `${r.posted} new${r.suggestions ? ` (${r.suggestions} with a suggested fix)` : ''}`,
            `${r.kept} kept`,
            ...(r.updated ? [`${r.updated} edited`] : []),
            ...(r.deleted ? [`${r.deleted} removed`] : []),
            ...(r.resolved ? [`${r.resolved} resolved`] : []),
            ...(r.outsideDiff
                ? [`${r.outsideDiff} outside the ${opts.scope === 'changed' ? 'changed lines' : 'diff'}`]
                : []),
            ...(r.overLimit ? [`${r.overLimit} over the limit of ${opts.maxComments ?? MAX_REVIEW_COMMENTS}`] : []),
        ];
        opts.log.info(`Review comments: ${parts.join(', ')}.`);
        return r;
    }
    catch (e) {
        opts.log.warning(explainReviewFailure(e));
        return null;
    }
}


/***/ })

};
