/** seams as a library: analyse a TypeScript monolith and get plain data back. */
export { analyze } from './analyze.js';
export { check, type CheckOptions, type CheckOutcome } from './check.js';
export type { PipelineHooks, Progress, ProgressListener, StageObserver } from './base/progress.js';
export type { Analysis, AnalysisSettings } from './analysis.js';
export type { BaselineEntry, CheckResult, RuleId, Violation } from './gate/types.js';
export type { Boundaries, ServiceBoundary } from './gate/boundaries.js';
export type { AnalyzeOptions } from './config/resolve-settings.js';
export type { Settings, ClusterSettings } from './config/settings.js';
export type { Diagnostic } from './base/diagnostics.js';
export { SeamsError, type ErrorCode } from './base/errors.js';
export type { ImportKind, ImportTarget, ModuleId } from './extract/types.js';
export type {
  DependencyEdge,
  ImportDetail,
  ModuleCycle,
  ModuleEdge,
  ModuleGraph,
  ModuleNode,
  ExternalImports,
  ServiceDependency,
} from './graph/types.js';
export type { Cluster, ClusterId, Partition } from './cluster/types.js';
export type { Agreement, Metrics, ModuleCoupling, PartitionMetrics, ServiceMetrics } from './metrics/types.js';
export type {
  ApiSurface,
  ApiSymbol,
  CrossingImport,
  DataOwnership,
  Plan,
  PlanStep,
  ServiceCycle,
  StepCost,
} from './plan/types.js';
export { render, renderChunks, getReporters, type Reporter, type RenderOptions } from './report/render.js';
export {
  REPORT_FORMATS,
  CHECK_FORMATS,
  GRAPH_LEVELS,
  formatOfFile,
  type ReportFormat,
  type CheckFormat,
} from './report/formats.js';
export { renderCheck } from './report/check/render-check.js';
export { renderJson, toJsonReport, type JsonReport } from './report/json.js';
export { renderText } from './report/text.js';
export { renderMarkdown } from './report/markdown.js';
export { renderHtml } from './report/html/render-html.js';
export { renderDot } from './report/dot.js';
export { renderMermaid } from './report/mermaid.js';
export type { GraphLevel } from './report/graph-view.js';
export { mojoFm } from './metrics/mojofm.js';
