export const id = 615;
export const ids = [615];
export const modules = {

/***/ 9615:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  auditDockerfile: () => (/* binding */ auditDockerfile)
});

// UNUSED EXPORTS: byLine

// EXTERNAL MODULE: ./src/dockerfile/model.ts
var dockerfile_model = __webpack_require__(5686);
// EXTERNAL MODULE: ./src/rules/registry.ts + 91 modules
var registry = __webpack_require__(3012);
// EXTERNAL MODULE: ./src/rules/syntax/index.ts + 1 modules
var syntax = __webpack_require__(2453);
// EXTERNAL MODULE: ./src/suppress.ts
var suppress = __webpack_require__(2361);
// EXTERNAL MODULE: ./src/dockerfile/facts.ts
var facts = __webpack_require__(920);
// EXTERNAL MODULE: ./src/dockerfile/base-images.ts
var base_images = __webpack_require__(2953);
;// CONCATENATED MODULE: ./src/engine/static-checks.ts


function staticChecks(model, findings, trusted) {
    return [
        nonRoot(model, trusted),
        healthcheckDefined(model),
        {
            id: 'healthy',
            status: 'skip',
            detail: 'needs a run (build: true and a Docker engine)',
            source: 'static',
        },
        noSecrets(findings),
        {
            id: 'env-override',
            status: 'skip',
            detail: 'needs a run (build: true and a Docker engine)',
            source: 'static',
        },
    ];
}
function nonRoot(model, trusted) {
    const user = (0,facts/* effectiveUser */.d6)(model);
    if (user) {
        const where = `USER ${user.raw}, line ${user.instr.line}`;
        if (user.resolved.unknownVars.length > 0 && !user.resolved.value.trim()) {
            return {
                id: 'non-root',
                status: 'skip',
                source: 'static',
                detail: `USER comes from build argument ${user.resolved.unknownVars.join(', ')} (line ${user.instr.line}): needs a run`,
            };
        }
        if ((0,base_images/* isRootUser */.ar)(user.resolved.value)) {
            const why = user.resolved.undefinedVars.length
                ? ` (${user.resolved.undefinedVars.join(', ')} undefined in this stage: the user is empty, so root)`
                : '';
            return { id: 'non-root', status: 'fail', source: 'static', detail: `runs as root (${where})${why}` };
        }
        return { id: 'non-root', status: 'pass', source: 'static', detail: `user ${user.user} (${where})` };
    }
    const base = (0,facts/* externalBase */.dR)(model, trusted);
    if (!base)
        return { id: 'non-root', status: 'skip', source: 'static', detail: 'no FROM: nothing to check' };
    if (!base.resolved.complete) {
        return {
            id: 'non-root',
            status: 'skip',
            source: 'static',
            detail: `no USER, and the base image is a build argument (${base.raw}): needs a run`,
        };
    }
    const image = base.resolved.value;
    if (!base.info || base.info.user === undefined) {
        return {
            id: 'non-root',
            status: 'skip',
            source: 'static',
            detail: `no USER; default user of base image ${image} is unknown: needs a run`,
        };
    }
    if ((0,base_images/* isRootUser */.ar)(base.info.user)) {
        return {
            id: 'non-root',
            status: 'fail',
            source: 'static',
            detail: `no USER, and ${image} runs as root unless told otherwise`,
        };
    }
    return {
        id: 'non-root',
        status: 'pass',
        source: 'static',
        detail: `no USER; base image ${image} runs as ${base.info.user} (${base.info.family})`,
    };
}
function healthcheckDefined(model) {
    const hc = (0,facts/* finalHealthcheck */.Fp)(model);
    if (!hc) {
        return {
            id: 'healthcheck-defined',
            status: 'fail',
            source: 'static',
            detail: 'no HEALTHCHECK in the shipped stage',
        };
    }
    if (hc.none) {
        return {
            id: 'healthcheck-defined',
            status: 'fail',
            source: 'static',
            detail: `HEALTHCHECK NONE (line ${hc.instr.line}) disables it`,
        };
    }
    return {
        id: 'healthcheck-defined',
        status: 'pass',
        source: 'static',
        detail: `HEALTHCHECK on line ${hc.instr.line}${hc.port ? ` (port ${hc.port})` : ''}`,
    };
}
function noSecrets(findings) {
    const bad = findings.filter((f) => f.check === 'no-secrets' && f.severity === 'error');
    if (bad.length > 0) {
        const lines = [...new Set(bad.map((f) => f.line))].slice(0, 5).join(', ');
        return {
            id: 'no-secrets',
            status: 'fail',
            source: 'static',
            detail: `${bad.length} secret finding${bad.length > 1 ? 's' : ''} (line${bad.length > 1 ? 's' : ''} ${lines})`,
        };
    }
    const weak = findings.filter((f) => f.check === 'no-secrets').length;
    return {
        id: 'no-secrets',
        status: 'pass',
        source: 'static',
        detail: weak
            ? `no literal secret (${weak} warning${weak > 1 ? 's' : ''} to review)`
            : 'no secret in ENV, ARG or RUN',
    };
}

