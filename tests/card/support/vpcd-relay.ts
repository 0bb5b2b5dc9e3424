/**
 * The virtual card's way into the private network namespace: a TCP port on 127.0.0.1 in this process, relayed to
 * a Unix socket that a socat inside the namespace connects on to vpcd. Either side closing closes the other, so
 * taking the card off (closing its connection) and pcscd dying look the same as with a direct connection.
 */
import { connect, createServer, type Socket } from 'node:net';

export interface VpcdRelay {
  readonly port: number;
  close(): Promise<void>;
}

export async function relayToUnixSocket(path: string): Promise<VpcdRelay> {
  const open = new Set<Socket>();
  const server = createServer((card) => {
    // Each vpcd message goes out at once; waiting to coalesce would add tens of milliseconds per APDU.
    card.setNoDelay(true);
    const upstream = connect(path);
    open.add(card).add(upstream);
    const end = (): void => {
      card.destroy();
      upstream.destroy();
      open.delete(card);
      open.delete(upstream);
    };
    for (const socket of [card, upstream]) socket.on('error', end).on('close', end);
    card.pipe(upstream);
    upstream.pipe(card);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen({ host: '127.0.0.1', port: 0 }, () => resolve());
  });
  const address = server.address();
  if (!address || typeof address !== 'object') throw new Error('the vpcd relay has no port');
  return {
    port: address.port,
    close: () =>
      new Promise((resolve) => {
        for (const socket of open) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
