import type * as pkijs from 'pkijs';
import { OID } from './pki';

/** OCSP responder URLs from the Authority Information Access extension. */
export function ocspUrls(certificate: pkijs.Certificate): string[] {
  const extension = certificate.extensions?.find((e) => e.extnID === OID.authorityInfoAccess);
  const info = extension?.parsedValue as pkijs.InfoAccess | undefined;
  return (info?.accessDescriptions ?? [])
    .filter((d) => d.accessMethod === OID.accessOcsp)
    .flatMap((d) => uri(d.accessLocation));
}

/** HTTP(S) URLs from the CRL Distribution Points extension. */
export function crlUrls(certificate: pkijs.Certificate): string[] {
  const extension = certificate.extensions?.find((e) => e.extnID === OID.crlDistributionPoints);
  const points = extension?.parsedValue as pkijs.CRLDistributionPoints | undefined;
  return (points?.distributionPoints ?? []).flatMap((point) =>
    Array.isArray(point.distributionPoint) ? point.distributionPoint.flatMap(uri) : [],
  );
}

const URI_TAG = 6;

function uri(name: pkijs.GeneralName): string[] {
  return name.type === URI_TAG && typeof name.value === 'string' && /^https?:\/\//i.test(name.value)
    ? [name.value]
    : [];
}
