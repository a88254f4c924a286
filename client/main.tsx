/**
 * The entry: small on purpose. A server-rendered page is already complete on screen; React (boot.tsx,
 * preloaded by the page) starts once the browser has painted it, instead of holding up that first
 * paint while it runs. A page the server did not render starts React at once.
 */
import { afterPaint } from './lib/after-paint.ts';
import { SERVER_DATA_ID } from './server-data.ts';
import './styles.css';

const boot = () => void import('./boot.tsx');
if (document.getElementById(SERVER_DATA_ID)) afterPaint(boot);
else boot();
