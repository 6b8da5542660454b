import * as z from 'zod/mini';
import {
  type Channel,
  type ChannelOption,
  type ImportIssue,
  type LegalBasis,
  Procedure,
  type ProcedureCase,
} from '../entities/procedure.js';
import { groupCases } from './group-cases.js';
import { InvalidNationalRecordError } from './invalid-national-record-error.js';
import {
  type NationalChannelRow,
  type NationalLegalBasisRow,
  NationalProcedureRecord,
} from './national-record.js';
import { deriveOnlineLevel } from './online-level.js';
import { parseDocuments } from './parse-documents.js';
import { parseFees } from './parse-fee.js';
import { parseLevels } from './parse-levels.js';
import { findUnitConflict, parseProcessingTime } from './parse-processing-time.js';
import { parseSteps } from './parse-steps.js';
import { optionalText, tidy, toNfcDeep } from './source-text.js';
import { splitList } from './split-list.js';

/** The channels of `hinh_thuc_nop`, by their lower-cased Vietnamese name. */
const CHANNELS: readonly (readonly [RegExp, Channel])[] = [
  [/^trực tiếp/u, 'in_person'],
  [/^trực tuyến|^qua mạng|^môi trường điện tử/u, 'online'],
  [/bưu chính/u, 'postal'],
];

/**
 * Turns one record of the National Database on Administrative Procedures into a
 * {@link Procedure}, and validates the result against the schema.
 *
 * Nothing in the source is dropped silently: a time limit, fee or document count the parsers
 * cannot read keeps its text (`processingTimeText`, `feeText`) and gets an `importIssues`
 * entry `{ path, sourceText, reason }`. The rules, each documented where it is applied:
 *
 * - cases and their channels: {@link groupCases} (the k-th row of each channel is case k);
 * - time limits: {@link parseProcessingTime}; "Không quy định" (no limit set) and a blank cell
 *   leave `processingTime` unset without an issue, since there is nothing unread;
 * - fees: {@link parseFees}; an empty `fees` list means free, a blank cell gives an empty list
 *   and no `feeText` (the database leaves the cell blank where no fee is set);
 * - documents: {@link parseDocuments}; the export does not split documents by case, so every
 *   case gets the same list, with the same codes;
 * - levels: {@link parseLevels}; agencies, target groups, results and keywords:
 *   {@link splitList}; steps: {@link parseSteps}; online level: {@link deriveOnlineLevel}.
 *
 * `formId` is left unset: forms are assigned per procedure by people, not by the importer.
 * The legacy online level (2, 3, 4) is not in the export and stays unset.
 *
 * @throws InvalidNationalRecordError when the record lacks what a procedure needs (a code, a
 *   name, a level of government), with zod's issues.
 */
