/** Object identifiers of CMS (RFC 5652), ESS (RFC 2634, RFC 5035) and RFC 3161 used here. */
export const OID = {
  data: '1.2.840.113549.1.7.1',
  signedData: '1.2.840.113549.1.7.2',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingTime: '1.2.840.113549.1.9.5',
  signingCertificate: '1.2.840.113549.1.9.16.2.12',
  signingCertificateV2: '1.2.840.113549.1.9.16.2.47',
  /** id-aa-signatureTimeStampToken (RFC 3161 Appendix A): CAdES-T's unsigned attribute. */
  signatureTimeStampToken: '1.2.840.113549.1.9.16.2.14',
  extendedKeyUsage: '2.5.29.37',
  /** id-kp-timeStamping (RFC 3161 §2.3). */
  timeStamping: '1.3.6.1.5.5.7.3.8',
  keyUsage: '2.5.29.15',
  subjectKeyIdentifier: '2.5.29.14',
} as const;
