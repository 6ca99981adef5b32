import { useState } from 'react';
import { createProposal, type Proposal } from '../api/proposals.ts';
import { Dialog } from '../ui/Dialog.tsx';
import { DialogActions, FormError, TextField, useFormSubmit } from '../ui/form.tsx';

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
  const { busy, error, submit } = useFormSubmit(async () => {
    if (!title.trim())
      throw new Error(
        'Give the proposal a title: it becomes the changelog entry of the version it publishes.',
      );
    onCreated(
      await createProposal(slug, { title: title.trim(), description: description.trim() || undefined }),
    );
  });

  return (
    <Dialog title="New proposal" onCancel={onCancel}>
      <form className="form" onSubmit={submit}>
        <p className="muted small dialog-intro">
          A proposal starts as a copy of version {publishedVersion}. Edit it with others, open it for review,
          and publish it as version {publishedVersion + 1} once approved.
        </p>
        <TextField
          label="Title"
          value={title}
          maxLength={200}
          autoFocus
          placeholder="e.g. Clarify delivery expectations for senior levels"
          onValue={setTitle}
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
        <FormError error={error} />
        <DialogActions onCancel={onCancel} busy={busy} label="Create proposal" busyLabel="Creating…" />
      </form>
    </Dialog>
  );
}
