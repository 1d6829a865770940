// Spend per day as stacked SVG bars (one series per project or resolution). Drawn by hand: a few
// rectangles need no chart library, and plain SVG attributes keep to the strict CSP (no eval, no
// injected <style>). Colours come from CSS classes, so light and dark themes both apply.
import { useTranslation } from '../../i18n/use-translation';
import { formatDayKey, formatUsd } from '../../lib/format';

export interface DayBar {
  day: string;
  segments: { key: string; usd: number }[];
  totalUsd: number;
  flagged: boolean;
}

const WIDTH = 1040;
const HEIGHT = 220;
const PAD = { top: 16, right: 8, bottom: 28, left: 48 };

export function DayChart({ bars, seriesIndex }: { bars: DayBar[]; seriesIndex: (key: string) => number }) {
  const { t } = useTranslation();
  const max = Math.max(0.01, ...bars.map((bar) => bar.totalUsd));
  const plotW = WIDTH - PAD.left - PAD.right;
  const plotH = HEIGHT - PAD.top - PAD.bottom;
  const step = plotW / Math.max(1, bars.length);
  const barW = Math.max(2, step * 0.7);
  const y = (usd: number) => PAD.top + plotH - (usd / max) * plotH;
  const labelEvery = Math.ceil(bars.length / 8);
  const first = formatDayKey(bars[0]?.day ?? '');
  const last = formatDayKey(bars[bars.length - 1]?.day ?? '');
  return (
    <svg
      className="chart day-chart"
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      role="img"
      aria-label={t('spend.chartLabel', { from: first, to: last })}
      data-testid="day-chart"
    >
      <line className="chart-grid" x1={PAD.left} x2={WIDTH - PAD.right} y1={y(max)} y2={y(max)} />
      <line className="chart-grid" x1={PAD.left} x2={WIDTH - PAD.right} y1={y(max / 2)} y2={y(max / 2)} />
      <line className="chart-axis" x1={PAD.left} x2={WIDTH - PAD.right} y1={y(0)} y2={y(0)} />
      <text className="chart-tick" x={PAD.left - 6} y={y(max) + 4} textAnchor="end">
        {formatUsd(max)}
      </text>
      <text className="chart-tick" x={PAD.left - 6} y={y(max / 2) + 4} textAnchor="end">
        {formatUsd(max / 2)}
      </text>
      <text className="chart-tick" x={PAD.left - 6} y={y(0) + 4} textAnchor="end">
        {formatUsd(0)}
      </text>
      {bars.map((bar, index) => {
        const x = PAD.left + index * step + (step - barW) / 2;
        let base = 0;
        return (
          <g key={bar.day}>
            <title>
              {t('spend.dayTotal', { day: formatDayKey(bar.day), total: formatUsd(bar.totalUsd) })}
            </title>
            {bar.segments.map((segment) => {
              const top = y(base + segment.usd);
              const height = y(base) - top;
              base += segment.usd;
              return (
                <rect
                  key={segment.key}
                  className={`series-${seriesIndex(segment.key) % 6}`}
                  x={x}
                  y={top}
                  width={barW}
                  height={Math.max(0, height)}
                  rx={2}
                />
              );
            })}
            {bar.flagged ? (
              <circle className="chart-flag" cx={x + barW / 2} cy={y(bar.totalUsd) - 7} r={3.5} />
            ) : null}
            {index % labelEvery === 0 ? (
              <text className="chart-tick" x={x + barW / 2} y={HEIGHT - 8} textAnchor="middle">
                {formatDayKey(bar.day, 'short')}
              </text>
            ) : null}
          </g>
        );
      })}
    </svg>
  );
}

/** Horizontal bars: one per project, longest first. */
export function TotalsChart({
  rows,
}: {
  rows: { key: string; label: string; usd: number; series: number }[];
}) {
  const max = Math.max(0.01, ...rows.map((row) => row.usd));
  const rowH = 28;
  const width = 1040;
  const labelW = 240;
  const valueW = 90;
  return (
    <svg
      className="chart totals-chart"
      viewBox={`0 0 ${width} ${rows.length * rowH + 4}`}
      role="img"
      aria-label={rows.map((row) => `${row.label}: ${formatUsd(row.usd)}`).join('; ')}
      data-testid="project-chart"
    >
      {rows.map((row, index) => (
        <g key={row.key}>
          <text className="chart-label" x={0} y={index * rowH + 18}>
            {row.label.length > 28 ? `${row.label.slice(0, 27)}…` : row.label}
          </text>
          <rect
            className={`series-${row.series % 6}`}
            x={labelW}
            y={index * rowH + 6}
            width={Math.max(2, ((width - labelW - valueW) * row.usd) / max)}
            height={16}
            rx={3}
          />
          <text className="chart-value" x={width} y={index * rowH + 18} textAnchor="end">
            {formatUsd(row.usd)}
          </text>
        </g>
      ))}
    </svg>
  );
}
