/**
 * Child process: the classic y-websocket relay, y-websocket@1.5.4's bin/utils.js
 * `setupWSConnection` behind a `ws` server, as its bin/server.js runs it: in memory only
 * (YPERSISTENCE unset), gc on. Env: PORT.
 */
import http from 'node:http';
import { createRequire } from 'node:module';
import { WebSocketServer, type WebSocket } from 'ws';

const require = createRequire(import.meta.url);
const { setupWSConnection } = require('y-websocket-v1/bin/utils') as {
  setupWSConnection(conn: WebSocket, req: http.IncomingMessage): void;
};

const port = Number(process.env.PORT);
const wss = new WebSocketServer({ noServer: true });
wss.on('connection', setupWSConnection);
const server = http.createServer((_req, res) => {
  res.writeHead(200, { 'content-type': 'text/plain' });
  res.end('okay');
});
server.on('upgrade', (request, socket, head) => {
  wss.handleUpgrade(request, socket, head, (ws) => wss.emit('connection', ws, request));
});
server.listen(port, '127.0.0.1');
// Exit normally on the bench's SIGTERM, so `node --cpu-prof` writes its profile.
process.once('SIGTERM', () => process.exit(0));
