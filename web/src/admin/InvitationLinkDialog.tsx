import { useId, useRef, useState } from 'react';
import { invitationUrl } from '../api/users.ts';
import { Dialog } from '../ui/Dialog.tsx';
import { copyText } from './copy-text.ts';

/**
 * The invitation link of an account just created, to send to the person. Rungs sends no email,
 * and the link is shown only now: the server keeps only a hash of it.
 */
export function InvitationLinkDialog({
  name,
  email,
  invitationPath,
  onClose,
}: {
  name: string;
  email: string;
  invitationPath: string;
  onClose(): void;
}) {
  const link = invitationUrl(invitationPath);
  const fieldRef = useRef<HTMLInputElement>(null);
  const fieldId = useId();
  const [copied, setCopied] = useState<boolean | null>(null);

  async function copy() {
    setCopied(await copyText(link, fieldRef.current));
  }

  return (
    <Dialog title={`Invitation for ${name}`} onCancel={onClose} className="admin-dialog-wide">
      <div className="form">
        <p className="dialog-body">
          Send this link to <strong>{email}</strong>. It lets them choose a password and sign in; it works
          once, for 7 days. Copy it now: it is not shown again.
        </p>
        <label htmlFor={fieldId}>Invitation link</label>
        <div className="admin-copy-field">
          <input
            ref={fieldRef}
            id={fieldId}
            className="admin-invitation-link"
            value={link}
            readOnly
            onFocus={(e) => e.currentTarget.select()}
          />
          <button type="button" className="button primary" onClick={() => void copy()}>
            {copied ? 'Copied' : 'Copy link'}
          </button>
        </div>
        <p className="admin-copy-status" role="status">
          {copied === true && 'The link is on your clipboard.'}
          {copied === false &&
            'Could not copy automatically: the link is selected, press Ctrl+C (⌘C) to copy it.'}
        </p>
        <div className="form-actions">
          <button type="button" className="button" onClick={onClose}>
            Done
          </button>
        </div>
      </div>
    </Dialog>
  );
}
