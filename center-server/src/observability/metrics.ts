/**
 * Prometheus metrics for operators. Labels carry routes, status codes, municipality codes, variants and error codes
 * only: never a kiosk's applicant, never a card number, so a scrape cannot leak personal data. Each server gets its
 * own registry (not prom-client's global one), so several centres in one process (tests) do not collide.
 */
import { Counter, Histogram, Registry } from 'prom-client';

export interface CenterMetrics {
  readonly registry: Registry;
  /** One finished HTTP request; `route` is the route pattern, never the raw URL (bounded label values). */
  request(method: string, route: string, status: number, seconds: number): void;
  /** `outcome`: `issued`, `printed`, `failed`, or the stable error code that refused the issuance. */
  issuance(municipality: string, variant: string, outcome: string): void;
  heartbeat(): void;
}

export function centerMetrics(): CenterMetrics {
  const registry = new Registry();
  const requests = new Counter({
    name: 'center_http_requests_total',
    help: 'HTTP requests answered, by route pattern and status.',
    labelNames: ['method', 'route', 'status'] as const,
    registers: [registry],
  });
  const latency = new Histogram({
    name: 'center_http_request_duration_seconds',
    help: 'Time to answer an HTTP request, by route pattern and status.',
    labelNames: ['method', 'route', 'status'] as const,
    // Issuance composes a PDF and calls a record store: seconds, not milliseconds, matter at the top end.
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const issuances = new Counter({
    name: 'center_issuances_total',
    help: 'Issuances by municipality, variant and outcome (issued, printed, failed, or the refusal code).',
    labelNames: ['municipality', 'variant', 'outcome'] as const,
    registers: [registry],
  });
  const heartbeats = new Counter({
    name: 'center_heartbeats_total',
    help: 'Kiosk heartbeats received.',
    registers: [registry],
  });
  return {
    registry,
    request(method, route, status, seconds) {
      const labels = { method, route, status: String(status) };
      requests.inc(labels);
      latency.observe(labels, seconds);
    },
    issuance(municipality, variant, outcome) {
      issuances.inc({ municipality, variant, outcome });
    },
    heartbeat() {
      heartbeats.inc();
    },
  };
}
