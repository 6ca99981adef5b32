import { useCallback, useEffect, useId, useMemo, useRef, useState, type FormEvent } from 'react';
import { AUDIT_PAGE_SIZE, listAuditEvents, type AuditEvent } from '../api/audit.ts';
import { errorMessage } from '../api/client.ts';
import { useAsync } from '../api/use-async.ts';
import { listUsers } from '../api/users.ts';
import { EmptyState, ErrorState, Loading } from '../ui/states.tsx';
import { useDocumentTitle } from '../ui/use-document-title.ts';
import {
  actionLabel,
  AUDIT_FILTERS,
  detailEntries,
  eventTime,
  targetLabel,
  type KnownUser,
} from './audit-format.ts';

/** The actor's current name with the email they acted as; anonymous and system as written. */
function ActorLabel({ event, users }: { event: AuditEvent; users: ReadonlyMap<string, KnownUser> }) {
  const known = event.actorId ? users.get(event.actorId) : undefined;
  if (!known) return <>{event.actor}</>;
  return (
    <>
      <span className="audit-actor-name">{known.name}</span>
      <span className="muted">{event.actor}</span>
    </>
  );
}

type LogState =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | {
      status: 'ready';
      events: AuditEvent[];
      hasMore: boolean;
      loadingMore: boolean;
      moreError: string | null;
    };

