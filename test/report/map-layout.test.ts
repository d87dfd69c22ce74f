/**
 * The service map's layout on synthetic analyses of 5, 40 and 600 services: no drawn label
 * overlaps another label, a node or the kernel band (boxes from the layout's own width estimate),
 * groups from 40 services on, and the same coordinates every time.
 */
import { describe, expect, it } from 'vitest';
import type { Analysis } from '../../src/analysis.js';
import {
  LABEL_ASCENT_EM,
  LABEL_DESCENT_EM,
  LABEL_HALO,
  labelWidth,
  layoutServiceMap,
  type MapLayout,
} from '../../src/report/html/map-layout.js';
import { renderHtml } from '../../src/report/html/render-html.js';
import { buildReportModel } from '../../src/report/html/report-model.js';
import { largeAnalysis } from './large-analysis.js';

/** Names of every length and width: short, wide letters, capitals, and past the 28-character cut. */
const WORDS = ['api', 'billing', 'mmmwww', 'UserAccounts', 'notification-delivery-scheduler-queue', 'i18n', 'WWW-Mail'];

function named(services: number): Analysis {
  return largeAnalysis(services, 2, (i) => `${WORDS[i % WORDS.length]}-${i}`);
}

type Rect = [x0: number, y0: number, x1: number, y1: number];

function intersects(a: Rect, b: Rect): boolean {
  return a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3];
}

/** The box of every drawn label (service labels and group titles), by what it labels. */
function labelBoxes(layout: MapLayout): [string, Rect][] {
  const f = layout.fontSize;
  const line = (x0: number, baseline: number, text: string): Rect => [
    x0,
    baseline - LABEL_ASCENT_EM * f - LABEL_HALO,
    x0 + labelWidth(text, f),
    baseline + LABEL_DESCENT_EM * f + LABEL_HALO,
  ];
  return [
    ...layout.nodes
      .filter((node) => !node.kernel)
      .map((node): [string, Rect] => [
        `label of ${node.id}`,
        line(node.labelX - labelWidth(node.label, f) / 2, node.labelY, node.label),
      ]),
    ...layout.groups.map((group): [string, Rect] => [
      `title of group ${group.id}`,
      line(group.titleX - LABEL_HALO, group.titleY, group.title),
    ]),
  ];
}

function overlaps(layout: MapLayout): string[] {
  const labels = labelBoxes(layout);
  const circles = layout.nodes.map((node): [string, Rect] => [
    `node ${node.id}`,
    [node.x - node.r, node.y - node.r, node.x + node.r, node.y + node.r],
  ]);
  const found: string[] = [];
  for (const [i, [name, box]] of labels.entries()) {
    for (const [other, otherBox] of labels.slice(i + 1))
      if (intersects(box, otherBox)) found.push(`${name} / ${other}`);
    for (const [other, otherBox] of circles) if (intersects(box, otherBox)) found.push(`${name} / ${other}`);
    if (layout.band !== null) {
      const [x, y, width, height] = layout.band;
      if (intersects(box, [x, y, x + width, y + height])) found.push(`${name} / kernel band`);
    }
  }
  return found;
}

