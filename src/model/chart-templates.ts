import type { ParsedFile } from '../parse/yaml.js';
import type { NotEvaluable } from './provenance.js';
import type { ChartValues } from './types.js';

/**
 * Files of a Helm chart's `templates/` folder (a folder beside a `Chart.yaml`, subfolders included) are rendered by
 * Helm from the chart's values when the chart is installed, and those of its `files/` folder only reach the cluster
 * through the templates (`.Files.Get`: Istio's istiod chart keeps its injection templates there); none is applied as
 * written. Each used to give its own note, which a vendored chart turns into dozens (dt-wv/aiops-easytrade commits
 * the Istio 1.24.0 release: 78). Their problems are gathered per chart into one note at its Chart.yaml, and into none
 * when the chart is read as an install through its values (an Argo CD Application of the folder, an umbrella chart,
 * its values.yaml recognized from its keys). A stray template in a plain manifests folder keeps its own note.
 */

const CHART_FILE = /(^|\/)Chart\.ya?ml$/;
const RENDERED_FOLDERS = /^(templates|files)\//;

/** The problems of one chart's rendered folders, by folder. */
export interface ChartTemplateProblems {
  chartDir: string;
  chartFile: string;
  chartLine: number;
  /** Files with problems, by folder (`templates`, `files`), in the order read. */
  files: Map<string, string[]>;
  first: NotEvaluable;
}

/** The folder holding `path` (`''` for the root's), undefined above the root. */
function parentDir(path: string | undefined): string | undefined {
  if (path === undefined || path === '') return undefined;
  const slash = path.lastIndexOf('/');
  return slash < 0 ? '' : path.slice(0, slash);
}

/**
 * The innermost chart (a folder `isChartDir` accepts) one of whose content folders (`folders`, matched against the
 * path below the chart: `templates/…`) holds `file`, with that folder's name.
 */
export function chartFolderOf(
  file: string,
  folders: RegExp,
  isChartDir: (dir: string) => boolean,
): { chartDir: string; folder: string } | undefined {
  for (let dir = parentDir(parentDir(file)); dir !== undefined; dir = parentDir(dir)) {
    const below = dir === '' ? file : file.slice(dir.length + 1);
    const folder = folders.exec(below)?.[1];
    if (folder && isChartDir(dir)) return { chartDir: dir, folder };
  }
  return undefined;
}

/**
 * The problems of the parsed files, those of charts' rendered folders held back per chart (see
 * {@link chartTemplateNotes}).
 */
export function splitChartTemplateProblems(files: readonly ParsedFile[]): {
  problems: NotEvaluable[];
  charts: ChartTemplateProblems[];
} {
  const chartFiles = new Map<string, ParsedFile>();
  for (const file of files) if (CHART_FILE.test(file.file)) chartFiles.set(parentDir(file.file) ?? '', file);
  const problems: NotEvaluable[] = [];
  const charts = new Map<string, ChartTemplateProblems>();
  for (const file of files) {
    if (file.problems.length === 0) continue;
    const rendered =
      chartFiles.size > 0
        ? chartFolderOf(file.file, RENDERED_FOLDERS, (dir) => chartFiles.has(dir))
        : undefined;
    if (!rendered) {
      // One by one: a file can have more problems than a spread can pass as arguments.
      for (const problem of file.problems) problems.push(problem);
      continue;
    }
    const chartFile = chartFiles.get(rendered.chartDir)!;
    let chart = charts.get(rendered.chartDir);
    if (!chart) {
      chart = {
        chartDir: rendered.chartDir,
        chartFile: chartFile.file,
        chartLine: chartFile.documents[0]?.line ?? 1,
        files: new Map(),
        first: file.problems[0],
      };
      charts.set(rendered.chartDir, chart);
    }
    const listed = chart.files.get(rendered.folder) ?? [];
    listed.push(file.file);
    chart.files.set(rendered.folder, listed);
  }
  return { problems, charts: [...charts.values()] };
}

/** Whether values of an install were read from a file of the chart's own folder (its values.yaml, an overlay). */
function isReadAsInstall(chartDir: string, chartValues: readonly ChartValues[]): boolean {
  return chartValues.some((values) =>
    (values.layers ?? []).some(
      (layer) => !layer.preset && layer.document && parentDir(layer.document.file) === chartDir,
    ),
  );
}

/** One note per chart whose rendered folders were not read, unless the chart is read as an install. */
export function chartTemplateNotes(
  charts: readonly ChartTemplateProblems[],
  chartValues: readonly ChartValues[],
): NotEvaluable[] {
  return charts.flatMap((chart) => {
    if (isReadAsInstall(chart.chartDir, chartValues)) return [];
    const counts = [...chart.files].map(
      ([folder, files]) => `${files.length} file${files.length === 1 ? '' : 's'} of ${folder}/`,
    );
    const where = chart.chartDir === '' ? 'the repository root' : chart.chartDir;
    const first = chart.first.file.slice(chart.chartDir === '' ? 0 : chart.chartDir.length + 1);
    return [
      {
        file: chart.chartFile,
        line: chart.chartLine,
        reason: `Helm chart ${where}: ${counts.join(' and ')} were not read: Helm renders them from the chart's values when the chart is installed, they are not applied as written (first: ${first}:${chart.first.line})`,
      },
    ];
  });
}
