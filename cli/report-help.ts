// `followsun report --help`, kept apart from the command so that listing the commands does not
// load the report and its charts.
import type { CommandHelp } from './arguments';

export const REPORT_HELP: CommandHelp = {
  usage: 'followsun report BASE VARIANT [MORE …] -o FILE.html [options]',
  summary: 'Write the business case comparing scenarios as one self-contained HTML page.',
  details:
    'The scenarios run with common random numbers (the first is the base); the page holds the\n' +
    'assumptions, coverage heatmaps before and after, service level, abandonment and cost per\n' +
    'language and provider, and a plain-language summary. It opens offline and prints to PDF.',
  options: [
    ['-o, --out FILE.html', 'the page to write (required)'],
    ['--replications N', "replications of every scenario (default: the base file's)"],
    ['--seed S', "random seed shared by all scenarios (default: the base file's)"],
    ['--workers N', 'worker threads (default: all cores when the run is big enough to gain)'],
    ['--allow-large-runs', 'run beyond the work limits (more than a billion contacts; README, Limits)'],
  ],
  examples: ['followsun report scenarios/global-in-house.yaml scenarios/global-follow-the-sun.yaml -o case.html'],
};
