import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze.js';
import { main } from '../../src/cli/main.js';
import { tempProject } from '../helpers.js';

/** Two small domains and an entry point that wires both. */
const files = {
  'src/main.ts':
    "import { placeOrder } from './orders/order-service';\nimport { sendMail } from './mail/mailer';\n\nexport const start = () => [placeOrder(), sendMail()];\n",
  'src/orders/order-service.ts':
    "import { orderTotal } from './order-total';\nimport { sendMail } from '../mail/mailer';\n\nexport const placeOrder = () => [orderTotal(), sendMail()];\n",
  'src/orders/order-total.ts': 'export const orderTotal = () => 1;\n',
  'src/mail/mailer.ts': "import { template } from './template';\n\nexport const sendMail = () => template();\n",
  'src/mail/template.ts': "export const template = () => 'hi';\n",
};

describe('composition root ("shell" in seams.config.json)', () => {
  it('keeps the configured entry points out of the services, draws nothing into them, and plans them last as what stays', async () => {
    const root = tempProject({
      ...files,
      'seams.config.json': JSON.stringify({ shell: ['src/main.ts'], kernel: 'none' }),
    });
    const { partition, plan } = await analyze({ path: root, cache: false });
    const shell = partition.clusters.find((item) => item.kind === 'shell');
    expect(shell).toEqual({
      id: 'composition-root',
      label: 'composition root',
      kind: 'shell',
      pinned: true,
      modules: ['src/main.ts'],
    });
    expect(partition.clusters.filter((item) => item.kind === 'service').map((item) => item.modules)).toEqual([
      ['src/mail/mailer.ts', 'src/mail/template.ts'],
      ['src/orders/order-service.ts', 'src/orders/order-total.ts'],
    ]);
    const last = plan.steps.at(-1);
    expect(last?.clusters).toEqual(['composition-root']);
    expect(last?.reason).toBe(
      'the composition root stays: it is the shell that starts and wires the extracted services',
    );
    // While it stays, its imports of a service are call sites that service's step must rewire:
    // mail is imported by main.ts and order-service.ts (2), orders by main.ts (1).
    const step = (id: string) => plan.steps.find((item) => item.clusters.includes(id));
    expect(step(partition.assignment['src/mail/mailer.ts'] as string)?.cost.inbound).toBe(2);
  });

  it('keeps a module listed in the shell out of the kernel and its reasons, even when the kernel globs match it', async () => {
    const root = tempProject({
      ...files,
      'seams.config.json': JSON.stringify({
        shell: ['src/main.ts'],
        kernel: ['src/main.ts', 'src/orders/order-total.ts'],
      }),
    });
    const { partition } = await analyze({ path: root, cache: false });
    expect(partition.assignment['src/main.ts']).toBe('composition-root');
    expect(partition.kernel).toEqual({ 'src/orders/order-total.ts': 'listed as kernel in the configuration' });
  });

  it('rejects a shell that is not an array of globs', async () => {
    const root = tempProject({ ...files, 'seams.config.json': JSON.stringify({ shell: 'src/main.ts' }) });
    let stderr = '';
    const code = await main(['analyze', root, '--no-cache'], {
      stdout: () => undefined,
      stderr: (text) => (stderr += text),
      cwd: root,
    });
    expect(code).toBe(2);
    expect(stderr).toMatch(
      /^error \[CONFIG_INVALID\] seams\.config\.json: "shell" must be "auto", "none" or an array of globs/,
    );
  });
});
