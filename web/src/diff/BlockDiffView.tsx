import type { PMMark } from '../domain.ts';
import { memo, type ReactNode } from 'react';
import { safeHref } from '../richtext/RichTextView.tsx';
import type { BlockDiff, BlockInfo, Segment } from './types.ts';

function withMarks(text: ReactNode, marks: readonly PMMark[] | undefined): ReactNode {
  let out = text;
  for (const mark of [...(marks ?? [])].reverse()) {
    switch (mark.type) {
      case 'bold':
        out = <strong>{out}</strong>;
        break;
      case 'italic':
        out = <em>{out}</em>;
        break;
      case 'underline':
        out = <u>{out}</u>;
        break;
      case 'strike':
        out = <s>{out}</s>;
        break;
      case 'code':
        out = <code>{out}</code>;
        break;
      case 'link': {
        const href = safeHref(mark.attrs?.href);
        if (href)
          out = (
            <a href={href} target="_blank" rel="noopener noreferrer nofollow" tabIndex={-1}>
              {out}
            </a>
          );
        break;
      }
    }
  }
  return out;
}

function SegmentView({ segment }: { segment: Segment }) {
  const content = withMarks(segment.text, segment.marks);
  if (segment.kind === 'insert') return <ins className="diff-ins">{content}</ins>;
  if (segment.kind === 'delete') return <del className="diff-del">{content}</del>;
  return <span>{content}</span>;
}

function describeShape(info: BlockInfo): string {
  if (info.type === 'heading') return `heading ${info.level ?? ''}`.trim();
  if (info.list) return `${info.list === 'bullet' ? 'bullet' : 'numbered'} item`;
  if (info.type === 'codeBlock') return 'code';
  return info.quote ? 'quote' : 'paragraph';
}

/** List markers for the flattened blocks: • for bullets, running numbers per depth for ordered lists. */
function markers(blocks: readonly BlockDiff[]): (string | null)[] {
  const counters: number[] = [];
  return blocks.map(({ block }) => {
    if (!block.list || !block.depth) {
      counters.length = 0;
      return null;
    }
    counters.length = block.depth;
    if (block.continuation) return null;
    if (block.list === 'bullet') return '•';
    counters[block.depth - 1] = (counters[block.depth - 1] ?? 0) + 1;
    return `${counters[block.depth - 1]}.`;
  });
}

/**
 * A rich-text diff as readers see it: blocks (paragraphs, headings, list items) with inserted words
 * underlined in green and deleted words struck through in red; whole new or removed blocks tinted.
 */
export const BlockDiffView = memo(function BlockDiffView({ blocks }: { blocks: readonly BlockDiff[] }) {
  if (blocks.length === 0) return <p className="muted diff-empty">Empty</p>;
  const marks = markers(blocks);
  return (
    <div className="diff-blocks">
      {blocks.map((b, i) => {
        const { block } = b;
        const className = [
          'diff-block',
          `op-${b.op}`,
          `type-${block.type}`,
          block.list ? 'is-list' : '',
          block.quote ? 'is-quote' : '',
          block.type === 'heading' ? `heading-${block.level ?? 1}` : '',
        ].join(' ');
        const depth = block.depth ?? 0;
        return (
          <div
            key={i}
            className={className}
            data-op={b.op}
            style={depth ? { paddingLeft: `${depth * 1.1}em` } : undefined}
          >
            {marks[i] && (
              <span className="diff-marker" aria-hidden="true">
                {marks[i]}
              </span>
            )}
            {b.segments.map((segment, j) => (
              <SegmentView key={j} segment={segment} />
            ))}
            {b.baseBlock && (
              <span className="diff-shape" title="This block changed its format">
                {' '}
                (was a {describeShape(b.baseBlock)})
              </span>
            )}
          </div>
        );
      })}
    </div>
  );
});
