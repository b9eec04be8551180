// The server's HTTP API. Paths are relative so that the page also works under a path prefix.

export class ApiError extends Error {
  constructor(message, status, retryAfterSeconds) {
    super(message);
    this.status = status;
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

export async function fetchInfo() {
  const response = await fetch('api/info');
  if (!response.ok) throw await errorOf(response);
  return response.json();
}

/** Sends photo and mask; resolves to the result image as the server sent it. */
export async function inpaint({ image, imageName, mask, strategy, format }, signal) {
  const form = new FormData();
  form.append('image', image, imageName);
  form.append('mask', mask, 'mask.png');
  if (strategy) form.append('strategy', strategy);
  if (format) form.append('format', format);
  const response = await fetch('api/inpaint', { method: 'POST', body: form, signal });
  if (!response.ok) throw await errorOf(response);
  return response.blob();
}

async function errorOf(response) {
  let message = `${response.status} ${response.statusText}`.trim();
  try {
    const body = await response.json();
    if (body && body.error) message = body.error;
  } catch {
    // Not JSON (a proxy's page, say): the status line is the message.
  }
  const retryAfter = Number.parseInt(response.headers.get('Retry-After') ?? '', 10);
  return new ApiError(message, response.status, Number.isFinite(retryAfter) ? retryAfter : null);
}
