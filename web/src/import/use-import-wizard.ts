import { useCallback, useEffect, useRef, useState } from 'react';
import { previewImport, type ImportPreview, type ImportSource } from '../api/imports.ts';
import type { LadderContent } from '../domain.ts';
import type { DraftChange } from './PreviewMatrix.tsx';
import type { FormatId } from './formats.ts';
import { loadSnapshot, saveSnapshot, type WizardSnapshot } from './wizard-storage.ts';

/** API titles and tracks are at most 200 characters. */
export const MAX_TITLE = 200;

/** A failed read keeps the document it tried, so its error quotes that document, not the last one read. */
export type ReadState =
  { status: 'idle' } | { status: 'reading' } | { status: 'error'; error: unknown; source: ImportSource };

/** The text an error's line refers to: the document that failed, when it is text. */
export function failedSourceText(read: ReadState): string | undefined {
  return read.status === 'error' && read.source.kind === 'text' ? read.source.text : undefined;
}

function initialDraft(preview: ImportPreview): LadderContent {
  const content = preview.content;
  return { ...content, title: content.title.slice(0, MAX_TITLE), track: content.track.slice(0, MAX_TITLE) };
}

interface State {
  snapshot: WizardSnapshot;
  /** Drafts before each fix, for undo, with what the fix did. */
  history: { content: LadderContent; message: string }[];
  /** What the last fix (or undo) did, announced to screen readers and shown beside Undo. */
  message: string | null;
}

/**
 * The import wizard's state: the paste box, the document read and its preview, the fixes made to
 * it (with undo), all kept in sessionStorage so a reload resumes where the user was.
 */
export function useImportWizard() {
  const [state, setState] = useState<State>(() => ({ snapshot: loadSnapshot(), history: [], message: null }));
  const [read, setRead] = useState<ReadState>({ status: 'idle' });
  const controller = useRef<AbortController | null>(null);
  const { snapshot } = state;

  useEffect(() => saveSnapshot(snapshot), [snapshot]);
  useEffect(() => () => controller.current?.abort(), []);

  const update = useCallback((patch: (s: WizardSnapshot) => WizardSnapshot) => {
    setState((st) => ({ ...st, snapshot: patch(st.snapshot) }));
  }, []);

  /** Read `source` (as `format`, or detected; a workbook's `sheet`). Resolves true when its preview is on screen. */
  const readDocument = useCallback(
    async (source: ImportSource, format: FormatId | null, sheet?: string): Promise<boolean> => {
      controller.current?.abort();
      const abort = new AbortController();
      controller.current = abort;
      setRead({ status: 'reading' });
      try {
        const preview = await previewImport(source, {
          format: format ?? undefined,
          sheet,
          signal: abort.signal,
        });
        if (abort.signal.aborted) return false;
        setState((st) => ({
          snapshot: { ...st.snapshot, source, format, preview, draft: initialDraft(preview) },
          history: [],
          message: null,
        }));
        setRead({ status: 'idle' });
        return true;
      } catch (error) {
        if (abort.signal.aborted) return false;
        setRead({ status: 'error', error, source });
        return false;
      }
    },
    [],
  );

  const setPasted = useCallback((pasted: string) => update((s) => ({ ...s, pasted })), [update]);
  const setFormat = useCallback((format: FormatId | null) => update((s) => ({ ...s, format })), [update]);
  const clearError = useCallback(() => setRead((r) => (r.status === 'error' ? { status: 'idle' } : r)), []);

  const change = useCallback((apply: DraftChange) => {
    setState((st) => {
      const draft = st.snapshot.draft;
      if (!draft) return st;
      const { content, message } = apply(draft);
      if (content === draft) return st;
      return {
        snapshot: { ...st.snapshot, draft: content },
        history: [...st.history, { content: draft, message }],
        message,
      };
    });
  }, []);

  const setDetails = useCallback(
    (patch: { title?: string; track?: string }) =>
      update((s) => (s.draft ? { ...s, draft: { ...s.draft, ...patch } } : s)),
    [update],
  );

  const undo = useCallback(() => {
    setState((st) => {
      const last = st.history[st.history.length - 1];
      if (!last) return st;
      return {
        snapshot: { ...st.snapshot, draft: last.content },
        history: st.history.slice(0, -1),
        message: `Undone: ${last.message}`,
      };
    });
  }, []);

  const resetFixes = useCallback(() => {
    setState((st) =>
      st.snapshot.preview
        ? {
            snapshot: { ...st.snapshot, draft: initialDraft(st.snapshot.preview) },
            history: [],
            message: 'Back to the ladder as read from the document.',
          }
        : st,
    );
  }, []);

  const startOver = useCallback(() => {
    controller.current?.abort();
    setState((st) => ({
      snapshot: { ...st.snapshot, source: null, preview: null, draft: null },
      history: [],
      message: null,
    }));
    setRead({ status: 'idle' });
  }, []);

  return {
    snapshot,
    read,
    canUndo: state.history.length > 0,
    lastMessage: state.message,
    readDocument,
    setPasted,
    setFormat,
    clearError,
    change,
    setDetails,
    undo,
    resetFixes,
    startOver,
  };
}
