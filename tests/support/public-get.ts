/** An HTTPS GET as any verifier would send it: trusting the line CA as root, with no client certificate. */
import { request } from 'node:https';
import type { IncomingHttpHeaders } from 'node:http';

export interface PublicResponse {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  readonly json: unknown;
}

export function publicGet(url: string, ca: string): Promise<PublicResponse> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'GET', ca, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          headers: res.headers,
          json: JSON.parse(Buffer.concat(chunks).toString() || 'null'),
        }),
      );
    });
    req.on('error', reject);
    req.end();
  });
}
