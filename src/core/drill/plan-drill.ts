import type { BotDeps } from '../bot-deps.js';
import { localDate } from '../calendar.js';
import type { Question } from '../questions/schema.js';
import type { WorkspaceRef } from '../types.js';

/** New questions a member starts per day across drills; reviews are not capped by it. */
export const NEW_CARDS_PER_DAY = 20;
/** At most this share of a drill is reviews while new questions are left, so a member back from a week away is not buried. */
export const REVIEW_SHARE = 0.7;

export interface DrillPlan {
  questionIds: string[];
  reviews: number;
  fresh: number;
}

/**
 * The questions of a new drill: due reviews first (most overdue first), then new questions within
 * the daily cap, then the seen questions due soonest. Questions open as team questions are left out
 * (their solutions wait for a reveal).
 */
export async function planDrill(
  deps: BotDeps,
  workspace: WorkspaceRef,
  userId: string,
  pool: readonly Question[],
  count: number,
): Promise<DrillPlan> {
  const now = deps.clock.now();
  const [dueIds, seen, newToday, secret] = await Promise.all([
    deps.reviews.due(workspace, userId, now.getTime(), 500),
    deps.reviews.seen(workspace, userId),
    deps.reviews.newOn(workspace, userId, localDate(now, deps.defaultTimezone)),
    deps.instances.publiclyOpenQuestions(workspace),
  ]);
  const eligible = new Map(pool.filter((q) => !secret.has(q.id)).map((q) => [q.id, q]));
  const due = dueIds.filter((id) => eligible.has(id));
  const unseen = [...eligible.values()].filter((q) => !seen.has(q.id));
  const freshAllowed = Math.max(0, NEW_CARDS_PER_DAY - newToday);
  const reviewCap = unseen.length > 0 && freshAllowed > 0 ? Math.max(1, Math.ceil(count * REVIEW_SHARE)) : count;

  const chosen: string[] = due.slice(0, reviewCap);
  const reviews = chosen.length;
  const fresh = shuffled(unseen, deps.bank.random).slice(0, Math.min(freshAllowed, count - chosen.length));
  chosen.push(...fresh.map((q) => q.id));
  // Still short: more due reviews, then seen questions in the order they come due.
  for (const id of [...due.slice(reviewCap), ...[...seen].filter((id) => eligible.has(id) && !due.includes(id))]) {
    if (chosen.length >= count) break;
    if (!chosen.includes(id)) chosen.push(id);
  }
  return { questionIds: chosen.slice(0, count), reviews, fresh: fresh.length };
}

function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}
