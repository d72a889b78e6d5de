/**
 * How long rendering a conclusion notice takes. Run directly:
 *   node --import tsx apps/server/src/modules/documents/render/bench.ts [conclusions] [runs]
 */
import { pathToFileURL } from 'node:url';
import { renderOfficialDocument } from './official-document.ts';
import { sampleConclusionNotice } from './samples.ts';

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** The median time (ms) to render a conclusion notice with `conclusions` numbered conclusions, over `runs` runs. */
export async function benchConclusionNotice(conclusions = 30, runs = 20): Promise<{ medianMs: number }> {
  const spec = sampleConclusionNotice(conclusions);
  await renderOfficialDocument(spec); // warm up
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await renderOfficialDocument(spec);
    times.push(performance.now() - start);
  }
  return { medianMs: Math.round(median(times) * 100) / 100 };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [conclusions, runs] = process.argv.slice(2).map(Number);
  const { medianMs } = await benchConclusionNotice(conclusions || 30, runs || 20);
  console.log(
    `conclusion notice (${conclusions || 30} conclusions, ${runs || 20} runs): median ${medianMs} ms`,
  );
}
