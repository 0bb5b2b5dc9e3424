/** The shapes a decoded code must have before anything reads it (checked with TypeBox, as at every boundary). */
import { Type } from 'typebox';
import { Compile } from 'typebox/compile';

const Str = Type.String();

const Resource = Type.Object({ resourceType: Str });
const Bundle = Type.Object({
  resourceType: Type.Literal('Bundle'),
  type: Str,
  entry: Type.Array(Type.Object({ fullUrl: Type.Optional(Str), resource: Resource })),
});

export const isShcPayload = Compile(
  Type.Object({
    iss: Str,
    nbf: Type.Number(),
    vc: Type.Object({
      type: Type.Array(Str),
      credentialSubject: Type.Object({ fhirVersion: Str, fhirBundle: Bundle }),
      rid: Type.Optional(Str),
    }),
  }),
);

const Dose = Type.Object({
  dvc: Str,
  seq: Type.Integer(),
  ctr: Str,
  adm: Type.Optional(Str),
  lot: Str,
});

export const isVdsNcSeal = Compile(
  Type.Object({
    data: Type.Object({
      hdr: Type.Object({ t: Str, v: Type.Integer(), is: Str }),
      msg: Type.Object({
        uvci: Str,
        pid: Type.Object({ n: Str, dob: Type.Optional(Str), i: Type.Optional(Str) }),
        ve: Type.Array(Type.Object({ des: Str, nam: Str, dis: Type.Optional(Str), vd: Type.Array(Dose) })),
      }),
    }),
    sig: Type.Object({ alg: Str, cer: Str, sigvl: Str }),
  }),
);
