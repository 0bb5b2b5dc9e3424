// The CUPS client's requests: the printer URI for a socket or host:port, and the ipptool request texts.
import { describe, expect, it } from 'vitest';
import { ipptoolRequest, printerUri } from './cups-client.js';

describe('CUPS requests', () => {
  it('puts a socket path, percent-encoded, in the URI host, as CUPS reads it', () => {
    expect(printerUri('/run/cups/cups.sock', 'a4')).toBe('ipp://%2Frun%2Fcups%2Fcups.sock/printers/a4');
    expect(printerUri('127.0.0.1:6310', 'kiosk a4')).toBe('ipp://127.0.0.1:6310/printers/kiosk%20a4');
  });

  it('asks for the printer state, its reasons and the markers', () => {
    const text = ipptoolRequest({ kind: 'printer' });
    expect(text).toContain('OPERATION Get-Printer-Attributes');
    expect(text).toMatch(/requested-attributes .*printer-state-reasons.*marker-levels/);
    expect(text).toContain('STATUS successful-ok');
  });

  it('accepts "not found" for a job: a purged job is an answer, not a failure', () => {
    const look = ipptoolRequest({ kind: 'job', jobId: 42 });
    expect(look).toContain('OPERATION Get-Job-Attributes');
    expect(look).toContain('ATTR integer job-id 42');
    expect(look).toContain('STATUS client-error-not-found');
    const purge = ipptoolRequest({ kind: 'purge', jobId: 42 });
    expect(purge).toContain('OPERATION Cancel-Job');
    expect(purge).toContain('ATTR boolean purge-job true');
  });

  it('takes only a positive integer as a job id', () => {
    expect(() => ipptoolRequest({ kind: 'job', jobId: 0 })).toThrow(RangeError);
    expect(() => ipptoolRequest({ kind: 'purge', jobId: 1.5 })).toThrow(RangeError);
  });
});
