import * as Y from 'yjs';
import { LOCAL } from './editor.ts';
import { Samples } from './stats.ts';

interface SentKeystrokes {
  /** Clock just past each keystroke: a receiver whose state for the author reaches it has it. */
  ends: number[];
  times: number[];
  measured: boolean[];
  /** Which server the author is connected to (several instances of a cluster). */
  group: number;
}

/**
 * Edit → other editors latency. Each keystroke is one transaction, recorded by its author's
 * Yjs client id and end clock with the time it was typed; when a receiver's document state
 * for that author reaches the clock, the keystroke has arrived there.
 */
export class DeliveryTracker {
  readonly samples = new Samples();
  /** The samples whose author and receiver are connected to different servers… */
  readonly crossSamples = new Samples();
  /** …and to the same one. */
  readonly localSamples = new Samples();
  private readonly senders = new Map<number, SentKeystrokes>();
  measuredKeystrokes = 0;
  warmupKeystrokes = 0;
  private receivers = 0;

  /** Expected deliveries of the measured keystrokes (every receiver but the author). */
  get expectedDeliveries(): number {
    return this.measuredKeystrokes * (this.receivers - 1);
  }

  recordKeystroke(clientID: number, clockEnd: number, time: number, measured: boolean, group = 0): void {
    let sent = this.senders.get(clientID);
    if (!sent) this.senders.set(clientID, (sent = { ends: [], times: [], measured: [], group }));
    sent.ends.push(clockEnd);
    sent.times.push(time);
    sent.measured.push(measured);
    if (measured) this.measuredKeystrokes++;
    else this.warmupKeystrokes++;
  }

  /** Times every keystroke that reaches `doc` (a client that applies remote updates). */
  attach(doc: Y.Doc, group = 0): void {
    const arrived = this.receiver(doc.clientID, group);
    doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin === LOCAL) return;
      const now = performance.now();
      for (const client of Y.parseUpdateMeta(update).to.keys())
        arrived(client, Y.getState(doc.store, client), now);
    });
  }

  /** For a client that only decodes remote updates: times the keystrokes each one carries. */
  updateReceiver(self: number, group = 0): (update: Uint8Array) => void {
    const arrived = this.receiver(self, group);
    return (update) => {
      const now = performance.now();
      for (const [client, clock] of Y.parseUpdateMeta(update).to) arrived(client, clock, now);
    };
  }

  /** A receiver: told that it now holds `client`'s edits up to `clock`. */
  private receiver(self: number, group: number): (client: number, clock: number, now: number) => void {
    this.receivers++;
    const seen = new Map<number, number>();
    return (client, clock, now) => {
      const sent = this.senders.get(client);
      if (!sent || client === self) return;
      let i = seen.get(client) ?? 0;
      while (i < sent.ends.length && sent.ends[i]! <= clock) {
        if (sent.measured[i]) {
          this.samples.push(now - sent.times[i]!);
          (sent.group === group ? this.localSamples : this.crossSamples).push(now - sent.times[i]!);
        }
        i++;
      }
      seen.set(client, i);
    };
  }
}
