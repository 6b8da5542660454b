import type { LocalizedText } from '@egov-kit/schema';

/** The texts of the errors the client makes itself (the server's come in the asked language). */
export const MESSAGES = {
  network: {
    vi: 'Không kết nối được với máy chủ. Hãy kiểm tra mạng rồi thử lại.',
    en: 'Could not reach the server. Check your connection and try again.',
  },
  timeout: {
    vi: 'Máy chủ không trả lời kịp. Hãy thử lại sau ít phút.',
    en: 'The server took too long to answer. Try again in a few minutes.',
  },
  invalidResponse: {
    vi: 'Máy chủ trả về dữ liệu không đúng định dạng. Hãy thử lại sau hoặc báo cho cơ quan.',
    en: 'The server sent data in an unexpected form. Try again later or tell the agency.',
  },
} as const satisfies Record<string, LocalizedText>;

/** A message for an HTTP error that came without a problem body (a proxy's 502, say). */
export function httpStatusMessage(status: number): LocalizedText {
  if (status === 401) return { vi: 'Phiên đăng nhập đã hết hạn.', en: 'Your sign-in has expired.' };
  if (status === 403) return { vi: 'Bạn không có quyền làm việc này.', en: 'You may not do this.' };
  if (status === 404) return { vi: 'Không tìm thấy.', en: 'Not found.' };
  if (status === 429)
    return { vi: 'Quá nhiều yêu cầu; hãy thử lại sau.', en: 'Too many requests; try again later.' };
  if (status >= 500)
    return {
      vi: `Máy chủ đang gặp sự cố (lỗi ${status}). Hãy thử lại sau.`,
      en: `The server has a problem (error ${status}). Try again later.`,
    };
  return {
    vi: `Yêu cầu bị từ chối (lỗi ${status}).`,
    en: `The request was refused (error ${status}).`,
  };
}

/** A size for people: bytes, KB or MB. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
