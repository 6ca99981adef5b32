/** Small stroke icons (16px, currentColor) for row actions. */
const PATHS = {
  up: 'M8 13V3M3.5 7.5 8 3l4.5 4.5',
  down: 'M8 3v10M3.5 8.5 8 13l4.5-4.5',
  left: 'M13 8H3M7.5 3.5 3 8l4.5 4.5',
  right: 'M3 8h10M8.5 3.5 13 8l-4.5 4.5',
  close: 'M4 4l8 8M12 4l-8 8',
  group: 'M2.5 4.5h11M2.5 8h11M2.5 11.5h6',
  plus: 'M8 3v10M3 8h10',
  bulletList: 'M6 4h8M6 8h8M6 12h8M2.5 4h.01M2.5 8h.01M2.5 12h.01',
  orderedList: 'M7 4h7M7 8h7M7 12h7M2 3l1-.5V6M2 10.5c.3-.6 1.8-.8 1.8.2 0 .8-1.8 1.3-1.8 2.3h2',
  link: 'M6.5 9.5l3-3M7 4.5l1-1a2.5 2.5 0 0 1 3.5 3.5l-1 1M9 11.5l-1 1A2.5 2.5 0 0 1 4.5 9l1-1',
} as const;

export type IconName = keyof typeof PATHS;

export function Icon({ name }: { name: IconName }) {
  return (
    <svg width="16" height="16" viewBox="0 0 16 16" fill="none" aria-hidden="true" focusable="false">
      <path
        d={PATHS[name]}
        stroke="currentColor"
        strokeWidth="1.6"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}
