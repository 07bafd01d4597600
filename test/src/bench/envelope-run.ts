import type { TEnvelopeWorkflowInput } from '@signet/shared';
import type { Client } from '@temporalio/client';
import { runBounded } from './bounded';
import type { EnvelopeProbe } from './complete-envelope';
import { completeEnvelope } from './complete-envelope';
import type { LatencySummary } from './stats';
import { perSecond, summariseLatencies } from './stats';

export type EnvelopeRunResult = {
  envelopesPerSecond: number;
  durationMs: number;
  signUpdateLatencyMs: LatencySummary;
};

export type EnvelopeRunOptions = {
  taskQueue: string;
  concurrency: number;
  /** One per envelope; built before the clock starts, so building them is not measured. */
  inputs: TEnvelopeWorkflowInput[];
};

/**
 * Takes every envelope of `inputs` through their whole life, `concurrency` at a time. The duration runs from the
 * first start to the last completion, so it includes sealing and the completion mails of the last ones.
 */
export async function runEnvelopes(client: Client, options: EnvelopeRunOptions): Promise<EnvelopeRunResult> {
  const probe: EnvelopeProbe = { signUpdateLatenciesMs: [], turnPolls: 0, notYourTurn: 0 };
  const started = performance.now();
  await runBounded(options.inputs.length, options.concurrency, (index) =>
    completeEnvelope(client, options.inputs[index]!, options.taskQueue, probe),
  );
  const durationMs = Math.round(performance.now() - started);
  process.stderr.write(
    `[bench] ${options.taskQueue}: ${probe.notYourTurn} first-task NOT_YOUR_TURN retries, ${probe.turnPolls} turn polls\n`,
  );
  return {
    envelopesPerSecond: perSecond(options.inputs.length, durationMs),
    durationMs,
    signUpdateLatencyMs: summariseLatencies(probe.signUpdateLatenciesMs),
  };
}
