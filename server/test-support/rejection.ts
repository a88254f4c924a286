/** Test helper: what a promise rejects with, checked to be an instance of `type` (a promise that resolves fails the test). */
import { expect } from 'vitest';

export async function rejectionOf<E>(promise: Promise<unknown>, type: abstract new (...args: never[]) => E): Promise<E> {
  const err = await promise.then(() => undefined, (e: unknown) => e);
  expect(err).toBeInstanceOf(type);
  return err as E;
}
