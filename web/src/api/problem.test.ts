import { describe, expect, it } from 'vitest';
import { ApiError, fieldErrors, messageOf, toProblem } from './problem';

const problem = (violations: { field: string; message: string }[]) =>
  toProblem(400, { type: 'urn:ascent:problem:validation-failed', title: 'Invalid request', status: 400,
    detail: 'The request has invalid fields', violations });

describe('problem documents', () => {
  it('keeps the parts of a problem+json body', () => {
    const p = problem([{ field: 'title', message: 'must not be blank' }]);
    expect(p.detail).toBe('The request has invalid fields');
    expect(p.violations).toEqual([{ field: 'title', message: 'must not be blank' }]);
  });

  it('turns a body that is not a problem into a readable one', () => {
    expect(toProblem(502, '<html>Bad gateway</html>', 'Bad Gateway').detail).toBe('The server answered 502 Bad Gateway.');
    expect(toProblem(500, { violations: 'nope' }).detail).toBe('The server answered 500.');
  });

  it('drops violations that are not field/message pairs', () => {
    const p = toProblem(400, { detail: 'x', violations: [{ field: 'a', message: 'b' }, { field: 1 }, null] });
    expect(p.violations).toEqual([{ field: 'a', message: 'b' }]);
  });

  it('shows the detail of an API error, and a network failure in words', () => {
    expect(messageOf(new ApiError(409, { detail: 'Already submitted' }))).toBe('Already submitted');
    expect(messageOf(new TypeError('Failed to fetch'))).toMatch(/could not be reached/);
  });
});

describe('violations beside their fields', () => {
  const fields = ['title', 'competencies', 'links', 'occurredAt', 'ratings', 'ratings[1].rating'];

  it('puts each violation beside the field it names', () => {
    const { byField, unmatched } = fieldErrors(problem([
      { field: 'title', message: 'must not be blank' },
      { field: 'occurredAt', message: 'must be a date' },
    ]), fields);
    expect(byField).toEqual({ title: 'must not be blank', occurredAt: 'must be a date' });
    expect(unmatched).toEqual([]);
  });

  it('matches an element of a list to the list, and the finest field the form has', () => {
    const { byField } = fieldErrors(problem([
      { field: 'links[2]', message: 'must be a web address' },
      { field: 'ratings[1].rating', message: 'must be at most 5' },
      { field: 'ratings[0].competency', message: 'unknown competency' },
    ]), fields);
    expect(byField['links']).toBe('must be a web address');
    expect(byField['ratings[1].rating']).toBe('must be at most 5');
    expect(byField['ratings']).toBe('unknown competency');
  });

  it('does not take a field for another that merely starts the same', () => {
    const { byField, unmatched } = fieldErrors(problem([{ field: 'titleSuffix', message: 'x' }]), fields);
    expect(byField).toEqual({});
    expect(unmatched).toEqual([{ field: 'titleSuffix', message: 'x' }]);
  });

  it('reads a path prefixed with the request parameter name', () => {
    expect(fieldErrors(problem([{ field: 'request.title', message: 'too long' }]), fields).byField)
      .toEqual({ title: 'too long' });
  });

  it('joins several messages for one field and keeps the rest for the form', () => {
    const { byField, unmatched } = fieldErrors(problem([
      { field: 'title', message: 'must not be blank.' },
      { field: 'title', message: 'size must be at most 300.' },
      { field: 'personId', message: 'is not you' },
    ]), fields);
    expect(byField['title']).toBe('must not be blank. size must be at most 300.');
    expect(unmatched).toEqual([{ field: 'personId', message: 'is not you' }]);
  });

  it('has nothing to say without a problem', () => {
    expect(fieldErrors(undefined, fields)).toEqual({ byField: {}, unmatched: [] });
  });
});
