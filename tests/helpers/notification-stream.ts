import http from 'node:http';

export interface NotificationStream {
  status: number;
  changes: () => number;
  ended: () => boolean;
  close(): void;
}

/** Opens the stream as a browser's EventSource does, counting `changed` events. */
export function openNotificationStream(baseUrl: string, cookie: string | null): Promise<NotificationStream> {
  return new Promise((resolve, reject) => {
    let changes = 0;
    let ended = false;
    const req = http.get(
      `${baseUrl}/api/notifications/stream`,
      { headers: { accept: 'text/event-stream', ...(cookie ? { cookie } : {}) } },
      (res) => {
        res.setEncoding('utf8');
        let buffer = '';
        res.on('data', (chunk: string) => {
          buffer += chunk;
          let end: number;
          while ((end = buffer.indexOf('\n\n')) >= 0) {
            if (buffer.slice(0, end).split('\n').includes('event: changed')) changes++;
            buffer = buffer.slice(end + 2);
          }
        });
        res.on('end', () => (ended = true));
        res.on('close', () => (ended = true));
        resolve({
          status: res.statusCode ?? 0,
          changes: () => changes,
          ended: () => ended,
          close: () => req.destroy(),
        });
      },
    );
    req.on('error', (err) => (ended ? undefined : reject(err)));
  });
}
