import { createElement, Suspense } from 'react';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { lazyPart, loadAllParts } from './lazy-part.ts';

function Greeting({ name }: { name: string }) {
  return createElement('p', null, `Hello ${name}`);
}

const inSuspense = (element: ReturnType<typeof createElement>) => createElement(Suspense, { fallback: createElement('p', null, 'waiting') }, element);

describe('lazyPart', () => {
  it('shows the fallback until its code is loaded, then renders at once, in one pass', async () => {
    let calls = 0;
    const Part = lazyPart(async () => {
      calls += 1;
      return Greeting;
    });
    // Not loaded: a synchronous render can only give the fallback (React's server renderer marks it for the browser).
    expect(renderToString(inSuspense(createElement(Part, { name: 'Ada' })))).toContain('waiting');
    await Part.load();
    const html = renderToString(inSuspense(createElement(Part, { name: 'Ada' })));
    expect(html).toContain('Hello Ada');
    expect(html).not.toContain('waiting');
    await Part.load();
    expect(calls).toBe(1);
  });

  it('loadAllParts loads every part made so far (what the server does before its first render)', async () => {
    const Part = lazyPart(async () => Greeting);
    await loadAllParts();
    expect(renderToString(inSuspense(createElement(Part, { name: 'Grace' })))).toContain('Hello Grace');
  });

  it('a failed load can be tried again', async () => {
    let fail = true;
    const Part = lazyPart(async () => {
      if (fail) throw new Error('offline');
      return Greeting;
    });
    await expect(Part.load()).rejects.toThrow('offline');
    fail = false;
    await Part.load();
    expect(renderToString(inSuspense(createElement(Part, { name: 'Lin' })))).toContain('Hello Lin');
  });
});