/** `/admin/audit`: the audit log, newest first, filtered by action prefix, paged with "Load more". */
export function AuditLogPanel() {
  const [filter, setFilter] = useState('');
  const [draft, setDraft] = useState('');
  const [generation, setGeneration] = useState(0);
  const [log, setLog] = useState<LogState>({ status: 'loading' });
  const filterId = useId();
  const listId = useId();
  const moreController = useRef<AbortController | null>(null);
  useDocumentTitle('Audit log · Admin');

  // Names for `user:<id>` targets; the log still reads without them.
  const { state: usersState } = useAsync((signal) => listUsers(signal), []);
  const users = useMemo(() => {
    const map = new Map<string, KnownUser>();
    if (usersState.status === 'ready') for (const u of usersState.value) map.set(u.id, u);
    return map;
  }, [usersState]);

  useEffect(() => {
    const controller = new AbortController();
    moreController.current?.abort();
    setLog({ status: 'loading' });
    listAuditEvents({ action: filter || undefined }, controller.signal).then(
      (events) => {
        if (controller.signal.aborted) return;
        setLog({
          status: 'ready',
          events,
          hasMore: events.length === AUDIT_PAGE_SIZE,
          loadingMore: false,
          moreError: null,
        });
      },
      (err: unknown) => {
        if (!controller.signal.aborted) setLog({ status: 'error', message: errorMessage(err) });
      },
    );
    return () => controller.abort();
  }, [filter, generation]);

  const loadMore = useCallback(async () => {
    if (log.status !== 'ready' || log.loadingMore) return;
    const last = log.events[log.events.length - 1];
    if (!last) return;
    const controller = new AbortController();
    moreController.current = controller;
    setLog({ ...log, loadingMore: true, moreError: null });
    try {
      const more = await listAuditEvents({ action: filter || undefined, before: last.id }, controller.signal);
      setLog((current) =>
        current.status === 'ready'
          ? {
              ...current,
              events: [...current.events, ...more],
              hasMore: more.length === AUDIT_PAGE_SIZE,
              loadingMore: false,
            }
          : current,
      );
    } catch (err) {
      if (controller.signal.aborted) return;
      setLog((current) =>
        current.status === 'ready'
          ? { ...current, loadingMore: false, moreError: errorMessage(err) }
          : current,
      );
    }
  }, [log, filter]);

  function apply(prefix: string) {
    setDraft(prefix);
    setFilter(prefix.trim());
    setGeneration((g) => g + 1);
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    apply(draft);
  }

  return (
    <section className="admin-panel" aria-labelledby="audit-heading">
      <div className="admin-panel-toolbar">
        <div>
          <h2 id="audit-heading">Audit log</h2>
          <p className="muted small">
            Sign-ins, accounts and roles, proposals and publishing: who did what, when, and from where.
          </p>
        </div>
        <button type="button" className="button" onClick={() => setGeneration((g) => g + 1)}>
          Refresh
        </button>
      </div>

      <div className="audit-filters">
        <div className="admin-filter-chips" role="group" aria-label="Show">
          {AUDIT_FILTERS.map((f) => (
            <button
              key={f.label}
              type="button"
              className="admin-chip"
              aria-pressed={filter === f.prefix}
              onClick={() => apply(f.prefix)}
            >
              {f.label}
            </button>
          ))}
        </div>
        <form className="admin-filter-form" onSubmit={submit} role="search">
          <label htmlFor={filterId}>Action starts with</label>
          <input
            id={filterId}
            className="admin-filter-input"
            list={listId}
            placeholder="e.g. user.role"
            spellCheck={false}
            maxLength={100}
            value={draft}
            onChange={(e) => setDraft(e.target.value)}
          />
          <datalist id={listId}>
            {AUDIT_FILTERS.filter((f) => f.prefix).map((f) => (
              <option key={f.prefix} value={f.prefix} />
            ))}
          </datalist>
          <button type="submit" className="button">
            Filter
          </button>
        </form>
      </div>

      {log.status === 'loading' && <Loading label="Loading the audit log…" />}
      {log.status === 'error' && (
        <ErrorState
          title="Could not load the audit log"
          message={log.message}
          action={
            <button type="button" className="button primary" onClick={() => setGeneration((g) => g + 1)}>
              Try again
            </button>
          }
        />
      )}
      {log.status === 'ready' && log.events.length === 0 && (
        <EmptyState title={filter ? `No events whose action starts with “${filter}”` : 'Nothing logged yet'}>
          {filter && (
            <button type="button" className="button" onClick={() => apply('')}>
              Show all events
            </button>
          )}
        </EmptyState>
      )}
      {log.status === 'ready' && log.events.length > 0 && (
        <>
          <div className="admin-table-card" role="region" aria-label="Audit events" tabIndex={0}>
            <table className="admin-data-table audit-table" aria-label="Audit events">
              <thead>
                <tr>
                  <th scope="col">Time</th>
                  <th scope="col">Actor</th>
                  <th scope="col">Action</th>
                  <th scope="col">Target</th>
                  <th scope="col">Details</th>
                  <th scope="col">IP</th>
                </tr>
              </thead>
              <tbody>
                {log.events.map((event) => {
                  const details = detailEntries(event);
                  return (
                    <tr key={event.id} data-action={event.action}>
                      <td className="admin-nowrap" title={event.at}>
                        {eventTime(event.at)}
                      </td>
                      <td className="audit-actor">
                        <ActorLabel event={event} users={users} />
                      </td>
                      <td>
                        <span className="audit-action-label">{actionLabel(event.action)}</span>
                        <code className="audit-action-code">{event.action}</code>
                      </td>
                      <td className="audit-target">{targetLabel(event.target, users)}</td>
                      <td>
                        {details.length === 0 ? (
                          <span className="muted">—</span>
                        ) : (
                          <dl className="key-values audit-details">
                            {details.map((d) => (
                              <div key={d.key}>
                                <dt>{d.key}</dt>
                                <dd>{d.value}</dd>
                              </div>
                            ))}
                          </dl>
                        )}
                      </td>
                      <td className="admin-nowrap admin-mono small">{event.ip ?? '—'}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          <div className="admin-load-more">
            <span className="muted small" role="status">
              {log.hasMore ? 'The latest ' : ''}
              {log.events.length} {log.events.length === 1 ? 'event' : 'events'}
              {filter && ` whose action starts with “${filter}”`}
            </span>
            {log.moreError && (
              <span className="form-error" role="alert">
                {log.moreError}
              </span>
            )}
            {log.hasMore && (
              <button
                type="button"
                className="button"
                disabled={log.loadingMore}
                onClick={() => void loadMore()}
              >
                {log.loadingMore ? 'Loading…' : 'Load more'}
              </button>
            )}
          </div>
        </>
      )}
    </section>
  );
}
