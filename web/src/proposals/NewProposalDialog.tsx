import { useState } from 'react';
import { errorMessage } from '../api/client.ts';
import { createProposal, type Proposal } from '../api/proposals.ts';
import { Dialog } from '../ui/Dialog.tsx';

/** "New proposal": a title (the changelog entry) and an optional description; forks the published ladder. */
export function NewProposalDialog({
  slug,
  publishedVersion,
  onCancel,
  onCreated,
}: {
  slug: string;
  publishedVersion: number;
  onCancel(): void;
  onCreated(proposal: Proposal): void;
}) {
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function submit() {
    if (!title.trim()) {
      setError('Give the proposal a title: it becomes the changelog entry of the version it publishes.');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      onCreated(
        await createProposal(slug, { title: title.trim(), description: description.trim() || undefined }),
      );
    } catch (err) {
      setError(errorMessage(err));
      setBusy(false);
    }
  }

  return (
    <Dialog title="New proposal" onCancel={onCancel}>
      <form
        className="form"
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <p className="muted small dialog-intro">
          A proposal starts as a copy of version {publishedVersion}. Edit it with others, open it for review,
          and publish it as version {publishedVersion + 1} once approved.
        </p>
        <label htmlFor="proposal-title">Title</label>
        <input
          id="proposal-title"
          value={title}
          maxLength={200}
          autoFocus
          placeholder="e.g. Clarify delivery expectations for senior levels"
          onChange={(e) => setTitle(e.target.value)}
        />
        <label htmlFor="proposal-description">
          Description <span className="muted">(optional)</span>
        </label>
        <textarea
          id="proposal-description"
          className="textarea"
          rows={4}
          maxLength={20_000}
          value={description}
          placeholder="Why this change? What should reviewers look at?"
          onChange={(e) => setDescription(e.target.value)}
        />
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
        <div className="form-actions">
          <button type="button" className="button" onClick={onCancel}>
            Cancel
          </button>
          <button type="submit" className="button primary" disabled={busy}>
            {busy ? 'Creating…' : 'Create proposal'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
