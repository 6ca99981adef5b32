import { cellKey, type Competency, type LadderContent, type Level } from '../model/index.ts';
import { withoutIds } from '../import/canonical.ts';
import { hasContent } from './has-content.ts';
import { blocksToHtml, escapeHtml } from './pm-to-html.ts';

/** Id of the `<script type="application/json">` that carries the ladder, for an exact import back. */
export const LADDER_DATA_ID = 'rungs-ladder';

/**
 * The ladder without its ids (cells keyed `levelIndex:competencyIndex`, as `withoutIds` writes),
 * so the page is the same whatever ids the ladder has; JSON safe inside a script element: no `<`
 * at all, so no `</script>` nor `<!--`.
 */
function scriptJson(content: LadderContent): string {
  return JSON.stringify(withoutIds(content)).replace(/</g, '\\u003c');
}

export interface HtmlExportOptions {
  /** Start every level on a new page when printed. */
  onePerPage?: boolean;
}

/** Screen and print styles: "Print / Save as PDF" from the browser gives a clean document. */
export const LADDER_PRINT_CSS = `
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { font: 15px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: #1f2328; max-width: 60rem; margin: 2.5rem auto; padding: 0 1.5rem; }
header.ladder { border-bottom: 2px solid #d0d7de; padding-bottom: 1rem; margin-bottom: 1.5rem; }
header.ladder h1 { margin: 0 0 .25rem; font-size: 2rem; }
.track { color: #59636e; text-transform: uppercase; letter-spacing: .06em; font-size: .8rem; margin: 0; }
nav.toc ol { columns: 2; padding-left: 1.25rem; }
section.level, section.definitions { margin: 2.5rem 0; }
section.level > h2, section.definitions > h2 { font-size: 1.5rem; border-bottom: 1px solid #d0d7de; padding-bottom: .25rem; }
.code { font-variant-numeric: tabular-nums; color: #59636e; margin-right: .5rem; }
dl.attributes { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1rem; margin: 1rem 0; }
dl.attributes dt { font-weight: 600; }
dl.attributes dd { margin: 0; }
h3.group { font-size: 1.15rem; margin: 1.75rem 0 .5rem; color: #0550ae; }
section.competency { border-left: 3px solid #d0d7de; padding: .1rem 0 .1rem 1rem; margin: 1rem 0; }
section.competency > h4 { margin: 0 0 .25rem; font-size: 1rem; }
.summary { font-size: 1.05rem; }
a { color: #0969da; }
@media print {
  @page { margin: 16mm 15mm; }
  body { max-width: none; margin: 0; padding: 0; font-size: 10.5pt; color: #000; }
  nav.toc { display: none; }
  a { color: inherit; text-decoration: none; }
  h1, h2, h3, h4 { break-after: avoid; page-break-after: avoid; }
  section.competency, li, dl.attributes { break-inside: avoid; page-break-inside: avoid; }
  section.competency { border-left-color: #999; }
  body.one-per-page section.level { break-before: page; page-break-before: always; }
}
`;

function slug(text: string, used: Set<string>): string {
  const base =
    text
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, '-')
      .replace(/^-|-$/g, '') || 'level';
  let s = base;
  for (let i = 2; used.has(s); i++) s = `${base}-${i}`;
  used.add(s);
  return s;
}

function levelHeading(level: Level): string {
  const code = level.code
    ? `<span class="code">${escapeHtml(level.code)}</span>${level.title ? ' ' : ''}`
    : '';
  return `${code}${escapeHtml(level.title)}`;
}

function grouped(competencies: Competency[], render: (c: Competency) => string | null): string {
  const out: string[] = [];
  let group = '';
  for (const c of competencies) {
    const body = render(c);
    if (body === null) continue;
    if (c.group && c.group !== group) out.push(`<h3 class="group">${escapeHtml(c.group)}</h3>`);
    group = c.group;
    out.push(`<section class="competency"><h4>${escapeHtml(c.name)}</h4>\n${body}</section>`);
  }
  return out.join('\n');
}

/**
 * A standalone HTML page for reading, sharing and printing a ladder. It carries the ladder as JSON
 * too, so that importing the page back (unedited) gives exactly the same ladder.
 */
export function exportHtml(content: LadderContent, options: HtmlExportOptions = {}): string {
  const used = new Set<string>();
  const ids = content.levels.map((l) => slug(l.code || l.title, used));
  const title = escapeHtml(content.title || 'Career ladder');
  const parts: string[] = [];
  parts.push(`<header class="ladder">`);
  if (content.track) parts.push(`<p class="track">${escapeHtml(content.track)}</p>`);
  parts.push(`<h1>${title}</h1>`);
  if (hasContent(content.description))
    parts.push(`<div class="description">${blocksToHtml(content.description.content!)}</div>`);
  parts.push(`</header>`);
  if (content.levels.length > 1) {
    parts.push(`<nav class="toc" aria-label="Levels"><ol>`);
    content.levels.forEach((l, i) => parts.push(`<li><a href="#${ids[i]}">${levelHeading(l)}</a></li>`));
    parts.push(`</ol></nav>`);
  }
  if (content.competencies.some((c) => hasContent(c.description))) {
    parts.push(`<section class="definitions"><h2>Competencies</h2>`);
    parts.push(
      grouped(content.competencies, (c) =>
        hasContent(c.description) ? blocksToHtml(c.description.content!) : null,
      ),
    );
    parts.push(`</section>`);
  }
  content.levels.forEach((level, i) => {
    parts.push(`<section class="level" id="${ids[i]}">`, `<h2>${levelHeading(level)}</h2>`);
    if (level.attributes.length) {
      parts.push(`<dl class="attributes">`);
      for (const a of level.attributes)
        parts.push(`<dt>${escapeHtml(a.key)}</dt><dd>${escapeHtml(a.value)}</dd>`);
      parts.push(`</dl>`);
    }
    if (hasContent(level.summary))
      parts.push(`<div class="summary">${blocksToHtml(level.summary.content!)}</div>`);
    parts.push(
      grouped(content.competencies, (c) => {
        const cell = content.cells[cellKey(level.id, c.id)];
        return hasContent(cell) ? blocksToHtml(cell.content!) : null;
      }),
    );
    parts.push(`</section>`);
  });
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="Rungs">
<title>${title}</title>
<style>${LADDER_PRINT_CSS}</style>
</head>
<body class="ladder-document${options.onePerPage ? ' one-per-page' : ''}">
${parts.join('\n')}
<script type="application/json" id="${LADDER_DATA_ID}">${scriptJson(content)}</script>
</body>
</html>
`;
}
