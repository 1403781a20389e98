import { isMap, isPair, isSeq, type Document } from 'yaml';

/**
 * Helm chart templates (`{{ .Values.x }}`, `{{- if … }}`) are not YAML until rendered. The YAML parser either
 * rejects them or reads `{{ … }}` as a flow mapping used as a key; both mean the document is a template, which the
 * check does not render, so it is reported as such instead of as a syntax error or a silently odd value.
 */
const TEMPLATE_ACTION = /\{\{-?\s*[^}]*\}\}/;

/** 0-based offset of the first `{{ … }}` action in `text[start, end)`, or undefined. */
export function templateActionOffset(text: string, start: number, end: number): number | undefined {
  const match = TEMPLATE_ACTION.exec(text.slice(start, end));
  return match ? start + match.index : undefined;
}

/** Whether a mapping in the document has a mapping or sequence as a key (`{{ .Values.x }}: …` or `name: {{ x }}`). */
export function hasCollectionKey(doc: Document.Parsed): boolean {
  const stack: unknown[] = [doc.contents];
  while (stack.length > 0) {
    const node = stack.pop();
    if (isSeq(node)) for (const item of node.items) stack.push(item);
    else if (isMap(node)) {
      for (const pair of node.items) {
        if (!isPair(pair)) continue;
        if (isMap(pair.key) || isSeq(pair.key)) return true;
        stack.push(pair.value);
      }
    }
  }
  return false;
}

export const TEMPLATE_REASON =
  'Helm/Go template syntax ({{ … }}): the document is a template, not YAML until rendered, and was not evaluated';
