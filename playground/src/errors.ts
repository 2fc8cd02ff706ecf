/**
 * Errors that become HTTP answers. Anything the user can fix is a RequestError with a 4xx status,
 * a code of the contract's closed set (contract/errors.ts) with the params that code takes, and a
 * short English message for API users; clients word the code themselves. A server fault stays a
 * plain Error and becomes a 500 `internal` with no details.
 */
import type { ErrorBody, ErrorCode, ErrorParams, RunnerReason } from '../../contract/errors.ts';

/** The params argument: optional for the codes that take none. */
export type ParamsArg<C extends ErrorCode> = [keyof ErrorParams[C]] extends [never]
  ? [params?: ErrorParams[C]]
  : [params: ErrorParams[C]];

export class RequestError<C extends ErrorCode = ErrorCode> extends Error {
  readonly statusCode: number;
  readonly code: C;
  readonly params: ErrorParams[C];
  constructor(statusCode: number, code: C, message: string, ...[params]: ParamsArg<C>) {
    super(message);
    this.name = 'RequestError';
    this.statusCode = statusCode;
    this.code = code;
    this.params = params ?? ({} as ErrorParams[C]);
  }

  /** Seconds to wait before trying again (rate_limited, queue_full), for Retry-After. */
  get retryAfterS(): number | undefined {
    const p = this.params as { retryAfterS?: number };
    return p.retryAfterS;
  }

  /** The JSON answer: the code, the English message, and the params when there are any. */
  body(): ErrorBody {
    const params = this.params as NonNullable<ErrorBody['params']>;
    return Object.keys(params).length > 0
      ? { error: this.code, message: this.message, params }
      : { error: this.code, message: this.message };
  }
}

/** The sandbox cannot run code on this machine: reason says why as a code, detail in words for the operator. */
export class RunnerUnavailableError extends RequestError<'runner_unavailable'> {
  constructor(reason: RunnerReason, detail: string) {
    super(503, 'runner_unavailable', `Code cannot run on this server: ${detail}`, { reason });
    this.name = 'RunnerUnavailableError';
  }
}
