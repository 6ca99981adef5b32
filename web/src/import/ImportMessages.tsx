import type { ImportWarning } from '@rungs/shared/import/types';
import type { ReactNode } from 'react';
import { ImportPreviewError } from '../api/imports.ts';
import { errorMessage } from '../api/client.ts';

/** The text of 1-based `line` of the source, shortened, when the source is text we still have. */
function sourceLine(source: string | undefined, line: number | undefined): string | null {
  if (!source || !line || line < 1) return null;
  let start = 0;
  for (let i = 1; i < line; i++) {
    const next = source.indexOf('\n', start);
    if (next < 0) return null;
    start = next + 1;
  }
  const end = source.indexOf('\n', start);
  const text = source
    .slice(start, end < 0 ? undefined : end)
    .replace(/\r$/, '')
    .trim();
  if (!text) return null;
  return text.length > 160 ? `${text.slice(0, 157)}…` : text;
}

function LineRef({ line, source }: { line?: number; source?: string }) {
  if (!line) return null;
  const text = sourceLine(source, line);
  return (
    <span className="import-line">
      <span className="import-line-number">Line {line}</span>
      {text && <code className="import-line-text">{text}</code>}
    </span>
  );
}

/**
 * Why the document could not be read, as the server wrote it, with the line it points at (and
 * that line's text when the document is text).
 */
/** The heading over a refused preview: busy and too complex are not faults of the document's content. */
function problemTitle(error: unknown): string {
  if (error instanceof ImportPreviewError) {
    if (error.status === 503) return 'The server is busy';
    if (error.code === 'import_too_complex') return 'This document is too complex to import';
    if (error.code === 'ladder_too_large') return 'This ladder is too large';
  }
  return 'This document can’t be imported';
}

export function ImportProblem({
  error,
  source,
  title = problemTitle(error),
  children,
}: {
  error: unknown;
  source?: string;
  title?: string;
  children?: ReactNode;
}) {
  const line = error instanceof ImportPreviewError ? error.line : undefined;
  return (
    <div className="import-problem" role="alert">
      <h3>{title}</h3>
      <p className="import-problem-message">{errorMessage(error)}</p>
      <LineRef line={line} source={source} />
      {children}
    </div>
  );
}

/** What the importer adjusted or could not place, each with its line. */
export function WarningList({ warnings, source }: { warnings: ImportWarning[]; source?: string }) {
  if (!warnings.length) {
    return <p className="import-no-warnings">No warnings: everything in the document found its place.</p>;
  }
  return (
    <section className="import-warnings" aria-labelledby="import-warnings-title">
      <h3 id="import-warnings-title">
        {warnings.length === 1 ? '1 warning' : `${warnings.length} warnings`}
      </h3>
      <ul>
        {warnings.map((w, i) => (
          <li key={i} data-code={w.code}>
            <LineRef line={w.line} source={source} />
            <span className="import-warning-message">{w.message}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
