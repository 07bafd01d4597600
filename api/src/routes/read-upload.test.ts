import { AUTH, createTestApp } from '../test-support/test-app';

// Multipart bodies the parser cannot read are the client's fault: 400 VALIDATION_FAILED, never 500 (found by
// the schemathesis run in test/src/api-fuzz).

describe.each(['/api/v1/verify', '/api/v1/envelopes/upload'])('POST %s with a broken multipart body', (url) => {
  it('answers 400 VALIDATION_FAILED without a boundary', async () => {
    const { app } = createTestApp();
    const response = await app.inject({
      method: 'POST',
      url,
      headers: { ...AUTH, 'content-type': 'multipart/form-data' },
      payload: 'x',
    });
    expect({ status: response.statusCode, code: response.json<{ error: { code: string } }>().error.code }).toEqual({
      status: 400,
      code: 'VALIDATION_FAILED',
    });
    await app.close();
  });

  it('answers 400 VALIDATION_FAILED for a body cut short inside a part', async () => {
    const { app } = createTestApp();
    const payload =
      '--b\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\n\r\n%PDF-1.7 and then noth';
    const response = await app.inject({
      method: 'POST',
      url,
      headers: { ...AUTH, 'content-type': 'multipart/form-data; boundary=b' },
      payload,
    });
    expect({ status: response.statusCode, code: response.json<{ error: { code: string } }>().error.code }).toEqual({
      status: 400,
      code: 'VALIDATION_FAILED',
    });
    await app.close();
  });
});
