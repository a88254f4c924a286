/**
 * The one error type the API answers with: a stable machine-readable `code`, an HTTP status and
 * a message in plain words for the person reading the page.
 */
export class AppError extends Error {
  override readonly name = 'AppError';

  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** Extra response headers, e.g. Retry-After on a 429. */
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

export const notFound = (message: string): AppError => new AppError(404, 'NOT_FOUND', message);
export const badRequest = (message: string): AppError => new AppError(400, 'BAD_REQUEST', message);
