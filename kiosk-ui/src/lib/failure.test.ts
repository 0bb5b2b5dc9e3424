import { describe, expect, it } from 'vitest';
import { failureCause, refundLine } from './failure';

describe('failed screen wording', () => {
  it('names the printer fault and the money returned', () => {
    const failure = { code: 'PRINT_FAILED', reason: 'no_paper', refundedYen: 240 } as const;
    expect(failureCause(failure)).toBe('failed.printNoPaper');
    expect(refundLine(failure, 'ja')).toBe(
      'お支払いいただいた240円は返却しました。お取り忘れのないようご注意ください。',
    );
    expect(refundLine(failure, 'en')).toMatch(/^The ¥240 you paid has been returned/);
  });

  it('has a cause for each printer reason the agent sends, and none for an unknown one', () => {
    for (const reason of ['no_paper', 'jam', 'cover_open', 'offline', 'timeout'])
      expect(failureCause({ code: 'PRINT_FAILED', reason })).not.toBeNull();
    expect(failureCause({ code: 'PRINT_FAILED', reason: 'error' })).toBeNull();
    expect(failureCause({ code: 'RECORD_NOT_FOUND' })).toBeNull();
  });

  it('a cancelled payment says so and what came back', () => {
    const failure = { code: 'PAYMENT_FAILED', reason: 'cancelled', refundedYen: 100 } as const;
    expect(failureCause(failure)).toBe('failed.paymentCancelled');
    expect(refundLine(failure, 'en')).toMatch(/¥100/);
  });

  it('says no fee when nothing was paid, and asks for staff when the money could not go back', () => {
    expect(refundLine({ code: 'PRINT_FAILED', reason: 'jam', refundedYen: 0 }, 'en')).toBe(
      'No fee is charged.',
    );
    expect(refundLine({ code: 'PRINT_FAILED', reason: 'jam' }, 'ja')).toMatch(/店員/);
    expect(refundLine({ code: 'RECORD_NOT_FOUND' }, 'ja')).toBeNull();
  });
});
