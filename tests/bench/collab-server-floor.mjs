/**
 * The floor of bench:collab: what Node and `ws` alone cost. A bare WebSocket server that relays every document
 * update frame (y-websocket message sync/update) as received to every other client, and answers a client's
 * sync step 1 with a constant empty step 2 so that the generator's handshake completes. No Yjs, no state.
 * Plain JavaScript, run by bare `node` like the reference's binary (the tsx loader alone costs ~25 MiB).
 */
import http from 'node:http';
import { WebSocket, WebSocketServer } from 'ws';

const EMPTY_STEP2 = Buffer.from([0, 1, 2, 0, 0]); // sync, step 2, an update of 2 bytes: no structs, no deletes

const server = http.createServer((_req, res) => res.end('floor'));
const wss = new WebSocketServer({ server, perMessageDeflate: false });
wss.on('connection', (ws) => {
  ws.on('message', (/** @type {Buffer} */ data) => {
    if (data[0] !== 0) return;
    if (data[1] === 2) {
      for (const client of wss.clients) if (client !== ws && client.readyState === WebSocket.OPEN) client.send(data);
    } else if (data[1] === 0) ws.send(EMPTY_STEP2);
  });
});
server.listen(Number(process.env.PORT), process.env.HOST ?? '127.0.0.1');
