import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import type { LadderContent } from '../domain.ts';
import { exportFile, type FileExportFormat } from '../api/exports.ts';
import { downloadBlob, downloadText, exportFileName, openAndPrint } from './download.ts';
import { DOWNLOAD_FORMATS, FILE_FORMATS, type DownloadFormat } from './formats.ts';
import './export.css';

type Exporters = typeof import('./ladder-exports.ts');

const ORDER: DownloadFormat[] = ['md', 'csv', 'json', 'html'];
const FILE_ORDER: FileExportFormat[] = ['xlsx', 'docx'];

/** One format of the menu: its name, file extension and what it is for. */
function FormatItem({
  info,
  onClick,
}: {
  info: { label: string; extension: string; description: string };
  onClick(): void;
}) {
  return (
    <button type="button" role="menuitem" tabIndex={-1} className="export-item" onClick={onClick}>
      <span className="export-item-label">
        {info.label} <span className="export-ext">.{info.extension}</span>
      </span>
      <span className="export-item-description">{info.description}</span>
    </button>
  );
}

/**
 * "Export ▾": download the ladder as Markdown, CSV, JSON, a standalone HTML page, Excel or Word,
 * or open it printable ("Print / Save as PDF", optionally one level per page). Text formats are
 * generated in the browser from `getContent()` (the live document, or a published version's
 * content); Excel and Word files are written by the server from that same content.
 */
export function ExportMenu({
  getContent,
  name,
  version,
  label = 'Export',
}: {
  getContent(): LadderContent | Promise<LadderContent>;
  /** Names the files: "platform-ladder" → platform-ladder.md (default: the ladder's title). */
  name?: string;
  /** A published version's number, added to file names (platform-ladder-v3.md). */
  version?: number;
  label?: string;
}) {
  const [open, setOpen] = useState(false);
  const [onePerPage, setOnePerPage] = useState(false);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<{ kind: 'error' | 'info'; text: string } | null>(null);
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const menuRef = useRef<HTMLDivElement>(null);
  const menuId = useId();

  const items = () => Array.from(menuRef.current?.querySelectorAll<HTMLElement>('[role^="menuitem"]') ?? []);

  useEffect(() => {
    if (!open) return;
    items()[0]?.focus();
    const onPointerDown = (event: PointerEvent) => {
      if (!rootRef.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointerDown);
    return () => document.removeEventListener('pointerdown', onPointerDown);
  }, [open]);

  function close(refocus = true) {
    setOpen(false);
    if (refocus) buttonRef.current?.focus();
  }

  async function run(action: (content: LadderContent, exporters: Exporters) => void | Promise<void>) {
    close();
    setNotice(null);
    setBusy(true);
    try {
      const [content, exporters] = await Promise.all([getContent(), import('./ladder-exports.ts')]);
      await action(content, exporters);
    } catch (err) {
      setNotice({
        kind: 'error',
        text: `Could not export: ${err instanceof Error ? err.message : String(err)}`,
      });
    } finally {
      setBusy(false);
    }
  }

  function download(format: DownloadFormat) {
    void run((content, { renderExport }) => {
      const info = DOWNLOAD_FORMATS[format];
      downloadText(
        renderExport(content, format),
        exportFileName(name || content.title, info.extension, version),
        info.mediaType,
      );
    });
  }

  function downloadFile(format: FileExportFormat) {
    void run(async (content) => {
      const file = await exportFile({ content, format, name: name || content.title });
      downloadBlob(file, exportFileName(name || content.title, FILE_FORMATS[format].extension, version));
    });
  }

  function print() {
    // The tab opens while the click still counts as a user gesture, so browsers allow it.
    void run((content, { renderPrintable }) => {
      const html = renderPrintable(content, onePerPage);
      if (!openAndPrint(html)) {
        downloadText(
          html,
          exportFileName(name || content.title, 'html', version),
          'text/html; charset=utf-8',
        );
        setNotice({
          kind: 'info',
          text: 'The browser blocked the print tab, so the printable page was downloaded: open it and print it.',
        });
      }
    });
  }

  function onMenuKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const list = items();
    const index = list.indexOf(document.activeElement as HTMLElement);
    let next: number | null = null;
    if (event.key === 'ArrowDown') next = (index + 1) % list.length;
    else if (event.key === 'ArrowUp') next = (index - 1 + list.length) % list.length;
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = list.length - 1;
    else if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      close();
      return;
    } else if (event.key === 'Tab') {
      close(false);
      return;
    }
    if (next !== null) {
      event.preventDefault();
      list[next]?.focus();
    }
  }

  return (
    <div className="export-menu" ref={rootRef}>
      <button
        ref={buttonRef}
        type="button"
        className="button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        disabled={busy}
        onClick={() => setOpen((o) => !o)}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown' && !open) {
            e.preventDefault();
            setOpen(true);
          }
        }}
      >
        {busy ? 'Exporting…' : label}
        <span className="export-caret" aria-hidden="true">
          ▾
        </span>
      </button>
      {open && (
        <div
          ref={menuRef}
          id={menuId}
          className="popover export-popover"
          role="menu"
          aria-label={label}
          onKeyDown={onMenuKeyDown}
        >
          <div className="export-section-label" aria-hidden="true">
            Download
          </div>
          {ORDER.map((format) => (
            <FormatItem key={format} info={DOWNLOAD_FORMATS[format]} onClick={() => download(format)} />
          ))}
          {FILE_ORDER.map((format) => (
            <FormatItem key={format} info={FILE_FORMATS[format]} onClick={() => downloadFile(format)} />
          ))}
          <div className="export-separator" role="separator" />
          <button type="button" role="menuitem" tabIndex={-1} className="export-item" onClick={print}>
            <span className="export-item-label">Print / Save as PDF…</span>
            <span className="export-item-description">Opens a printable page in a new tab</span>
          </button>
          <button
            type="button"
            role="menuitemcheckbox"
            aria-checked={onePerPage}
            tabIndex={-1}
            className="export-item export-check"
            onClick={() => setOnePerPage((v) => !v)}
          >
            <span className="export-checkbox" aria-hidden="true">
              {onePerPage ? '✓' : ''}
            </span>
            One level per page
          </button>
        </div>
      )}
      {notice && (
        <p className={notice.kind === 'error' ? 'export-notice form-error' : 'export-notice'} role="alert">
          {notice.text}
          <button type="button" className="link-button" onClick={() => setNotice(null)}>
            Dismiss
          </button>
        </p>
      )}
    </div>
  );
}
