/**
 * Structure no ladder needs but that makes micromark super-linear, simplified before parsing, in
 * one pass over the lines, keeping every character of text and every line break:
 * - container nesting (blockquote and list markers at a line's start) deeper than `MAX_NESTING`:
 *   the first marker past the cap is escaped, so it and the rest of the line stay as text at the cap;
 * - leading whitespace wider than `MAX_INDENT` columns (deep lists by indentation): cut to the cap;
 * - emphasis delimiter runs (`*`, `_`) past `MAX_DELIMITER_RUNS` in one paragraph: the rest of the
 *   line (or table cell) from there is kept as inline code, literal characters (micromark splices its
 *   event list once per matched run: quadratic in the runs of one paragraph).
 */
export const MAX_NESTING = 16;
export const MAX_INDENT = 64;
export const MAX_DELIMITER_RUNS = 400;

export interface Simplified {
  text: string;
  /** Lines whose container markers were cut at `MAX_NESTING`. */
  nestingLines: number;
  /** Lines whose leading whitespace was cut to `MAX_INDENT` columns. */
  indentLines: number;
  /** Paragraphs whose text past the emphasis cap was kept as inline code. */
  emphasisParagraphs: number;
}

const FENCE_OPEN = /^(`{3,}|~{3,})/;
const FENCE_CLOSE = /^ {0,3}(`{3,}|~{3,})[ \t]*$/;
const HEADING = /^#{1,6}(?:[ \t]|$)/;
const TABLE_DELIMITER = /^\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$/;
const PUNCTUATION = /[!-/:-@[-`{-~]/;

function isSpace(ch: string | undefined): boolean {
  return ch === ' ' || ch === '\t';
}

/** For each index, whether the line from there on is a thematic break (`- - -`, `***`, `___`). */
function breakSuffixes(line: string): boolean[] {
  const out = new Array<boolean>(line.length + 1).fill(false);
  let mark: string | null = null;
  let count = 0;
  let valid = true;
  for (let i = line.length - 1; i >= 0; i--) {
    const ch = line[i]!;
    if (!isSpace(ch)) {
      if (ch !== '-' && ch !== '*' && ch !== '_') valid = false;
      else if (mark === null) mark = ch;
      else if (ch !== mark) valid = false;
      if (valid) count++;
    }
    out[i] = valid && count >= 3 && !isSpace(ch);
  }
  return out;
}

/** Leading whitespace at `i`, cut to `MAX_INDENT` columns; `cut` tells whether it was. */
function whitespaceAt(line: string, i: number): { end: number; text: string; cut: boolean } {
  let end = i;
  let columns = 0;
  while (isSpace(line[end])) {
    columns += line[end] === '\t' ? 4 - (columns % 4) : 1;
    end++;
  }
  if (columns <= MAX_INDENT) return { end, text: line.slice(i, end), cut: false };
  return { end, text: ' '.repeat(MAX_INDENT), cut: true };
}

/** A list marker (`-`, `+`, `*`, `1.`, `1)`) at `i` followed by whitespace or the end: its end. */
function listMarkerEnd(line: string, i: number): number {
  const ch = line[i];
  let end = i;
  if (ch === '-' || ch === '+' || ch === '*') end = i + 1;
  else {
    while (end - i < 9 && line[end]! >= '0' && line[end]! <= '9') end++;
    if (end === i || (line[end] !== '.' && line[end] !== ')')) return -1;
    end++;
  }
  return end === line.length || isSpace(line[end]) ? end : -1;
}

interface LinePrefix {
  /** The line with its prefix simplified. */
  line: string;
  /** Where the content after the container markers starts, in `line`. */
  contentStart: number;
  listItem: boolean;
  nestingCut: boolean;
  indentCut: boolean;
}

function simplifyPrefix(line: string): LinePrefix {
  const breaks = breakSuffixes(line);
  const parts: string[] = [];
  let depth = 0;
  let i = 0;
  let listItem = false;
  let nestingCut = false;
  let indentCut = false;
  let contentStart = 0;
  for (;;) {
    const space = whitespaceAt(line, i);
    parts.push(space.text);
    indentCut ||= space.cut;
    i = space.end;
    if (breaks[i]) break;
    const end = line[i] === '>' ? i + 1 : listMarkerEnd(line, i);
    if (end < 0) break;
    if (depth === MAX_NESTING) {
      // Escaping the first marker past the cap makes the rest of the line paragraph text.
      contentStart = parts.join('').length;
      parts.push(`${line.slice(i, end - 1)}\\${line.slice(end - 1)}`);
      nestingCut = true;
      i = line.length;
      break;
    }
    if (line[i] !== '>') listItem = true;
    parts.push(line.slice(i, end));
    depth++;
    i = end;
  }
  const prefix = parts.join('');
  return {
    line: prefix + line.slice(i),
    contentStart: nestingCut ? contentStart : prefix.length,
    listItem,
    nestingCut,
    indentCut,
  };
}

/**
 * `segment` as a code span that renders exactly it: a fence longer than any backtick run inside,
 * and a space each side (CommonMark strips one from each side of a span that has both).
 */
function codeSpan(segment: string): string {
  let longest = 0;
  for (let i = 0, run = 0; i < segment.length; i++) {
    run = segment[i] === '`' ? run + 1 : 0;
    if (run > longest) longest = run;
  }
  const fence = '`'.repeat(longest + 1);
  return `${fence} ${segment} ${fence}`;
}

