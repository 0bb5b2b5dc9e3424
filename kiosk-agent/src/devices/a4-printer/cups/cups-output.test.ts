// Reading lp's and ipptool's outputs. The samples were captured from a real cupsd 2.4 (Debian 12) with a cups-pdf
// queue and fake backends reporting paper out, toner low and markers.
import { describe, expect, it } from 'vitest';
import { jobAttributes, parseIppAnswer, parseLpRequestId, printerAttributes } from './cups-output.js';

const OPERATION = {
  'group-tag': 'operation-attributes-tag',
  'attributes-charset': 'utf-8',
  'attributes-natural-language': 'en',
};
const answer = (...groups: object[]): string => JSON.stringify([OPERATION, ...groups], null, 4);

const PAPER_OUT = `[
    {
        "group-tag": "operation-attributes-tag",
        "attributes-charset": "utf-8",
        "attributes-natural-language": "en"
    },
    {
        "group-tag": "printer-attributes-tag",
        "printer-is-accepting-jobs": true,
        "printer-state": 3,
        "printer-state-message": "Out of paper",
        "printer-state-reasons": "media-empty-error"
    }
]
`;

const TONER_LOW_PRINTING =
  '[{"group-tag": "operation-attributes-tag", "attributes-charset": "utf-8", "attributes-natural-language": "en"}, ' +
  '{"group-tag": "printer-attributes-tag", "printer-is-accepting-jobs": true, "printer-state": 4, ' +
  '"printer-state-message": "", "printer-state-reasons": ["toner-low-report", "media-low-warning"], ' +
  '"marker-colors": ["#000000", "#00FFFF"], "marker-levels": [12, -1], "marker-low-levels": [15, 15], ' +
  '"marker-names": ["Black", "Cyan"], "marker-types": ["toner", "toner"]}]';

const JOB_NOT_FOUND = `[
    {
        "group-tag": "operation-attributes-tag",
        "attributes-charset": "utf-8",
        "attributes-natural-language": "en",
        "status-message": "Job #3 does not exist."
    }
]
`;

describe('lp output', () => {
  it('reads the job id, also for a queue name with dashes', () => {
    expect(parseLpRequestId('request id is pdf-2 (0 file(s))\n')).toBe(2);
    expect(parseLpRequestId('request id is kiosk-a4-1234 (0 file(s))\n')).toBe(1234);
  });

  it('finds no id in an error', () => {
    expect(parseLpRequestId('')).toBeUndefined();
    expect(parseLpRequestId('lp: Destination "a4" is not accepting jobs.\n')).toBeUndefined();
  });
});

describe('ipptool -j output', () => {
  it('reads an idle printer out of paper, with its single reason as a list', () => {
    const parsed = parseIppAnswer(PAPER_OUT);
    expect(parsed?.statusMessage).toBeUndefined();
    expect(parsed && printerAttributes(parsed)).toEqual({
      state: 'idle',
      reasons: ['media-empty-error'],
      message: 'Out of paper',
      acceptingJobs: true,
      markers: [],
    });
  });

  it('reads several reasons and markers; an unknown level (negative) is no number', () => {
    const parsed = parseIppAnswer(TONER_LOW_PRINTING);
    const printer = parsed && printerAttributes(parsed);
    expect(printer?.state).toBe('processing');
    expect(printer?.reasons).toEqual(['toner-low-report', 'media-low-warning']);
    expect(printer?.markers).toEqual([
      { name: 'Black', type: 'toner', color: '#000000', level: 12, lowLevel: 15 },
      { name: 'Cyan', type: 'toner', color: '#00FFFF', level: undefined, lowLevel: 15 },
    ]);
  });

  it('reads a single marker given as plain values, and drops the "none" reason', () => {
    const parsed = parseIppAnswer(
      answer({
        'group-tag': 'printer-attributes-tag',
        'printer-is-accepting-jobs': false,
        'printer-state': 5,
        'printer-state-message': 'Paused',
        'printer-state-reasons': 'none',
        'marker-colors': '#000000',
        'marker-levels': 80,
        'marker-names': 'Black',
        'marker-types': 'toner',
      }),
    );
    const printer = parsed && printerAttributes(parsed);
    expect(printer).toMatchObject({ state: 'stopped', reasons: [], acceptingJobs: false });
    expect(printer?.markers).toEqual([
      { name: 'Black', type: 'toner', color: '#000000', level: 80, lowLevel: undefined },
    ]);
  });

  it('reads a job held back by the printer, and one aborted with the reasons it stopped on', () => {
    const held = parseIppAnswer(
      answer({
        'group-tag': 'job-attributes-tag',
        'job-state': 4,
        'job-state-reasons': 'resources-are-not-ready',
        'job-printer-state-reasons': 'media-empty-error',
      }),
    );
    expect(held && jobAttributes(held)).toEqual({
      state: 'held',
      reasons: ['resources-are-not-ready'],
      printerReasons: ['media-empty-error'],
    });
    const aborted = parseIppAnswer(
      answer({
        'group-tag': 'job-attributes-tag',
        'job-state': 8,
        'job-state-reasons': 'processing-to-stop-point',
        'job-printer-state-reasons': ['media-empty-error', 'paused'],
      }),
    );
    expect(aborted && jobAttributes(aborted)).toMatchObject({
      state: 'aborted',
      printerReasons: ['media-empty-error', 'paused'],
    });
    const completed = parseIppAnswer(
      answer({
        'group-tag': 'job-attributes-tag',
        'job-state': 9,
        'job-state-reasons': 'job-completed-successfully',
      }),
    );
    expect(completed && jobAttributes(completed)).toEqual({
      state: 'completed',
      reasons: ['job-completed-successfully'],
      printerReasons: undefined,
    });
  });

  it('gives no job when cupsd no longer knows it, and keeps its message', () => {
    const parsed = parseIppAnswer(JOB_NOT_FOUND);
    expect(parsed?.statusMessage).toBe('Job #3 does not exist.');
    expect(parsed && jobAttributes(parsed)).toBeUndefined();
    expect(parsed && printerAttributes(parsed)).toBeUndefined();
  });

  it('rejects what is not ipptool JSON, and attributes of the wrong shape', () => {
    expect(parseIppAnswer('')).toBeUndefined();
    expect(parseIppAnswer('printer-state\n-------------\nidle\n')).toBeUndefined();
    expect(parseIppAnswer('{"printer-state": 3}')).toBeUndefined();
    const odd = parseIppAnswer(answer({ 'group-tag': 'printer-attributes-tag', 'printer-state': 'idle' }));
    expect(odd && printerAttributes(odd)).toBeUndefined();
  });
});
