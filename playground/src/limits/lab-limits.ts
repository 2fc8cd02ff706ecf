/**
 * The lab routes' request limits, from the configuration, and how /api/health names them. Each is
 * counted per identity (limits/identity.ts) except creating a lab, which has none yet and is per
 * address, and joining, which is per lab (a token bucket: a class joins at once).
 */
import type { Config } from '../config.ts';

export interface LabLimits {
  /** Labs created per minute from one address. */
  createPerMinute: number;
  /** Joins one lab takes at once. */
  joinBurst: number;
  /** Joins one lab takes per minute once its burst is spent. */
  joinPerMinute: number;
  /** Submissions per minute from one student. */
  submitPerMinute: number;
  /** Other lab requests (own standing, submissions, gradebook, overrides) per minute per caller. */
  requestsPerMinute: number;
}

export function labLimitsFromConfig(config: Config): LabLimits {
  return {
    createPerMinute: config.LOCKSTEP_LAB_CREATE_PER_MINUTE,
    joinBurst: config.LOCKSTEP_LAB_JOIN_BURST,
    joinPerMinute: config.LOCKSTEP_LAB_JOIN_PER_MINUTE,
    submitPerMinute: config.LOCKSTEP_LAB_SUBMIT_PER_MINUTE,
    requestsPerMinute: config.LOCKSTEP_LAB_REQUESTS_PER_MINUTE,
  };
}

/** The limits as /api/health shows them, with the unit and the identity in each key. */
export function labLimitsSummary(limits: LabLimits): Record<string, number> {
  return {
    labCreatesPerMinutePerAddress: limits.createPerMinute,
    labJoinBurstPerLab: limits.joinBurst,
    labJoinsPerMinutePerLab: limits.joinPerMinute,
    labSubmissionsPerMinutePerStudent: limits.submitPerMinute,
    labRequestsPerMinutePerCaller: limits.requestsPerMinute,
  };
}
