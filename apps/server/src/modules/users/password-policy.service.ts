import type { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { AppError } from '../../http/errors.ts';

/**
 * New passwords are refused when they are easy to guess (issue #17, OWASP ASVS 2.1.7): zxcvbn-ts scores them
 * against the common and breached password lists of @zxcvbn-ts/language-common, keyboard patterns, dates and
 * years, a list of Vietnamese names and words people build passwords from (a name plus a birth year), and the
 * person's own username, name and e-mail. Scores run 0–4; 3 means "safely unguessable" for an online attacker
 * and well beyond for an offline one against our Argon2 hashes.
 */
export const MIN_PASSWORD_SCORE = 3;

/** Vietnamese surnames, middle and given names written without diacritics, as they appear in passwords. */
const VIETNAMESE_NAMES = [
  // Surnames.
  ...'nguyen tran le pham hoang huynh phan vu vo dang bui do ho ngo duong ly dinh dao trinh mai truong lam luong ta tong cao chu ha kieu quach'.split(
    ' ',
  ),
  // Middle and given names.
  ...'van thi huu duc cong quoc minh anh hoa lan huong hung dung tuan nam long linh trang thu ha hai quang son tung hien ngoc hang huyen thao yen khanh hieu trung cuong binh hoai vy nhung quynh phuong thanh tam tien vinh thang loan nga nhi tuyet kim hue giang chi chau bao dat dieu hanh hoan huan quan thuy tuyen an ba bac bich cam canh chien chinh cuc dai danh diem diep doan dong du duy gia hau hiep hong hop khoa khoi kien lien loc loi luan man manh my nghia nguyet nhan nhat ninh oanh phat phu phuc quy sang sinh tai tan thai than thinh tho thoa thong thuan thuc thuong tin toan tri trieu trinh truc tu tue uyen viet xuan'.split(
    ' ',
  ),
];

/** Words, places and the office's own vocabulary people build passwords from. */
const VIETNAMESE_WORDS = [
  ...VIETNAMESE_NAMES,
  ...'matkhau anhyeuem emyeuanh yeuem yeuanh iloveyou vietnam hanoi saigon hochiminh danang haiphong hadong phucla ubnd hdnd phuong xa quan tinh thanhpho caicach chuyendoiso dean steerco bancd banchidao chidao congan vanphong motcua'.split(
    ' ',
  ),
];

let checker: Promise<ZxcvbnFactory> | undefined;

/** The dictionaries are a few megabytes: loaded on the first password change, not at start-up. */
function loadChecker(): Promise<ZxcvbnFactory> {
  checker ??= Promise.all([import('@zxcvbn-ts/core'), import('@zxcvbn-ts/language-common')]).then(
    ([{ ZxcvbnFactory }, common]) =>
      new ZxcvbnFactory({
        graphs: common.adjacencyGraphs,
        dictionary: { ...common.dictionary, vietnamese: VIETNAMESE_WORDS },
        useLevenshteinDistance: true,
      }),
  );
  return checker;
}

const NAME_SET = new Set(VIETNAMESE_NAMES);

/** Lower case, without diacritics (đ → d). */
const plain = (s: string) =>
  s
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase();

/**
 * A person's name with a number, the most common Vietnamese pattern (`nguyenvanan1990`, `Hoa@15081990`): the
 * letters are one to four Vietnamese names and the digits at most eight (a year or a date of birth). zxcvbn
 * counts `nguyen`+`van`+`an`+`1990` as four separate guesses and overrates it, so this is checked on its own.
 */
export function isNameWithNumber(password: string): boolean {
  const compact = plain(password).replace(/[^a-z0-9]/g, '');
  const parts = /^(\d{0,8})([a-z]+)(\d{0,8})$/.exec(compact);
  if (!parts || (parts[1]!.length > 0 && parts[3]!.length > 0)) return false;
  const letters = parts[2]!;
  // Can `letters` be cut into 1–4 names? (names are short: try every cut.)
  const cut = (from: number, left: number): boolean =>
    from === letters.length ||
    (left > 0 &&
      [2, 3, 4, 5, 6].some(
        (n) =>
          from + n <= letters.length &&
          NAME_SET.has(letters.slice(from, from + n)) &&
          cut(from + n, left - 1),
      ));
  return cut(0, 4);
}

/** The words of a person's own details, without diacritics: `Nguyễn Thị Hằng` → nguyen, thi, hang, nguyenthihang. */
export function personalWords(person: {
  username: string;
  fullName: string;
  email?: string | null;
}): string[] {
  const name = plain(person.fullName)
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  const words = [plain(person.username), ...name, name.join('')];
  if (person.email) words.push(...plain(person.email.split('@')[0]!).split(/[^a-z0-9]+/));
  return [...new Set(words.filter((w) => w.length >= 2))];
}

/** Refuses a guessable new password with a 400 naming the field, with the checker's hint in Vietnamese. */
export async function assertStrongPassword(
  password: string,
  person: { username: string; fullName: string; email?: string | null },
): Promise<void> {
  const result = (await loadChecker()).check(password, personalWords(person));
  if (result.score >= MIN_PASSWORD_SCORE && !isNameWithNumber(password)) return;
  const own = result.sequence.some((m) => m.pattern === 'dictionary' && m.dictionaryName === 'userInputs');
  const message = own
    ? 'Mật khẩu không được dựa trên tên, tên đăng nhập hoặc thư điện tử của bạn'
    : 'Mật khẩu quá dễ đoán (mật khẩu phổ biến, tên kèm năm sinh, dãy phím liền nhau…). Hãy dùng một cụm từ dài hơn, khó đoán hơn';
  throw new AppError('auth.weakPassword', {
    errors: [{ path: 'body.newPassword', message, code: 'weak_password' }],
  });
}
