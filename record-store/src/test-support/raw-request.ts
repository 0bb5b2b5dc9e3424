/** A single HTTPS request with whatever client certificate (or none) a test wants to present. */
import { request } from 'node:https';

export interface RawAnswer {
  status: number;
  body: unknown;
}

export interface RawRequestOptions {
  method?: 'GET' | 'POST';
  /** Sent as is when a string (to test broken JSON), else as JSON. */
  body?: unknown;
  ca: string;
  key?: string;
  cert?: string;
}

export function rawRequest(url: string, options: RawRequestOptions): Promise<RawAnswer> {
  const payload =
    options.body === undefined
      ? undefined
      : typeof options.body === 'string'
        ? options.body
        : JSON.stringify(options.body);
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: options.method ?? 'POST',
        agent: false,
        ca: options.ca,
        ...(options.key && options.cert ? { key: options.key, cert: options.cert } : {}),
        headers: payload === undefined ? {} : { 'content-type': 'application/json' },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          resolve({ status: res.statusCode ?? 0, body: text ? JSON.parse(text) : undefined });
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}
