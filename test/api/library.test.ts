import { describe, expect, it } from 'vitest';
import * as seams from '../../src/index.js';
import { fixture } from '../helpers.js';

// The public library API as the README documents it: analyze(options) and check(options) with
// named callbacks, render(analysis, format) for every format, and the registry behind it.

describe('the library API', () => {
  it('analyze takes its callbacks as named options, and render gives each format the per-format reporter gives', async () => {
    const stages: string[] = [];
    const events: string[] = [];
    const analysis = await seams.analyze({
      path: fixture('basic'),
      cache: false,
      onStage: (stage) => stages.push(stage),
      onProgress: (event) => events.push(event.stage),
    });
    expect(stages).toEqual(
      expect.arrayContaining(['load', 'extract', 'graph', 'signals', 'cluster', 'metrics', 'plan']),
    );
    expect(events[0]).toBe('load');
    expect(seams.render(analysis, 'json')).toBe(seams.renderJson(analysis));
    expect(seams.render(analysis, 'text')).toBe(seams.renderText(analysis));
    expect(seams.render(analysis, 'markdown')).toBe(seams.renderMarkdown(analysis));
    expect(seams.render(analysis, 'dot', { level: 'module' })).toBe(seams.renderDot(analysis, 'module'));
    expect([...seams.getReporters().keys()]).toEqual([...seams.REPORT_FORMATS]);
  });

  it('check is exported and judges a project without writing anything', async () => {
    await expect(seams.check({ path: fixture('basic'), cache: false })).rejects.toMatchObject({
      code: expect.stringMatching(/^BOUNDARIES_/),
    });
  });
});

describe('one list per decision', () => {
  it("the option table's format, level and check format choices are the report registry's lists", async () => {
    const { OPTIONS } = await import('../../src/config/options.js');
    expect(OPTIONS.format.choices).toEqual([...seams.REPORT_FORMATS]);
    expect(OPTIONS.level.choices).toEqual([...seams.GRAPH_LEVELS]);
    expect(OPTIONS.checkFormat.choices).toEqual([...seams.CHECK_FORMATS]);
  });
});
