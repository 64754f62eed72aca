/** Readable words for the API's codes, so no screen shows SCREAMING_CASE or kebab-case. */

const SPECIAL: Record<string, string> = {
  PM: 'PM', APM: 'APM', SENIOR_PM: 'Senior PM', PRINCIPAL_PM: 'Principal PM', VP: 'VP', CPO: 'CPO',
  IC: 'Individual contributor', NOT_READY: 'Not ready', GITHUB: 'GitHub', JIRA: 'Jira', LINEAR: 'Linear',
  RATING_GAP: 'Rating gap', EVIDENCE_GAP: 'Evidence gap', BOTH_GAPS: 'Rating and evidence gap',
  EVIDENCE_UNAVAILABLE: 'Evidence unavailable', DEMONSTRATED: 'Demonstrated',
};

/** `SENIOR_PM` → "Senior PM", `CUSTOMER_DISCOVERY_SESSION` → "Customer discovery session". */
export function humanize(code: string | null | undefined): string {
  if (!code) return '';
  const special = SPECIAL[code];
  if (special) return special;
  const words = code.replace(/[_-]+/g, ' ').trim().toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** 0.4 → "0.4", 2 → "2", undefined → "–": ratings and strengths as people read them. */
export function formatNumber(value: number | null | undefined, digits = 1): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '–';
  return Number.isInteger(value) ? String(value) : value.toFixed(digits);
}

/** An ISO date or instant as a short local date; the text stays the ISO value if it does not parse. */
export function formatDate(value: string | null | undefined): string {
  if (!value) return '–';
  const date = new Date(value.length === 10 ? `${value}T00:00:00` : value);
  if (Number.isNaN(date.getTime())) return value;
  return date.toLocaleDateString(undefined, { year: 'numeric', month: 'short', day: 'numeric' });
}

export function formatDateTime(value: string | null | undefined): string {
  if (!value) return '–';
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  return date.toLocaleString(undefined, { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' });
}

/** Today in the browser's calendar as YYYY-MM-DD (the API's LocalDate), not UTC's. */
export function today(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
