import type { PMMark, PMNode } from '../model/index.ts';

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function safeHref(href: unknown): string {
  const h = String(href ?? '').trim();
  return /^(javascript|vbscript|data):/i.test(h) ? '#' : h;
}

function wrap(html: string, mark: PMMark): string {
  switch (mark.type) {
    case 'bold':
      return `<strong>${html}</strong>`;
    case 'italic':
      return `<em>${html}</em>`;
    case 'strike':
      return `<s>${html}</s>`;
    case 'underline':
      return `<u>${html}</u>`;
    case 'code':
      return `<code>${html}</code>`;
    case 'link':
      return `<a href="${escapeHtml(safeHref(mark.attrs?.href))}">${html}</a>`;
    default:
      return html;
  }
}

const ORDER = ['link', 'bold', 'italic', 'strike', 'underline', 'code'];

export function inlineToHtml(nodes: PMNode[]): string {
  return nodes
    .map((n) => {
      if (n.type === 'hardBreak') return '<br>';
      if (n.type !== 'text') return '';
      const marks = [...(n.marks ?? [])].sort((a, b) => ORDER.indexOf(b.type) - ORDER.indexOf(a.type));
      return marks.reduce((html, m) => wrap(html, m), escapeHtml(n.text ?? ''));
    })
    .join('');
}

/** ProseMirror rich text to HTML (StarterKit nodes). */
export function blocksToHtml(nodes: PMNode[]): string {
  return nodes.map(blockToHtml).join('\n');
}

function blockToHtml(node: PMNode): string {
  const inner = () => blocksToHtml(node.content ?? []);
  switch (node.type) {
    case 'paragraph':
      return `<p>${inlineToHtml(node.content ?? [])}</p>`;
    case 'heading': {
      const level = Math.min(6, Math.max(1, Number(node.attrs?.level ?? 3)));
      return `<h${level}>${inlineToHtml(node.content ?? [])}</h${level}>`;
    }
    case 'bulletList':
      return `<ul>\n${inner()}\n</ul>`;
    case 'orderedList': {
      const start = Number(node.attrs?.start ?? 1);
      return `<ol${start !== 1 ? ` start="${start}"` : ''}>\n${inner()}\n</ol>`;
    }
    case 'listItem':
      return `<li>${inner()}</li>`;
    case 'blockquote':
      return `<blockquote>${inner()}</blockquote>`;
    case 'codeBlock':
      return `<pre><code>${escapeHtml((node.content ?? []).map((t) => t.text ?? '').join(''))}</code></pre>`;
    case 'horizontalRule':
      return '<hr>';
    case 'text':
    case 'hardBreak':
      return inlineToHtml([node]);
    default:
      return inner();
  }
}
