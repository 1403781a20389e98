export const id = 923;
export const ids = [923];
export const modules = {

/***/ 5923:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   validateIstioObject: () => (/* binding */ validateIstioObject)
/* harmony export */ });
/* harmony import */ var _validate_service_entry_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6746);

let validators;
/**
 * The validators of Istio's CRD `spec` schemas are compiled ahead of time (scripts/istio-validators.mjs), so a
 * run does not pay for compiling them; the module is loaded on first use, so runs that generate nothing do not
 * load it at all.
 */
async function validatorFor(kind) {
    validators ??= __webpack_require__.e(/* import() */ 355).then(__webpack_require__.bind(__webpack_require__, 4355));
    return (await validators)[kind];
}
const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;
function metadataProblems(object) {
    const problems = [];
    const { name, namespace, labels = {} } = object.metadata;
    if (name.length > 253 || !DNS1123_SUBDOMAIN.test(name))
        problems.push(`metadata.name "${name}" is not a DNS-1123 subdomain`);
    if (namespace.length > 63 || !DNS1123_LABEL.test(namespace))
        problems.push(`metadata.namespace "${namespace}" is not a DNS-1123 label`);
    for (const [key, value] of Object.entries(labels)) {
        if (value.length > 63 || !LABEL_VALUE.test(value))
            problems.push(`label ${key} has an invalid value "${value}"`);
    }
    return problems;
}
function describeSchemaError(error) {
    const where = `spec${error.instancePath.replace(/\//g, '.')}`;
    if (error.keyword === 'additionalProperties') {
        return `${where}: unknown field "${String(error.params.additionalProperty)}"`;
    }
    if (error.keyword === 'enum') {
        return `${where}: must be one of ${error.params.allowedValues.join(', ')}`;
    }
    return `${where}: ${error.message ?? error.keyword}`;
}
function semanticProblems(object) {
    if (object.kind === 'ServiceEntry')
        return (0,_validate_service_entry_js__WEBPACK_IMPORTED_MODULE_0__/* .validateServiceEntrySpec */ .dO)(object.spec);
    if (object.kind === 'VirtualService')
        return (0,_validate_service_entry_js__WEBPACK_IMPORTED_MODULE_0__/* .validateVirtualServiceSpec */ .Cf)(object.spec);
    return [];
}
/**
 * Everything wrong with an object: Istio's CRD schema (v1, identical to v1beta1), the object's metadata, and
 * Istio's semantic ServiceEntry / VirtualService rules. Warnings are not errors and are not returned.
 */
async function validateIstioObject(object) {
    const validate = await validatorFor(object.kind);
    const problems = metadataProblems(object);
    if (!validate(object.spec))
        problems.push(...(validate.errors ?? []).map(describeSchemaError));
    for (const problem of semanticProblems(object)) {
        if (problem.severity === 'error')
            problems.push(`spec${problem.path.map((p) => `.${p}`).join('')}: ${problem.message}`);
    }
    return [...new Set(problems)];
}


/***/ })

};
