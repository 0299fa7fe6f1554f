/**
 * Numbering patterns of central counters (fact kind `sequence`), e.g. `{region}-{year}-{seq:4}` →
 * `ZJLC01-2026-0001`. Pure: text in, text out.
 *
 * - `{seq}` / `{seq:N}`: the sequence value, zero-padded to N digits (1–12); exactly once;
 * - `{year}`: the year of the event date (Asia/Shanghai);
 * - `{name}`: a text from configuration (the declaration's `vars[name]`);
 * - anything else is literal text; `{` and `}` only open and close placeholders.
 */

export type PatternPart = { text: string } | { placeholder: string } | { seq: true; pad: number };

export interface SequencePattern {
  source: string;
  parts: PatternPart[];
  /** the placeholders other than `seq`, in order of first appearance */
  placeholders: string[];
}

export class SequencePatternError extends Error {
  readonly code = 'SEQUENCE_PATTERN_INVALID';
  constructor(readonly pattern: string, reason: string) {
    super(`numbering pattern ${JSON.stringify(pattern)}: ${reason}`);
  }
}

const PLACEHOLDER = /^[A-Za-z][A-Za-z0-9]*$/;

/** @throws SequencePatternError */
export function parseSequencePattern(source: string, known: readonly string[]): SequencePattern {
  const parts: PatternPart[] = [];
  const placeholders: string[] = [];
  let seqCount = 0;
  let i = 0;
  while (i < source.length) {
    const open = source.indexOf('{', i);
    const close = source.indexOf('}', i);
    if (close !== -1 && (open === -1 || close < open)) throw new SequencePatternError(source, `unmatched "}" at ${close}`);
    if (open === -1) {
      parts.push({ text: source.slice(i) });
      break;
    }
    if (open > i) parts.push({ text: source.slice(i, open) });
    const end = source.indexOf('}', open);
    if (end === -1) throw new SequencePatternError(source, `unclosed "{" at ${open}`);
    const inner = source.slice(open + 1, end);
    const seq = /^seq(?::(\d{1,2}))?$/.exec(inner);
    if (seq) {
      const pad = seq[1] === undefined ? 1 : Number(seq[1]);
      if (pad < 1 || pad > 12) throw new SequencePatternError(source, '{seq:N} pads to 1–12 digits');
      parts.push({ seq: true, pad });
      seqCount += 1;
    } else {
      if (!PLACEHOLDER.test(inner)) throw new SequencePatternError(source, `bad placeholder {${inner}}`);
      if (inner !== 'year' && !known.includes(inner)) {
        throw new SequencePatternError(source, `unknown placeholder {${inner}} (known: {seq}, {year}${known.map((k) => `, {${k}}`).join('')})`);
      }
      parts.push({ placeholder: inner });
      if (!placeholders.includes(inner)) placeholders.push(inner);
    }
    i = end + 1;
  }
  if (seqCount !== 1) throw new SequencePatternError(source, 'must hold the sequence {seq} or {seq:N} exactly once');
  return { source, parts, placeholders };
}

/**
 * The scope the sequence counts in: the values of the other placeholders (`region=ZJLC01|year=2026`),
 * so a new year, or a new region code, starts a new sequence, while a change of the pattern's
 * literal text or padding does not.
 */
export function sequenceScope(pattern: SequencePattern, values: Record<string, string>): string {
  return pattern.placeholders.map((p) => `${p}=${values[p]}`).join('|');
}

export function renderSequence(pattern: SequencePattern, values: Record<string, string>, seq: number): string {
  return pattern.parts
    .map((p) => ('text' in p ? p.text : 'placeholder' in p ? values[p.placeholder] : String(seq).padStart(p.pad, '0')))
    .join('');
}