export function importNationalProcedure(record: NationalProcedureRecord): Procedure {
  const normalised = toNfcDeep(record);
  const parsed = z.safeParse(NationalProcedureRecord, normalised);
  if (!parsed.success)
    throw new InvalidNationalRecordError(parsed.error.issues, codeOf(normalised));
  const source = parsed.data;
  const { metadata } = source;
  const content = source.content ?? {};
  const tables = source.tables ?? {};
  const code = metadata.mã_thủ_tục.trim();
  const name = tidy(metadata.tên_thủ_tục).replace(/\s+/g, ' ');
  const issues: ImportIssue[] = [];

  const levels = parseLevels(metadata.cấp_thực_hiện);
  if (levels.levels.length === 0) {
    throw new InvalidNationalRecordError(
      [
        {
          code: 'custom',
          path: ['metadata', 'cấp_thực_hiện'],
          message: `No level of government (Cấp Bộ, Cấp Tỉnh, Cấp Xã) in "${metadata.cấp_thực_hiện}".`,
          input: metadata.cấp_thực_hiện,
        },
      ],
      code,
    );
  }
  for (const entry of levels.unread) {
    issues.push({
      path: 'levels',
      sourceText: entry,
      reason: 'Not a level of government the schema has (ministry, province, commune).',
    });
  }

  const documents = parseDocuments(tables.thanh_phan_ho_so ?? []);
  const channelRows = tables.hinh_thuc_nop ?? [];
  if (channelRows.length === 0) {
    issues.push({
      path: 'cases[0].channels',
      sourceText: '',
      reason: 'The record lists no way to lodge a dossier (hinh_thuc_nop is empty).',
    });
  }
  const groups = groupCases(channelRows, name);
  const cases: ProcedureCase[] = groups.map((group, caseIndex) => {
    const channels: ChannelOption[] = [];
    for (const { row, index } of group.rows) {
      const channelText = tidy(row.hinh_thuc);
      const channel = CHANNELS.find(([pattern]) => pattern.test(channelText.toLowerCase()))?.[1];
      if (!channel) {
        // The whole row goes into the issue, so that its time and fee are not lost with it.
        const cells = [row.hinh_thuc, row.thoi_han_giai_quyet, row.phi_le_phi, row.mo_ta];
        issues.push({
          path: `cases[${caseIndex}].channels`,
          sourceText: cells.map((cell) => tidy(cell ?? '')).join(' | '),
          reason: `Row ${index} of hinh_thuc_nop: "${channelText}" is not a channel the schema has (in person, online, postal).`,
        });
        continue;
      }
      const path = `cases[${caseIndex}].channels[${channels.length}]`;
      channels.push(readChannel(channel, row, path, issues));
    }
    return {
      code: group.code,
      name: group.name,
      channels,
      // A copy per case: the lists are equal, not shared, so a consumer may edit one case.
      documents: documents.documents.map((document) => structuredClone(document)),
    };
  });
  for (const unread of documents.unread) {
    issues.push({
      // Documents are shared by every case; the issue names the first.
      path: `cases[0].documents[${unread.index}]`,
      sourceText: unread.sourceText,
      reason: unread.reason,
    });
  }

  const results = splitList(content.kết_quả_thực_hiện);
  const procedure: Procedure = {
    code,
    name,
    field: optionalText(metadata.lĩnh_vực) ?? '',
    levels: levels.levels,
    agencies: {
      implementing: splitList(content.cơ_quan_thực_hiện),
      competent: splitList(content.cơ_quan_có_thẩm_quyền),
      delegated: splitList(content.cơ_quan_được_ủy_quyền),
      coordinating: splitList(content.cơ_quan_phối_hợp),
    },
    targetGroups: splitList(content.đối_tượng_thực_hiện),
    steps: parseSteps(content.trình_tự_thực_hiện),
    results,
    legalBasis: readLegalBasis(tables.can_cu_phap_ly ?? []),
    onlineLevel: deriveOnlineLevel({
      channels: cases.flatMap((item) => item.channels.map((option) => option.channel)),
      texts: [content.cách_thức_thực_hiện ?? '', ...channelRows.map((row) => row.mo_ta ?? '')],
      results,
    }),
    keywords: splitList(content.từ_khóa),
    cases,
    importIssues: issues,
  };
  const optional = {
    type: optionalText(metadata.loại_thủ_tục),
    decision: optionalText(metadata.số_quyết_định),
    description: optionalText(content.mô_tả),
    conditions: optionalText(content.yêu_cầu_điều_kiện_thực_hiện),
    receivingAddress: optionalText(content.địa_chỉ_tiếp_nhận_hs),
  };
  for (const [key, value] of Object.entries(optional)) {
    if (value !== undefined) Object.assign(procedure, { [key]: value });
  }
  // The contract is the schema: an importer bug must fail here, not in a consumer.
  return z.parse(Procedure, procedure);
}

/** One `hinh_thuc_nop` row as a channel option; unread parts go to `issues`. */
function readChannel(
  channel: Channel,
  row: NationalChannelRow,
  path: string,
  issues: ImportIssue[],
): ChannelOption {
  const option: ChannelOption = { channel, fees: [] };

  const timeText = tidy(row.thoi_han_giai_quyet ?? '');
  const time = parseProcessingTime(timeText, row.mo_ta);
  if (timeText !== '') option.processingTimeText = timeText;
  if (time.kind === 'parsed') {
    option.processingTime = time.value;
    const conflict = findUnitConflict(time.value, row.mo_ta);
    if (conflict !== undefined) {
      issues.push({
        path: `${path}.processingTime`,
        sourceText: timeText,
        reason: `Read as published, but the row's description gives "${conflict}" for the same figure.`,
      });
    }
  }
  if (time.kind === 'unparsed') {
    issues.push({ path: `${path}.processingTime`, sourceText: timeText, reason: time.reason });
  }

  const feeText = tidy(row.phi_le_phi ?? '');
  const fees = parseFees(feeText);
  if (feeText !== '') option.feeText = feeText;
  option.fees = fees.fees;
  for (const unread of fees.unread) {
    issues.push({ path: `${path}.fees`, sourceText: unread.sourceText, reason: unread.reason });
  }

  const description = optionalText(row.mo_ta);
  if (description !== undefined) option.description = description;
  return option;
}

/** The legal basis rows; a row with neither number nor title is skipped. */
function readLegalBasis(rows: readonly NationalLegalBasisRow[]): LegalBasis[] {
  return rows
    .map((row) => ({
      number: tidy(row.so_ky_hieu ?? '').replace(/\s+/g, ' '),
      title: tidy(row.trich_yeu ?? '').replace(/\s+/g, ' '),
    }))
    .filter((row) => row.number !== '' || row.title !== '');
}

/** The procedure code of a record that failed validation, for the error message. */
function codeOf(record: unknown): string | undefined {
  if (typeof record !== 'object' || record === null) return undefined;
  const { metadata, thu_tuc_id } = record as { metadata?: unknown; thu_tuc_id?: unknown };
  const code =
    typeof metadata === 'object' && metadata !== null
      ? (metadata as Record<string, unknown>).mã_thủ_tục
      : undefined;
  if (typeof code === 'string' && code.trim() !== '') return code.trim();
  return typeof thu_tuc_id === 'string' ? thu_tuc_id : undefined;
}
