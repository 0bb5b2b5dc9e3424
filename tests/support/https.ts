/** A bare HTTPS request, for the line tests that must send what a well-behaved kiosk never would. */
import { request } from 'node:https';

export interface RawResponse {
  readonly status: number;
  readonly json: unknown;
}

export function rawRequest(
  url: string,
  opts: {
    method: string;
    headers?: Record<string, string>;
    body?: Buffer;
    tls: { ca: string; key?: string; cert?: string };
  },
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      { method: opts.method, headers: opts.headers, ...opts.tls, agent: false },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            json: JSON.parse(Buffer.concat(chunks).toString() || 'null'),
          }),
        );
      },
    );
    req.on('error', reject);
    req.end(opts.body);
  });
}
