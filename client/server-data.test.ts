import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { createEmbeddedSource } from '../server/boxscore/embedded.ts';
import { readServerData, serverDataHtml, type ServerData } from './server-data.ts';

const { response } = await createEmbeddedSource().current();
const withCountry = (country: string): ServerData => ({ boxscore: { ...response, rows: [{ ...response.rows[0]!, country }] }, history: null });

function parsePage(body: string): Document {
  const window = new Window();
  window.document.write(`<!doctype html><html><body>${body}<p id="after">after</p></body></html>`);
  return window.document as unknown as Document;
}

describe('the server data block', () => {
  it('cannot be closed early by a value: a name holding </script> stays data', () => {
    const hostile = '</script><img src=x onerror=alert(1)><script>';
    const html = serverDataHtml(withCountry(hostile));
    expect(html.match(/<\/script/gi)).toHaveLength(1); // only the block's own end tag
    expect(html.endsWith('</script>')).toBe(true);
    const doc = parsePage(html);
    expect(doc.querySelectorAll('img')).toHaveLength(0);
    expect(doc.getElementById('after')?.textContent).toBe('after');
    expect(readServerData(doc)?.boxscore.rows[0]?.country).toBe(hostile);
  });

  it('reads back what was written, and nothing from a missing or damaged block', () => {
    const data = withCountry('FRANCE');
    expect(readServerData(parsePage(serverDataHtml(data)))).toEqual(data);
    expect(readServerData(parsePage('<p>no block</p>'))).toBeNull();
    expect(readServerData(parsePage('<script type="application/json" id="boxscore-data">{"boxscore":</script>'))).toBeNull();
    expect(readServerData(parsePage('<script type="application/json" id="boxscore-data">{"boxscore":{}}</script>'))).toBeNull();
  });
});
