import type { PMMark, PMNode, RichText } from '../domain.ts';
import { createElement, Fragment, memo, type ReactNode } from 'react';

/** Only links that cannot run script. */
export function safeHref(href: unknown): string | undefined {
  if (typeof href !== 'string') return undefined;
  const trimmed = href.trim();
  if (/^(https?:|mailto:|tel:|\/|#)/i.test(trimmed)) return trimmed;
  if (/^[\w.-]+\.[a-z]{2,}(\/|$)/i.test(trimmed)) return `https://${trimmed}`;
  return undefined;
}

function renderMark(mark: PMMark, child: ReactNode, key: number): ReactNode {
  switch (mark.type) {
    case 'bold':
      return <strong key={key}>{child}</strong>;
    case 'italic':
      return <em key={key}>{child}</em>;
    case 'strike':
      return <s key={key}>{child}</s>;
    case 'underline':
      return <u key={key}>{child}</u>;
    case 'code':
      return <code key={key}>{child}</code>;
    case 'link': {
      const href = safeHref(mark.attrs?.href);
      if (!href) return child;
      return (
        <a
          key={key}
          href={href}
          target="_blank"
          rel="noopener noreferrer nofollow"
          tabIndex={-1}
          onClick={(e) => e.stopPropagation()}
        >
          {child}
        </a>
      );
    }
    default:
      return child;
  }
}

function renderText(node: PMNode, key: number): ReactNode {
  let out: ReactNode = node.text ?? '';
  // Outermost mark first in the DOM, like ProseMirror renders them.
  const marks = node.marks ?? [];
  for (let i = marks.length - 1; i >= 0; i--) out = renderMark(marks[i]!, out, i === 0 ? key : i);
  return marks.length ? out : <Fragment key={key}>{out}</Fragment>;
}

function renderChildren(node: PMNode): ReactNode[] {
  return (node.content ?? []).map((child, i) => renderNode(child, i));
}

const HEADINGS = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'] as const;

function renderNode(node: PMNode, key: number): ReactNode {
  switch (node.type) {
    case 'text':
      return renderText(node, key);
    case 'paragraph':
      return <p key={key}>{renderChildren(node)}</p>;
    case 'heading': {
      const level = Math.min(Math.max(Number(node.attrs?.level) || 1, 1), 6);
      return createElement(HEADINGS[level - 1]!, { key }, renderChildren(node));
    }
    case 'bulletList':
      return <ul key={key}>{renderChildren(node)}</ul>;
    case 'orderedList': {
      const start = Number(node.attrs?.start) || 1;
      return (
        <ol key={key} start={start === 1 ? undefined : start}>
          {renderChildren(node)}
        </ol>
      );
    }
    case 'listItem':
      return <li key={key}>{renderChildren(node)}</li>;
    case 'blockquote':
      return <blockquote key={key}>{renderChildren(node)}</blockquote>;
    case 'codeBlock':
      return (
        <pre key={key}>
          <code>{renderChildren(node)}</code>
        </pre>
      );
    case 'hardBreak':
      return <br key={key} />;
    case 'horizontalRule':
      return <hr key={key} />;
    default:
      // Unknown blocks still show their text rather than disappearing.
      return node.content ? <div key={key}>{renderChildren(node)}</div> : null;
  }
}

/**
 * Renders rich text (ProseMirror JSON of the Rungs schema) as plain React elements, with the same
 * tags ProseMirror would produce, so a cell looks the same before and after its editor mounts.
 */
export const RichTextView = memo(function RichTextView({ doc }: { doc: RichText }) {
  return <>{renderChildren(doc)}</>;
});
