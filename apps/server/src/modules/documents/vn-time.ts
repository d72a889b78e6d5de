import { VN_TIME_ZONE } from '@steerco/contract/datetime';

// Built once: constructing an Intl formatter costs far more than formatting with it.
const vietnamClock = new Intl.DateTimeFormat('en-GB', {
  timeZone: VN_TIME_ZONE,
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  weekday: 'short',
  hourCycle: 'h23',
});

/** The parts of an instant as read on a clock in Viet Nam (UTC+7), whatever the machine's zone. */
export function formatInTimeZone(d: Date) {
  const parts = Object.fromEntries(vietnamClock.formatToParts(d).map((p) => [p.type, p.value]));
  const weekday = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'].indexOf(parts.weekday!);
  return {
    hour: parts.hour!,
    minute: parts.minute!,
    weekday,
    day: Number(parts.day),
    month: Number(parts.month),
    year: Number(parts.year),
  };
}
