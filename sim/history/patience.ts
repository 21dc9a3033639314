// Patience (how long a caller waits before hanging up) from the waits of every offered call.
// A caller who hung up after w seconds had patience w; a caller answered after w seconds had
// patience of *at least* w — a right-censored observation. The mean wait of those who hung up
// is biased low (the patient ones were answered before they showed it); ignoring the answered
// is the classic mistake. Two estimators, as in Brown et al. (JASA 2005) on these very data:
//
// - exponential MLE with censoring: mean = (total time all offered callers waited) ÷ (callers
//   who hung up). It is the scenario's patience (Erlang A's assumption, one number to plan with)
//   and consistent however heavy the censoring, if patience is exponential;
// - Kaplan–Meier, which assumes no shape: the check on the exponential. Their largest gap in
//   survival (over waits with enough callers still at risk) says how well it fits.
export interface PatienceFit {
  /** Offered calls, and of those who hung up (uncensored) and who were answered (censored). */
  offered: number;
  abandoned: number;
  censoredShare: number;
  /** Exponential MLE, and its standard error (mean ÷ √abandoned). */
  meanSeconds: number;
  standardErrorSeconds: number;
  /** The naive figure, for contrast: mean wait of those who hung up. */
  naiveMeanSeconds: number;
  /** Largest |S_KM(t) − exp(−t/mean)| where at least MIN_AT_RISK callers were still waiting. */
  kaplanMeierGap: number;
  /** Kaplan–Meier survival at its event times (for charts), thinned. */
  kaplanMeier: { seconds: number; survival: number }[];
}

const MIN_AT_RISK = 30;

export function fitPatience(waits: { seconds: number; abandoned: boolean }[]): PatienceFit | undefined {
  const abandoned = waits.filter((w) => w.abandoned);
  if (abandoned.length === 0) return undefined;
  const exposure = waits.reduce((s, w) => s + w.seconds, 0);
  const mean = exposure / abandoned.length;
  const sorted = [...waits].sort((a, b) => a.seconds - b.seconds || Number(b.abandoned) - Number(a.abandoned));
  let atRisk = sorted.length;
  let survival = 1;
  let gap = 0;
  const curve: { seconds: number; survival: number }[] = [{ seconds: 0, survival: 1 }];
  for (let i = 0; i < sorted.length; ) {
    const t = sorted[i].seconds;
    let events = 0;
    let leaving = 0;
    while (i < sorted.length && sorted[i].seconds === t) {
      if (sorted[i].abandoned) events++;
      leaving++;
      i++;
    }
    if (events > 0) {
      survival *= 1 - events / atRisk;
      if (atRisk >= MIN_AT_RISK) gap = Math.max(gap, Math.abs(survival - Math.exp(-t / mean)));
      if (curve.length < 400 || i === sorted.length) curve.push({ seconds: t, survival });
    }
    atRisk -= leaving;
  }
  return {
    offered: waits.length,
    abandoned: abandoned.length,
    censoredShare: 1 - abandoned.length / waits.length,
    meanSeconds: Math.round(mean * 10) / 10,
    standardErrorSeconds: mean / Math.sqrt(abandoned.length),
    naiveMeanSeconds: abandoned.reduce((s, w) => s + w.seconds, 0) / abandoned.length,
    kaplanMeierGap: gap,
    kaplanMeier: curve,
  };
}