/**
 * Counts the emphasis delimiter runs of `text` in `counter.runs`; past the cap, the text from a run
 * to the next table cell boundary (unescaped `|`) or the line's end becomes a code span, whose
 * characters are literal. (Backslash escapes are as slow for micromark as the runs themselves.)
 */
function capDelimiterRuns(text: string, counter: { runs: number; escaped: boolean }): string {
  let out: string[] | null = null;
  let copied = 0;
  for (let i = 0; i < text.length;) {
    const ch = text[i]!;
    if (ch === '\\' && PUNCTUATION.test(text[i + 1] ?? '')) {
      i += 2;
      continue;
    }
    if (ch !== '*' && ch !== '_') {
      i++;
      continue;
    }
    let end = i + 1;
    while (text[end] === ch) end++;
    counter.runs++;
    if (counter.runs > MAX_DELIMITER_RUNS) {
      while (end < text.length && text[end] !== '|') end += text[end] === '\\' ? 2 : 1;
      end = Math.min(end, text.length);
      out ??= [];
      out.push(text.slice(copied, i), codeSpan(text.slice(i, end)));
      copied = end;
      counter.escaped = true;
    }
    i = end;
  }
  if (!out) return text;
  out.push(text.slice(copied));
  return out.join('');
}

export function simplifyMarkdown(source: string): Simplified {
  const lines = source.split('\n');
  const result: Simplified = { text: source, nestingLines: 0, indentLines: 0, emphasisParagraphs: 0 };
  let changed = false;
  let fence: string | null = null;
  let inTable = false;
  let paragraph = { runs: 0, escaped: false };
  const endParagraph = () => {
    if (paragraph.escaped) result.emphasisParagraphs++;
    paragraph = { runs: 0, escaped: false };
  };
  for (let n = 0; n < lines.length; n++) {
    const original = lines[n]!;
    if (fence !== null) {
      const close = FENCE_CLOSE.exec(original);
      if (close && close[1]![0] === fence[0] && close[1]!.length >= fence.length) fence = null;
      continue;
    }
    // Only unindented fences: they cannot sit inside a quote or a list, so their end is certain.
    const open = FENCE_OPEN.exec(original);
    if (open) {
      endParagraph();
      fence = open[1]!;
      continue;
    }
    const prefix = simplifyPrefix(original);
    if (prefix.nestingCut) result.nestingLines++;
    if (prefix.indentCut) result.indentLines++;
    const content = prefix.line.slice(prefix.contentStart);
    const blank = content.trim() === '';
    if (blank || prefix.listItem || HEADING.test(content) || breakSuffixes(content)[0]) endParagraph();
    if (blank) inTable = false;
    else if (content.includes('|') && TABLE_DELIMITER.test(content.trim())) inTable = true;
    // Table cells and headings are parsed one by one: count their runs per line.
    if (inTable) endParagraph();
    let line = prefix.line;
    if (!blank) {
      const capped = capDelimiterRuns(content, paragraph);
      if (capped !== content) line = line.slice(0, prefix.contentStart) + capped;
    }
    if (HEADING.test(content)) endParagraph();
    if (line !== original) {
      lines[n] = line;
      changed = true;
    }
  }
  endParagraph();
  if (changed) result.text = lines.join('\n');
  return result;
}
