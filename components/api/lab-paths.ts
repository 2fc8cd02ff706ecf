/**
 * The lab API's paths (/api/labs/:id/…), shared by the lab client modules. N.B. BROWSER CODE.
 */

/** /api/labs/:id followed by `rest`. */
export const labPath = (labId: string, rest = '') => `/api/labs/${encodeURIComponent(labId)}${rest}`;

/** /api/labs/:id/submissions/:sid followed by `rest`. */
export const submissionPath = (labId: string, id: string, rest = '') =>
  labPath(labId, `/submissions/${encodeURIComponent(id)}${rest}`);
