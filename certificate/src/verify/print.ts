/**
 * Human-readable report of the verdicts, one block per code. Codes from other issuers may leave out optional
 * fields, so every field is read defensively.
 */
import type { FhirImmunization, FhirPatient } from '../codes/fhir-bundle.js';
import type { CodeVerdict, ShcContent, VdsNcContent } from './verdict.js';

const TITLE = { shc: 'SMART Health Card', 'vds-nc': 'ICAO VDS-NC', unknown: 'Unrecognised code' } as const;

function shcLines(c: ShcContent): string[] {
  const resources = c.fhirBundle.entry.map((e) => e.resource);
  const patient = resources.find((r): r is FhirPatient => r.resourceType === 'Patient');
  const doses = resources.filter((r): r is FhirImmunization => r.resourceType === 'Immunization');
  const name = patient?.name?.[0];
  return [
    `  issuer      ${c.iss} (key ${c.kid})`,
    `  issued      ${new Date(c.nbf * 1000).toISOString()}`,
    `  name        ${[name?.family, ...(name?.given ?? [])].filter(Boolean).join(' ')}`,
    `  born        ${patient?.birthDate ?? '?'}`,
    ...doses.map(
      (d) =>
        `  dose        ${d.occurrenceDateTime}  CVX ${d.vaccineCode?.coding?.[0]?.code ?? '?'}  lot ${d.lotNumber ?? '?'}` +
        `  ${d.performer?.[0]?.actor?.display ?? ''}`,
    ),
  ];
}

function vdsLines(c: VdsNcContent): string[] {
  const { hdr, msg } = c.data;
  return [
    `  issuer      ${hdr.is}, signed by ${c.signer.replaceAll('\n', ', ')}`,
    `  UVCI        ${msg.uvci}`,
    `  name        ${msg.pid.n}`,
    `  born        ${msg.pid.dob ?? '-'}`,
    `  passport    ${msg.pid.i ?? '-'}`,
    ...msg.ve.flatMap((e) =>
      e.vd.map(
        (d) => `  dose ${d.seq}      ${d.dvc}  ${e.nam} (${e.des})  lot ${d.lot}  ${d.adm ?? '-'}, ${d.ctr}`,
      ),
    ),
  ];
}

export function formatVerdict(v: CodeVerdict): string {
  const status = v.status === 'VALID' ? 'VALID' : `INVALID: ${v.reason} (${v.detail})`;
  const lines = [`${TITLE[v.kind]}: ${status}`];
  if (v.kind === 'shc' && v.content) lines.push(...shcLines(v.content));
  if (v.kind === 'vds-nc' && v.content) lines.push(...vdsLines(v.content));
  if (v.status === 'INVALID' && v.content)
    lines.push('  (content shown as the code claims it; it is not proven)');
  return lines.join('\n');
}
