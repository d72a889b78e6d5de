import { describe, expect, it } from 'vitest';
import { ApiProblem, fieldErrorsOf, problemFromResponse } from './problem.ts';

const validation = new ApiProblem({
  type: 'urn:steerco:problem:request.validation',
  title: 'Dữ liệu gửi lên không hợp lệ',
  status: 400,
  code: 'request.validation',
  errors: [
    { path: 'body.email', message: 'Email không hợp lệ', code: 'invalid_format' },
    { path: 'body.email', message: 'second message for the same field', code: 'too_big' },
    { path: 'body.unitId', message: 'Đơn vị không tồn tại', code: 'not_found' },
  ],
});

describe('fieldErrorsOf', () => {
  it('maps errors[].path without the body. prefix, first message per field', () => {
    expect(fieldErrorsOf(validation)).toEqual({
      email: 'Email không hợp lệ',
      unitId: 'Đơn vị không tồn tại',
    });
  });

  it('puts a one-field problem on its field by code', () => {
    const taken = new ApiProblem({
      type: 'urn:steerco:problem:user.usernameTaken',
      title: 'Tên đăng nhập đã được sử dụng',
      status: 409,
      code: 'user.usernameTaken',
    });
    expect(fieldErrorsOf(taken, { 'user.usernameTaken': 'username' })).toEqual({
      username: 'Tên đăng nhập đã được sử dụng',
    });
  });

  it('ignores errors that are not problems', () => {
    expect(fieldErrorsOf(new TypeError('Failed to fetch'))).toEqual({});
  });
});

describe('problemFromResponse', () => {
  it('reads a problem+json body', async () => {
    const body = {
      type: 'urn:steerco:problem:auth.locked',
      title: 'Bị khóa',
      status: 423,
      code: 'auth.locked',
    };
    const response = new Response(JSON.stringify(body), {
      status: 423,
      headers: { 'content-type': 'application/problem+json' },
    });
    expect(await problemFromResponse(response)).toMatchObject(body);
  });

  it('turns a non-JSON failure into a problem with the HTTP status', async () => {
    const response = new Response('<html>Bad gateway</html>', { status: 502, statusText: 'Bad Gateway' });
    expect(await problemFromResponse(response)).toMatchObject({
      status: 502,
      code: 'http.502',
      title: 'Bad Gateway',
    });
  });
});
