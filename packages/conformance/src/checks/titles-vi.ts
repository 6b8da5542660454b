/**
 * Each check's rule in Vietnamese, the report's first language (the English is the check's own
 * `title`). A test holds every check to having one.
 */
export const TITLES_VI: Readonly<Record<string, string>> = {
  'system.health': 'Kiểm tra hoạt động trả về 200 với nội dung Health',
  'system.openapi': 'Tài liệu OpenAPI 3.1 có tại /api/v1/openapi.json và liệt kê mọi thao tác',
  'system.unknown-path': 'Đường dẫn API không tồn tại trả về 404 dạng problem',
  'system.json-body': 'Nội dung không phải JSON trả về 415; JSON hỏng trả về 400; đều dạng problem',
  'procedures.list': 'Danh sách thủ tục phân trang: limit giới hạn trang, nextCursor dẫn tiếp',
  'procedures.invalid-query': 'Bộ lọc hoặc cỡ trang sai trả về 400, nêu đúng tham số',
  'procedures.bad-cursor': 'Con trỏ trang giả mạo trả về 400 nêu cursor, không bao giờ 500',
  'procedures.get': 'Trả về thủ tục và biểu mẫu; mã hoặc trường hợp không có trả về 404',
  'units.list': 'Đơn vị hành chính được liệt kê, tìm kiếm, tra cứu; đơn vị không có trả về 404',
  'agencies.list': 'Danh sách cơ quan; cấp không hợp lệ trả về 400',
  'statistics.on-time': 'Thống kê đúng hạn theo kỳ; thiếu ngày hoặc ngày không có thật trả về 400',
  'auth.missing-token': 'Mọi thao tác không công khai trả về 401 khi thiếu token',
  'auth.invalid-token': 'Token không hợp lệ — không phải JWT, chữ ký bị sửa, alg none — trả về 401',
  'auth.expired-token': 'Token hết hạn trả về 401',
  'auth.wrong-role': 'Thao tác của công dân từ chối cán bộ và ngược lại, với 403',
  'auth.other-owner':
    'Công dân khác, và cán bộ khi hồ sơ còn là bản nháp, không xem hay sửa được hồ sơ: 404 như không tồn tại',
  'dossiers.create-invalid':
    'Bản nháp không hợp lệ trả về 400 nêu từng trường sai, bằng tiếng Việt và tiếng Anh',
  'dossiers.create': 'Tạo bản nháp trả về 201, trạng thái draft và ETag; chủ hồ sơ đọc lại được',
  'idempotency.replay':
    'Gửi lại createDossier cùng Idempotency-Key trả về hồ sơ đầu tiên, không tạo hồ sơ thứ hai',
  'idempotency.conflict': 'Cùng Idempotency-Key cho yêu cầu khác bị từ chối (422), không tạo gì',
  'etag.if-match': 'Bản nháp chỉ đổi được với ETag hiện tại: 428 khi thiếu If-Match, 412 khi đã cũ',
  'dossiers.delete':
    'Người nộp xóa được bản nháp bằng ETag hiện tại (204, sau đó 404); hồ sơ đã nộp thì không bao giờ (409)',
  'dossiers.submit-incomplete':
    'Nộp hồ sơ thiếu trả về 422 nêu mọi thiếu sót, hồ sơ vẫn là bản nháp',
  'dossiers.submit':
    'Hồ sơ đủ được nộp một lần: mã, mã kiểm tra, sự kiện; gửi lại trả kết quả cũ; nộp lần nữa trả về 409',
  'dossiers.list-mine':
    'Danh sách hồ sơ của công dân phân trang: limit, nextCursor, từ chối con trỏ giả',
  'dossiers.withdraw': 'Rút hồ sơ đã nộp kèm lý do; hồ sơ đã kết thúc từ chối với 409',
  'uploads.accept': 'Nhận PDF và PNG theo nội dung tệp, trả lại đúng tệp cho chủ hồ sơ',
  'uploads.content-type': 'Tệp có nội dung khác với tên của nó trả về 415',
  'uploads.size':
    'Tệp vượt giới hạn của giấy tờ trả về 413; tệp rỗng, thiếu tệp hoặc giấy tờ không có trả về 400',
  'uploads.count': 'Hồ sơ giữ tối đa số tệp cho phép; thêm một tệp trả về 409 dossier_file_limit',
  'uploads.idempotent':
    'Tải lên lặp lại cùng Idempotency-Key chỉ trả kết quả cũ khi đúng các byte cũ',
  'status.journey':
    'Hồ sơ đi qua mọi thao tác của cán bộ đến khi trả kết quả; mỗi trạng thái từ chối (409) thao tác không được phép',
  'status.events': 'Mỗi thao tác thêm đúng một sự kiện, cũ trước mới sau, với trạng thái từ → đến',
  'surveys.answer':
    'Hồ sơ đã trả kết quả mở khảo sát cho chủ hồ sơ; trả lời đầu là 201, trả lời lại thay thế (200)',
  'lookup.found': 'Mã hồ sơ và mã kiểm tra trên phiếu tìm được hồ sơ, không lộ dữ liệu cá nhân',
  'lookup.no-enumeration':
    'Sai mã kiểm tra và mã không tồn tại trả về cùng một 404; thiếu mã kiểm tra trả về 400',
  'lookup.result':
    'Người giữ phiếu tải được kết quả bằng mã và mã kiểm tra; sai mã kiểm tra trả về 404',
  'notifications.preferences':
    'Người dùng xem và đổi cách nhận thông báo; địa chỉ không hợp lệ trả về 400',
  'statistics.services':
    'Thống kê dịch vụ trả lời cán bộ, từ chối công dân (403) và thiếu ngày (400)',
  'admin.notifications':
    'Hộp thư đi, webhook và mẫu thông báo trả lời quản trị viên, từ chối cán bộ (403)',
  'client.journey':
    'Thư viện @egov-kit/client nộp, theo dõi và tra cứu hồ sơ trên hệ thống này, kiểm tra mọi câu trả lời',
};
