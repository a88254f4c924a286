/**
 * In-page timing, injected before any page script runs. Written as a plain JS string on purpose:
 * tsx compiles functions with helpers (`__name`) that do not exist in the page.
 *
 * - Load markers record performance.now() (ms since navigation start) at the first frame painted
 *   after their condition holds: a rAF callback runs just before a frame is drawn, and a task
 *   queued from it runs once the frame is out. `chart`: a bar is on screen (the server's picture
 *   of the chart counts: the same bars); `chartLive`: the browser's recharts has drawn the chart
 *   (tooltips work); `table`: body rows and the header's sort buttons exist and
 *   the page is live (React attached: <html data-interactive>), so a click sorts.
 * - `__benchAct(selector, value)` waits for a quiet page (an idle callback: what the previous
 *   action left to do, such as the chart that redraws after each change, is not counted against
 *   this one), clicks the element (or types `value` into it, as React sees typing), waits until the
 *   table body changes and the next frame is painted, and returns the milliseconds from the input
 *   to that frame.
 */
export const PAGE_MARKERS = `(() => {
  const marks = {};
  const pending = new Set();
  window.__bench = marks;
  const mark = (name) => {
    if (pending.has(name)) return;
    pending.add(name);
    requestAnimationFrame(() => setTimeout(() => { marks[name] = performance.now(); }, 0));
  };
  // Each test runs until its mark is taken (the page under measurement pays for these queries).
  const observer = new MutationObserver(() => {
    if (!pending.has('chart') && document.querySelector('.chart-sketch-bar, .recharts-bar-rectangle')) mark('chart');
    if (!pending.has('chartLive') && document.querySelector('.recharts-bar-rectangle')) mark('chartLive');
    const live = document.documentElement.dataset.interactive === 'true';
    if (!pending.has('table') && live && document.querySelector('table tbody tr th') && document.querySelector('table thead button')) mark('table');
    // The static baseline has no app (#root), so never a chart: its table is all it marks.
    if (pending.size === 3 || (pending.has('table') && !document.getElementById('root'))) observer.disconnect();
  });
  observer.observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['data-interactive'] });

  const signature = () => {
    const body = document.querySelector('table tbody');
    return body ? body.rows.length + '|' + (body.rows[0] ? body.rows[0].textContent : '') : '';
  };
  const quiet = () => new Promise((resolve) => requestIdleCallback(() => resolve(), { timeout: 2000 }));
  window.__benchAct = (selector, value) => quiet().then(() => {
    const el = document.querySelector(selector);
    if (!el) return Promise.reject(new Error('No element ' + selector));
    const before = signature();
    const t0 = performance.now();
    if (value === undefined) el.click();
    else {
      Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set.call(el, value);
      el.dispatchEvent(new Event('input', { bubbles: true }));
    }
    return new Promise((resolve, reject) => {
      const done = () => requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - t0), 0));
      if (signature() !== before) return done();
      const timer = setTimeout(() => reject(new Error('The table did not change within 10 s.')), 10000);
      const watch = new MutationObserver(() => {
        if (signature() === before) return;
        watch.disconnect();
        clearTimeout(timer);
        done();
      });
      watch.observe(document.body, { childList: true, subtree: true, characterData: true });
    });
  });
})();`;
