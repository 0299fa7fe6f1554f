/** Who reads the annual report (the API's RequireRoles on GET /reports/annual). */
export const REPORT_READERS = ['town-head', 'legal-reviewer', 'auditor', 'admin', 'secretary'];
