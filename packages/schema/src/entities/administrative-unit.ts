import * as z from 'zod/mini';
import { described } from '../internal/described.js';

/**
 * The two levels of local government from 2025-07-01: the province (tỉnh or thành phố trực thuộc
 * trung ương) and the commune (xã, phường or đặc khu); the district level is gone (Law on
 * Organisation of Local Government 72/2025/QH15; the 34 provinces: Resolution 202/2025/QH15).
 */
export const AdministrativeLevel = described(
  z.enum(['province', 'commune']),
  'province = tỉnh / thành phố; commune = xã, phường or đặc khu.',
);
export type AdministrativeLevel = z.infer<typeof AdministrativeLevel>;

/**
 * What kind of commune-level unit it is. The kind decides the prefix of the official name
 * (`Phường`, `Xã`, `Đặc khu`) and some procedures differ between urban wards and rural communes.
 */
export const CommuneKind = described(
  z.enum(['ward', 'commune', 'special-zone']),
  'ward = phường (urban); commune = xã (rural); special-zone = đặc khu (islands).',
);
export type CommuneKind = z.infer<typeof CommuneKind>;

/**
 * An administrative unit (đơn vị hành chính) in force from 2025-07-01, as addresses and
 * receiving agencies name it. Codes are the General Statistics Office's, kept as strings because
 * their leading zeros are part of them (`01` Hà Nội, `00004` Phường Ba Đình).
 */
export const AdministrativeUnit = z
  .object({
    code: described(
      z.string().check(z.regex(/^(\d{2}|\d{5})$/)),
      'GSO code: 2 digits for a province, 5 digits for a commune.',
    ),
    name: described(
      z.string().check(z.minLength(1)),
      'Official name with its prefix, e.g. "Thành phố Đà Nẵng", "Phường Hải Châu".',
    ),
    level: AdministrativeLevel,
    kind: described(z.optional(CommuneKind), 'For a commune, its kind; absent for a province.'),
    parentCode: z.optional(
      described(z.string().check(z.regex(/^\d{2}$/)), 'For a commune, the code of its province.'),
    ),
    validFrom: described(
      z.iso.date(),
      'The date the unit took effect in this form, YYYY-MM-DD (2025-07-01).',
    ),
  })
  .register(z.globalRegistry, {
    id: 'AdministrativeUnit',
    description:
      'A province or commune of the two-level local government in force from 2025-07-01, with its GSO code.',
  });
export type AdministrativeUnit = z.infer<typeof AdministrativeUnit>;
