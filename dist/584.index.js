export const id = 584;
export const ids = [584];
export const modules = {

/***/ 6584:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DEFAULT_CLIENT_OPTIONS: () => (/* binding */ DEFAULT_CLIENT_OPTIONS),
/* harmony export */   createGitHubClient: () => (/* binding */ createGitHubClient)
/* harmony export */ });
/* harmony import */ var _actions_github__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1758);
/* harmony import */ var _octokit_plugin_retry__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9735);
/* harmony import */ var _octokit_plugin_throttling__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6856);
// The GitHub REST/GraphQL client: @actions/github's Octokit (proxy-aware fetch) with the
// retry plugin (5xx) and the throttling plugin (secondary rate limits), both bounded:
// a few retries, and one deadline for every request the client makes, so a slow or
// failing API delays the step by a bounded time and then becomes a warning.



const DEFAULT_CLIENT_OPTIONS = { retries: 3, retryBaseMs: 1000, deadlineMs: 60_000 };
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
            retryAfterBaseValue: retryBaseMs,
            fallbackSecondaryRateRetryAfter: 5,
            onRateLimit: (retryAfter, _options, _o, retryCount) => shouldWait(retryAfter, retryCount),
            onSecondaryRateLimit: (retryAfter, _options, _o, retryCount) => shouldWait(retryAfter, retryCount),
        },
        // Octokit logs every failed request at warn level; our caller reports once instead.
        log: { debug: () => { }, info: () => { }, warn: () => { }, error: () => { } },
    }, _octokit_plugin_retry__WEBPACK_IMPORTED_MODULE_1__/* .retry */ .L, _octokit_plugin_throttling__WEBPACK_IMPORTED_MODULE_2__/* .throttling */ .A);
    octokit.hook.before('request', (opts) => {
        opts.request.signal = deadline;
    });
    return octokit;
}


/***/ })

};
