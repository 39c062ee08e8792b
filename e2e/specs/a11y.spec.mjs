import { test, expect } from '../fixtures.mjs';
import AxeBuilder from '@axe-core/playwright';

const pages = ['Team', 'Roles', 'Skills', 'Responsibilities', 'Handbook', 'Board', 'Insights', 'Operations', 'Workspace'];

for (const scheme of ['light', 'dark']) for (const name of pages) {
  test(`the ${name} page has no serious or critical accessibility violations (${scheme} theme)`, async ({ app, page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await app.startFromTemplate();
    await app.goTo(name);
    const { violations } = await new AxeBuilder({ page }).analyze();
    const bad = violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
    expect(bad).toEqual([]);
  });
}
