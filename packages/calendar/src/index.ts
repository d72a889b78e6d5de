/**
 * @steerco/calendar — pure working-day calendar of the Vietnamese public sector.
 * No I/O, no dependencies, no time-zone reads: it runs the same on the server and in the browser.
 */

export * from './holidays.ts';
export * from './iso-date.ts';
export * from './lunar.ts';
export * from './official/index.ts';
export * from './working-calendar.ts';
