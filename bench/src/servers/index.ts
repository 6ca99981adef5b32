import { startHocuspocus } from './hocuspocus.ts';
import { startRungs } from './rungs.ts';
import type { ServerOptions } from './process.ts';
import type { BenchServer, ServerId } from './types.ts';
import { startYWebsocket } from './y-websocket.ts';

export type { ServerOptions } from './process.ts';
export type { BenchDocument, BenchServer, Protocol, ServerId } from './types.ts';

export const SERVER_IDS: ServerId[] = ['rungs', 'hocuspocus', 'y-websocket'];

export function startServer(id: ServerId, options: ServerOptions = {}): Promise<BenchServer> {
  switch (id) {
    case 'rungs':
      return startRungs(options);
    case 'hocuspocus':
      return startHocuspocus(options);
    case 'y-websocket':
      return startYWebsocket(options);
  }
}
