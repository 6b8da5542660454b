/**
 * The satisfaction-survey and statistics journey of issue #15, as a check for run.mjs: the
 * citizen opens a returned dossier (the seeded HS-DEMO-000005, returned 8 days ago), follows the
 * tracker's "rate" action, rates two criteria in words and sends a comment; then the officer
 * follows the inbox's link to the agency's statistics and finds the dossier counted — received,
 * resolved on time, one rating — with its scores (the e2e server shows groups of one:
 * SURVEY_MIN_GROUP=1; the default of 5 withholds them). The API is asked the same, to check
 * that the page shows the server's numbers and that nothing names the citizen.
 */
import assert from 'node:assert/strict';

const CODE = 'HS-DEMO-000005';

/** My dossiers → the returned dossier → the tracker's "rate" action → the survey. */
async function citizenRates(j) {
  const { page, person } = j;
  await j.visit('/my.html');
  const signIn = page.getByRole('button', { name: 'Đăng nhập demo: công dân' });
  if (await signIn.isVisible().catch(() => false)) await person.press(signIn);
  const row = page.getByRole('row').filter({ hasText: CODE });
  await row.waitFor();
  await person.press(row.getByRole('link').first());
  const tracker = page.locator('egov-dossier-tracker');
  await person.press(tracker.getByRole('button', { name: 'Đánh giá dịch vụ' }).first());
  const survey = page.locator('egov-satisfaction-survey');
  await survey.getByRole('group', { name: /Hài lòng chung/ }).waitFor();
  await j.step('survey-open', { axe: true });
  // Each criterion is a group of radio buttons named in words.
  const overall = survey.getByRole('group', { name: /Hài lòng chung về dịch vụ/ });
  await person.checkRadio(overall.getByRole('radio', { name: 'Hài lòng', exact: true }));
  const staff = survey.getByRole('group', { name: /Cán bộ hướng dẫn/ });
  await person.checkRadio(staff.getByRole('radio', { name: 'Rất hài lòng', exact: true }));
  await person.fill(
    survey.getByRole('textbox', { name: /Góp ý thêm/ }),
    'Cảm ơn chị Lan ở quầy số 3.',
  );
  await person.press(survey.getByRole('button', { name: 'Gửi đánh giá' }));
  await survey.getByText('Cảm ơn bạn đã đánh giá.').waitFor();
  await survey.getByText('4 – Hài lòng').waitFor();
  await j.step('survey-sent', { axe: true });
}

/** The inbox → "Thống kê của cơ quan" → the dashboard's table. */
async function officerReadsStatistics(j, expected) {
  const { page, person } = j;
  await j.visit('/officer/');
  const signIn = page.getByRole('button', { name: 'Đăng nhập demo: cán bộ' });
  if (await signIn.isVisible().catch(() => false)) await person.press(signIn);
  await person.press(page.getByRole('link', { name: 'Thống kê của cơ quan' }));
  await page.waitForURL(/\/officer\/statistics\.html/);
  const stats = page.locator('egov-service-stats');
  const table = stats.getByRole('table', { name: 'Bảng số liệu' });
  await table.waitFor();
  await stats.locator('.bars').first().waitFor();
  await j.step('statistics', { axe: true });
  const total = table.locator('tfoot tr');
  const cells = await total.locator('td').allTextContents();
  const heads = await table.locator('thead th').allTextContents();
  const cell = (name) => cells[heads.indexOf(name) - 1]?.trim();
  assert.equal(cell('Tiếp nhận'), String(expected.received));
  assert.equal(cell('Đúng hạn'), String(expected.resolvedOnTime));
  assert.equal(cell('Lượt đánh giá'), String(expected.satisfaction.responses));
  assert.equal(
    cell('Mức độ hài lòng (1–5)'),
    expected.satisfaction.average.toFixed(2).replace('.', ','),
  );
  // The scores per criterion, in their own table beside their chart.
  const scores = stats.getByRole('table', { name: 'Điểm hài lòng theo tiêu chí' });
  await scores.getByRole('row', { name: /Hài lòng chung về dịch vụ\s*4,00/ }).waitFor();
  await scores.getByRole('row', { name: /Cán bộ hướng dẫn.*5,00/ }).waitFor();
  // Back to the inbox, and the page prints as a table.
  await page.emulateMedia({ media: 'print' });
  await j.step('statistics-print', { axe: false });
  await page.emulateMedia({ media: 'screen' });
  return cells;
}

export function surveyChecks({ desktop, server, demoToken }) {
  return [
    {
      name: 'the citizen rates a returned dossier; the dashboard counts it with its scores',
      journey: { name: 'survey-statistics', context: desktop, way: 'mouse' },
      run: async (j) => {
        await citizenRates(j);
        const token = await demoToken('officer');
        // The dashboard's default period: the last twelve months, Vietnam time.
        const day = (ms) => new Date(ms + 7 * 3_600_000).toISOString().slice(0, 10);
        const today = day(Date.now());
        const from = day(Date.now() - 365 * 86_400_000);
        const response = await fetch(
          `${server.url}/api/v1/statistics/services?from=${from}&to=${today}&groupBy=month`,
          { headers: { authorization: `Bearer ${token}` } },
        );
        assert.equal(response.status, 200);
        const body = await response.json();
        const text = JSON.stringify(body);
        assert.doesNotMatch(text, /citizen-demo|Nguyễn Văn An|HS-DEMO|quầy số 3/);
        const { total } = body;
        assert.ok(total.satisfaction.responses >= 1, 'the rating is not counted');
        assert.equal(total.satisfaction.suppressed, false);
        const overall = total.satisfaction.criteria.find((c) => c.criterion === 'overall');
        assert.equal(overall.average, 4);
        await officerReadsStatistics(j, total);
        return `${total.received} received, ${total.resolvedOnTime} on time, ${total.satisfaction.responses} rating(s), mean ${total.satisfaction.average}`;
      },
    },
  ];
}
