/**
 * The kiosk agent's loopback API, same origin as this page: an event stream of snapshots in, intents out, and the
 * demo dock's calls. No state lives here beyond the connection itself.
 */
import {
  AGENT_PATHS,
  type AgentEvent,
  type DemoA4Fault,
  type DemoCoinInsert,
  type DemoDevices,
  type DemoDock,
  type DemoReceiptFault,
  type Intent,
  type Result,
  type SessionSnapshot,
} from '@kiosk/protocol';
import type { MessageKey } from './i18n';
import { RevisionGate } from './revision';

export interface ConnectionHandlers {
  onSnapshot(snapshot: SessionSnapshot): void;
  onConnected(connected: boolean): void;
}

/** Retry delays once the browser has given up on the stream itself (it retries plain network errors alone). */
const RETRY_MS = [500, 1000, 2000, 5000];
const REQUEST_TIMEOUT_MS = 10_000;

/** Keeps an event stream open to the agent until the returned function is called. */
export function connectAgent(handlers: ConnectionHandlers, url: string = AGENT_PATHS.events): () => void {
  const gate = new RevisionGate();
  let source: EventSource | null = null;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let failures = 0;
  let stopped = false;

  const open = (): void => {
    source = new EventSource(url);
    source.onopen = () => {
      failures = 0;
      gate.reset();
      handlers.onConnected(true);
    };
    source.onmessage = (message: MessageEvent<string>) => {
      const event = parseEvent(message.data);
      // Device events are for the operator's view; the snapshot already carries what this screen needs.
      if (event?.type === 'snapshot' && gate.admit(event.snapshot.revision))
        handlers.onSnapshot(event.snapshot);
    };
    source.onerror = () => {
      handlers.onConnected(false);
      // CONNECTING means the browser is already retrying; CLOSED (HTTP error, wrong type) means it never will.
      if (source?.readyState === EventSource.CLOSED && !stopped) {
        source = null;
        const delay = RETRY_MS[Math.min(failures, RETRY_MS.length - 1)];
        failures += 1;
        retryTimer = setTimeout(open, delay);
      }
    };
  };

  open();
  return () => {
    stopped = true;
    clearTimeout(retryTimer);
    source?.close();
  };
}

function parseEvent(data: string): AgentEvent | null {
  try {
    const value: unknown = JSON.parse(data);
    if (!isRecord(value)) return null;
    if (
      value.type === 'snapshot' &&
      isRecord(value.snapshot) &&
      typeof value.snapshot.revision === 'number'
    ) {
      return value as AgentEvent;
    }
    if (value.type === 'device') return value as AgentEvent;
    return null;
  } catch {
    return null;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** A failed call yields the message key to show: the agent's own, or one of ours when it could not be reached. */
export type CallResult<T> = Result<T, string>;

export function sendIntent(intent: Intent): Promise<CallResult<null>> {
  return call(AGENT_PATHS.intents, { method: 'POST', body: intent }, () => null);
}

export function getDemoDock(): Promise<CallResult<DemoDock>> {
  return call(AGENT_PATHS.devCards, { method: 'GET' }, (body) => body as DemoDock);
}

export function insertDemoCard(id: string): Promise<CallResult<null>> {
  return call(AGENT_PATHS.devCardInsert, { method: 'POST', body: { id } }, () => null);
}

export function removeDemoCard(): Promise<CallResult<null>> {
  return call(AGENT_PATHS.devCardRemove, { method: 'POST' }, () => null);
}

export function getDemoDevices(): Promise<CallResult<DemoDevices>> {
  return call(AGENT_PATHS.devDevices, { method: 'GET' }, (body) => body as DemoDevices);
}

/** Drops a coin (or note) into the simulated acceptor; refused when no payment is under way. */
export function insertDemoCoin(yen: DemoCoinInsert['yen']): Promise<CallResult<DemoDevices>> {
  return call(AGENT_PATHS.devCoinInsert, { method: 'POST', body: { yen } }, (body) => body as DemoDevices);
}

export function setDemoAutoPay(autoPay: boolean): Promise<CallResult<DemoDevices>> {
  return call(AGENT_PATHS.devPayment, { method: 'POST', body: { autoPay } }, (body) => body as DemoDevices);
}

export function setDemoA4Fault(fault: DemoA4Fault): Promise<CallResult<DemoDevices>> {
  return call(AGENT_PATHS.devA4Printer, { method: 'POST', body: { fault } }, (body) => body as DemoDevices);
}

export function setDemoReceiptFault(fault: DemoReceiptFault): Promise<CallResult<DemoDevices>> {
  return call(
    AGENT_PATHS.devReceiptPrinter,
    { method: 'POST', body: { fault } },
    (body) => body as DemoDevices,
  );
}

const UNREACHABLE: MessageKey = 'common.agentUnreachable';
const GENERIC: MessageKey = 'common.errorGeneric';

async function call<T>(
  path: string,
  request: { method: 'GET' | 'POST'; body?: unknown },
  read: (body: unknown) => T,
): Promise<CallResult<T>> {
  let response: Response;
  try {
    response = await fetch(path, {
      method: request.method,
      headers: {
        accept: 'application/json',
        ...(request.method === 'POST' ? { 'content-type': 'application/json' } : {}),
      },
      body: request.method === 'POST' ? JSON.stringify(request.body ?? {}) : undefined,
      cache: 'no-store',
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
  } catch {
    return { ok: false, error: UNREACHABLE };
  }
  const body = await readJson(response);
  if (response.ok) return { ok: true, value: read(body) };
  return { ok: false, error: errorKeyOf(body) ?? GENERIC };
}

async function readJson(response: Response): Promise<unknown> {
  try {
    const text = await response.text();
    return text === '' ? null : (JSON.parse(text) as unknown);
  } catch {
    return null;
  }
}

/** `{ error: { code, messageKey, message } }` → messageKey. */
function errorKeyOf(body: unknown): string | null {
  if (!isRecord(body) || !isRecord(body.error)) return null;
  const key = body.error.messageKey;
  return typeof key === 'string' ? key : null;
}
