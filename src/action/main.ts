import * as core from '@actions/core';
import * as github from '@actions/github';
import { loadConfig } from '../config/load.js';
import { analyze, loadModel, ParseCache, shouldFail } from '../engine.js';
import { renderMarkdown } from '../report/markdown.js';
import { directorySource } from '../sources/directory.js';
import { gitRefSource } from '../sources/git.js';
import type { FileSelection } from '../sources/types.js';
import { readInputs } from './inputs.js';
import { annotate, setOutputs } from './publish.js';

/** The PR's base commit, when the event is a pull request. */
function pullRequestBase(): string | undefined {
  const pr = github.context.payload.pull_request as { base?: { sha?: string } } | undefined;
  return pr?.base?.sha;
}

export async function run(): Promise<void> {
  try {
    const inputs = readInputs();
    const workspace = process.env.GITHUB_WORKSPACE ?? process.cwd();
    const config = await loadConfig(workspace, inputs.config);
    const selection: FileSelection = {
      include: inputs.paths.length > 0 ? inputs.paths : config.include,
      exclude: [...config.exclude, ...inputs.exclude],
    };
    const cache = new ParseCache();
    const head = await loadModel(directorySource(workspace, selection), cache);
    const baseSha = pullRequestBase();
    let base;
    if (baseSha) {
      try {
        base = await loadModel(await gitRefSource(workspace, baseSha, selection), cache);
      } catch (error) {
        core.warning(
          `The PR base ${baseSha} is not in the checkout (use fetch-depth: 0); every finding counts as new. ${(error as Error).message}`,
        );
      }
    }
    const { report } = analyze(head, base, { settings: config.rules });
    const failed = shouldFail(report, inputs.failOn, inputs.failScope);
    if (inputs.annotations) annotate(report);
    await core.summary.addRaw(renderMarkdown(report)).write();
    setOutputs(report, failed ? 'failure' : 'success');
    if (failed)
      core.setFailed(
        `dynakube-istio-guard: ${report.summary.new} new finding(s) at or above '${inputs.failOn}'`,
      );
  } catch (error) {
    core.setFailed(`dynakube-istio-guard: ${(error as Error).message}`);
  }
}
