/**
 * The agent answers only its own UI: requests must be addressed to the loopback host it listens on (no DNS
 * rebinding) and, when a browser says where it comes from, come from the same origin (no other page driving it).
 */
export function loopbackGuard(port: number, extraOrigins: readonly string[] = []) {
  const hosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`]);
  const origins = new Set([...[...hosts].map((h) => `http://${h}`), ...extraOrigins]);
  return (host: string | undefined, origin: string | undefined): boolean =>
    host !== undefined &&
    (hosts.has(host) || extraOrigins.some((o) => new URL(o).host === host)) &&
    (origin === undefined || origins.has(origin));
}
