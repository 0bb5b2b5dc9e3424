/**
 * The signature base of RFC 9421 §2.5 for the components the line uses. Only derived components and lower-case
 * header names are supported: that is all the line needs, and a smaller surface is easier to get right.
 */
import { serializeInnerList, type InnerList, type Item, type Parameters } from 'structured-headers';

export interface SignableRequest {
  readonly method: string;
  /** host[:port] as the client addressed it. */
  readonly authority: string;
  /** Path and query as sent, e.g. /v1/menu?kind=vaccination */
  readonly target: string;
  /** Header values by lower-case name. */
  readonly headers: Readonly<Record<string, string | undefined>>;
}

export type ComponentValue = { ok: true; value: string } | { ok: false; missing: string };

function componentValue(req: SignableRequest, name: string): ComponentValue {
  const queryAt = req.target.indexOf('?');
  switch (name) {
    case '@method':
      return { ok: true, value: req.method.toUpperCase() };
    case '@authority':
      return { ok: true, value: req.authority.toLowerCase() };
    case '@path':
      return { ok: true, value: queryAt < 0 ? req.target : req.target.slice(0, queryAt) };
    case '@query':
      // RFC 9421 §2.2.7: an absent query is the single character "?".
      return { ok: true, value: queryAt < 0 ? '?' : req.target.slice(queryAt) };
    default: {
      if (name.startsWith('@')) return { ok: false, missing: name };
      const value = req.headers[name];
      return value === undefined ? { ok: false, missing: name } : { ok: true, value: value.trim() };
    }
  }
}

/** Serialises the covered components and their parameters, exactly as they appear in Signature-Input. */
export const signatureParams = (components: readonly string[], params: Parameters): string =>
  serializeInnerList([components.map((c): Item => [c, new Map()]), params] satisfies InnerList);

export function signatureBase(
  req: SignableRequest,
  components: readonly string[],
  params: Parameters,
): { ok: true; base: string } | { ok: false; missing: string } {
  const lines: string[] = [];
  for (const name of components) {
    const value = componentValue(req, name);
    if (!value.ok) return value;
    lines.push(`"${name}": ${value.value}`);
  }
  lines.push(`"@signature-params": ${signatureParams(components, params)}`);
  return { ok: true, base: lines.join('\n') };
}
