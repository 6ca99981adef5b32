import fs from 'node:fs';
import WebSocket from 'ws';

/** A bare websocket on /collab/<doc> that records what it receives and how it was closed. */
export interface RawSocket {
  ws: WebSocket;
  received: Uint8Array[];
  closed: Promise<{ code: number; reason: string }>;
  /** Set once the close arrived. */
  closeEvent: { code: number; reason: string } | null;
  /** Stop reading from TCP (a stalled client); `resume` reads again. */
  pause(): void;
  resume(): void;
  /** Sends if still open; answers whether it did. */
  send(frame: Uint8Array): boolean;
}

export async function openRawSocket(wsBase: string, docName: string, cookie: string): Promise<RawSocket> {
  const ws = new WebSocket(`${wsBase}/${docName}`, { headers: { cookie } });
  const received: Uint8Array[] = [];
  ws.on('message', (data: Buffer) => received.push(new Uint8Array(data)));
  const raw: RawSocket = {
    ws,
    received,
    closeEvent: null,
    closed: new Promise((resolve) =>
      ws.once('close', (code, reason) => {
        raw.closeEvent = { code, reason: reason.toString() };
        resolve(raw.closeEvent);
      }),
    ),
    pause: () => ws.pause(),
    resume: () => ws.resume(),
    send(frame) {
      if (ws.readyState !== WebSocket.OPEN) return false;
      ws.send(frame);
      return true;
    },
  };
  ws.on('error', () => {}); // a refused or reset socket ends in 'close'
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('close', (code) => reject(new Error(`socket closed before opening (${code})`)));
  });
  return raw;
}

/** Resident memory of a process in bytes, from /proc (Linux). */
export function residentBytes(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = /VmRSS:\s+(\d+) kB/.exec(status);
  if (!kb) throw new Error(`no VmRSS for process ${pid}`);
  return Number(kb[1]) * 1024;
}
