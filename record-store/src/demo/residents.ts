/**
 * Demo residents for the demo dock and the tests. Each entry is one registration in one municipality; Takahashi
 * Yumi has two (moved from Ota-ku to Chuo-ku) with the same card, which shows the partition. The My Numbers are
 * made up but carry a valid check digit.
 */
import { CHUO } from './people/chuo.js';
import { INZAI } from './people/inzai.js';
import { MOVED } from './people/moved.js';
import { OTA } from './people/ota.js';
import type { DemoResident } from './types.js';

export type { DemoCardData, DemoResident } from './types.js';

export const DEMO_RESIDENTS: readonly DemoResident[] = [...CHUO, ...MOVED, ...OTA, ...INZAI];
