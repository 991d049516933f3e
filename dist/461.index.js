export const id = 461;
export const ids = [461];
export const modules = {

/***/ 2461:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  scanDockerfile: () => (/* binding */ scanDockerfile)
});

// UNUSED EXPORTS: auditDockerfile

// EXTERNAL MODULE: ./src/dockerfile/model.ts
var dockerfile_model = __webpack_require__(4011);
// EXTERNAL MODULE: ./src/rules/all.ts + 93 modules
var rules_all = __webpack_require__(2616);
// EXTERNAL MODULE: ./src/rules/registry.ts + 1 modules
var registry = __webpack_require__(3414);
// EXTERNAL MODULE: ./src/rules/syntax/validate.ts
var validate = __webpack_require__(2957);
// EXTERNAL MODULE: ./src/suppress.ts
var suppress = __webpack_require__(1852);
// EXTERNAL MODULE: ./src/audit/settle.ts + 3 modules
var audit_settle = __webpack_require__(4365);
// EXTERNAL MODULE: ./src/dockerfile/facts.ts
var facts = __webpack_require__(3981);
// EXTERNAL MODULE: ./src/secrets/detect.ts
var detect = __webpack_require__(5042);
;// CONCATENATED MODULE: ./src/audit/static-facts.ts


function staticFacts(model, trusted) {
    const user = (0,facts/* effectiveUser */.d6)(model);
    const base = (0,facts/* externalBase */.dR)(model, trusted);
    const hc = (0,facts/* finalHealthcheck */.Fp)(model);
    const stage = model.target;
    const declared = new Map();
    for (const instr of model.instructions) {
        if (instr.keyword !== 'ARG' && instr.keyword !== 'ENV')
            continue;
        for (const p of instr.properties)
            declared.set(p.name, instr.line);
    }
    return {
        stage: stage ? { name: stage.name, line: stage.fromInstr.line, endLine: stage.fromInstr.endLine } : null,
        stages: model.stages.map((s) => ({ label: s.name ?? String(s.index), line: s.line, endLine: s.endLine })),
        user: user
            ? { raw: user.raw, resolved: user.resolved.value, line: user.instr.line, endLine: user.instr.endLine }
            : null,
        baseImage: base && base.resolved.complete ? base.resolved.value : null,
        env: (0,facts/* finalEnv */.S7)(model).map((e) => ({
            key: e.key,
            value: e.value,
            line: e.line,
            secret: ((0,detect/* secretNameMatch */.Jv)(e.key) !== null && !(0,detect/* isPlaceholder */.wK)(e.value)) || (0,detect/* findSecretValues */.sD)(e.value).length > 0,
        })),
        declared: [...declared].map(([key, line]) => ({ key, line })),
        healthcheck: hc
            ? {
                line: hc.instr.line,
                endLine: hc.instr.endLine,
                none: hc.none,
                test: hc.test,
                port: hc.port,
                startPeriodSeconds: hc.timings['start-period'] ?? null,
            }
            : null,
        appPorts: [...new Set((0,facts/* appPorts */.w1)(model).map((p) => p.port))],
    };
}

;// CONCATENATED MODULE: ./src/audit/audit.ts
// The static audit of one Dockerfile: syntax layer, model, rules, suppressions,
// and the checklist as far as the text can decide it.







/** The static audit settled on its own (no runtime): findings kept and suppressed, the static checklist. */
function auditDockerfile(opts) {
    const scan = scanDockerfile(opts);
    return { model: scan.model, facts: scan.facts, ...settle(scan, null) };
}
function scanDockerfile(opts) {
    const model = (0,dockerfile_model/* parseDockerfile */.Ai)(opts.file, opts.text, {
        target: opts.target,
        buildArgs: opts.buildArgs,
        platform: (0,dockerfile_model/* platformFromFlags */.nP)(opts.buildFlags ?? []) ?? undefined,
    });
    const raw = [];
    for (const hit of (0,validate/* validateSyntax */.kX)((0,dockerfile_model/* withoutBom */.vA)(opts.text))) {
        const meta = (0,registry.ruleMeta)(hit.ruleId);
        raw.push(findingOf(hit, { id: hit.ruleId, severity: meta?.severity ?? 'error', check: meta?.check }, opts.file));
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
    for (const rule of rules_all/* STATIC_RULES */.$) {
        if (rule.meta.optIn && !enabled.has(rule.meta.id))
            continue;
        for (const hit of rule.check(ctx))
            raw.push(findingOf(hit, rule.meta, opts.file));
    }
    return {
        model,
        findings: dedupe(raw),
        policy: (0,suppress/* suppressionPolicy */._d)(model, opts.config, opts.ignore),
        trustedBaseImages: opts.config.trustedBaseImages,
        facts: staticFacts(model, opts.config.trustedBaseImages),
    };
}
/** A rule's hit as a finding of `file`; the hit's own severity wins over the rule's. */
function findingOf(hit, meta, file) {
    return {
        ruleId: meta.id,
        severity: hit.severity ?? meta.severity,
        file,
        line: hit.line,
        endLine: hit.endLine,
        column: hit.column,
        endColumn: hit.endColumn,
        message: hit.message,
        check: meta.check,
        fix: hit.fix,
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
