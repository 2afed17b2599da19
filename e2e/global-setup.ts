import fs from 'node:fs';

/** Browser tests need Debian's Chromium; fail loudly (never skip) when it is missing. */
export default function setup() {
  const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!fs.existsSync(chromium)) {
    throw new Error(`Chromium was not found at ${chromium}. Install it with: apt-get install -y chromium (or set CHROMIUM_PATH).`);
  }
  if (!fs.existsSync('web/dist/index.html')) {
    throw new Error('The web app is not built. Run `npm run build -w web` (npm test does this for you).');
  }
}
