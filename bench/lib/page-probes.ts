// Runs inside the page (Playwright addInitScript) before the studio's own code: records long
// tasks, when the library nav was clicked, and when the first real library card was painted.
// `openLibrary` clicks the Library nav the moment it exists, from inside the page, so "page load →
// first painted grid" times the studio and not the test driver's round trips.
export function installPageProbes(options: { openLibrary?: boolean } = {}): void {
  const probe = window as unknown as {
    __longTasks: { start: number; duration: number }[];
    __clickAt: number | null;
    __firstCard: Promise<number>;
  };
  probe.__longTasks = [];
  probe.__clickAt = null;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries())
      probe.__longTasks.push({ start: entry.startTime, duration: entry.duration });
  }).observe({ type: 'longtask', buffered: true });
  document.addEventListener(
    'click',
    (event) => {
      if ((event.target as Element | null)?.closest('[data-testid="nav-library"]'))
        probe.__clickAt = performance.now();
    },
    true,
  );
  if (options.openLibrary) {
    const opener = new MutationObserver(() => {
      const nav = document.querySelector<HTMLElement>('[data-testid="nav-library"]');
      if (!nav) return;
      opener.disconnect();
      nav.click();
    });
    opener.observe(document, { subtree: true, childList: true });
  }
  probe.__firstCard = new Promise((resolve) => {
    const painted = () =>
      // A frame callback runs before the paint; a task queued from it runs after that paint.
      requestAnimationFrame(() => setTimeout(() => resolve(performance.now()), 0));
    const observer = new MutationObserver(() => {
      if (!document.querySelector('[data-testid="library-card"]')) return;
      observer.disconnect();
      painted();
    });
    observer.observe(document, { subtree: true, childList: true });
  });
}

/** In the page: scroll the grid down by `rows` rows in `steps` flings, sampling the DOM size. */
export async function scrollGrid(args: { rows: number; steps: number }): Promise<{
  nodes: number[];
  cards: number[];
  scrolledPx: number;
  rowHeight: number;
  startedAt: number;
  endedAt: number;
}> {
  const grid = document.querySelector<HTMLElement>('[data-testid="library-grid"]');
  const row = document.querySelector<HTMLElement>('.grid-row');
  if (!grid || !row) throw new Error('no grid');
  const rowHeight = row.getBoundingClientRect().height + 16;
  const frame = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
  const nodes: number[] = [];
  const cards: number[] = [];
  const startedAt = performance.now();
  const step = (args.rows * rowHeight) / args.steps;
  for (let index = 0; index < args.steps; index++) {
    grid.scrollTop += step;
    await frame();
    nodes.push(document.getElementsByTagName('*').length);
    cards.push(document.querySelectorAll('.card').length);
  }
  return { nodes, cards, scrolledPx: grid.scrollTop, rowHeight, startedAt, endedAt: performance.now() };
}
