// Serves dist/ under /rolecall/ for the browser tests and the benchmark.
import { fileURLToPath } from 'node:url';
import { BASE, startServer } from './server.mjs';

const root = fileURLToPath(new URL('../dist/', import.meta.url));
const port = Number(process.env.PORT || 4173);
await startServer(root, port);
console.log(`serving dist/ at http://127.0.0.1:${port}${BASE}`);
