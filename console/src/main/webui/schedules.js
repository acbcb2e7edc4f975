import cronstrue from 'cronstrue';
import { Cron } from 'croner';

const NEXT_FIRES = 3;

/**
 * "At 02:30" and the next fire times of one schedule, in the policy's time zone. Croner reads cron as the scheduler's
 * cron-utils (UNIX) does: a day-of-month and a day-of-week both restricted match either, and a time that a
 * daylight-saving change skips fires at the next valid one.
 */
export function describeSchedule(cronSpec, timezone) {
  try {
    const words = cronstrue.toString(cronSpec, { use24HourTimeFormat: true, verbose: false });
    const next = new Cron(cronSpec, { timezone }).nextRuns(NEXT_FIRES);
    return { words, next };
  } catch (error) {
    return { words: `${cronSpec} (${error.message ?? error})`, next: [] };
  }
}

export function cronOf(schedule) {
  if (schedule?.cronSpec) {
    return schedule.cronSpec;
  }
  const s = schedule ?? {};
  return [s.minute, s.hour, s.dayOfMonth, s.month, s.dayOfWeek].map((part) => part ?? '*').join(' ');
}
