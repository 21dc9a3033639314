// The case report's assumptions, as the CFO reads them: each channel's service-level target is the
// one the simulation judged it against — chat without a target of its own at 80% within 60 s, not
// the voice target — and only the channels the scenario has are listed.
import { describe, expect, it } from 'vitest';
import { caseReportHtml } from '../../report/case-report';
import { compareModels, compileForComparison } from '../../sim/compare';
import { parseScenario } from '../../sim/scenario/scenario';
import { TWO_LANGUAGES } from '../e2e/two-languages';

/** The "Service-level targets" row of the settings table: one cell per scenario. */
function targetCells(html: string): string[] {
  const row = /<tr><th scope="row">Service-level targets<\/th>(.*?)<\/tr>/.exec(html)?.[1] ?? '';
  return [...row.matchAll(/<td>(.*?)<\/td>/g)].map((m) => m[1].split('<br>').join(' | '));
}

describe('the service-level targets in the assumptions', () => {
  it('are those each channel was judged against, for the channels the scenario has', () => {
    // English and German on voice and chat; no channels block: voice at the top-level 80% in 20 s,
    // chat at its default 80% in 60 s. The variant gives chat its own target.
    const base = parseScenario(TWO_LANGUAGES, 'base.yaml');
    const variant = parseScenario(`${TWO_LANGUAGES}channels: { chat: { serviceLevel: { seconds: 120, target: 0.7 } } }\n`, 'variant.yaml');
    const scenarios = [base, variant];
    const comparison = compareModels(compileForComparison(scenarios));
    expect(comparison.scenarios[0].channelTargets.chat).toEqual({ thresholdSeconds: 60, target: 0.8 });
    const html = caseReportHtml({ scenarios, comparison, generatedAt: '2026-01-01T00:00:00Z' });
    expect(targetCells(html)).toEqual(['Voice 80% within 20 s | Chat 80% within 60 s', 'Voice 80% within 20 s | Chat 70% within 2 min']);
  });
});
