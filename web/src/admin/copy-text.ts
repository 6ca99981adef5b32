/**
 * Copies text to the clipboard. The Clipboard API needs a secure context (https or localhost);
 * on plain http inside a company network it falls back to selecting a text field and copying.
 */
export async function copyText(text: string, field?: HTMLInputElement | null): Promise<boolean> {
  if (navigator.clipboard && window.isSecureContext) {
    try {
      await navigator.clipboard.writeText(text);
      return true;
    } catch {
      // Permission refused: try the fallback.
    }
  }
  if (!field) return false;
  field.focus();
  field.select();
  try {
    return document.execCommand('copy');
  } catch {
    return false;
  }
}
