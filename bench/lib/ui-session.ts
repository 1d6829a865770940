// One measured visit of the studio at scale, for bench/ui.ts: a fresh browser context opens the
// page, the probe clicks Library as soon as it exists, and we read when the first card was
// painted; then (when asked) a fling down `rows` rows in 200 steps while long tasks are recorded.
import type { Browser } from '@playwright/test';
import { installPageProbes, scrollGrid } from './page-probes';
import { round } from './stats';

type Probe = {
  __clickAt: number;
  __firstCard: Promise<number>;
  __longTasks: { start: number; duration: number }[];
};

export interface LoadSample {
  /** Navigation start → the first library card painted (the probe clicks Library at once). */
  loadToGridMs: number;
  /** The Library click → the first card painted. */
  clickToGridMs: number;
  longTasksBeforeGrid: number;
}

export interface ScrollSample {
  rowsScrolled: number;
  seconds: number;
  nodes: { min: number; max: number };
  longTasks: number;
  longestMs: number;
  /** Sum of the long tasks' durations: what the user waited on, beside how often. */
  longTaskMs: number;
}

export async function visit(
  browser: Browser,
  url: string,
  scroll: { rows: number } | null,
): Promise<{ load: LoadSample; scroll: ScrollSample | null }> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  try {
    const page = await context.newPage();
    await page.addInitScript(installPageProbes, { openLibrary: true });
    await page.goto(url);
    const firstCard = await page.evaluate(() => (window as unknown as Probe).__firstCard);
    const clickAt = await page.evaluate(() => (window as unknown as Probe).__clickAt);
    const early = await page.evaluate(() => (window as unknown as Probe).__longTasks);
    const load = {
      loadToGridMs: round(firstCard, 0),
      clickToGridMs: round(firstCard - clickAt, 0),
      longTasksBeforeGrid: early.filter((task) => task.start <= firstCard).length,
    };
    if (!scroll) return { load, scroll: null };
    await page.waitForTimeout(500); // let the first pages settle before the fling
    const span = await page.evaluate(scrollGrid, { rows: scroll.rows, steps: 200 });
    const tasks = (await page.evaluate(() => (window as unknown as Probe).__longTasks)).filter(
      (task) => task.start >= span.startedAt && task.start <= span.endedAt,
    );
    return {
      load,
      scroll: {
        rowsScrolled: Math.round(span.scrolledPx / span.rowHeight),
        seconds: round((span.endedAt - span.startedAt) / 1000, 2),
        nodes: { min: Math.min(...span.nodes), max: Math.max(...span.nodes) },
        longTasks: tasks.length,
        longestMs: round(Math.max(0, ...tasks.map((task) => task.duration)), 0),
        longTaskMs: round(
          tasks.reduce((sum, task) => sum + task.duration, 0),
          0,
        ),
      },
    };
  } finally {
    await context.close();
  }
}
