/**
 * The kiosk's end of the line: HTTPS with the kiosk's client certificate, every request signed with the same key
 * (RFC 9421), answers checked against the protocol schemas. Failures come back as stable error codes.
 */
import { createPrivateKey, type KeyObject } from 'node:crypto';
import { Agent, request as httpsRequest } from 'node:https';
import {
  errorBody,
  ErrorBody,
  HeartbeatAck,
  IssuanceResponse,
  LINE_PATHS,
  Menu,
  OutcomeResponse,
  outcomePath,
  type CertificateKind,
  type ErrorCode,
  type Heartbeat,
  type IssuanceRequest,
  type OutcomeRequest,
  type Result,
} from '@kiosk/protocol';
import { contentDigest, signRequest } from '@kiosk/protocol/line-signature';
import type { TSchema, Static } from 'typebox';
import { Value } from 'typebox/value';

export interface LineClientOptions {
  readonly baseUrl: string;
  readonly kioskId: string;
  readonly tls: { readonly key: string; readonly cert: string; readonly ca: string };
  readonly timeoutMs?: number;
}

export type LineError = ErrorBody['error'];

export class LineClient {
  private readonly agent: Agent;
  private readonly signingKey: KeyObject;
  private readonly base: URL;

  constructor(private readonly opts: LineClientOptions) {
    this.base = new URL(opts.baseUrl);
    this.signingKey = createPrivateKey(opts.tls.key);
    this.agent = new Agent({ ...opts.tls, keepAlive: true, maxSockets: 4 });
  }

  menu(kind: CertificateKind): Promise<Result<Menu, LineError>> {
    return this.call('GET', `${LINE_PATHS.menu}?kind=${encodeURIComponent(kind)}`, undefined, Menu);
  }

  issue(request: IssuanceRequest): Promise<Result<IssuanceResponse, LineError>> {
    return this.call('POST', LINE_PATHS.issuances, request, IssuanceResponse);
  }

  outcome(certificateId: string, outcome: OutcomeRequest): Promise<Result<OutcomeResponse, LineError>> {
    return this.call('POST', outcomePath(certificateId), outcome, OutcomeResponse);
  }

  heartbeat(heartbeat: Heartbeat): Promise<Result<HeartbeatAck, LineError>> {
    return this.call('POST', LINE_PATHS.heartbeats, heartbeat, HeartbeatAck);
  }

  close(): void {
    this.agent.destroy();
  }

  private call<S extends TSchema>(
    method: 'GET' | 'POST',
    target: string,
    body: unknown,
    schema: S,
  ): Promise<Result<Static<S>, LineError>> {
    const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
    const headers: Record<string, string> = { host: this.base.host, accept: 'application/json' };
    if (payload) {
      headers['content-type'] = 'application/json';
      headers['content-digest'] = contentDigest(payload);
    }
    Object.assign(
      headers,
      signRequest({ method, authority: this.base.host, target, headers }, payload !== undefined, {
        keyId: this.opts.kioskId,
        privateKey: this.signingKey,
      }),
    );
    return new Promise((resolve) => {
      const unreachable = (detail: string): void =>
        resolve({ ok: false, error: lineError('LINE_UNREACHABLE', detail) });
      const req = httpsRequest(
        new URL(target, this.base),
        { method, headers, agent: this.agent, timeout: this.opts.timeoutMs ?? 15_000 },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('error', (error) => unreachable(error.message));
          res.on('end', () => resolve(interpret(res.statusCode ?? 0, Buffer.concat(chunks), schema)));
        },
      );
      req.on('timeout', () => req.destroy(new Error('timed out')));
      req.on('error', (error) => unreachable(error.message));
      req.end(payload);
    });
  }
}

const lineError = (code: ErrorCode, detail?: string): LineError => errorBody(code, detail).error;

function interpret<S extends TSchema>(status: number, raw: Buffer, schema: S): Result<Static<S>, LineError> {
  let json: unknown;
  try {
    json = JSON.parse(raw.toString('utf8'));
  } catch {
    return { ok: false, error: lineError('LINE_UNREACHABLE', `HTTP ${status}, body is not JSON`) };
  }
  if (status >= 200 && status < 300 && Value.Check(schema, json)) return { ok: true, value: json };
  if (Value.Check(ErrorBody, json)) return { ok: false, error: json.error };
  return { ok: false, error: lineError('LINE_UNREACHABLE', `HTTP ${status}, unexpected answer`) };
}
