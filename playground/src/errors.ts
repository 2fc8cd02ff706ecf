/**
 * Errors that become HTTP answers. Anything the user can fix is a RequestError with a 4xx status
 * and a message for a person; a server fault stays a plain Error and becomes a 500 with no details.
 */

export class RequestError extends Error {
  readonly statusCode: number;
  readonly code: string;
  readonly retryAfterS: number | undefined;
  constructor(statusCode: number, code: string, message: string, retryAfterS?: number) {
    super(message);
    this.name = 'RequestError';
    this.statusCode = statusCode;
    this.code = code;
    this.retryAfterS = retryAfterS;
  }
}

/** The sandbox cannot run code on this machine; the message says why and how to fix it. */
export class RunnerUnavailableError extends RequestError {
  constructor(reason: string) {
    super(503, 'runner_unavailable', `Code cannot run on this server: ${reason}`);
    this.name = 'RunnerUnavailableError';
  }
}
