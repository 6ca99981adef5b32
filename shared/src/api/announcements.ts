/**
 * Fields of a room's server-side awareness state: facts the server tells everyone in a document
 * (browser-safe; the server sets them with `RoomManager.announce`, the proposal page reads them).
 */
export const Announcements = {
  /** The ladder's latest published version (a number), set on the other open proposals when one is published. */
  ladderPublished: 'ladderPublished',
} as const;

/** The published version a room's awareness states announce, if any (the highest one seen). */
export function announcedPublishedVersion(states: Iterable<unknown>): number | null {
  let highest: number | null = null;
  for (const state of states) {
    if (typeof state !== 'object' || state === null) continue;
    const value = (state as Record<string, unknown>)[Announcements.ladderPublished];
    if (typeof value === 'number' && Number.isInteger(value) && (highest === null || value > highest))
      highest = value;
  }
  return highest;
}
