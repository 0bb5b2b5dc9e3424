/**
 * What the CUPS tools print, read into values: `lp`'s request id, and the attribute groups `ipptool -j` prints
 * as JSON (one value or an array per attribute, enums as numbers). Pure functions, checked against outputs
 * captured from a real cupsd.
 */
import { Type, type Static, type TSchema } from 'typebox';
import { Value } from 'typebox/value';

export type PrinterState = 'idle' | 'processing' | 'stopped';
export type JobState = 'pending' | 'held' | 'processing' | 'stopped' | 'canceled' | 'aborted' | 'completed';

/** One marker (toner, ink, drum…) as the printer reports it. */
export interface Marker {
  readonly name: string;
  readonly type: string;
  readonly color: string | undefined;
  /** Percent; undefined when the printer does not know (IPP's negative levels). */
  readonly level: number | undefined;
  readonly lowLevel: number | undefined;
}

export interface PrinterAttributes {
  readonly state: PrinterState;
  /** printer-state-reasons without "none", e.g. media-empty-error, toner-low-report, paused. */
  readonly reasons: readonly string[];
  readonly message: string;
  readonly acceptingJobs: boolean;
  readonly markers: readonly Marker[];
}

export interface JobAttributes {
  readonly state: JobState;
  readonly reasons: readonly string[];
  /** The printer's reasons when the job stopped (job-printer-state-reasons), if cupsd gave them. */
  readonly printerReasons: readonly string[] | undefined;
}

/** What one ipptool request answered: the status message, if any, and the attribute groups. */
export interface IppAnswer {
  readonly statusMessage: string | undefined;
  readonly groups: readonly Record<string, unknown>[];
}

const oneOrMany = <T extends TSchema>(item: T) => Type.Union([item, Type.Array(item)]);

const IppJson = Type.Array(Type.Record(Type.String(), Type.Unknown()));

const PrinterGroup = Type.Object({
  'printer-state': Type.Integer({ minimum: 3, maximum: 5 }),
  'printer-state-reasons': oneOrMany(Type.String()),
  'printer-state-message': Type.Optional(Type.String()),
  'printer-is-accepting-jobs': Type.Boolean(),
  'marker-names': Type.Optional(oneOrMany(Type.String())),
  'marker-types': Type.Optional(oneOrMany(Type.String())),
  'marker-colors': Type.Optional(oneOrMany(Type.String())),
  'marker-levels': Type.Optional(oneOrMany(Type.Integer())),
  'marker-low-levels': Type.Optional(oneOrMany(Type.Integer())),
});

const JobGroup = Type.Object({
  'job-state': Type.Integer({ minimum: 3, maximum: 9 }),
  'job-state-reasons': Type.Optional(oneOrMany(Type.String())),
  'job-printer-state-reasons': Type.Optional(oneOrMany(Type.String())),
});

const PRINTER_STATES: Record<number, PrinterState> = { 3: 'idle', 4: 'processing', 5: 'stopped' };
const JOB_STATES: Record<number, JobState> = {
  3: 'pending',
  4: 'held',
  5: 'processing',
  6: 'stopped',
  7: 'canceled',
  8: 'aborted',
  9: 'completed',
};

/** A job in one of these states is over: cupsd will not print it any more. */
export const isFinished = (state: JobState): boolean =>
  state === 'canceled' || state === 'aborted' || state === 'completed';

/** The job id from lp's "request id is a4-42 (0 file(s))" (lp runs with LC_ALL=C). */
export function parseLpRequestId(stdout: string): number | undefined {
  const match = /request id is \S+-(\d+) \(/.exec(stdout);
  return match?.[1] === undefined ? undefined : Number(match[1]);
}

/** The groups `ipptool -j` printed for one request; undefined when the output is not that JSON. */
export function parseIppAnswer(stdout: string): IppAnswer | undefined {
  let json: unknown;
  try {
    json = JSON.parse(stdout);
  } catch {
    return undefined;
  }
  if (!Value.Check(IppJson, json)) return undefined;
  const operation = json.find((group) => group['group-tag'] === 'operation-attributes-tag');
  const message = operation?.['status-message'];
  return { statusMessage: typeof message === 'string' ? message : undefined, groups: json };
}

const list = <T>(value: T | T[] | undefined): T[] =>
  value === undefined ? [] : Array.isArray(value) ? value : [value];
const withoutNone = (reasons: string[]): string[] => reasons.filter((reason) => reason !== 'none');
const group = (answer: IppAnswer, tag: string): Record<string, unknown> | undefined =>
  answer.groups.find((g) => g['group-tag'] === tag);

export function printerAttributes(answer: IppAnswer): PrinterAttributes | undefined {
  const attributes = group(answer, 'printer-attributes-tag');
  if (!Value.Check(PrinterGroup, attributes)) return undefined;
  const state = PRINTER_STATES[attributes['printer-state']];
  if (!state) return undefined;
  return {
    state,
    reasons: withoutNone(list(attributes['printer-state-reasons'])),
    message: attributes['printer-state-message'] ?? '',
    acceptingJobs: attributes['printer-is-accepting-jobs'],
    markers: markers(attributes),
  };
}

/** The job's attributes; undefined when the answer holds no job (cupsd no longer knows it). */
export function jobAttributes(answer: IppAnswer): JobAttributes | undefined {
  const attributes = group(answer, 'job-attributes-tag');
  if (!Value.Check(JobGroup, attributes)) return undefined;
  const state = JOB_STATES[attributes['job-state']];
  if (!state) return undefined;
  const printerReasons = attributes['job-printer-state-reasons'];
  return {
    state,
    reasons: withoutNone(list(attributes['job-state-reasons'])),
    printerReasons: printerReasons === undefined ? undefined : withoutNone(list(printerReasons)),
  };
}

function markers(attributes: Static<typeof PrinterGroup>): Marker[] {
  const names = list(attributes['marker-names']);
  const types = list(attributes['marker-types']);
  const colors = list(attributes['marker-colors']);
  const levels = list(attributes['marker-levels']);
  const lows = list(attributes['marker-low-levels']);
  // IPP levels: 0–100 percent; -1 unavailable, -2 unknown, -3 "some left".
  const percent = (value: number | undefined): number | undefined =>
    value === undefined || value < 0 ? undefined : value;
  return names.map((name, i) => ({
    name,
    type: types[i] ?? 'unknown',
    color: colors[i],
    level: percent(levels[i]),
    lowLevel: percent(lows[i]),
  }));
}