describe('service map layout', () => {
  for (const services of [5, 40, 600]) {
    it(`draws no label over another label or a node: ${services} services`, { timeout: 60_000 }, () => {
      const analysis = named(services);
      const model = buildReportModel(analysis);
      const layout = layoutServiceMap(analysis, model);
      expect(layout.nodes).toHaveLength(services + 1);
      expect(overlaps(layout)).toEqual([]);
      for (const node of layout.nodes)
        expect([node.x, node.y, node.r, node.labelX, node.labelY].every(Number.isFinite)).toBe(true);
      // Everything drawn lies inside the viewBox.
      const [minX, minY, width, height] = layout.box;
      for (const [, box] of labelBoxes(layout)) {
        expect(box[0]).toBeGreaterThanOrEqual(minX);
        expect(box[2]).toBeLessThanOrEqual(minX + width);
        expect(box[1]).toBeGreaterThanOrEqual(minY);
        expect(box[3]).toBeLessThanOrEqual(minY + height);
      }
      expect(layoutServiceMap(analysis, buildReportModel(analysis))).toEqual(layout);
    });
  }

  it('groups services from 40 on: disjoint titled boxes, each around its members', () => {
    expect(layoutServiceMap(named(39), buildReportModel(named(39))).groups).toEqual([]);
    const analysis = named(120);
    const layout = layoutServiceMap(analysis, buildReportModel(analysis));
    expect(layout.groups.length).toBeGreaterThan(1);
    const members = layout.groups.flatMap((group) => group.members).sort();
    expect(members).toEqual(
      analysis.partition.clusters
        .filter((item) => item.kind !== 'kernel')
        .map((item) => item.id)
        .sort(),
    );
    const rect = (box: [number, number, number, number]): Rect => [box[0], box[1], box[0] + box[2], box[1] + box[3]];
    const f = layout.fontSize;
    for (const [i, group] of layout.groups.entries()) {
      for (const other of layout.groups.slice(i + 1)) expect(intersects(rect(group.box), rect(other.box))).toBe(false);
      const [x0, y0, x1, y1] = rect(group.box);
      for (const id of group.members) {
        const node = layout.nodes.find((item) => item.id === id);
        if (node === undefined) throw new Error(`${id} is not on the map`);
        const half = labelWidth(node.label, f) / 2;
        expect(Math.min(node.x - node.r, node.labelX - half)).toBeGreaterThanOrEqual(x0);
        expect(Math.max(node.x + node.r, node.labelX + half)).toBeLessThanOrEqual(x1);
        expect(node.y - node.r).toBeGreaterThanOrEqual(y0);
        expect(node.labelY + LABEL_DESCENT_EM * f).toBeLessThanOrEqual(y1);
      }
    }
  });

  it('puts the kernel in a band below every service', () => {
    const analysis = named(40);
    const layout = layoutServiceMap(analysis, buildReportModel(analysis));
    const kernel = layout.nodes.find((node) => node.kernel);
    const services = layout.nodes.filter((node) => !node.kernel);
    expect(kernel?.y).toBeGreaterThan(Math.max(...services.map((node) => node.labelY)));
    expect(layout.band?.[1]).toBeGreaterThan(Math.max(...layout.groups.map((group) => group.box[1] + group.box[3])));
  });

  it('renders the same bytes twice', () => {
    const analysis = named(40);
    expect(renderHtml(analysis)).toBe(renderHtml(analysis));
  });
});

describe('service map: events between services', () => {
  it('draws one dashed edge per emitting and listening pair of services, with the channel names', () => {
    const analysis = largeAnalysis(3, 2);
    const [a, b, c] = analysis.partition.clusters.filter((item) => item.kind === 'service');
    const first = (cluster: typeof a) => cluster?.modules[0] as string;
    analysis.graph.events = [
      // a emits order.created to b and c; c emits job to a; a's own listener adds no edge.
      {
        transport: 'nest-event-emitter',
        name: 'order.created',
        emitters: [{ module: first(a), line: 3 }],
        listeners: [
          { module: first(a), line: 9 },
          { module: first(b), line: 4 },
          { module: first(c), line: 5 },
        ],
      },
      {
        transport: 'bullmq',
        name: 'job',
        emitters: [{ module: first(c), line: 1 }],
        listeners: [{ module: first(a), line: 2 }],
      },
      { transport: 'event-emitter', name: 'lonely', emitters: [{ module: first(b), line: 1 }], listeners: [] },
    ];
    const layout = layoutServiceMap(analysis, buildReportModel(analysis));
    expect(layout.eventEdges.map((edge) => [edge.from, edge.to, edge.names])).toEqual([
      [a?.id, b?.id, ['order.created']],
      [a?.id, c?.id, ['order.created']],
      [c?.id, a?.id, ['job']],
    ]);
    const html = renderHtml(analysis);
    expect(html.match(/<path class="edge edge-event" d="M[^"]*" stroke-width="1.5" marker-end/g)).toHaveLength(3);
  });
});
