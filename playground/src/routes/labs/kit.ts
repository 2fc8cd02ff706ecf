/**
 * What every /api/labs route shares: the error responses, the same-origin check, the caller
 * behind a bearer secret and the per-identity request limits.
 *
 * Limits go by identity, not address (a class shares one address): a verified student or
 * instructor has their own allowance, joins are limited per lab by a token bucket sized for a
 * lecture hall, and only lab creation, which has no identity yet, is counted per address.
 */
import type { FastifyRequest } from 'fastify';
import { ErrorBody, RetryLater } from '../../../../contract/run.ts';
import { RequestError } from '../../errors.ts';
import type { LabCaller, LabService } from '../../labs/service.ts';
import { bearer } from '../../labs/secrets.ts';
import { callerKey } from '../../limits/identity.ts';
import type { LabLimits } from '../../limits/lab-limits.ts';
import { TokenBuckets } from '../../limits/token-bucket.ts';

export interface LabRoutesOptions {
  labs: LabService;
  limits: LabLimits;
}

export const errors = {
  400: ErrorBody,
  401: ErrorBody,
  403: ErrorBody,
  404: ErrorBody,
  409: ErrorBody,
  /** The lab database cannot be reached right now (code database_unavailable). */
  503: ErrorBody,
};
/** Routes with a request limit answer 429 with Retry-After when it is reached. */
export const limitedErrors = { ...errors, 429: RetryLater };
/** Routes that take a JSON body can also refuse another content type. */
export const bodyErrors = { ...limitedErrors, 415: ErrorBody };
export const auth = [{ bearerAuth: [] }];
export const noStore = { 'cache-control': 'no-store' };

/** Refuses a state-changing request that a browser marks as coming from another site. */
export function sameOrigin(request: FastifyRequest): void {
  const origin = request.headers.origin;
  const site = request.headers['sec-fetch-site'];
  if (site === 'cross-site')
    throw new RequestError(403, 'cross_site', 'Cross-site requests are not accepted.');
  if (origin === undefined) return;
  let host: string;
  try {
    host = new URL(origin).host;
  } catch {
    throw new RequestError(403, 'cross_site', 'Cross-site requests are not accepted.');
  }
  if (host !== request.headers.host)
    throw new RequestError(403, 'cross_site', 'Cross-site requests are not accepted.');
}

export type LabRequest = FastifyRequest<{ Params: { labId: string } }>;

/** The lab routes' shared means, built once per registration. */
export interface LabRouteKit extends LabRoutesOptions {
  /** The caller behind the request's bearer secret (401/404 when there is none). */
  caller(request: LabRequest): Promise<LabCaller>;
  /** A route's rate-limit config: max requests a minute per verified caller. */
  perCaller(max: number): { rateLimit: { max: number; timeWindow: string; keyGenerator: KeyGenerator } };
  /** An onRequest hook that takes a join from the lab's bucket (429 when it is empty). */
  joinAllowance(request: LabRequest): Promise<void>;
}

/** Names whose allowance a request uses. */
type KeyGenerator = (request: FastifyRequest) => Promise<string>;

export function createLabRouteKit(opts: LabRoutesOptions): LabRouteKit {
  const { labs, limits } = opts;
  /** Callers verified by the rate limit's key, so the handler does not look them up again. */
  const verified = new WeakMap<FastifyRequest, LabCaller>();
  /**
   * The rate-limit key of an authenticated route: the verified student or instructor, else the
   * address (a wrong or missing secret is then refused by the handler with 401 or 404).
   */
  const identity: KeyGenerator = async (request) => {
    const labRequest = request as LabRequest;
    try {
      const who = await labs.authenticate(labRequest.params.labId, bearer(request.headers.authorization));
      verified.set(request, who);
      return callerKey(who, request.ip);
    } catch (error) {
      if (error instanceof RequestError) return callerKey(null, request.ip);
      throw error;
    }
  };
  const joins = new TokenBuckets({ burst: limits.joinBurst, perMinute: limits.joinPerMinute });
  return {
    labs,
    limits,
    caller: async (request) =>
      verified.get(request) ?? labs.authenticate(request.params.labId, bearer(request.headers.authorization)),
    perCaller: (max) => ({ rateLimit: { max, timeWindow: '1 minute', keyGenerator: identity } }),
    // Only labs that exist get a bucket, so the map stays small.
    async joinAllowance(request) {
      const { labId } = request.params;
      await labs.view(labId, 'en'); // throws 404 for an unknown lab
      const taken = joins.take(labId, Date.now());
      if (!taken.ok)
        throw new RequestError(
          429,
          'rate_limited',
          `This lab is taking many joins at once; try again in ${taken.retryAfterS} s.`,
          { retryAfterS: taken.retryAfterS },
        );
    },
  };
}
