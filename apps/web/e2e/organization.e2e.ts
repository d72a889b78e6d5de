import type { Locator, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { saveScreenshot } from './browser.ts';
import { addDays, journey, testToday, tinyPdf, url, vn } from './harness.ts';
import { choose, DEMO_PASSWORD, NEW_PASSWORD, noToasts, signIn, toast } from './session.ts';

/*
 * The organisation of a steering committee, end to end on the Phúc La demo: the secretary (huan.vt) adds a
 * member with two duties, edits duties through a concurrent change, records the head's delegation to the
 * deputy and proposes a personnel change with the unit's PDF report; the head (hang.ntt) approves it from her
 * notification and finds the replacement with the duties handed over (R7, R3/R4, R14). The administrator
 * creates the two new accounts, looks at the committee tree and the 2026 working calendar (Tết 14/02–22/02).
 * One browser context per person, so each signs in once; steps run in order.
 */

/** The password journey.e2e.ts gives the administrator; it runs first on the same server (name order). */
const JOURNEY_ADMIN_PASSWORD = 'QuanTri2024moi';
const COMMITTEE = 'Ban Chỉ đạo Cải cách hành chính, Chuyển đổi số và Đề án 06 phường Phúc La';

/** Two new people of Phường Phúc La (sample data): a new member, and the replacement of Lê Quang Minh. */
const NEW_MEMBER = { username: 'ngoc.pt', fullName: 'Phan Thị Ngọc', position: 'Công chức Văn phòng (mẫu)' };
const REPLACEMENT = { username: 'duc.lm', fullName: 'Lê Minh Đức', position: 'Công chức Địa chính (mẫu)' };
const DUTIES = [
  { domain: 'CCHC', text: 'Theo dõi bộ phận một cửa và kết quả giải quyết thủ tục hành chính' },
  { domain: 'CĐS', text: 'Hướng dẫn người dân sử dụng dịch vụ công trực tuyến' },
];

const j = journey('organization');
let admin: Page;
let secretary: Page;
let head: Page;
/** The page of the step running, for the failure screenshot. */
let committeeId = '';

const today = testToday;
const inDays = (days: number) => addDays(today, days);

/** Types a date (dd/MM/yyyy) into a date field and leaves it, as a user would. */
async function fillDate(field: Locator, iso: string) {
  await field.fill(vn(iso));
  await field.blur();
}

/** Picks an option of a Mantine select by typing (searchable) or opening it. */
/** Chooses an option of a segmented control (its radio inputs are visually hidden). */
async function segment(page: Page, group: string, option: string) {
  await page.getByRole('radiogroup', { name: group }).getByText(option, { exact: true }).click();
}

async function openTab(page: Page, name: string) {
  await page.getByRole('tablist', { name: 'Các mục của Ban Chỉ đạo' }).getByRole('tab', { name }).click();
}

/** The CSRF token of a page's session, for calling the API directly as that person. */
async function csrfOf(page: Page): Promise<string> {
  const me = await page.request.get(url('/api/v1/me'));
  return ((await me.json()) as { csrfToken: string }).csrfToken;
}

beforeAll(async () => {
  admin = await j.openPage();
  secretary = await j.openPage();
  head = await j.openPage();
});

describe('the organisation of BCĐ phường Phúc La', () => {
  it('lets the administrator create the two new accounts in Phường Phúc La', async () => {
    j.current = admin;
    await signIn(admin, 'admin', [DEMO_PASSWORD, JOURNEY_ADMIN_PASSWORD]);
    await admin.goto(url('/quan-tri/nguoi-dung'));
    for (const person of [NEW_MEMBER, REPLACEMENT]) {
      await admin.getByRole('button', { name: 'Thêm người dùng' }).click();
      const dialog = admin.getByRole('dialog', { name: 'Thêm người dùng' });
      await dialog.getByLabel('Tên đăng nhập').fill(person.username);
      await dialog.getByLabel('Họ và tên').fill(person.fullName);
      await dialog.getByLabel('Chức vụ').fill(person.position);
      await choose(admin, dialog.getByRole('textbox', { name: 'Đơn vị' }), /^Phường Phúc La/, 'Phúc La');
      await dialog.getByRole('button', { name: 'Tạo tài khoản' }).click();
      const secret = admin.getByRole('dialog', { name: 'Mật khẩu khởi tạo' });
      await secret.getByRole('button', { name: 'Tôi đã lưu mật khẩu' }).click();
      await secret.waitFor({ state: 'hidden' });
    }
  });

  it('shows the committees as a tree across levels, merged ones marked', async () => {
    j.current = admin;
    await admin
      .getByRole('navigation', { name: 'Điều hướng chính' })
      .getByRole('link', { name: 'Ban Chỉ đạo' })
      .click();
    await admin.waitForURL(/\/ban-chi-dao$/);
    const tree = admin.getByRole('list', { name: 'Cây Ban Chỉ đạo các cấp' });
    await tree.getByRole('link', { name: /tỉnh Bình Định$/ }).waitFor();
    await tree.getByRole('button', { name: 'Mở các Ban Chỉ đạo cấp dưới của BCĐ thành phố Hà Nội' }).click();
    await tree.getByRole('button', { name: 'Mở các Ban Chỉ đạo cấp dưới của BCĐ quận Hà Đông' }).click();
    await tree.getByRole('link', { name: /phường Văn Quán$/ }).waitFor();
    await tree.getByRole('link', { name: COMMITTEE }).waitFor();
    expect(await tree.getByText('Đã hợp nhất').count()).toBe(3);
    await noToasts(admin);
    await saveScreenshot(admin, 'committee-tree');
  });

  it('opens BCĐ phường Phúc La as its secretary, from "Của tôi"', async () => {
    j.current = secretary;
    await signIn(secretary, 'huan.vt', [DEMO_PASSWORD, NEW_PASSWORD]);
    // The account list stays the administrators' (403); the people pickers search the committee's candidates.
    expect((await secretary.request.get(url('/api/v1/users?q=ngoc'))).status()).toBe(403);
    await secretary
      .getByRole('navigation', { name: 'Điều hướng chính' })
      .getByRole('link', { name: 'Ban Chỉ đạo' })
      .click();
    await segment(secretary, 'Phạm vi', 'Của tôi');
    await secretary.waitForURL(/mine=true/);
    await secretary
      .getByRole('list', { name: 'Ban Chỉ đạo của tôi' })
      .getByRole('link', { name: COMMITTEE })
      .click();
    await secretary.getByRole('heading', { name: COMMITTEE, level: 1 }).waitFor();
    committeeId = new URL(secretary.url()).pathname.split('/').at(-1)!;
    const facts = secretary.getByText('51/QĐ-UBND ngày 06/03/2024');
    expect(await facts.isVisible()).toBe(true);
    expect(await secretary.getByText('Thư ký (cơ quan thường trực)').first().isVisible()).toBe(true);
  });

  it('adds a member with two duties, the new person found by name', async () => {
    j.current = secretary;
    await secretary.getByRole('button', { name: 'Bổ sung thành viên' }).click();
    const dialog = secretary.getByRole('dialog', { name: 'Bổ sung thành viên' });
    // An empty form is refused field by field, before any request.
    await dialog.getByRole('button', { name: 'Bổ sung', exact: true }).click();
    await dialog.getByText('Vui lòng nhập thông tin này').first().waitFor();

    await choose(
      secretary,
      dialog.getByRole('textbox', { name: 'Người được bổ sung' }),
      new RegExp(`^${NEW_MEMBER.fullName}`),
      'Phan Thị Ngọc',
    );
    for (const [index, duty] of DUTIES.entries()) {
      await dialog.getByRole('button', { name: 'Thêm nhiệm vụ' }).click();
      await choose(
        secretary,
        dialog.getByRole('textbox', { name: `Lĩnh vực của nhiệm vụ ${index + 1}` }),
        new RegExp(`^${duty.domain}$`),
      );
      await dialog.getByRole('textbox', { name: `Nội dung nhiệm vụ ${index + 1}` }).fill(duty.text);
    }
    await dialog.getByRole('textbox', { name: 'Số, ký hiệu' }).fill('25/QĐ-BCĐ');
    await fillDate(dialog.getByRole('textbox', { name: 'Ngày ban hành' }), today);
    await dialog.getByRole('textbox', { name: 'Người ký' }).fill('Nguyễn Thị Thu Hằng');
    await dialog.getByRole('button', { name: 'Bổ sung', exact: true }).click();
    await dialog.waitFor({ state: 'hidden' });
    await toast(secretary, `Đã bổ sung ${NEW_MEMBER.fullName} vào Ban Chỉ đạo`);

    const table = secretary.getByRole('table', { name: 'Thành viên Ban Chỉ đạo' });
    const row = table.getByRole('row').filter({ hasText: NEW_MEMBER.fullName });
    await row.waitFor();
    expect(await row.getByText(`25/QĐ-BCĐ ngày ${vn(today)}`).isVisible()).toBe(true);
    await noToasts(secretary);
    await saveScreenshot(secretary, 'committee-members');
  });

  it('refuses an Excel import with bad rows, listing them, and writes nothing', async () => {
    j.current = secretary;
    const template = await secretary.request.get(url('/api/v1/committees/members-template.xlsx'));
    expect(template.status()).toBe(200);
    await secretary.getByRole('button', { name: 'Nhập từ Excel' }).click();
    const dialog = secretary.getByRole('dialog', { name: 'Nhập danh sách thành viên từ Excel' });
    await dialog.locator('input[type="file"]').setInputFiles({
      name: 'mau-nhap-thanh-vien.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: await template.body(),
    });
    await dialog.getByRole('button', { name: 'Nhập danh sách' }).click();
    const rows = dialog.getByRole('table', { name: 'Các dòng cần sửa' });
    await rows.getByText('Không tìm thấy tài khoản "nguyen.van.a"').waitFor();
    expect(await dialog.getByText('Tệp có dòng không hợp lệ').isVisible()).toBe(true);
    await dialog.getByRole('button', { name: 'Hủy' }).click();
  });

  it('shows the duties by domain and survives a concurrent edit (409, reload)', async () => {
    j.current = secretary;
    await openTab(secretary, 'Phân công nhiệm vụ');
    const cchc = secretary.getByRole('region', { name: 'Cải cách hành chính' });
    await cchc.getByText(DUTIES[0]!.text).waitFor();
    expect(
      await secretary.getByRole('region', { name: 'Chuyển đổi số' }).getByText(DUTIES[1]!.text).isVisible(),
    ).toBe(true);

    await secretary
      .getByRole('button', { name: `Sửa nhiệm vụ của ${NEW_MEMBER.fullName}` })
      .first()
      .click();
    const dialog = secretary.getByRole('dialog', { name: `Phân công nhiệm vụ: ${NEW_MEMBER.fullName}` });
    await dialog.getByText('Đang sửa từ phiên bản 1').waitFor();

    // Meanwhile someone else saves version 2.
    const members = (await (
      await secretary.request.get(url(`/api/v1/committees/${committeeId}/members`))
    ).json()) as { items: { id: string; fullName: string }[] };
    const seat = members.items.find((m) => m.fullName === NEW_MEMBER.fullName)!;
    const dutiesUrl = url(`/api/v1/committees/${committeeId}/members/${seat.id}/duties`);
    const list = (await (await secretary.request.get(dutiesUrl)).json()) as {
      items: { id: string; domain: string | null; text: string }[];
    };
    const concurrent = await secretary.request.put(dutiesUrl, {
      headers: { 'X-CSRF-Token': await csrfOf(secretary) },
      data: {
        baseVersion: 1,
        items: list.items.map(({ id, domain, text }) => ({ id, domain, text })),
        note: 'Rà soát đồng thời',
      },
    });
    expect(concurrent.status()).toBe(200);

    await dialog.getByRole('button', { name: 'Thêm nhiệm vụ' }).click();
    await dialog.getByRole('textbox', { name: 'Nội dung nhiệm vụ 3' }).fill('Tổng hợp ý kiến người dân');
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    await dialog.getByRole('alert').getByText('Phân công nhiệm vụ vừa được người khác thay đổi').waitFor();
    await dialog.getByRole('button', { name: 'Tải lại bản mới nhất' }).click();
    await dialog.getByText('Đang sửa từ phiên bản 2').waitFor();
    await dialog.getByRole('button', { name: 'Thêm nhiệm vụ' }).click();
    await dialog
      .getByRole('textbox', { name: 'Nội dung nhiệm vụ 3' })
      .fill('Tổng hợp ý kiến người dân về CCHC');
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await toast(secretary, `Đã lưu phiên bản 3 nhiệm vụ của ${NEW_MEMBER.fullName}`);
    await secretary
      .getByRole('region', { name: 'Chung' })
      .getByText('Tổng hợp ý kiến người dân về CCHC')
      .waitFor();
    await noToasts(secretary);
    await saveScreenshot(secretary, 'committee-duties');
  });

  it("records the head's delegation to the deputy head, citing the document", async () => {
    j.current = secretary;
    await openTab(secretary, 'Ủy quyền');
    await secretary.getByRole('button', { name: 'Ghi nhận ủy quyền' }).click();
    const dialog = secretary.getByRole('dialog', { name: 'Ghi nhận ủy quyền của Trưởng Ban' });
    expect(await dialog.getByRole('textbox', { name: 'Người ủy quyền' }).inputValue()).toBe(
      'Nguyễn Thị Thu Hằng',
    );
    await choose(secretary, dialog.getByRole('textbox', { name: 'Người được ủy quyền' }), /^Đỗ Minh Tuấn/);
    await dialog.getByRole('checkbox', { name: 'Ký văn bản (KT. Trưởng Ban)' }).check();
    await fillDate(dialog.getByRole('textbox', { name: 'Đến ngày' }), inDays(90));
    // The secretary is not the head: the head's document is required (R4), first refused without it.
    await dialog.getByRole('button', { name: 'Ghi nhận' }).click();
    await dialog.getByText('Vui lòng nhập thông tin này').first().waitFor();
    await dialog.getByRole('textbox', { name: 'Số, ký hiệu' }).fill('30/QĐ-BCĐ');
    await fillDate(dialog.getByRole('textbox', { name: 'Ngày ban hành' }), today);
    await dialog.getByRole('textbox', { name: 'Người ký' }).fill('Nguyễn Thị Thu Hằng');
    await dialog.getByRole('button', { name: 'Ghi nhận' }).click();
    await dialog.waitFor({ state: 'hidden' });

    const row = secretary.getByRole('table', { name: 'Danh sách ủy quyền' }).getByRole('row').filter({
      hasText: 'Đỗ Minh Tuấn',
    });
    await row.getByText('Đang hiệu lực').waitFor();
    expect(await row.getByText(`30/QĐ-BCĐ ngày ${vn(today)}`).isVisible()).toBe(true);
    expect(await row.getByText('Chủ trì cuộc họp').isVisible()).toBe(true);
    await noToasts(secretary);
    await saveScreenshot(secretary, 'committee-delegations');
  });

  it("proposes Lê Quang Minh's replacement with the unit's PDF report", async () => {
    j.current = secretary;
    await openTab(secretary, 'Thành viên');
    await secretary.getByRole('button', { name: 'Thao tác với Lê Quang Minh' }).click();
    await secretary.getByRole('menuitem', { name: 'Đề xuất thay thế' }).click();
    const dialog = secretary.getByRole('dialog', { name: 'Đề xuất thay thế thành viên' });
    expect(await dialog.getByRole('textbox', { name: 'Thành viên được thay thế' }).inputValue()).toMatch(
      /^Lê Quang Minh/,
    );
    await choose(
      secretary,
      dialog.getByRole('textbox', { name: 'Người thay thế' }),
      new RegExp(`^${REPLACEMENT.fullName}`),
      'Lê Minh Đức',
    );
    await dialog.getByRole('textbox', { name: 'Số văn bản báo cáo của đơn vị' }).fill('12/BC-UBND');
    await dialog.locator('input[type="file"]').setInputFiles({
      name: 'bao-cao-thay-doi-nhan-su.pdf',
      mimeType: 'application/pdf',
      buffer: tinyPdf('Bao cao thay doi nhan su'),
    });
    await dialog.getByRole('textbox', { name: 'Lý do thay đổi' }).fill('Ông Lê Quang Minh chuyển công tác');
    await dialog.getByRole('button', { name: 'Gửi đề xuất' }).click();
    await dialog.waitFor({ state: 'hidden' });

    await openTab(secretary, 'Nhân sự');
    const card = secretary.getByRole('article', { name: `Lê Quang Minh → ${REPLACEMENT.fullName}` });
    await card.getByText('Chờ Trưởng Ban quyết định').waitFor();
    expect(await card.getByRole('link', { name: /bao-cao-thay-doi-nhan-su\.pdf/ }).isVisible()).toBe(true);
    // The secretary proposes; only the head decides.
    expect(await card.getByRole('button', { name: 'Duyệt', exact: true }).count()).toBe(0);
  });

  it('lets the head approve it from her notification, and shows what moved', async () => {
    j.current = head;
    await signIn(head, 'hang.ntt', [DEMO_PASSWORD, NEW_PASSWORD]);
    await noToasts(head);
    await head.getByRole('button', { name: /^Thông báo \([1-9]\d* chưa đọc\)$/ }).click();
    const inbox = head.getByRole('dialog', { name: 'Thông báo' });
    const item = inbox.getByText(`Đề xuất thay thế thành viên: Lê Quang Minh → ${REPLACEMENT.fullName}`);
    await item.waitFor();
    await saveScreenshot(head, 'notifications', { fullPage: false });
    await item.click();
    await head.waitForURL(new RegExp(`/ban-chi-dao/${committeeId}\\?tab=thanh-vien`));
    await head.getByRole('heading', { name: COMMITTEE, level: 1 }).waitFor();

    await openTab(head, 'Nhân sự');
    const card = head.getByRole('article', { name: `Lê Quang Minh → ${REPLACEMENT.fullName}` });
    await card.getByRole('button', { name: 'Duyệt', exact: true }).click();
    const dialog = head.getByRole('dialog', { name: 'Duyệt thay thế thành viên' });
    await dialog.getByRole('textbox', { name: 'Ý kiến của Trưởng Ban' }).fill('Đồng ý.');
    await dialog.getByRole('button', { name: 'Duyệt', exact: true }).click();
    const done = head.getByRole('dialog', { name: 'Đã duyệt thay thế thành viên' });
    await done.getByRole('list', { name: 'Đã chuyển cho người thay thế' }).getByText('4 nhiệm vụ').waitFor();
    expect(await done.getByText('1 vị trí trong tổ giúp việc').isVisible()).toBe(true);
    await done.getByRole('button', { name: 'Đóng' }).click();
    await card.getByText('Đã duyệt').waitFor();
    await noToasts(head);
    await saveScreenshot(head, 'committee-personnel');
  });

  it('shows the replacement among the members, with the duties handed over', async () => {
    j.current = head;
    await openTab(head, 'Thành viên');
    const table = head.getByRole('table', { name: 'Thành viên Ban Chỉ đạo' });
    await table.getByRole('button', { name: REPLACEMENT.fullName, exact: true }).waitFor();
    expect(await table.getByText('Lê Quang Minh').count()).toBe(0);
    await table.getByRole('button', { name: REPLACEMENT.fullName, exact: true }).click();
    const drawer = head.getByRole('dialog', { name: 'Hồ sơ thành viên' });
    const duties = drawer.getByRole('list', { name: 'Nhiệm vụ hiện tại' });
    await duties.getByText(/Thực hiện các nhiệm vụ khác theo sự phân công/).waitFor();
    expect(await duties.getByRole('listitem').count()).toBe(4);
    expect(await drawer.getByText('Chuyển giao theo thay đổi nhân sự', { exact: true }).isVisible()).toBe(
      true,
    );
    await head.keyboard.press('Escape');
    await drawer.waitFor({ state: 'hidden' });

    // History keeps the outgoing member, with the reason.
    await segment(head, 'Hiển thị', 'Toàn bộ lịch sử');
    await table
      .getByRole('row')
      .filter({ hasText: 'Lê Quang Minh' })
      .getByText('Đã có người thay thế')
      .waitFor();
  });

  it('draws the organisation chart with the merge history, and fits a 375 px phone', async () => {
    j.current = head;
    await openTab(head, 'Sơ đồ tổ chức');
    const chart = head.getByRole('region', { name: 'Sơ đồ tổ chức Ban Chỉ đạo' });
    await chart
      .getByRole('region', { name: 'Trưởng Ban', exact: true })
      .getByText('Nguyễn Thị Thu Hằng')
      .waitFor();
    expect(
      await chart
        .getByRole('region', { name: 'Phó Trưởng Ban', exact: true })
        .getByText('Đỗ Minh Tuấn')
        .isVisible(),
    ).toBe(true);
    expect(
      await chart
        .getByRole('region', { name: 'Thư ký và cơ quan thường trực' })
        .getByText('Công an phường Phúc La')
        .isVisible(),
    ).toBe(true);
    expect(
      await chart
        .getByRole('region', { name: 'Thành viên', exact: true })
        .getByText(REPLACEMENT.fullName)
        .isVisible(),
    ).toBe(true);
    const history = head.getByRole('region', { name: 'Lịch sử hợp nhất' });
    expect(await history.getByText(/Hợp nhất theo Quyết định 51\/QĐ-UBND/).isVisible()).toBe(true);
    await noToasts(head);
    await saveScreenshot(head, 'org-chart');

    await head.setViewportSize({ width: 375, height: 812 });
    for (const tab of ['Sơ đồ tổ chức', 'Thành viên', 'Phân công nhiệm vụ']) {
      await openTab(head, tab);
      await head.waitForTimeout(300);
      const overflow = await head.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, tab).toBeLessThanOrEqual(0);
    }
    // The member table on a phone: name, role and unit in view, nothing scrolled sideways.
    await openTab(head, 'Thành viên');
    const table = head.getByRole('table', { name: 'Thành viên Ban Chỉ đạo', exact: true });
    const row = table.getByRole('row').filter({ hasText: 'Nguyễn Thị Thu Hằng' });
    expect(
      await row
        .getByText(/^Trưởng Ban/)
        .first()
        .isVisible(),
    ).toBe(true);
    expect(
      await table.evaluate((el) => el.scrollWidth - (el.parentElement?.clientWidth ?? 0)),
    ).toBeLessThanOrEqual(0);
    await saveScreenshot(head, 'committee-members-mobile');
    await openTab(head, 'Sơ đồ tổ chức');
    await saveScreenshot(head, 'committee-mobile');
    await head.setViewportSize({ width: 1366, height: 860 });
    // At 1366 px the nine tabs wrap rather than overflow: every tab is wholly inside the page.
    const tabs = head.getByRole('tablist');
    for (const tab of await tabs.getByRole('tab').all()) {
      const box = await tab.boundingBox();
      expect(box && box.x + box.width <= 1366).toBe(true);
    }
    await saveScreenshot(head, 'committee-tabs-1366', { fullPage: false });
  });

  it('shows the 2026 working calendar with Tết 14/02–22/02, from the sidebar', async () => {
    j.current = admin;
    const nav = admin.getByRole('navigation', { name: 'Điều hướng chính' });
    await nav.getByRole('link', { name: 'Lịch làm việc' }).click();
    await admin.waitForURL(/\/lich-lam-viec/);
    expect(new URL(admin.url()).pathname).toBe('/lich-lam-viec');
    await admin.getByRole('heading', { name: 'Lịch làm việc', level: 1 }).waitFor();
    const year = admin.getByRole('textbox', { name: 'Năm', exact: true });
    if ((await year.inputValue()) !== '2026') {
      await choose(admin, year, /^2026$/);
      await admin.waitForURL(/nam=2026/);
    }

    const february = admin.getByRole('table', { name: 'Tháng 2 2026' });
    await february.waitFor();
    for (let day = 14; day <= 22; day++) {
      const cell = february.locator(`td[data-date="2026-02-${day}"]`);
      expect(await cell.getAttribute('data-kind'), `${day}/02`).toMatch(/^(holiday|breakWeekend)$/);
    }
    expect(await february.locator('td[data-date="2026-02-23"]').getAttribute('data-kind')).toBe('workday');
    expect(await february.locator('td[data-date="2026-02-17"]').getAttribute('aria-label')).toBe(
      'Thứ Ba, 17/02/2026: Nghỉ lễ, Tết — Tết Nguyên đán (Mùng 1)',
    );
    const breaks = admin.getByRole('list', { name: 'Các kỳ nghỉ lễ, Tết' });
    expect(await breaks.getByText('Tết Nguyên đán', { exact: true }).isVisible()).toBe(true);
    expect(await breaks.getByText(/14\/02\/2026 – 22\/02\/2026 \(9 ngày\)/).isVisible()).toBe(true);
    expect(await admin.getByText(/9859\/VPCP-KGVX/).isVisible()).toBe(true);
    // Make-up Saturday 10/01/2026 is a working day.
    expect(await admin.locator('td[data-date="2026-01-10"]').getAttribute('data-kind')).toBe(
      'swappedWorkday',
    );
    await saveScreenshot(admin, 'calendar-2026');
  });

  it('lets a system administrator add and remove a local adjustment', async () => {
    j.current = admin;
    await admin.getByRole('button', { name: 'Thêm ngày điều chỉnh' }).click();
    const dialog = admin.getByRole('dialog', { name: 'Thêm ngày điều chỉnh' });
    await fillDate(dialog.getByRole('textbox', { name: 'Ngày', exact: true }), '2026-12-31');
    await dialog.getByRole('textbox', { name: 'Tên', exact: true }).fill('Nghỉ tất niên (thử nghiệm)');
    await dialog.getByRole('textbox', { name: 'Văn bản', exact: true }).fill('Công văn 123/UBND-VX');
    await dialog.getByRole('button', { name: 'Thêm', exact: true }).click();
    await dialog.waitFor({ state: 'hidden' });
    const adjustments = admin.getByRole('table', { name: 'Ngày điều chỉnh năm 2026' });
    await adjustments.getByText('Nghỉ tất niên (thử nghiệm)').waitFor();
    const cell = admin.locator('td[data-date="2026-12-31"]');
    await expect.poll(() => cell.getAttribute('class')).toContain('cal-override');
    expect(await cell.getAttribute('data-kind')).toBe('holiday');

    await adjustments.getByRole('button', { name: 'Xóa ngày điều chỉnh 31/12/2026' }).click();
    await admin
      .getByRole('dialog', { name: 'Xóa ngày điều chỉnh?' })
      .getByRole('button', { name: 'Xóa', exact: true })
      .click();
    await admin.getByText('Chưa có ngày điều chỉnh nào trong năm 2026.').waitFor();
    await expect.poll(() => cell.getAttribute('data-kind')).toBe('workday');
  });

  it('lets anyone signed in read the working calendar, without the controls that change it', async () => {
    j.current = secretary;
    await secretary
      .getByRole('navigation', { name: 'Điều hướng chính' })
      .getByRole('link', { name: 'Lịch làm việc' })
      .click();
    await secretary.getByRole('heading', { name: 'Lịch làm việc', level: 1 }).waitFor();
    await secretary.getByRole('list', { name: 'Các kỳ nghỉ lễ, Tết' }).waitFor();
    expect(await secretary.getByRole('button', { name: 'Thêm ngày điều chỉnh' }).count()).toBe(0);
    await saveScreenshot(secretary, 'calendar-reader', { fullPage: false });
  });

  it('did not crash, and fetched nothing but our own server', () => {
    expect(j.pageErrors).toEqual([]);
    expect(j.foreignRequests).toEqual([]);
  });
});