// EXTERNAL MODULE: ./src/secrets/detect.ts
var detect = __webpack_require__(5735);
;// CONCATENATED MODULE: ./src/engine/static-facts.ts


function staticFacts(model, trusted) {
    const user = (0,facts/* effectiveUser */.d6)(model);
    const base = (0,facts/* externalBase */.dR)(model, trusted);
    const hc = (0,facts/* finalHealthcheck */.Fp)(model);
    return {
        user: user ? { raw: user.raw, resolved: user.resolved.value, line: user.instr.line } : null,
        baseImage: base && base.resolved.complete ? base.resolved.value : null,
        env: (0,facts/* finalEnv */.S7)(model).map((e) => ({
            key: e.key,
            value: e.value,
            line: e.line,
            secret: ((0,detect/* secretNameMatch */.Jv)(e.key) !== null && !(0,detect/* isPlaceholder */.wK)(e.value)) || (0,detect/* findSecretValues */.sD)(e.value).length > 0,
        })),
        healthcheck: hc
            ? {
                line: hc.instr.line,
                none: hc.none,
                test: hc.test,
                port: hc.port,
                startPeriodSeconds: hc.timings['start-period'] ?? null,
            }
            : null,
        appPorts: [...new Set((0,facts/* appPorts */.w1)(model).map((p) => p.port))],
    };
}

// EXTERNAL MODULE: ./src/report/order.ts
var order = __webpack_require__(2107);
;// CONCATENATED MODULE: ./src/engine/audit.ts
// The static audit of one Dockerfile: syntax layer, model, rules, suppressions,
// and the checklist as far as the text can decide it.







function auditDockerfile(opts) {
    const model = (0,dockerfile_model/* parseDockerfile */.Ai)(opts.file, opts.text, { target: opts.target, buildArgs: opts.buildArgs });
    const raw = [];
    for (const hit of (0,syntax/* validateSyntax */.k)((0,dockerfile_model/* withoutBom */.vA)(opts.text))) {
        const meta = (0,registry.ruleMeta)(hit.ruleId);
        raw.push({
            ruleId: hit.ruleId,
            severity: hit.severity ?? meta?.severity ?? 'error',
            file: opts.file,
            line: hit.line,
            endLine: hit.endLine,
            column: hit.column,
            endColumn: hit.endColumn,
            message: hit.message,
            check: meta?.check,
        });
    }
    const enabled = new Set(opts.config.enable);
    // Configuring an allow-list is asking for the rule that enforces it.
    if (opts.config.allowedRegistries.length > 0)
        enabled.add('HC118');
    const ctx = {
        model,
        file: opts.file,
        trustedBaseImages: opts.config.trustedBaseImages,
        dockerignore: opts.dockerignore ?? null,
        enabled,
        allowInlineIgnore: opts.config.allowInlineIgnore,
        allowedRegistries: opts.config.allowedRegistries,
    };
    for (const rule of opts.rules ?? registry.RULES) {
        if (rule.meta.optIn && !enabled.has(rule.meta.id))
            continue;
        for (const hit of rule.check(ctx)) {
            raw.push({
                ruleId: rule.meta.id,
                severity: hit.severity ?? rule.meta.severity,
                file: opts.file,
                line: hit.line,
                endLine: hit.endLine,
                column: hit.column,
                endColumn: hit.endColumn,
                message: hit.message,
                check: rule.meta.check,
                fix: hit.fix,
            });
        }
    }
    const inline = opts.config.allowInlineIgnore ? (0,suppress/* inlineIgnores */.d)(model) : [];
    const { kept, suppressed } = (0,suppress/* applySuppressions */.p)(dedupe(raw), {
        inline,
        ignore: [...(opts.ignore ?? []), ...opts.config.ignore],
        severity: opts.config.severity,
    });
    const findings = kept.sort(order/* byLine */.u);
    return {
        model,
        findings,
        suppressed,
        checks: staticChecks(model, findings, opts.config.trustedBaseImages),
        facts: staticFacts(model, opts.config.trustedBaseImages),
    };
}
function dedupe(findings) {
    const seen = new Set();
    return findings.filter((f) => {
        const key = `${f.ruleId}:${f.line}:${f.message}`;
        if (seen.has(key))
            return false;
        seen.add(key);
        return true;
    });
}



/***/ })

};
