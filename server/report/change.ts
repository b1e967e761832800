/**
 * How a headline number moved since the report's previous period
 * (`previous`, asked for with compareDays): a count as a difference, a share
 * in whole percentage points. One rule for the dialogue pages and the desk.
 */
import type { DialogueReport, SiteSummary } from '../dialogue/types.js';

export interface Change {
  /** The difference: people, comments… or, for a share, percentage points. */
  delta: number;
  /** The end of the previous period (ISO): "since" this moment. */
  since: string;
}

export function summaryChange(report: DialogueReport, pick: (summary: SiteSummary) => number | null, share = false): Change | undefined {
  if (!report.previous) return undefined;
  const now = pick(report.summary);
  const before = pick(report.previous.summary);
  if (now === null || before === null) return undefined;
  const delta = share ? Math.round(now * 100) - Math.round(before * 100) : now - before;
  return { delta, since: report.previous.window.to };
}
