/**
 * One JSON POST over node:https with a deadline for the whole exchange. Network trouble and the deadline are values
 * (a short reason for operators), so the caller can turn them into "record store unavailable".
 */
import { request, type Agent } from 'node:https';
import { err, ok, type Result } from '@kiosk/protocol';

export interface JsonResponse {
  status: number;
  body: unknown;
}

export interface PostJsonOptions {
  agent: Agent;
  timeoutMs: number;
}

export function postJson(
  url: URL,
  body: unknown,
  options: PostJsonOptions,
): Promise<Result<JsonResponse, string>> {
  const payload = Buffer.from(JSON.stringify(body), 'utf8');
  return new Promise((resolve) => {
    let settled = false;
    const settle = (result: Result<JsonResponse, string>) => {
      if (settled) return;
      settled = true;
      resolve(result);
    };
    const req = request(
      url,
      {
        method: 'POST',
        agent: options.agent,
        signal: AbortSignal.timeout(options.timeoutMs),
        headers: {
          'content-type': 'application/json',
          'content-length': payload.length,
          accept: 'application/json',
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', (e) => settle(err(reasonOf(e))));
        res.on('close', () => {
          if (!res.complete) return settle(err('response cut short'));
          try {
            const text = Buffer.concat(chunks).toString('utf8');
            settle(ok({ status: res.statusCode ?? 0, body: text === '' ? undefined : JSON.parse(text) }));
          } catch {
            settle(err('response is not JSON'));
          }
        });
      },
    );
    req.on('error', (e) => settle(err(reasonOf(e))));
    req.end(payload);
  });
}

function reasonOf(e: Error & { code?: string }): string {
  if (e.name === 'AbortError' || e.name === 'TimeoutError') return 'timed out';
  return e.code ?? e.name;
}
