/**
 * Hocuspocus 4.7 for bench:collab, with its default configuration (in memory, no extension, broadcasts batched
 * per event-loop turn as it does by default) but one setting: the idle timeout. Hocuspocus closes a socket that
 * sent nothing for `timeout` ms (60 s); its own provider keeps it open with awareness messages, which the
 * generator's counting clients do not send, so the timeout is lengthened rather than adding traffic.
 * Plain JavaScript, run by bare `node` like the reference's binary (the tsx loader alone costs ~25 MiB).
 */
import { Server } from '@hocuspocus/server';

const server = new Server({
  port: Number(process.env.PORT),
  address: process.env.HOST ?? '127.0.0.1',
  quiet: true,
  timeout: 10 * 60_000,
});
await server.listen();
