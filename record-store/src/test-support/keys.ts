/** A fresh master key per test run: nothing in the tests depends on a particular key. */
import { randomBytes } from 'node:crypto';

export const testMasterKey = (): Buffer => randomBytes(32);
