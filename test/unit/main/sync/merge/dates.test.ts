import { describe, expect, it } from 'vitest';
import { compatibleDates, earlierDate, isValidDate, laterDate, sameDate } from '../../../../../main/sync/merge/dates';

describe('dates', () => {
  it.each([
    ['2024', true],
    ['2024-03', true],
    ['2024-02-29', true],
    ['2023-02-29', false],
    ['2024-13', false],
    ['2024-00-10', false],
    ['2024-04-31', false],
    ['0000', false],
    ['24-03-01', false],
    ['2024-3-1', false],
    ['', false],
  ])('%s is valid: %s', (value, valid) => {
    expect(isValidDate(value)).toBe(valid);
  });

  it.each([
    ['2024', '2024-03-15', true],
    ['2024-03', '2024-03-15', true],
    ['2024-03-15', '2024-03-15', true],
    ['2024-03', '2024-04-01', false],
    ['2024-1', '2024-11', false],
    ['2024', '2025', false],
  ])('%s and %s are the same date: %s', (a, b, same) => {
    expect(compatibleDates(a, b)).toBe(same);
    expect(compatibleDates(b, a)).toBe(same);
  });

  it.each([
    ['2024-03-15', '2024-02', '2024-02', '2024-03-15'],
    ['2024', '2024-06-01', '2024-06-01', '2024-06-01'],
    ['2023-12-31', '2024-01-01', '2023-12-31', '2024-01-01'],
    ['2024-05', '2023', '2023', '2024-05'],
  ])('of %s and %s, started is %s and completed is %s', (a, b, earliest, latest) => {
    expect(earlierDate(a, b)).toBe(earliest);
    expect(earlierDate(b, a)).toBe(earliest);
    expect(laterDate(a, b)).toBe(latest);
    expect(laterDate(b, a)).toBe(latest);
  });

  it('treats empty dates as equal only to empty dates', () => {
    expect(sameDate(null, undefined)).toBe(true);
    expect(sameDate(null, '2024')).toBe(false);
    expect(sameDate('2024-03', '2024')).toBe(true);
  });
});
