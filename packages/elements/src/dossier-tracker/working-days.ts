/**
 * The working-day calendar, in its own module so that the tracker loads it with `import()`
 * after its first render (the holiday table is a fifth of the tracker's weight).
 */
export { workingDaysBetween } from '@egov-kit/schema/calendar';
